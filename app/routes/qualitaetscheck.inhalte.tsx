import { getFormProps, getTextareaProps, useForm } from '@conform-to/react';
import { getZodConstraint } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { contentEditorSchema } from '../../machines/qualitaetscheck/form';
import { perspectiveInfo, perspectives } from '../../machines/qualitaetscheck/schema';
import { perspectiveList } from '../../machines/qualitaetscheck/versions';
import { TextAreaField } from '../components/fields';
import { CsrfInput } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { contentEditorPage, contentEditors, publishContent } from '../qualitaetscheck/content-editor.server';
import { readProtectedForm } from '../csrf.server';
import { requireRole } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Inhalte des QualitätsChecks – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, contentEditors);
  return contentEditorPage(new URL(request.url));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, contentEditors);
  return publishContent(user, await readProtectedForm(request));
}

type Change = NonNullable<NonNullable<ReturnType<typeof useActionData<typeof action>>>['change']>;

function ChangePreview({ change }: { change: Change }) {
  const list = (title: string, items: string[]) =>
    items.length ? (
      <>
        <h3>{title}</h3>
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </>
    ) : null;
  return (
    <section className="notice" aria-labelledby="vorschau-titel" role="status">
      <h2 id="vorschau-titel">
        Prüfung bestanden: Fassung {change.toVersion} gegenüber {change.fromVersion}
      </h2>
      {change.questionsUnchanged && !change.addedCriteria.length && !change.removedCriteria.length ? (
        <p>An den Aussagen ändert sich nichts.</p>
      ) : null}
      {list(
        'Neue Kriterien',
        change.addedCriteria.map((c) => c.title),
      )}
      {list(
        'Entfallene Kriterien',
        change.removedCriteria.map((c) => c.title),
      )}
      {list(
        'Neue Aussagen',
        change.addedQuestions.map((q) => `${q.criterionTitle}: ${q.text}`),
      )}
      {list(
        'Entfallene Aussagen (bisherige Antworten bleiben gespeichert und werden als „gehört zu einer früheren Fassung“ gezeigt)',
        change.removedQuestions.map((q) => `${q.criterionTitle}: ${q.text}`),
      )}
      {list(
        'Umformulierte Aussagen (bisherige Antworten gelten weiter – ändert sich die Bedeutung, vergeben Sie bitte eine neue Kennung)',
        change.rewordedQuestions.map((q) => `${q.criterionTitle}: „${q.previousText}“ → „${q.text}“`),
      )}
      {list(
        'Geänderte Sichtweisen',
        change.perspectiveChanges.map(
          (q) =>
            `${q.text}${q.added.length ? ` – neu für ${perspectiveList(q.added)}` : ''}${q.removed.length ? ` – nicht mehr für ${perspectiveList(q.removed)}` : ''}`,
        ),
      )}
      {change.thresholdsChanged ? <p>Die Schwellen für Stärken, Entwicklungsfelder oder abweichende Sichtweisen ändern sich.</p> : null}
      <p>Begonnene Checks behalten ihre Fassung; neue Checks verwenden nach dem Veröffentlichen Fassung {change.toVersion}.</p>
    </section>
  );
}

export default function ContentEditor() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ content: string; note: string }>({
    id: 'inhalte',
    lastResult: actionData?.result,
    defaultValue: { content: d.draft },
    constraint: getZodConstraint(contentEditorSchema),
    shouldValidate: 'onSubmit',
  });
  const { key, ...contentProps } = getTextareaProps(fields.content);
  const contentErrors = fields.content.errors ?? [];
  const errorCount = Object.values(form.allErrors).reduce((sum, list) => sum + list.length, 0);
  return (
    <>
      <h1>Inhalte des QualitätsChecks</h1>
      <p className="lead">
        Kriterien, Aussagen und Anregungen sind Daten. Eine neue Fassung veröffentlichen Sie hier, ohne dass das Programm geändert werden
        muss.
      </p>
      {d.published ? (
        <div className="notice notice--success" role="status">
          <p>Fassung {d.published} ist veröffentlicht. Neue QualitätsChecks verwenden sie; begonnene behalten ihre Fassung.</p>
        </div>
      ) : null}

      <h2>Aktuelle Fassung {d.current.version}</h2>
      <p>
        Veröffentlicht am {d.current.publishedOn}. Aussagen je Sichtweise:{' '}
        {perspectives.map((p) => `${perspectiveInfo[p].label} ${d.current.counts[p]}`).join(', ')}.
      </p>
      {d.current.criteria.map((c) => (
        <details key={c.id} className="details">
          <summary>{c.title}</summary>
          <p>{c.explanation}</p>
          <h3 className="heading-small">Aussagen</h3>
          <ul>
            {c.questions.map((q) => (
              <li key={q.id}>
                {q.text}{' '}
                <span className="hint">
                  ({q.perspectives}; Kennung {q.id})
                </span>
              </li>
            ))}
          </ul>
          <h3 className="heading-small">Anregungen</h3>
          <ul>
            {c.suggestions.map((s) => (
              <li key={s.id}>
                <span className="tag tag--blue">{s.kind}</span> {s.text}
              </li>
            ))}
          </ul>
        </details>
      ))}

      <h2>Fassungen</h2>
      <ScrollTable caption="Fassungen" captionHidden>
        <thead>
          <tr>
            <th scope="col">Fassung</th>
            <th scope="col">Veröffentlicht</th>
            <th scope="col">Von</th>
            <th scope="col">Änderungen</th>
            <th scope="col" className="num">
              Checks
            </th>
          </tr>
        </thead>
        <tbody>
          {d.versions.map((v) => (
            <tr key={v.version}>
              <th scope="row">{v.version}</th>
              <td>{v.publishedAt}</td>
              <td>{v.by}</td>
              <td className="preserve-lines">{v.note}</td>
              <td className="num">{v.checks}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>

      <h2 id="neue-fassung">Neue Fassung veröffentlichen</h2>
      <p>
        Bearbeiten Sie den Inhalt im JSON-Format; vorausgefüllt ist die aktuelle Fassung mit der nächsten Fassungsbezeichnung (
        {d.nextVersion}). Antworten werden über die Kennung („id“) einer Aussage zugeordnet: Behalten Sie Kennungen bei, wenn Sie nur die
        Formulierung verbessern, und vergeben Sie eine neue, wenn sich die Bedeutung ändert. „Prüfen“ zeigt, was sich für Antwortende
        ändert; gespeichert wird erst mit „Veröffentlichen“.
      </p>
      {errorCount ? (
        <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby="inhalte-fehler">
          <h2 id="inhalte-fehler" className="error-summary__title">
            {errorCount === 1 ? 'Die neue Fassung hat einen Fehler' : `Die neue Fassung hat ${errorCount} Fehler`}
          </h2>
          <ul className="error-summary__list">
            {contentErrors.length ? (
              <li>
                <a href={`#${fields.content.id}`}>
                  Inhalt:{' '}
                  {contentErrors.length === 1 ? contentErrors[0] : `${contentErrors.length} Fehler, sie stehen über dem Eingabefeld`}
                </a>
              </li>
            ) : null}
            {fields.note.errors?.length ? (
              <li>
                <a href={`#${fields.note.id}`}>{fields.note.errors.join(' ')}</a>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      {actionData?.change ? <ChangePreview change={actionData.change} /> : null}
      <Form method="post" {...getFormProps(form)} noValidate action="/qualitaetscheck/inhalte#neue-fassung">
        <CsrfInput />
        <div className={`field qc-json${contentErrors.length ? ' field--error' : ''}`}>
          <label htmlFor={fields.content.id} className="field__label">
            Inhalt der neuen Fassung (JSON)
          </label>
          <div id={`${fields.content.id}-hint`} className="field__hint">
            Fassung, Datum, Titel, Einleitung, Hinweise, Schwellen und die Kriterien mit ihren Aussagen und Anregungen.
          </div>
          {contentErrors.length ? (
            <ul id={fields.content.errorId} className="field__error qc-json__errors">
              {contentErrors.map((e) => (
                <li key={e}>
                  <span className="visually-hidden">Fehler: </span>
                  {e}
                </li>
              ))}
            </ul>
          ) : null}
          <textarea
            key={key}
            {...contentProps}
            aria-describedby={[`${fields.content.id}-hint`, contentErrors.length ? fields.content.errorId : null].filter(Boolean).join(' ')}
            className="textarea"
            rows={24}
            spellCheck={false}
          />
        </div>
        <TextAreaField
          field={fields.note}
          label="Was ändert sich in dieser Fassung?"
          hint="Erscheint in der Liste der Fassungen."
          rows={3}
        />
        <div className="button-row">
          <button type="submit" name="intent" value="pruefen" className="button button--secondary">
            Prüfen
          </button>
          <button type="submit" name="intent" value="veroeffentlichen" className="button">
            Veröffentlichen
          </button>
        </div>
      </Form>
    </>
  );
}
