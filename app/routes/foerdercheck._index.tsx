import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { currentStep } from '../../machines/frl/foerdercheck/machine';
import { questionTitle } from '../../machines/frl/foerdercheck/questions';
import { currentCalls } from '../../machines/frl/calls';
import { CallNotice } from '../components/call-notice';
import { PostForm } from '../components/forms';
import { readProtectedForm } from '../csrf.server';
import { loadCheck, startCheck } from '../foerdercheck/eligibility-check.server';
import { rulesOptions, todayInSaxony } from '../rules.server';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = () => [{ title: 'Förder-Check – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const check = await loadCheck(request);
  const call = currentCalls((await rulesOptions()).calls, todayInSaxony());
  if (!check) return { resume: null, call };
  const step = currentStep(check.snapshot);
  return { resume: { step, title: step === 'ergebnis' ? 'Ergebnis' : questionTitle[step] }, call };
}

export async function action({ request }: ActionFunctionArgs) {
  await readProtectedForm(request);
  const { setCookie } = await startCheck(request);
  return redirect('/foerdercheck/art', { headers: { 'Set-Cookie': setCookie } });
}

export default function FoerderCheckStart() {
  const { resume, call } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <h1>Förder-Check: Kann Ihr Vorhaben gefördert werden?</h1>
      <p className="lead">
        In etwa zehn Minuten prüfen Sie, ob Ihr Beteiligungsvorhaben nach der FRL Bürgerbeteiligung gefördert werden kann, über welchen
        Förderweg und mit wie viel Geld – und, falls nicht, woran es liegt.
      </p>
      <ul>
        <li>Sie brauchen kein Konto. Ihre Antworten werden in diesem Browser 30 Tage lang gespeichert.</li>
        <li>Wir fragen nur, was für Ihren Fall nötig ist – etwa 13 Fragen.</li>
        <li>Zu jeder Regel sehen Sie die Fundstelle in der Richtlinie und eine Erklärung, auf Wunsch in einfacher Sprache.</li>
        <li>Das Ergebnis ist keine Zusage. Über Anträge entscheidet die Sächsische Aufbaubank (SAB) als Bewilligungsbehörde.</li>
      </ul>
      <CallNotice calls={call} />
      {resume ? (
        <div className="notice">
          <p>
            Sie haben schon begonnen. <Link to={`/foerdercheck/${resume.step}`}>Weiter bei „{resume.title}“</Link>
          </p>
        </div>
      ) : null}
      <PostForm>
        <button type="submit" className={resume ? 'button button--secondary' : 'button'}>
          {resume ? 'Neu beginnen' : 'Förder-Check starten'}
        </button>
      </PostForm>
    </div>
  );
}
