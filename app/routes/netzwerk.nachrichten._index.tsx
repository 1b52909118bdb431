import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { formatDateTime } from '../../machines/shared/format';
import { ScrollTable } from '../components/scroll-table';
import { conversationsOf } from '../netzwerk/messages.server';
import { requireMember } from '../netzwerk/netzwerk.server';

export const meta: MetaFunction = () => [{ title: 'Nachrichten – EBBS-Netzwerk – Förderlotse Bürgerbeteiligung' }];

/** A member's conversations (issue 20 Nr. 4), the latest first, with what is unread. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { member } = await requireMember(request);
  const list = await conversationsOf(member.id);
  return { conversations: list.map((c) => ({ ...c, lastAt: formatDateTime(c.lastAt) })) };
}

export default function Messages() {
  const { conversations: list } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="caption">
        <Link to="/netzwerk">EBBS-Netzwerk</Link> · <Link to="/netzwerk/themen">Themen</Link>
      </p>
      <h1>Nachrichten</h1>
      <p>
        Nachrichten gehen von Mitglied zu Mitglied; nur Sie beide lesen sie. Eine neue Nachricht schreiben Sie im Profil des Mitglieds:{' '}
        <Link to="/netzwerk/mitglieder">Mitglieder finden</Link>.
      </p>
      {list.length ? (
        <ScrollTable caption="Ihre Unterhaltungen, die neueste zuerst" captionHidden label="Unterhaltungen">
          <thead>
            <tr>
              <th scope="col">Mit</th>
              <th scope="col">Letzte Nachricht</th>
              <th scope="col">Ungelesen</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.otherId}>
                <td>
                  <Link to={`/netzwerk/nachrichten/${c.otherId}`}>{c.otherName}</Link>
                </td>
                <td>{c.lastAt} Uhr</td>
                <td>{c.unread ? <strong>{c.unread}</strong> : '–'}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <p>Noch keine Nachrichten.</p>
      )}
    </>
  );
}
