import { describe, expect, it } from 'vitest';
import { beginnanzeigePdfInput } from '../../app/umsetzung/beginnanzeige.server';
import { renderBeginnanzeigePdf } from '../../forms/umsetzung/beginnanzeige';
import { bescheidSchema } from '../../machines/umsetzung/bescheid';
import type { ImplementationFacts } from '../../machines/umsetzung/computations';
import { implementationParameters as table } from '../../machines/umsetzung/parameters';
import { pdfText, squash } from '../support/pdf';
import { storedBescheid } from '../support/umsetzung';

// Issue 19 Nr. 3: the Beginnanzeige (ANBest-K Nr. 5.4, ANBest-P Nr. 5.8) and, for municipalities, the
// first instalment it releases with the Bescheid final (VVK Nr. 7.1).
// Fixture: grant 23.456,78 € (an odd amount, so the 40 % share has a fraction of a cent to round down),
// Bescheid received 10.03.2026, started 15.04.2026, not yet reported.

function facts(part: 'A' | 'B', over: Partial<ImplementationFacts> = {}, bescheid: Record<string, unknown> = {}): ImplementationFacts {
  return {
    bescheid: bescheidSchema.parse({ ...storedBescheid(part), grantCents: 2_345_678, ...bescheid }),
    today: '2026-04-20',
    startedOn: '2026-04-15',
    startReportedOn: null,
    purposeFulfilledOn: null,
    proofSubmittedOn: null,
    proofCheckedOn: null,
    receipts: [],
    payouts: [],
    forecastExpenditureCents: null,
    additionalFinancingCents: 0,
    mittelabruf: null,
    ...over,
  };
}

const createdAt = new Date('2026-04-20T08:00:00Z');
const plain = (text: string) => text.replace(/\u00a0/g, ' ');
const render = (f: ImplementationFacts, organisation: string) =>
  renderBeginnanzeigePdf(beginnanzeigePdfInput(f, organisation, 'Bürgerwerkstätten Neustadt', createdAt, table));

describe('the Beginnanzeige PDF', () => {
  it('for a municipality reports the start and asks for the first instalment of 40 % to the cent, with the day the Bescheid is final', async () => {
    const bytes = await render(facts('A'), 'Gemeinde Neustadt');
    const text = squash(plain(pdfText(bytes)));
    expect(text).toContain('Anzeige des Vorhabenbeginns nach ANBest-K Nr. 5.4');
    expect(text).toContain('Gemeinde Neustadt · Bürgerwerkstätten Neustadt');
    expect(text).toContain('Aktenzeichen des Zuwendungsbescheides SAB-FUZZ-1');
    expect(text).toContain('Bewilligte Zuwendung 23.456,78 €');
    expect(text).toContain('Vorhaben begonnen am 15.04.2026');
    // No report date recorded yet: the report is dated the day it is made.
    expect(text).toContain('Datum der Anzeige 20.04.2026');
    expect(text).toContain('Liefer- oder Leistungsvertrags');
    expect(text).toContain('(VVK Nr. 1.3.1)');
    expect(text).toContain('Auszahlung der ersten Rate (VVK Nr. 7.1)');
    // 40 % of 23.456,78 € = 9.382,712 € → 9.382,71 € (rounded down, as on the project page).
    const row = pdfText(bytes, { layout: true })
      .split('\n')
      .find((line) => line.includes('Erste Rate ('));
    expect(squash(plain(row ?? ''))).toBe('Erste Rate (40 % der bewilligten Zuwendung) 9.382,71 €');
    expect(text).toContain('Anteil nach VVK Nr. 7.1 i. V. m. FRL Teil 2 A VI Nr. 1');
    // Received 10.03.2026, one month to appeal (Friday 10.04.2026): final from 11.04.2026.
    expect(text).toContain('bestandskräftig ab dem 11.04.2026');
    expect(text).toContain('Ort, Datum, Unterschrift der vertretungsberechtigten Person');
    expect(text).toContain('Beginnanzeige SAB-FUZZ-1 – Seite 1 von 1');
  });

  it('takes the share from the dated parameter table, not from the text', async () => {
    const changed = {
      ...table,
      'payout.regular.first': {
        ...table['payout.regular.first'],
        values: [{ from: '2022-01-21', value: 3000, reference: 'Testfassung Nr. 9' }],
      },
    };
    const input = beginnanzeigePdfInput(facts('A'), 'Gemeinde Neustadt', 'Foren', createdAt, changed);
    expect(input.firstInstalment).toMatchObject({ amount: '7.037,03\u00a0€', share: '30\u00a0%', reference: 'Testfassung Nr. 9' });
  });

  it('dates the report on the recorded day and shows a waiver of appeal as the day the Bescheid became final', () => {
    const input = beginnanzeigePdfInput(
      facts('A', { startReportedOn: '2026-04-16' }, { appealWaivedOn: '2026-03-12' }),
      'Gemeinde Neustadt',
      'Foren',
      createdAt,
      table,
    );
    expect(input.date).toBe('16.04.2026');
    expect(input.firstInstalment?.finalOn).toBe('12.03.2026');
  });

  it('for an association reports the start under ANBest-P Nr. 5.8 without an instalment section', async () => {
    const text = squash(plain(pdfText(await render(facts('B'), 'Bürgerforum Oberlausitz e. V.'))));
    expect(text).toContain('Anzeige des Vorhabenbeginns nach ANBest-P Nr. 5.8');
    expect(text).toContain('Vorhaben begonnen am 15.04.2026');
    expect(text).toContain('(VwV zu § 44 SäHO Nr. 1.4.1)');
    expect(text).not.toContain('ANBest-K');
    expect(text).not.toContain('Rate');
    expect(text).not.toContain('9.382,71');
    expect(text).toContain('Beginnanzeige SAB-FUZZ-1 – Seite 1 von 1');
  });

  it('asks for no first instalment while a municipality may still request advance payments (FRL Teil 2 A VI Nr. 3)', () => {
    const input = beginnanzeigePdfInput(
      facts('A', { today: '2024-06-03', startedOn: '2024-06-01' }, { advancePayments: true }),
      'Gemeinde Neustadt',
      'Foren',
      createdAt,
      table,
    );
    expect(input.firstInstalment).toBeNull();
  });
});
