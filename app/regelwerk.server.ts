import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { recordAudit } from '../db/repositories/audit';
import {
  findParameterChange,
  listDraftsForRecheck,
  memberIdsOf,
  publishParameterChange,
  publishedValues,
  updateRuleColumns,
  type ParameterChangeWithNames,
} from '../db/repositories/regelwerk';
import { advisorsOf, notify } from '../db/repositories/review';
import type { Transaction } from 'kysely';
import type { DB } from '../db/client';
import type { Database } from '../db/schema';
import { evaluateData, readStoredApplication, ruleColumnsFor, type RuleColumns } from '../machines/frl/application/snapshot';
import { formatParameterValue } from '../machines/frl/catalogue';
import { ruleVersionOn, verdictLabel, type Verdict } from '../machines/frl/engine';
import { parameterIds, type ParameterId, type ParameterTable } from '../machines/frl/parameters';
import { tableWithPublications } from '../machines/frl/regelwerk/overlay';
import { effectiveDateProblem } from '../machines/frl/regelwerk/parameter-change';
import {
  describeShift,
  previewDrafts,
  previewSuite,
  verdictChanged,
  type DraftDiff,
  type DraftToRecheck,
  type Rules,
  type SuiteCaseDiff,
} from '../machines/frl/regelwerk/preview';
import { parseSuiteFile, type ParsedCase } from '../machines/frl/suite';
import { formatDate } from '../machines/shared/format';
import { config } from './config.server';
import { getDb } from './db.server';
import { ruleChangeMessages } from './notification-texts';
import { rulesIn, rulesOptions, todayInSaxony, type RulesInForce } from './rules.server';

/** The workbench: ministry staff change rules, administrators may look (docs/decisions/0011). */
export const workbenchReaders = ['ministry', 'admin'] as const;
export const workbenchEditors = ['ministry'] as const;

// ---- the shipped YAML suite -----------------------------------------------------------------

let suiteCache: ParsedCase[] | null = null;

/** Every case of the shipped suite (read once per process; the files ship with the app). */
export function suiteCases(): ParsedCase[] {
  if (suiteCache) return suiteCache;
  const dir = config.ruleCasesDir;
  const files = readdirSync(dir)
    .filter((f) => ['.yaml', '.yml'].includes(extname(f)))
    .sort();
  suiteCache = files.flatMap((file) => parseSuiteFile(readFileSync(join(dir, file), 'utf8'), file));
  return suiteCache;
}

export function findSuiteCase(source: string): ParsedCase | undefined {
  return suiteCases().find((c) => c.source === source);
}

// ---- drafts -------------------------------------------------------------------------------

export interface DraftForPreview extends DraftToRecheck {
  organisationId: number;
  title: string;
  route: string | null;
  /** The derived columns stored at the draft's last check. */
  stored: RuleColumns | null;
}

type Executor = DB | Transaction<Database>;

function storedColumns(row: { verdict: string | null; rule_version: string | null; unmet_criteria: string; requested_grant_cents: number | null; total_cents: number | null }): RuleColumns | null {
  if (row.verdict === null || row.rule_version === null) return null;
  let unmet: unknown;
  try {
    unmet = JSON.parse(row.unmet_criteria);
  } catch {
    unmet = null;
  }
  return {
    verdict: row.verdict,
    ruleVersion: row.rule_version,
    unmetCriteria: Array.isArray(unmet) ? unmet.map(String) : [],
    requestedGrantCents: row.requested_grant_cents,
    totalCents: row.total_cents,
  };
}

/**
 * The drafts a rule change re-checks. Data stored by another release is salvaged as the wizard
 * does when it opens the draft (docs/decisions/0018), so the preview sees what the applicant
 * sees; drafts of which nothing can be read are left out and counted.
 */
export async function draftsForPreview(db: Executor, options: { ruleVersionOtherThan?: string } = {}): Promise<{ drafts: DraftForPreview[]; unreadable: number }> {
  const rows = await listDraftsForRecheck(db, options);
  const drafts: DraftForPreview[] = [];
  let unreadable = 0;
  for (const row of rows) {
    const read = readStoredApplication(row.snapshot);
    if (!read) {
      unreadable += 1;
      continue;
    }
    drafts.push({
      id: row.id,
      organisationId: row.organisation_id,
      title: row.title,
      route: row.route,
      data: read.data,
      attachmentTypes: row.attachment_types,
      stored: storedColumns(row),
    });
  }
  return { drafts, unreadable };
}

const sameColumns = (a: RuleColumns, b: RuleColumns) =>
  a.verdict === b.verdict &&
  a.ruleVersion === b.ruleVersion &&
  a.requestedGrantCents === b.requestedGrantCents &&
  a.totalCents === b.totalCents &&
  JSON.stringify(a.unmetCriteria) === JSON.stringify(b.unmetCriteria);

/**
 * Checks each draft on `today` with `rules`, as the wizard would on its next save, and stores
 * every derived column that differs from the stored one (verdict, unmet criteria, rule version,
 * requested grant, total). Returns the ids of the drafts whose columns were updated.
 */
export async function storeRecheckedColumns(db: Executor, drafts: DraftForPreview[], rules: Rules, today: string): Promise<number[]> {
  const updated: number[] = [];
  for (const draft of drafts) {
    const context = { table: rules.parameters, date: today, attachmentTypes: draft.attachmentTypes };
    const columns = ruleColumnsFor(draft.data, evaluateData(draft.data, context, rules), context);
    if (draft.stored && sameColumns(draft.stored, columns)) continue;
    await updateRuleColumns(db, draft.id, columns);
    updated.push(draft.id);
  }
  return updated;
}

/**
 * A value published with a later effective date changes the drafts on that day: re-checks the
 * drafts last checked under another rule version than the one in force today and stores their
 * new columns. Runs with the housekeeping (at start-up and every six hours); nobody is notified
 * here – the organisations and advisors were told when the value was published.
 */
export async function recheckOutdatedDrafts(now = new Date()): Promise<{ checked: number; updated: number; unreadable: number }> {
  const db = await getDb();
  const rules = await rulesOptions();
  const today = todayInSaxony(now);
  const version = ruleVersionOn(today, rules.parameters).id;
  return db.transaction().execute(async (trx) => {
    const { drafts, unreadable } = await draftsForPreview(trx, { ruleVersionOtherThan: version });
    const updated = await storeRecheckedColumns(trx, drafts, rules, today);
    return { checked: drafts.length, updated: updated.length, unreadable };
  });
}

// ---- preview and publication ----------------------------------------------------------------

export interface ChangePreview {
  effectiveFrom: string;
  suite: SuiteCaseDiff[];
  drafts: Array<DraftDiff & { route: string | null }>;
  checkedDrafts: number;
  /** Drafts of which nothing could be read (left out of the re-check). */
  unreadableDrafts: number;
}

/** The rule set with the change added as the newest publication. */
export function proposedRules(current: RulesInForce, change: ParameterChangeWithNames, publication: number): Rules {
  const parameters = tableWithPublications(current.parameters, [
    {
      publication,
      parameterId: change.parameter_id as ParameterId,
      value: change.value,
      from: change.effective_from,
      reference: change.reference,
      note: change.note,
      assumption: change.assumption,
    },
  ]);
  return { parameters, calls: current.calls };
}

async function nextPublication(db: DB): Promise<number> {
  const published = await publishedValues(db);
  return Math.max(0, ...published.map((p) => p.publication)) + 1;
}

export async function previewChange(change: ParameterChangeWithNames): Promise<ChangePreview> {
  const db = await getDb();
  const current = await rulesOptions();
  const proposed = proposedRules(current, change, await nextPublication(db));
  const { drafts, unreadable } = await draftsForPreview(db);
  const byId = new Map(drafts.map((d) => [d.id, d]));
  return {
    effectiveFrom: change.effective_from,
    suite: previewSuite(suiteCases(), current, proposed, change.effective_from),
    drafts: previewDrafts(drafts, change.effective_from, current, proposed).map((d) => ({ ...d, route: byId.get(d.id)?.route ?? null })),
    checkedDrafts: drafts.length,
    unreadableDrafts: unreadable,
  };
}

export const isParameterId = (id: string): id is ParameterId => (parameterIds as readonly string[]).includes(id);

export function describeValue(table: ParameterTable, parameterId: string, value: number): string {
  return isParameterId(parameterId) ? formatParameterValue(table[parameterId], value) : String(value);
}

export type PublishOutcome = { ok: true; publication: number; changedDrafts: number; updatedDrafts: number } | { ok: false; message: string };

/**
 * Publishes a draft change: checks the date again (a draft may have waited), records what the
 * preview found, re-checks every draft with the rules now in force and stores each derived column
 * that changed (a value from a later date changes them on that day, see `recheckOutdatedDrafts`),
 * and tells every organisation and advisor whose draft would change its verdict.
 */
export async function publishChange(id: number, userId: number): Promise<PublishOutcome> {
  const db = await getDb();
  const change = await findParameterChange(db, id);
  if (!change || change.status !== 'entwurf') return { ok: false, message: 'Diese Änderung ist kein Entwurf mehr; sie wurde bereits veröffentlicht oder verworfen.' };
  const today = todayInSaxony();
  const dateProblem = effectiveDateProblem(change.effective_from, today);
  if (dateProblem) return { ok: false, message: `Nicht veröffentlicht. ${dateProblem} Legen Sie die Änderung mit neuem Datum noch einmal an.` };
  const preview = await previewChange(change);
  const current = await rulesOptions();
  const changed = preview.drafts.filter((d) => verdictChanged(d.comparison));
  const label = isParameterId(change.parameter_id) ? current.parameters[change.parameter_id].label : change.parameter_id;
  const valueText = describeValue(current.parameters, change.parameter_id, change.value);
  const effects = {
    suite: {
      cases: preview.suite.length,
      failedBefore: preview.suite.filter((c) => !c.passedBefore).length,
      failedAfter: preview.suite.filter((c) => !c.passedAfter).length,
      changed: preview.suite.filter((c) => c.comparison && verdictChanged(c.comparison)).map((c) => c.name),
    },
    checkedDrafts: preview.checkedDrafts,
    unreadableDrafts: preview.unreadableDrafts,
    drafts: preview.drafts.map((d) => ({
      id: d.id,
      route: d.route,
      verdictBefore: d.comparison.verdictBefore,
      verdictAfter: d.comparison.verdictAfter,
      ruleVersionAfter: d.comparison.ruleVersionAfter,
      reasons: d.comparison.shifts.map(describeShift),
    })),
  };
  const published = await db.transaction().execute(async (trx) => {
    const number = await publishParameterChange(trx, id, userId, effects);
    if (number === null) return null;
    // Read inside the transaction: no save of a draft comes between its re-check and the stored columns.
    const { drafts: readable } = await draftsForPreview(trx);
    const drafts = new Map(readable.map((d) => [d.id, d]));
    const updated = await storeRecheckedColumns(trx, readable, await rulesIn(trx), today);
    await recordAudit(trx, {
      actorUserId: userId,
      action: 'regelwerk.parameter.veroeffentlicht',
      subjectType: 'parameter_change',
      subjectId: id,
      details: {
        parameterId: change.parameter_id,
        value: change.value,
        valueText,
        effectiveFrom: change.effective_from,
        reference: change.reference,
        publication: number,
        changedDrafts: changed.map((d) => d.id),
        updatedDrafts: updated,
        rollsBack: change.rolls_back,
        summary: `Änderung Nr. ${id} veröffentlicht (Veröffentlichung Nr. ${number}): ${label} = ${valueText} ab ${formatDate(change.effective_from)} (${change.reference}); ${changed.length === 1 ? '1 Entwurf ändert' : `${changed.length} Entwürfe ändern`} sein Ergebnis.`,
      },
    });
    for (const diff of changed) {
      const draft = drafts.get(diff.id);
      if (!draft) continue;
      const messages = ruleChangeMessages(
        {
          applicationId: draft.id,
          title: draft.title,
          label,
          valueText,
          effectiveFrom: change.effective_from,
          reference: change.reference,
          verdictBefore: verdictLabel[diff.comparison.verdictBefore],
          verdictAfter: verdictLabel[diff.comparison.verdictAfter as Verdict],
          reasons: diff.comparison.shifts.map(describeShift),
        },
        config.publicUrl,
      );
      await notify(trx, { userIds: await memberIdsOf(trx, draft.organisationId), applicationId: draft.id, kind: 'regelwerk.geaendert', ...messages.members });
      const advisors = (await advisorsOf(trx, draft.id)).map((a) => a.id);
      await notify(trx, { userIds: advisors, applicationId: draft.id, kind: 'regelwerk.geaendert', ...messages.advisors });
    }
    return { number, updated: updated.length };
  });
  if (published === null) return { ok: false, message: 'Diese Änderung wurde inzwischen bereits veröffentlicht oder verworfen.' };
  return { ok: true, publication: published.number, changedDrafts: changed.length, updatedDrafts: published.updated };
}

// ---- YAML downloads of the test bench ----------------------------------------------------------

/**
 * A case prepared for download waits here for a few minutes, bound to the user: the form posts,
 * the action stores the YAML and redirects to a download address (Post/Redirect/Get), so the page
 * with everything typed stays in the browser while the file arrives.
 */
const downloads = new Map<string, { userId: number; fileName: string; yaml: string; expires: number }>();

export function keepDownload(userId: number, fileName: string, yaml: string, now = Date.now()): string {
  for (const [key, entry] of downloads) if (entry.expires < now) downloads.delete(key);
  const token = randomBytes(18).toString('base64url');
  downloads.set(token, { userId, fileName, yaml, expires: now + 10 * 60_000 });
  return token;
}

export function takeDownload(userId: number, token: string, now = Date.now()): { fileName: string; yaml: string } | null {
  const entry = downloads.get(token);
  if (!entry || entry.userId !== userId || entry.expires < now) return null;
  return { fileName: entry.fileName, yaml: entry.yaml };
}
