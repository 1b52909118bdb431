import { listOrganisationMembers, namesByIds } from '../db/repositories/users';
import { formatDateTime } from '../machines/shared/format';
import { advisorsOf, listAdvisors, notify, saveReviewStatus } from '../db/repositories/review';
import type { ApplicationRow } from '../db/schema';
import {
  hasReason,
  isApplicantMember,
  isAdvisor,
  applyReviewEvent,
  reviewStatusLabel,
  startReview,
  statusOf,
  type Actor,
  type ReviewEvent,
  type ReviewSnapshot,
  type ReviewStatus,
} from '../machines/frl/review/machine';
import { config } from './config.server';
import { getDb } from './db.server';
import type { CurrentUser } from './session.server';

export function restoreReview(row: Pick<ApplicationRow, 'review_snapshot'>): ReviewSnapshot {
  if (row.review_snapshot) {
    try {
      return startReview(JSON.parse(row.review_snapshot));
    } catch {
      // A snapshot the machine cannot read falls back to the start; the row's status column and
      // the event log keep the history.
    }
  }
  return startReview();
}

export function actorOf(user: CurrentUser, row: Pick<ApplicationRow, 'organisation_id'>): Actor {
  return { role: user.role, userId: user.id, member: user.organisation_id === row.organisation_id };
}

/** Why the machine refused an event, in German (the state is left unchanged). */
function refusal(snapshot: ReviewSnapshot, event: ReviewEvent): string {
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
  return `Das ist im Stand „${reviewStatusLabel[status]}“ nicht möglich oder steht Ihrer Rolle nicht zu. Bitte laden Sie die Seite neu; vielleicht hat jemand anderes den Antrag gerade bearbeitet.`;
}

export type ReviewOutcome = { ok: true; snapshot: ReviewSnapshot } | { ok: false; message: string; conflict?: boolean };

/**
 * Sends one status event: refused events change nothing and explain why; accepted ones are saved
 * with their own optimistic version (two advisors acting at once: the second gets a message).
 */
export async function sendReviewEvent(user: CurrentUser, row: ApplicationRow, event: ReviewEvent, expectedReviewVersion: number): Promise<ReviewOutcome> {
  const before = restoreReview(row);
  const { accepted, snapshot: after, persisted } = applyReviewEvent(before, event);
  if (!accepted) return { ok: false, message: refusal(before, event) };
  const db = await getDb();
  const saved = await db.transaction().execute((trx) =>
    saveReviewStatus(trx, {
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
    return { ok: false, conflict: true, message: 'Der Stand des Antrags wurde inzwischen geändert. Bitte laden Sie die Seite neu und prüfen Sie, ob Ihre Aktion noch nötig ist.' };
  }
  await notifyStatusChange(user, row, statusOf(before), after, event);
  return { ok: true, snapshot: after };
}

async function notifyStatusChange(user: CurrentUser, row: ApplicationRow, from: ReviewStatus, after: ReviewSnapshot, event: ReviewEvent) {
  const db = await getDb();
  const members = (await listOrganisationMembers(db, row.organisation_id)).map((m) => m.id).filter((id) => id !== user.id);
  const advisors = after.context.advisors.filter((id) => id !== user.id);
  const to = statusOf(after);
  const title = row.title || 'Antrag ohne Titel';
  const memberLink = `/antraege/${row.id}`;
  const advisorLink = `/beratung/${row.id}`;
  const mail = (subject: string, body: string) => ({ subject, body: `${body}\n\nZum Antrag: ${config.publicUrl}${memberLink}\n\nFörderlotse Bürgerbeteiligung` });
  switch (event.type) {
    case 'beratung.anfragen': {
      const recipients = after.context.advisors.length
        ? after.context.advisors
        : event.advisorId
          ? [event.advisorId]
          : (await listAdvisors(db)).map((a) => a.id);
      await notify(db, {
        userIds: recipients,
        applicationId: row.id,
        kind: 'beratung.angefragt',
        text: `Beratung angefragt: „${title}“`,
        link: advisorLink,
        email: { subject: `Beratung angefragt: ${title}`, body: `${user.name} bittet um Beratung zum Antrag „${title}“.${event.note ? `\n\nNachricht: ${event.note}` : ''}\n\nZum Antrag: ${config.publicUrl}${advisorLink}\n\nFörderlotse Bürgerbeteiligung` },
      });
      return;
    }
    case 'beratung.uebernehmen':
      await notify(db, { userIds: members, applicationId: row.id, kind: 'beratung.uebernommen', text: `${user.name} berät Ihren Antrag „${title}“.`, link: memberLink, email: mail(`Beratung übernommen: ${title}`, `${user.name} vom EBBS berät Ihren Antrag „${title}“.`) });
      return;
    case 'beratung.hinzuziehen':
      await notify(db, { userIds: [event.advisorId], applicationId: row.id, kind: 'beratung.hinzugezogen', text: `${user.name} zieht Sie zum Antrag „${title}“ hinzu.`, link: advisorLink });
      return;
    case 'beratung.zurueckgeben':
      await notify(db, { userIds: members, applicationId: row.id, kind: 'status', text: `Zur Überarbeitung zurückgegeben: „${title}“`, link: memberLink, email: mail(`Zur Überarbeitung: ${title}`, `${user.name} hat Ihren Antrag „${title}“ zur Überarbeitung zurückgegeben.\n\nBegründung: ${event.reason}`) });
      return;
    case 'beratung.abschliessen':
      await notify(db, { userIds: members, applicationId: row.id, kind: 'status', text: `Beratung abgeschlossen: „${title}“${event.readyForSubmission ? ' – aus Sicht der Beratung einreichungsfähig' : ''}`, link: memberLink, email: mail(`Beratung abgeschlossen: ${title}`, `${user.name} hat die Beratung zu „${title}“ abgeschlossen.${event.readyForSubmission ? ' Aus Sicht der Beratung ist der Antrag einreichungsfähig.' : ''}${event.note ? `\n\n${event.note}` : ''}`) });
      return;
    default:
      await notify(db, {
        userIds: [...members, ...advisors],
        applicationId: row.id,
        kind: 'status',
        text: `„${title}“: ${reviewStatusLabel[from]} → ${reviewStatusLabel[to]}`,
        link: memberLink,
      });
  }
}

/** Advisors and members to tell about a new comment (internal notes stay among advisors). */
export async function notifyComment(user: CurrentUser, row: ApplicationRow, internal: boolean, step: string) {
  const db = await getDb();
  const advisors = (await advisorsOf(db, row.id)).map((a) => a.id).filter((id) => id !== user.id);
  const title = row.title || 'Antrag ohne Titel';
  if (user.role === 'advisor') {
    if (advisors.length) await notify(db, { userIds: advisors, applicationId: row.id, kind: 'kommentar', text: `${internal ? 'Interne Notiz' : 'Kommentar'} von ${user.name} zu „${title}“`, link: `/beratung/${row.id}` });
    if (!internal) {
      const members = (await listOrganisationMembers(db, row.organisation_id)).map((m) => m.id);
      await notify(db, {
        userIds: members,
        applicationId: row.id,
        kind: 'kommentar',
        text: `Neuer Kommentar der Beratung zu „${title}“`,
        link: `/antraege/${row.id}/${step}`,
        email: { subject: `Neuer Kommentar: ${title}`, body: `${user.name} hat Ihren Antrag „${title}“ kommentiert.\n\nZum Abschnitt: ${config.publicUrl}/antraege/${row.id}/${step}\n\nFörderlotse Bürgerbeteiligung` },
      });
    }
  } else {
    const members = (await listOrganisationMembers(db, row.organisation_id)).map((m) => m.id).filter((id) => id !== user.id);
    await notify(db, { userIds: [...advisors, ...members], applicationId: row.id, kind: 'kommentar', text: `Antwort von ${user.name} zu „${title}“`, link: `/beratung/${row.id}` });
  }
}

/** The status history with names, newest first, for the status panel and the advisor view. */
export async function historyOf(review: ReviewSnapshot) {
  const names = await namesByIds(await getDb(), review.context.history.map((h) => h.by));
  return [...review.context.history].reverse().map((h) => ({
    from: reviewStatusLabel[h.from],
    to: reviewStatusLabel[h.to],
    toStatus: h.to,
    at: formatDateTime(h.at),
    by: names.get(h.by)?.name ?? 'Gelöschtes Konto',
    byAdvice: names.get(h.by)?.role === 'advisor',
    reason: h.reason ?? null,
  }));
}

/** Advisors of the draft by name. */
export async function advisorNames(review: ReviewSnapshot): Promise<string[]> {
  const names = await namesByIds(await getDb(), review.context.advisors);
  return review.context.advisors.map((id) => names.get(id)?.name ?? 'Gelöschtes Konto');
}
