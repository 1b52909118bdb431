import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { findApplication, listApplications, restoreApplication } from '../../db/repositories/applications';
import { RETENTION_DAYS } from '../../db/repositories/housekeeping';
import { formatDate, formatDateTime } from '../../machines/shared/format';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import { requireApplicant } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Papierkorb – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const db = await getDb();
  // What is past its 30 days is gone for the user now, though the housekeeping (once per round across
  // all instances, ADR 0036) deletes it only at its next run.
  const cutoff = Date.now() - RETENTION_DAYS * 86_400_000;
  const deleted = (await listApplications(db, user.organisation_id, { deleted: true })).filter(
    (d) => new Date(d.deleted_at!).getTime() > cutoff,
  );
  return {
    items: deleted.map((d) => ({
      id: d.id,
      title: d.title,
      deletedAt: formatDateTime(d.deleted_at!),
      purgeOn: formatDate(new Date(new Date(d.deleted_at!).getTime() + RETENTION_DAYS * 86_400_000).toISOString()),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  const db = await getDb();
  const row = await findApplication(db, Number(form.get('id')), { includeDeleted: true });
  const expired = row?.deleted_at ? new Date(row.deleted_at).getTime() <= Date.now() - RETENTION_DAYS * 86_400_000 : false;
  if (!row || row.organisation_id !== user.organisation_id || !row.deleted_at || expired)
    throw new Response('Nicht gefunden', { status: 404 });
  await restoreApplication(db, row.id, user.id);
  return redirect('/antraege?hinweis=wiederhergestellt');
}

export default function Trash() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Gelöschte Anträge</h1>
      <p>Gelöschte Anträge bleiben {RETENTION_DAYS} Tage hier und können wiederhergestellt werden.</p>
      {items.length === 0 ? (
        <p>Der Papierkorb ist leer.</p>
      ) : (
        <ul className="task-list">
          {items.map((i) => (
            <li key={i.id} className="task-list__item">
              <div className="task-list__name">
                <span>{i.title}</span>
                <p className="hint">
                  Gelöscht am {i.deletedAt}; endgültige Löschung am {i.purgeOn}
                </p>
              </div>
              <PostForm className="inline-form">
                <input type="hidden" name="id" value={i.id} />
                <button type="submit" className="button button--secondary button--small">
                  Wiederherstellen<span className="visually-hidden"> – {i.title}</span>
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/antraege">Zurück zu Meine Anträge</Link>
      </p>
    </>
  );
}
