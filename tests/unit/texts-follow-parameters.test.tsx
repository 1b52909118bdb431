import { enclosuresOf } from '../../machines/frl/application/enclosures';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EligibilityResultView } from '../../app/components/eligibility/result';
import { questionHint } from '../../app/components/foerdercheck/question-fields';
import { fieldValues, tableFills } from '../../forms/antrag/index';
import { contextFor } from '../../forms/antrag/mapping';
import { catalogueMarkdown, formatParameterValue, wordedCriteria } from '../../machines/frl/catalogue';
import { evaluate } from '../../machines/frl/engine';
import { caseFactsSchema, type CaseFactsInput } from '../../machines/frl/facts';
import { questionIds } from '../../machines/frl/foerdercheck/questions';
import {
  parameterIds,
  resolveParameters,
  shippedParameters,
  valueOn,
  type ParameterId,
  type ParameterTable,
} from '../../machines/frl/parameters';
import { tableWithPublications, type PublishedValue } from '../../machines/frl/regelwerk/overlay';
import { fundingRoutes } from '../../machines/frl/routes';
import { durationHint, grantFieldHint, inKindHint, proposalBasis, routeDescription, wordsFor } from '../../machines/frl/wording';
import { deriveSample, SAMPLE_CREATED_AT, sampleGemeindeApplication, sampleVereinApplication } from '../support/sample-application';

/**
 * Issue 14, point 3: every text that names an amount, a rate or a duration takes it from the
 * parameter in force. Each parameter is changed the way the Regelwerk publishes a change (an
 * overlay of published values on the shipped table); then the catalogue, the Förder-Check's
 * questions and result page, the wizard's help texts and the PDF's Anlage 3 are rendered and must
 * name the new value and no longer the old one.
 */

const effective = '2027-01-01';
const date = '2027-03-01';

/** A new value for each parameter, unlike any value any parameter has had. */
const changed: Record<ParameterId, number> = {
  'grant.minimum': 615_000,
  'grant.cap.A1.1': 1_150_000,
  'grant.cap.A1.2': 3_750_000,
  'grant.cap.A1.3': 8_550_000,
  'grant.cap.B': 8_650_000,
  'grant.maxRate': 8500,
  'duration.A1.1': 15,
  'duration.A1.2': 4,
  'duration.A1.3': 5,
  'duration.B': 6,
  'earlyStart.threshold.kommune': 125_000_000,
  'earlyStart.threshold.other': 12_500_000,
  'inKind.maxShareOfOwnContribution': 4000,
  minimumWage: 1525,
};

function published(ids: ParameterId[]): ParameterTable {
  const values: PublishedValue[] = ids.map((parameterId, i) => ({
    publication: i + 1,
    parameterId,
    value: changed[parameterId],
    from: effective,
    reference: 'Teständerung',
  }));
  return tableWithPublications(shippedParameters, values);
}

const municipal = (
  route: 'A1.1' | 'A1.2' | 'A1.3',
  project: Record<string, unknown>,
  budget: CaseFactsInput['budget'],
): CaseFactsInput => ({
  applicant: { kind: 'gemeinde', landkreis: 'Meißen', vatDeductible: false },
  project: {
    route,
    location: 'sachsen',
    statutoryProcedure: false,
    buergerbudgetFunds: false,
    softwareProcurement: false,
    usesBeteiligungsportal: false,
    alreadyStarted: false,
    freieTraegerCooperation: true,
    federalOrEuFunding: 'keine',
    buergerkommuneProof: 'satzung',
    ...project,
  },
  declarations: { ebbsAndEvaluation: true, fdgo: true, subsidyRelevantFacts: true, dataProtection: true },
  budget,
});
const civil = (project: Record<string, unknown>, budget: CaseFactsInput['budget']): CaseFactsInput => ({
  applicant: {
    kind: 'verein',
    landkreis: 'Görlitz',
    nonprofit: true,
    locallyRooted: true,
    vatDeductible: false,
    mainlyPubliclyFunded: false,
  },
  project: {
    route: 'B',
    location: 'sachsen',
    municipalLevel: true,
    againstFinalDecision: false,
    usesBeteiligungsportal: false,
    alreadyStarted: false,
    municipalityCooperation: true,
    supportLetter: true,
    federalOrEuFunding: 'keine',
    ...project,
  },
  declarations: { ebbsAndEvaluation: true, fdgo: true, subsidyRelevantFacts: true, dataProtection: true },
  budget,
});

/** Cases that show each rule naming a parameter met and unmet (explanations, details and fixes). */
const cases: CaseFactsInput[] = [
  municipal('A1.1', { start: '2027-04-01', end: '2027-12-31' }, { totalExpenditure: 11_000, requestedGrant: 9_500, ownCash: 1_500 }),
  municipal('A1.1', { start: '2027-04-01', end: '2028-12-31' }, { totalExpenditure: 21_000, requestedGrant: 18_000, ownCash: 3_000 }),
  municipal(
    'A1.2',
    { start: '2027-04-01', end: '2033-12-31' },
    { totalExpenditure: 2_100_000, requestedGrant: 1_400_000, ownCash: 700_000 },
  ),
  municipal('A1.3', { start: '2027-04-01', end: '2033-12-31' }, { totalExpenditure: 3_000, requestedGrant: 2_950, ownCash: 50 }),
  civil({ start: '2027-04-01', end: '2035-12-31' }, { totalExpenditure: 30_000, requestedGrant: 17_000, ownCash: 1_000, inKind: 12_000 }),
  civil({ start: '2027-04-01', end: '2027-12-31' }, { totalExpenditure: 25_000, requestedGrant: 20_000, ownCash: 3_500, inKind: 1_500 }),
  { applicant: { kind: 'verein' } },
];

/** Every rendered text that may name a parameter, on `date` with `table`. */
function renderedTexts(table: ParameterTable): string {
  const params = resolveParameters(table, date);
  const words = wordsFor(params);
  const catalogue = wordedCriteria(table, date).flatMap((c) => [
    c.title,
    ...Object.values(c.explanation).flatMap((t) => [t.verwaltung, t.einfach]),
  ]);
  // The Markdown catalogue lists every value a parameter ever had at its end; the criteria come before.
  const markdown = catalogueMarkdown(table, date).split('\n## Parameter')[0]!;
  const resultPages = cases.flatMap((facts) => {
    const result = evaluate(date, caseFactsSchema.parse(facts), { parameters: table });
    return (['verwaltung', 'einfach'] as const).map((register) =>
      renderToStaticMarkup(<EligibilityResultView result={result} register={register} />),
    );
  });
  const questions = [
    ...questionIds.map((q) => questionHint(q, words)),
    ...fundingRoutes.map((r) => routeDescription(r, words)),
    grantFieldHint(words),
  ];
  const wizard = [
    ...fundingRoutes.map((r) => durationHint(r, words)),
    ...(['A', 'B', null] as const).map((part) => proposalBasis(words, part)),
    inKindHint(words, words.perHour('minimumWage')),
  ];
  const annex = [sampleGemeindeApplication(), sampleVereinApplication()].flatMap((data) => {
    const ctx = contextFor({
      data,
      organisation: data.applicant.organisation ?? null,
      ...deriveSample(data, date, table),
      createdAt: SAMPLE_CREATED_AT,
      referenceDate: date,
      enclosures: enclosuresOf(data, [], { qualityChecks: 0 }),
    });
    const fields = Object.entries(fieldValues(ctx))
      .filter(([name]) => name.startsWith('anlage3.'))
      .map(([, v]) => (v.type === 'checkbox' ? '' : v.value));
    const rows = tableFills(ctx)
      .filter((t) => t.title.startsWith('Anlage 3'))
      .flatMap((t) => t.rows.map((r) => Object.values(r).join(' ')));
    return [...fields, ...rows];
  });
  return [...catalogue, markdown, ...resultPages, ...questions, ...wizard, ...annex].join('\n').replace(/\u00a0/g, ' ');
}

/** The ways a value is written in the texts: "5.000 €", "5.000 Euro", "90 %", "10 Prozent", "12 Monate", "drei Kalenderjahre". */
function spellings(id: ParameterId, value: number): RegExp[] {
  const numberWords: Record<number, string> = { 2: 'zwei', 3: 'drei', 12: 'zwölf' };
  const plain = (text: string) => text.replace(/\u00a0/g, ' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const exact = (text: string) => new RegExp(`(?<![\\d.,])${text}`);
  const unit = shippedParameters[id].unit;
  if (unit === 'cents' || unit === 'centsPerHour') {
    const amount = plain(formatParameterValue({ ...shippedParameters[id], unit: 'cents' }, value).replace(/\u00a0€$/, ''));
    return [exact(`${amount} (€|Euro)`)];
  }
  if (unit === 'basisPoints') {
    const rate = (bp: number) => plain(formatParameterValue(shippedParameters[id], bp).replace(/\u00a0%$/, ''));
    return [exact(`${rate(value)} (%|Prozent)`), exact(`${rate(10_000 - value)} (%|Prozent)`), ...(value === 5000 ? [/Hälfte/] : [])];
  }
  const noun = unit === 'months' ? 'Monat' : 'Kalenderjahr';
  return [exact(`${value} ${noun}`), ...(numberWords[value] ? [new RegExp(`\\b${numberWords[value]} ${noun}`, 'i')] : [])];
}

const inForce = (table: ParameterTable, id: ParameterId) => valueOn(table[id], date)!.value;

describe('texts follow the parameters in force', () => {
  const before = renderedTexts(shippedParameters);

  for (const id of parameterIds) {
    it(`${id}: a published change reaches every text, and the old value is gone`, () => {
      const table = published([id]);
      const after = renderedTexts(table);
      const old = inForce(shippedParameters, id);
      expect(inForce(table, id)).toBe(changed[id]);
      // The texts name the parameter, before and after the change.
      expect(
        spellings(id, old).some((s) => s.test(before)),
        `${id}: named before`,
      ).toBe(true);
      expect(
        spellings(id, changed[id]).some((s) => s.test(after)),
        `${id}: named after`,
      ).toBe(true);
      // No text still says the old value – unless another parameter in force has the same value.
      const others = parameterIds.filter(
        (other) => other !== id && shippedParameters[other].unit === shippedParameters[id].unit && inForce(table, other) === old,
      );
      if (others.length) return;
      const stale = spellings(id, old)
        .map((s) => s.exec(after))
        .filter((hit) => hit !== null);
      expect(stale.map((hit) => after.slice(Math.max(0, hit!.index - 100), hit!.index + 40))).toEqual([]);
    });
  }

  it('all parameters changed at once: none of the old values is named anywhere', () => {
    const after = renderedTexts(published([...parameterIds]));
    const stale = parameterIds.flatMap((id) =>
      spellings(id, inForce(shippedParameters, id))
        .map((s) => s.exec(after))
        .filter((hit) => hit !== null)
        .map((hit) => `${id}: …${after.slice(Math.max(0, hit!.index - 100), hit!.index + 40)}…`),
    );
    expect(stale).toEqual([]);
  });
});
