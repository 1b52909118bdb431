import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { isEditable, adviceStatusLabel, statusOf } from '../../machines/frl/advice/machine';
import { restoreAdvice } from '../beratung/advice.server';
import { requireOwnApplication, type LoadedApplication } from '../antrag/application.server';
import { deleteDraft } from '../antrag/drafts.server';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { requireApplicant } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Antrag löschen – Förderlotse Bürgerbeteiligung' }];

/**
 * Drafts can be deleted; an application recorded as submitted to the SAB (or decided, or withdrawn)
 * is the organisation's record of what was sent, so it stays.
 */
function deletable(loaded: LoadedApplication) {
  const status = statusOf(restoreAdvice(loaded.row));
  return { status, deletable: isEditable(status) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireOwnApplication(user, params.id);
  const { status, deletable: mayDelete } = deletable(loaded);
  return { id: loaded.row.id, title: loaded.row.title, deletable: mayDelete, statusLabel: adviceStatusLabel[status] };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireOwnApplication(user, params.id);
  await readProtectedForm(request);
  if (!deletable(loaded).deletable) {
    return data(
      { error: 'Dieser Antrag wurde bereits eingereicht oder entschieden und kann nicht mehr gelöscht werden.' },
      { status: 409 },
    );
  }
  await deleteDraft(loaded, user.id);
  return redirect('/antraege?hinweis=geloescht');
}

export default function DeleteApplication() {
  const { id, title, deletable: mayDelete, statusLabel } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!mayDelete || actionData?.error) {
    return (
      <div className="narrow">
        <h1>Antrag „{title}“ kann nicht gelöscht werden</h1>
        <div className="notice notice--warning" role="alert">
          <p>
            Stand: {statusLabel}. Ein Antrag, der bei der SAB eingereicht, entschieden oder zurückgezogen wurde, bleibt als Nachweis
            erhalten, was Ihre Organisation eingereicht hat.
          </p>
        </div>
        <p>
          <Link to={`/antraege/${id}`}>Zurück zum Antrag</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Antrag „{title}“ löschen?</h1>
      <p>
        Der Antrag wird für alle Mitglieder Ihrer Organisation in den Papierkorb verschoben. Sie können ihn 30 Tage lang wiederherstellen;
        danach wird er endgültig gelöscht.
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
