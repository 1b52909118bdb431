import { describe, expect, it } from 'vitest';
import { renderMittelabrufPdf } from '../../forms/umsetzung/mittelabruf';
import { bescheidSchema, type Bescheid } from '../../machines/umsetzung/bescheid';
import type { ImplementationFacts, MittelabrufRequest, Payout } from '../../machines/umsetzung/computations';
import { checkMittelabruf, parseMittelabrufForm } from '../../machines/umsetzung/mittelabruf-form';
import { implementationParameters as table } from '../../machines/umsetzung/parameters';
import type { Receipt } from '../../machines/umsetzung/receipts';
import { countedReceipts, mittelabrufPdfInput } from '../../app/umsetzung/mittelabruf.server';
import { pdfText } from '../support/pdf';

/** Association, Anteilfinanzierung 90 %: plan 30.000 €, grant 27.000 €, advances allowed. */
const bescheidB: Bescheid = bescheidSchema.parse({
  schemaVersion: 1,
  programmePart: 'B',
  fileNumber: 'SAB-BB-2026-077',
  issuedOn: '2026-03-02',
  receivedOn: '2026-03-10',
  appealWaivedOn: null,
  periodStart: '2026-04-01',
  periodEnd: '2027-03-31',
  financingType: 'anteilfinanzierung',
  grantCents: 2_700_000,
  rateBp: 9000,
  vatDeductible: false,
  advancePayments: true,
  lines: [
    { id: 'honorare', label: 'Honorare', approvedCents: 2_000_000 },
    { id: 'sachmittel', label: 'Sachmittel', approvedCents: 1_000_000 },
  ],
  financing: { ownCashCents: 300_000, inKindCents: 0, thirdPartyCents: 0, otherPublicCents: 0 },
  conditions: '',
});

function facts(b: Bescheid, receipts: Receipt[] = [], payouts: Payout[] = []): ImplementationFacts {
  return {
    bescheid: b,
    today: '2026-05-10',
    startedOn: '2026-04-15',
    startReportedOn: '2026-04-16',
    purposeFulfilledOn: null,
    proofSubmittedOn: null,
    proofCheckedOn: null,
    receipts,
    payouts,
    forecastExpenditureCents: null,
    additionalFinancingCents: 0,
    mittelabruf: null,
  };
}

const receipt = (over: Partial<Receipt>): Receipt => ({
  id: '1',
  orderedOn: null,
  invoicedOn: '2026-04-20',
  paidOn: '2026-04-28',
  payee: 'Moderation Meier',
  purpose: 'Auftaktwerkstatt',
  lineId: 'honorare',
  netCents: 150_000,
  grossCents: 150_000,
  asset: false,
  ...over,
});

const form = (over: Record<string, string> = {}) => ({
  requestedOn: '10.05.2026',
  expectedPayoutOn: '',
  requested: '',
  'plan.0.line': 'honorare',
  'plan.0.dueOn': '15.06.2026',
  'plan.0.amount': '8.000,00',
  'plan.0.purpose': 'Moderation Bürgerforum',
  'plan.1.line': 'sachmittel',
  'plan.1.dueOn': '11.11.2026',
  'plan.1.amount': '1.000,00',
  'plan.1.purpose': 'Druck Abschlussbericht',
  'plan.2.line': '',
  'plan.2.dueOn': '',
  'plan.2.amount': '',
  'plan.2.purpose': '',
  ...over,
});

function parsed(values: Record<string, string>, b = bescheidB): MittelabrufRequest {
  const result = parseMittelabrufForm(values, b);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.request;
}

describe('the Mittelabruf form', () => {
  it('reads de-DE dates and amounts, skips empty rows and keeps the purpose', () => {
    expect(parsed(form())).toEqual({
      requestedOn: '2026-05-10',
      expectedPayoutOn: null,
      requestedCents: null,
      plannedPayments: [
        { lineId: 'honorare', dueOn: '2026-06-15', cents: 800_000, purpose: 'Moderation Bürgerforum' },
        { lineId: 'sachmittel', dueOn: '2026-11-11', cents: 100_000, purpose: 'Druck Abschlussbericht' },
      ],
    });
  });

  it('names the row and the field of every mistake, in German', () => {
    const result = parseMittelabrufForm(
      form({ 'plan.0.line': 'catering', 'plan.1.amount': '1,234', 'plan.1.dueOn': '31.02.2026', expectedPayoutOn: '01.05.2026' }),
      bescheidB,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['plan.0.line']).toContain('geplanten Zahlung 1 ist im Bescheid nicht bewilligt (ANBest-P Nr. 1.1)');
    expect(result.errors['plan.1.amount']).toContain('nicht eindeutig');
    expect(result.errors['plan.1.dueOn']).toContain('31.02.2026');
    expect(result.errors.expectedPayoutOn).toBe('Die Auszahlung kann nicht vor dem Mittelabruf liegen.');
  });
});

describe('the amount that may be requested (ANBest-P Nr. 1.4; VwV zu § 44 SäHO Nr. 7.5, 7.7)', () => {
  it('counts payments due up to six months after the payout, not a day later, at the funding rate', () => {
    const check = checkMittelabruf(facts(bescheidB), parsed(form()), table);
    expect(check.computation.windowEndOn).toBe('2026-11-10');
    expect(check.computation.needCents).toBe(800_000); // the 11.11.2026 payment is one day too late
    expect(check.computation.excluded).toHaveLength(1);
    expect(check.computation.allowedCents).toBe(720_000);
    expect(check.computation.requestedCents).toBe(720_000);
    expect(check.errors).toEqual({});
  });

  it('moves the window with the expected payout date', () => {
    const check = checkMittelabruf(facts(bescheidB), parsed(form({ expectedPayoutOn: '11.05.2026' })), table);
    expect(check.computation.windowEndOn).toBe('2026-11-11');
    expect(check.computation.allowedCents).toBe(810_000);
  });

  it('refuses one cent above the share of the need and accepts exactly the share', () => {
    const over = checkMittelabruf(facts(bescheidB), parsed(form({ requested: '7.200,01' })), table);
    expect(over.errors.requested).toContain('Höchstens 7.200,00');
    expect(over.errors.requested).toContain('ANBest-P Nr. 1.4');
    expect(checkMittelabruf(facts(bescheidB), parsed(form({ requested: '7.200,00' })), table).errors).toEqual({});
  });

  it('adds paid receipts and open invoices from the Belegliste and deducts what was paid out', () => {
    const f = facts(
      bescheidB,
      [receipt({}), receipt({ id: '2', paidOn: null, invoicedOn: '2026-05-02', grossCents: 50_000 })],
      [{ receivedOn: '2026-04-20', cents: 100_000 }],
    );
    const request = parsed(form());
    const check = checkMittelabruf(f, request, table);
    // need 1.500 + 500 + 8.000 = 10.000 €, share 9.000 €, minus 1.000 € paid out
    expect(check.computation.needCents).toBe(1_000_000);
    expect(check.computation.allowedCents).toBe(800_000);
    expect(countedReceipts(bescheidB, f.receipts, check.computation.windowEndOn).map((r) => r.cents)).toEqual([150_000, 50_000]);
  });

  it('refuses a request under the 1.000 € minimum (VwV Nr. 7.7) and allows exactly 1.000 €', () => {
    const small = form({ 'plan.0.amount': '1.111,10', 'plan.1.line': '', 'plan.1.dueOn': '', 'plan.1.amount': '', 'plan.1.purpose': '' });
    const under = checkMittelabruf(facts(bescheidB), parsed(small), table);
    expect(under.computation.allowedCents).toBe(99_999);
    expect(under.errors.requested).toContain('VwV zu § 44 SäHO Nr. 7.7');
    const exact = checkMittelabruf(facts(bescheidB), parsed({ ...small, 'plan.0.amount': '1.111,12' }), table);
    expect(exact.computation.allowedCents).toBe(100_000);
    expect(exact.errors).toEqual({});
  });

  it('shows a rest of the grant under the minimum as a decision for the SAB instead of refusing it', () => {
    const f = facts(bescheidB, [receipt({ grossCents: 3_000_000 })], [{ receivedOn: '2026-04-20', cents: 2_650_000 }]);
    const check = checkMittelabruf(
      f,
      parsed(form({ 'plan.0.line': '', 'plan.0.dueOn': '', 'plan.0.amount': '', 'plan.0.purpose': '' })),
      table,
    );
    expect(check.computation.allowedCents).toBe(50_000);
    expect(check.errors).toEqual({});
    expect(check.decision).toContain('entscheidet die SAB');
  });

  it('refuses a Mittelabruf for a Kommune (VVK Nr. 7.1) and for a Bescheid without advances', () => {
    const kommune = { ...bescheidB, programmePart: 'A' as const };
    expect(checkMittelabruf(facts(kommune), parsed(form(), kommune), table).errors.requestedOn).toContain('VVK Nr. 7.1');
    const none = { ...bescheidB, advancePayments: false };
    expect(checkMittelabruf(facts(none), parsed(form(), none), table).errors.requestedOn).toContain('Nr. 7.5');
  });
});

describe('the Mittelabruf PDF', () => {
  it('prints the need, the computation and the amount requested to the cent', async () => {
    const f = facts(bescheidB, [receipt({})]);
    const request = parsed(form({ requested: '' }));
    const check = checkMittelabruf(f, request, table);
    const input = mittelabrufPdfInput({
      row: {
        id: 7,
        implementation_id: 1,
        requested_on: request.requestedOn,
        expected_payout_on: null,
        planned: JSON.stringify(request.plannedPayments),
        requested_cents: check.computation.requestedCents,
        computation: JSON.stringify({
          ...check.computation,
          decision: null,
          counted: countedReceipts(bescheidB, f.receipts, check.computation.windowEndOn),
        }),
        created_at: '2026-05-10T08:00:00.000Z',
        created_by: 1,
      },
      number: 2,
      bescheid: bescheidB,
      organisation: 'Bürgerverein Wiesenbach e. V.',
      projectTitle: 'Zukunftswerkstatt Ortsmitte',
      createdAt: new Date('2026-05-10T08:00:00Z'),
    });
    const text = pdfText(await renderMittelabrufPdf(input)).replace(/\s+/g, ' ');
    expect(text).toContain('Mittelabruf Nr. 2');
    expect(text).toContain('SAB-BB-2026-077');
    expect(text).toContain('Bürgerverein Wiesenbach e. V.');
    expect(text).toContain('10.11.2026');
    expect(text).toContain('Moderation Meier: Auftaktwerkstatt');
    expect(text).toContain('Moderation Bürgerforum');
    expect(text).toContain('Druck Abschlussbericht'); // listed as not yet due
    expect(text).toContain('9.500,00 €'); // need: 1.500 + 8.000
    expect(text).toContain('8.550,00 €'); // 90 % share = allowed = requested
    expect(text).toContain('ANBest-P Nr. 1.4');
    expect(text).toContain('ANBest-P Nr. 5.4');
  });
});
