import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { formatDate, formatDateTime } from '../../machines/shared/format';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { RETENTION_DAYS, restoreDraft, trashOf } from '../antrag/drafts.server';
import { requireApplicant } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Papierkorb – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const deleted = await trashOf(user.organisation_id);
  return {
    retentionDays: RETENTION_DAYS,
    items: deleted.map((d) => ({
      id: d.id,
      title: d.title,
      deletedAt: formatDateTime(d.deleted_at),
      purgeOn: formatDate(new Date(new Date(d.deleted_at).getTime() + RETENTION_DAYS * 86_400_000).toISOString()),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  await restoreDraft(user, Number(form.get('id')));
  return redirect('/antraege?hinweis=wiederhergestellt');
}

export default function Trash() {
  const { items, retentionDays } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Gelöschte Anträge</h1>
      <p>Gelöschte Anträge bleiben {retentionDays} Tage hier und können wiederhergestellt werden.</p>
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
