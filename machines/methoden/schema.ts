/**
 * The shape of a participation method in the catalogue. Content is data: the catalogue files
 * hold plain objects that this schema checks, so a later editorial version can arrive as JSON.
 */
import { z } from 'zod';
import { costCategories, fundingRoutes } from '../frl/public';
import { participationFormats, participationLevels, targetGroupIds } from '../shared/participation';
import { goalIds } from './goals';

export const methodModes = ['analog', 'digital', 'hybrid'] as const;
export type MethodMode = (typeof methodModes)[number];

export const recruitmentKinds = ['offen', 'zufallsauswahl', 'aufsuchend', 'delegiert'] as const;
export type RecruitmentKind = (typeof recruitmentKinds)[number];

export const conflictCapacities = ['gering', 'mittel', 'hoch'] as const;
export type ConflictCapacity = (typeof conflictCapacities)[number];

export const methodNeeds = [
  'moderation',
  'zufallsauswahl',
  'raeume',
  'uebersetzung',
  'kinderbetreuung',
  'technik',
  'fachleute',
  'dokumentation',
] as const;
export type MethodNeed = (typeof methodNeeds)[number];

/** Whether and how the directive funds a method (FRL Teil 2 A II Nr. 2 and 3). */
export const fundingFitStatuses = ['foerderfaehig', 'nur-verfahren', 'mit-begruendung', 'ausgeschlossen'] as const;
export type FundingFitStatus = (typeof fundingFitStatuses)[number];

export const qualityCriterionIds = [
  'dialogbereitschaft',
  'ressourcen-ziele',
  'gestaltungsspielraum',
  'augenhoehe',
  'verbindlichkeit',
  'prozessgestaltung',
  'transparenz',
  'mitwirkung-aller',
  'lernen',
  'beteiligungskultur',
] as const;

const sentence = z.string().trim().min(10).max(2000);
const range = z
  .strictObject({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() })
  .refine((r) => r.min <= r.max, { error: 'Der kleinste Wert darf nicht größer sein als der größte.' });

export const costDriverSchema = z.strictObject({
  /** What the money is for, as a budget line description the applicant can keep or change. */
  label: z.string().trim().min(3).max(300),
  category: z.enum(costCategories.filter((c) => !c.ineligible).map((c) => c.id) as [string, ...string[]]),
  kind: z.enum(['menge', 'pauschal', 'personal']),
  /** Why it is needed; shown beside the suggestion. */
  why: sentence,
});
export type CostDriver = z.infer<typeof costDriverSchema>;

export const methodSchema = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(80),
  /** The wizard's format id this method stands for; null for methods the directive excludes. */
  formatId: z.enum(participationFormats.map((f) => f.id) as [string, ...string[]]).nullable(),
  name: z.string().trim().min(3).max(120),
  summary: z.string().trim().min(20).max(300),
  description: z.array(sentence).min(2).max(8),
  level: z.enum(participationLevels),
  /** Every level the method can reach when it is designed for it (includes `level`). */
  levels: z.array(z.enum(participationLevels)).min(1),
  groupSize: range,
  meetings: range,
  /** How long the whole process typically runs, in weeks. */
  spanWeeks: range,
  durationNote: sentence,
  modes: z.array(z.enum(methodModes)).min(1),
  targetGroups: z.array(z.enum(targetGroupIds)).min(1),
  targetGroupsNote: sentence,
  recruitment: z.array(z.enum(recruitmentKinds)).min(1),
  conflictCapacity: z.enum(conflictCapacities),
  leadTimeWeeks: range,
  needs: z.array(z.enum(methodNeeds)),
  costDrivers: z.array(costDriverSchema).min(1).max(8),
  /** Typical total expenditure in whole euros, to filter "under 20 000 €". */
  typicalCostEuro: range,
  pitfalls: z.array(sentence).min(2).max(6),
  scheduleSteps: z.array(z.string().trim().min(3).max(200)).min(2).max(8),
  fundingFit: z.strictObject({
    status: z.enum(fundingFitStatuses),
    routes: z.array(z.enum(fundingRoutes)),
    note: sentence,
    clause: z.string().trim().min(3).max(120).nullable(),
  }),
  goals: z.array(z.strictObject({ goal: z.enum(goalIds), weight: z.union([z.literal(1), z.literal(2), z.literal(3)]) })).min(1),
  qualityCriteria: z.array(z.enum(qualityCriterionIds)).min(1),
});
export type Method = z.infer<typeof methodSchema>;
