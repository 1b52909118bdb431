import { findOrganisation } from '../../db/repositories/organisations';
import { findApplication } from '../../db/repositories/applications';
import { randomBytes } from 'node:crypto';
import {
  addGuestParticipant,
  addParticipant,
  applicationsOfQualityCheck,
  findGuestLink,
  findGuestParticipant,
  findParticipant,
  findQualityCheck,
  listParticipants,
  listQualityChecksOfOrganisation,
  contentRevision,
  loadContentArchive,
  participantSnapshotOf,
  qualityChecksOfApplicationRows,
  saveParticipant,
  type ParticipantWithName,
} from '../../db/repositories/quality-checks';
import type { DB } from '../../db/client';
import type { QualityCheckGuestLinkRow, QualityCheckParticipantRow, QualityCheckRow } from '../../db/schema';
import type { QualityAnnexInput } from '../../forms/qualitaetscheck/index';
import { currentPage, type QualityCheckEvent, type QualityCheckSnapshot } from '../../machines/qualitaetscheck/machine';
import { guestDisplayName, guestLinkStatus } from '../../machines/qualitaetscheck/guests';
import { advanceCheck, freshCheck, persistableCheck, restoreCheck, salvage } from '../../machines/qualitaetscheck/persistence';
import { respondentsText } from '../../machines/qualitaetscheck/report';
import { isPerspective, perspectiveInfo, type Perspective, type QualityCheckContent } from '../../machines/qualitaetscheck/schema';
import { answerProgress, combineProfiles, type CombinedProfile } from '../../machines/qualitaetscheck/scoring';
import { currentOf } from '../../machines/qualitaetscheck/versions';
import { formatDate } from '../../machines/shared/format';
import { readerOf } from '../access.server';
import { restoreAdvice } from '../beratung/advice.server';
import type { AttachedQualityCheck } from '../components/qualitaetscheck/attached-summary';
import { getDb } from '../db.server';
import { getUser, type CurrentUser } from '../session.server';
import { browserIdCookie, readBrowserId } from '../utils/cookies.server';
import { log } from '../utils/log.server';

/**
 * The QualitätsCheck in the app: content versions, who may open a check, loading and saving a
 * respondent's answers, the round's combined profile, and what a draft's readers (advisors, the
 * application PDF) get of attached checks.
 */

// ---- content versions ------------------------------------------------------------------------

// Kept per process, but checked against the stored versions on every use: a version published
// through another app instance is seen at once (several instances, ADR 0036).
let archiveCache: { revision: string; archive: Promise<QualityCheckContent[]> } | null = null;

/** Every content version, oldest first (cached while no version is published). */
export async function contentArchive(): Promise<QualityCheckContent[]> {
  const db = await getDb();
  const revision = await contentRevision(db);
  if (archiveCache?.revision !== revision) {
    const archive = loadContentArchive(db).then(({ archive, skipped }) => {
      for (const s of skipped) log('warn', 'qualitaetscheck.content_skipped', { version: s.version, errors: s.errors.slice(0, 5) });
      return archive;
    });
    archiveCache = { revision, archive };
    archive.catch(() => {
      if (archiveCache?.archive === archive) archiveCache = null;
    });
  }
  return archiveCache.archive;
}

/** Drops this process's copy at once (the next use would notice the new version anyway). */
export function forgetContentArchive(): void {
  archiveCache = null;
}

/** The version new checks start with. */
export async function currentContent(): Promise<QualityCheckContent> {
  return currentOf(await contentArchive());
}

/** The content a check is pinned to; the newest if its version is unknown (logged). */
export function contentOfCheck(
  archive: readonly QualityCheckContent[],
  check: Pick<QualityCheckRow, 'id' | 'content_version'>,
): QualityCheckContent {
  const found = archive.find((c) => c.version === check.content_version);
  if (found) return found;
  log('warn', 'qualitaetscheck.unknown_content_version', { check: check.id, version: check.content_version });
  return currentOf(archive);
}

// ---- the anonymous browser's check ---------------------------------------------------------------

/** Remembers the check of a browser without sign-in; 30 days, like the Förder-Check. */
export const anonymousCheckCookie = browserIdCookie('fl_qualitaetscheck');

export const anonymousCheckId = (request: Request) => readBrowserId(anonymousCheckCookie, request);

/** Remembers a guest's key (one per browser, for every round it was invited to); 30 days. */
export const guestCookie = browserIdCookie('fl_qc_gast');

export const guestKeyOf = (request: Request) => readBrowserId(guestCookie, request);

// ---- who may open a check ----------------------------------------------------------------------------

/**
 * Whether an advisor may read a draft, and with it the checks attached to it: the same rule as the
 * advice pages (`readerOf`, advice statechart `advisorMayRead`), so the two can never disagree.
 */
export async function advisorMayReadApplication(db: DB, user: CurrentUser, applicationId: number): Promise<boolean> {
  if (user.role !== 'advisor') return false;
  const row = await findApplication(db, applicationId);
  return row !== undefined && readerOf(user, row, restoreAdvice(row)) === 'advisor';
}

export type CheckAccess =
  /** A member of the owning organisation: answers, invites, attaches. */
  | { kind: 'member'; check: QualityCheckRow; user: CurrentUser & { organisation_id: number } }
  /** The browser that started the check without signing in. */
  | { kind: 'anonymous'; check: QualityCheckRow; user: CurrentUser | null }
  /** An advisor reading a check attached to a draft they may read. */
  | { kind: 'advisor'; check: QualityCheckRow; user: CurrentUser }
  /** Someone outside the organisation who joined through a guest link that is still valid. */
  | {
      kind: 'guest';
      check: QualityCheckRow;
      user: CurrentUser | null;
      participant: QualityCheckParticipantRow;
      link: QualityCheckGuestLinkRow;
    };

const notFound = () => new Response('Nicht gefunden', { status: 404 });

/**
 * The check and how the request may use it. Everyone else gets 404, so the existence of another
 * organisation's check is not revealed; `write` additionally refuses readers (403).
 */
export async function requireQualityCheck(request: Request, id: string | undefined, mode: 'read' | 'write'): Promise<CheckAccess> {
  if (!id || id.length > 100) throw notFound();
  const db = await getDb();
  const check = await findQualityCheck(db, id);
  if (!check) throw notFound();
  const user = await getUser(request);
  if (check.organisation_id !== null) {
    if (user?.role === 'applicant' && user.organisation_id === check.organisation_id) {
      return { kind: 'member', check, user: user as CurrentUser & { organisation_id: number } };
    }
    if (user?.role === 'advisor') {
      const attached = await applicationsOfQualityCheck(db, check.id);
      for (const application of attached) {
        if (await advisorMayReadApplication(db, user, application.id)) {
          if (mode === 'write')
            throw new Response('Als Beratung können Sie den QualitätsCheck lesen, aber nicht beantworten.', { status: 403 });
          return { kind: 'advisor', check, user };
        }
      }
    }
    const guest = await guestAccess(request, check, user);
    if (guest) return guest;
    throw notFound();
  }
  if ((await anonymousCheckId(request)) === check.id) return { kind: 'anonymous', check, user };
  throw notFound();
}

/**
 * The guest this browser is in the round, if the link they came through still lets them in. A
 * revoked or expired link ends their access (their answers stay in the round).
 */
async function guestAccess(request: Request, check: QualityCheckRow, user: CurrentUser | null): Promise<CheckAccess | null> {
  const key = await guestKeyOf(request);
  if (!key) return null;
  const db = await getDb();
  const participant = await findGuestParticipant(db, check.id, key);
  if (!participant) return null;
  const link = participant.guest_link_id === null ? undefined : await findGuestLink(db, participant.guest_link_id);
  if (!link || guestLinkStatus(link, new Date().toISOString()) !== 'aktiv') {
    throw new Response(
      'Ihr Gastzugang zu diesem QualitätsCheck ist abgelaufen oder wurde beendet. Ihre Antworten sind gespeichert. Wenn Sie weiter antworten möchten, bitten Sie die einladende Organisation um einen neuen Link.',
      { status: 403 },
    );
  }
  return { kind: 'guest', check, user, participant, link };
}

// ---- a respondent's answers ---------------------------------------------------------------------------

export interface LoadedRespondent {
  row: QualityCheckParticipantRow;
  snapshot: QualityCheckSnapshot;
  content: QualityCheckContent;
  archive: QualityCheckContent[];
}

const respondentUserId = (access: Exclude<CheckAccess, { kind: 'guest' }>) => (access.kind === 'anonymous' ? null : access.user.id);

/** The requesting person's own answers in this check; null when they have not joined (yet). */
export async function loadRespondent(access: CheckAccess): Promise<LoadedRespondent | null> {
  if (access.kind === 'advisor') return null;
  const db = await getDb();
  const row =
    access.kind === 'guest'
      ? await findGuestParticipant(db, access.check.id, access.participant.guest_key!)
      : await findParticipant(db, access.check.id, respondentUserId(access));
  if (!row || row.snapshot === null) return null;
  const archive = await contentArchive();
  const content = contentOfCheck(archive, access.check);
  return { row, snapshot: restoreCheck(participantSnapshotOf(row), content), content, archive };
}

/** Joins the round (or starts after an invitation) with a fresh check. */
export async function joinCheck(access: CheckAccess): Promise<void> {
  if (access.kind === 'advisor') throw new Response('Als Beratung können Sie den QualitätsCheck nicht beantworten.', { status: 403 });
  if (access.kind === 'guest') return; // a guest joined through the link already
  const db = await getDb();
  const content = contentOfCheck(await contentArchive(), access.check);
  const snapshot = freshCheck(content);
  await addParticipant(db, { checkId: access.check.id, userId: respondentUserId(access), snapshot: persistableCheck(snapshot, content) });
}

/**
 * A guest joins the round through a valid link: a respondent row of their own (keyed by their
 * browser), already in the perspective they chose. Returns where to go on and the cookie to set.
 */
export async function joinAsGuest(
  request: Request,
  link: QualityCheckGuestLinkRow,
  values: { name: string; perspective: Perspective },
): Promise<{ path: string; setCookie: string }> {
  const db = await getDb();
  const check = (await findQualityCheck(db, link.check_id))!;
  const key = (await guestKeyOf(request)) ?? randomBytes(18).toString('base64url');
  const existing = await findGuestParticipant(db, check.id, key);
  const setCookie = await guestCookie.serialize(key);
  if (existing) return { path: `/qualitaetscheck/${check.id}`, setCookie };
  const content = contentOfCheck(await contentArchive(), check);
  const snapshot = advanceCheck(freshCheck(content), content, [{ type: 'perspective.choose', perspective: values.perspective }]);
  await addGuestParticipant(db, {
    checkId: check.id,
    guestKey: key,
    name: values.name,
    linkId: link.id,
    snapshot: persistableCheck(snapshot, content),
    perspective: values.perspective,
  });
  return { path: `/qualitaetscheck/${check.id}/${currentPage(snapshot)}`, setCookie };
}

export function advance(loaded: LoadedRespondent, events: QualityCheckEvent[]): QualityCheckSnapshot {
  return advanceCheck(loaded.snapshot, loaded.content, events);
}

export async function saveRespondent(loaded: LoadedRespondent, snapshot: QualityCheckSnapshot): Promise<void> {
  await saveParticipant(await getDb(), loaded.row.id, {
    snapshot: persistableCheck(snapshot, loaded.content),
    perspective: snapshot.context.perspective,
  });
}

// ---- the round -----------------------------------------------------------------------------------------

export interface RoundRespondent {
  participantId: number;
  userId: number | null;
  name: string | null;
  /** Someone outside the organisation, through a guest link. */
  guest: boolean;
  perspective: Perspective | null;
  started: boolean;
  answered: number;
  total: number;
}

export interface Round {
  content: QualityCheckContent;
  respondents: RoundRespondent[];
  /** Everyone with a perspective and at least one answer on the scale. */
  combined: CombinedProfile;
}

function respondentOf(
  content: QualityCheckContent,
  p: ParticipantWithName,
): { respondent: RoundRespondent; answers: ReturnType<typeof salvage>['answers'] } {
  const { answers, perspective } = p.snapshot === null ? { answers: {}, perspective: null } : salvage(participantSnapshotOf(p));
  const known = isPerspective(perspective) ? perspective : null;
  const progress = known ? answerProgress(content, known, answers) : { answered: 0, total: 0 };
  return {
    respondent: {
      participantId: p.id,
      userId: p.user_id,
      name: p.guest_key !== null ? guestDisplayName(p.guest_name) : p.user_name,
      guest: p.guest_key !== null,
      perspective: known,
      started: p.snapshot !== null,
      ...progress,
    },
    answers,
  };
}

/** Everyone taking part and the combined profile, under the check's content version. */
export async function loadRound(check: QualityCheckRow): Promise<Round> {
  const db = await getDb();
  const content = contentOfCheck(await contentArchive(), check);
  const read = (await listParticipants(db, check.id)).map((p) => respondentOf(content, p));
  const combined = combineProfiles(
    content,
    read.flatMap(({ respondent, answers }) =>
      respondent.perspective && respondent.answered > 0
        ? [{ id: String(respondent.participantId), perspective: respondent.perspective, answers }]
        : [],
    ),
  );
  return { content, respondents: read.map((r) => r.respondent), combined };
}

// ---- what readers of a draft get -------------------------------------------------------------------------------

/**
 * The checks attached to a draft, each with its combined profile, for the draft's readers (the
 * task list, the advice view). Does not check access: the caller has already authorised reading
 * the draft. Personal notes are not included.
 */
export async function qualityChecksOfApplication(applicationId: number): Promise<AttachedQualityCheck[]> {
  const db = await getDb();
  const rows = await qualityChecksOfApplicationRows(db, applicationId);
  return Promise.all(
    rows.map(async (row) => {
      const round = await loadRound(row);
      const respondents = round.respondents.flatMap((r) =>
        r.perspective && r.answered > 0
          ? [{ perspective: r.perspective, perspectiveLabel: perspectiveInfo[r.perspective].label, answered: r.answered, total: r.total }]
          : [],
      );
      return {
        id: row.id,
        title: row.title,
        contentVersion: round.content.version,
        link: `/qualitaetscheck/${row.id}`,
        attachedAt: row.attached_at,
        attachedByName: row.attached_by_name,
        respondentsText: respondentsText(round.combined.respondentsByPerspective),
        respondents,
        combined: round.combined,
      };
    }),
  );
}

/** The annex input for the application PDF (`renderApplicationPdf({ …, qualityAnnex })`). */
export async function qualityAnnexOfApplication(applicationId: number): Promise<QualityAnnexInput[]> {
  const db = await getDb();
  const archive = await contentArchive();
  const attached = await qualityChecksOfApplication(applicationId);
  const rows = new Map((await qualityChecksOfApplicationRows(db, applicationId)).map((r) => [r.id, r]));
  return attached
    .filter((a) => a.combined.respondents > 0)
    .map((a) => ({
      title: a.title,
      content: contentOfCheck(archive, rows.get(a.id)!),
      combined: a.combined,
      respondents: a.respondents.map(({ perspective, answered, total }) => ({ perspective, answered, total })),
    }));
}

// ---- starting, attaching ----------------------------------------------------------------------------------------

/** A draft of the user's organisation (not in the bin), or null. */
export async function ownDraft(
  user: CurrentUser & { organisation_id: number },
  applicationId: number,
): Promise<{ id: number; title: string } | null> {
  if (!Number.isInteger(applicationId) || applicationId <= 0) return null;
  const row = await findApplication(await getDb(), applicationId);
  return row && row.organisation_id === user.organisation_id ? { id: row.id, title: row.title || 'Antrag ohne Titel' } : null;
}

/** The redirect after attaching or detaching: back to the draft's task list, or to the check. */
export function returnPath(formData: FormData, fallback: string): string {
  const back = formData.get('zurueck');
  return typeof back === 'string' && /^\/antraege\/\d+$/.test(back) ? back : fallback;
}

/** For a draft's task list: the attached checks and the organisation's other checks to attach. */
export async function qualityCheckPanelOf(user: CurrentUser & { organisation_id: number }, applicationId: number) {
  const attached = await qualityChecksOfApplication(applicationId);
  const ids = new Set(attached.map((a) => a.id));
  const own = await listQualityChecksOfOrganisation(await getDb(), user.organisation_id, user.id);
  return {
    attached,
    attachable: own.filter((c) => !ids.has(c.id)).map((c) => ({ id: c.id, title: c.title || `Ohne Namen (${formatDate(c.updated_at)})` })),
  };
}

/** The name of the check's organisation for its report; null for a check without one. */
export async function organisationNameOfCheck(check: { organisation_id: number | null }): Promise<string | null> {
  if (check.organisation_id === null) return null;
  return (await findOrganisation(await getDb(), check.organisation_id))?.name ?? null;
}
