import { type PDFCheckBox, PDFDict, PDFDocument, PDFName, type PDFString, type PDFTextField, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldValues, loadTemplate, pdfFileName, renderApplicationPdf } from '../../forms/antrag/index';
import { contextFor } from '../../forms/antrag/mapping';
import { FillError, fillPdf } from '../../forms/fill';
import { inspectPdf } from '../../forms/inspect';
import { formatEuro } from '../../machines/shared/format';
import {
  pdfFonts,
  pdfInfo,
  pdfPages,
  pdfText,
  pdfWords,
  rasterDifference,
  reddish,
  renderInput,
  renderPages,
  renderRasters,
  squash,
} from '../support/pdf';
import {
  deriveSample,
  SAMPLE_CREATED_AT,
  SAMPLE_DATE,
  sampleGemeindeApplication,
  sampleVereinApplication,
} from '../support/sample-application';

const gemeinde = sampleGemeindeApplication();
const verein = sampleVereinApplication();

describe('renderApplicationPdf', () => {
  let einreichung: Uint8Array;
  let bearbeitbar: Uint8Array;
  let vereinDraft: Uint8Array;
  let vereinEditableDraft: Uint8Array;

  beforeAll(async () => {
    [einreichung, bearbeitbar, vereinDraft, vereinEditableDraft] = await Promise.all([
      renderApplicationPdf(renderInput(gemeinde)),
      renderApplicationPdf(renderInput(gemeinde, { variant: 'bearbeitbar' })),
      renderApplicationPdf(renderInput(verein, { draft: true })),
      renderApplicationPdf(renderInput(verein, { draft: true, variant: 'bearbeitbar' })),
    ]);
  });

  it('"bearbeitbar" keeps the form: every mapped value reads back with pdf-lib', async () => {
    for (const [data, bytes] of [
      [gemeinde, bearbeitbar],
      [verein, vereinEditableDraft],
    ] as const) {
      const form = (await PDFDocument.load(bytes)).getForm();
      const ctx = contextFor({
        data,
        organisation: data.applicant.organisation ?? null,
        ...deriveSample(data),
        createdAt: SAMPLE_CREATED_AT,
        referenceDate: SAMPLE_DATE,
        enclosures: [],
      });
      const expected = fieldValues(ctx);
      expect(Object.keys(expected).length).toBeGreaterThan(60);
      for (const [name, value] of Object.entries(expected)) {
        const field = form.getField(name);
        if (value.type === 'checkbox') expect((field as PDFCheckBox).isChecked(), name).toBe(value.checked);
        else expect((field as PDFTextField).getText(), name).toBe(value.value);
      }
    }
    const form = (await PDFDocument.load(bearbeitbar)).getForm();
    expect(form.getTextField('antragsteller.name').getText()).toBe('Gemeinde Wiesenbach');
    expect(form.getTextField('bank.iban').getText()).toBe('DE20 8505 0300 3120 0456 78');
    expect(form.getTextField('zuwendung.gesamtausgaben').getText()).toBe('11.005,80\u00a0€');
    // The signature date is written when signing, not the day the PDF was made (issue 23.7).
    expect(form.getTextField('unterschrift.datum').getText()).toBeUndefined();
    expect(form.getTextField('anlage2.ausgaben.08.betrag').getText()).toBe(formatEuro(19080));
    expect(form.getTextField('anlage2.ausgaben.09.betrag').getText()).toBeUndefined();
    expect(form.getTextField('verbund.partner.02.name').getText()).toBe('Stadt Bergheide');
    expect(form.getCheckBox('erklaerung.vorsteuer.nein').isChecked()).toBe(true);
    expect(form.getCheckBox('erklaerung.vorsteuer.ja').isChecked()).toBe(false);
    // Teil 2 A is not asked about public funding: the question is not in its form at all.
    expect(form.getFields().some((f) => f.getName().startsWith('erklaerung.oeffentlich.'))).toBe(false);
    const vereinForm = (await PDFDocument.load(vereinEditableDraft)).getForm();
    expect(vereinForm.getCheckBox('erklaerung.oeffentlich.nein').isChecked()).toBe(true);
    expect(vereinForm.getTextField('antragsteller.vertretung.name').getText()).toBe('Łukasz Wójcik');
  });

  it('"einreichung" is flattened: no form left, the values are page content', async () => {
    const doc = await PDFDocument.load(einreichung);
    expect(doc.catalog.get(PDFName.of('AcroForm'))).toBeUndefined();
    expect(doc.getForm().getFields()).toHaveLength(0);
    expect(pdfInfo(einreichung).Form).toBe('none');
  });

  it('prints the values with umlauts, Polish and Nordic letters and de-DE amounts and dates', () => {
    for (const bytes of [einreichung, bearbeitbar]) {
      const text = squash(pdfText(bytes));
      for (const expected of [
        'Gemeinde Wiesenbach',
        'Landkreis Sächsische Schweiz-Osterzgebirge',
        'DE20 8505 0300 3120 0456 78',
        '11.005,80 €',
        '9.905,00 €',
        '1.100,80 €',
        '90 %',
        '01.03.2027',
        '15.12.2027',
        'FRL Teil 2 A II Nr. 1.1 – Einzelvorhaben zur Bürgerbeteiligung',
        'Fahrtkosten der Referentin (Ångström-Institut)',
        'Abschlussveranstaltung auf dem Dorfplatz (Łódź-Partnerschaftstag)',
        '80 Std. × 38,50 €',
        '22.11.2026',
        'Förderfähig',
      ]) {
        expect(text).toContain(squash(expected));
      }
    }
    const text = squash(pdfText(vereinDraft));
    for (const expected of [
      'Łukasz Wójcik',
      'VR 4711, Amtsgericht Dresden',
      'Förderkreis Ångström-Haus',
      'Partnertreffen in Łódź und Zgorzelec',
      '120 Std. × 14,60 €',
      '23.500,00 €',
    ]) {
      expect(text).toContain(squash(expected));
    }
  });

  it('embeds its fonts: a subset in "einreichung", the complete DejaVu Sans in "bearbeitbar"', () => {
    const flat = pdfFonts(einreichung);
    expect(flat.every((f) => f.embedded && f.unicode && f.subset)).toBe(true);
    const editable = pdfFonts(bearbeitbar);
    expect(editable.every((f) => f.embedded && f.unicode)).toBe(true);
    expect(editable.some((f) => f.name === 'DejaVuSans' && !f.subset)).toBe(true);
    expect(einreichung.length).toBeLessThan(150_000);
  });

  it('sets the metadata (title, author, subject, language, creation date)', async () => {
    const doc = await PDFDocument.load(einreichung, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Antrag FRL Bürgerbeteiligung – Wiesenbach redet mit – Bürgerrat zur Zukunft des Dorfplatzes');
    expect(doc.getAuthor()).toBe('Gemeinde Wiesenbach');
    expect(doc.getSubject()).toContain('Antrag auf Gewährung einer Zuwendung nach der FRL Bürgerbeteiligung');
    expect(doc.getCreationDate()?.toISOString()).toBe(SAMPLE_CREATED_AT.toISOString());
    expect(doc.getModificationDate()?.toISOString()).toBe(SAMPLE_CREATED_AT.toISOString());
    expect((doc.catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe('de-DE');
    const draft = await PDFDocument.load(vereinDraft, { updateMetadata: false });
    expect(draft.getTitle()).toContain('(Entwurf)');
  });

  it('is the same for the same input (reproducible with a fixed date)', async () => {
    const again = await renderApplicationPdf(renderInput(gemeinde));
    expect(Buffer.from(again).equals(Buffer.from(einreichung))).toBe(true);
  });

  it('marks every page of a draft "Entwurf" (header line and watermark), and no page of a final application', () => {
    const pages = pdfPages(vereinDraft);
    expect(pages.length).toBeGreaterThanOrEqual(9);
    pages.forEach((page, i) => expect(squash(page), `Seite ${i + 1}`).toContain('Entwurf – der Antrag ist noch nicht vollständig'));
    for (const page of pdfPages(vereinEditableDraft)) expect(squash(page)).toContain('Entwurf – der Antrag ist noch nicht vollständig');
    expect(pdfText(einreichung)).not.toMatch(/ENTWURF|Entwurf –/);
    // The diagonal watermark (pdftotext skips diagonal text): red pixels on every page of the draft only.
    renderRasters(vereinDraft, 30).forEach((raster, i) => expect(reddish(raster), `Seite ${i + 1}`).toBeGreaterThan(0.01));
    renderRasters(einreichung, 30).forEach((raster, i) => expect(reddish(raster), `Seite ${i + 1}`).toBeLessThan(0.001));
  });

  it('numbers every page "Seite n von N"', () => {
    const pages = pdfPages(einreichung);
    pages.forEach((page, i) => expect(squash(page)).toContain(`Seite ${i + 1} von ${pages.length}`));
  });

  it('carries Anlage 3 with the eligibility result and its clauses whenever there is a result', async () => {
    const withAnnex = squash(pdfText(einreichung));
    expect(withAnnex).toContain('Anlage 3 – Ergebnis der Förderprüfung');
    expect(withAnnex).toContain('FRL Teil 2 A III Satz 1, FRL Teil 2 B III Satz 1');
    expect(withAnnex).toContain('Fortsetzung: Anlage 3 – Kriterien der Förderprüfung');
    const without = await renderApplicationPdf(renderInput(gemeinde, { eligibility: null }));
    expect(pdfText(without)).not.toContain('Anlage 3 –');
    expect(Number(pdfInfo(without).Pages)).toBe(9);
    const noResult = await renderApplicationPdf(renderInput(gemeinde, { eligibility: null, variant: 'bearbeitbar' }));
    expect(pdfText(noResult)).not.toContain('Anlage 3');
    const form = (await PDFDocument.load(noResult)).getForm();
    expect(form.getFields().some((f) => f.getName().startsWith('anlage3.'))).toBe(false);
  });

  it('keeps every printed word inside its field (text fits, nothing spills over)', async () => {
    const { fields } = await inspectPdf(loadTemplate());
    const words = pdfWords(einreichung).filter((w) => w.page <= 9);
    let checked = 0;
    // Table cells move with their growing rows; tests/unit/forms-overflow.test.ts checks those.
    for (const field of fields.filter((f) => !/\.\d\d\./.test(f.name))) {
      const r = { x: field.x, y: field.y, w: field.width, h: field.height };
      const inside = words.filter(
        (w) =>
          w.page === field.page &&
          (w.xMin + w.xMax) / 2 > r.x &&
          (w.xMin + w.xMax) / 2 < r.x + r.w &&
          (w.yMin + w.yMax) / 2 > r.y &&
          (w.yMin + w.yMax) / 2 < r.y + r.h,
      );
      for (const w of inside) {
        checked += 1;
        expect(w.xMin, `${field.name}: ${w.text}`).toBeGreaterThanOrEqual(r.x - 0.5);
        expect(w.xMax, `${field.name}: ${w.text}`).toBeLessThanOrEqual(r.x + r.w + 0.5);
        expect(w.yMin, `${field.name}: ${w.text}`).toBeGreaterThanOrEqual(r.y - 1);
        expect(w.yMax, `${field.name}: ${w.text}`).toBeLessThanOrEqual(r.y + r.h + 1);
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('renders every page, and the editable and the flattened output look the same', () => {
    const flat = renderRasters(einreichung, 50);
    const editable = renderRasters(bearbeitbar, 50);
    expect(flat).toHaveLength(Number(pdfInfo(einreichung).Pages));
    expect(editable).toHaveLength(flat.length);
    // Only anti-aliasing of a few field borders differs (poppler places annotations on whole pixels).
    for (let i = 0; i < flat.length; i += 1) expect(rasterDifference(editable[i]!, flat[i]!), `Seite ${i + 1}`).toBeLessThan(0.01);
    expect(renderPages(einreichung, 50, { first: 1, last: 1 })[0]!.subarray(1, 4).toString()).toBe('PNG');
  });

  it('replaces characters no font has (emoji, CJK) visibly and never crashes', async () => {
    const data = sampleVereinApplication();
    data.project.title = 'Nachbarschaft 🦄 für alle 👩‍👩‍👧 – 中文 – Łódź ❤️';
    data.project.whyProject = 'Wir laden ein 🎉🎉 und freuen uns 👍🏽.\nZweite Zeile mit Ångström und ő → ✓.';
    for (const variant of ['einreichung', 'bearbeitbar'] as const) {
      const bytes = await renderApplicationPdf(renderInput(data, { variant }));
      const text = squash(pdfText(bytes));
      expect(text).toContain('Nachbarschaft � für alle � – �� – Łódź ❤');
      expect(text).toContain('Wir laden ein �� und freuen uns �.');
      expect(text).toContain('Zweite Zeile mit Ångström und ő →');
    }
  });

  it('gives a safe ASCII file name with organisation and date', () => {
    expect(pdfFileName('Gemeinde Wiesenbach', new Date('2026-11-22T10:00:00+01:00'))).toBe(
      'Antrag-FRL-Buergerbeteiligung-Gemeinde-Wiesenbach-2026-11-22.pdf',
    );
    expect(pdfFileName('Bürgerforum Oberlausitz e. V.', new Date('2026-11-22T23:30:00Z'))).toBe(
      'Antrag-FRL-Buergerbeteiligung-Buergerforum-Oberlausitz-e-V-2026-11-23.pdf',
    );
    expect(pdfFileName('Łódź / Ångström "Straße" <x>', new Date('2026-01-05T12:00:00Z'))).toBe(
      'Antrag-FRL-Buergerbeteiligung-Lodz-Angstroem-Strasse-x-2026-01-05.pdf',
    );
    expect(pdfFileName('', new Date('2026-01-05T12:00:00Z'))).toBe('Antrag-FRL-Buergerbeteiligung-2026-01-05.pdf');
    expect(pdfFileName('x'.repeat(300), new Date('2026-01-05T12:00:00Z'))).toMatch(/^[A-Za-z0-9-]{1,120}\.pdf$/);
  });

  it('loadTemplate names the missing file in German', () => {
    expect(() => loadTemplate('/nicht/vorhanden/template.pdf')).toThrowError(
      /PDF-Vorlage für den Antrag nicht gefunden: \/nicht\/vorhanden\/template\.pdf.*npm run forms:template/,
    );
    expect(loadTemplate().length).toBeGreaterThan(100_000);
  });
});

describe('fillPdf on a foreign form (the real SAB form will be one)', () => {
  async function foreignForm(): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595.28, 841.89]);
    const form = doc.getForm();
    const helvetica = await doc.embedFont(StandardFonts.Helvetica);
    const name = form.createTextField('Antragsteller_Name');
    name.addToPage(page, { x: 50, y: 700, width: 300, height: 20, font: helvetica });
    const notes = form.createTextField('Bemerkungen');
    notes.enableMultiline();
    notes.addToPage(page, { x: 50, y: 500, width: 300, height: 80, font: helvetica });
    notes.setFontSize(10);
    form.createCheckBox('Erklaerung_1').addToPage(page, { x: 50, y: 450, width: 12, height: 12 });
    const version = form.createTextField('Formularversion');
    version.setText('SAB-Vordruck 60123 (Stand 03/2026)');
    version.addToPage(page, { x: 50, y: 780, width: 300, height: 20, font: helvetica });
    return doc.save();
  }

  const values = {
    Antragsteller_Name: { type: 'text', value: 'Stowarzyszenie Łódź – Ångström ő → €' },
    Bemerkungen: { type: 'multiline', value: 'Erste Zeile\nZweite Zeile mit Umlauten: äöüß ÄÖÜ' },
    Erklaerung_1: { type: 'checkbox', checked: true },
  } as const;

  it('fills Unicode text into a Helvetica form without WinAnsi errors and keeps it editable', async () => {
    const bytes = await fillPdf(await foreignForm(), { values }, { variant: 'editable' });
    const form = (await PDFDocument.load(bytes)).getForm();
    expect(form.getTextField('Antragsteller_Name').getText()).toBe(values.Antragsteller_Name.value);
    expect(form.getCheckBox('Erklaerung_1').isChecked()).toBe(true);
    // A field the mapping does not set keeps the form's own value.
    expect(form.getTextField('Formularversion').getText()).toBe('SAB-Vordruck 60123 (Stand 03/2026)');
    const text = squash(pdfText(bytes));
    expect(text).toContain('SAB-Vordruck 60123 (Stand 03/2026)');
    expect(text).toContain('Stowarzyszenie Łódź – Ångström ő → €');
    expect(text).toContain('Zweite Zeile mit Umlauten: äöüß ÄÖÜ');
    const dejavu = pdfFonts(bytes).find((f) => f.name.includes('DejaVuSans'));
    expect(dejavu).toMatchObject({ embedded: true, subset: false, unicode: true });
    // Viewers that regenerate appearances find the font in /DR.
    const acroForm = (await PDFDocument.load(bytes)).catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    expect(
      acroForm
        .lookup(PDFName.of('DR'), PDFDict)
        .lookup(PDFName.of('Font'), PDFDict)
        .keys()
        .map((k) => k.decodeText())
        .some((k) => k.startsWith('DejaVuSans')),
    ).toBe(true);
  });

  it('flattens a foreign form too', async () => {
    const bytes = await fillPdf(await foreignForm(), { values }, { variant: 'flatten' });
    expect((await PDFDocument.load(bytes)).getForm().getFields()).toHaveLength(0);
    expect(squash(pdfText(bytes))).toContain('Stowarzyszenie Łódź – Ångström ő → €');
    expect(squash(pdfText(bytes))).toContain('SAB-Vordruck 60123 (Stand 03/2026)');
    expect(pdfFonts(bytes).every((f) => f.embedded)).toBe(true);
  });

  it('refuses unknown fields and wrong value types with a German message', async () => {
    const form = await foreignForm();
    await expect(fillPdf(form, { values: { Gibt_es_nicht: { type: 'text', value: 'x' } } }, { variant: 'flatten' })).rejects.toThrow(
      new FillError('Das Feld „Gibt_es_nicht“ gibt es in der PDF-Vorlage nicht.'),
    );
    await expect(fillPdf(form, { values: { Erklaerung_1: { type: 'text', value: 'x' } } }, { variant: 'flatten' })).rejects.toThrow(
      /kein Textfeld/,
    );
    await expect(fillPdf(form, { values: { Bemerkungen: { type: 'checkbox', checked: true } } }, { variant: 'flatten' })).rejects.toThrow(
      /kein Kontrollkästchen/,
    );
  });
});
