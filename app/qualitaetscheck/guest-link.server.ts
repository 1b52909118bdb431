import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { findOrganisation } from '../../db/repositories/organisations';
import { findGuestLinkByToken, findGuestParticipant, findQualityCheck } from '../../db/repositories/quality-checks';
import { findUserById } from '../../db/repositories/users';
import { guestJoinFormSchema } from '../../machines/qualitaetscheck/form';
import { guestLinkStatus } from '../../machines/qualitaetscheck/guests';
import { perspectiveInfo, perspectives } from '../../machines/qualitaetscheck/schema';
import { formatDateTime } from '../../machines/shared/format';
import { readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import { currentContent, guestKeyOf, joinAsGuest } from './quality-check.server';

/** Joining a QualitätsCheck through a guest link without an account (/qualitaetscheck/gast/:token, ADR 0029). */

/** The link, its round and who invites; 404 for a token that never existed. */
async function requireLink(token: string | undefined) {
  const db = await getDb();
  const link = token && token.length < 100 ? await findGuestLinkByToken(db, token) : undefined;
  const check = link ? await findQualityCheck(db, link.check_id) : undefined;
  if (!link || !check || check.organisation_id === null)
    throw new Response('Diese Einladung gibt es nicht. Bitte prüfen Sie den Link.', { status: 404 });
  return { db, link, check };
}

/**
 * A guest link (people outside the organisation, no account): who invites, to what, until when,
 * and the form to join in a perspective of one's choice. A browser that already joined goes on to
 * its answers; an expired or revoked link says so (410) instead of the form.
 */
export async function guestLinkPage({ request, params }: LoaderFunctionArgs) {
  const { db, link, check } = await requireLink(params.token);
  const key = await guestKeyOf(request);
  const status = guestLinkStatus(link, new Date().toISOString());
  if (status === 'aktiv' && key && (await findGuestParticipant(db, check.id, key))) throw redirect(`/qualitaetscheck/${check.id}`);
  const organisation = await findOrganisation(db, check.organisation_id!);
  const inviter = link.created_by === null ? undefined : await findUserById(db, link.created_by);
  const content = await currentContent();
  const view = {
    status,
    title: check.title,
    organisation: organisation?.name ?? 'eine Organisation',
    inviter: inviter?.name ?? null,
    expiresAt: formatDateTime(link.expires_at),
    disclaimer: content.disclaimer,
    perspectives: perspectives.map((p) => ({ value: p, label: perspectiveInfo[p].label, hint: perspectiveInfo[p].description })),
  };
  return data(view, { status: status === 'aktiv' ? 200 : 410 });
}

export async function joinByGuestLink({ request, params }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request);
  const { link } = await requireLink(params.token);
  if (guestLinkStatus(link, new Date().toISOString()) !== 'aktiv') throw redirect(`/qualitaetscheck/gast/${params.token}`);
  const submission = parseWithZod(formData, { schema: guestJoinFormSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const { path, setCookie } = await joinAsGuest(request, link, submission.value);
  return redirect(path, { headers: { 'Set-Cookie': setCookie } });
}
