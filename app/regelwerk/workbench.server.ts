import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { recordAudit } from '../../db/repositories/audit';
import {
  findParameterChange,
  listDraftsForRecheck,
  memberIdsOf,
  publishParameterChange,
  publishedValues,
  updateRuleColumns,
  type ParameterChangeWithNames,
} from '../../db/repositories/regelwerk';
import { advisorsOf, notify } from '../../db/repositories/advice';
import { activeUserIdsWithRole, namesByIds } from '../../db/repositories/users';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/client';
import type { Database } from '../../db/schema';
import { evaluateData, readStoredApplication, ruleColumnsFor, type RuleColumns } from '../../machines/frl/application/snapshot';
import { formatParameterValue } from '../../machines/frl/catalogue';
import { ruleVersionOn, verdictLabel, type Verdict } from '../../machines/frl/engine';
import { parameterIds, type ParameterId, type ParameterTable } from '../../machines/frl/parameters';
import { approvalDecision, approvalSentence } from '../../machines/frl/regelwerk/approval';
import { tableWithPublications } from '../../machines/frl/regelwerk/overlay';
import { effectiveDateProblem } from '../../machines/frl/regelwerk/parameter-change';
import {
  describeShift,
  previewDrafts,
  previewSuite,
  verdictChanged,
  type DraftDiff,
  type DraftToRecheck,
  type Rules,
  type SuiteCaseDiff,
} from '../../machines/frl/regelwerk/preview';
import { parseSuiteFile, type ParsedCase } from '../../machines/frl/suite';
import { formatDate } from '../../machines/shared/format';
import { config } from '../config.server';
import { findPreparedDownload, keepPreparedDownload } from '../../db/repositories/prepared-downloads';
import { getDb } from '../db.server';
import { approvalRequestMessage, ruleChangeMessages } from '../notification-texts';
import { rulesIn, rulesOptions, todayInSaxony, type RulesInForce } from '../rules.server';

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

/**
 * The drafts a rule change re-checks. Data stored by another release is salvaged as the wizard
 * does when it opens the draft (docs/decisions/0018), so the preview sees what the applicant
 * sees; drafts of which nothing can be read are left out and counted.
 */
export async function draftsForPreview(
  db: Executor,
  options: { ruleVersionOtherThan?: string } = {},
): Promise<{ drafts: DraftForPreview[]; unreadable: number }> {
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
      stored: row.stored,
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
    drafts: previewDrafts(drafts, change.effective_from, current, proposed, todayInSaxony()).map((d) => ({
      ...d,
      route: byId.get(d.id)?.route ?? null,
    })),
    checkedDrafts: drafts.length,
    unreadableDrafts: unreadable,
  };
}

export const isParameterId = (id: string): id is ParameterId => (parameterIds as readonly string[]).includes(id);

/** The parameter change named in the address, or 404. */
export async function requireParameterChange(
  idParam: string | undefined,
): Promise<ParameterChangeWithNames & { parameter_id: ParameterId }> {
  const id = Number(idParam);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Nicht gefunden', { status: 404 });
  const change = await findParameterChange(await getDb(), id);
  if (!change || !isParameterId(change.parameter_id)) throw new Response('Nicht gefunden', { status: 404 });
  return change as ParameterChangeWithNames & { parameter_id: ParameterId };
}

export function describeValue(table: ParameterTable, parameterId: string, value: number): string {
  return isParameterId(parameterId) ? formatParameterValue(table[parameterId], value) : String(value);
}

export type PublishOutcome =
  | { ok: true; publication: number; changedDrafts: number; updatedDrafts: number }
  | { ok: false; message: string; stale?: boolean };

/**
 * A fingerprint of what the confirmation page showed: the test cases and drafts whose result the
 * change moves. Publication compares it with a fresh preview, so nobody approves effects they did
 * not see (a draft saved in between can change them).
 */
export function previewDigest(preview: ChangePreview): string {
  const shown = {
    suite: preview.suite
      .filter((c) => c.passedBefore !== c.passedAfter || (c.comparison && (verdictChanged(c.comparison) || c.comparison.shifts.length)))
      .map((c) => [c.source, c.name, c.passedAfter, c.comparison?.verdictAfter ?? null]),
    drafts: preview.drafts.map((d) => [d.id, d.comparison.verdictBefore, d.comparison.verdictAfter, d.comparison.shifts.map((x) => x.id)]),
  };
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 32);
}

export const staleConfirmationMessage =
  'Die Auswirkungen haben sich geändert, seit die Bestätigungsseite geöffnet wurde (zum Beispiel wurde inzwischen ein Entwurf gespeichert). Bitte prüfen Sie die aktuelle Übersicht und bestätigen Sie erneut.';

/**
 * Publishes a draft change once it is approved: with the four-eyes principle a second ministry
 * account, never the one who proposed it (docs/decisions/0024). Checks the date again (a draft may
 * have waited) and that the effects are still the ones confirmed, records what the preview found,
 * re-checks every draft with the rules now in force and stores each derived column that changed
 * (a value from a later date changes them on that day, see `recheckOutdatedDrafts`), and tells
 * every organisation and advisor whose draft would change its verdict.
 */
export async function publishChange(
  id: number,
  userId: number,
  options: { confirmedDigest?: string; fourEyes?: boolean } = {},
): Promise<PublishOutcome> {
  const db = await getDb();
  const change = await findParameterChange(db, id);
  if (change?.status !== 'entwurf')
    return { ok: false, message: 'Diese Änderung ist kein Entwurf mehr; sie wurde bereits veröffentlicht oder verworfen.' };
  const approval = approvalDecision({ fourEyes: options.fourEyes ?? config.fourEyes, proposedBy: change.created_by, approver: userId });
  if (!approval.allowed) return { ok: false, message: approval.reason };
  const today = todayInSaxony();
  const dateProblem = effectiveDateProblem(change.effective_from, today);
  if (dateProblem)
    return { ok: false, message: `Nicht veröffentlicht. ${dateProblem} Legen Sie die Änderung mit neuem Datum noch einmal an.` };
  const preview = await previewChange(change);
  if (options.confirmedDigest !== undefined && options.confirmedDigest !== previewDigest(preview)) {
    return { ok: false, stale: true, message: staleConfirmationMessage };
  }
  const current = await rulesOptions();
  const changed = preview.drafts.filter((d) => verdictChanged(d.comparison));
  const label = isParameterId(change.parameter_id) ? current.parameters[change.parameter_id].label : change.parameter_id;
  const valueText = describeValue(current.parameters, change.parameter_id, change.value);
  const names = await namesByIds(db, [userId, ...(change.created_by === null ? [] : [change.created_by])]);
  const proposer = change.created_by === null ? 'unbekannt' : (names.get(change.created_by)?.name ?? 'unbekannt');
  const approver = names.get(userId)?.name ?? 'unbekannt';
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
    const number = await publishParameterChange(trx, id, userId, effects, approval.mode);
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
        approval: approval.mode,
        proposedBy: change.created_by,
        approvedBy: userId,
        summary: `Änderung Nr. ${id} veröffentlicht (Veröffentlichung Nr. ${number}), ${approvalSentence(approval.mode, proposer, approver)}: ${label} = ${valueText} ab ${formatDate(change.effective_from)} (${change.reference}); ${changed.length === 1 ? '1 Entwurf ändert sein' : `${changed.length} Entwürfe ändern ihr`} Ergebnis.`,
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
      await notify(trx, {
        userIds: await memberIdsOf(trx, draft.organisationId),
        applicationId: draft.id,
        kind: 'regelwerk.geaendert',
        ...messages.members,
      });
      const advisors = (await advisorsOf(trx, draft.id)).map((a) => a.id);
      await notify(trx, { userIds: advisors, applicationId: draft.id, kind: 'regelwerk.geaendert', ...messages.advisors });
    }
    return { number, updated: updated.length };
  });
  if (published === null) return { ok: false, message: 'Diese Änderung wurde inzwischen bereits veröffentlicht oder verworfen.' };
  return { ok: true, publication: published.number, changedDrafts: changed.length, updatedDrafts: published.updated };
}

/**
 * With the four-eyes principle, the other ministry accounts are told that a proposal waits for
 * their approval (in the app and by e-mail); the proposer is not asked to approve their own.
 */
export async function askForApproval(db: Executor, proposal: { proposedBy: number; what: string; path: string }): Promise<void> {
  if (!config.fourEyes) return;
  const colleagues = (await activeUserIdsWithRole(db, 'ministry')).filter((id) => id !== proposal.proposedBy);
  const names = await namesByIds(db, [proposal.proposedBy]);
  const message = approvalRequestMessage(
    { proposer: names.get(proposal.proposedBy)?.name ?? 'unbekannt', what: proposal.what, path: proposal.path },
    config.publicUrl,
  );
  await notify(db, { userIds: colleagues, applicationId: null, kind: 'regelwerk.freigabe', ...message });
}

// ---- YAML downloads of the test bench ----------------------------------------------------------

/**
 * A case prepared for download waits in the database for a few minutes, bound to the user: the
 * form posts, the action stores the YAML and redirects to a download address (Post/Redirect/Get),
 * so the page with everything typed stays in the browser while the file arrives – from whichever
 * app instance answers the download.
 */
export async function keepDownload(userId: number, fileName: string, yaml: string, now = new Date()): Promise<string> {
  return keepPreparedDownload(await getDb(), { userId, fileName, body: yaml }, 10, now);
}

export async function takeDownload(userId: number, token: string, now = new Date()): Promise<{ fileName: string; yaml: string } | null> {
  const found = await findPreparedDownload(await getDb(), userId, token, now);
  return found ? { fileName: found.fileName, yaml: found.body } : null;
}
