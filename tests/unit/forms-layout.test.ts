import { describe, expect, it } from 'vitest';
import { allocate, financeByYear } from '../../forms/antrag/finance';
import { formatQuantity } from '../../forms/antrag/mapping';
import { fitText } from '../../forms/pdf/fit';
import { dejaVuSans, printableText, REPLACEMENT } from '../../forms/pdf/font';
import { measure, widthAt, wrap } from '../../forms/pdf/layout';
import { deriveSample, sampleGemeindeApplication, sampleVereinApplication } from '../support/sample-application';

const font = dejaVuSans();
const wrapAt = (text: string, width: number, size = 10) => wrap(font, measure(font, text), (width * font.unitsPerEm) / size);

describe('text layout', () => {
  it('wraps at word boundaries and keeps paragraphs', () => {
    const text = 'Bürgerbeteiligung braucht Zeit, Geduld und gute Moderation.\n\nZweiter Absatz.';
    const lines = wrapAt(text, 120);
    expect(lines.map((l) => l.text)).toEqual(['Bürgerbeteiligung', 'braucht Zeit, Geduld', 'und gute Moderation.', '', 'Zweiter Absatz.']);
    for (const line of lines) expect(widthAt(font, line.text, 10)).toBeLessThanOrEqual(120);
    // Offsets point into the source, so an overflow continues exactly where a line starts.
    expect(text.slice(lines[2]!.start)).toBe('und gute Moderation.\n\nZweiter Absatz.');
  });

  it('breaks a word longer than the line between characters', () => {
    const lines = wrapAt('Donaudampfschifffahrtsgesellschaftskapitänsmütze', 60);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.text).join('')).toBe('Donaudampfschifffahrtsgesellschaftskapitänsmütze');
  });

  it('shrinks before it breaks a word, and continues only below the minimum size', () => {
    const box = { width: 82, height: 21.5, paddingX: 2.6, paddingY: 1.6 };
    const category = fitText(font, 'Öffentlichkeitsarbeit', box, { maxSize: 8, minSize: 7, multiline: true });
    expect(category.lines.map((l) => l.text)).toEqual(['Öffentlichkeitsarbeit']);
    expect(category.size).toBeLessThan(8);
    expect(category.overflowFrom).toBeNull();
    const long = fitText(font, 'Moderation und Prozessbegleitung des Bürgerrats mit vier Sitzungen und Abschlussveranstaltung', box, {
      maxSize: 8,
      minSize: 7,
      multiline: true,
    });
    expect(long.size).toBe(7);
    expect(long.lines).toHaveLength(1); // the second line carries the reference
    expect(long.overflowFrom).toBe(long.lines[0]!.end + 1);
  });

  it('fits one-line values by shrinking, down to the minimum', () => {
    const box = { width: 120, height: 16, paddingX: 2.6, paddingY: 1.6 };
    expect(fitText(font, 'Kurz', box, { maxSize: 9, minSize: 7, multiline: false })).toMatchObject({ size: 9, overflowFrom: null });
    const shrunk = fitText(font, 'Ein etwas längerer Ortsname', box, { maxSize: 9, minSize: 7, multiline: false });
    expect(shrunk.size).toBeLessThan(9);
    expect(shrunk.size).toBeGreaterThanOrEqual(7);
    const cut = fitText(font, 'Ein sehr viel zu langer Text, der auch in sieben Punkt nicht in das Feld passt', box, { maxSize: 9, minSize: 7, multiline: false });
    expect(cut.size).toBe(7);
    expect(cut.overflowFrom).toBeGreaterThan(0);
    expect(cut.lines[0]!.text.endsWith(' ')).toBe(false);
  });
});

describe('printable text', () => {
  it('keeps what DejaVu Sans has: umlauts, Polish, Nordic, €, arrows', () => {
    const text = 'Łódź, Ångström, Größe, ő, € 12,50 → ✓ – „Zitat“';
    expect(printableText(text, font, false)).toBe(text);
  });

  it('replaces what no font here has, one "�" per emoji sequence', () => {
    expect(printableText('Fest 🎉 mit 👩‍👩‍👧 und 👍🏽, 中文', font, false)).toBe(`Fest ${REPLACEMENT} mit ${REPLACEMENT} und ${REPLACEMENT}, ${REPLACEMENT}${REPLACEMENT}`);
  });

  it('drops control and invisible characters, keeps line breaks only where allowed', () => {
    expect(printableText('Trenn\u00ADung\u200B und\u0007 Tab\there\r\nZeile', font, true)).toBe('Trennung und Tab here\nZeile');
    expect(printableText('eins\nzwei', font, false)).toBe('eins zwei');
    expect(printableText('A\u030Angstro\u0308m', font, false)).toBe('Ångström');
  });
});

describe('financing plan by calendar year', () => {
  it('splits exactly (largest remainder), in whole euros when the total is whole euros', () => {
    expect(allocate(1000, [1, 1, 1])).toEqual([334, 333, 333]);
    expect(allocate(990500, [2, 1])).toEqual([660333, 330167]);
    expect(allocate(990500, [2, 1], 100)).toEqual([660300, 330200]);
    expect(allocate(12345, [0, 0])).toEqual([12345, 0]);
    const parts = allocate(2350000, [1594300, 1008000], 100);
    expect(parts.reduce((s, p) => s + p, 0)).toBe(2350000);
    expect(parts.every((p) => p % 100 === 0)).toBe(true);
  });

  it('gives one column per calendar year whose rows add up to the totals', () => {
    const data = sampleVereinApplication();
    const { totals, parameters } = deriveSample(data);
    const plan = financeByYear(data, totals, parameters);
    expect(plan.columns.map((c) => c.label)).toEqual(['2027', '2028']);
    for (const key of Object.keys(plan.total) as Array<keyof typeof plan.total>) {
      expect(plan.columns.reduce((s, c) => s + c.cents[key], 0), key).toBe(plan.total[key]);
    }
    expect(plan.total.ausgaben).toBe(totals.expenditureCents);
    expect(plan.columns[0]!.cents.eigenleistungen).toBe(175200 + 50000);
  });

  it('uses the schedule for the years and merges more than three', () => {
    const data = sampleGemeindeApplication();
    data.schedule.start = '2027-01-01';
    data.schedule.end = '2030-12-31';
    data.budget.lines[0]!.year = 2030;
    data.budget.lines[1]!.year = 2029;
    const { totals, parameters } = deriveSample(data);
    const plan = financeByYear(data, totals, parameters);
    expect(plan.columns.map((c) => c.label)).toEqual(['2027', '2028', '2029–2030']);
    expect(plan.columns[2]!.cents.ausgaben).toBe(480000 + 90000);
  });

  it('formats quantities in thousandths the German way', () => {
    expect(formatQuantity(2500)).toBe('2,5');
    expect(formatQuantity(120000)).toBe('120');
    expect(formatQuantity(1234567)).toBe('1.234,567');
  });
});
