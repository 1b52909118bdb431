import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getUser, homeByRole } from '../session.server';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = () => [
  { title: 'Förderlotse Bürgerbeteiligung – Fördermittel für Bürgerbeteiligung in Sachsen beantragen' },
  {
    name: 'description',
    content:
      'Prüfen Sie, ob Ihr Beteiligungsvorhaben nach der FRL Bürgerbeteiligung gefördert werden kann, und bereiten Sie den Antrag für die SAB vor.',
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const url = new URL(request.url);
  return {
    home: user ? homeByRole[user.role] : null,
    name: user?.name ?? null,
    signedOut: url.searchParams.has('abgemeldet'),
    accountDeleted: url.searchParams.has('konto-geloescht'),
  };
}

export default function Index() {
  const { home, name, signedOut, accountDeleted } = useLoaderData<typeof loader>();
  return (
    <>
      {signedOut ? (
        <div className="notice notice--success" role="status">
          <p>Sie haben sich abgemeldet.</p>
        </div>
      ) : null}
      {accountDeleted ? (
        <div className="notice notice--success" role="status">
          <p>Ihr Konto wurde gelöscht. Ihre Beiträge im EBBS-Netzwerk erscheinen nun als „Ehemaliges Mitglied“.</p>
        </div>
      ) : null}
      <h1>Fördermittel für Bürgerbeteiligung in Sachsen</h1>
      <p className="lead">
        Der Förderlotse prüft mit Ihnen, ob und wie Ihr Beteiligungsvorhaben nach der sächsischen Förderrichtlinie Bürgerbeteiligung
        gefördert werden kann – mit Begründung zu jeder Regel. Danach bereiten Sie den Antrag Schritt für Schritt vor, lassen ihn auf Wunsch
        vom Erfahrungs- und Beratungsnetzwerk (EBBS) prüfen und erhalten das ausgefüllte Formular für die Sächsische Aufbaubank.
      </p>
      {home ? (
        <p>
          <Link to={home} className="button">
            Weiter zu Ihrer Übersicht
          </Link>
          <span className="visually-hidden"> ({name})</span>
        </p>
      ) : (
        <div className="button-row">
          <Link to="/foerdercheck" className="button">
            Förder-Check starten – ohne Anmeldung
          </Link>
          <Link to="/registrieren" className="button button--secondary">
            Konto für Ihre Kommune oder Ihren Verein anlegen
          </Link>
          <Link to="/anmelden" className="button button--secondary">
            Anmelden
          </Link>
        </div>
      )}
      <section className="card qc-home" aria-labelledby="qualitaetscheck-start">
        <h2 id="qualitaetscheck-start">QualitätsCheck Beteiligung</h2>
        <p>
          Ein guter Antrag beschreibt ein gutes Beteiligungsverfahren. Prüfen Sie Ihre Planung anhand von zehn Qualitätskriterien – allein
          oder gemeinsam mit Verwaltung, Zivilgesellschaft und Politik – und erhalten Sie Anregungen für Formate, Ressourcen und
          Zeitplanung.
        </p>
        <p>
          <Link to="/qualitaetscheck">Zum QualitätsCheck</Link>
        </p>
      </section>
      <h2>Wer kann Förderung beantragen?</h2>
      <ul className="cards">
        <li className="card">
          <h3>Kommunen</h3>
          <p>
            Gemeinden, Städte und Landkreise in Sachsen, auch gemeinsam als Verbund: für Einzelvorhaben, als Modellkommune oder auf dem Weg
            zur Bürgerkommune (FRL Teil 2 A).
          </p>
        </li>
        <li className="card">
          <h3>Zivilgesellschaft</h3>
          <p>
            Gemeinnützige Vereine, Verbände, Stiftungen und gGmbH mit Sitz in Sachsen, für Beteiligungsprojekte auf kommunaler Ebene (FRL
            Teil 2 B).
          </p>
        </li>
      </ul>
    </>
  );
}
