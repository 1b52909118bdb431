import { z } from 'zod';
import { landkreise, organisationKinds, organisationSnapshotSchema } from '../../shared/organisation';
import { costCategories } from '../catalogues';
import { participationFormats, participationLevels, targetGroupIds } from '../../shared/participation';
import { fundingRoutes } from '../routes';

/**
 * The stored application: JSON-safe (money in integer cents, quantities in thousandths, dates as
 * ISO strings), versioned by `schemaVersion`. Every field is optional in a draft; a step counts as
 * complete when `stepIssues` (./steps.ts) finds nothing missing. This schema is also the machine-
 * readable export format (its JSON Schema, built by forms/antrag/json.ts, is served at the URL
 * /schema/antrag-v1.json; there is no such file in the repository).
 */

export const APPLICATION_SCHEMA_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const cents = z.number().int().nonnegative().max(10_000_000_00);
const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(40);

export const partnerSchema = z.strictObject({
  id,
  name: text(200).optional(),
  kind: z.enum(organisationKinds).optional(),
  landkreis: z.enum(landkreise).optional(),
  ags: text(8).optional(),
  contact: text(200).optional(),
});

export const applicantSchema = z.strictObject({
  organisation: organisationSnapshotSchema.optional(),
  nonprofit: z.boolean().optional(),
  locallyRooted: z.boolean().optional(),
  seatExceptionReason: text(2000).optional(),
  isVerbund: z.boolean().optional(),
  partners: z.array(partnerSchema).max(50).default([]),
});

export const projectPartSchema = z.strictObject({ id, title: text(200).optional(), description: text(2000).optional() });
export const formatChoiceSchema = z.strictObject({
  id,
  format: z.enum(participationFormats.map((f) => f.id) as [string, ...string[]]),
  level: z.enum(participationLevels),
  description: text(1000).optional(),
});

export const projectSchema = z.strictObject({
  title: text(200).optional(),
  route: z.enum(fundingRoutes).optional(),
  summary: text(1000).optional(),
  goals: text(5000).optional(),
  parts: z.array(projectPartSchema).max(30).default([]),
  formats: z.array(formatChoiceSchema).max(30).default([]),
  targetGroups: z.array(z.enum(targetGroupIds)).max(20).default([]),
  targetGroupsNote: text(1000).optional(),
  placeDescription: text(500).optional(),
  location: z.enum(['sachsen', 'laenderuebergreifend', 'ausserhalb']).optional(),
  crossBorderReason: text(2000).optional(),
  statutoryProcedure: z.boolean().optional(),
  buergerbudgetFunds: z.boolean().optional(),
  municipalLevel: z.boolean().optional(),
  affectedMunicipality: text(200).optional(),
  againstFinalDecision: z.boolean().optional(),
  decidingBodySupports: z.boolean().optional(),
  buergerkommuneProof: z.enum(['satzung', 'praxis', 'keiner']).optional(),
  buergerkommuneProofText: text(3000).optional(),
  usesBeteiligungsportal: z.boolean().optional(),
  softwareProcurement: z.boolean().optional(),
  softwareReason: text(2000).optional(),
  cooperation: z.boolean().optional(),
  cooperationDescription: text(3000).optional(),
  federalOrEuFunding: z.enum(['keine', 'beantragt', 'bewilligt']).optional(),
  federalOrEuFundingDetails: text(1000).optional(),
  whyProject: text(5000).optional(),
  whyFunding: text(3000).optional(),
});

export const milestoneSchema = z.strictObject({ id, date: isoDate.optional(), title: text(200).optional() });
export const scheduleSchema = z.strictObject({
  start: isoDate.optional(),
  end: isoDate.optional(),
  alreadyStarted: z.boolean().optional(),
  milestones: z.array(milestoneSchema).max(50).default([]),
});

export const costLineSchema = z.strictObject({
  id,
  category: z.enum(costCategories.map((c) => c.id) as [string, ...string[]]),
  description: text(300).optional(),
  /** 'menge': quantity × unit price; 'pauschal': a lump sum; 'personal': hours × hourly rate. */
  kind: z.enum(['menge', 'pauschal', 'personal']),
  quantityMilli: z.number().int().nonnegative().max(1_000_000_000).optional(),
  unitPriceCents: cents.optional(),
  amountCents: cents.optional(),
  year: z.number().int().min(2022).max(2100).optional(),
  note: text(500).optional(),
});

export const inKindLineSchema = z.strictObject({
  id,
  kind: z.enum(['ehrenamt', 'raum']),
  description: text(300).optional(),
  /** Ehrenamt: hours in thousandths; Raum: units (hours or days) in thousandths. */
  quantityMilli: z.number().int().nonnegative().max(1_000_000_000).optional(),
  /** Month the work is done (YYYY-MM): the minimum wage in force then applies. */
  period: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  /** Raum: rent per unit and where it comes from (Mietspiegel, ortsübliche Miete). */
  unitRateCents: cents.optional(),
  rentSource: text(300).optional(),
  supportingOnly: z.boolean().optional(),
});

export const donationSchema = z.strictObject({
  id,
  donor: text(200).optional(),
  amountCents: cents.optional(),
  earmarked: z.boolean().optional(),
});
export const otherPublicSchema = z.strictObject({
  id,
  funder: text(200).optional(),
  amountCents: cents.optional(),
  status: z.enum(['beantragt', 'bewilligt']).optional(),
});

export const budgetSchema = z.strictObject({
  vatDeductible: z.boolean().optional(),
  lines: z.array(costLineSchema).max(2000).default([]),
  inKind: z.array(inKindLineSchema).max(500).default([]),
  ownCashCents: cents.optional(),
  donations: z.array(donationSchema).max(200).default([]),
  otherPublic: z.array(otherPublicSchema).max(50).default([]),
  /** Absent: the largest allowed grant is proposed automatically. */
  requestedGrantCents: cents.optional(),
  capExceedReason: text(3000).optional(),
});

export const declarationsSchema = z.strictObject({
  ebbsAndEvaluation: z.boolean().optional(),
  portalIdeas: z.boolean().optional(),
  fdgo: z.boolean().optional(),
  subsidyRelevantFacts: z.boolean().optional(),
  dataProtection: z.boolean().optional(),
  notStarted: z.boolean().optional(),
  mainlyPubliclyFunded: z.boolean().optional(),
  signatoryName: text(200).optional(),
  signatoryFunction: text(100).optional(),
  place: text(200).optional(),
});

export const applicationDataSchema = z.strictObject({
  schemaVersion: z.literal(APPLICATION_SCHEMA_VERSION),
  applicant: applicantSchema.default({ partners: [] }),
  project: projectSchema.default({ parts: [], formats: [], targetGroups: [] }),
  schedule: scheduleSchema.default({ milestones: [] }),
  budget: budgetSchema.default({ lines: [], inKind: [], donations: [], otherPublic: [] }),
  declarations: declarationsSchema.default({}),
});

export type ApplicationData = z.output<typeof applicationDataSchema>;
export type ApplicationInput = z.input<typeof applicationDataSchema>;
export type OrganisationSnapshot = z.output<typeof organisationSnapshotSchema>;
export type CostLine = z.output<typeof costLineSchema>;
export type InKindLine = z.output<typeof inKindLineSchema>;
export type Donation = z.output<typeof donationSchema>;
export type OtherPublicFunding = z.output<typeof otherPublicSchema>;

export function emptyApplication(): ApplicationData {
  return applicationDataSchema.parse({ schemaVersion: APPLICATION_SCHEMA_VERSION });
}
