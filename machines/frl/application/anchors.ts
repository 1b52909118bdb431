import { formatDate, formatEuro, formatNumber } from '../../shared/format';
import { costCategories, participationFormats } from '../catalogues';
import type { ApplicationData } from './schema';
import { stepInfo, type EditableStep } from './steps';

/**
 * Places a comment can be anchored to: a step, a field of the step, or a row of a list (a budget
 * line, a partner …). Anchors name rows by their id, so a comment stays with its line when other
 * lines are added or removed.
 */
export interface Anchor {
  step: EditableStep;
  /** Form field name ("title") or row ("lines[id=abc]"); null for the step as a whole. */
  field: string | null;
  label: string;
  /** Path of the data the anchor refers to, to tell whether a change answers a comment. */
  dataPath: string;
}

const section: Record<EditableStep, string> = {
  antragsteller: 'applicant',
  vorhaben: 'project',
  zeitplan: 'schedule',
  kosten: 'budget',
  erklaerungen: 'declarations',
  anlagen: 'attachments',
};

const fieldLabels: Record<EditableStep, Array<[string, string]>> = {
  antragsteller: [
    ['organisation.name', 'Name der Organisation'],
    ['organisation.street', 'Anschrift'],
    ['organisation.legalRepName', 'Vertretungsberechtigte Person'],
    ['organisation.contactName', 'Ansprechperson'],
    ['organisation.iban', 'Bankverbindung'],
    ['nonprofit', 'Gemeinnützigkeit'],
    ['locallyRooted', 'Verankerung in Sachsen'],
    ['isVerbund', 'Verbund'],
  ],
  vorhaben: [
    ['title', 'Titel des Vorhabens'],
    ['route', 'Förderweg'],
    ['summary', 'Kurzbeschreibung'],
    ['goals', 'Gesamtzielsetzung'],
    ['targetGroups', 'Zielgruppen'],
    ['placeDescription', 'Ort des Vorhabens'],
    ['location', 'Durchführung in Sachsen'],
    ['usesBeteiligungsportal', 'Beteiligungsportal'],
    ['softwareProcurement', 'Software'],
    ['cooperationDescription', 'Zusammenarbeit'],
    ['federalOrEuFunding', 'Förderung durch Bund oder EU'],
    ['whyProject', 'Begründung des Vorhabens'],
    ['whyFunding', 'Begründung der Förderung'],
  ],
  zeitplan: [
    ['start', 'Beginn'],
    ['end', 'Ende'],
    ['alreadyStarted', 'Vorhabensbeginn'],
  ],
  kosten: [
    ['vatDeductible', 'Vorsteuerabzug'],
    ['ownCash', 'Eigenmittel'],
    ['requestedGrant', 'Beantragte Zuwendung'],
    ['capExceedReason', 'Begründung für eine höhere Zuwendung'],
  ],
  erklaerungen: [
    ['ebbsAndEvaluation', 'Mitwirkung EBBS'],
    ['fdgo', 'Freiheitliche demokratische Grundordnung'],
    ['signatoryName', 'Unterschrift'],
  ],
  anlagen: [],
};

const dataField: Record<string, string> = { ownCash: 'ownCashCents', requestedGrant: 'requestedGrantCents' };

function row(step: EditableStep, list: string, dataList: string, id: string, label: string): Anchor {
  return { step, field: `${list}[id=${id}]`, label, dataPath: `${section[step]}.${dataList}[id=${id}]` };
}

export function anchorsOf(data: ApplicationData): Anchor[] {
  const anchors: Anchor[] = [];
  for (const step of Object.keys(fieldLabels) as EditableStep[]) {
    anchors.push({ step, field: null, label: `${stepInfo[step].title} (ganzer Abschnitt)`, dataPath: section[step] });
    for (const [field, label] of fieldLabels[step]) {
      anchors.push({ step, field, label, dataPath: `${section[step]}.${dataField[field] ?? field}` });
    }
  }
  data.applicant.partners.forEach((p, i) => anchors.push(row('antragsteller', 'partners', 'partners', p.id, `Verbundpartner ${i + 1}${p.name ? `: ${p.name}` : ''}`)));
  data.project.parts.forEach((p, i) => anchors.push(row('vorhaben', 'parts', 'parts', p.id, `Teilvorhaben ${i + 1}${p.title ? `: ${p.title}` : ''}`)));
  data.project.formats.forEach((f, i) =>
    anchors.push(row('vorhaben', 'formats', 'formats', f.id, `Format ${i + 1}: ${participationFormats.find((x) => x.id === f.format)?.label ?? f.format}`)),
  );
  data.schedule.milestones.forEach((m, i) => anchors.push(row('zeitplan', 'milestones', 'milestones', m.id, `Meilenstein ${i + 1}${m.title ? `: ${m.title}` : ''}`)));
  data.budget.lines.forEach((l, i) =>
    anchors.push(
      row('kosten', 'lines', 'lines', l.id, `Ausgabe ${i + 1}: ${l.description || costCategories.find((c) => c.id === l.category)?.label || ''}`),
    ),
  );
  data.budget.inKind.forEach((l, i) => anchors.push(row('kosten', 'inKind', 'inKind', l.id, `Eigenleistung ${i + 1}${l.description ? `: ${l.description}` : ''}`)));
  return anchors;
}

export function findAnchor(data: ApplicationData, step: string, field: string | null): Anchor | undefined {
  return anchorsOf(data).find((a) => a.step === step && a.field === field);
}

/** Whether a data change (path from diff.ts) concerns the anchor. */
export function changeTouches(anchor: Pick<Anchor, 'dataPath'>, changedPath: string): boolean {
  return changedPath === anchor.dataPath || changedPath.startsWith(`${anchor.dataPath}.`) || changedPath.startsWith(`${anchor.dataPath}[`);
}

const rowFieldLabels: Record<string, string> = {
  amountCents: 'Betrag',
  unitPriceCents: 'Einzelpreis',
  quantityMilli: 'Menge',
  description: 'Beschreibung',
  category: 'Kategorie',
  year: 'Kalenderjahr',
  kind: 'Art',
  title: 'Titel',
  name: 'Name',
  date: 'Datum',
  format: 'Format',
  level: 'Stufe',
  period: 'Monat',
  unitRateCents: 'Miete je Einheit',
  rentSource: 'Quelle der Miete',
  note: 'Anmerkung',
};

const listLabels: Record<string, string> = {
  lines: 'Ausgabe',
  inKind: 'Eigenleistung',
  partners: 'Verbundpartner',
  parts: 'Teilvorhaben',
  formats: 'Beteiligungsformat',
  milestones: 'Meilenstein',
  donations: 'Spende oder Mittel Dritter',
  otherPublic: 'Andere öffentliche Mittel',
};

/** A readable name for a changed data path ("Ausgabe 2: Moderation – Betrag"). */
export function describePath(path: string, data: ApplicationData): string {
  const anchors = anchorsOf(data).filter((a) => a.field !== null);
  const best = anchors
    .filter((a) => changeTouches(a, path))
    .sort((a, b) => b.dataPath.length - a.dataPath.length)[0];
  if (!best) {
    // A row that no longer exists (removed) or is not anchored: name it by its list.
    const row = /^[a-zA-Z]+\.([a-zA-Z]+)\[id=[^\]]+\](?:\.(\w+))?$/.exec(path);
    if (row && listLabels[row[1]!]) return row[2] ? `${listLabels[row[1]!]} – ${rowFieldLabels[row[2]] ?? row[2]}` : listLabels[row[1]!]!;
    const last = path.split('.').at(-1) ?? path;
    return rowFieldLabels[last] ?? last;
  }
  if (best.dataPath === path) return best.label;
  const rest = path.slice(best.dataPath.length).replace(/^\./, '');
  return `${best.label} – ${rowFieldLabels[rest] ?? rest}`;
}

/** A changed value as people read it: amounts in euros, dates in de-DE, rows by their main fields. */
export function describeValue(path: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  const last = path.split('.').at(-1) ?? '';
  if (typeof value === 'number') {
    if (/Cents$/.test(last)) return formatEuro(value);
    if (/Milli$/.test(last)) return formatNumber(value / 1000);
    return formatNumber(value);
  }
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
  if (Array.isArray(value)) return value.length ? value.map((v) => describeValue(path, v)).join(', ') : '–';
  if (typeof value === 'object') {
    const row = value as Record<string, unknown>;
    const name = [row.description, row.title, row.name].find((v) => typeof v === 'string' && v.trim()) as string | undefined;
    const category = typeof row.category === 'string' ? costCategories.find((c) => c.id === row.category)?.label : undefined;
    const amount = typeof row.amountCents === 'number' ? formatEuro(row.amountCents) : typeof row.unitPriceCents === 'number' ? `${formatEuro(row.unitPriceCents)} je Einheit` : undefined;
    const parts = [name ?? category, amount, typeof row.year === 'number' ? String(row.year) : undefined].filter(Boolean);
    return parts.length ? parts.join(', ') : 'Eintrag';
  }
  return String(value);
}

/** The step a data path belongs to ("budget.lines[id=x].amountCents" → "kosten"). */
export function stepOfPath(path: string): EditableStep | null {
  const top = /^[a-zA-Z]+/.exec(path)?.[0];
  const entry = (Object.entries(section) as Array<[EditableStep, string]>).find(([, s]) => s === top);
  return entry ? entry[0] : null;
}
