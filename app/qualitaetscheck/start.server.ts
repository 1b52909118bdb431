import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import {
  addParticipant,
  attachQualityCheck,
  claimQualityCheck,
  createQualityCheck,
  findQualityCheck,
  listQualityChecksOfOrganisation,
  openInvitations,
} from '../../db/repositories/quality-checks';
import { startFormSchema } from '../../machines/qualitaetscheck/form';
import { freshCheck, persistableCheck } from '../../machines/qualitaetscheck/persistence';
import { isPerspective, perspectiveInfo } from '../../machines/qualitaetscheck/schema';
import { formatDateTime } from '../../machines/shared/format';
import { readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import { anonymousCheckCookie, anonymousCheckId, currentContent, ownDraft } from './quality-check.server';
import { getUser, type CurrentUser } from '../session.server';

/** The QualitätsCheck entry (/qualitaetscheck): own and anonymous checks, invitations, and starting a new check. */

const isApplicant = (user: CurrentUser | null): user is CurrentUser & { organisation_id: number } =>
  user?.role === 'applicant' && user.organisation_id !== null;

export async function qualityCheckStartPage({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const db = await getDb();
  const content = await currentContent();
  const cookieId = await anonymousCheckId(request);
  const cookieCheck = cookieId ? await findQualityCheck(db, cookieId) : undefined;
  const anonymous = cookieCheck && cookieCheck.organisation_id === null ? { id: cookieCheck.id, title: cookieCheck.title } : null;
  const applicant = isApplicant(user);
  const url = new URL(request.url);
  const draft = applicant && url.searchParams.has('antrag') ? await ownDraft(user, Number(url.searchParams.get('antrag'))) : null;
  return {
    role: user?.role ?? null,
    version: content.version,
    introduction: content.introduction,
    disclaimer: content.disclaimer,
    criteria: content.criteria.map((c) => ({ id: c.id, title: c.title, explanation: c.explanation })),
    anonymous,
    draft,
    checks: applicant
      ? (await listQualityChecksOfOrganisation(db, user.organisation_id, user.id)).map((c) => ({
          id: c.id,
          title: c.title || 'Ohne Namen',
          updatedAt: formatDateTime(c.updated_at),
          createdBy: c.created_by_name,
          respondents: c.respondents,
          own: c.own
            ? c.own.started
              ? isPerspective(c.own.perspective)
                ? perspectiveInfo[c.own.perspective].label
                : 'begonnen'
              : 'eingeladen'
            : null,
        }))
      : [],
    invitations: applicant ? await openInvitations(db, user.id, user.organisation_id) : [],
  };
}

export async function startQualityCheck({ request }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request);
  const user = await getUser(request);
  if (user && !isApplicant(user)) {
    throw new Response(
      'Den QualitätsCheck füllen antragstellende Organisationen aus. Als Beratung oder Ministerium sehen Sie Checks, die einem Antrag beigefügt sind.',
      { status: 403 },
    );
  }
  const db = await getDb();
  if (formData.get('intent') === 'uebernehmen') {
    const id = await anonymousCheckId(request);
    if (!user || !id) throw new Response('Nicht gefunden', { status: 404 });
    if (!(await claimQualityCheck(db, id, { organisationId: user.organisation_id, userId: user.id })))
      throw new Response('Nicht gefunden', { status: 404 });
    return redirect(`/qualitaetscheck/${id}`, { headers: { 'Set-Cookie': await anonymousCheckCookie.serialize('', { maxAge: 0 }) } });
  }
  if (formData.get('intent') === 'beifuegen') {
    // From a draft's task list: attach a check of the organisation chosen there.
    const check = user ? await findQualityCheck(db, String(formData.get('check') ?? '')) : undefined;
    const draft = user ? await ownDraft(user, Number(formData.get('antrag'))) : null;
    if (!user || !check || check.organisation_id !== user.organisation_id || !draft) throw new Response('Nicht gefunden', { status: 404 });
    await attachQualityCheck(db, check.id, draft.id, user.id);
    return redirect(`/antraege/${draft.id}?hinweis=qualitaetscheck-beigefuegt#qualitaetscheck`);
  }
  const submission = parseWithZod(formData, { schema: startFormSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const draft = user && formData.has('antrag') ? await ownDraft(user, Number(formData.get('antrag'))) : null;
  if (formData.has('antrag') && !draft) throw new Response('Nicht gefunden', { status: 404 });
  const content = await currentContent();
  const check = await db.transaction().execute(async (trx) => {
    const created = await createQualityCheck(trx, {
      organisationId: user?.organisation_id ?? null,
      createdBy: user?.id ?? null,
      title: submission.value.title,
      contentVersion: content.version,
    });
    await addParticipant(trx, { checkId: created.id, userId: user?.id ?? null, snapshot: persistableCheck(freshCheck(content), content) });
    if (draft && user) await attachQualityCheck(trx, created.id, draft.id, user.id);
    return created;
  });
  const headers = user ? undefined : { 'Set-Cookie': await anonymousCheckCookie.serialize(check.id) };
  return redirect(`/qualitaetscheck/${check.id}/perspektive`, { headers });
}
