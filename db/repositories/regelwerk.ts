import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import { fundingCallSchema, type FundingCall } from '../../machines/frl/calls';
import { criteria } from '../../machines/frl/criteria/index';
import type { RuleColumns } from '../../machines/frl/application/snapshot';
import type { Severity } from '../../machines/frl/criterion';
import { verdicts } from '../../machines/frl/engine';
import { parameterIds, type ParameterId } from '../../machines/frl/parameters';
import type { ApprovalMode } from '../../machines/frl/regelwerk/approval';
import type { PublishedValue } from '../../machines/frl/regelwerk/overlay';
import type { ParameterChangeInput } from '../../machines/frl/regelwerk/parameter-change';
import { jsonArrayValues, lockSection } from '../dialect';
import { jsonColumn, jsonOr } from '../json';
import type { Database, FundingCallRow, ParameterChangeRow } from '../schema';
import { auditDetails, type AuditEntry } from './audit';

type Executor = Kysely<Database> | Transaction<Database>;

// ---- parameter changes --------------------------------------------------------------------

export type ParameterChangeWithNames = ParameterChangeRow & { created_by_name: string | null; decided_by_name: string | null };

function changesQuery(db: Executor) {
  return db
    .selectFrom('parameter_changes')
    .leftJoin('users as creator', 'creator.id', 'parameter_changes.created_by')
    .leftJoin('users as decider', 'decider.id', 'parameter_changes.decided_by')
    .selectAll('parameter_changes')
    .select(['creator.name as created_by_name', 'decider.name as decided_by_name']);
}

export async function listParameterChanges(db: Executor): Promise<ParameterChangeWithNames[]> {
  return changesQuery(db).orderBy('parameter_changes.id', 'desc').limit(500).execute();
}

export async function findParameterChange(db: Executor, id: number): Promise<ParameterChangeWithNames | undefined> {
  return changesQuery(db).where('parameter_changes.id', '=', id).executeTakeFirst();
}

export async function createParameterChange(
  db: Executor,
  input: ParameterChangeInput & { rollsBack?: number | null },
  userId: number,
  now = new Date(),
): Promise<ParameterChangeRow> {
  return db
    .insertInto('parameter_changes')
    .values({
      parameter_id: input.parameterId,
      value: input.value,
      effective_from: input.effectiveFrom,
      reference: input.reference,
      note: input.note ?? null,
      assumption: input.assumption ?? null,
      rolls_back: input.rollsBack ?? null,
      publication: null,
      created_at: now.toISOString(),
      created_by: userId,
      decided_at: null,
      decided_by: null,
      effects: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const isParameterId = (id: string): id is ParameterId => (parameterIds as readonly string[]).includes(id);

export function toPublishedValue(row: ParameterChangeRow): PublishedValue | null {
  if (row.publication === null || !isParameterId(row.parameter_id)) return null;
  return {
    publication: row.publication,
    parameterId: row.parameter_id,
    value: row.value,
    from: row.effective_from,
    reference: row.reference,
    note: row.note,
    assumption: row.assumption,
  };
}

/** Every published value, oldest publication first. */
export async function publishedValues(db: Executor): Promise<PublishedValue[]> {
  const rows = await db
    .selectFrom('parameter_changes')
    .selectAll()
    .where('status', '=', 'veroeffentlicht')
    .orderBy('publication')
    .execute();
  return rows.map(toPublishedValue).filter((v): v is PublishedValue => v !== null);
}

/**
 * Publishes a draft change: gives it the next publication number and stores the effects the
 * preview found and how it was approved. Returns null when it is no longer a draft (published or
 * discarded meanwhile): of two approvals at the same moment exactly one publishes.
 */
export async function publishParameterChange(
  db: Executor,
  id: number,
  userId: number,
  effects: unknown,
  approval: ApprovalMode,
  now = new Date(),
): Promise<number | null> {
  // Two instances publishing at once would both read the same highest number.
  await lockSection(db, 'parameter_changes.publication');
  const max = await db
    .selectFrom('parameter_changes')
    .select((eb) => eb.fn.max('publication').as('n'))
    .executeTakeFirstOrThrow();
  const publication = Number(max.n ?? 0) + 1;
  const result = await db
    .updateTable('parameter_changes')
    .set({
      status: 'veroeffentlicht',
      publication,
      approval,
      decided_at: now.toISOString(),
      decided_by: userId,
      effects: JSON.stringify(effects),
    })
    .where('id', '=', id)
    .where('status', '=', 'entwurf')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? publication : null;
}

/** What a publication found (the `effects` column), as publishParameterChange stores it. */
const parameterChangeEffectsSchema = z.object({
  suite: z.object({ cases: z.number(), failedBefore: z.number(), failedAfter: z.number(), changed: z.array(z.string()) }),
  checkedDrafts: z.number(),
  /** Missing in effects stored before the count was recorded. */
  unreadableDrafts: z.number().optional(),
  drafts: z.array(
    z.object({
      id: z.number(),
      route: z.string().nullable(),
      verdictBefore: z.enum(verdicts),
      verdictAfter: z.enum(verdicts),
      reasons: z.array(z.string()),
    }),
  ),
});

export type ParameterChangeEffects = z.infer<typeof parameterChangeEffectsSchema>;

/** The effects stored at publication; null for a draft, a discarded change or a column no one can read. */
export function parameterChangeEffects(row: Pick<ParameterChangeRow, 'effects'>): ParameterChangeEffects | null {
  if (!row.effects) return null;
  try {
    const parsed = parameterChangeEffectsSchema.safeParse(JSON.parse(row.effects));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function discardParameterChange(db: Executor, id: number, userId: number, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('parameter_changes')
    .set({ status: 'verworfen', decided_at: now.toISOString(), decided_by: userId })
    .where('id', '=', id)
    .where('status', '=', 'entwurf')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- funding calls ------------------------------------------------------------------------

const focusTopicsColumn = jsonColumn(fundingCallSchema.shape.focusTopics);
const requiredDocumentsColumn = jsonColumn(fundingCallSchema.shape.requiredDocuments);

/**
 * A stored call as the rules use it. A list column that cannot be read reads as empty: every page
 * reads the calls, and one bad row must not take them all down (the call's form shows the empty list).
 */
export function rowToCall(row: FundingCallRow): FundingCall {
  return {
    id: row.id,
    title: row.title,
    publishedOn: row.published_on,
    opensOn: row.opens_on,
    deadline: row.deadline,
    issuedBy: row.issued_by,
    focusTopics: jsonOr(focusTopicsColumn, row.focus_topics, []),
    requiredDocuments: jsonOr(requiredDocumentsColumn, row.required_documents, []),
    notes: row.notes,
    source: row.source,
  };
}

export async function listStoredCalls(db: Executor): Promise<FundingCallRow[]> {
  return db.selectFrom('funding_calls').selectAll().orderBy('deadline').execute();
}

export async function findStoredCall(db: Executor, id: string): Promise<FundingCallRow | undefined> {
  return db.selectFrom('funding_calls').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Inserts or updates a call. An update names the version it read and fails (false) when someone
 * saved in between, so no edit is overwritten silently.
 */
export async function saveCall(
  db: Executor,
  call: FundingCall,
  userId: number | null,
  expectedVersion: number | null,
  now = new Date(),
): Promise<boolean> {
  const columns = {
    title: call.title,
    published_on: call.publishedOn,
    opens_on: call.opensOn,
    deadline: call.deadline,
    issued_by: call.issuedBy,
    focus_topics: JSON.stringify(call.focusTopics),
    required_documents: JSON.stringify(call.requiredDocuments),
    notes: call.notes,
    source: call.source,
    updated_at: now.toISOString(),
    updated_by: userId,
  };
  if (expectedVersion === null) {
    const result = await db
      .insertInto('funding_calls')
      .values({ id: call.id, ...columns, created_at: now.toISOString(), created_by: userId })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const result = await db
    .updateTable('funding_calls')
    .set((eb) => ({ ...columns, version: eb('version', '+', 1) }))
    .where('id', '=', call.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Changes whenever a publication or a call is saved: the key of the rules cache. */
export async function rulesRevision(db: Executor): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('parameter_changes')
        .select((inner) => inner.fn.max('publication').as('p'))
        .as('publication'),
      eb
        .selectFrom('funding_calls')
        .select((inner) => inner.fn.countAll<number>().as('c'))
        .as('calls'),
      eb
        .selectFrom('funding_calls')
        .select((inner) => inner.fn.sum<number>('version').as('v'))
        .as('versions'),
    ])
    .executeTakeFirstOrThrow();
  return `${row.publication ?? 0}|${row.calls ?? 0}|${row.versions ?? 0}`;
}

// ---- drafts to re-check after a change ------------------------------------------------------

export interface DraftToRecheckRow {
  id: number;
  organisation_id: number;
  title: string;
  route: string | null;
  /** The application snapshot as stored (read and salvaged by `readStoredApplication`). */
  snapshot: string;
  /** The derived columns stored at the draft's last check; null when it was never checked. */
  stored: RuleColumns | null;
  attachment_types: string[];
}

/**
 * The unmet criteria stored with a check, as ids. Salvaged: entries are taken as text, and a
 * column that is no JSON array reads as none (the next check writes it anew).
 */
const unmetCriteriaColumn = jsonColumn(z.array(z.unknown()).transform((ids) => ids.map(String)));

function storedRuleColumns(row: {
  verdict: string | null;
  rule_version: string | null;
  unmet_criteria: string;
  requested_grant_cents: number | null;
  total_cents: number | null;
}): RuleColumns | null {
  if (row.verdict === null || row.rule_version === null) return null;
  return {
    verdict: row.verdict,
    ruleVersion: row.rule_version,
    unmetCriteria: jsonOr(unmetCriteriaColumn, row.unmet_criteria, []),
    requestedGrantCents: row.requested_grant_cents,
    totalCents: row.total_cents,
  };
}

/**
 * The drafts a rule change concerns (not decided, not in the bin), with their annex types and the
 * rule columns of their last check. With
 * `ruleVersionOtherThan`, only those last checked under another rule version (or never).
 */
export async function listDraftsForRecheck(db: Executor, options: { ruleVersionOtherThan?: string } = {}): Promise<DraftToRecheckRow[]> {
  let query = db
    .selectFrom('applications')
    .select([
      'id',
      'organisation_id',
      'title',
      'route',
      'snapshot',
      'verdict',
      'rule_version',
      'unmet_criteria',
      'requested_grant_cents',
      'total_cents',
    ])
    .where('deleted_at', 'is', null)
    .where('status', 'not in', ['bewilligt', 'abgelehnt', 'zurueckgezogen']);
  const version = options.ruleVersionOtherThan;
  if (version !== undefined) query = query.where((eb) => eb.or([eb('rule_version', 'is', null), eb('rule_version', '!=', version)]));
  const rows = await query.orderBy('id').execute();
  const attachments = await db
    .selectFrom('attachments')
    .select(['application_id', 'doc_type'])
    .distinct()
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    organisation_id: row.organisation_id,
    title: row.title,
    route: row.route,
    snapshot: row.snapshot,
    stored: storedRuleColumns(row),
    attachment_types: attachments.filter((a) => a.application_id === row.id).map((a) => a.doc_type),
  }));
}

/** Stores a new rule result beside the snapshot (the snapshot and its version stay untouched). */
export async function updateRuleColumns(db: Executor, id: number, columns: RuleColumns): Promise<void> {
  await db
    .updateTable('applications')
    .set({
      verdict: columns.verdict,
      rule_version: columns.ruleVersion,
      unmet_criteria: JSON.stringify(columns.unmetCriteria),
      requested_grant_cents: columns.requestedGrantCents,
      total_cents: columns.totalCents,
    })
    .where('id', '=', id)
    .execute();
}

/** Applicants of the organisation (active accounts) – the people to tell about a changed verdict. */
export async function memberIdsOf(db: Executor, organisationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

// ---- audit ---------------------------------------------------------------------------------

/** The latest entries about rules, newest first, their details decoded (`auditDetails`: empty when unreadable). */
export async function listRegelwerkAudit(db: Executor, limit = 200): Promise<Array<AuditEntry & { actor_name: string | null }>> {
  const rows = await db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .selectAll('audit_events')
    .select('users.name as actor_name')
    .where('action', 'like', 'regelwerk.%')
    .orderBy('audit_events.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, details: auditDetails(row) }));
}

// ---- statistics (counts only; no names) ----------------------------------------------------

export interface Count {
  key: string | null;
  count: number;
}

const live = (db: Executor) => db.selectFrom('applications').where('applications.deleted_at', 'is', null);

export async function countDraftsBy(db: Executor, column: 'route' | 'status'): Promise<Count[]> {
  const rows = await live(db)
    .select([`applications.${column} as key`, (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(`applications.${column}`)
    .execute();
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

export async function countDraftsByLandkreis(db: Executor): Promise<Count[]> {
  const rows = await live(db)
    .innerJoin('organisations', 'organisations.id', 'applications.organisation_id')
    .select(['organisations.landkreis as key', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('organisations.landkreis')
    .execute();
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

/**
 * The severities the statistic of unmet criteria counts: what keeps a draft from being eligible
 * or needs a justification. A mere hint ("Offener Förderaufruf" between two calls) says nothing
 * about where applicants struggle, so it is left out.
 */
export const countedSeverities: readonly Severity[] = ['ausschluss', 'begruendung'];

/** How often each criterion of the given severities was unmet at the drafts' last check. */
export async function countUnmetCriteria(db: Executor, severities: readonly Severity[] = countedSeverities): Promise<Count[]> {
  const ids = criteria.filter((c) => severities.includes(c.severity)).map((c) => c.id);
  if (!ids.length) return [];
  const rows = await sql<{ key: string; count: number }>`
    select je.value as key, count(*) as count
    from applications, ${jsonArrayValues(db, 'applications.unmet_criteria', 'je')}
    where applications.deleted_at is null and je.value in (${sql.join(ids)})
    group by je.value`.execute(db);
  return rows.rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

/** Route, start and requested grant of every live draft – the figures of the amount statistics, no names. */
export async function listDraftFigures(
  db: Executor,
): Promise<Array<{ route: string | null; created_at: string; requested_grant_cents: number | null }>> {
  return live(db)
    .select(['applications.route', 'applications.created_at', 'applications.requested_grant_cents'])
    .orderBy('applications.created_at')
    .execute();
}

export async function countDrafts(db: Executor): Promise<number> {
  const row = await live(db)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
