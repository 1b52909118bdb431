import { enclosuresOf } from '../../machines/frl/application/enclosures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldMapping } from '../../forms/antrag/index';
import { contextFor, type Mapper } from '../../forms/antrag/mapping';
import { hasBudget } from '../../machines/frl/application/budget';
import { totalsFor } from '../../machines/frl/application/facts';
import { evaluateData, ruleColumnsFor } from '../../machines/frl/application/snapshot';
import type { ApplicationData } from '../../machines/frl/application/schema';
import type { StepContext } from '../../machines/frl/application/steps';
import { costCategories } from '../../machines/frl/catalogues';
import { shippedParameters } from '../../machines/frl/parameters';
import type { FundingRoute } from '../../machines/frl/routes';
import { formatEuro, formatPercentBasisPoints } from '../../machines/shared/format';
import { SAMPLE_CREATED_AT, SAMPLE_DATE, sampleGemeindeApplication, sampleVereinApplication } from '../support/sample-application';

/**
 * Money is computed once (machines/frl/financing.ts): the rule engine, the budget editor, the
 * stored columns and the PDF must state the same amounts for any plan – including plans of
 * in-kind contributions alone, financing costs, and a grant left to the proposal.
 */

const context: StepContext = { table: shippedParameters, date: SAMPLE_DATE, attachmentTypes: [] };
const cents = (max: number) => fc.integer({ min: 0, max });
const year = fc.integer({ min: 2027, max: 2028 });

const costLine = fc.record({
  id: fc.uuid(),
  category: fc.constantFrom(...costCategories.map((c) => c.id)),
  description: fc.constant('Posten'),
  kind: fc.constantFrom('menge' as const, 'pauschal' as const, 'personal' as const),
  quantityMilli: fc.integer({ min: 0, max: 200_000 }),
  unitPriceCents: cents(200_000),
  amountCents: cents(3_000_000),
  year,
});
const inKindLine = fc.oneof(
  fc.record({
    id: fc.uuid(),
    kind: fc.constant('ehrenamt' as const),
    quantityMilli: fc.integer({ min: 0, max: 500_000 }),
    period: fc.constantFrom('2027-04', '2028-02'),
    supportingOnly: fc.constant(true),
  }),
  fc.record({
    id: fc.uuid(),
    kind: fc.constant('raum' as const),
    quantityMilli: fc.integer({ min: 0, max: 50_000 }),
    unitRateCents: cents(20_000),
    rentSource: fc.constant('Mietspiegel'),
  }),
);
const plan = fc.record({
  route: fc.constantFrom<FundingRoute>('A1.1', 'A1.2', 'A1.3', 'B'),
  lines: fc.array(costLine, { maxLength: 6 }),
  inKind: fc.array(inKindLine, { maxLength: 3 }),
  donations: fc.array(fc.record({ id: fc.uuid(), donor: fc.constant('Stiftung'), amountCents: cents(500_000), earmarked: fc.boolean() }), {
    maxLength: 2,
  }),
  otherPublic: fc.array(
    fc.record({ id: fc.uuid(), funder: fc.constant('Landkreis'), amountCents: cents(500_000), status: fc.constant('bewilligt' as const) }),
    { maxLength: 2 },
  ),
  ownCashCents: fc.option(cents(3_000_000), { nil: undefined }),
  requestedGrantCents: fc.option(cents(3_000_000), { nil: undefined }),
});

type Plan = typeof plan extends fc.Arbitrary<infer T> ? T : never;

function applicationOf(p: Plan): ApplicationData {
  const data = p.route === 'B' ? sampleVereinApplication() : sampleGemeindeApplication();
  data.project.route = p.route;
  data.schedule.start = '2027-03-01';
  data.schedule.end = '2028-10-31';
  data.budget = {
    ...data.budget,
    lines: p.lines,
    inKind: p.inKind,
    donations: p.donations,
    otherPublic: p.otherPublic,
    ownCashCents: p.ownCashCents,
    requestedGrantCents: p.requestedGrantCents,
  };
  return data;
}

/** The four readers of one plan. */
function consumers(data: ApplicationData) {
  const result = evaluateData(data, context, { parameters: shippedParameters });
  const editor = totalsFor(data, context.table, context.date);
  const columns = ruleColumnsFor(data, result, context);
  const pdf = contextFor({
    data,
    organisation: data.applicant.organisation ?? null,
    totals: totalsFor(data, context.table, context.date),
    eligibility: result,
    parameters: shippedParameters,
    createdAt: SAMPLE_CREATED_AT,
    referenceDate: context.date,
    enclosures: enclosuresOf(data, [], { qualityChecks: 0 }),
  });
  const field = (name: string) => {
    const value = (fieldMapping as Record<string, Mapper>)[name]!(pdf);
    return value && value.type !== 'checkbox' ? value.value : null;
  };
  return { result, editor, columns, field };
}

describe('money computed once', () => {
  it('the engine, the editor, the stored columns and the PDF agree on every random plan', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const data = applicationOf(p);
        const { result, editor, columns, field } = consumers(data);
        const budget = hasBudget(data);
        // One definition of "has a budget": everyone shows amounts, or no one does.
        expect(result.amounts.totalCents !== null).toBe(budget);
        expect(columns.totalCents !== null).toBe(budget);
        expect(field('zuwendung.gesamtausgaben') !== null).toBe(budget);
        if (!budget) return;
        expect(result.amounts.totalCents).toBe(editor.expenditureCents);
        expect(columns.totalCents).toBe(editor.expenditureCents);
        expect(field('zuwendung.gesamtausgaben')).toBe(formatEuro(editor.expenditureCents));
        expect(result.amounts.eligibleCents).toBe(editor.eligibleCents);
        expect(field('zuwendung.zuwendungsfaehig')).toBe(formatEuro(editor.eligibleCents));
        expect(result.amounts.requestedGrantCents).toBe(editor.financing.grantCents);
        expect(columns.requestedGrantCents).toBe(editor.financing.grantCents);
        expect(field('zuwendung.betrag')).toBe(formatEuro(editor.financing.grantCents));
        expect(result.amounts.proposedGrantCents).toBe(editor.proposedGrantCents);
        expect(result.amounts.capCents).not.toBeNull();
        // The balance: the engine's rule, the editor's gap and the PDF's difference say the same.
        const balanced = result.findings.find((f) => f.id === 'finanzen.ausgeglichen')!;
        expect(balanced.status === 'erfuellt').toBe(editor.gapCents === 0);
        expect(field('anlage2.summe.differenz')).toBe(formatEuro(editor.gapCents));
        expect(field('anlage2.summe.nichtfoerderfaehig')).toBe(formatEuro(editor.ineligibleCents + editor.uncountedInKindCents));
        // The rate the PDF prints is the one the engine reports.
        const rate = result.findings.find((f) => f.id === 'finanzen.foerdersatz')!.trace.find((t) => t.label === 'Fördersatz')?.value;
        if (editor.eligibleCents > 0) expect(field('zuwendung.foerdersatz')).toBe(rate);
        else expect(field('zuwendung.foerdersatz')).toBeNull();
        // The yearly financing plan: its total row is the editor's, and its years add up to it.
        expect(field('finanzplan.gesamt.zuwendung')).toBe(formatEuro(editor.financing.grantCents));
        expect(field('finanzplan.gesamt.ausgaben')).toBe(formatEuro(editor.expenditureCents));
        expect(field('finanzplan.gesamt.eigenleistungen')).toBe(formatEuro(editor.inKindCents));
      }),
      { numRuns: 150 },
    );
  });

  it('a plan of in-kind contributions alone has a budget for every reader', () => {
    const data = sampleVereinApplication();
    data.budget.lines = [];
    data.budget.inKind = [
      { id: 'k1', kind: 'raum', description: 'Saal', quantityMilli: 10_000, unitRateCents: 60_000, rentSource: 'Mietspiegel' },
    ];
    data.budget.donations = [];
    data.budget.otherPublic = [];
    const { result, editor, columns, field } = consumers(data);
    expect(editor.expenditureCents).toBe(600_000);
    expect(result.amounts.totalCents).toBe(600_000);
    expect(columns.totalCents).toBe(600_000);
    expect(columns.requestedGrantCents).toBe(editor.financing.grantCents);
    expect(field('zuwendung.gesamtausgaben')).toBe(formatEuro(600_000));
    expect(formatPercentBasisPoints(editor.grantRateBp ?? 0)).toBe(field('zuwendung.foerdersatz') ?? formatPercentBasisPoints(0));
  });
});
