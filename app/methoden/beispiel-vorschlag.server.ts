import { recordAudit } from '../../db/repositories/audit';
import {
  findSubmission,
  findSubmissionByApplication,
  listSubmissions,
  setSubmissionStatus,
  submitExample,
} from '../../db/repositories/example-submissions';
import { notify } from '../../db/repositories/advice';
import { listOrganisationMembers, listUsers } from '../../db/repositories/users';
import type { ExampleSubmissionRow } from '../../db/schema';
import {
  prefilledSubmission,
  submissionFormOf,
  submissionStatusLabel,
  type SubmissionForm,
  type SubmissionStatus,
} from '../../machines/methoden/example-submission';
import type { GoodExample } from '../../machines/methoden/examples';
import { formatDate } from '../../machines/shared/format';
import { approvedTotalCents } from '../../machines/umsetzung/bescheid';
import { config } from '../config.server';
import { getDb } from '../db.server';
import { exampleCard } from './methoden.server';
import type { CurrentUser } from '../session.server';
import { isComplete, loadProof, type LoadedProof } from '../umsetzung/verwendungsnachweis.server';

/**
 * Wires the offer of a good example from a finished project (machines/methoden/example-submission.ts,
 * ADR 0069): the grantee's form prefilled from its own records, the editors' decision, and the
 * notifications of the other side. Only approved entries reach the public pages (methoden.server.ts).
 */

export async function loadOffer(user: CurrentUser & { organisation_id: number }, idParam: string | undefined) {
  const p = await loadProof(user, idParam);
  const submission = await findSubmissionByApplication(await getDb(), p.loaded.application.row.id);
  return { p, submission, finished: isComplete(p.problems) };
}
export type LoadedOffer = Awaited<ReturnType<typeof loadOffer>>;

/** The form: the stored entry if there is one, else the suggestion from the project's own records. */
export function offerForm(o: LoadedOffer, user: CurrentUser): SubmissionForm {
  const stored = o.submission?.example ?? null;
  if (stored) return submissionFormOf(stored);
  const { data } = o.p.loaded.application;
  const organisation = data.applicant.organisation;
  const b = o.p.loaded.bescheid;
  return prefilledSubmission({
    applicationId: o.p.loaded.application.row.id,
    title: o.p.projectTitle,
    summary: data.project.summary ?? '',
    goals: data.project.goals ?? '',
    place: organisation?.city ?? '',
    landkreis: organisation?.landkreis ?? null,
    organisationKind: organisation?.kind ?? null,
    fundingRoute: data.project.route ?? null,
    formatIds: data.project.formats.map((f) => f.format),
    periodEnd: b.periodEnd,
    approvedTotalCents: approvedTotalCents(b),
    participants: o.p.proof.participants ?? null,
    report: {
      bewertung: o.p.proof.report.bewertung ?? '',
      abweichungen: o.p.proof.report.abweichungen ?? '',
      ergebnisse: o.p.proof.report.ergebnisse ?? '',
    },
    contact: { name: user.name, email: user.email },
  });
}

export function submissionState(row: ExampleSubmissionRow | undefined) {
  if (!row) return null;
  const status = row.status as SubmissionStatus;
  return {
    status,
    label: submissionStatusLabel[status] ?? row.status,
    version: row.version,
    slug: row.slug,
    reason: row.reason,
    decidedOn: row.decided_at ? formatDate(row.decided_at.slice(0, 10)) : null,
  };
}

/** The offer's state for the project's task list (null: never offered). */
export async function exampleOfferState(applicationId: number) {
  return submissionState(await findSubmissionByApplication(await getDb(), applicationId));
}

type Outcome = { ok: true } | { ok: false; message: string };

const conflict =
  'Der Vorschlag wurde inzwischen an anderer Stelle geändert (vielleicht von der Redaktion). Bitte laden Sie die Seite neu; Ihre Eingaben stehen noch im Formular.';

async function editors(): Promise<number[]> {
  const users = await listUsers(await getDb());
  return users.filter((u) => (u.role === 'advisor' || u.role === 'ministry') && !u.disabled_at).map((u) => u.id);
}

/** The grantee offers the example (again): back to the editors, with a notification to them. */
export async function offerExample(
  user: CurrentUser,
  p: LoadedProof,
  example: GoodExample,
  expectedVersion: number | null,
): Promise<Outcome> {
  const db = await getDb();
  const applicationId = p.loaded.application.row.id;
  const editorIds = await editors();
  const saved = await db.transaction().execute(async (trx) => {
    const ok = await submitExample(trx, {
      applicationId,
      organisationId: p.loaded.row.organisation_id,
      slug: example.slug,
      data: example,
      userId: user.id,
      expectedVersion,
    });
    if (!ok) return false;
    const row = await findSubmissionByApplication(trx, applicationId);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'beispiel.vorgeschlagen',
      subjectType: 'example_submission',
      subjectId: row?.id ?? null,
    });
    const link = `/beispiele/redaktion/${row?.id}`;
    await notify(trx, {
      userIds: editorIds,
      applicationId: null,
      kind: 'beispiel.vorgeschlagen',
      text: `Neues gutes Beispiel zur Freigabe: „${example.title}“`,
      link,
      email: {
        subject: `Neues gutes Beispiel zur Freigabe: „${example.title}“`,
        body: `${p.organisation} schlägt „${example.title}“ als gutes Beispiel vor.\n\nZur Redaktion: ${config.publicUrl}${link}\n\nFörderlotse Bürgerbeteiligung`,
      },
    });
    return true;
  });
  return saved ? { ok: true } : { ok: false, message: conflict };
}

/** The grantee withdraws the offer (also a published entry: it leaves the public pages at once). */
export async function withdrawExample(user: CurrentUser, row: ExampleSubmissionRow, expectedVersion: number): Promise<Outcome> {
  const db = await getDb();
  const saved = await db.transaction().execute(async (trx) => {
    const ok = await setSubmissionStatus(trx, { id: row.id, expectedVersion, status: 'zurueckgezogen', userId: user.id, reason: null });
    if (ok)
      await recordAudit(trx, {
        actorUserId: user.id,
        action: 'beispiel.zurueckgezogen',
        subjectType: 'example_submission',
        subjectId: row.id,
      });
    return ok;
  });
  return saved ? { ok: true } : { ok: false, message: conflict };
}

// ---- editors -------------------------------------------------------------------------------------

export async function editorQueue() {
  const rows = await listSubmissions(await getDb());
  return rows.map((r) => {
    const { example } = r;
    const status = r.status as SubmissionStatus;
    return {
      id: r.id,
      title: example?.title ?? r.slug,
      organisation: r.organisation_name,
      status,
      statusLabel: submissionStatusLabel[status] ?? r.status,
      submittedOn: formatDate(r.submitted_at.slice(0, 10)),
      decidedOn: r.decided_at ? formatDate(r.decided_at.slice(0, 10)) : '',
    };
  });
}

const notFound = () => new Response('Nicht gefunden', { status: 404 });

export async function requireSubmission(idParam: string | undefined) {
  const id = Number(idParam);
  const row = Number.isInteger(id) && id > 0 ? await findSubmission(await getDb(), id) : undefined;
  if (!row) throw notFound();
  const { example } = row;
  if (!example) throw notFound();
  return { row, example, card: exampleCard(example) };
}

/** An editor publishes or declines (with a reason the grantee reads); the grantee is told either way. */
export async function decideSubmission(
  user: CurrentUser,
  row: ExampleSubmissionRow,
  example: GoodExample,
  decision: 'veroeffentlicht' | 'abgelehnt',
  reason: string | null,
  expectedVersion: number,
): Promise<Outcome> {
  const db = await getDb();
  const saved = await db.transaction().execute(async (trx) => {
    const ok = await setSubmissionStatus(trx, { id: row.id, expectedVersion, status: decision, userId: user.id, reason });
    if (!ok) return false;
    await recordAudit(trx, {
      actorUserId: user.id,
      action: decision === 'veroeffentlicht' ? 'beispiel.veroeffentlicht' : 'beispiel.abgelehnt',
      subjectType: 'example_submission',
      subjectId: row.id,
      details: reason ? { reason } : undefined,
    });
    const members = (await listOrganisationMembers(trx, row.organisation_id)).map((m) => m.id);
    const link = `/antraege/${row.application_id}/umsetzung/beispiel`;
    const text =
      decision === 'veroeffentlicht'
        ? `Ihr gutes Beispiel „${example.title}“ ist veröffentlicht`
        : `Ihr gutes Beispiel „${example.title}“ wurde nicht veröffentlicht`;
    await notify(trx, {
      userIds: members,
      applicationId: row.application_id,
      kind: `beispiel.${decision}`,
      text,
      link,
      email: {
        subject: text,
        body: `${text}.${reason ? `\n\nBegründung der Redaktion: ${reason}` : ''}\n\nZum Vorschlag: ${config.publicUrl}${link}\n\nFörderlotse Bürgerbeteiligung`,
      },
    });
    return true;
  });
  return saved
    ? { ok: true }
    : {
        ok: false,
        message: 'Über diesen Vorschlag wurde inzwischen anders entschieden, oder er wurde geändert. Bitte laden Sie die Seite neu.',
      };
}
