import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { editorQueue } from '../methoden/beispiel-vorschlag.server';
import { ScrollTable } from '../components/scroll-table';
import { requireRole } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Gute Beispiele: Redaktion – Förderlotse Bürgerbeteiligung' }];

/** Editors (EBBS advisors, ministry staff) see what grantees offered as good examples (ADR 0069). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['advisor', 'ministry']);
  const url = new URL(request.url);
  return { items: await editorQueue(), notice: url.searchParams.get('hinweis') };
}

const notices: Record<string, string> = {
  veroeffentlicht: 'Das Beispiel ist veröffentlicht. Die Organisation wurde benachrichtigt.',
  abgelehnt: 'Der Vorschlag ist abgelehnt. Die Organisation wurde mit Ihrer Begründung benachrichtigt.',
};

export default function ExampleEditorial() {
  const { items, notice } = useLoaderData<typeof loader>();
  const waiting = items.filter((i) => i.status === 'eingereicht').length;
  return (
    <>
      <p className="caption">
        <Link to="/beispiele">Gute Beispiele</Link>
      </p>
      <h1>Vorschläge für gute Beispiele</h1>
      {notice && notice in notices ? (
        <div className="notice notice--success" role="status">
          <p>{notices[notice]}</p>
        </div>
      ) : null}
      <p>
        Geförderte Vorhaben schlagen sich nach ihrem Verwendungsnachweis als gutes Beispiel vor. Öffentlich wird ein Eintrag erst mit Ihrer
        Freigabe.{' '}
        {waiting === 0 ? 'Derzeit wartet kein Vorschlag.' : waiting === 1 ? '1 Vorschlag wartet.' : `${waiting} Vorschläge warten.`}
      </p>
      {items.length ? (
        <ScrollTable caption="Vorschläge, wartende zuerst" captionHidden label="Vorschläge für gute Beispiele">
          <thead>
            <tr>
              <th scope="col">Beispiel</th>
              <th scope="col">Organisation</th>
              <th scope="col">Stand</th>
              <th scope="col">Vorgeschlagen</th>
              <th scope="col">Entschieden</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={`/beispiele/redaktion/${i.id}`}>{i.title}</Link>
                </td>
                <td>{i.organisation}</td>
                <td>{i.statusLabel}</td>
                <td>{i.submittedOn}</td>
                <td>{i.decidedOn || '–'}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
    </>
  );
}
