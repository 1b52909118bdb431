import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { softDeleteApplication } from '../../db/repositories/applications';
import { requireOwnApplication } from '../application.server';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import { requireApplicant } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Antrag löschen – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireOwnApplication(user, params.id);
  return { id: loaded.row.id, title: loaded.row.title };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireOwnApplication(user, params.id);
  await readProtectedForm(request);
  await softDeleteApplication(await getDb(), loaded.row.id, user.id);
  return redirect('/antraege?hinweis=geloescht');
}

export default function DeleteApplication() {
  const { id, title } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>Antrag „{title}“ löschen?</h1>
      <p>
        Der Antrag wird für alle Mitglieder Ihrer Organisation in den Papierkorb verschoben. Sie können ihn 30 Tage lang
        wiederherstellen; danach wird er endgültig gelöscht.
      </p>
      <div className="button-row">
        <PostForm>
          <button type="submit" className="button button--warning">
            Ja, Antrag löschen
          </button>
        </PostForm>
        <Link to={`/antraege/${id}`} className="button button--secondary">
          Nein, zurück zum Antrag
        </Link>
      </div>
    </div>
  );
}
