import { findOrganisation } from '../../db/repositories/organisations';
import { hintsOf } from '../../db/repositories/netzwerk-context';
import { changesSince, listAdvisors, reviewMark, setReviewMark, versionAtFirstRequest } from '../../db/repositories/advice';
import { describePath, describeValue, stepOfPath } from '../../machines/frl/application/anchors';
import { netChanges } from '../../machines/frl/application/diff';
import type { EditableStep } from '../../machines/frl/application/steps';
import { attachmentTypes } from '../../machines/frl/catalogues';
import { isAssignedAdvisor, mayTakeDraft, adviceStatusLabel, statusOf } from '../../machines/frl/advice/machine';
import { formatDateTime } from '../../machines/shared/format';
import { landkreisLabel } from '../../machines/shared/organisation';
import type { ApplicationAccess } from '../access.server';
import { evaluateApplicationCached } from '../antrag/application.server';
import { getDb } from '../db.server';
import { qualityChecksOfApplication } from '../qualitaetscheck/quality-check.server';
import { checkAnswersView } from '../antrag/check-answers.server';
import type { AdviceIntent } from './advice-actions.server';
import { actorOf, advisorNames, changedAfterCompletion, historyOf } from './advice.server';
import { anchorOptions, threadsFor } from './comments.server';

/**
 * The advisor's page of one draft (/beratung/:id): everything the advisor reads – status, the
 * changes since their last look, the draft with its comment threads, the network hints – and the
 * "reviewed up to here" mark they set.
 */

const stepOrder: EditableStep[] = ['antragsteller', 'vorhaben', 'zeitplan', 'kosten', 'erklaerungen', 'anlagen'];

/** What changed since this advisor last marked the draft as reviewed (or since advice was asked for). */
async function changesForAdvisor(access: ApplicationAccess) {
  const { loaded, user } = access;
  const { row, data } = loaded;
  const db = await getDb();
  const mark = await reviewMark(db, row.id, user.id);
  const since = mark?.version ?? (await versionAtFirstRequest(db, row.id)) ?? 0;
  const events = await changesSince(db, row.id, since);
  const fieldChanges = netChanges(
    events
      .filter((e) => e.type.startsWith('step.') || e.type === 'imported')
      .map((e) => ({ at: e.at, by: e.user_name, changes: e.changes })),
  );
  const attachmentChanges = events
    .filter((e) => e.type.startsWith('attachment.'))
    .map((e) => ({
      at: formatDateTime(e.at),
      by: e.user_name ?? 'Gelöschtes Konto',
      what: `${e.type === 'attachment.uploaded' ? 'Hochgeladen' : 'Entfernt'}: ${String(e.details.fileName ?? 'Datei')} (${attachmentTypes.find((t) => t.id === e.details.docType)?.label ?? 'Anlage'})`,
    }));
  return {
    since: mark ? formatDateTime(mark.at) : null,
    fields: fieldChanges.map((c) => ({
      path: c.path,
      step: stepOfPath(c.path),
      label: describePath(c.path, data),
      before: describeValue(c.path, c.before),
      after: describeValue(c.path, c.after),
      at: formatDateTime(c.at),
      by: c.by ?? 'Gelöschtes Konto',
    })),
    attachments: attachmentChanges,
  };
}

/** The loader data of the advisor's page; `notice` is the page's `hinweis` parameter. */
export async function advisorPage(access: ApplicationAccess, notice: string | null) {
  const { loaded, advice, user } = access;
  const { row, data, context } = loaded;
  const db = await getDb();
  const actor = actorOf(user, row);
  const status = statusOf(advice);
  const assigned = isAssignedAdvisor(actor, advice.context);
  const result = await evaluateApplicationCached(`${row.id}:${row.version}`, data, context, loaded.rules);
  const summary = await checkAnswersView(loaded, result);
  const threads = await threadsFor(access);
  const organisation = await findOrganisation(db, row.organisation_id);
  const changes = await changesForAdvisor(access);
  const allAdvisors = await listAdvisors(db);
  const inAdvice = status === 'in_beratung';
  const mayTake = mayTakeDraft(actor, advice.context) && inAdvice;
  // Colleagues who may be brought in: none once two advise the draft.
  const addable =
    advice.context.advisors.length < 2
      ? allAdvisors.filter((a) => !advice.context.advisors.includes(a.id)).map((a) => ({ value: String(a.id), label: a.name }))
      : [];
  // The status forms the page shows, the one source for rendering them; the answer to any other
  // (sent from an older view, say after a colleague completed the advice) is shown without its form.
  const intents: AdviceIntent[] = [
    ...(mayTake ? (['beratung.uebernehmen'] as const) : []),
    ...(assigned && inAdvice ? (['beratung.zurueckgeben', 'beratung.abschliessen'] as const) : []),
    ...(assigned && inAdvice && addable.length ? (['beratung.hinzuziehen'] as const) : []),
  ];
  return {
    id: row.id,
    title: data.project.title?.trim() || 'Antrag ohne Titel',
    organisation: organisation?.name ?? '–',
    landkreis: organisation ? landkreisLabel[organisation.landkreis] : '–',
    status,
    statusLabel: adviceStatusLabel[status],
    reviewVersion: row.review_version,
    version: row.version,
    assigned,
    intents,
    readyForSubmission: status === 'beratung_abgeschlossen' && advice.context.readyForSubmission === true,
    changedSinceCompletion: await changedAfterCompletion(advice, row),
    advisors: await advisorNames(advice),
    addable: intents.includes('beratung.hinzuziehen') ? addable : [],
    history: await historyOf(advice),
    requestNote: [...advice.context.history].reverse().find((h) => h.to === 'in_beratung')?.reason ?? null,
    summary,
    threads,
    qualityChecks: await qualityChecksOfApplication(row.id),
    anchors: Object.fromEntries(stepOrder.map((step) => [step, anchorOptions(access, step)])),
    changes,
    notice,
    threadHints: (await hintsOf(db, row.id)).map((h) => ({
      id: h.id,
      link: `/netzwerk/themen/${h.threadId}`,
      title: h.title,
      note: h.note,
      by: h.advisorName ?? 'Gelöschtes Konto',
      at: formatDateTime(h.createdAt),
    })),
  };
}

export type AdvisorPage = Awaited<ReturnType<typeof advisorPage>>;

/** Whether the user advises this draft (only they comment, mark or point to threads). */
export function advisesDraft(access: ApplicationAccess): boolean {
  return isAssignedAdvisor(actorOf(access.user, access.loaded.row), access.advice.context);
}

/**
 * Marks the draft as reviewed up to `version` – exactly what the advisor saw; a version that is
 * not a whole number or lies in the future marks the current one. Changes saved since stay listed.
 */
export async function markReviewed(access: ApplicationAccess, version: number = access.loaded.row.version): Promise<void> {
  const current = access.loaded.row.version;
  await setReviewMark(
    await getDb(),
    access.loaded.row.id,
    access.user.id,
    Number.isInteger(version) && version <= current ? version : current,
  );
}
