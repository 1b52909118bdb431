import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFStream, PDFTextField } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTemplate, templateOutputPath } from '../../forms/antrag/generate-template';
import { dejaVuSans } from '../../forms/pdf/font';
import { inspectPdf } from '../../forms/inspect';
import { pdfFonts, pdfInfo, pdfText, squash } from '../support/pdf';

describe('the PDF template (forms/antrag/template.pdf)', () => {
  let generated: Uint8Array;
  beforeAll(async () => {
    generated = await generateTemplate();
  });

  it('is generated deterministically: twice the same bytes', async () => {
    const again = await generateTemplate();
    expect(Buffer.from(again).equals(Buffer.from(generated))).toBe(true);
  });

  it('the committed template is up to date (regenerate with npm run forms:template)', () => {
    const committed = readFileSync(templateOutputPath());
    expect(Buffer.from(generated).equals(committed), 'forms/antrag/template.pdf is stale: run npm run forms:template').toBe(true);
  });

  it('is an A4 form with German metadata and fixed dates', () => {
    const info = pdfInfo(generated);
    expect(info['Page size']).toContain('595.28 x 841.89');
    expect(info.Pages).toBe('10');
    expect(info.Form).toBe('AcroForm');
    expect(info.Title).toBe('Antrag auf Gewährung einer Zuwendung nach der FRL Bürgerbeteiligung (Formular)');
    expect(info.CreationDate).toContain('2026');
  });

  it('prints the headings and labels in German, with umlauts', () => {
    const text = squash(pdfText(generated));
    for (const expected of [
      'Antrag auf Gewährung einer Zuwendung nach der FRL',
      '1 Antragsteller',
      '2 Vorhaben',
      '3 Ausgaben und beantragte Zuwendung',
      '4 Finanzierungsplan nach Kalenderjahren',
      '5 Begründung',
      '7 Erklärungen',
      '8 Anlagen',
      'Hinweise zur Verarbeitung personenbezogener Daten',
      'Anlage 1 – Vorhabenbeschreibung',
      'Anlage 2 – Ausgaben- und Finanzierungsplan',
      'Anlage 3 – Ergebnis der Förderprüfung',
      'Amtlicher Gemeindeschlüssel',
      'Subventionserheblich',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('embeds DejaVu Sans completely for the fields and subsets for the printed labels', async () => {
    const fonts = pdfFonts(generated);
    expect(fonts.every((f) => f.embedded && f.unicode)).toBe(true);
    expect(fonts.find((f) => f.name === 'DejaVuSans')?.subset).toBe(false);
    expect(fonts.filter((f) => f.subset).map((f) => f.name)).toEqual(['FLTMPL+DejaVuSans', 'FLTMPL+DejaVuSans-Bold']);
    // The filler recognises the complete font by /Length1 = size of the TrueType file.
    const doc = await PDFDocument.load(generated);
    const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    const font = acroForm.lookup(PDFName.of('DR'), PDFDict).lookup(PDFName.of('Font'), PDFDict).lookup(PDFName.of('DejaVuSans'), PDFDict);
    const cid = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const file = cid.lookup(PDFName.of('FontDescriptor'), PDFDict).lookup(PDFName.of('FontFile2'), PDFStream);
    expect(file.dict.lookup(PDFName.of('Length1'), PDFNumber).asNumber()).toBe(dejaVuSans().bytes.length);
  });

  it('has named fields with labels (/TU), unique names and DejaVu in every /DA', async () => {
    const { fields } = await inspectPdf(generated);
    const names = fields.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'antragsteller.name',
        'bank.iban',
        'vorhaben.titel',
        'begruendung.vorhaben',
        'erklaerung.fdgo',
        'anlage2.ausgaben.16.betrag',
      ]),
    );
    expect(fields.filter((f) => !f.label)).toEqual([]);
    expect(fields.filter((f) => f.kind === 'text' && f.fontSize === null)).toEqual([]);
    const doc = await PDFDocument.load(generated);
    const textFields = doc
      .getForm()
      .getFields()
      .filter((f) => f instanceof PDFTextField);
    expect(textFields.length).toBeGreaterThan(300);
    for (const field of textFields) expect(field.acroField.getDefaultAppearance()).toMatch(/^\/DejaVuSans [\d.]+ Tf 0 g$/);
  });
});
