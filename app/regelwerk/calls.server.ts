import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from '@remix-run/node';
import { listAudit, recordAudit } from '../../db/repositories/audit';
import { callValuesOf, createCallChange, listOpenCallChanges, proposedValues } from '../../db/repositories/call-changes';
import { findStoredCall, listStoredCalls } from '../../db/repositories/regelwerk';
import { callDifferences, callFormSchema, callIdFrom, callToForm } from '../../machines/frl/regelwerk/call-form';
import { formatDate, formatDateTime } from '../../machines/shared/format';
import { auditSummary } from '../components/regelwerk/audit';
import { getDb } from '../db.server';
import { askForApproval } from './workbench.server';
import { rulesOptions, todayInSaxony } from '../rules.server';
import type { CurrentUser } from '../session.server';
import { callStatusOn, effectiveOpening, type FundingCall } from '../../machines/frl/calls';
import { shippedCallIds } from '../../machines/frl/regelwerk/overlay';

/** Funding calls on the rules workbench: the list, one call's form and the proposal it saves (ADR 0013, 0024). */

/** The funding calls (/regelwerk/aufrufe): open proposals and every call with its state and origin. */
export async function fundingCallList(user: CurrentUser, url: URL) {
  const { calls } = await rulesOptions();
  const db = await getDb();
  const stored = new Set((await listStoredCalls(db)).map((c) => c.id));
  const proposals = await listOpenCallChanges(db);
  const today = todayInSaxony();
  const status = callStatusOn(calls, today);
  const currentId = status.status === 'open' || status.status === 'upcoming' ? status.call.id : null;
  return {
    mayEdit: user.role === 'ministry',
    notice: url.searchParams.get('hinweis'),
    proposals: proposals.map((p) => ({
      id: p.id,
      title: proposedValues(p).title,
      isNew: p.is_new === 1,
      at: formatDateTime(p.created_at),
      by: p.created_by_name ?? 'unbekannt',
    })),
    current:
      status.status === 'open' ? `offen bis ${formatDate(status.call.deadline)}` : status.status === 'upcoming' ? 'angekündigt' : null,
    calls: [...calls].reverse().map((c) => {
      const opens = effectiveOpening(calls, c);
      return {
        id: c.id,
        title: c.title,
        publishedOn: c.publishedOn,
        opens,
        opensAssumed: c.opensOn === null,
        deadline: c.deadline,
        current: c.id === currentId,
        state: c.deadline < today ? 'abgeschlossen' : opens > today ? 'angekündigt' : 'offen',
        origin: stored.has(c.id)
          ? shippedCallIds.has(c.id)
            ? 'mitgeliefert, im Regelwerk geändert'
            : 'im Regelwerk angelegt'
          : 'mitgeliefert',
      };
    }),
  };
}

const emptyCall: Omit<FundingCall, 'id'> = {
  title: '',
  issuedBy: 'SMS',
  publishedOn: null,
  opensOn: null,
  deadline: '',
  focusTopics: [],
  requiredDocuments: [
    'Antrag über das Förderportal der SAB',
    'Vorhabenbeschreibung',
    'Ausgaben- und Finanzierungsplan',
    'Eigenerklärungen',
  ],
  notes: '',
  source: '',
};

/** The call as it stands (stored over shipped), or null for "neu"; 404 for an unknown id. */
async function requireCall(id: string | undefined): Promise<{ call: FundingCall | null; version: number | null }> {
  if (id === 'neu') return { call: null, version: null };
  const { calls } = await rulesOptions();
  const call = calls.find((c) => c.id === id);
  if (!call) throw new Response('Nicht gefunden', { status: 404 });
  const stored = await findStoredCall(await getDb(), call.id);
  return { call, version: stored?.version ?? null };
}

/** One funding call's form (/regelwerk/aufrufe/:id, "neu" for a new one), optionally filled with an earlier version (`fassung`). */
export async function fundingCallPage(user: CurrentUser, idParam: string | undefined, url: URL) {
  const { call, version } = await requireCall(idParam);
  const db = await getDb();
  const history = call ? await listAudit(db, 'funding_call', call.id) : [];
  const open = call ? await listOpenCallChanges(db, call.id) : [];
  const requested = Number(url.searchParams.get('fassung'));
  const earlier = history.find((h) => h.id === requested);
  // An earlier version whose values cannot be read restores nothing: the form shows the call as it is.
  const earlierValues = earlier ? callValuesOf(earlier.details.before) : null;
  return {
    mayEdit: user.role === 'ministry',
    isNew: call === null,
    id: call?.id ?? 'neu',
    title: call?.title ?? 'Neuer Förderaufruf',
    version,
    values: callToForm(earlierValues ?? call ?? emptyCall),
    restoredFrom: earlierValues && earlier ? formatDateTime(earlier.at) : null,
    openProposals: open.map((p) => ({ id: p.id, at: formatDateTime(p.created_at), by: p.created_by_name ?? 'unbekannt' })),
    history: history.map((h) => ({
      id: h.id,
      at: formatDateTime(h.at),
      actor: h.actor_name ?? 'unbekannt',
      summary: auditSummary(h.action, h.details),
      hasBefore: Boolean(h.details.before),
    })),
  };
}

/**
 * Saves the posted form as a proposal for the call: it takes effect only when published (with four
 * eyes: by a second person). Refuses a stale form and a form that changes nothing.
 */
export async function proposeCallChange(user: CurrentUser, idParam: string | undefined, formData: FormData) {
  const { call, version } = await requireCall(idParam);
  const submission = parseWithZod(formData, { schema: callFormSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const posted = formData.get('version');
  const expected = typeof posted === 'string' && posted !== '' ? Number(posted) : null;
  if (expected !== version) {
    return data(
      {
        result: submission.reply({
          formErrors: [
            'Jemand hat diesen Förderaufruf inzwischen geändert. Ihre Eingaben stehen noch im Formular; laden Sie die Seite neu, um die neue Fassung zu sehen, und übertragen Sie Ihre Änderungen.',
          ],
        }),
      },
      { status: 409 },
    );
  }
  const db = await getDb();
  const open = await listOpenCallChanges(db);
  const taken = new Set([
    ...(await rulesOptions()).calls.map((c) => c.id),
    ...(await listStoredCalls(db)).map((c) => c.id),
    ...open.map((c) => c.call_id),
  ]);
  const id = call?.id ?? callIdFrom(submission.value.title, taken);
  const before = call ? (({ id: _id, ...rest }) => rest)(call) : null;
  if (before && callDifferences(before, submission.value).length === 0) {
    return data(
      { result: submission.reply({ formErrors: ['Sie haben nichts geändert; es gibt nichts zu veröffentlichen.'] }) },
      { status: 400 },
    );
  }
  // Saved as a proposal: it takes effect only when published (with four eyes: by a second person).
  const proposal = await db.transaction().execute(async (trx) => {
    const row = await createCallChange(
      trx,
      { callId: id, baseVersion: version, isNew: call === null, proposed: submission.value, before },
      user.id,
    );
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'regelwerk.aufruf.vorgeschlagen',
      subjectType: 'funding_call',
      subjectId: id,
      details: {
        summary: `Vorschlag Nr. ${row.id} angelegt: Förderaufruf „${submission.value.title}“ ${call ? 'ändern' : 'neu anlegen'}, Stichtag ${formatDate(submission.value.deadline)} (noch nicht veröffentlicht).`,
        proposal: row.id,
      },
    });
    await askForApproval(trx, {
      proposedBy: user.id,
      what: `einen Vorschlag für den Förderaufruf „${submission.value.title}“ (Vorschlag Nr. ${row.id})`,
      path: `/regelwerk/aufrufe/vorschlaege/${row.id}`,
    });
    return row;
  });
  return redirect(`/regelwerk/aufrufe/vorschlaege/${proposal.id}?hinweis=angelegt`);
}
