import { describe, expect, it } from 'vitest';
import {
  APPLICATION_JSON_SCHEMA_URL,
  applicationJsonSchema,
  decodeJsonFile,
  exportApplication,
  importApplication,
} from '../../forms/antrag/json';
import { emptyApplication } from '../../machines/frl/application/schema';
import { sampleAttachments, sampleGemeindeApplication, sampleVereinApplication } from '../support/sample-application';

describe('JSON export and import of an application', () => {
  for (const [name, make] of [
    ['Gemeinde', sampleGemeindeApplication],
    ['Verein', sampleVereinApplication],
    ['leerer Entwurf', emptyApplication],
  ] as const) {
    it(`round trip export → import → export is identical (${name})`, () => {
      const first = exportApplication(make());
      const imported = importApplication(first);
      expect(imported.ok).toBe(true);
      if (!imported.ok) return;
      expect(imported.data).toEqual(make());
      expect(exportApplication(imported.data)).toBe(first);
    });
  }

  it('writes the envelope first, then the application with sorted keys, pretty and with a final newline', () => {
    const text = exportApplication(sampleGemeindeApplication());
    expect(
      text.startsWith(`{\n  "$schema": "${APPLICATION_JSON_SCHEMA_URL}",\n  "schemaVersion": 1,\n  "application": {\n    "applicant": {`),
    ).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const application = JSON.parse(text).application as Record<string, unknown>;
    expect(Object.keys(application)).toEqual(['applicant', 'budget', 'declarations', 'project', 'schedule', 'schemaVersion']);
    expect(exportApplication(sampleGemeindeApplication(), { schemaUrl: 'https://example.org/schema/antrag-v1.json' })).toContain(
      '"$schema": "https://example.org/schema/antrag-v1.json"',
    );
  });

  it('does not depend on the order in which the application was built', () => {
    const data = sampleVereinApplication();
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    const shuffled = reversed(data) as typeof data;
    expect(Object.keys(shuffled)[0]).toBe('declarations');
    expect(exportApplication(shuffled)).toBe(exportApplication(data));
  });

  it('reports errors in German, naming each field', () => {
    const document = JSON.parse(exportApplication(sampleVereinApplication()));
    document.application.project.title = 'x'.repeat(201);
    document.application.schedule.start = '01.03.2027';
    document.application.budget.lines[0].category = 'bewirtung';
    delete document.application.budget.lines[1].kind;
    document.application.budget.inKind[0].period = '2027-6';
    document.application.budget.ownCashCents = -5;
    document.application.project.unbekannt = true;
    const result = importApplication(JSON.stringify(document));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'Feld „application.project.title“: höchstens 200 Zeichen erlaubt.',
        'Feld „application.project“: unbekanntes Feld „unbekannt“.',
        'Feld „application.schedule.start“: erwartet wird ein Datum im Format JJJJ-MM-TT.',
        expect.stringMatching(/^Feld „application\.budget\.lines\[0\]\.category“: erlaubt sind "personal", "honorare"/),
        'Feld „application.budget.lines[1].kind“ fehlt (erlaubt: "menge", "pauschal", "personal").',
        'Feld „application.budget.inKind[0].period“: erwartet wird ein Monat im Format JJJJ-MM.',
        'Feld „application.budget.ownCashCents“: mindestens 0 erforderlich.',
      ]),
    );
    expect(result.errors).toHaveLength(7);
  });

  it('refuses other files with a clear German message', () => {
    expect(importApplication('kein JSON')).toEqual({ ok: false, errors: ['Die Datei ist kein gültiges JSON.'] });
    expect(importApplication('{\n  "a": 1,\n}')).toEqual({
      ok: false,
      errors: ['Die Datei ist kein gültiges JSON (Fehler in Zeile 3, Spalte 1).'],
    });
    expect(importApplication('[]')).toMatchObject({ ok: false, errors: [expect.stringContaining('keinen Antrag')] });
    expect(importApplication('{"schemaVersion": 2, "application": {}}')).toEqual({
      ok: false,
      errors: ['Die Datei hat die Schemaversion 2; unterstützt wird Version 1.'],
    });
    expect(importApplication('{"application": {}}')).toEqual({
      ok: false,
      errors: ['Feld „schemaVersion“ fehlt; unterstützt wird Version 1.'],
    });
    expect(importApplication('{"schemaVersion": 1}')).toEqual({ ok: false, errors: ['Feld „application“ fehlt.'] });
  });

  it('accepts a byte order mark and a missing $schema', () => {
    const document = JSON.parse(exportApplication(sampleGemeindeApplication()));
    delete document.$schema;
    expect(importApplication(`\uFEFF${JSON.stringify(document)}`).ok).toBe(true);
  });

  it('publishes a JSON Schema (draft 2020-12) of the document', () => {
    const schema = applicationJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(APPLICATION_JSON_SCHEMA_URL);
    expect(schema.title).toContain('FRL Bürgerbeteiligung');
    const properties = schema.properties as Record<string, { properties?: Record<string, unknown> }>;
    expect(Object.keys(properties)).toEqual(['$schema', 'schemaVersion', 'application', 'attachments']);
    expect(Object.keys(properties.application!.properties!)).toEqual(
      expect.arrayContaining(['applicant', 'project', 'schedule', 'budget', 'declarations']),
    );
    expect(schema.required).toEqual(['schemaVersion', 'application']);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('lists the stored attachments (metadata only) and reads them back, so the PDF from the file names the same enclosures', () => {
    const attachments = sampleAttachments(['verbundvereinbarung', 'sonstiges']);
    const text = exportApplication(sampleGemeindeApplication(), { attachments });
    const imported = importApplication(text);
    expect(imported.ok && imported.attachments).toEqual(attachments);
    expect(exportApplication(sampleGemeindeApplication())).not.toContain('"attachments"');
    const broken = JSON.parse(text) as { attachments: Array<{ sha256: string }> };
    broken.attachments[0]!.sha256 = 'abc';
    const refused = importApplication(JSON.stringify(broken));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors[0]).toContain('Feld „attachments[0].sha256“');
  });

  it('reads UTF-8 files only: Latin-1 and UTF-16 are refused in German instead of turning umlauts into "�" (issue 23.7)', () => {
    const text = exportApplication(sampleVereinApplication());
    expect(decodeJsonFile(new TextEncoder().encode(text))).toEqual({ ok: true, text });
    const latin1 = Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 63)));
    const refused = decodeJsonFile(latin1);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toContain('nicht als UTF-8 gespeichert');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(!decodeJsonFile(utf16).ok && (decodeJsonFile(utf16) as { error: string }).error).toContain('UTF-16');
  });
});
