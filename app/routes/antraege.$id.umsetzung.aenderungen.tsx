import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import {
  changeFieldLabels,
  changesFormValues,
  circumstancesFor,
  explanationMaxLength,
  parseChangesForm,
  type ChangeField,
} from '../../machines/umsetzung/aenderungen';
import { MessageSummary } from '../components/fields';
import { PostForm } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { FORM_ERROR, PlainText, plainId, summaryOf } from '../components/umsetzung/plain-fields';
import { judgeChanges, loadChanges } from '../umsetzung/aenderungen.server';
import { readProtectedForm } from '../csrf.server';
import { requireApplicant } from '../session.server';
import { saveImplementation } from '../umsetzung/records.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Änderungen melden – ${d?.title ?? 'Antrag'} – Förderlotse Bürgerbeteiligung` },
];

const FORM = 'aenderungen';
const fields: ChangeField[] = ['forecast', 'additional', 'source', 'explanation'];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const l = await loadChanges(user, params.id);
  return {
    id: l.loaded.application.row.id,
    title: l.projectTitle,
    fileNumber: l.loaded.bescheid.fileNumber,
    part: l.loaded.bescheid.programmePart,
    version: l.loaded.row.version,
    values: changesFormValues(l.stored) as Record<string, string>,
    circumstances: l.stored.circumstances as string[],
    judged: judgeChanges(l, l.stored),
    notice: new URL(request.url).searchParams.get('hinweis'),
  };
}

type ActionResult = {
  values: Record<string, string>;
  circumstances: string[];
  errors: Record<string, string>;
  /** Set by "Berechnen": what the typed figures would mean, nothing saved. */
  preview: ReturnType<typeof judgeChanges> | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readProtectedForm(request);
  const l = await loadChanges(user, params.id);
  const values = Object.fromEntries(fields.map((f) => [f, typeof form.get(f) === 'string' ? (form.get(f) as string) : ''])) as Record<
    ChangeField,
    string
  >;
  const circumstances = form.getAll('circumstances').filter((v): v is string => typeof v === 'string');
  const parsed = parseChangesForm({ ...values, circumstances }, l.loaded.bescheid.programmePart);
  if (!parsed.ok) return data<ActionResult>({ values, circumstances, errors: parsed.errors, preview: null }, { status: 400 });
  if (form.get('intent') === 'berechnen')
    return data<ActionResult>({ values, circumstances, errors: {}, preview: judgeChanges(l, parsed.changes) });
  const saved = await saveImplementation(l.loaded.row.id, Number(form.get('version')), { changes: parsed.changes }, user.id);
  if (!saved)
    return data<ActionResult>(
      {
        values,
        circumstances,
        errors: {
          [FORM_ERROR]:
            'Die Daten dieses Vorhabens wurden inzwischen an anderer Stelle geändert. Ihre Eingaben stehen noch im Formular; bitte laden Sie die Seite in einem neuen Tab, vergleichen Sie und speichern Sie erneut.',
        },
        preview: null,
      },
      { status: 409 },
    );
  return redirect(`/antraege/${l.loaded.application.row.id}/umsetzung/aenderungen?hinweis=gespeichert`);
}

export default function Changes() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? d.values;
  const ticked = new Set(result?.circumstances ?? d.circumstances);
  const judged = result?.preview ?? d.judged;
  const base = `/antraege/${d.id}/umsetzung`;
  const anbest = d.part === 'A' ? 'ANBest-K' : 'ANBest-P';
  return (
    <>
      <p className="caption">
        <Link to={base}>{d.title}</Link> · Aktenzeichen {d.fileNumber}
      </p>
      <h1>Änderungen melden</h1>
      {d.notice === 'gespeichert' && !result ? (
        <div className="notice notice--success" role="status">
          <p>Die Angaben sind gespeichert.</p>
        </div>
      ) : null}
      <MessageSummary id={`${FORM}-summary`} errors={summaryOf(FORM, result?.errors, fields)} />
      <p>
        Manche Änderungen müssen Sie der SAB unverzüglich anzeigen ({anbest} Nr. 5). Tragen Sie ein, was Sie heute erwarten; der Förderlotse
        sagt, was davon mitteilungspflichtig ist, was es für die Zuwendung bedeutet, und bereitet die Mitteilung vor. Mit „Berechnen“ sehen
        Sie die Auswirkung, ohne etwas zu speichern.
      </p>

      <h2 id="ergebnis">{result?.preview ? 'Vorschau (nicht gespeichert)' : 'Was Sie mitteilen müssen'}</h2>
      <div aria-live="polite">
        {judged.items.length ? (
          <ol>
            {judged.items.map((i) => (
              <li key={i.id}>
                <strong>{i.title}</strong> <span className="hint">({i.clauses})</span>
                {i.detail ? <p>{i.detail}</p> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>Nach Ihren Angaben und der Belegliste ist derzeit nichts mitzuteilen.</p>
        )}
        <ScrollTable caption="Zahlen">
          <tbody>
            {judged.figures.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="num">{value}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        <ul>
          {judged.effect.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </div>
      {d.judged.items.length && !result?.preview ? (
        <p>
          <a href={`${base}/aenderungen.pdf`} className="button button--secondary" download>
            Änderungsmitteilung als PDF
          </a>
        </p>
      ) : null}

      <PostForm id={FORM} noValidate>
        <input type="hidden" name="version" value={d.version} />
        <h2>Ihre Angaben</h2>
        <PlainText
          form={FORM}
          name="forecast"
          label={changeFieldLabels.forecast}
          hint="Leer lassen, wenn Sie mit den bewilligten Ausgaben rechnen. Sinken die Ausgaben um mehr als 7,5 % oder um mehr als 10.000 €, ist das anzuzeigen (Nr. 5.1)."
          value={values.forecast}
          error={result?.errors.forecast}
          width="medium"
          inputMode="decimal"
        />
        <PlainText
          form={FORM}
          name="additional"
          label={changeFieldLabels.additional}
          hint="Weitere Zuwendungen anderer öffentlicher Stellen oder Mittel Dritter, beantragt oder erhalten (Nr. 5.1)."
          value={values.additional}
          error={result?.errors.additional}
          width="medium"
          inputMode="decimal"
        />
        <PlainText
          form={FORM}
          name="source"
          label={changeFieldLabels.source}
          hint="Nur nötig, wenn Mittel hinzugekommen sind."
          value={values.source}
          error={result?.errors.source}
        />
        <fieldset className="field fieldset">
          <legend className="field__label">Weitere Änderungen</legend>
          <div className="choices">
            {circumstancesFor(d.part).map((c) => (
              <div className="choice" key={c.id}>
                <input
                  type="checkbox"
                  id={plainId(FORM, `circumstances.${c.id}`)}
                  name="circumstances"
                  value={c.id}
                  defaultChecked={ticked.has(c.id)}
                  className="choice__input"
                />
                <label htmlFor={plainId(FORM, `circumstances.${c.id}`)} className="choice__label">
                  {c.label} <span className="hint">({c.clauses[d.part]})</span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <PlainText
          form={FORM}
          name="explanation"
          label={changeFieldLabels.explanation}
          hint={`Was hat sich geändert, warum, und was folgt daraus für das Vorhaben? (höchstens ${explanationMaxLength.toLocaleString('de-DE')} Zeichen)`}
          value={values.explanation}
          error={result?.errors.explanation}
          optional
          multiline
        />
        <div className="button-row">
          <button type="submit" name="intent" value="speichern" className="button">
            Speichern
          </button>
          <button type="submit" name="intent" value="berechnen" className="button button--secondary">
            Berechnen
          </button>
        </div>
      </PostForm>
    </>
  );
}
