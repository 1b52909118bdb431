import { z } from 'zod';
import { landkreise, organisationKinds } from '../shared/organisation';
import { fundingRoutes } from './routes';

/**
 * The facts of one case, as the CLI, the YAML suite, the Förder-Check and the application provide
 * them. Every field is optional: an unknown fact leaves the criteria that need it "noch offen".
 * Objects are strict, so a misspelt field is reported instead of silently ignored.
 * Amounts are euros with at most two decimals (readable in YAML); the engine works in cents.
 * A number cannot tell 12.000 from 12, so case files are checked for thousands separators in
 * their source text before they get here (case-text.ts).
 */

const isoDate = z
  .string({ error: 'Erwartet ein Datum im Format JJJJ-MM-TT.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Erwartet ein Datum im Format JJJJ-MM-TT.' })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, { error: 'Dieses Datum gibt es nicht.' });

export const euroAmount = z
  .number({ error: 'Erwartet einen Betrag in Euro als Zahl (zum Beispiel 12000.50), nicht als Text.' })
  .finite()
  .nonnegative({ error: 'Beträge dürfen nicht negativ sein.' })
  .max(100_000_000, { error: 'Beträge über 100 Mio. € sind hier nicht vorgesehen.' })
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, {
    error: 'Beträge haben höchstens zwei Nachkommastellen.',
  });

const text = z.string().max(5000, { error: 'Höchstens 5.000 Zeichen.' });

export const partnerSchema = z.strictObject({
  name: z.string().max(200).optional(),
  kind: z.enum(organisationKinds, { error: `Erwartet eine Organisationsart: ${organisationKinds.join(', ')}.` }),
});

export const factsSchema = z.strictObject({
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
      partners: z.array(partnerSchema).min(1, { error: 'Ein Verbund hat mindestens einen Partner.' }).optional(),
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
      municipalLevel: z.boolean().optional(),
      statutoryProcedure: z.boolean().optional(),
      buergerbudgetFunds: z.boolean().optional(),
      usesBeteiligungsportal: z.boolean().optional(),
      softwareProcurement: z.boolean().optional(),
      softwareReason: text.optional(),
      start: isoDate.optional(),
      end: isoDate.optional(),
      alreadyStarted: z.boolean().optional(),
      freieTraegerCooperation: z.boolean().optional(),
      municipalityCooperation: z.boolean().optional(),
      supportLetter: z.boolean().optional(),
      againstFinalDecision: z.boolean().optional(),
      decidingBodySupports: z.boolean().optional(),
      buergerkommuneProof: z.enum(['satzung', 'praxis', 'keiner']).optional(),
      federalOrEuFunding: z.enum(['keine', 'beantragt', 'bewilligt']).optional(),
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
  budget: z
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
    }),
});

export type FactsInput = z.input<typeof factsSchema>;
export type Facts = z.output<typeof factsSchema>;

export const caseSchema = z.strictObject({
  referenceDate: isoDate,
  facts: factsSchema,
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

export const toCents = (euros: number | undefined): number | null =>
  euros === undefined ? null : Math.round(euros * 100);
