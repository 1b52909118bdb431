import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ExampleCard } from '../components/methoden/example-card';
import { findExample } from '../methoden/methoden.server';
import { editorRoles } from '../methoden/redaktion.server';
import { getUser } from '../session.server';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? 'Beispiel'} – Gute Beispiele – Förderlotse Bürgerbeteiligung` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const example = await findExample(params.slug ?? '');
  if (!example) throw new Response('Not Found', { status: 404 });
  const user = await getUser(request);
  const editor = user !== null && (editorRoles as readonly string[]).includes(user.role);
  return { ...example, editLink: editor && example.editorial ? `/redaktion/beispiel/${example.slug}` : null };
}

export default function ExamplePage() {
  const e = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/beispiele">Alle Beispiele</Link>
      </p>
      <h1>{e.title}</h1>
      {e.editLink ? (
        <p>
          <Link to={e.editLink}>In der Redaktion bearbeiten</Link>
        </p>
      ) : null}
      {e.fictional ? (
        <div className="notice notice--warning">
          <p>
            <strong>Erfundenes Demo-Beispiel.</strong> Ort und Vorhaben gibt es so nicht; der Eintrag zeigt, wie ein Beispiel in dieser
            Sammlung aussieht.
          </p>
        </div>
      ) : null}
      <p className="lead">{e.summary}</p>
      <dl className="summary-list">
        <div>
          <dt>Ort</dt>
          <dd>{e.place}</dd>
        </div>
        <div>
          <dt>Träger</dt>
          <dd>{e.organisation}</dd>
        </div>
        <div>
          <dt>Förderweg</dt>
          <dd>{e.route}</dd>
        </div>
        <div>
          <dt>Jahr</dt>
          <dd>{e.year}</dd>
        </div>
        <div>
          <dt>Erreichte Menschen</dt>
          <dd>{e.people}</dd>
        </div>
        <div>
          <dt>Budget</dt>
          <dd>{e.budget}</dd>
        </div>
        <div>
          <dt>Methoden</dt>
          <dd>
            <ul className="plain-list">
              {e.methods.map((m) => (
                <li key={m.slug}>
                  <Link to={`/methoden/${m.slug}`}>{m.name}</Link>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      {e.images.map((img) => (
        <figure key={img.id} className="example-figure">
          <img src={`/inhalte/bilder/${img.id}`} alt={img.alt} loading="lazy" />
        </figure>
      ))}
      <h2>Was gut funktioniert hat</h2>
      <ul>
        {e.whatWorked.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <h2>Was wir anders machen würden</h2>
      <ul>
        {e.doDifferently.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      {e.contact ? (
        <>
          <h2>Kontakt</h2>
          <p>
            {e.contact.name}, <a href={`mailto:${e.contact.email}`}>{e.contact.email}</a>
          </p>
        </>
      ) : null}
      {e.similar.length ? (
        <>
          <h2>Ähnliche Beispiele</h2>
          <ul className="cards" aria-label="Ähnliche Beispiele">
            {e.similar.map((s) => (
              <ExampleCard key={s.slug} example={s} headingLevel={3} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
