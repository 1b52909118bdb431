import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetTotals, lineTotalCents, mulMilli } from '../../machines/frl/application/budget';
import { emptyApplication, type ApplicationData } from '../../machines/frl/application/schema';
import { costCategories } from '../../machines/frl/catalogues';
import { shippedParameters } from '../../machines/frl/parameters';
import { capFor, isWithinRate, proposedGrant } from '../../machines/frl/predicates';
import { formatCentsForInput } from '../../machines/shared/format';
import { parseEuro, parseQuantity, formatQuantity } from '../../machines/shared/money';
import { balanceOwnCash, deriveSample, sampleGemeindeApplication, sampleVereinApplication } from '../support/sample-application';

const cents = fc.integer({ min: 0, max: 1_000_000_00 });
const milli = fc.integer({ min: 0, max: 10_000_000 });
const line = fc.record({
  id: fc.uuid(),
  category: fc.constantFrom(...costCategories.map((c) => c.id)),
  kind: fc.constantFrom('menge' as const, 'pauschal' as const, 'personal' as const),
  quantityMilli: milli,
  unitPriceCents: fc.integer({ min: 0, max: 100_000_00 }),
  amountCents: cents,
  year: fc.integer({ min: 2026, max: 2028 }),
});

function application(lines: ApplicationData['budget']['lines'], extra: Partial<ApplicationData['budget']> = {}): ApplicationData {
  const data = emptyApplication();
  data.budget = { ...data.budget, lines, ...extra };
  return data;
}

describe('budget arithmetic (property-based)', () => {
  it('multiplies quantity (thousandths) by price exactly, rounding half up once', () => {
    fc.assert(
      fc.property(milli, cents, (q, p) => {
        const exact = BigInt(q) * BigInt(p); // thousandths of a cent
        const expected = Number((exact * 2n + 1000n) / 2000n);
        expect(mulMilli(q, p)).toBe(expected);
      }),
    );
  });

  it('never creates or loses a cent: category, year and line sums all equal the total', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const t = budgetTotals(application(lines), shippedParameters, { rateBasisPoints: 9000, capCents: 8_000_000 });
        const lineSum = lines.reduce((s, l) => s + lineTotalCents(l), 0);
        expect(t.costLinesCents).toBe(lineSum);
        expect(t.byCategory.reduce((s, c) => s + c.cents, 0)).toBe(t.expenditureCents);
        expect(t.byYear.reduce((s, y) => s + y.cents, 0)).toBe(t.expenditureCents);
        expect(t.eligibleCents + t.ineligibleCents).toBe(t.expenditureCents);
        expect(Number.isSafeInteger(t.expenditureCents)).toBe(true);
      }),
    );
  });

  it('balances when the own share covers exactly what the grant and third parties do not', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), cents, (lines, donation) => {
        const base = budgetTotals(application(lines), shippedParameters, { rateBasisPoints: 9000, capCents: 8_000_000 });
        const grant = base.proposedGrantCents ?? 0;
        const own = base.expenditureCents - grant - donation;
        fc.pre(own >= 0);
        const data = application(lines, {
          ownCashCents: own,
          donations: [{ id: 'd', donor: 'x', amountCents: donation, earmarked: false }],
        });
        const t = budgetTotals(data, shippedParameters, { rateBasisPoints: 9000, capCents: 8_000_000 });
        expect(t.gapCents).toBe(0);
        expect(t.financingCents).toBe(t.expenditureCents);
      }),
    );
  });

  it('proposes a grant that never breaks a rule: ≤ 90 %, ≤ cap, full euros, and as high as allowed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000_00 }),
        fc.constantFrom('A1.1' as const, 'A1.2' as const, 'A1.3' as const, 'B' as const),
        fc.integer({ min: 1, max: 3 }),
        (eligible, route, years) => {
          const capPerRoute = { 'A1.1': 1_000_000, 'A1.2': 3_500_000, 'A1.3': 8_000_000, B: 8_000_000 }[route];
          const cap = capFor(route, capPerRoute, years);
          const grant = proposedGrant(eligible, 9000, cap);
          expect(grant % 100).toBe(0);
          expect(isWithinRate(grant, eligible, 9000)).toBe(true);
          expect(grant).toBeLessThanOrEqual(cap);
          // one more euro would break a rule
          expect(!isWithinRate(grant + 100, eligible, 9000) || grant + 100 > cap).toBe(true);
        },
      ),
    );
  });

  it('counts in-kind contributions of a municipality (Teil 2 A) on neither side, and agrees with the engine', () => {
    const inKind = fc.record({
      id: fc.uuid(),
      kind: fc.constant('raum' as const),
      quantityMilli: fc.integer({ min: 0, max: 100_000 }),
      unitRateCents: fc.integer({ min: 0, max: 50_000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), fc.array(inKind, { minLength: 1, maxLength: 3 }), (lines, rooms) => {
        // A stated grant, so the balance does not follow the (different) proposals.
        const data = application(lines, { inKind: rooms, requestedGrantCents: 500_000 });
        const a = budgetTotals(data, shippedParameters, { rateBasisPoints: 9000, capCents: 8_000_000, part: 'A' });
        const b = budgetTotals(data, shippedParameters, { rateBasisPoints: 9000, capCents: 8_000_000, part: 'B' });
        expect(a.uncountedInKindCents).toBe(a.inKindCents);
        expect(a.eligibleCents + a.ineligibleCents + a.uncountedInKindCents).toBe(a.expenditureCents);
        expect(a.proposedGrantCents).toBe(proposedGrant(a.costLinesCents - a.ineligibleCents, 9000, 8_000_000));
        // Teil 2 B counts them (FRL Teil 2 B V Nr. 5); the balance is the same either way.
        expect(b.uncountedInKindCents).toBe(0);
        expect(b.eligibleCents).toBe(a.eligibleCents + a.inKindCents);
        expect(a.gapCents).toBe(b.gapCents);
      }),
      { numRuns: 50 },
    );
    // A Gemeinde whose whole 10 % own share is in kind: the editor, the facts and the engine agree.
    const data = sampleGemeindeApplication();
    data.budget.lines = [{ id: 'c1', category: 'honorare', description: 'Moderation', kind: 'pauschal', amountCents: 900_000, year: 2027 }];
    data.budget.inKind = [
      { id: 'k1', kind: 'raum', description: 'Saal', quantityMilli: 10_000, unitRateCents: 10_000, rentSource: 'Mietspiegel' },
    ];
    data.budget.ownCashCents = 0;
    data.budget.requestedGrantCents = 900_000;
    const { totals, eligibility } = deriveSample(data);
    expect([totals.expenditureCents, totals.eligibleCents, totals.proposedGrantCents, totals.gapCents]).toEqual([
      1_000_000, 900_000, 810_000, 0,
    ]);
    expect(eligibility.amounts.eligibleCents).toBe(totals.eligibleCents);
    expect(eligibility.amounts.proposedGrantCents).toBe(totals.proposedGrantCents);
    expect(eligibility.findings.find((f) => f.id === 'finanzen.foerdersatz')!.status).toBe('nicht_erfuellt');
    expect(eligibility.findings.find((f) => f.id === 'finanzen.ausgeglichen')!.status).toBe('erfuellt');
  });

  it('reads back every amount it formats, to the cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (c) => {
        expect(parseEuro(formatCentsForInput(c))).toEqual({ ok: true, cents: c });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (m) => {
        expect(parseQuantity(formatQuantity(m))).toEqual({ ok: true, milli: m });
      }),
    );
  });
});

describe('the proposed grant keeps every financing rule', () => {
  const volunteer = fc.record({
    id: fc.uuid(),
    kind: fc.constant('ehrenamt' as const),
    description: fc.constant('Helfende'),
    quantityMilli: fc.integer({ min: 0, max: 2_000_000 }),
    period: fc.constant('2027-05'),
  });
  const amount = fc.integer({ min: 0, max: 20_000_00 });
  const rules = [
    'finanzen.foerdersatz',
    'finanzen.hoechstbetrag',
    'finanzen.deckungsmittel',
    'finanzen.ausgeglichen',
    'finanzen.sachleistungen-anteil',
  ];

  it('a Verein that takes the proposal and balances with own cash breaks none of the plan rules', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000_00, max: 150_000_00 }),
        fc.array(volunteer, { maxLength: 3 }),
        amount,
        amount,
        amount,
        (costs, helpers, earmarked, otherDonation, otherPublic) => {
          const data = sampleVereinApplication();
          data.budget.lines = [
            { id: 'l1', category: 'honorare', kind: 'pauschal', description: 'Moderation', amountCents: costs, year: 2027 },
          ];
          data.budget.inKind = helpers;
          data.budget.donations = [
            { id: 'd1', donor: 'Stiftung', amountCents: earmarked, earmarked: true },
            { id: 'd2', donor: 'Spenden', amountCents: otherDonation, earmarked: false },
          ];
          data.budget.otherPublic = [{ id: 'p1', funder: 'Landkreis', amountCents: otherPublic, status: 'bewilligt' }];
          data.budget.requestedGrantCents = undefined;
          balanceOwnCash(data);
          const { totals, eligibility } = deriveSample(data);
          fc.pre(totals.gapCents === 0); // third parties alone may already over-finance the plan
          // In-kind above half of all expenditure breaks the rule whatever the grant; no proposal can help.
          fc.pre(totals.inKindCents * 2 <= totals.expenditureCents);
          const broken = eligibility.findings
            .filter((f) => rules.includes(f.id) && f.status === 'nicht_erfuellt')
            .map((f) => `${f.id}: ${f.detail ?? ''}`);
          expect(broken).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
