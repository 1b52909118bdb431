import { describe, expect, it } from 'vitest';
import { renderAenderungsmitteilungPdf } from '../../forms/umsetzung/aenderungsmitteilung';
import { bescheidSchema } from '../../machines/umsetzung/bescheid';
import type { ImplementationFacts } from '../../machines/umsetzung/computations';
import { implementationParameters as table } from '../../machines/umsetzung/parameters';
import {
  changeEffectOf,
  changesFormValues,
  changesFromJson,
  effectSentences,
  noChanges,
  noticeItems,
  parseChangesForm,
  type ImplementationChanges,
} from '../../machines/umsetzung/aenderungen';
import { pdfText, squash } from '../support/pdf';
import { storedBescheid } from '../support/umsetzung';

// Issue 19 Nr. 4 and 7: changes after the Bescheid, what must be reported and what they do to the grant.
// Fixture: 30.000 € approved, grant 27.000 € (90 %, Anteilfinanzierung), 10.800 € paid out.

const plain = (text: string) => text.replace(/\u00a0/g, ' ');

function facts(part: 'A' | 'B'): ImplementationFacts {
  return {
    bescheid: bescheidSchema.parse(storedBescheid(part)),
    today: '2026-09-01',
    startedOn: '2026-04-15',
    startReportedOn: '2026-04-20',
    purposeFulfilledOn: null,
    proofSubmittedOn: null,
    proofCheckedOn: null,
    receipts: [],
    payouts: [{ receivedOn: '2026-08-25', cents: 1_080_000 }],
    forecastExpenditureCents: null,
    additionalFinancingCents: 0,
    mittelabruf: null,
  };
}

const changes = (over: Partial<ImplementationChanges>): ImplementationChanges => ({ ...noChanges(), ...over });

describe('the form', () => {
  it('reads de-DE amounts and keeps the circumstances the kind of grantee can report', () => {
    const parsed = parseChangesForm(
      { forecast: '27.500,00', additional: '1.200', source: ' Stiftung Lausitz ', circumstances: ['zeitplan', 'insolvenz', 'erfunden'] },
      'A',
    );
    expect(parsed).toEqual({
      ok: true,
      changes: changes({
        forecastExpenditureCents: 2_750_000,
        additionalFinancingCents: 120_000,
        additionalFinancingSource: 'Stiftung Lausitz',
        circumstances: ['zeitplan'],
      }),
    });
    const b = parseChangesForm({ circumstances: ['insolvenz', 'empfaenger'] }, 'B');
    expect(b.ok && b.changes.circumstances).toEqual(['empfaenger', 'insolvenz']);
    if (parsed.ok) expect(changesFormValues(parsed.changes)).toMatchObject({ forecast: '27.500,00', additional: '1.200,00' });
  });

  it('refuses an unreadable amount, money without its source and a text over the limit, each at its field', () => {
    const parsed = parseChangesForm({ forecast: '27,500', additional: '100', explanation: 'x'.repeat(3001) }, 'B');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(['explanation', 'forecast', 'source']);
    expect(parsed.errors.source).toContain('Nr. 5.1');
  });

  it('reads stored changes back, and unreadable ones as none', () => {
    const c = changes({ forecastExpenditureCents: 1, circumstances: ['umstaende'] });
    expect(changesFromJson(JSON.stringify(c))).toEqual(c);
    expect(changesFromJson('{"x":1}')).toEqual(noChanges());
    expect(changesFromJson(null)).toEqual(noChanges());
  });
});

describe('what must be reported (ANBest-K/ANBest-P Nr. 5)', () => {
  it('nothing while the plan holds', () => {
    expect(noticeItems(facts('A'), noChanges(), table)).toEqual([]);
    expect(effectSentences(changeEffectOf(facts('A'), noChanges(), table), 2_700_000)).toEqual([
      'Nach Ihren Angaben bleibt es beim bewilligten Plan.',
    ]);
  });

  it('a reduction over 7,5 % is to be reported, one at 7,5 % is not (Nr. 5.1)', () => {
    // 7,5 % of 30.000 € = 2.250 €.
    expect(noticeItems(facts('A'), changes({ forecastExpenditureCents: 2_775_000 }), table)).toEqual([]);
    const items = noticeItems(facts('A'), changes({ forecastExpenditureCents: 2_774_999 }), table);
    expect(items.map((i) => [i.id, i.clauses])).toEqual([['mitteilung.ermaessigung', ['ANBest-K Nr. 5.1']]]);
    expect(noticeItems(facts('B'), changes({ forecastExpenditureCents: 2_774_999 }), table)[0]!.clauses).toEqual(['ANBest-P Nr. 5.1']);
  });

  it('money that joined is to be reported with its source; ticked circumstances with their clause', () => {
    const items = noticeItems(
      facts('B'),
      changes({ additionalFinancingCents: 1, additionalFinancingSource: 'Stadt Görlitz', circumstances: ['zeitplan', 'insolvenz'] }),
      table,
    );
    expect(items.map((i) => [i.id, i.clauses.join(', ')])).toEqual([
      ['mitteilung.weitere-mittel', 'ANBest-P Nr. 5.1'],
      ['zeitplan', 'ANBest-P Nr. 5.2'],
      ['insolvenz', 'ANBest-P Nr. 5.6'],
    ]);
    expect(plain(items[0]!.detail)).toBe('Hinzugekommen: 0,01 €. Von: Stadt Görlitz.');
  });
});

describe('the simulator (Nr. 2, 8)', () => {
  it('500 € less keeps the grant; 500,01 € less reduces it by the rate, and what was paid out beyond is to be repaid', () => {
    const keep = changeEffectOf(facts('A'), changes({ forecastExpenditureCents: 2_950_000 }), table);
    expect([keep.overThreshold, keep.newGrantCents]).toEqual([false, 2_700_000]);
    expect(plain(effectSentences(keep, 2_700_000).join(' '))).toContain('nicht mehr als 500 €');
    const reduce = changeEffectOf(facts('A'), changes({ forecastExpenditureCents: 2_949_999 }), table);
    expect([reduce.overThreshold, reduce.newGrantCents]).toEqual([true, 2_654_999]);
    const lower = changeEffectOf(facts('A'), changes({ forecastExpenditureCents: 1_000_000 }), table);
    expect([lower.newGrantCents, lower.repaymentCents]).toEqual([900_000, 180_000]);
    expect(plain(effectSentences(lower, 2_700_000).join(' '))).toContain('zu erstatten wären 1.800,00 €');
  });
});

describe('the Änderungsmitteilung PDF', () => {
  it('lists each item with its clause, the figures and the explanation', async () => {
    const bytes = await renderAenderungsmitteilungPdf({
      part: 'B',
      organisation: 'Bürgerforum Oberlausitz e. V.',
      projectTitle: 'Foren',
      fileNumber: 'SAB-1',
      period: '01.04.2026 bis 31.03.2027',
      grant: '27.000,00 €',
      date: '01.09.2026',
      items: [
        { title: 'Weitere Zuwendungen oder Mittel Dritter anzeigen', clauses: 'ANBest-P Nr. 5.1', detail: 'Hinzugekommen: 1.200,00 €.' },
      ],
      figures: [['Zuwendung nach diesen Zahlen', '25.920,00 €']],
      effect: ['Die Zuwendung ermäßigt sich voraussichtlich.'],
      explanation: 'Die Stadt beteiligt sich.',
      createdAt: new Date('2026-09-01T10:00:00Z'),
    });
    const text = squash(pdfText(bytes));
    expect(text).toContain('Mitteilung nach ANBest-P Nr. 5');
    expect(text).toContain('1. Weitere Zuwendungen oder Mittel Dritter anzeigen (ANBest-P Nr. 5.1) Hinzugekommen: 1.200,00 €.');
    const row = pdfText(bytes, { layout: true })
      .split('\n')
      .find((line) => line.includes('Zuwendung nach diesen Zahlen'));
    expect(squash(row ?? '')).toBe('Zuwendung nach diesen Zahlen 25.920,00 €');
    expect(text).toContain('Die Stadt beteiligt sich.');
  });
});
