import { z } from 'zod';
import { landkreise, organisationKinds } from '../shared/organisation';
import { directProjectFactShape } from './application/fields/vorhaben';
import { fundingRoutes } from './routes';

/**
 * The facts of one case, as the CLI, the YAML suite, the Förder-Check and the application provide
 * them. Every field is optional: an unknown fact leaves the criteria that need it "noch offen".
 * Objects are strict, so a misspelt field is reported instead of silently ignored.
 * Amounts are integer cents, as everywhere inside. Only the edge people type cases at – YAML case
 * files, the CLI, the Regelwerk test bench – speaks euros with at most two decimals
 * (`caseFactsSchema`), converted to cents once on the way in. A number cannot tell 12.000 from 12,
 * so case files are checked for thousands separators in their source text first (case-text.ts).
 */

const isoDate = z
  .string({ error: 'Erwartet ein Datum im Format JJJJ-MM-TT.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Erwartet ein Datum im Format JJJJ-MM-TT.' })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    },
    { error: 'Dieses Datum gibt es nicht.' },
  );

export const euroAmount = z
  .number({ error: 'Erwartet einen Betrag in Euro als Zahl (zum Beispiel 12000.50), nicht als Text.' })
  .finite()
  .nonnegative({ error: 'Beträge dürfen nicht negativ sein.' })
  .max(100_000_000, { error: 'Beträge über 100 Mio. € sind hier nicht vorgesehen.' })
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, {
    error: 'Beträge haben höchstens zwei Nachkommastellen.',
  });

const text = z.string().max(5000, { error: 'Höchstens 5.000 Zeichen.' });

/** A Verbund partner as a fact of the rules (not the stored partner row: ../application/schema.ts). */
const partnerFactSchema = z.strictObject({
  name: z.string().max(200).optional(),
  kind: z.enum(organisationKinds, { error: `Erwartet eine Organisationsart: ${organisationKinds.join(', ')}.` }),
});

const cents = z.number().int().nonnegative().max(10_000_000_000);

/** Amounts of the plan in cents; a part never larger than the whole. */
const centBudget = z
  .strictObject({
    totalExpenditureCents: cents.optional(),
    financingCostsCents: cents.optional(),
    softwareCostsCents: cents.optional(),
    amountsAreNet: z.boolean().optional(),
    requestedGrantCents: cents.optional(),
    ownCashCents: cents.optional(),
    inKindCents: cents.optional(),
    thirdPartyEarmarkedCents: cents.optional(),
    thirdPartyOtherCents: cents.optional(),
    otherPublicCents: cents.optional(),
    capExceedReason: text.optional(),
  })
  .default({})
  .superRefine((budget, ctx) => {
    for (const key of ['financingCostsCents', 'softwareCostsCents'] as const) {
      if (budget[key] !== undefined && budget.totalExpenditureCents !== undefined && budget[key]! > budget.totalExpenditureCents) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'Dieser Teilbetrag ist größer als die Gesamtausgaben.' });
      }
    }
  });

/** The amounts of a case file in euros (the edge people write), each converted to cents. */
const euroBudget = z
  .strictObject({
    totalExpenditure: euroAmount.optional(),
    financingCosts: euroAmount.optional(),
    softwareCosts: euroAmount.optional(),
    amountsAreNet: z.boolean().optional(),
    requestedGrant: euroAmount.optional(),
    ownCash: euroAmount.optional(),
    inKind: euroAmount.optional(),
    thirdPartyEarmarked: euroAmount.optional(),
    thirdPartyOther: euroAmount.optional(),
    otherPublic: euroAmount.optional(),
    capExceedReason: text.optional(),
  })
  .default({})
  .superRefine((budget, ctx) => {
    for (const key of ['financingCosts', 'softwareCosts'] as const) {
      if (budget[key] !== undefined && budget.totalExpenditure !== undefined && budget[key]! > budget.totalExpenditure) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'Dieser Teilbetrag ist größer als die Gesamtausgaben.' });
      }
    }
  })
  .transform(
    ({
      totalExpenditure,
      financingCosts,
      softwareCosts,
      requestedGrant,
      ownCash,
      inKind,
      thirdPartyEarmarked,
      thirdPartyOther,
      otherPublic,
      ...rest
    }) =>
      known({
        ...rest,
        totalExpenditureCents: toCents(totalExpenditure),
        financingCostsCents: toCents(financingCosts),
        softwareCostsCents: toCents(softwareCosts),
        requestedGrantCents: toCents(requestedGrant),
        ownCashCents: toCents(ownCash),
        inKindCents: toCents(inKind),
        thirdPartyEarmarkedCents: toCents(thirdPartyEarmarked),
        thirdPartyOtherCents: toCents(thirdPartyOther),
        otherPublicCents: toCents(otherPublic),
      }),
  );

const factFields = {
  applicant: z
    .strictObject({
      kind: z.enum(organisationKinds, { error: `Erwartet eine Organisationsart: ${organisationKinds.join(', ')}.` }).optional(),
      landkreis: z.enum(landkreise, { error: `Erwartet einen Landkreis oder „außerhalb Sachsens“.` }).optional(),
      nonprofit: z.boolean().optional(),
      locallyRooted: z.boolean().optional(),
      seatExceptionReason: text.optional(),
      vatDeductible: z.boolean().optional(),
      mainlyPubliclyFunded: z.boolean().optional(),
    })
    .default({}),
  verbund: z
    .strictObject({
      /** Listed partners; an empty list (a Verbund without partners) is a contradiction the rules report. */
      partners: z.array(partnerFactSchema).optional(),
      /** When the partners are not listed one by one (Förder-Check). */
      allPartnersGebietskoerperschaften: z.boolean().optional(),
      leadNamed: z.boolean().optional(),
    })
    .optional(),
  project: z
    .strictObject({
      route: z.enum(fundingRoutes, { error: `Erwartet einen Förderweg: ${fundingRoutes.join(', ')}.` }).optional(),
      location: z.enum(['sachsen', 'laenderuebergreifend', 'ausserhalb']).optional(),
      crossBorderReason: text.optional(),
      softwareReason: text.optional(),
      start: isoDate.optional(),
      end: isoDate.optional(),
      alreadyStarted: z.boolean().optional(),
      freieTraegerCooperation: z.boolean().optional(),
      municipalityCooperation: z.boolean().optional(),
      supportLetter: z.boolean().optional(),
      buergerkommuneProof: z.enum(['satzung', 'praxis', 'keiner']).optional(),
      federalOrEuFunding: z.enum(['keine', 'beantragt', 'bewilligt']).optional(),
      /** The federal or EU programme named (and its amount), when the applicant names one. */
      federalOrEuFundingDetails: text.optional(),
      ...directProjectFactShape,
    })
    .default({})
    .superRefine((project, ctx) => {
      if (project.start && project.end && project.end < project.start) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'Das Ende liegt vor dem Beginn.' });
      }
    }),
  declarations: z
    .strictObject({
      ebbsAndEvaluation: z.boolean().optional(),
      portalIdeas: z.boolean().optional(),
      fdgo: z.boolean().optional(),
      subsidyRelevantFacts: z.boolean().optional(),
      dataProtection: z.boolean().optional(),
    })
    .default({}),
};

/** The facts inside: what the Förder-Check and the application give the engine (cents). */
export const factsSchema = z.strictObject({ ...factFields, budget: centBudget });

/** The same facts as people write them in case files and on the CLI (euros); parses to `Facts`. */
export const caseFactsSchema = z.strictObject({ ...factFields, budget: euroBudget });

export type FactsInput = z.input<typeof factsSchema>;
export type Facts = z.output<typeof factsSchema>;
export type CaseFactsInput = z.input<typeof caseFactsSchema>;

export const caseSchema = z.strictObject({
  referenceDate: isoDate,
  facts: caseFactsSchema,
});
export type CaseInput = z.input<typeof caseSchema>;

/** "budget.requestedGrant: Erwartet einen Betrag …" for each problem, naming the field. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.join(', ');
      return `${path ? `${path}: ` : ''}unbekanntes Feld ${keys}`;
    }
    return `${path || '(Fall)'}: ${issue.message}`;
  });
}

/** Euros of a case file → cents (the amounts have at most two decimals, checked above). */
function toCents(euros: number | undefined): number | undefined {
  return euros === undefined ? undefined : Math.round(euros * 100);
}

/** Drops unknown values (undefined, and the empty text a form leaves), so the strict schemas see only what is known. */
export function known<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}
