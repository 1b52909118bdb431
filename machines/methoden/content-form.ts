import { costCategories, costLineKindLabel, fundingRoutes, routeInfo } from '../frl/public';
import { participationFormats, participationLevelInfo, participationLevels, targetGroups } from '../shared/participation';
import { landkreise, organisationKindInfo, organisationKinds } from '../shared/organisation';
import { type ContentKind, contentIssues, fieldLabels } from './content-kinds';
import { budgetRanges, MAX_EXAMPLE_IMAGES } from './examples';
import { goalIds, goalInfo } from './goals';
import { conflictLabel, fundingFitLabel, modeLabel, needLabel, recruitmentLabel } from './labels';
import { conflictCapacities, fundingFitStatuses, methodModes, methodNeeds, qualityCriterionIds, recruitmentKinds } from './schema';

/**
 * The form editor of editorial content (ADR 0080): one field list per kind, the flat form values
 * the browser posts (`costDrivers.0.label`), and the way between those values and the content
 * object. Pure: the route reads the form, this module turns it into content, and the content goes
 * through the same schema check as the YAML view (`contentIssues` in content-kinds.ts).
 */

/** What the browser posts: one string per field, several for a group of checkboxes. */
export type FormValues = Record<string, string | string[]>;

export interface Option {
  value: string;
  label: string;
}

interface Base {
  /** The key in the content object (relative to the enclosing group or row). */
  name: string;
  /** German label; top-level fields take theirs from `fieldLabels`. */
  label?: string;
  hint?: string;
}

export type FormField = Base &
  /** Shown, and posted back only to be shown again after an error: the slug (public addresses stay stable; the action takes the entry's own). */
  (
    | { type: 'fixed' }
    | { type: 'text'; nullable?: boolean; width?: 'short' | 'medium' | 'full' }
    | { type: 'markdown' }
    | { type: 'texts'; markdown: boolean; max: number }
    | { type: 'choice'; options: Option[]; display: 'radios' | 'select'; none?: string; numeric?: boolean }
    | { type: 'choices'; options: Option[] }
    | { type: 'number' }
    | { type: 'range' }
    | { type: 'flag' }
    | { type: 'hidden-number' }
    | { type: 'rows'; max: number; columns: FormField[]; addable: boolean }
    | { type: 'group'; fields: FormField[]; nullable?: boolean }
  );

/** Options the route brings from other areas (the QualitätsCheck's criteria, the catalogue's methods). */
export interface ExternalOptions {
  qualityCriteria?: Option[];
  methods?: Option[];
}

const options = <T extends string>(ids: readonly T[], label: (id: T) => string): Option[] =>
  ids.map((id) => ({ value: id, label: label(id) }));

const MARKDOWN = 'Sie können Markdown verwenden, zum Beispiel **fett** oder eine Liste mit „- “ am Zeilenanfang.';

function methodFields(external: ExternalOptions): FormField[] {
  return [
    { name: 'slug', type: 'fixed' },
    {
      name: 'formatId',
      type: 'choice',
      display: 'select',
      options: participationFormats.map((f) => ({ value: f.id, label: f.label })),
      none: 'Keines (die Richtlinie fördert diese Methode nicht)',
      hint: 'Das Format, das Antragstellende im Antrag wählen, wenn sie diese Methode einsetzen.',
    },
    { name: 'name', type: 'text' },
    { name: 'summary', type: 'markdown', hint: '20 bis 300 Zeichen; erscheint in Suchergebnissen und Übersichten.' },
    { name: 'description', type: 'texts', markdown: true, max: 8, hint: 'Zwei bis acht Absätze, je einer pro Feld.' },
    { name: 'level', type: 'choice', display: 'radios', options: options(participationLevels, (l) => participationLevelInfo[l].label) },
    {
      name: 'levels',
      type: 'choices',
      options: options(participationLevels, (l) => participationLevelInfo[l].label),
      hint: 'Jede Stufe, die die Methode erreichen kann, wenn sie dafür angelegt ist (mit der Stufe oben).',
    },
    { name: 'groupSize', type: 'range', hint: 'Personen.' },
    { name: 'meetings', type: 'range' },
    { name: 'spanWeeks', type: 'range' },
    { name: 'durationNote', type: 'markdown' },
    { name: 'modes', type: 'choices', options: options(methodModes, (m) => modeLabel[m]) },
    { name: 'targetGroups', type: 'choices', options: targetGroups.map((t) => ({ value: t.id, label: t.label })) },
    { name: 'targetGroupsNote', type: 'markdown' },
    { name: 'recruitment', type: 'choices', options: options(recruitmentKinds, (r) => recruitmentLabel[r]) },
    { name: 'conflictCapacity', type: 'choice', display: 'radios', options: options(conflictCapacities, (c) => conflictLabel[c]) },
    { name: 'leadTimeWeeks', type: 'range' },
    { name: 'needs', type: 'choices', options: options(methodNeeds, (n) => needLabel[n]) },
    {
      name: 'costDrivers',
      type: 'rows',
      max: 8,
      addable: true,
      hint: 'Eine bis acht Kostenarten; Antragstellende können sie als Zeilen ihres Finanzplans übernehmen.',
      columns: [
        { name: 'label', label: 'Wofür', type: 'text' },
        {
          name: 'category',
          label: 'Kostenart im Finanzplan',
          type: 'choice',
          display: 'select',
          options: costCategories.filter((c) => !c.ineligible).map((c) => ({ value: c.id, label: c.label })),
        },
        {
          name: 'kind',
          label: 'Berechnung',
          type: 'choice',
          display: 'select',
          options: options(['menge', 'pauschal', 'personal'] as const, (k) => costLineKindLabel[k]),
        },
        { name: 'why', label: 'Warum nötig', type: 'markdown' },
      ],
    },
    { name: 'typicalCostEuro', type: 'range', hint: 'Ganze Euro.' },
    { name: 'pitfalls', type: 'texts', markdown: true, max: 6, hint: 'Zwei bis sechs Stolpersteine, je einer pro Feld.' },
    { name: 'scheduleSteps', type: 'texts', markdown: false, max: 8, hint: 'Zwei bis acht Schritte in ihrer Reihenfolge.' },
    {
      name: 'fundingFit',
      type: 'group',
      fields: [
        {
          name: 'status',
          label: 'Förderfähigkeit',
          type: 'choice',
          display: 'radios',
          options: options(fundingFitStatuses, (s) => fundingFitLabel[s]),
        },
        {
          name: 'routes',
          label: 'Förderwege',
          type: 'choices',
          options: options(fundingRoutes, (r) => `${r}: ${routeInfo[r].shortLabel}`),
        },
        { name: 'note', label: 'Erläuterung', type: 'markdown' },
        {
          name: 'clause',
          label: 'Fundstelle in der Richtlinie',
          type: 'text',
          nullable: true,
          hint: 'Zum Beispiel „FRL Teil 2 A II Nr. 3“; leer, wenn keine.',
        },
      ],
    },
    {
      name: 'goals',
      type: 'rows',
      max: goalIds.length,
      addable: true,
      hint: 'Welche Ziele die Methode im Methodenfinder bedient, und wie gut.',
      columns: [
        { name: 'goal', label: 'Ziel', type: 'choice', display: 'select', options: options(goalIds, (g) => goalInfo[g].label) },
        {
          name: 'weight',
          label: 'Wie gut',
          type: 'choice',
          display: 'select',
          numeric: true,
          options: [
            { value: '1', label: '1 – passt' },
            { value: '2', label: '2 – passt gut' },
            { value: '3', label: '3 – passt sehr gut' },
          ],
        },
      ],
    },
    { name: 'qualityCriteria', type: 'choices', options: external.qualityCriteria ?? options(qualityCriterionIds, (id) => id) },
  ];
}

function exampleFields(external: ExternalOptions): FormField[] {
  return [
    { name: 'slug', type: 'fixed' },
    { name: 'title', type: 'text' },
    { name: 'fictional', type: 'flag', label: 'Erfundenes Beispiel (wird auf jeder Seite so gekennzeichnet)' },
    { name: 'place', type: 'text', width: 'medium' },
    { name: 'landkreis', type: 'choice', display: 'select', options: options(landkreise, (l) => l) },
    {
      name: 'organisationKind',
      type: 'choice',
      display: 'select',
      options: options(organisationKinds, (k) => organisationKindInfo[k].label),
    },
    { name: 'fundingRoute', type: 'choice', display: 'radios', options: options(fundingRoutes, (r) => `${r}: ${routeInfo[r].shortLabel}`) },
    { name: 'year', type: 'number' },
    { name: 'methodSlugs', type: 'choices', options: external.methods ?? [], hint: 'Eine bis sechs Methoden aus dem Katalog.' },
    { name: 'peopleReached', type: 'number' },
    {
      name: 'budgetRange',
      type: 'choice',
      display: 'radios',
      options: Object.entries(budgetRanges).map(([value, r]) => ({ value, label: r.label })),
    },
    { name: 'summary', type: 'markdown', hint: '20 bis 400 Zeichen.' },
    { name: 'whatWorked', type: 'texts', markdown: true, max: 6, hint: 'Ein bis sechs Absätze, je einer pro Feld.' },
    { name: 'doDifferently', type: 'texts', markdown: true, max: 6, hint: 'Ein bis sechs Absätze, je einer pro Feld.' },
    {
      name: 'contact',
      type: 'group',
      nullable: true,
      hint: 'Nur mit Einwilligung der Person; alle drei Felder leer lassen, wenn kein Kontakt gezeigt wird.',
      fields: [
        { name: 'name', label: 'Name', type: 'text', width: 'medium' },
        { name: 'email', label: 'E-Mail-Adresse', type: 'text', width: 'medium' },
        { name: 'consent', label: 'Die Person ist einverstanden, dass ihr Kontakt öffentlich gezeigt wird', type: 'flag' },
      ],
    },
    {
      name: 'images',
      type: 'rows',
      max: MAX_EXAMPLE_IMAGES,
      addable: false,
      hint: 'Neue Bilder laden Sie unten unter „Bilder“ hoch; dort entfernen Sie auch eines.',
      columns: [
        { name: 'id', type: 'hidden-number' },
        { name: 'alt', label: 'Alternativtext', type: 'text' },
      ],
    },
  ];
}

/** The fields of a kind in the order of `fieldLabels` (a unit test keeps both and the schema in step). */
export function formFields(kind: ContentKind, external: ExternalOptions = {}): FormField[] {
  return kind === 'methode' ? methodFields(external) : exampleFields(external);
}

/** A part of the editor page: a heading and the top-level fields under it, in field-list order. */
export interface FormSection {
  /** Fragment id of the section (the page's table of contents links to it). */
  id: string;
  heading: string;
  fields: string[];
}

/**
 * The editor page in parts (issue 17: one long page was hard to find one's way in). The parts
 * follow the field list without gaps, so the error summary's order stays the page order; a unit
 * test keeps every field in exactly one part.
 */
const sections: Record<ContentKind, FormSection[]> = {
  methode: [
    { id: 'grunddaten', heading: 'Grunddaten', fields: ['slug', 'formatId', 'name', 'summary', 'description'] },
    {
      id: 'rahmen',
      heading: 'Beteiligungsstufe, Größe und Dauer',
      fields: ['level', 'levels', 'groupSize', 'meetings', 'spanWeeks', 'durationNote', 'modes'],
    },
    {
      id: 'zielgruppen',
      heading: 'Zielgruppen und Gewinnung',
      fields: ['targetGroups', 'targetGroupsNote', 'recruitment', 'conflictCapacity'],
    },
    { id: 'aufwand', heading: 'Vorlauf, Bedarf und Kosten', fields: ['leadTimeWeeks', 'needs', 'costDrivers', 'typicalCostEuro'] },
    { id: 'praxis', heading: 'Stolpersteine und Ablauf', fields: ['pitfalls', 'scheduleSteps'] },
    { id: 'foerderung', heading: 'Förderung, Ziele und Qualität', fields: ['fundingFit', 'goals', 'qualityCriteria'] },
  ],
  beispiel: [
    {
      id: 'eckdaten',
      heading: 'Eckdaten',
      fields: ['slug', 'title', 'fictional', 'place', 'landkreis', 'organisationKind', 'fundingRoute', 'year'],
    },
    { id: 'umfang', heading: 'Methoden, Reichweite und Budget', fields: ['methodSlugs', 'peopleReached', 'budgetRange'] },
    { id: 'erfahrungen', heading: 'Erfahrungen', fields: ['summary', 'whatWorked', 'doDifferently'] },
    { id: 'kontakt-bilder', heading: 'Kontakt und Bilder', fields: ['contact', 'images'] },
  ],
};

/** The parts of a kind's editor page, each with its fields from `formFields`. */
export function formSections(kind: ContentKind, fields: FormField[]): Array<FormSection & { formFields: FormField[] }> {
  return sections[kind].map((section) => ({
    ...section,
    formFields: section.fields.flatMap((name) => fields.filter((f) => f.name === name)),
  }));
}

export const labelOf = (kind: ContentKind, field: FormField) => field.label ?? fieldLabels[kind][field.name] ?? field.name;
export const markdownHint = MARKDOWN;

const join = (prefix: string, name: string | number) => (prefix ? `${prefix}.${name}` : String(name));

// ---- content → form values ------------------------------------------------------------------

function put(field: FormField, value: unknown, name: string, out: FormValues) {
  switch (field.type) {
    case 'fixed':
    case 'text':
    case 'markdown':
    case 'choice':
      out[name] = value === null || value === undefined ? '' : String(value);
      return;
    case 'number':
    case 'hidden-number':
      out[name] = typeof value === 'number' ? String(value) : '';
      return;
    case 'flag':
      out[name] = value === true ? 'on' : '';
      return;
    case 'choices':
      out[name] = Array.isArray(value) ? value.map(String) : [];
      return;
    case 'range': {
      const r = (value ?? {}) as { min?: unknown; max?: unknown };
      out[join(name, 'min')] = typeof r.min === 'number' ? String(r.min) : '';
      out[join(name, 'max')] = typeof r.max === 'number' ? String(r.max) : '';
      return;
    }
    case 'texts':
      (Array.isArray(value) ? value : []).forEach((item, i) => {
        out[join(name, i)] = item === null || item === undefined ? '' : String(item);
      });
      return;
    case 'rows':
      (Array.isArray(value) ? value : []).forEach((row, i) => {
        for (const column of field.columns)
          put(column, (row as Record<string, unknown>)?.[column.name], join(join(name, i), column.name), out);
      });
      return;
    case 'group':
      for (const f of field.fields) put(f, (value as Record<string, unknown> | null)?.[f.name], join(name, f.name), out);
      return;
  }
}

/** The form values of a content object, exactly (no empty rows; see `withEmptyRows`). */
export function contentToFormValues(kind: ContentKind, content: unknown): FormValues {
  const out: FormValues = {};
  const record = (content ?? {}) as Record<string, unknown>;
  for (const field of formFields(kind)) put(field, record[field.name], field.name, out);
  return out;
}

/** How many rows a list has in the values (the highest index posted, plus one). */
export function rowCount(values: FormValues, name: string): number {
  let count = 0;
  const prefix = `${name}.`;
  for (const key of Object.keys(values)) {
    if (!key.startsWith(prefix)) continue;
    const index = Number(key.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(index) && index + 1 > count) count = index + 1;
  }
  return count;
}

/** One more empty row for `list` (a text list or a row list), unless it is full. */
export function addRow(kind: ContentKind, values: FormValues, list: string): FormValues {
  const field = formFields(kind).find((f) => f.name === list);
  if (!field || (field.type !== 'texts' && field.type !== 'rows') || (field.type === 'rows' && !field.addable)) return values;
  const count = rowCount(values, list);
  if (count >= field.max) return values;
  const out = { ...values };
  if (field.type === 'texts') out[join(list, count)] = '';
  else for (const column of field.columns) put(column, undefined, join(join(list, count), column.name), out);
  return out;
}

/** The values with one empty row at the end of every list that has room (what the editor starts from). */
export function withEmptyRows(kind: ContentKind, values: FormValues): FormValues {
  let out = values;
  for (const field of formFields(kind))
    if (field.type === 'texts' || (field.type === 'rows' && field.addable)) out = addRow(kind, out, field.name);
  return out;
}

// ---- form values → content ------------------------------------------------------------------

const text = (values: FormValues, name: string): string => {
  const v = values[name];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).replace(/\r\n/g, '\n');
};
const list = (values: FormValues, name: string): string[] => {
  const v = values[name];
  return Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v];
};

export const NOT_A_WHOLE_NUMBER = 'Bitte geben Sie eine ganze Zahl ein, nur mit Ziffern (zum Beispiel 25).';

/** A whole number as German editors type it ("1.500" and "1 500" included); undefined when empty. */
function wholeNumber(raw: string): number | undefined | 'invalid' {
  const compact = raw.trim().replace(/\s+/g, '');
  if (compact === '') return undefined;
  const digits = /^\d{1,3}(\.\d{3})+$/.test(compact) ? compact.replace(/\./g, '') : compact;
  if (!/^\d+$/.test(digits) || digits.length > 15) return 'invalid';
  return Number(digits);
}

/** Whether a row was left empty (every visible field blank): such rows are not content. */
function blank(field: FormField, values: FormValues, name: string): boolean {
  switch (field.type) {
    case 'fixed':
    case 'hidden-number':
      return true;
    case 'choices':
      return list(values, name).length === 0;
    case 'range':
      return !text(values, join(name, 'min')).trim() && !text(values, join(name, 'max')).trim();
    case 'rows':
    case 'texts':
      return rowCount(values, name) === 0;
    case 'group':
      return field.fields.every((f) => blank(f, values, join(name, f.name)));
    default:
      return !text(values, name).trim();
  }
}

/** Ticked values in the order the entry had them (browsers post checkboxes in page order), new ones after. */
function inPreviousOrder(chosen: string[], previous: unknown): string[] {
  if (!Array.isArray(previous)) return chosen;
  const rank = (v: string) => {
    const i = previous.indexOf(v);
    return i === -1 ? previous.length + chosen.indexOf(v) : i;
  };
  return [...chosen].sort((a, b) => rank(a) - rank(b));
}

function read(field: FormField, values: FormValues, name: string, errors: Record<string, string>, previous?: unknown): unknown {
  switch (field.type) {
    case 'fixed':
      return text(values, name);
    case 'text':
      return field.nullable && !text(values, name).trim() ? null : text(values, name);
    case 'markdown':
      return text(values, name);
    case 'choice': {
      const v = text(values, name);
      if (v === '') return field.none ? null : undefined;
      return field.numeric && /^\d+$/.test(v) ? Number(v) : v;
    }
    case 'choices':
      return inPreviousOrder(list(values, name), previous);
    case 'flag':
      return text(values, name) !== '';
    case 'number':
    case 'hidden-number': {
      const n = wholeNumber(text(values, name));
      if (n === 'invalid') {
        errors[name] = NOT_A_WHOLE_NUMBER;
        return undefined;
      }
      return n;
    }
    case 'range': {
      const out: Record<string, unknown> = {};
      for (const end of ['min', 'max'] as const) out[end] = read({ name: end, type: 'number' }, values, join(name, end), errors);
      return out;
    }
    case 'texts': {
      const items: string[] = [];
      for (let i = 0; i < rowCount(values, name); i++) {
        const item = text(values, join(name, i));
        if (item.trim()) items.push(item);
      }
      return items;
    }
    case 'rows': {
      const rows: Record<string, unknown>[] = [];
      for (let i = 0; i < rowCount(values, name); i++) {
        const row = join(name, i);
        if (field.columns.every((c) => blank(c, values, join(row, c.name)))) continue;
        const out: Record<string, unknown> = {};
        for (const c of field.columns) out[c.name] = read(c, values, join(row, c.name), errors);
        rows.push(out);
      }
      return rows;
    }
    case 'group': {
      if (field.nullable && blank(field, values, name)) return null;
      const out: Record<string, unknown> = {};
      for (const f of field.fields)
        out[f.name] = read(f, values, join(name, f.name), errors, (previous as Record<string, unknown> | null)?.[f.name]);
      return out;
    }
  }
}

export type FormRead = {
  /** The content as typed: a draft, complete or not. */
  content: Record<string, unknown>;
  /** Values that cannot become content at all (a word in a number field), by field name. */
  errors: Record<string, string>;
};

/**
 * The form values as content of the kind. The slug is the entry's (the address stays stable).
 * Rows left empty are dropped; pictures are kept only when the kind has them and some remain.
 * `previous` is the content the form was filled from: ticked choices keep its order, so saving
 * unchanged shows no difference.
 */
export function formValuesToContent(kind: ContentKind, values: FormValues, slug: string, previous?: unknown): FormRead {
  const errors: Record<string, string> = {};
  const content: Record<string, unknown> = {};
  const before = (previous ?? {}) as Record<string, unknown>;
  for (const field of formFields(kind)) {
    if (field.name === 'slug') {
      content.slug = slug;
      continue;
    }
    const value = read(field, values, field.name, errors, before[field.name]);
    if (field.name === 'images' && Array.isArray(value) && value.length === 0) continue;
    content[field.name] = value;
  }
  return { content, errors };
}

/** The FormData of a posted form as form values (checkbox groups as lists). */
export function formDataToValues(
  kind: ContentKind,
  form: { getAll(name: string): unknown[]; keys(): IterableIterator<string> },
): FormValues {
  const multi = new Set<string>();
  const collect = (fields: FormField[], prefix: string) => {
    for (const f of fields) {
      if (f.type === 'choices') multi.add(join(prefix, f.name));
      if (f.type === 'group') collect(f.fields, join(prefix, f.name));
    }
  };
  collect(formFields(kind), '');
  const out: FormValues = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = multi.has(key) ? all : (all[0] ?? '');
  }
  for (const name of multi) out[name] ??= [];
  return out;
}

/** A schema message worded for one field: lengths of texts in characters, the allowed values named by the field. */
function fieldMessage(issue: ReturnType<typeof contentIssues>[number]): string {
  if (issue.code === 'too_small' && issue.origin === 'string')
    return Number(issue.minimum) <= 1
      ? 'Bitte füllen Sie dieses Feld aus.'
      : `Bitte schreiben Sie mindestens ${String(issue.minimum)} Zeichen.`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `Bitte schreiben Sie höchstens ${String(issue.maximum)} Zeichen.`;
  if (issue.code === 'too_small' && issue.origin === 'number') return `Bitte geben Sie mindestens ${String(issue.minimum)} an.`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `Bitte geben Sie höchstens ${String(issue.maximum)} an.`;
  if (issue.code === 'too_small' && issue.origin === 'array')
    return Number(issue.minimum) === 1
      ? 'Bitte wählen oder füllen Sie mindestens einen Eintrag.'
      : `Bitte füllen Sie mindestens ${String(issue.minimum)} Einträge.`;
  return issue.message;
}

/**
 * The schema's problems with the content, each at the form field it belongs to (the first one per
 * field), in German; the same check as the YAML view, with messages that fit a single field.
 */
export function problemsAtFields(kind: ContentKind, content: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of contentIssues(kind, content)) {
    const name = issue.path.map(String).join('.') || 'slug';
    out[name] ??= fieldMessage(issue);
  }
  return out;
}
