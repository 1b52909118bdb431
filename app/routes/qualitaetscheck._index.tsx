import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { startFormSchema } from '../../machines/qualitaetscheck/form';
import { ErrorSummary, TextField } from '../components/fields';
import { CsrfInput, PostForm } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { qualityCheckStartPage, startQualityCheck } from '../qualitaetscheck/start.server';

export const meta: MetaFunction = () => [{ title: 'QualitätsCheck Beteiligung – Förderlotse Bürgerbeteiligung' }];

export async function loader(args: LoaderFunctionArgs) {
  return qualityCheckStartPage(args);
}

export async function action(args: ActionFunctionArgs) {
  return startQualityCheck(args);
}

function StartForm({ draft }: { draft: { id: number; title: string } | null }) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'qualitaetscheck-starten',
    lastResult: actionData?.result,
    constraint: getZodConstraint(startFormSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: startFormSchema }),
  });
  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} noValidate className="narrow">
        <CsrfInput />
        {draft ? <input type="hidden" name="antrag" value={draft.id} /> : null}
        {draft ? <p className="notice">Der neue QualitätsCheck wird dem Antrag „{draft.title}“ beigefügt.</p> : null}
        <TextField
          field={fields.title}
          label="Um welches Vorhaben geht es?"
          hint="Zum Beispiel „Bürgerhaushalt 2027“. So finden Sie und Ihre Kolleginnen und Kollegen den Check wieder."
          optional
        />
        <button type="submit" className="button">
          QualitätsCheck beginnen
        </button>
      </Form>
    </>
  );
}

export default function QualityCheckStart() {
  const d = useLoaderData<typeof loader>();
  const canStart = d.role === null || d.role === 'applicant';
  return (
    <>
      <div className="prose">
        <h1>QualitätsCheck Beteiligung</h1>
        <p className="lead">
          Planen Sie ein gutes Beteiligungsverfahren: Zehn Qualitätskriterien zeigen Stärken, Lücken und was Sie verbessern können.
        </p>
        <p>{d.introduction}</p>
        <ul>
          <li>
            Sie wählen zuerst Ihre Sichtweise: Verwaltung, Zivilgesellschaft, Politik oder Prozessgestaltung. Danach folgen je Kriterium
            drei bis fünf Aussagen.
          </li>
          <li>Sie können Aussagen überspringen und jederzeit später weitermachen; das Ergebnis zeigt, was noch offen ist.</li>
          {d.role === 'applicant' ? (
            <li>
              Laden Sie Kolleginnen und Kollegen Ihrer Organisation ein: Das gemeinsame Profil zeigt, wo Ihre Sichtweisen auseinandergehen.
            </li>
          ) : (
            <li>
              Ohne Anmeldung bleiben Ihre Antworten 30 Tage in diesem Browser. Mit einem Konto können Sie Kolleginnen und Kollegen einladen
              und den Check einem Antrag beifügen.
            </li>
          )}
        </ul>
        <p className="hint">{d.disclaimer}</p>
      </div>

      {d.anonymous && d.role === null ? (
        <div className="notice">
          <p>
            Sie haben bereits begonnen.{' '}
            <Link to={`/qualitaetscheck/${d.anonymous.id}`}>
              Weiter mit Ihrem QualitätsCheck{d.anonymous.title ? ` „${d.anonymous.title}“` : ''}
            </Link>
          </p>
        </div>
      ) : null}
      {d.anonymous && d.role === 'applicant' ? (
        <div className="notice">
          <p>
            Sie haben ohne Anmeldung einen QualitätsCheck{d.anonymous.title ? ` „${d.anonymous.title}“` : ''} begonnen. Übernehmen Sie ihn
            in Ihre Organisation, um ihn mit anderen zu teilen oder einem Antrag beizufügen.
          </p>
          <PostForm>
            <button type="submit" name="intent" value="uebernehmen" className="button button--secondary">
              Check in meine Organisation übernehmen
            </button>
          </PostForm>
        </div>
      ) : null}

      {d.invitations.length ? (
        <section aria-labelledby="einladungen">
          <h2 id="einladungen">Einladungen</h2>
          <ul className="plain-list">
            {d.invitations.map((i) => (
              <li key={i.check_id}>
                <Link to={`/qualitaetscheck/${i.check_id}`}>{i.title || 'QualitätsCheck ohne Namen'}</Link>
                {i.invited_by_name ? ` – eingeladen von ${i.invited_by_name}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.role === 'applicant' ? (
        <section aria-labelledby="checks-titel">
          <h2 id="checks-titel">QualitätsChecks Ihrer Organisation</h2>
          {d.checks.length ? (
            <ScrollTable caption="QualitätsChecks Ihrer Organisation" captionHidden>
              <thead>
                <tr>
                  <th scope="col">Vorhaben</th>
                  <th scope="col" className="num">
                    Antworten
                  </th>
                  <th scope="col">Sie</th>
                  <th scope="col">Zuletzt geändert</th>
                </tr>
              </thead>
              <tbody>
                {d.checks.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/qualitaetscheck/${c.id}`}>{c.title}</Link>
                      {c.createdBy ? <span className="hint"> (begonnen von {c.createdBy})</span> : null}
                    </td>
                    <td className="num">{c.respondents}</td>
                    <td>{c.own ?? 'nicht beteiligt'}</td>
                    <td>{c.updatedAt}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          ) : (
            <p>Ihre Organisation hat noch keinen QualitätsCheck begonnen.</p>
          )}
        </section>
      ) : null}

      {canStart ? (
        <section aria-labelledby="starten-titel">
          <h2 id="starten-titel">Neuen QualitätsCheck beginnen</h2>
          <StartForm draft={d.draft} />
        </section>
      ) : (
        <p className="notice">
          Den QualitätsCheck füllen antragstellende Organisationen aus.
          {d.role === 'advisor' ? ' Als Beratung sehen Sie QualitätsChecks, die einem Antrag beigefügt sind, den Sie beraten.' : null}
          {d.role === 'advisor' || d.role === 'ministry' ? (
            <>
              {' '}
              Die Kriterien, Aussagen und Anregungen pflegen Sie unter{' '}
              <Link to="/qualitaetscheck/inhalte">Inhalte des QualitätsChecks</Link>.
            </>
          ) : null}
        </p>
      )}

      <section aria-labelledby="kriterien-titel">
        <h2 id="kriterien-titel">Die zehn Qualitätskriterien (Fassung {d.version})</h2>
        <dl className="qc-criteria">
          {d.criteria.map((c) => (
            <div key={c.id}>
              <dt>{c.title}</dt>
              <dd>{c.explanation}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
