import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { datasetPaths, isLicence, openDataLicences, type OpenDataLicence } from '../../machines/methoden/open-data';
import { PostForm } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { PlainRadios } from '../components/umsetzung/plain-fields';
import { readProtectedForm } from '../csrf.server';
import { changeLicence, licenceInfo } from '../methoden/open-data.server';
import { getAuthState, requireRole } from '../session.server';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056); the ministry's form is a plain POST. */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = () => [{ title: 'Offene Daten – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuthState(request);
  return {
    licence: await licenceInfo(),
    mayChange: auth.status === 'signed-in' && auth.user.role === 'ministry',
    notice: new URL(request.url).searchParams.get('hinweis'),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ['ministry']);
  const form = await readProtectedForm(request);
  const licence = form.get('licence');
  if (!isLicence(licence)) return data({ error: 'Bitte wählen Sie eine der angebotenen Lizenzen.' }, { status: 400 });
  await changeLicence(user, licence);
  return redirect('/offene-daten?hinweis=lizenz');
}

const datasets = [
  {
    name: 'Methodenkatalog',
    format: 'JSON',
    path: datasetPaths.methods,
    about: 'Alle Methoden mit Beschreibung, Eignung, Kostentreibern und Förderfähigkeit.',
  },
  {
    name: 'Schema einer Methode',
    format: 'JSON Schema',
    path: datasetPaths.methodSchema,
    about: 'Aufbau eines Eintrags im Methodenkatalog.',
  },
  {
    name: 'Gute Beispiele',
    format: 'JSON',
    path: datasetPaths.examples,
    about: 'Freigegebene Beispiele geförderter Vorhaben und die als erfunden gekennzeichneten Demo-Beispiele.',
  },
  {
    name: 'Schema eines Beispiels',
    format: 'JSON Schema',
    path: datasetPaths.exampleSchema,
    about: 'Aufbau eines Eintrags der Beispielsammlung.',
  },
  {
    name: 'Neue gute Beispiele',
    format: 'Atom-Feed',
    path: datasetPaths.feed,
    about: 'Zum Abonnieren in einem Feedreader: jedes neu freigegebene Beispiel.',
  },
];

export default function OpenData() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Offene Daten</h1>
      {d.notice === 'lizenz' && !result ? (
        <div className="notice notice--success" role="status">
          <p>Die Lizenz ist geändert. Sie gilt ab sofort für alle Datensätze und steht auf jeder Seite.</p>
        </div>
      ) : null}
      <p className="lead">
        Der <Link to="/methoden">Methodenkatalog</Link> und die <Link to="/beispiele">guten Beispiele</Link> stehen als offene Daten zur
        Verfügung: zum Weiterverwenden auf eigenen Seiten, in Beteiligungsportalen oder für die Forschung.
      </p>
      <p>
        Lizenz: <a href={d.licence.url}>{d.licence.label}</a>. Nennen Sie bei der Weiterverwendung „Förderlotse Bürgerbeteiligung Sachsen“
        als Quelle. Personenbezogene Daten enthalten die Datensätze nur, wo die Person der Veröffentlichung zugestimmt hat (Kontakt eines
        Beispiels).
      </p>
      <ScrollTable caption="Datensätze" captionHidden>
        <thead>
          <tr>
            <th scope="col">Datensatz</th>
            <th scope="col">Format</th>
            <th scope="col">Inhalt</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((ds) => (
            <tr key={ds.path}>
              <th scope="row">
                <a href={ds.path}>{ds.name}</a>
              </th>
              <td>{ds.format}</td>
              <td>{ds.about}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {d.mayChange ? (
        <PostForm id="lizenz" noValidate>
          <h2>Lizenz festlegen</h2>
          <p>Als Ministerium legen Sie die Lizenz der offenen Daten fest. Die Änderung wird im Protokoll vermerkt.</p>
          <PlainRadios
            form="lizenz"
            name="licence"
            legend="Lizenz der offenen Daten"
            value={d.licence.id}
            error={result?.error}
            options={(Object.keys(openDataLicences) as OpenDataLicence[]).map((k) => ({ value: k, label: openDataLicences[k].label }))}
          />
          <div className="button-row">
            <button type="submit" className="button">
              Lizenz speichern
            </button>
          </div>
        </PostForm>
      ) : null}
    </>
  );
}
