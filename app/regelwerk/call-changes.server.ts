import {
  discardCallChange,
  proposedValues,
  valuesBefore,
  findCallChange,
  markCallChangePublished,
  type CallChangeWithNames,
} from '../../db/repositories/call-changes';
import { recordAudit } from '../../db/repositories/audit';
import { callStatusOn, type FundingCall } from '../../machines/frl/calls';
import { callDifferences } from '../../machines/frl/regelwerk/call-form';
import { formatDate, formatDateTime } from '../../machines/shared/format';
import { approvalView, changePreviewView } from './change-preview.server';
import { changeStatusLabel } from '../components/regelwerk/changes';
import { getDb } from '../db.server';
import {
  previewDigest,
  draftsForPreview,
  staleConfirmationMessage,
  storeRecheckedColumns,
  suiteCases,
  type ChangePreview,
  type PublishOutcome,
} from './workbench.server';
import { rulesOptions, todayInSaxony, rulesIn, type RulesInForce } from '../rules.server';
import type { CurrentUser } from '../session.server';
import { saveCall } from '../../db/repositories/regelwerk';
import { namesByIds } from '../../db/repositories/users';
import { approvalDecision, approvalSentence } from '../../machines/frl/regelwerk/approval';
import { callsWithOverrides } from '../../machines/frl/regelwerk/overlay';
import { previewDrafts, previewSuite, type Rules } from '../../machines/frl/regelwerk/preview';
import { config } from '../config.server';

/**
 * Publishing a proposed funding call (docs/decisions/0024): the same confirmation and four-eyes
 * approval as a parameter value. A call takes effect the moment it is published (the Förder-Check
 * and every draft show the call open today), so the preview compares today.
 */

/** The proposal named in the address, or 404. */
export async function requireCallChange(param: string | undefined): Promise<CallChangeWithNames> {
  const id = Number(param);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Nicht gefunden', { status: 404 });
  const change = await findCallChange(await getDb(), id);
  if (!change) throw new Response('Nicht gefunden', { status: 404 });
  return change;
}

const proposedCall = (change: CallChangeWithNames): FundingCall => ({ id: change.call_id, ...proposedValues(change) });

/** The rules with the proposed call in place of the one it changes (or added, when new). */
export function rulesWithCall(current: RulesInForce, call: FundingCall): Rules & { calls: FundingCall[] } {
  return { parameters: current.parameters, calls: callsWithOverrides(current.calls, [call]) };
}

export async function previewCallChange(change: CallChangeWithNames): Promise<ChangePreview> {
  const db = await getDb();
  const current = await rulesOptions();
  const proposed = rulesWithCall(current, proposedCall(change));
  const today = todayInSaxony();
  const { drafts, unreadable } = await draftsForPreview(db);
  const byId = new Map(drafts.map((d) => [d.id, d]));
  return {
    effectiveFrom: today,
    suite: previewSuite(suiteCases(), current, proposed),
    drafts: previewDrafts(drafts, today, current, proposed).map((d) => ({ ...d, route: byId.get(d.id)?.route ?? null })),
    checkedDrafts: drafts.length,
    unreadableDrafts: unreadable,
  };
}

/** Thrown inside the transaction when the call was saved by someone else since the proposal. */
class CallMovedOn extends Error {}

/**
 * Publishes a proposed call once approved: writes it to `funding_calls` against the version it was
 * proposed for (no silent overwrite of a call changed meanwhile), re-checks the drafts' stored
 * results with the new call, and audits who proposed and who approved.
 */
export async function publishCallChange(
  id: number,
  userId: number,
  options: { confirmedDigest?: string; fourEyes?: boolean } = {},
): Promise<PublishOutcome> {
  const db = await getDb();
  const change = await findCallChange(db, id);
  if (change?.status !== 'entwurf')
    return { ok: false, message: 'Dieser Vorschlag wartet nicht mehr auf Freigabe; er wurde bereits veröffentlicht oder verworfen.' };
  const approval = approvalDecision({ fourEyes: options.fourEyes ?? config.fourEyes, proposedBy: change.created_by, approver: userId });
  if (!approval.allowed) return { ok: false, message: approval.reason };
  const preview = await previewCallChange(change);
  if (options.confirmedDigest !== undefined && options.confirmedDigest !== previewDigest(preview)) {
    return { ok: false, stale: true, message: staleConfirmationMessage };
  }
  const call = proposedCall(change);
  const names = await namesByIds(db, [userId, ...(change.created_by === null ? [] : [change.created_by])]);
  const proposer = change.created_by === null ? 'unbekannt' : (names.get(change.created_by)?.name ?? 'unbekannt');
  const approver = names.get(userId)?.name ?? 'unbekannt';
  const today = todayInSaxony();
  try {
    const updated = await db.transaction().execute(async (trx) => {
      if (!(await markCallChangePublished(trx, id, userId, approval.mode))) return null;
      if (!(await saveCall(trx, call, userId, change.base_version))) throw new CallMovedOn();
      await recordAudit(trx, {
        actorUserId: userId,
        action: change.is_new ? 'regelwerk.aufruf.angelegt' : 'regelwerk.aufruf.geaendert',
        subjectType: 'funding_call',
        subjectId: call.id,
        details: {
          summary: `Förderaufruf „${call.title}“ ${change.is_new ? 'angelegt' : 'geändert'} (Vorschlag Nr. ${id}), ${approvalSentence(approval.mode, proposer, approver)}: Stichtag ${formatDate(call.deadline)}.`,
          proposal: id,
          approval: approval.mode,
          proposedBy: change.created_by,
          approvedBy: userId,
          before: valuesBefore(change),
          after: proposedValues(change),
        },
      });
      const { drafts } = await draftsForPreview(trx);
      return storeRecheckedColumns(trx, drafts, await rulesIn(trx), today);
    });
    if (updated === null) return { ok: false, message: 'Dieser Vorschlag wurde inzwischen bereits veröffentlicht oder verworfen.' };
    return { ok: true, publication: id, changedDrafts: preview.drafts.length, updatedDrafts: updated.length };
  } catch (error) {
    if (!(error instanceof CallMovedOn)) throw error;
    return {
      ok: false,
      message:
        'Der Förderaufruf wurde geändert, nachdem dieser Vorschlag angelegt wurde. Verwerfen Sie den Vorschlag und legen Sie die Änderung auf der neuen Fassung noch einmal an.',
    };
  }
}

/** "7. Förderaufruf (Stichtag 31.03.2027)", or that none is open. */
function shownCall(calls: FundingCall[], today: string): string {
  const status = callStatusOn(calls, today);
  if (status.status === 'open') return `„${status.call.title}“, offen bis ${formatDate(status.call.deadline)}`;
  if (status.status === 'upcoming')
    return `„${status.call.title}“, angekündigt ab ${formatDate(status.call.opensOn ?? status.call.deadline)}`;
  return 'kein offener oder angekündigter Förderaufruf';
}

/** One proposal for a funding call (/regelwerk/aufrufe/vorschlaege/:nr): what it changes, what the Förder-Check shows before and after, the preview while it waits and the approval. */
export async function callChangePage(user: CurrentUser, url: URL, nrParam: string | undefined) {
  const change = await requireCallChange(nrParam);
  const proposed = proposedValues(change);
  const pending = change.status === 'entwurf';
  const preview = pending ? await previewCallChange(change) : null;
  const current = await rulesOptions();
  const today = todayInSaxony();
  return {
    mayEdit: user.role === 'ministry',
    notice: url.searchParams.get('hinweis'),
    proposal: {
      id: change.id,
      callId: change.call_id,
      isNew: change.is_new === 1,
      title: proposed.title,
      status: changeStatusLabel(change.status),
      createdAt: formatDateTime(change.created_at),
      createdBy: change.created_by_name ?? 'unbekannt',
      decidedAt: change.decided_at ? formatDateTime(change.decided_at) : null,
      decidedBy: change.decided_by_name ?? 'unbekannt',
      published: change.status === 'veroeffentlicht',
    },
    differences: callDifferences(valuesBefore(change), proposed),
    shown: pending
      ? { now: shownCall(current.calls, today), after: shownCall(rulesWithCall(current, { id: change.call_id, ...proposed }).calls, today) }
      : null,
    approval: approvalView(change, user),
    preview: preview ? changePreviewView(preview) : null,
    digest: preview ? previewDigest(preview) : null,
  };
}

/** Discards a proposal that still waits for approval (nothing is published); false when it no longer waits. */
export async function discardCallProposal(user: CurrentUser, change: CallChangeWithNames): Promise<boolean> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    if (!(await discardCallChange(trx, change.id, user.id))) return false;
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'regelwerk.aufruf.verworfen',
      subjectType: 'funding_call',
      subjectId: change.call_id,
      details: {
        summary: `Vorschlag Nr. ${change.id} für den Förderaufruf „${proposedValues(change).title}“ verworfen (nicht veröffentlicht).`,
        proposal: change.id,
      },
    });
    return true;
  });
}
