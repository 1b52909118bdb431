import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { formatDateTime } from '../../machines/shared/format';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { markRead, notificationsOf } from '../konto/account.server';
import { requireUser } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Benachrichtigungen – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const rows = await notificationsOf(user.id);
  return {
    items: rows.map((n) => ({ id: n.id, text: n.text, link: n.link, at: formatDateTime(n.created_at), unread: n.read_at === null })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readProtectedForm(request);
  const id = Number(form.get('id'));
  if (form.get('intent') === 'alle') await markRead(user.id, 'all');
  else if (Number.isInteger(id) && id > 0) await markRead(user.id, [id]);
  else throw new Response('Unbekannte Aktion.', { status: 400 });
  return redirect('/benachrichtigungen');
}

export default function Notifications() {
  const { items } = useLoaderData<typeof loader>();
  const unread = items.filter((i) => i.unread).length;
  return (
    <>
      <h1>Benachrichtigungen</h1>
      <p>
        {unread === 0
          ? 'Keine ungelesenen Benachrichtigungen.'
          : unread === 1
            ? '1 ungelesene Benachrichtigung.'
            : `${unread} ungelesene Benachrichtigungen.`}{' '}
        Neue Kommentare und Änderungen des Stands Ihrer Anträge erscheinen hier und zusätzlich als E-Mail mit einem Link zur betreffenden
        Stelle.
      </p>
      {unread ? (
        <PostForm>
          <button type="submit" name="intent" value="alle" className="button button--secondary">
            Alle als gelesen markieren
          </button>
        </PostForm>
      ) : null}
      {items.length ? (
        <ul className="task-list">
          {items.map((item) => (
            <li key={item.id} className={`task-list__item${item.unread ? ' notification--unread' : ''}`}>
              <div className="task-list__name">
                <Link to={item.link}>{item.text}</Link>
                <p className="hint">{item.at}</p>
              </div>
              {item.unread ? (
                <PostForm className="inline-form">
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" className="button button--link">
                    Als gelesen markieren<span className="visually-hidden"> – {item.text}</span>
                  </button>
                </PostForm>
              ) : (
                <span className="tag tag--grey">gelesen</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
