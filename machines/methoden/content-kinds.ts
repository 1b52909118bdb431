import { diffWords } from 'diff';
import { parseDocument, stringify } from 'yaml';
import type { z } from 'zod';
import '../shared/zod-german';
import { yamlErrorPosition, yamlErrorSentence } from '../shared/syntax-errors';
import { exampleSchema, type GoodExample } from './examples';
import { methodSchema, type Method } from './schema';

/**
 * The two kinds of editorial content (ADR 0073): their schema, how an entry is named, the German
 * names of their fields (for messages and the difference view), and the YAML form editors write.
 */

export const contentKinds = ['methode', 'beispiel'] as const;
export type ContentKind = (typeof contentKinds)[number];

export interface KindContent {
  methode: Method;
  beispiel: GoodExample;
}

export const kindInfo: Record<ContentKind, { singular: string; plural: string; publicPath: string }> = {
  methode: { singular: 'Methode', plural: 'Methoden', publicPath: '/methoden' },
  beispiel: { singular: 'Gutes Beispiel', plural: 'Gute Beispiele', publicPath: '/beispiele' },
};

const schemas: Record<ContentKind, z.ZodType> = { methode: methodSchema, beispiel: exampleSchema };

export const titleOf = (kind: ContentKind, content: unknown): string => {
  const c = content as { name?: string; title?: string; slug?: string };
  return (kind === 'methode' ? c.name : c.title) ?? c.slug ?? '';
};

/** German names of the fields, in the order editors read them. */
export const fieldLabels: Record<ContentKind, Record<string, string>> = {
  methode: {
    slug: 'Adresse (slug)',
    formatId: 'Format im Antrag',
    name: 'Name der Methode',
    summary: 'Kurzfassung',
    description: 'Beschreibung',
    level: 'Stufe der Beteiligung',
    levels: 'Erreichbare Stufen',
    groupSize: 'Gruppengröße',
    meetings: 'Zahl der Treffen',
    spanWeeks: 'Dauer in Wochen',
    durationNote: 'Hinweis zur Dauer',
    modes: 'Analog, digital, hybrid',
    targetGroups: 'Zielgruppen, die gut erreicht werden',
    targetGroupsNote: 'Hinweis zu den Zielgruppen',
    recruitment: 'Gewinnung der Teilnehmenden',
    conflictCapacity: 'Konfliktfähigkeit',
    leadTimeWeeks: 'Vorlauf in Wochen',
    needs: 'Was gebraucht wird',
    costDrivers: 'Typische Kosten',
    typicalCostEuro: 'Typische Gesamtausgaben in Euro',
    pitfalls: 'Stolpersteine',
    scheduleSteps: 'Typische Schritte im Zeitplan',
    fundingFit: 'Passung zur Förderrichtlinie',
    goals: 'Ziele',
    qualityCriteria: 'Kriterien des QualitätsChecks',
  },
  beispiel: {
    slug: 'Adresse (slug)',
    title: 'Titel des Beispiels',
    fictional: 'Erfundenes Beispiel',
    place: 'Gemeinde oder Stadtteil',
    landkreis: 'Landkreis oder Kreisfreie Stadt',
    organisationKind: 'Art des Trägers',
    fundingRoute: 'Förderweg des Vorhabens',
    year: 'Jahr',
    methodSlugs: 'Eingesetzte Methoden',
    peopleReached: 'Erreichte Menschen',
    budgetRange: 'Budget (Größenordnung)',
    summary: 'Kurzfassung',
    whatWorked: 'Was gut funktioniert hat',
    doDifferently: 'Was anders zu machen wäre',
    contact: 'Kontakt',
    images: 'Bilder',
  },
};

/** "Beschreibung, Eintrag 2" for a zod path such as ['description', 1]. */
export function describePath(kind: ContentKind, path: ReadonlyArray<PropertyKey>): string {
  if (!path.length) return 'Eintrag';
  const [head, ...rest] = path;
  const parts = [fieldLabels[kind][String(head)] ?? `Feld „${String(head)}“`];
  for (const p of rest) parts.push(typeof p === 'number' ? `Eintrag ${p + 1}` : `„${String(p)}“`);
  return parts.join(', ');
}

export type ContentParse<K extends ContentKind> = { ok: true; content: KindContent[K] } | { ok: false; errors: string[] };

/** YAML read as an object: the draft as typed (complete or not), or why it cannot be read at all. */
export type YamlRead = { ok: true; value: Record<string, unknown>; problems: string[] } | { ok: false; errors: string[] };

/** Checks content against its kind's schema; the messages name the field in German. */
export function checkContent<K extends ContentKind>(kind: K, value: unknown): ContentParse<K> {
  const parsed = schemas[kind].safeParse(value);
  if (parsed.success) return { ok: true, content: parsed.data as KindContent[K] };
  return {
    ok: false,
    errors: parsed.error.issues.slice(0, 20).map((i) => {
      const allowed = i.code === 'invalid_value' && 'values' in i ? ` Möglich: ${(i.values as unknown[]).map(String).join(', ')}.` : '';
      return `${describePath(kind, i.path)}: ${i.message}${allowed}`;
    }),
  };
}

/**
 * The schema's problems with content of the kind, with their paths: the check behind
 * `checkContent`, for the form editor, which shows each problem at its field (ADR 0080).
 */
export function contentIssues(kind: ContentKind, value: unknown): z.core.$ZodIssue[] {
  const parsed = schemas[kind].safeParse(value);
  return parsed.success ? [] : parsed.error.issues;
}

/** The address part of a title: lower case, umlauts spelt out, words joined by hyphens. */
export function slugBase(title: string): string {
  return title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/**
 * What a new entry starts with: its name and every field the kind has, empty or with a neutral
 * value, so the editor sees the whole shape. It does not pass the schema yet; a draft may be
 * incomplete, only sending it to review needs it complete.
 */
export function newEntryContent(kind: ContentKind, slug: string, title: string): Record<string, unknown> {
  if (kind === 'beispiel')
    return {
      slug,
      title,
      fictional: false,
      place: '',
      landkreis: '',
      organisationKind: '',
      fundingRoute: '',
      year: new Date().getFullYear(),
      methodSlugs: [],
      peopleReached: 0,
      budgetRange: 'bis-10000',
      summary: '',
      whatWorked: [],
      doDifferently: [],
      contact: null,
    };
  return {
    slug,
    formatId: null,
    name: title,
    summary: '',
    description: [],
    level: 'konsultation',
    levels: ['konsultation'],
    groupSize: { min: 10, max: 50 },
    meetings: { min: 1, max: 3 },
    spanWeeks: { min: 4, max: 12 },
    durationNote: '',
    modes: ['analog'],
    targetGroups: [],
    targetGroupsNote: '',
    recruitment: ['offen'],
    conflictCapacity: 'mittel',
    leadTimeWeeks: { min: 4, max: 8 },
    needs: [],
    costDrivers: [],
    typicalCostEuro: { min: 1000, max: 10000 },
    pitfalls: [],
    scheduleSteps: [],
    fundingFit: { status: 'foerderfaehig', routes: [], note: '', clause: null },
    goals: [],
    qualityCriteria: [],
  };
}

/** The YAML an editor sees for an entry (fields in schema order, long lines kept). */
export function contentToYaml(content: unknown): string {
  return stringify(content, { lineWidth: 0 });
}

export const MAX_YAML_LENGTH = 100_000;

/**
 * The editor's YAML as content of the kind. The slug is the entry's and cannot be changed here
 * (the public address stays stable); a different one is a message, not a silent rename.
 */
export function readContentYaml(kind: ContentKind, text: string, slug: string): YamlRead {
  if (text.length > MAX_YAML_LENGTH)
    return { ok: false, errors: [`Der Text ist zu lang (höchstens ${MAX_YAML_LENGTH.toLocaleString('de-DE')} Zeichen).`] };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length)
    return { ok: false, errors: doc.errors.slice(0, 5).map((e) => `${yamlErrorPosition(e, text)}: ${yamlErrorSentence(e)}`) };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 10 });
  } catch {
    return { ok: false, errors: ['Der Text verwendet zu viele Verweise (Anker); bitte schreiben Sie die Werte aus.'] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, errors: ['Der Text muss aus Feldern der Form „name: Wert“ bestehen.'] };
  const record = value as Record<string, unknown>;
  if (record.slug !== undefined && record.slug !== slug)
    return { ok: false, errors: [`${fieldLabels[kind].slug}: Die Adresse eines Eintrags bleibt „${slug}“; bitte ändern Sie sie nicht.`] };
  const draft = { ...record, slug };
  const checked = checkContent(kind, draft);
  return { ok: true, value: draft, problems: checked.ok ? [] : checked.errors };
}

/** The editor's YAML as complete content of the kind (what review and publishing need). */
export function parseContentYaml<K extends ContentKind>(kind: K, text: string, slug: string): ContentParse<K> {
  const read = readContentYaml(kind, text, slug);
  if (!read.ok) return read;
  return checkContent(kind, read.value);
}

// ---- difference between two versions --------------------------------------------------------

export interface TextPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}
export interface FieldDifference {
  field: string;
  label: string;
  /** Word by word from the published text to the draft. */
  parts: TextPart[];
}

/** A field's value as text for reading (lists one item per line, objects as short YAML). */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return value === true ? 'ja' : value === false ? 'nein' : String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('\n');
  return stringify(value, { lineWidth: 0 }).trim();
}

/**
 * What a draft changes against the published version, field by field in the kind's order (fields
 * the kind does not name come last). A new entry (nothing published) lists every field as added.
 */
export function contentDifference(kind: ContentKind, published: unknown, draft: unknown): FieldDifference[] {
  const before = (published ?? {}) as Record<string, unknown>;
  const after = (draft ?? {}) as Record<string, unknown>;
  const known = Object.keys(fieldLabels[kind]);
  const fields = [...known, ...[...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !known.includes(f))];
  const out: FieldDifference[] = [];
  for (const field of fields) {
    const a = field in before ? fieldText(before[field]) : '';
    const b = field in after ? fieldText(after[field]) : '';
    if (a === b) continue;
    const parts = diffWords(a, b).map((p) => ({ text: p.value, change: p.added ? 'added' : p.removed ? 'removed' : 'same' }) as TextPart);
    out.push({ field, label: fieldLabels[kind][field] ?? field, parts });
  }
  return out;
}
