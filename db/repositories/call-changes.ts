import type { Kysely, Transaction } from 'kysely';
import { fundingCallSchema, type FundingCall } from '../../machines/frl/calls';
import type { ApprovalMode } from '../../machines/frl/regelwerk/approval';
import { jsonColumn } from '../json';
import type { Database, FundingCallChangeRow } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Proposed funding calls: a new or changed call is stored here first and reaches `funding_calls`
 * (and so the Förder-Check and the drafts) only when it is published – with the four-eyes
 * principle by a second ministry account (docs/decisions/0024).
 */

export type CallValues = Omit<FundingCall, 'id'>;

export type CallChangeWithNames = FundingCallChangeRow & { created_by_name: string | null; decided_by_name: string | null };

function changesQuery(db: Executor) {
  return db
    .selectFrom('funding_call_changes')
    .leftJoin('users as creator', 'creator.id', 'funding_call_changes.created_by')
    .leftJoin('users as decider', 'decider.id', 'funding_call_changes.decided_by')
    .selectAll('funding_call_changes')
    .select(['creator.name as created_by_name', 'decider.name as decided_by_name']);
}

export async function createCallChange(
  db: Executor,
  input: { callId: string; baseVersion: number | null; isNew: boolean; proposed: CallValues; before: CallValues | null },
  userId: number,
  now = new Date(),
): Promise<FundingCallChangeRow> {
  return db
    .insertInto('funding_call_changes')
    .values({
      call_id: input.callId,
      base_version: input.baseVersion,
      is_new: input.isNew ? 1 : 0,
      proposed: JSON.stringify(input.proposed),
      before: input.before ? JSON.stringify(input.before) : null,
      approval: null,
      created_at: now.toISOString(),
      created_by: userId,
      decided_at: null,
      decided_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findCallChange(db: Executor, id: number): Promise<CallChangeWithNames | undefined> {
  return changesQuery(db).where('funding_call_changes.id', '=', id).executeTakeFirst();
}

/** Proposals still waiting (oldest first); for one call when `callId` is given. */
export async function listOpenCallChanges(db: Executor, callId?: string): Promise<CallChangeWithNames[]> {
  let query = changesQuery(db).where('funding_call_changes.status', '=', 'entwurf');
  if (callId !== undefined) query = query.where('funding_call_changes.call_id', '=', callId);
  return query.orderBy('funding_call_changes.id').execute();
}

const callValuesSchema = fundingCallSchema.omit({ id: true });
const callValuesColumn = jsonColumn(callValuesSchema);

/** Call values kept elsewhere (an audit entry's `before`), checked; null when they are none or not of the shape. */
export function callValuesOf(value: unknown): CallValues | null {
  const parsed = callValuesSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The values a proposal would publish, and those it replaces (null for a new call). Both throw on a
 * column they cannot read: values guessed could be published, and only proposals are stored here.
 */
export const proposedValues = (row: Pick<FundingCallChangeRow, 'proposed'>): CallValues => callValuesColumn.parse(row.proposed);
export const valuesBefore = (row: Pick<FundingCallChangeRow, 'before'>): CallValues | null =>
  row.before ? callValuesColumn.parse(row.before) : null;

/** Marks a proposal published; false when it is no longer waiting (of two approvals at once, one wins). */
export async function markCallChangePublished(
  db: Executor,
  id: number,
  userId: number,
  approval: ApprovalMode,
  now = new Date(),
): Promise<boolean> {
  const result = await db
    .updateTable('funding_call_changes')
    .set({ status: 'veroeffentlicht', approval, decided_at: now.toISOString(), decided_by: userId })
    .where('id', '=', id)
    .where('status', '=', 'entwurf')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function discardCallChange(db: Executor, id: number, userId: number, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('funding_call_changes')
    .set({ status: 'verworfen', decided_at: now.toISOString(), decided_by: userId })
    .where('id', '=', id)
    .where('status', '=', 'entwurf')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
