import { describe, expect, it } from 'vitest';
import { anchorsOf, changeTouches, describePath, describeValue, findAnchor, stepOfPath } from '../../machines/frl/application/anchors';
import { diff, netChanges } from '../../machines/frl/application/diff';
import { sampleGemeindeApplication } from '../support/sample-application';

const save = (at: string, by: string, changes: Array<{ path: string; before?: unknown; after?: unknown }>) => ({ at, by, changes });

describe('net changes since the last review', () => {
  it('compares the value before the first save with the value after the last', () => {
    const net = netChanges([
      save('2026-11-20T10:00:00Z', 'Sabine', [{ path: 'project.title', before: 'Alt', after: 'Zwischenstand' }]),
      save('2026-11-21T10:00:00Z', 'Tom', [{ path: 'project.title', before: 'Zwischenstand', after: 'Neu' }]),
    ]);
    expect(net).toEqual([{ path: 'project.title', before: 'Alt', after: 'Neu', at: '2026-11-21T10:00:00Z', by: 'Tom', saves: 2 }]);
  });

  it('drops edits that were undone', () => {
    expect(
      netChanges([
        save('1', 'a', [{ path: 'budget.ownCashCents', before: 100, after: 200 }]),
        save('2', 'a', [{ path: 'budget.ownCashCents', before: 200, after: 100 }]),
      ]),
    ).toEqual([]);
  });

  it('shows a budget line added in the period as it is now, once', () => {
    const net = netChanges([
      save('1', 'a', [
        { path: 'budget.lines[id=n1]', before: undefined, after: { id: 'n1', description: 'Druck', kind: 'pauschal', amountCents: 1000 } },
      ]),
      save('2', 'b', [{ path: 'budget.lines[id=n1].amountCents', before: 1000, after: 2500 }]),
    ]);
    expect(net).toHaveLength(1);
    expect(net[0]).toMatchObject({
      path: 'budget.lines[id=n1]',
      before: undefined,
      after: { description: 'Druck', amountCents: 2500 },
      by: 'b',
    });
  });

  it('shows a removed line as it was at the start, before any edit', () => {
    const net = netChanges([
      save('1', 'a', [{ path: 'budget.lines[id=c2].amountCents', before: 90000, after: 95000 }]),
      save('2', 'a', [
        { path: 'budget.lines[id=c2]', before: { id: 'c2', description: 'Losverfahren', amountCents: 95000 }, after: undefined },
      ]),
    ]);
    expect(net).toEqual([
      {
        path: 'budget.lines[id=c2]',
        before: { id: 'c2', description: 'Losverfahren', amountCents: 90000 },
        after: undefined,
        at: '2',
        by: 'a',
        saves: 1,
      },
    ]);
  });

  it('a line added and removed again leaves nothing', () => {
    expect(
      netChanges([
        save('1', 'a', [{ path: 'budget.lines[id=x]', before: undefined, after: { id: 'x' } }]),
        save('2', 'a', [{ path: 'budget.lines[id=x]', before: { id: 'x' }, after: undefined }]),
      ]),
    ).toEqual([]);
  });

  it('works on the diffs the wizard records', () => {
    const before = sampleGemeindeApplication();
    const after = sampleGemeindeApplication();
    after.project.title = 'Wiesenbach entscheidet mit';
    after.budget.lines = after.budget.lines.filter((l) => l.id !== 'c7');
    after.budget.lines[0]!.quantityMilli = 5000;
    const net = netChanges([save('1', 'a', diff(before, after))]);
    // The removed line has no anchor any more; it is named by its list, its values show before/after.
    expect(net.map((c) => describePath(c.path, after)).sort()).toEqual(
      ['Ausgabe 1: Moderation und Prozessbegleitung des Bürgerrats – Menge', 'Ausgabe', 'Titel des Vorhabens'].sort(),
    );
  });
});

describe('values and places as people read them', () => {
  it('formats amounts, quantities, dates, yes/no and rows', () => {
    expect(describeValue('budget.ownCashCents', 110080)).toBe('1.100,80\u00a0€');
    expect(describeValue('budget.lines[id=c1].quantityMilli', 2500)).toBe('2,5');
    expect(describeValue('schedule.start', '2027-03-01')).toBe('01.03.2027');
    expect(describeValue('project.cooperation', false)).toBe('nein');
    expect(describeValue('project.summary', undefined)).toBe('–');
    expect(
      describeValue('budget.lines[id=c2]', { id: 'c2', category: 'honorare', description: 'Losverfahren', amountCents: 90000, year: 2027 }),
    ).toBe('Losverfahren (Honorare), 900,00\u00a0€, 2027');
    expect(
      describeValue('budget.lines[id=c3]', {
        id: 'c3',
        category: 'verpflegung',
        kind: 'menge',
        quantityMilli: 40_000,
        unitPriceCents: 850,
        year: 2027,
      }),
    ).toBe('Verpflegung, 40 × 8,50\u00a0€ = 340,00\u00a0€, 2027');
    expect(describeValue('budget.lines[id=c3].year', 2027)).toBe('2027');
    expect(describeValue('project.targetGroups', ['alle', 'familien'])).toBe('Alle Einwohnerinnen und Einwohner, Familien');
  });

  it('names the step of a path', () => {
    expect(stepOfPath('budget.lines[id=c1].amountCents')).toBe('kosten');
    expect(stepOfPath('applicant.organisation.iban')).toBe('antragsteller');
    expect(stepOfPath('declarations.fdgo')).toBe('erklaerungen');
    expect(stepOfPath('unknown.thing')).toBeNull();
  });

  it('anchors rows by id, so a comment stays with its line', () => {
    const data = sampleGemeindeApplication();
    const anchor = findAnchor(data, 'kosten', 'lines[id=c6]')!;
    expect(anchor.label).toBe('Ausgabe 6: Projektkoordination in der Verwaltung');
    expect(changeTouches(anchor, 'budget.lines[id=c6].unitPriceCents')).toBe(true);
    expect(changeTouches(anchor, 'budget.lines[id=c61].unitPriceCents')).toBe(false);
    data.budget.lines = data.budget.lines.filter((l) => l.id !== 'c6');
    expect(findAnchor(data, 'kosten', 'lines[id=c6]')).toBeUndefined();
    expect(anchorsOf(data).filter((a) => a.step === 'kosten' && a.field?.startsWith('lines['))).toHaveLength(7);
  });
});
