import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allocate, financeByYear } from '../../forms/antrag/finance';
import { formatQuantity } from '../../forms/antrag/mapping';
import { fitText } from '../../forms/pdf/fit';
import { dejaVuSans, printableText, REPLACEMENT, SEGMENT_WINDOW } from '../../forms/pdf/font';
import { projectPartSchema, projectSchema } from '../../machines/frl/application/schema';
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
    const cut = fitText(font, 'Ein sehr viel zu langer Text, der auch in sieben Punkt nicht in das Feld passt', box, {
      maxSize: 9,
      minSize: 7,
      multiline: false,
    });
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
    expect(printableText('Fest 🎉 mit 👩‍👩‍👧 und 👍🏽, 中文', font, false)).toBe(
      `Fest ${REPLACEMENT} mit ${REPLACEMENT} und ${REPLACEMENT}, ${REPLACEMENT}${REPLACEMENT}`,
    );
  });

  it('drops control and invisible characters, keeps line breaks only where allowed', () => {
    expect(printableText('Trenn\u00ADung\u200B und\u0007 Tab\there\r\nZeile', font, true)).toBe('Trennung und Tab here\nZeile');
    expect(printableText('eins\nzwei', font, false)).toBe('eins zwei');
    expect(printableText('A\u030Angstro\u0308m', font, false)).toBe('Ångström');
  });
});

describe("printable text at the schema's maximum lengths (issue 23.1)", () => {
  afterEach(() => vi.restoreAllMocks());

  const sequencePart = /[\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}\u20E3]/u;
  const dropped = /[\u00AD\u200B-\u200F\u2060\uFEFF\uFE00-\uFE0F]/u;
  /** The old way: one grapheme segmentation of the whole text – correct, but far slower than linear. */
  function wholeTextReference(text: string): string {
    let out = '';
    for (const { segment } of new Intl.Segmenter('de', { granularity: 'grapheme' }).segment(text)) {
      const chars = [...segment].filter((c) => !dropped.test(c));
      const printable = (c: string) => c === '\n' || font.has(c.codePointAt(0)!);
      out += chars.every((c) => printable(c) || sequencePart.test(c)) ? chars.filter(printable).join('') : REPLACEMENT;
    }
    return out;
  }

  it('segments only short windows, so the work grows linearly with the text (30 parts × 2 000 characters with emoji)', () => {
    const sentence = 'Bürgerinnen und Bürger planen den Dorfplatz gemeinsam 🤝 ';
    // The schema counts characters (code points), so an emoji is one of the 2 000.
    const description = [...sentence.repeat(40)].slice(0, 2000).join('');
    const parts = Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, title: 'Titel '.repeat(40).slice(0, 200), description }));
    // The schema's maximum: one part or one character more is refused.
    expect(projectSchema.safeParse({ parts }).success).toBe(true);
    expect(projectSchema.safeParse({ parts: [...parts, parts[0]] }).success).toBe(false);
    expect(projectPartSchema.safeParse({ ...parts[0], description: `${parts[0]!.description}x` }).success).toBe(false);
    // As the mapping joins the parts for the field "Bausteine": number and title, description, blank line.
    const text = parts.map((p, i) => `${i + 1}. ${p.title}\n${p.description}`).join('\n\n');
    expect(text.length).toBeGreaterThan(65_536);
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    const printable = printableText(text, font, true);
    const lengths = segment.mock.calls.map(([input]) => input.length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(SEGMENT_WINDOW);
    // Every character is looked at by the segmenter at most once.
    expect(lengths.reduce((s, n) => s + n, 0)).toBeLessThanOrEqual(text.length);
    expect(printable.split(REPLACEMENT).length - 1).toBe(text.split('🤝').length - 1);
    expect(printable.replaceAll(REPLACEMENT, '🤝')).toBe(text);
  });

  it('gives the same result as segmenting the whole text, also across window borders', () => {
    const pieces = [
      'a',
      'ä',
      ' ',
      '\n',
      'Wort ',
      '🤝',
      '😀',
      '👩‍👩‍👧',
      '👍🏽',
      '🇩🇪',
      'e\u0301',
      '\u0308',
      '中',
      'Ł',
      '1️⃣',
      '\u200D',
      '\uFE0F',
      '\u00AD',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 900 }), (parts) => {
        const text = parts.join('').normalize('NFC');
        expect(printableText(text, font, true)).toBe(wholeTextReference(text));
      }),
      { numRuns: 60 },
    );
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
    const { totals } = deriveSample(data);
    const plan = financeByYear(data, totals);
    expect(plan.columns.map((c) => c.label)).toEqual(['2027', '2028']);
    for (const key of Object.keys(plan.total) as Array<keyof typeof plan.total>) {
      expect(
        plan.columns.reduce((s, c) => s + c.cents[key], 0),
        key,
      ).toBe(plan.total[key]);
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
    const { totals } = deriveSample(data);
    const plan = financeByYear(data, totals);
    expect(plan.columns.map((c) => c.label)).toEqual(['2027', '2028', '2029–2030']);
    expect(plan.columns[2]!.cents.ausgaben).toBe(480000 + 90000);
  });

  it('formats quantities in thousandths the German way', () => {
    expect(formatQuantity(2500)).toBe('2,5');
    expect(formatQuantity(120000)).toBe('120');
    expect(formatQuantity(1234567)).toBe('1.234,567');
  });
});
