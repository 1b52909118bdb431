import { describe, expect, it } from 'vitest';
import {
  amountCells,
  amountTable,
  callFor,
  periodKey,
  periodLabel,
  periodsBetween,
  statTableCsv,
  suppressSmallAmounts,
  type AmountCell,
  type DraftFigure,
} from '../../machines/frl/regelwerk/statistics';
import { toCsv } from '../../machines/shared/csv';

const cell = (key: string, withAmount: number, sumCents = withAmount * 100_000): AmountCell => ({
  key,
  label: key,
  drafts: withAmount,
  withAmount,
  sumCents,
});

describe('requested amounts without pointing at one organisation', () => {
  it('hides sums of one or two amounts, and the next smallest when only one would be hidden', () => {
    const shown = suppressSmallAmounts([cell('a', 1), cell('b', 0), cell('c', 5), cell('d', 9)]);
    // "b" has no amount to give away; "a" alone would be derivable from the total, so "c" goes too.
    expect(shown.map((c) => [c.key, c.amountHidden])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
      ['d', false],
    ]);
    expect(
      suppressSmallAmounts([cell('a', 2), cell('b', 1), cell('c', 4)])
        .filter((c) => c.amountHidden)
        .map((c) => c.key),
    ).toEqual(['a', 'b']);
    expect(suppressSmallAmounts([cell('a', 3), cell('b', 4)]).some((c) => c.amountHidden)).toBe(false);
  });

  it('shows a hidden sum as hidden in the table, and no average where no draft names an amount', () => {
    const table = amountTable(
      't',
      'Titel',
      'Förderweg',
      suppressSmallAmounts([cell('a', 1), cell('b', 0), cell('c', 3, 300_050), cell('d', 4)]),
    );
    expect(table.rows.map((r) => r.values.slice(3))).toEqual([
      [null, null],
      [0, '–'],
      [null, null],
      [400_000, 100_000],
    ]);
  });

  it('sums drafts into cells and counts those without an amount', () => {
    const figures: DraftFigure[] = [
      { route: 'A1.1', startedOn: '2026-01-10', requestedGrantCents: 500_000 },
      { route: 'A1.1', startedOn: '2026-02-10', requestedGrantCents: null },
      { route: null, startedOn: '2026-02-11', requestedGrantCents: 100_000 },
    ];
    expect(amountCells(figures, (f) => f.route, [{ key: 'A1.1', label: 'Einzelvorhaben' }], { key: 'offen', label: 'offen' })).toEqual([
      { key: 'A1.1', label: 'Einzelvorhaben', drafts: 2, withAmount: 1, sumCents: 500_000 },
      { key: 'offen', label: 'offen', drafts: 1, withAmount: 1, sumCents: 100_000 },
    ]);
  });
});

describe('funding calls and periods', () => {
  it('gives a draft the call whose Stichtag is the first on or after the day it was started', () => {
    const calls = [
      { id: '7', deadline: '2027-03-31' },
      { id: '6', deadline: '2026-09-30' },
    ];
    expect(callFor('2026-04-01', calls)?.id).toBe('6');
    expect(callFor('2026-09-30', calls)?.id).toBe('6');
    expect(callFor('2026-10-01', calls)?.id).toBe('7');
    expect(callFor('2027-04-01', calls)).toBeNull();
  });

  it('names months and quarters in German and leaves no gap', () => {
    expect(periodKey('2026-11-04', 'monat')).toBe('2026-11');
    expect(periodKey('2026-11-04', 'quartal')).toBe('2026-Q4');
    expect(periodLabel('2026-03', 'monat')).toBe('März 2026');
    expect(periodLabel('2026-Q4', 'quartal')).toBe('4. Quartal 2026');
    expect(periodsBetween('2026-11-20', '2027-02-01', 'monat')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodsBetween('2026-11-20', '2027-07-01', 'quartal')).toEqual(['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3']);
  });
});

describe('CSV for German spreadsheets', () => {
  it('starts with a byte order mark, separates with semicolons, ends lines with CRLF and quotes where needed', () => {
    expect(
      toCsv([
        ['Name', 'Wert'],
        ['Müller; Sohn', 'sagt "ja"'],
      ]),
    ).toBe('\uFEFFName;Wert\r\n"Müller; Sohn";"sagt ""ja"""\r\n');
  });

  it('writes counts and amounts in German notation and hidden cells as hidden', () => {
    const table = amountTable(
      't',
      'Titel',
      'Förderweg',
      suppressSmallAmounts([cell('Einzelvorhaben', 1234, 123_456_789), cell('Zivilgesellschaft', 1)]),
    );
    const lines = statTableCsv(table).replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('Förderweg;Entwürfe;davon mit Betrag;beantragt, Summe (€);beantragt, Durchschnitt (€)');
    expect(lines[1]).toBe('Einzelvorhaben;1.234;1.234;ausgeblendet;ausgeblendet');
    expect(lines[2]).toBe('Zivilgesellschaft;1;1;ausgeblendet;ausgeblendet');
    const visible = amountTable('t', 'Titel', 'Förderweg', suppressSmallAmounts([cell('Einzelvorhaben', 3, 1_234_567_89)]));
    expect(statTableCsv(visible)).toContain('Einzelvorhaben;3;3;1.234.567,89;411.522,63');
  });
});
