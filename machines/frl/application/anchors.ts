import { formatDate, formatEuro, formatNumber } from '../../shared/format';
import { formatIban } from '../../shared/iban';
import { landkreisLabel, organisationKindInfo, type Landkreis, type OrganisationKind } from '../../shared/organisation';
import { costCategories, costLineKindLabel, inKindKindLabel } from '../catalogues';
import { participationFormats, participationLevelInfo, targetGroups, type ParticipationLevel } from '../../shared/participation';
import { formatFact } from '../criterion';
import { routeInfo, type FundingRoute } from '../routes';
import { lineCalculationText, lineTotalCents } from './budget';
import type { ApplicationData, CostLine } from './schema';
import { fieldsByStep, stepSection } from './fields';
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

const section = stepSection;

/**
 * The German name of every field of the application, per step, from the field registry
 * (./fields). Each field is also a place a comment can be anchored to. Keys are form field names;
 * where the stored name differs (amounts in cents), `dataField` maps it.
 */
const fieldLabels = Object.fromEntries(
  (Object.keys(fieldsByStep) as EditableStep[]).map((step) => [
    step,
    fieldsByStep[step].filter((f) => f.anchor !== false).map((f): [string, string] => [f.name, f.label]),
  ]),
) as Record<EditableStep, Array<[string, string]>>;

const dataField: Record<string, string> = Object.fromEntries(
  Object.values(fieldsByStep).flatMap((fields) => fields.flatMap((f) => (f.dataName ? [[f.name, f.dataName] as const] : []))),
);

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
  data.applicant.partners.forEach((p, i) =>
    anchors.push(row('antragsteller', 'partners', 'partners', p.id, `Verbundpartner ${i + 1}${p.name ? `: ${p.name}` : ''}`)),
  );
  data.project.parts.forEach((p, i) =>
    anchors.push(row('vorhaben', 'parts', 'parts', p.id, `Teilvorhaben ${i + 1}${p.title ? `: ${p.title}` : ''}`)),
  );
  data.project.formats.forEach((f, i) =>
    anchors.push(
      row(
        'vorhaben',
        'formats',
        'formats',
        f.id,
        `Format ${i + 1}: ${participationFormats.find((x) => x.id === f.format)?.label ?? f.format}`,
      ),
    ),
  );
  data.schedule.milestones.forEach((m, i) =>
    anchors.push(row('zeitplan', 'milestones', 'milestones', m.id, `Meilenstein ${i + 1}${m.title ? `: ${m.title}` : ''}`)),
  );
  data.budget.lines.forEach((l, i) =>
    anchors.push(
      row(
        'kosten',
        'lines',
        'lines',
        l.id,
        `Ausgabe ${i + 1}: ${l.description || costCategories.find((c) => c.id === l.category)?.label || ''}`,
      ),
    ),
  );
  data.budget.inKind.forEach((l, i) =>
    anchors.push(row('kosten', 'inKind', 'inKind', l.id, `Eigenleistung ${i + 1}${l.description ? `: ${l.description}` : ''}`)),
  );
  return anchors;
}

export function findAnchor(data: ApplicationData, step: string, field: string | null): Anchor | undefined {
  return anchorsOf(data).find((a) => a.step === step && a.field === field);
}

/** Whether a data change (path from diff.ts) concerns the anchor. */
export function changeTouches(anchor: Pick<Anchor, 'dataPath'>, changedPath: string): boolean {
  return changedPath === anchor.dataPath || changedPath.startsWith(`${anchor.dataPath}.`) || changedPath.startsWith(`${anchor.dataPath}[`);
}

/** The rows of the application's lists: what one row is called, and its fields. */
const rowLabels: Record<string, { row: string; fields: Record<string, string> }> = {
  partners: {
    row: 'Verbundpartner',
    fields: {
      name: 'Name',
      kind: 'Art',
      landkreis: 'Landkreis oder kreisfreie Stadt',
      ags: 'Amtlicher Gemeindeschlüssel',
      contact: 'Ansprechperson',
    },
  },
  parts: { row: 'Teilvorhaben', fields: { title: 'Titel', description: 'Beschreibung' } },
  formats: { row: 'Beteiligungsformat', fields: { format: 'Format', level: 'Stufe der Beteiligung', description: 'Einsatz des Formats' } },
  milestones: { row: 'Meilenstein', fields: { title: 'Bezeichnung', date: 'Datum' } },
  lines: {
    row: 'Ausgabe',
    fields: {
      category: 'Kategorie',
      description: 'Beschreibung',
      kind: 'Berechnung',
      quantityMilli: 'Menge',
      unitPriceCents: 'Einzelpreis',
      amountCents: 'Pauschalbetrag',
      year: 'Kalenderjahr',
      note: 'Anmerkung',
    },
  },
  inKind: {
    row: 'Eigenleistung',
    fields: {
      kind: 'Art',
      description: 'Beschreibung',
      quantityMilli: 'Stunden oder Einheiten',
      period: 'Monat',
      unitRateCents: 'Miete je Einheit',
      rentSource: 'Quelle der Miete',
      supportingOnly: 'Unterstützendes Engagement',
    },
  },
  donations: {
    row: 'Spende oder Mittel Dritter',
    fields: { donor: 'Geldgeberin oder Geldgeber', amountCents: 'Betrag', earmarked: 'Zweckgebunden' },
  },
  otherPublic: {
    row: 'Andere öffentliche Mittel',
    fields: { funder: 'Förderstelle oder Programm', amountCents: 'Betrag', status: 'Stand' },
  },
};

/** Fields outside the steps' forms. */
const otherLabels: Record<string, string> = { schemaVersion: 'Fassung des Datenformats' };

/** Form fields whose stored name differs: amounts and quantities are kept in cents and thousandths. */
const storedRowField: Record<string, string> = {
  quantity: 'quantityMilli',
  unitPrice: 'unitPriceCents',
  amount: 'amountCents',
  unitRate: 'unitRateCents',
};

/**
 * The German name of a posted form field ("lines[1].unitPrice" → "Ausgabe 2 – Einzelpreis"), for
 * input shown back as typed (a conflict, a locked draft).
 */
export function describeFormField(step: EditableStep, name: string): string {
  const field = fieldLabels[step].find(([key]) => key === name);
  if (field) return field[1];
  if (name === 'updateMasterData') return 'Angaben in die Stammdaten übernehmen';
  const row = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(name);
  const list = row ? rowLabels[row[1]!] : undefined;
  if (row && list) return `${list.row} ${Number(row[2]) + 1} – ${list.fields[storedRowField[row[3]!] ?? row[3]!] ?? 'weitere Angabe'}`;
  return 'Weitere Angabe';
}

/** A data path with its row ids left out: "budget.lines[id=l7].year" → "budget.lines[].year". */
const pathPattern = (path: string) => path.replace(/\[id=[^\]]+\]/g, '[]');

const dataPathLabels = new Map<string, string>(
  (Object.keys(fieldLabels) as EditableStep[]).flatMap((step) =>
    fieldLabels[step].map(([field, label]): [string, string] => [`${section[step]}.${dataField[field] ?? field}`, label]),
  ),
);
dataPathLabels.set('applicant.organisation', 'Angaben zur Organisation');

/**
 * The German name of a changed data path as the diff produces it (see diff.ts): "Beantragte
 * Zuwendung", "Ausgabe 2: Moderation – Einzelpreis"; a removed row by its list ("Ausgabe").
 */
export function describePath(path: string, data: ApplicationData): string {
  const anchors = anchorsOf(data).filter((a) => a.field !== null);
  const best = anchors.filter((a) => changeTouches(a, path)).sort((a, b) => b.dataPath.length - a.dataPath.length)[0];
  if (best?.dataPath === path) return best.label;
  const row = /^[a-zA-Z]+\.([a-zA-Z]+)\[id=[^\]]+\](?:\.(\w+))?$/.exec(path);
  const list = row ? rowLabels[row[1]!] : undefined;
  if (row && list) {
    const rowName = best ? best.label : list.row;
    return row[2] ? `${rowName} – ${list.fields[row[2]] ?? 'weitere Angabe'}` : rowName;
  }
  return dataPathLabels.get(path) ?? otherLabels[path] ?? 'Weitere Angabe';
}

const periodOf = (v: string) => (/^\d{4}-\d{2}$/.test(v) ? `${v.slice(5)}.${v.slice(0, 4)}` : v);
const labelIn =
  <T extends { id: string; label: string }>(list: readonly T[]) =>
  (v: string) =>
    list.find((x) => x.id === v)?.label ?? v;

/** Values stored as ids or codes, shown with the words the form offers for them. */
const valueFormats: Record<string, (value: never) => string> = {
  'applicant.organisation.kind': (v: OrganisationKind) => organisationKindInfo[v]?.label ?? v,
  'applicant.organisation.landkreis': (v: Landkreis) => landkreisLabel[v] ?? v,
  'applicant.organisation.iban': (v: string) => formatIban(v),
  'applicant.partners[].kind': (v: OrganisationKind) => organisationKindInfo[v]?.label ?? v,
  'applicant.partners[].landkreis': (v: Landkreis) => landkreisLabel[v] ?? v,
  'project.route': (v: FundingRoute) => (routeInfo[v] ? `${routeInfo[v].label} (${routeInfo[v].clause})` : v),
  'project.location': (v: string) => formatFact('project.location', v),
  'project.buergerkommuneProof': (v: string) => formatFact('project.buergerkommuneProof', v),
  'project.federalOrEuFunding': (v: string) => formatFact('project.federalOrEuFunding', v),
  'project.targetGroups': labelIn(targetGroups),
  'project.formats[].format': labelIn(participationFormats),
  'project.formats[].level': (v: ParticipationLevel) => participationLevelInfo[v]?.label ?? v,
  'budget.lines[].category': labelIn(costCategories),
  'budget.lines[].kind': (v: keyof typeof costLineKindLabel) => costLineKindLabel[v] ?? v,
  'budget.lines[].year': (v: number) => String(v),
  'budget.inKind[].kind': (v: keyof typeof inKindKindLabel) => inKindKindLabel[v] ?? v,
  'budget.inKind[].period': periodOf,
};

/** What an empty value means where emptiness has a meaning of its own. */
const emptyMeaning: Record<string, string> = {
  'budget.requestedGrantCents': 'höchstmöglich (wird automatisch berechnet)',
};

/** A whole row as one line: its name, and for a cost line how its amount comes about. */
function describeRow(pattern: string, row: Record<string, unknown>): string {
  const name = [row.description, row.title, row.name, row.donor, row.funder].find((v) => typeof v === 'string' && v.trim()) as
    | string
    | undefined;
  if (pattern === 'budget.lines[]') {
    const line = row as CostLine;
    const category = costCategories.find((c) => c.id === line.category)?.label;
    const calculation = lineCalculationText(line);
    const amount =
      calculation === 'Pauschalbetrag'
        ? formatEuro(line.amountCents ?? 0)
        : `${calculation} = ${formatEuro(lineTotalCents({ ...line, kind: 'menge' }))}`;
    return [name ? `${name} (${category})` : category, amount, line.year === undefined ? undefined : String(line.year)]
      .filter(Boolean)
      .join(', ');
  }
  const kind =
    pattern === 'budget.inKind[]' && typeof row.kind === 'string' ? inKindKindLabel[row.kind as keyof typeof inKindKindLabel] : undefined;
  const format = pattern === 'project.formats[]' && typeof row.format === 'string' ? labelIn(participationFormats)(row.format) : undefined;
  const amount = typeof row.amountCents === 'number' ? formatEuro(row.amountCents) : undefined;
  const parts = [name ?? format ?? kind, amount].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Eintrag';
}

/** A changed value as people read it: words for codes, euros, de-DE dates, rows by their main fields. */
export function describeValue(path: string, value: unknown): string {
  const pattern = pathPattern(path);
  if (value === undefined || value === null || value === '') return emptyMeaning[pattern] ?? '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  const format = valueFormats[pattern] as ((v: unknown) => string) | undefined;
  if (Array.isArray(value)) return value.length ? value.map((v) => (format ? format(v) : describeValue(path, v))).join(', ') : '–';
  if (format) return format(value);
  const last = path.split('.').at(-1) ?? '';
  if (typeof value === 'number') {
    if (/Cents$/.test(last)) return formatEuro(value);
    if (/Milli$/.test(last)) return formatNumber(value / 1000);
    return formatNumber(value);
  }
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
  if (typeof value === 'object') return describeRow(pattern, value as Record<string, unknown>);
  return String(value);
}

/** The step a data path belongs to ("budget.lines[id=x].amountCents" → "kosten"). */
export function stepOfPath(path: string): EditableStep | null {
  const top = /^[a-zA-Z]+/.exec(path)?.[0];
  const entry = (Object.entries(section) as Array<[EditableStep, string]>).find(([, s]) => s === top);
  return entry ? entry[0] : null;
}
