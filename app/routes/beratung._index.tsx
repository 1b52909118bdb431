import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { adviceStatuses, adviceStatusLabel } from '../../machines/frl/advice/machine';
import { fundingRoutes, routeInfo } from '../../machines/frl/routes';
import { landkreise, landkreisLabel } from '../../machines/shared/organisation';
import { adviceQueuePage, takeFromQueue } from '../beratung/queue.server';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
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

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advisor']);
  return adviceQueuePage(user, new URL(request.url));
}

const notices: Record<string, (title: string) => string> = {
  'beratung.zurueckgeben': (title) => `„${title}“ ist zur Überarbeitung zurückgegeben. Die Organisation wurde benachrichtigt.`,
  'beratung.abschliessen': (title) => `Die Beratung zu „${title}“ ist abgeschlossen. Die Organisation wurde benachrichtigt.`,
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ['advisor']);
  return takeFromQueue(user, await readProtectedForm(request));
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
          options={[{ value: '', label: 'alle' }, ...adviceStatuses.map((s) => ({ value: s, label: adviceStatusLabel[s] }))]}
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
