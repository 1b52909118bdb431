import { PDFDocument, type PDFTextField } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderApplicationPdf } from '../../forms/antrag/index';
import { lineTotalCents } from '../../machines/frl/application/budget';
import type { ApplicationData } from '../../machines/frl/application/schema';
import { formatEuro } from '../../machines/shared/format';
import { pdfInfo, pdfPages, pdfText, pdfWords, renderInput, squash } from '../support/pdf';
import { balanceOwnCash, sampleGemeindeApplication, sampleVereinApplication } from '../support/sample-application';

/** Text that does not fit is never cut: it shrinks, then continues on overflow pages. */

function longText(chars: number): string {
  const words: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i += 1) {
    const word = `Wort${String(i).padStart(5, '0')}`;
    words.push(i % 40 === 39 ? `${word}.\n` : word);
    length += word.length + 1;
  }
  return words.join(' ').slice(0, chars);
}

const wordsOf = (text: string) => text.match(/Wort\d+/g) ?? [];

describe('a Begründung of 100 000 characters', () => {
  const data = sampleVereinApplication();
  data.project.whyProject = longText(100_000);
  let flat: Uint8Array;
  let editable: Uint8Array;
  beforeAll(async () => {
    [flat, editable] = await Promise.all([
      renderApplicationPdf(renderInput(data)),
      renderApplicationPdf(renderInput(data, { variant: 'bearbeitbar' })),
    ]);
  });

  for (const variant of ['einreichung', 'bearbeitbar'] as const) {
    it(`continues on overflow pages with every word in order (${variant})`, () => {
      const bytes = variant === 'einreichung' ? flat : editable;
      const pages = pdfPages(bytes);
      // The field on page 2 ends with a reference to the first overflow page …
      const reference = /… Fortsetzung auf Seite (\d+)/.exec(pages[1]!);
      expect(reference, 'reference in the field').not.toBeNull();
      const first = Number(reference![1]);
      expect(first).toBeGreaterThan(9);
      // … which starts with the field's label and the page of the field.
      expect(squash(pages[first - 1]!)).toContain(
        'Fortsetzung von Feld „Warum ist das Vorhaben notwendig? (Ausgangslage, Bedarf, erwartete Wirkung)“ (Seite 2)',
      );
      // Every word, in order: the field's part, then the overflow pages.
      expect(wordsOf(pdfText(bytes))).toEqual(wordsOf(data.project.whyProject!));
      expect(pages.length).toBeGreaterThan(first + 10);
    });
  }

  it('the editable field keeps the whole text as its value', async () => {
    const form = (await PDFDocument.load(editable)).getForm();
    expect(form.getTextField('begruendung.vorhaben').getText()).toBe(data.project.whyProject);
  });
});

describe('shrinking before continuing', () => {
  it('fits a long title by shrinking the type – no overflow page', async () => {
    const data = sampleGemeindeApplication();
    data.project.title = 'Wiesenbach redet mit – ein Bürgerrat mit gelosten Einwohnerinnen und Einwohnern zur Zukunft des Dorfplatzes';
    const bytes = await renderApplicationPdf(renderInput(data));
    const text = squash(pdfText(bytes));
    expect(text).toContain(data.project.title);
    expect(text).not.toContain('Fortsetzung von Feld');
    expect(pdfInfo(bytes).Pages).toBe(pdfInfo(await renderApplicationPdf(renderInput(sampleGemeindeApplication()))).Pages);
  });

  it('continues a one-line field that is too long even at 7 pt, with a reference', async () => {
    const data = sampleGemeindeApplication();
    data.project.placeDescription =
      'Wiesenbach, Dorfgemeinschaftshaus am Anger, der Dorfplatz vor der Kirche, die Turnhalle der Grundschule, das Gemeindeamt und drei Ortsteile (Ober-, Mittel- und Unterwiesenbach) mit ihren Gaststätten';
    const bytes = await renderApplicationPdf(renderInput(data));
    const pages = pdfPages(bytes);
    const reference = /Forts\. S\. (\d+)/.exec(squash(pages[0]!));
    expect(reference).not.toBeNull();
    const target = squash(pages[Number(reference![1]) - 1]!);
    expect(target).toContain('Fortsetzung von Feld „Ort der Durchführung“ (Seite 1)');
    // Visible part + continuation = the whole text.
    const visible = squash(pages[0]!)
      .match(/Wiesenbach, Dorfgemeinschaftshaus.*? … Forts\. S\./)![0]
      .replace(' … Forts. S.', '');
    const rest = target.slice(target.indexOf('… ') + 2);
    expect(`${visible} ${rest}`).toContain(data.project.placeDescription);
  });
});

describe('a budget of 200 lines', () => {
  const cats = ['honorare', 'sachmittel', 'oeffentlichkeitsarbeit', 'verpflegung', 'raum-technik'];
  const data: ApplicationData = sampleVereinApplication();
  data.budget.lines = Array.from({ length: 200 }, (_, k) => ({
    id: `l${k}`,
    category: cats[k % cats.length]!,
    description: `Position ${k + 1}: Material für Werkstatt Nr. ${k + 1}`,
    kind: k % 3 === 0 ? ('menge' as const) : ('pauschal' as const),
    quantityMilli: k % 3 === 0 ? 2500 + k * 10 : undefined,
    unitPriceCents: k % 3 === 0 ? 1999 : undefined,
    amountCents: k % 3 === 0 ? undefined : 1000 + k * 137,
    year: 2027 + (k % 2),
  }));
  delete data.budget.requestedGrantCents;
  balanceOwnCash(data);
  const amounts = data.budget.lines.map(lineTotalCents);
  const sumUpTo = (n: number) => amounts.slice(0, n).reduce((s, a) => s + a, 0);
  const euro = (cents: number) => squash(formatEuro(cents));

  let bytes: Uint8Array;
  let pages: string[];
  beforeAll(async () => {
    bytes = await renderApplicationPdf(renderInput(data, { eligibility: null }));
    pages = pdfPages(bytes, { layout: true }).map(squash);
  });

  it('prints every line on the annex and its continuation pages', () => {
    const text = squash(pdfText(bytes));
    for (let k = 1; k <= 200; k += 1) expect(text, `Position ${k}`).toContain(`Position ${k}: Material für Werkstatt Nr. ${k}`);
    for (const amount of amounts) expect(text).toContain(euro(amount));
  });

  it('carries the sums over from page to page (Übertrag) and ends with the total', () => {
    const annex = pages.findIndex((p) => p.includes('A. Ausgaben (Kostenpositionen)'));
    expect(annex).toBeGreaterThan(0);
    // The template page: as many rows as fit (they grow with their text) and their sum as the carry-over.
    const onForm = Math.max(...[...pages[annex]!.matchAll(/Position (\d+):/g)].map((m) => Number(m[1])));
    expect(onForm).toBeGreaterThanOrEqual(10);
    expect(onForm).toBeLessThanOrEqual(16);
    expect(pages[annex]).toContain('Übertrag auf die Folgeseite (nur bei Fortsetzung)');
    expect(pages[annex]).toContain(euro(sumUpTo(onForm)));
    expect(pages[annex]).toContain(`Summe der Ausgabepositionen ${euro(sumUpTo(200))}`);
    let page = annex + 1;
    let seenLast = 0;
    let continuation = 0;
    while (pages[page]?.includes('Fortsetzung: Anlage 2 – A. Ausgaben')) {
      continuation += 1;
      const rows = [...pages[page]!.matchAll(/Position (\d+):/g)].map((m) => Number(m[1]));
      const firstRow = Math.min(...rows);
      const lastRow = Math.max(...rows);
      expect(firstRow).toBe(seenLast === 0 ? onForm + 1 : seenLast + 1);
      expect(pages[page]).toContain(`Übertrag von Seite ${page} ${euro(sumUpTo(firstRow - 1))}`);
      if (lastRow < 200) expect(pages[page]).toContain(`Übertrag auf Seite ${page + 2} ${euro(sumUpTo(lastRow))}`);
      else expect(pages[page]).toContain(`Summe der Ausgabepositionen ${euro(sumUpTo(200))}`);
      seenLast = lastRow;
      page += 1;
    }
    expect(seenLast).toBe(200);
    expect(continuation).toBeGreaterThanOrEqual(5);
    // The annex's second page (in-kind work, donations, summary) follows the continuation.
    expect(pages[page]).toContain('B. Unbare Eigenleistungen');
  });

  it('keeps the carry-over in the editable form, too', async () => {
    const editable = await renderApplicationPdf(renderInput(data, { eligibility: null, variant: 'bearbeitbar' }));
    const form = (await PDFDocument.load(editable)).getForm();
    const filled = form
      .getFields()
      .filter((f) => /^anlage2\.ausgaben\.\d+\.beschreibung$/.test(f.getName()) && (f as PDFTextField).getText());
    const onForm = filled.length;
    expect(form.getTextField('anlage2.ausgaben.uebertrag').getText()).toBe(formatEuro(sumUpTo(onForm)));
    const last = `anlage2.ausgaben.${String(onForm).padStart(2, '0')}.beschreibung`;
    expect(form.getTextField(last).getText()).toBe(`Position ${onForm}: Material für Werkstatt Nr. ${onForm}`);
    // Computed amounts cannot be changed in the editable form; descriptions can.
    expect(form.getTextField('anlage2.ausgaben.01.betrag').isReadOnly()).toBe(true);
    expect(form.getTextField('anlage2.summe.differenz').isReadOnly()).toBe(true);
    expect(form.getTextField(last).isReadOnly()).toBe(false);
    expect(squash(pdfText(editable))).toContain('Position 200: Material für Werkstatt Nr. 200');
  });
});

describe('rows on the form page grow with their text (issue 23.3)', () => {
  it('wraps a long description within its row, in the column’s own size, instead of continuing it on another page', async () => {
    const data = sampleGemeindeApplication();
    const long = 'Moderation und Prozessbegleitung des Bürgerrats an sechs Abenden einschließlich Vor- und Nachbereitung';
    expect(long.length).toBeGreaterThan(94);
    data.budget.lines[0]!.description = long;
    for (const variant of ['einreichung', 'bearbeitbar'] as const) {
      const bytes = await renderApplicationPdf(renderInput(data, { variant }));
      const pages = pdfPages(bytes);
      const annex = pages.findIndex((p) => p.includes('A. Ausgaben (Kostenpositionen)'));
      expect(squash(pages[annex]!), variant).toContain(squash(long));
      expect(pdfText(bytes)).not.toContain('Fortsetzung von Feld „Ausgaben: Beschreibung');
      // One size for every row: the description words all have the same height.
      // (the description column runs from x = 160 to 336 pt; the rows lie between y = 300 and the header at 684 pt)
      const words = pdfWords(bytes).filter((w) => w.page === annex + 1 && w.xMin > 161 && w.xMax < 336 && w.yMin > 300 && w.yMax < 684);
      expect(words.length).toBeGreaterThan(20);
      expect(new Set(words.map((w) => Math.round((w.yMax - w.yMin) * 10))).size, variant).toBe(1);
    }
  });
});
