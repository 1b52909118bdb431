import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { listApplications } from '../../db/repositories/applications';
import {
  addParticipant,
  applicationsOfQualityCheck,
  attachQualityCheck,
  createGuestLink,
  detachQualityCheck,
  listGuestLinks,
  revokeGuestLink,
  touchQualityCheck,
} from '../../db/repositories/quality-checks';
import { notify } from '../../db/repositories/advice';
import { listOrganisationMembers } from '../../db/repositories/users';
import { attachFormSchema, guestLinkFormSchema, inviteFormSchema } from '../../machines/qualitaetscheck/form';
import { guestLinkExpiry, guestLinkStatus, guestLinkStatusLabel, guestLinkValidityDays } from '../../machines/qualitaetscheck/guests';
import { currentPage } from '../../machines/qualitaetscheck/machine';
import { respondentsText } from '../../machines/qualitaetscheck/report';
import { perspectiveInfo } from '../../machines/qualitaetscheck/schema';
import { compareVersionLabels, currentOf } from '../../machines/qualitaetscheck/versions';
import { formatDate, formatDateTime } from '../../machines/shared/format';
import { readProtectedForm } from '../csrf.server';
import { config } from '../config.server';
import { getDb } from '../db.server';
import { qualityCheckInvitation } from '../notification-texts';
import {
  advisorMayReadApplication,
  contentArchive,
  joinCheck,
  loadRespondent,
  loadRound,
  ownDraft,
  requireQualityCheck,
  returnPath,
  type CheckAccess,
} from './quality-check.server';

/** One QualitätsCheck's start page (/qualitaetscheck/:id): the round, invitations, guest links, attached drafts, and their actions (ADR 0015, 0029). */

type MemberAccess = Extract<CheckAccess, { kind: 'member' }>;

export async function qualityCheckPage({ request, params }: LoaderFunctionArgs) {
  const access = await requireQualityCheck(request, params.id, 'read');
  const { check } = access;
  const own = await loadRespondent(access);
  // A check without an organisation has one respondent and nothing to share: straight to it.
  // So has a guest: their own answers are all they see of the round.
  if (access.kind === 'anonymous' || access.kind === 'guest')
    throw redirect(`/qualitaetscheck/${check.id}/${own ? currentPage(own.snapshot) : 'perspektive'}`);
  const db = await getDb();
  const round = await loadRound(check);
  const archive = await contentArchive();
  const newest = currentOf(archive);
  const attached = await applicationsOfQualityCheck(db, check.id);
  const base = {
    id: check.id,
    title: check.title,
    version: round.content.version,
    respondentsText: respondentsText(round.combined.respondentsByPerspective),
    respondents: round.respondents.map((r) => ({
      id: r.participantId,
      name: r.name ?? 'Ohne Namen',
      guest: r.guest,
      perspective: r.perspective ? perspectiveInfo[r.perspective].label : null,
      started: r.started,
      answered: r.answered,
      total: r.total,
    })),
    combined: round.combined,
    notice: new URL(request.url).searchParams.get('hinweis'),
  };
  if (access.kind === 'advisor') {
    const readable = [];
    for (const a of attached)
      if (await advisorMayReadApplication(db, access.user, a.id)) readable.push({ id: a.id, title: a.title || 'Antrag ohne Titel' });
    return { ...base, kind: 'advisor' as const, attached: readable };
  }
  const { user } = access as MemberAccess;
  const members = await listOrganisationMembers(db, user.organisation_id);
  const taking = new Set(round.respondents.map((r) => r.userId));
  const drafts = await listApplications(db, user.organisation_id, { deleted: false });
  const now = new Date().toISOString();
  const attachedIds = new Set(attached.map((a) => a.id));
  return {
    ...base,
    kind: 'member' as const,
    own: own ? { page: currentPage(own.snapshot), hasResult: own.snapshot.context.visited.includes('ergebnis') } : null,
    invited: !own && taking.has(user.id),
    colleagues: members
      .filter((m) => m.id !== user.id && !taking.has(m.id) && !m.disabled_at)
      .map((m) => ({ value: String(m.id), label: m.name })),
    attached: attached.map((a) => ({ id: a.id, title: a.title || 'Antrag ohne Titel', attachedAt: formatDate(a.attached_at) })),
    drafts: drafts
      .filter((d) => !attachedIds.has(d.id))
      .map((d) => ({ value: String(d.id), label: d.title || `Antrag ohne Titel (Nr. ${d.id})` })),
    newerVersion: compareVersionLabels(newest.version, round.content.version) > 0 ? newest.version : null,
    guestLinks: (await listGuestLinks(db, check.id)).map((link) => {
      const status = guestLinkStatus(link, now);
      return {
        id: link.id,
        label: link.label || 'Ohne Bezeichnung',
        url: `${config.publicUrl}/qualitaetscheck/gast/${link.token}`,
        expiresAt: formatDateTime(link.expires_at),
        status,
        statusLabel: guestLinkStatusLabel[status],
        guests: link.guests,
      };
    }),
    validityOptions: guestLinkValidityDays.map((days) => ({ value: String(days), label: `${days} Tage` })),
  };
}

export async function qualityCheckPageAction({ request, params }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request);
  const access = await requireQualityCheck(request, params.id, 'write');
  const { check } = access;
  const intent = formData.get('intent');
  if (intent === 'teilnehmen') {
    await joinCheck(access);
    return redirect(`/qualitaetscheck/${check.id}/perspektive`);
  }
  if (access.kind !== 'member')
    throw new Response('Bitte melden Sie sich an, um den QualitätsCheck mit anderen zu teilen oder einem Antrag beizufügen.', {
      status: 403,
    });
  const { user } = access;
  const db = await getDb();
  const here = `/qualitaetscheck/${check.id}`;
  switch (intent) {
    case 'einladen': {
      const submission = parseWithZod(formData, { schema: inviteFormSchema });
      if (submission.status !== 'success') return data({ form: 'einladen' as const, result: submission.reply() }, { status: 400 });
      const members = new Map(
        (await listOrganisationMembers(db, user.organisation_id)).filter((m) => !m.disabled_at).map((m) => [m.id, m]),
      );
      const chosen = submission.value.colleagues.filter((id) => id !== user.id);
      if (chosen.length === 0 || chosen.some((id) => !members.has(id))) {
        return data(
          {
            form: 'einladen' as const,
            result: submission.reply({
              fieldErrors: { colleagues: ['Bitte wählen Sie nur Kolleginnen und Kollegen Ihrer Organisation aus der Liste aus.'] },
            }),
          },
          { status: 400 },
        );
      }
      const title = check.title ? `„${check.title}“` : 'ohne Namen';
      await db.transaction().execute(async (trx) => {
        for (const id of chosen) await addParticipant(trx, { checkId: check.id, userId: id, snapshot: null, invitedBy: user.id });
        await notify(trx, {
          userIds: chosen,
          applicationId: null,
          kind: 'qualitaetscheck.einladung',
          ...qualityCheckInvitation({ inviter: user.name, title, path: here }, config.publicUrl),
        });
      });
      return redirect(`${here}?hinweis=eingeladen`);
    }
    case 'anhaengen': {
      const submission = parseWithZod(formData, { schema: attachFormSchema });
      if (submission.status !== 'success') return data({ form: 'anhaengen' as const, result: submission.reply() }, { status: 400 });
      const draft = await ownDraft(user, submission.value.application);
      if (!draft) throw new Response('Nicht gefunden', { status: 404 });
      await attachQualityCheck(db, check.id, draft.id, user.id);
      const back = returnPath(formData, '');
      return redirect(back ? `${back}?hinweis=qualitaetscheck-beigefuegt#qualitaetscheck` : `${here}?hinweis=beigefuegt`);
    }
    case 'loesen': {
      const draft = await ownDraft(user, Number(formData.get('application')));
      if (!draft) throw new Response('Nicht gefunden', { status: 404 });
      await detachQualityCheck(db, check.id, draft.id);
      const back = returnPath(formData, '');
      return redirect(back ? `${back}?hinweis=qualitaetscheck-geloest#qualitaetscheck` : `${here}?hinweis=geloest`);
    }
    case 'gastlink': {
      const submission = parseWithZod(formData, { schema: guestLinkFormSchema });
      if (submission.status !== 'success') return data({ form: 'gastlink' as const, result: submission.reply() }, { status: 400 });
      const now = new Date();
      await createGuestLink(
        db,
        {
          checkId: check.id,
          label: submission.value.label,
          createdBy: user.id,
          expiresAt: guestLinkExpiry(now.toISOString(), submission.value.validDays),
        },
        now,
      );
      return redirect(`${here}?hinweis=gastlink#gaeste`);
    }
    case 'gastlink-beenden': {
      if (!(await revokeGuestLink(db, check.id, Number(formData.get('link'))))) throw new Response('Nicht gefunden', { status: 404 });
      return redirect(`${here}?hinweis=gastlink-beendet#gaeste`);
    }
    case 'fassung': {
      const newest = currentOf(await contentArchive());
      await touchQualityCheck(db, check.id, { contentVersion: newest.version });
      return redirect(`${here}?hinweis=fassung`);
    }
    default:
      throw new Response('Diese Aktion gibt es nicht.', { status: 400 });
  }
}
