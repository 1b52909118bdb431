import { z } from 'zod';
import { storedAttachmentSchema, type StoredAttachment } from '../../machines/frl/application/enclosures';
import { APPLICATION_SCHEMA_VERSION, applicationDataSchema, type ApplicationData } from '../../machines/frl/application/schema';

/**
 * The application as a machine-readable JSON document – for export, import and exchange:
 *
 *   { "$schema": "https://…/schema/antrag-v1.json", "schemaVersion": 1, "application": { … }, "attachments": [ … ] }
 *
 * `attachments` lists the documents stored with the application (type, file name, size, SHA-256)
 * so that the PDF made from the file names the same enclosures; the files themselves are not part
 * of the export, and an import does not bring them back.
 *
 * Keys are sorted (objects alphabetically, the envelope in the order above) and the text is
 * indented, so the same application always gives the same bytes: export → import → export is
 * identical. The app serves `applicationJsonSchema()` at /schema/antrag-v1.json.
 */

export const APPLICATION_JSON_SCHEMA_PATH = '/schema/antrag-v1.json';
/** The schema's identifier; the app may pass its public origin to `exportApplication`. */
export const APPLICATION_JSON_SCHEMA_URL = `https://foerderlotse.example${APPLICATION_JSON_SCHEMA_PATH}`;

const envelopeSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(APPLICATION_SCHEMA_VERSION),
  application: applicationDataSchema,
  attachments: z.array(storedAttachmentSchema).max(500).optional(),
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function sortKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const entry = (value as Record<string, unknown>)[key];
      if (entry !== undefined) out[key] = sortKeys(entry);
    }
    return out;
  }
  return value as Json;
}

export interface ExportOptions {
  /** Absolute URL of the JSON Schema (default: APPLICATION_JSON_SCHEMA_URL). */
  schemaUrl?: string;
  /** The documents stored with the application (listed, not included). */
  attachments?: readonly StoredAttachment[];
}

/** The application as a pretty, stable JSON document (with a final line break). */
export function exportApplication(data: ApplicationData, options: ExportOptions = {}): string {
  // Normalised through the schema when possible (defaults filled in), so export is canonical.
  const parsed = applicationDataSchema.safeParse(data);
  const application = sortKeys(parsed.success ? parsed.data : data);
  const attachments = options.attachments?.length ? options.attachments.map((a) => sortKeys(a)) : undefined;
  const document = {
    $schema: options.schemaUrl ?? APPLICATION_JSON_SCHEMA_URL,
    schemaVersion: APPLICATION_SCHEMA_VERSION,
    application,
    attachments,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export type ImportResult = { ok: true; data: ApplicationData; attachments: StoredAttachment[] } | { ok: false; errors: string[] };

const typeNames: Record<string, string> = {
  string: 'ein Text',
  number: 'eine Zahl',
  int: 'eine ganze Zahl',
  boolean: 'ja/nein (true oder false)',
  array: 'eine Liste',
  object: 'ein Objekt',
  literal: 'ein fester Wert',
};

function pathOf(path: PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  const field = pathOf(issue.path);
  const where = field ? `Feld „${field}“` : 'Das Dokument';
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined) return `${where} fehlt.`;
      return `${where}: erwartet wird ${typeNames[issue.expected] ?? issue.expected}.`;
    }
    case 'too_big': {
      const max = Number(issue.maximum).toLocaleString('de-DE');
      if (issue.origin === 'string') return `${where}: höchstens ${max} Zeichen erlaubt.`;
      if (issue.origin === 'array') return `${where}: höchstens ${max} Einträge erlaubt.`;
      return `${where}: höchstens ${max} erlaubt.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum).toLocaleString('de-DE');
      if (issue.origin === 'string') return `${where}: mindestens ${min} Zeichen nötig.`;
      if (issue.origin === 'array') return `${where}: mindestens ${min} Einträge nötig.`;
      return `${where}: mindestens ${min} erforderlich.`;
    }
    case 'invalid_value':
      if (valueAt(input, issue.path) === undefined)
        return `${where} fehlt (erlaubt: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}).`;
      return `${where}: erlaubt ${issue.values.length === 1 ? 'ist' : 'sind'} ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_format': {
      const pattern = String((issue as { pattern?: unknown }).pattern ?? '');
      if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return `${where}: erwartet wird ein Datum im Format JJJJ-MM-TT.`;
      if (pattern.includes('\\d{4}-\\d{2}$')) return `${where}: erwartet wird ein Monat im Format JJJJ-MM.`;
      return `${where}: ungültiges Format.`;
    }
    case 'unrecognized_keys':
      return `${where}: unbekannte${issue.keys.length === 1 ? 's Feld' : ' Felder'} ${issue.keys.map((k) => `„${k}“`).join(', ')}.`;
    case 'not_multiple_of':
      return `${where}: erwartet wird ein Vielfaches von ${String(issue.divisor)}.`;
    default:
      return `${where}: ungültiger Wert.`;
  }
}

/** Reads an exported application; errors are German and name the fields ("Feld „project.title“: …"). */
export function importApplication(text: string): ImportResult {
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    if (!position) return { ok: false, errors: ['Die Datei ist kein gültiges JSON.'] };
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { ok: false, errors: [`Die Datei ist kein gültiges JSON (Fehler in Zeile ${line}, Spalte ${column}).`] };
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      errors: ['Die Datei enthält keinen Antrag (erwartet wird ein JSON-Objekt mit „schemaVersion“ und „application“).'],
    };
  }
  const version = (input as { schemaVersion?: unknown }).schemaVersion;
  if (version !== APPLICATION_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        version === undefined
          ? `Feld „schemaVersion“ fehlt; unterstützt wird Version ${APPLICATION_SCHEMA_VERSION}.`
          : `Die Datei hat die Schemaversion ${JSON.stringify(version)}; unterstützt wird Version ${APPLICATION_SCHEMA_VERSION}.`,
      ],
    };
  }
  const parsed = envelopeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => describe(issue, input)) };
  return { ok: true, data: parsed.data.application, attachments: parsed.data.attachments ?? [] };
}

/**
 * Reads the bytes of a JSON file: UTF-8 only (with or without BOM). Another encoding is refused
 * with a German message instead of being decoded into "�" that would end up in the draft.
 */
export function decodeJsonFile(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      error:
        'Die Datei ist in UTF-16 gespeichert. Exportierte Anträge sind UTF-8-Dateien; bitte speichern Sie die Datei als UTF-8 und versuchen Sie es erneut.',
    };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      error:
        'Die Datei ist nicht als UTF-8 gespeichert (zum Beispiel in Windows-1252 oder ISO-8859-1), Umlaute würden verfälscht. ' +
        'Exportierte Anträge sind UTF-8-Dateien; bitte speichern Sie die Datei als UTF-8 und versuchen Sie es erneut.',
    };
  }
}

/** The JSON Schema (draft 2020-12) of the exported document. */
export function applicationJsonSchema(options: ExportOptions = {}): Record<string, unknown> {
  const schema = z.toJSONSchema(envelopeSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: options.schemaUrl ?? APPLICATION_JSON_SCHEMA_URL,
    title: 'Antrag nach der FRL Bürgerbeteiligung (Förderlotse), Version 1',
    description:
      'Ein Antrag auf Gewährung einer Zuwendung nach der FRL Bürgerbeteiligung. Geldbeträge in Cent (ganze Zahlen), Mengen in Tausendsteln, Datumsangaben als JJJJ-MM-TT.',
  };
}
