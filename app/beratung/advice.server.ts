import { listOrganisationMembers, namesByIds } from '../../db/repositories/users';
import { formatDateTime } from '../../machines/shared/format';
import { advisorsOf, changesSince, listAdvisors, notify, adviceSnapshotOf, saveAdviceStatus } from '../../db/repositories/advice';
import type { ApplicationRow } from '../../db/schema';
import {
  hasReason,
  isApplicantMember,
  isAdvisor,
  applyAdviceEvent,
  changedSinceCompletion,
  adviceStatusLabel,
  startAdvice,
  statusOf,
  type Actor,
  type AdviceEvent,
  type AdviceSnapshot,
} from '../../machines/frl/advice/machine';
import { config } from '../config.server';
import { getDb } from '../db.server';
import type { CurrentUser } from '../session.server';

export function restoreAdvice(row: Pick<ApplicationRow, 'review_snapshot'>): AdviceSnapshot {
  const stored = adviceSnapshotOf(row);
  if (stored !== undefined) {
    try {
      return startAdvice(stored);
    } catch {
      // A snapshot the machine cannot read falls back to the start; the row's status column and
      // the event log keep the history.
    }
  }
  return startAdvice();
}

export function actorOf(user: CurrentUser, row: Pick<ApplicationRow, 'organisation_id'>): Actor {
  return { role: user.role, userId: user.id, member: user.organisation_id === row.organisation_id };
}

/** Why the machine refused an event, in German (the state is left unchanged). */
function refusal(snapshot: AdviceSnapshot, event: AdviceEvent): string {
  const status = statusOf(snapshot);
  if (event.type === 'beratung.zurueckgeben' && isAdvisor(event.actor) && !hasReason(event.reason)) {
    return 'Bitte begründen Sie die Rückgabe in mindestens 10 Zeichen; die Begründung sieht die antragstellende Organisation.';
  }
  if (event.type === 'einreichung.erfassen' && isApplicantMember(event.actor)) {
    return 'Bitte geben Sie das Datum der Einreichung (TT.MM.JJJJ) und das Aktenzeichen der SAB an.';
  }
  if (event.type === 'beratung.uebernehmen' && snapshot.context.advisors.length > 0) {
    return 'Dieser Antrag wird bereits beraten. Bitten Sie die zuständige Beraterin oder den zuständigen Berater, Sie hinzuzuziehen.';
  }
  const allowed = snapshot.can(event);
  if (!allowed && (event.actor.role === 'ministry' || event.actor.role === 'admin')) {
    return 'Diese Aktion steht Ihrer Rolle nicht zu.';
  }
  return `Das ist im Stand „${adviceStatusLabel[status]}“ nicht möglich oder steht Ihrer Rolle nicht zu. Bitte laden Sie die Seite neu; vielleicht hat jemand anderes den Antrag gerade bearbeitet.`;
}

export type AdviceOutcome = { ok: true; snapshot: AdviceSnapshot } | { ok: false; message: string; conflict?: boolean };

/**
 * Sends one status event: refused events change nothing and explain why; accepted ones are saved
 * with their own optimistic version (two advisors acting at once: the second gets a message).
 */
export async function sendAdviceEvent(
  user: CurrentUser,
  row: ApplicationRow,
  event: AdviceEvent,
  expectedReviewVersion: number,
): Promise<AdviceOutcome> {
  const before = restoreAdvice(row);
  const { accepted, snapshot: after, persisted } = applyAdviceEvent(before, event);
  if (!accepted) return { ok: false, message: refusal(before, event) };
  const db = await getDb();
  const saved = await db.transaction().execute((trx) =>
    saveAdviceStatus(trx, {
      applicationId: row.id,
      expectedReviewVersion,
      applicationVersion: row.version,
      status: statusOf(after),
      snapshot: persisted,
      requestedAt: after.context.requestedAt,
      requestedAdvisorId: after.context.requestedAdvisor,
      advisors: after.context.advisors,
      userId: user.id,
      eventType: `status.${event.type}`,
      details: { from: statusOf(before), to: statusOf(after), ...('reason' in event && event.reason ? { reason: event.reason } : {}) },
    }),
  );
  if (!saved) {
    return {
      ok: false,
      conflict: true,
      message:
        'Der Stand des Antrags wurde inzwischen geändert. Bitte laden Sie die Seite neu und prüfen Sie, ob Ihre Aktion noch nötig ist.',
    };
  }
  await notifyStatusChange(user, row, before, after, event);
  return { ok: true, snapshot: after };
}

// ---- notifications -------------------------------------------------------------------------------

/**
 * Where a notification takes its recipient: organisation members to their application pages,
 * advisors to the advisor view (the other side's pages would answer 403 or 404), advisors who no
 * longer advise the draft to their queue.
 */
export const linkFor = {
  member: (id: number, step?: string) => (step ? `/antraege/${id}/${step}` : `/antraege/${id}`),
  advisor: (id: number) => `/beratung/${id}`,
  releasedAdvisor: () => '/beratung',
};

/**
 * One notification in the app and the same as an e-mail in the outbox, both with the link the
 * recipients may open (the e-mail's absolute, from the configured public address).
 */
async function tell(input: {
  userIds: number[];
  row: ApplicationRow;
  kind: string;
  text: string;
  link: string;
  subject: string;
  body: string;
}) {
  if (!input.userIds.length) return;
  const label = input.link === linkFor.releasedAdvisor() ? 'Zur Beratung' : 'Zum Antrag';
  await notify(await getDb(), {
    userIds: input.userIds,
    applicationId: input.row.id,
    kind: input.kind,
    text: input.text,
    link: input.link,
    email: { subject: input.subject, body: `${input.body}\n\n${label}: ${config.publicUrl}${input.link}\n\nFörderlotse Bürgerbeteiligung` },
  });
}

async function notifyStatusChange(
  user: CurrentUser,
  row: ApplicationRow,
  before: AdviceSnapshot,
  after: AdviceSnapshot,
  event: AdviceEvent,
) {
  const db = await getDb();
  const members = (await listOrganisationMembers(db, row.organisation_id)).map((m) => m.id).filter((id) => id !== user.id);
  const advisors = after.context.advisors.filter((id) => id !== user.id);
  const from = statusOf(before);
  const to = statusOf(after);
  const title = row.title || 'Antrag ohne Titel';
  const toMembers = (kind: string, text: string, subject: string, body: string) =>
    tell({ userIds: members, row, kind, text, link: linkFor.member(row.id), subject, body });
  const toAdvisors = (userIds: number[], kind: string, text: string, subject: string, body: string) =>
    tell({ userIds, row, kind, text, link: linkFor.advisor(row.id), subject, body });
  // Advisors the event released (advice ended, or asked of someone else): they can no longer open the draft.
  const released = before.context.advisors.filter((id) => !after.context.advisors.includes(id) && id !== user.id);
  switch (event.type) {
    case 'beratung.anfragen': {
      const recipients = after.context.advisors.length
        ? after.context.advisors
        : event.advisorId
          ? [event.advisorId]
          : (await listAdvisors(db)).map((a) => a.id);
      await toAdvisors(
        recipients,
        'beratung.angefragt',
        `Beratung angefragt: „${title}“`,
        `Beratung angefragt: ${title}`,
        `${user.name} bittet um Beratung zum Antrag „${title}“.${event.note ? `\n\nNachricht: ${event.note}` : ''}`,
      );
      const elsewhere = released.filter((id) => !recipients.includes(id));
      await tell({
        userIds: elsewhere,
        row,
        kind: 'beratung.abgegeben',
        text: `„${title}“ ist erneut zur Beratung gesendet, an jemand anderen. Sie beraten den Antrag nicht mehr.`,
        link: linkFor.releasedAdvisor(),
        subject: `Beratung abgegeben: ${title}`,
        body: `${user.name} hat den Antrag „${title}“ erneut zur Beratung gesendet, diesmal an jemand anderen. Sie beraten ihn nicht mehr und können ihn nicht mehr öffnen.`,
      });
      return;
    }
    case 'beratung.uebernehmen':
      await toMembers(
        'beratung.uebernommen',
        `${user.name} berät Ihren Antrag „${title}“.`,
        `Beratung übernommen: ${title}`,
        `${user.name} vom EBBS berät Ihren Antrag „${title}“.`,
      );
      return;
    case 'beratung.hinzuziehen':
      await toAdvisors(
        [event.advisorId],
        'beratung.hinzugezogen',
        `${user.name} zieht Sie zum Antrag „${title}“ hinzu.`,
        `Hinzugezogen: ${title}`,
        `${user.name} zieht Sie zur Beratung des Antrags „${title}“ hinzu.`,
      );
      return;
    case 'beratung.zurueckgeben':
      await toMembers(
        'status',
        `Zur Überarbeitung zurückgegeben: „${title}“`,
        `Zur Überarbeitung: ${title}`,
        `${user.name} hat Ihren Antrag „${title}“ zur Überarbeitung zurückgegeben.\n\nBegründung: ${event.reason}`,
      );
      return;
    case 'beratung.abschliessen':
      await toMembers(
        'status',
        `Beratung abgeschlossen: „${title}“${event.readyForSubmission ? ' – aus Sicht der Beratung einreichungsfähig' : ''}`,
        `Beratung abgeschlossen: ${title}`,
        `${user.name} hat die Beratung zu „${title}“ abgeschlossen.${event.readyForSubmission ? ' Aus Sicht der Beratung ist der Antrag einreichungsfähig.' : ''}${event.note ? `\n\n${event.note}` : ''}`,
      );
      return;
    case 'beratung.beenden':
      await toMembers(
        'status',
        `„${title}“: ${adviceStatusLabel[from]} → ${adviceStatusLabel[to]}`,
        `Beratung beendet: ${title}`,
        `${user.name} hat die Beratung zum Antrag „${title}“ beendet. Der Antrag ist wieder ein Entwurf, den nur Ihre Organisation sieht.`,
      );
      await tell({
        userIds: released,
        row,
        kind: 'status',
        text: `Die Organisation hat die Beratung zu „${title}“ beendet.`,
        link: linkFor.releasedAdvisor(),
        subject: `Beratung beendet: ${title}`,
        body: `${user.name} hat die Beratung zum Antrag „${title}“ beendet.${event.reason ? `\n\nBegründung: ${event.reason}` : ''}\n\nDer Antrag ist wieder ein Entwurf der Organisation; Sie können ihn nicht mehr öffnen.`,
      });
      return;
    default: {
      const text = `„${title}“: ${adviceStatusLabel[from]} → ${adviceStatusLabel[to]}`;
      const subject = `${adviceStatusLabel[to]}: ${title}`;
      const body = `Der Stand des Antrags „${title}“ ist jetzt „${adviceStatusLabel[to]}“ (vorher „${adviceStatusLabel[from]}“), geändert von ${user.name}.`;
      await toMembers('status', text, subject, body);
      await toAdvisors(advisors, 'status', text, subject, body);
    }
  }
}

/** Advisors and members to tell about a new comment (internal notes stay among advisors). */
export async function notifyComment(user: CurrentUser, row: ApplicationRow, internal: boolean, step: string) {
  const db = await getDb();
  const advisors = (await advisorsOf(db, row.id)).map((a) => a.id).filter((id) => id !== user.id);
  const members = (await listOrganisationMembers(db, row.organisation_id)).map((m) => m.id).filter((id) => id !== user.id);
  const title = row.title || 'Antrag ohne Titel';
  const toAdvisors = (text: string, subject: string, body: string) =>
    tell({ userIds: advisors, row, kind: 'kommentar', text, link: linkFor.advisor(row.id), subject, body });
  const toMembers = (text: string, subject: string, body: string) =>
    tell({ userIds: members, row, kind: 'kommentar', text, link: linkFor.member(row.id, step), subject, body });
  if (user.role === 'advisor') {
    const what = internal ? 'Interne Notiz' : 'Kommentar';
    await toAdvisors(
      `${what} von ${user.name} zu „${title}“`,
      `${what}: ${title}`,
      `${user.name} hat zum Antrag „${title}“ ${internal ? 'eine interne Notiz' : 'einen Kommentar'} geschrieben.`,
    );
    if (!internal)
      await toMembers(
        `Neuer Kommentar der Beratung zu „${title}“`,
        `Neuer Kommentar: ${title}`,
        `${user.name} hat Ihren Antrag „${title}“ kommentiert.`,
      );
  } else {
    const text = `Antwort von ${user.name} zu „${title}“`;
    const subject = `Antwort zu Kommentar: ${title}`;
    const body = `${user.name} hat auf einen Kommentar zum Antrag „${title}“ geantwortet.`;
    await toAdvisors(text, subject, body);
    await toMembers(text, subject, body);
  }
}

/**
 * Whether the draft was changed after the advice was completed: a later version that changed a
 * field or an attachment (a save without changes also counts a version up, but changes nothing).
 */
export async function changedAfterCompletion(advice: AdviceSnapshot, row: Pick<ApplicationRow, 'id' | 'version'>): Promise<boolean> {
  if (!changedSinceCompletion(advice.context, row.version)) return false;
  const events = await changesSince(await getDb(), row.id, advice.context.completedVersion ?? row.version);
  return events.some((e) => e.type.startsWith('attachment.') || e.changes.length > 0);
}

/** The status history with names, newest first, for the status panel and the advisor view. */
export async function historyOf(advice: AdviceSnapshot) {
  const names = await namesByIds(
    await getDb(),
    advice.context.history.map((h) => h.by),
  );
  return [...advice.context.history].reverse().map((h) => ({
    from: adviceStatusLabel[h.from],
    to: adviceStatusLabel[h.to],
    toStatus: h.to,
    at: formatDateTime(h.at),
    by: names.get(h.by)?.name ?? 'Gelöschtes Konto',
    byAdvice: names.get(h.by)?.role === 'advisor',
    reason: h.reason ?? null,
  }));
}

/** Advisors of the draft by name. */
export async function advisorNames(advice: AdviceSnapshot): Promise<string[]> {
  const names = await namesByIds(await getDb(), advice.context.advisors);
  return advice.context.advisors.map((id) => names.get(id)?.name ?? 'Gelöschtes Konto');
}
