import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { currentStep } from '../../machines/frl/foerdercheck/machine';
import { startDraft } from '../antrag/drafts.server';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { loadCheck } from '../foerdercheck/eligibility-check.server';
import { requireApplicant } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Neuen Antrag beginnen – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApplicant(request);
  const check = await loadCheck(request);
  return { hasCheck: check !== null && currentStep(check.snapshot) === 'ergebnis' };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  const check = form.get('ausFoerdercheck') === '1' ? await loadCheck(request) : null;
  const row = await startDraft(user, check);
  return redirect(`/antraege/${row.id}${check ? '?hinweis=aus-foerdercheck' : ''}`);
}

export default function NewApplication() {
  const { hasCheck } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <h1>Neuen Antrag beginnen</h1>
      <p>
        Die Stammdaten Ihrer Organisation übernehmen wir automatisch. Sie können den Antrag jederzeit speichern und später – auch gemeinsam
        mit Kolleginnen und Kollegen – weiterbearbeiten.
      </p>
      {hasCheck ? (
        <>
          <h2>Mit Ihren Antworten aus dem Förder-Check</h2>
          <p>Förderweg, Zeitraum und Erklärungen aus Ihrem Förder-Check werden übernommen.</p>
          <PostForm>
            <input type="hidden" name="ausFoerdercheck" value="1" />
            <button type="submit" className="button">
              Antrag mit den Angaben aus dem Förder-Check beginnen
            </button>
          </PostForm>
          <h2>Ohne Förder-Check</h2>
        </>
      ) : (
        <p>
          Tipp: Mit dem <Link to="/foerdercheck">Förder-Check</Link> klären Sie vorab in zehn Minuten, ob und über welchen Förderweg Ihr
          Vorhaben gefördert werden kann. Die Antworten werden dann übernommen.
        </p>
      )}
      <PostForm>
        <button type="submit" className={hasCheck ? 'button button--secondary' : 'button'}>
          Leeren Antrag beginnen
        </button>
      </PostForm>
    </div>
  );
}
