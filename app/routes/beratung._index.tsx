import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { findApplication } from '../../db/repositories/applications';
import { listQueue, type QueueFilters } from '../../db/repositories/review';
import { reviewStatuses, reviewStatusLabel, type ReviewStatus } from '../../machines/frl/review/machine';
import { fundingRoutes, routeInfo, type FundingRoute } from '../../machines/frl/routes';
import { formatDate } from '../../machines/shared/format';
import { landkreise, landkreisLabel, type Landkreis } from '../../machines/shared/organisation';
import { restoreReview } from '../advice.server';
import { findApplicationRow, loadApplication } from '../antrag/application.server';
import { readerOf } from '../access.server';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import { reviewFormAction, type ReviewActionResult } from '../review-actions.server';
import { proofReviewQueue } from '../sachbericht-beratung.server';
import { requireRole } from '../session.server';
import { ScrollTable } from '../components/scroll-table';
import { FilterSelect } from '../components/filter-select';

export const meta: MetaFunction = () => [{ title: 'Beratung – Förderlotse Bürgerbeteiligung' }];

const waitOptions = [
  { value: '', label: 'beliebig' },
  { value: '3', label: 'mindestens 3 Tage' },
  { value: '7', label: 'mindestens 7 Tage' },
  { value: '14', label: 'mindestens 14 Tage' },
];

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
    status: (reviewStatuses as readonly string[]).includes(status) ? status : undefined,
    minDays: ['3', '7', '14'].includes(wait) ? Number(wait) : undefined,
    mine,
    raw: { foerderweg: route, landkreis, status, wartezeit: wait, nur: mine ? 'meine' : '' },
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advisor']);
  const url = new URL(request.url);
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
        status: reviewStatusLabel[item.status as ReviewStatus] ?? item.status,
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
  return restoreReview(row).context.advisors.includes(advisorId) ? row.title || 'Antrag ohne Titel' : null;
}

const notices: Record<string, (title: string) => string> = {
  'beratung.zurueckgeben': (title) => `„${title}“ ist zur Überarbeitung zurückgegeben. Die Organisation wurde benachrichtigt.`,
  'beratung.abschliessen': (title) => `Die Beratung zu „${title}“ ist abgeschlossen. Die Organisation wurde benachrichtigt.`,
};

/** Said for every id the advisor may not read (unknown, private, or taken by someone else), so it reveals nothing. */
const notTakeableMessage =
  'Dieser Antrag wartet nicht (mehr) auf Beratung. Vielleicht hat ihn inzwischen jemand anderes übernommen, oder die Anfrage wurde zurückgenommen.';

/** "Übernehmen" straight from the queue (the advisor view offers the same). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ['advisor']);
  const form = await readProtectedForm(request);
  const row = await findApplicationRow(String(form.get('id') ?? ''));
  const review = row ? restoreReview(row) : null;
  // Anything this advisor may not read is answered alike, without its title: drafts never shared
  // with the advice stay private even to someone who guesses their id.
  if (!row || !review || readerOf(user, row, review) !== 'advisor') {
    return { intent: 'beratung.uebernehmen', message: notTakeableMessage } satisfies ReviewActionResult;
  }
  if (review.context.advisors.includes(user.id)) {
    return {
      intent: 'beratung.uebernehmen',
      message: `Sie beraten „${row.title || 'Antrag ohne Titel'}“ bereits.`,
    } satisfies ReviewActionResult;
  }
  const access = { user, as: 'advisor' as const, loaded: await loadApplication(row), review };
  form.set('reviewVersion', String(row.review_version));
  return reviewFormAction(access, 'beratung.uebernehmen', form, () => `/beratung/${row.id}?hinweis=uebernommen`);
}

export default function AdvisorQueue() {
  const { name, items, proofs, filters, notice, noticeTitle } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = actionData && 'message' in actionData ? actionData.message : null;
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <h1>Beratung</h1>
      <p className="lead">Willkommen, {name}. Hier sehen Sie die Entwürfe, zu denen um Beratung gebeten wird, und die, die Sie beraten.</p>
      {notice && noticeTitle && notices[notice] ? (
        <div className="notice notice--success" role="status">
          <p>{notices[notice](noticeTitle)}</p>
        </div>
      ) : null}
      {notice === 'sachbericht-nicht-verfuegbar' ? (
        <div className="notice notice--error" role="alert">
          <p>
            Dieser Sachbericht wartet nicht (mehr) auf Durchsicht. Vielleicht hat ihn inzwischen jemand anderes übernommen, oder die Anfrage
            wurde zurückgenommen.
          </p>
        </div>
      ) : null}
      {refused ? (
        <div className="notice notice--error" role="alert">
          <p>{refused}</p>
        </div>
      ) : null}
      <Form method="get" className="filter-form" aria-label="Entwürfe filtern">
        <FilterSelect
          id="foerderweg"
          label="Förderweg"
          value={filters.foerderweg ?? ''}
          options={[{ value: '', label: 'alle' }, ...fundingRoutes.map((r) => ({ value: r, label: routeInfo[r].shortLabel }))]}
        />
        <FilterSelect
          id="landkreis"
          label="Landkreis"
          value={filters.landkreis ?? ''}
          options={[{ value: '', label: 'alle' }, ...landkreise.map((l) => ({ value: l, label: landkreisLabel[l] }))]}
        />
        <FilterSelect
          id="status"
          label="Stand"
          value={filters.status ?? ''}
          options={[{ value: '', label: 'alle' }, ...reviewStatuses.map((s) => ({ value: s, label: reviewStatusLabel[s] }))]}
        />
        <FilterSelect id="wartezeit" label="Wartezeit" value={filters.wartezeit ?? ''} options={waitOptions} />
        <FilterSelect
          id="nur"
          label="Beratung"
          value={filters.nur ?? ''}
          options={[
            { value: '', label: 'alle' },
            { value: 'meine', label: 'nur von mir beraten' },
          ]}
        />
        <button type="submit" className="button button--secondary">
          Filtern
        </button>
        {filtered ? <Link to="/beratung">Filter zurücksetzen</Link> : null}
      </Form>
      <p role="status">
        {items.length === 0
          ? filtered
            ? 'Kein Entwurf passt zu diesen Filtern.'
            : 'Derzeit wartet kein Antrag auf Beratung.'
          : items.length === 1
            ? '1 Entwurf'
            : `${items.length} Entwürfe`}
      </p>
      {items.length ? (
        <ScrollTable caption="Entwürfe, älteste Anfrage zuerst" captionHidden label="Entwürfe in der Beratung">
          <thead>
            <tr>
              <th scope="col">Vorhaben</th>
              <th scope="col">Organisation</th>
              <th scope="col">Landkreis</th>
              <th scope="col">Förderweg</th>
              <th scope="col">Stand</th>
              <th scope="col">Angefragt</th>
              <th scope="col">Beratung</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`/beratung/${item.id}`}>{item.title}</Link>
                </td>
                <td>{item.organisation}</td>
                <td>{item.landkreis}</td>
                <td>{item.route}</td>
                <td>{item.status}</td>
                <td>
                  {item.requestedAt}
                  {item.waitingDays !== null ? (
                    <span className="hint">
                      {' '}
                      (wartet seit {item.waitingDays === 0 ? 'heute' : item.waitingDays === 1 ? '1 Tag' : `${item.waitingDays} Tagen`})
                    </span>
                  ) : null}
                </td>
                <td>
                  {item.mine ? (
                    'Sie'
                  ) : item.mayTake ? (
                    <PostForm className="inline-form">
                      <input type="hidden" name="id" value={item.id} />
                      <button type="submit" className="button button--small">
                        Übernehmen<span className="visually-hidden"> – {item.title}</span>
                      </button>
                      {item.forMe ? <span className="hint"> an Sie gerichtet</span> : null}
                    </PostForm>
                  ) : (
                    'andere Beratung'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}

      <h2>Sachberichte zur Durchsicht</h2>
      <p>
        Geförderte Vorhaben, die ihren Sachbericht vor der Abgabe des Verwendungsnachweises gelesen haben möchten: offene Anfragen und die,
        die Sie übernommen haben.
      </p>
      {proofs.length ? (
        <ScrollTable caption="Sachberichte zur Durchsicht" captionHidden label="Sachberichte zur Durchsicht">
          <thead>
            <tr>
              <th scope="col">Vorhaben</th>
              <th scope="col">Organisation</th>
              <th scope="col">Landkreis</th>
              <th scope="col">Stand</th>
              <th scope="col">Angefragt</th>
            </tr>
          </thead>
          <tbody>
            {proofs.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/beratung/verwendungsnachweis/${p.id}`}>{p.title}</Link>
                </td>
                <td>{p.organisation}</td>
                <td>{p.landkreis}</td>
                <td>{p.mine ? `${p.status} (bei Ihnen)` : p.status}</td>
                <td>{p.requestedAt}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <p>Derzeit wartet kein Sachbericht auf Durchsicht.</p>
      )}
    </>
  );
}
