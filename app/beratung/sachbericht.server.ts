import { findOrganisation } from '../../db/repositories/organisations';
import { reportQuestions } from '../../machines/umsetzung/verwendungsnachweis';
import { assessmentOf, proofOf, proofRows } from '../umsetzung/verwendungsnachweis.server';
import { recordAudit } from '../../db/repositories/audit';
import { findImplementationByApplication, listProofReviews, saveProofReview } from '../../db/repositories/implementations';
import { listAdvisors, notify } from '../../db/repositories/advice';
import { listOrganisationMembers, namesByIds } from '../../db/repositories/users';
import type { ImplementationRow } from '../../db/schema';
import { landkreisLabel, type Landkreis } from '../../machines/shared/organisation';
import {
  applyProofReviewEvent,
  proofReviewRefusal,
  proofReviewStatusLabel,
  proofReviewStatusOf,
  restoreProofReview,
  type ProofReviewEvent,
  type ProofReviewSnapshot,
} from '../../machines/umsetzung/sachbericht-beratung';
import { formatDate } from '../../machines/shared/format';
import { findApplicationRow, loadApplication } from '../antrag/application.server';
import { config } from '../config.server';
import { getDb } from '../db.server';
import type { CurrentUser } from '../session.server';
import { implementationContextOf, withBescheid, type Implementation } from '../umsetzung/implementation.server';

/**
 * Wires the advisor review of a Sachbericht (machines/umsetzung/sachbericht-beratung.ts, ADR 0068)
 * to the implementation row: who may read it, one event per POST saved with its own version, the
 * audit trail and the notifications of the other side.
 */

export const proofReviewOf = (row: Pick<ImplementationRow, 'proof_review'>) => restoreProofReview(row.proof_review);

/** Advisors read a Sachbericht they were asked for: any advisor while it waits, afterwards only the one who took it. */
export function advisorMayReadProof(user: CurrentUser, review: ProofReviewSnapshot): boolean {
  if (user.role !== 'advisor') return false;
  const status = proofReviewStatusOf(review);
  if (status === 'angefragt') return true;
  return (status === 'in_beratung' || status === 'rueckmeldung') && review.context.advisorId === user.id;
}

const notFound = () => new Response('Nicht gefunden', { status: 404 });

/** The implementation for the advisor view; 404 for everything the advisor may not read (ids reveal nothing). */
export async function requireProofForAdvisor(user: CurrentUser, idParam: string | undefined): Promise<Implementation> {
  if (user.role !== 'advisor') throw notFound();
  const row = await findApplicationRow(idParam);
  if (!row) throw notFound();
  const implementation = await findImplementationByApplication(await getDb(), row.id);
  if (!implementation || !advisorMayReadProof(user, proofReviewOf(implementation))) throw notFound();
  return withBescheid(await implementationContextOf(await loadApplication(row)));
}

export type ProofReviewOutcome = { ok: true; snapshot: ProofReviewSnapshot } | { ok: false; message: string };

const actionLabel: Record<ProofReviewEvent['type'], string> = {
  anfragen: 'sachbericht.beratung_angefragt',
  zuruecknehmen: 'sachbericht.beratung_zurueckgenommen',
  uebernehmen: 'sachbericht.beratung_uebernommen',
  rueckmelden: 'sachbericht.rueckmeldung',
};

/**
 * Sends one event: a refused one changes nothing and says why; an accepted one is saved with the
 * audit entry and the notifications in one transaction, if nobody acted since `expectedVersion`.
 */
export async function sendProofReviewEvent(
  user: CurrentUser,
  impl: Implementation,
  event: ProofReviewEvent,
  expectedVersion: number,
  title: string,
): Promise<ProofReviewOutcome> {
  const before = proofReviewOf(impl.row);
  const applied = applyProofReviewEvent(before, event);
  if (!applied.accepted) return { ok: false, message: proofReviewRefusal(before, event) };
  const after = applied.snapshot;
  const db = await getDb();
  const applicationId = impl.application.row.id;
  const saved = await db.transaction().execute(async (trx) => {
    const ok = await saveProofReview(trx, {
      id: impl.row.id,
      expectedVersion,
      status: proofReviewStatusOf(after),
      snapshot: applied.persisted,
    });
    if (!ok) return false;
    await recordAudit(trx, {
      actorUserId: user.id,
      action: actionLabel[event.type],
      subjectType: 'implementation',
      subjectId: impl.row.id,
      details: { from: proofReviewStatusOf(before), to: proofReviewStatusOf(after) },
    });
    const tell = async (userIds: number[], kind: string, text: string, link: string) =>
      notify(trx, {
        userIds: userIds.filter((id) => id !== user.id),
        applicationId,
        kind,
        text,
        link,
        email: {
          subject: text,
          body: `${text}\n\nZum Sachbericht: ${config.publicUrl}${link}\n\nFörderlotse Bürgerbeteiligung`,
        },
      });
    const members = async () => (await listOrganisationMembers(trx, impl.row.organisation_id)).map((m) => m.id);
    const memberLink = `/antraege/${applicationId}/umsetzung/verwendungsnachweis#beratung`;
    const advisorLink = `/beratung/verwendungsnachweis/${applicationId}`;
    if (event.type === 'anfragen') {
      const advisors = (await listAdvisors(trx)).map((a) => a.id);
      await tell(advisors, 'sachbericht.angefragt', `Bitte um Durchsicht des Sachberichts „${title}“`, advisorLink);
    } else if (event.type === 'uebernehmen') {
      await tell(await members(), 'sachbericht.uebernommen', `Die EBBS-Beratung sieht den Sachbericht „${title}“ durch`, memberLink);
    } else if (event.type === 'rueckmelden') {
      await tell(await members(), 'sachbericht.rueckmeldung', `Rückmeldung der EBBS-Beratung zum Sachbericht „${title}“`, memberLink);
    } else if (event.type === 'zuruecknehmen' && before.context.advisorId !== null) {
      await tell(
        [before.context.advisorId],
        'sachbericht.zurueckgenommen',
        `Die Bitte um Durchsicht von „${title}“ wurde zurückgenommen`,
        '/beratung',
      );
    }
    return true;
  });
  if (!saved)
    return {
      ok: false,
      message:
        'Der Stand der Beratung wurde inzwischen geändert (vielleicht von jemand anderem). Bitte laden Sie die Seite neu und prüfen Sie, ob Ihre Aktion noch nötig ist.',
    };
  return { ok: true, snapshot: after };
}

/** What the grantee's page shows of the review: status, who advises, the latest feedback. */
export async function proofReviewView(impl: Implementation) {
  const review = proofReviewOf(impl.row);
  const status = proofReviewStatusOf(review);
  const { advisorId, feedback, requestedAt, message } = review.context;
  const ids = [advisorId, feedback?.advisorId].filter((x): x is number => x !== null && x !== undefined);
  const names = await namesByIds(await getDb(), ids);
  const nameOf = (id: number) => names.get(id)?.name ?? 'EBBS-Beratung';
  return {
    status,
    statusLabel: proofReviewStatusLabel[status],
    version: impl.row.proof_review_version,
    advisor: advisorId !== null ? nameOf(advisorId) : null,
    requestedOn: requestedAt ? formatDate(requestedAt.slice(0, 10)) : null,
    message,
    feedback: feedback
      ? {
          by: nameOf(feedback.advisorId),
          on: formatDate(feedback.at.slice(0, 10)),
          note: feedback.note,
          comments: feedback.comments as Record<string, string>,
        }
      : null,
  };
}

/** The advisor's list: Sachberichte waiting for anyone, and those this advisor took. */
export async function proofReviewQueue(user: CurrentUser) {
  const rows = await listProofReviews(await getDb());
  return rows
    .map((r) => ({ row: r, review: restoreProofReview(r.proof_review) }))
    .filter(({ review }) => advisorMayReadProof(user, review))
    .map(({ row, review }) => ({
      id: row.application_id,
      title: row.title || 'Antrag ohne Titel',
      organisation: row.organisation_name,
      landkreis: landkreisLabel[row.landkreis as Landkreis] ?? row.landkreis,
      status: proofReviewStatusLabel[proofReviewStatusOf(review)],
      requestedAt: review.context.requestedAt ? formatDate(review.context.requestedAt.slice(0, 10)) : '–',
      mine: review.context.advisorId === user.id,
    }));
}

/**
 * The advisor's page of a Sachbericht the grantee asked them to read (issue 19 Nr. 5): the report
 * as saved, the figures for context and the review so far; `notice` is the page's `hinweis` parameter.
 */
export async function advisorProofPage(user: CurrentUser, idParam: string | undefined, notice: string | null) {
  const impl = await requireProofForAdvisor(user, idParam);
  const p = await proofOf(impl);
  const organisation = await findOrganisation(await getDb(), impl.row.organisation_id);
  const review = await proofReviewView(impl);
  return {
    id: impl.application.row.id,
    title: p.projectTitle,
    organisation: p.organisation,
    landkreis: organisation ? (landkreisLabel[organisation.landkreis as Landkreis] ?? organisation.landkreis) : '',
    fileNumber: impl.bescheid.fileNumber,
    part: impl.bescheid.programmePart,
    answers: reportQuestions.map((q) => ({ id: q.id, label: q.label, clauses: q.clauses.join(', '), text: p.proof.report[q.id] ?? '' })),
    participants: p.proof.participants,
    rows: proofRows(p.numbers),
    assessment: assessmentOf(p.numbers, impl.bescheid.grantCents, !p.facts.purposeFulfilledOn),
    review,
    notice,
  };
}
