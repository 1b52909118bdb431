import { findApplication } from '../../db/repositories/applications';
import { listQueue, type QueueFilters } from '../../db/repositories/advice';
import { adviceStatuses, adviceStatusLabel, type AdviceStatus } from '../../machines/frl/advice/machine';
import { fundingRoutes, routeInfo, type FundingRoute } from '../../machines/frl/routes';
import { formatDate } from '../../machines/shared/format';
import { landkreise, landkreisLabel, type Landkreis } from '../../machines/shared/organisation';
import { readerOf } from '../access.server';
import { findApplicationRow, loadApplication } from '../antrag/application.server';
import { getDb } from '../db.server';
import type { CurrentUser } from '../session.server';
import { adviceFormAction, type AdviceActionResult } from './advice-actions.server';
import { restoreAdvice } from './advice.server';
import { proofReviewQueue } from './sachbericht.server';

/** The advisor's queue of drafts waiting for or in advice, and taking a draft from it. */

function filtersFrom(url: URL): QueueFilters & { raw: Record<string, string> } {
  const get = (name: string) => url.searchParams.get(name) ?? '';
  const route = get('foerderweg');
  const landkreis = get('landkreis');
  const status = get('status');
  const wait = get('wartezeit');
  const mine = get('nur') === 'meine';
  return {
    route: (fundingRoutes as readonly string[]).includes(route) ? route : undefined,
    landkreis: (landkreise as readonly string[]).includes(landkreis) ? landkreis : undefined,
    status: (adviceStatuses as readonly string[]).includes(status) ? status : undefined,
    minDays: ['3', '7', '14'].includes(wait) ? Number(wait) : undefined,
    mine,
    raw: { foerderweg: route, landkreis, status, wartezeit: wait, nur: mine ? 'meine' : '' },
  };
}

/** The advisor's queue (/beratung): the drafts by the filters of `url`, the Sachberichte to look at, the confirmation. */
export async function adviceQueuePage(user: CurrentUser, url: URL) {
  const filters = filtersFrom(url);
  const now = new Date();
  const items = await listQueue(await getDb(), user.id, filters, now);
  return {
    name: user.name,
    filters: filters.raw,
    proofs: await proofReviewQueue(user),
    notice: url.searchParams.get('hinweis'),
    noticeTitle: await titleOf(url.searchParams.get('antrag'), user.id),
    items: items.map((item) => {
      const advisorIds = (item.advisor_ids ?? '').split(',').filter(Boolean).map(Number);
      const mine = advisorIds.includes(user.id);
      // Waiting for the advice (in the pool or with its advisors) since the latest request.
      const waitingDays =
        item.status === 'in_beratung' && item.review_requested_at
          ? Math.max(0, Math.floor((now.getTime() - Date.parse(item.review_requested_at)) / 86_400_000))
          : null;
      return {
        id: item.id,
        title: item.title || 'Antrag ohne Titel',
        organisation: item.organisation_name,
        landkreis: landkreisLabel[item.landkreis as Landkreis] ?? item.landkreis,
        route: item.route && item.route in routeInfo ? routeInfo[item.route as FundingRoute].shortLabel : '–',
        status: adviceStatusLabel[item.status as AdviceStatus] ?? item.status,
        requestedAt: item.review_requested_at ? formatDate(item.review_requested_at.slice(0, 10)) : '–',
        waitingDays,
        mine,
        forMe: item.review_requested_advisor_id === user.id,
        mayTake: item.status === 'in_beratung' && advisorIds.length === 0,
      };
    }),
  };
}

/** The title of a draft the advisor just returned or completed, for the confirmation. */
async function titleOf(idParam: string | null, advisorId: number): Promise<string | null> {
  const row = idParam ? await findApplication(await getDb(), Number(idParam)) : undefined;
  if (!row) return null;
  return restoreAdvice(row).context.advisors.includes(advisorId) ? row.title || 'Antrag ohne Titel' : null;
}

/** Said for every id the advisor may not read (unknown, private, or taken by someone else), so it reveals nothing. */
const notTakeableMessage =
  'Dieser Antrag wartet nicht (mehr) auf Beratung. Vielleicht hat ihn inzwischen jemand anderes übernommen, oder die Anfrage wurde zurückgenommen.';

/** "Übernehmen" straight from the queue (the advisor view offers the same); `form` holds the draft's `id`. */
export async function takeFromQueue(user: CurrentUser, form: FormData) {
  const row = await findApplicationRow(String(form.get('id') ?? ''));
  const advice = row ? restoreAdvice(row) : null;
  // Anything this advisor may not read is answered alike, without its title: drafts never shared
  // with the advice stay private even to someone who guesses their id.
  if (!row || !advice || readerOf(user, row, advice) !== 'advisor') {
    return { intent: 'beratung.uebernehmen', message: notTakeableMessage } satisfies AdviceActionResult;
  }
  if (advice.context.advisors.includes(user.id)) {
    return {
      intent: 'beratung.uebernehmen',
      message: `Sie beraten „${row.title || 'Antrag ohne Titel'}“ bereits.`,
    } satisfies AdviceActionResult;
  }
  const access = { user, as: 'advisor' as const, loaded: await loadApplication(row), advice };
  form.set('reviewVersion', String(row.review_version));
  return adviceFormAction(access, 'beratung.uebernehmen', form, () => `/beratung/${row.id}?hinweis=uebernommen`);
}
