import { z } from 'zod';
import type { MilestoneKey, PlannedPayment } from './computations';

/** What an implementation keeps in its JSON columns beside the Bescheid: the milestones and each recorded Mittelabruf. */

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A milestone date: an ISO day, or null for none – a value that is not one reads as none. */
const milestoneDate = isoDay.nullable().catch(null);

const noMilestones = { startedOn: null, startReportedOn: null, purposeFulfilledOn: null, proofSubmittedOn: null, proofCheckedOn: null };

/**
 * The dates a grantee recorded along the way. Salvaged, never refused: a date that cannot be read
 * reads as not recorded (the grantee sees an empty field and can enter it again), and a column
 * that is no object as no dates at all.
 */
export const milestonesSchema = z
  .object({
    startedOn: milestoneDate,
    startReportedOn: milestoneDate,
    purposeFulfilledOn: milestoneDate,
    proofSubmittedOn: milestoneDate,
    proofCheckedOn: milestoneDate,
  } satisfies Record<MilestoneKey, typeof milestoneDate>)
  .catch(noMilestones);
export type Milestones = z.output<typeof milestonesSchema>;

export const plannedPaymentSchema = z.object({
  dueOn: z.string(),
  lineId: z.string(),
  cents: z.number(),
  purpose: z.string().optional(),
}) satisfies z.ZodType<PlannedPayment>;

/** A receipt counted in a Mittelabruf's need, as stored with the request. */
export const countedReceiptSchema = z.object({
  lineId: z.string(),
  paidOn: z.string().nullable(),
  invoicedOn: z.string(),
  text: z.string(),
  cents: z.number(),
});
export type CountedReceipt = z.output<typeof countedReceiptSchema>;

/**
 * The computation stored with a Mittelabruf (`MittelabrufComputation` and what the form added):
 * the amounts its PDF prints are required; the other parts of the computation are kept as stored.
 */
export const recordedComputationSchema = z.looseObject({
  payoutOn: z.string(),
  windowEndOn: z.string(),
  needCents: z.number(),
  grantShareCents: z.number(),
  paidOutCents: z.number(),
  remainingGrantCents: z.number(),
  allowedCents: z.number(),
  /** The collision the SAB has to decide, if there was one. */
  decision: z.string().nullable().optional(),
  /** Absent reads as none counted. */
  counted: z.array(countedReceiptSchema).optional(),
});
export type RecordedComputation = z.output<typeof recordedComputationSchema>;
