import { Form, Link, useActionData, useRouteLoaderData } from '@remix-run/react';
import type { RootLoaderData } from '../../root';
import { returnQuery } from '../../utils/return-to';
import { PostForm } from '../forms';
import { ScrollTable } from '../scroll-table';

interface View {
  notice: string | null;
  routeChosen: boolean;
  maxMegabytes: number;
  fileTypes: string[];
  accept: string;
  types: Array<{ id: string; label: string; hint: string; required: boolean; present: boolean }>;
  files: Array<{ id: number; type: string; name: string; sizeKb: number; uploadedAt: string; uploadedBy: string | null }>;
}

type UploadError = { field: 'file' | 'docType'; message: string };

const notices: Record<string, string> = {
  hochgeladen: 'Die Datei wurde hochgeladen.',
  entfernt: 'Die Anlage wurde entfernt.',
};

export function AttachmentsStep({
  view,
  id,
  editable = true,
  returnTo = null,
}: {
  view: View;
  id: number;
  editable?: boolean;
  returnTo?: 'pruefen' | null;
}) {
  const actionData = useActionData<{ uploadErrors?: UploadError[]; docType?: string | null }>();
  const root = useRouteLoaderData<RootLoaderData>('root');
  const errors = actionData?.uploadErrors ?? [];
  const fileError = errors.find((e) => e.field === 'file')?.message;
  const typeError = errors.find((e) => e.field === 'docType')?.message;
  const required = view.types.filter((t) => t.required);
  const missing = required.filter((t) => !t.present);
  // The notice of the previous upload belongs to that upload: a refused one replaces it.
  const notice = fileError || typeError ? null : view.notice;
  const action = `/antraege/${id}/anlagen${returnQuery(returnTo)}`;
  return (
    <>
      {notice && notices[notice] ? (
        <div className="notice notice--success" role="status">
          <p>{notices[notice]}</p>
        </div>
      ) : null}
      {fileError || typeError ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2 className="error-summary__title">Die Datei wurde nicht hochgeladen</h2>
          <ul className="error-summary__list">
            {typeError ? (
              <li>
                <a href="#docType">{typeError}</a>
              </li>
            ) : null}
            {fileError ? (
              <li>
                <a href="#file">{fileError}</a>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      <h2>Benötigte Unterlagen</h2>
      <RequirementSummary routeChosen={view.routeChosen} required={required.length} missing={missing.length} />
      {required.length ? (
        <ul className="task-list">
          {required.map((t) => (
            <li key={t.id} className="task-list__item">
              <div className="task-list__name">
                <span>{t.label}</span>
                <p className="hint">{t.hint}</p>
              </div>
              <span className={t.present ? 'tag tag--green' : 'tag tag--red'}>{t.present ? 'Vorhanden' : 'Fehlt'}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <>
          <h2>Datei hochladen</h2>
          <p>
            Erlaubt sind {view.fileTypes.join(', ')} bis {view.maxMegabytes} MB je Datei. Wir prüfen den Dateiinhalt, nicht nur die Endung.
          </p>
          <Form
            method="post"
            action={action}
            encType="multipart/form-data"
            noValidate
            // public/js/wizard.js refuses a file over the limit before it travels (the server refuses it too).
            data-max-bytes={view.maxMegabytes * 1024 * 1024}
            data-too-large={`Die Datei ist größer als ${view.maxMegabytes} MB. Bitte verkleinern Sie sie und laden Sie sie erneut hoch.`}
          >
            <input type="hidden" name="csrf" value={root?.csrfToken ?? ''} />
            <div className={`field${typeError ? ' field--error' : ''}`}>
              <label htmlFor="docType" className="field__label">
                Art der Unterlage
              </label>
              {typeError ? (
                <p id="docType-error" className="field__error">
                  <span className="visually-hidden">Fehler: </span>
                  {typeError}
                </p>
              ) : null}
              <select
                id="docType"
                name="docType"
                className="select"
                aria-invalid={typeError ? true : undefined}
                aria-describedby={typeError ? 'docType-error' : undefined}
                defaultValue={actionData?.docType ?? missing[0]?.id ?? ''}
              >
                <option value="">Bitte auswählen</option>
                {view.types.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                    {t.required ? ' (erforderlich)' : ''}
                  </option>
                ))}
              </select>
            </div>
            <div className={`field${fileError ? ' field--error' : ''}`}>
              <label htmlFor="file" className="field__label">
                Datei
              </label>
              <p id="file-hint" className="field__hint">
                {view.fileTypes.join(', ')}, höchstens {view.maxMegabytes} MB
              </p>
              {fileError ? (
                <p id="file-error" className="field__error">
                  <span className="visually-hidden">Fehler: </span>
                  {fileError}
                </p>
              ) : null}
              <input
                type="file"
                id="file"
                name="file"
                accept={view.accept}
                className="input"
                aria-invalid={fileError ? true : undefined}
                aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
              />
            </div>
            <button type="submit" className="button">
              Hochladen
            </button>
          </Form>
        </>
      ) : null}
      <h2>Hochgeladene Dateien</h2>
      {view.files.length === 0 ? (
        <p>Noch keine Dateien.</p>
      ) : (
        <ScrollTable caption="Hochgeladene Dateien" captionHidden>
          <thead>
            <tr>
              <th scope="col">Unterlage</th>
              <th scope="col">Datei</th>
              <th scope="col">Hochgeladen</th>
              {editable ? (
                <th scope="col">
                  <span className="visually-hidden">Aktion</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {view.files.map((f) => (
              <tr key={f.id}>
                <td>{f.type}</td>
                <td>
                  <a href={`/antraege/${id}/anlagen/${f.id}`} download>
                    {f.name}
                  </a>{' '}
                  <span className="hint">({f.sizeKb} KB)</span>
                </td>
                <td>
                  {f.uploadedAt}
                  {f.uploadedBy ? ` von ${f.uploadedBy}` : ''}
                </td>
                {editable ? (
                  <td>
                    <PostForm className="inline-form" action={action}>
                      <input type="hidden" name="attachmentId" value={f.id} />
                      <button type="submit" name="intent" value="remove" className="button button--link">
                        Entfernen<span className="visually-hidden"> – {f.name}</span>
                      </button>
                    </PostForm>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <div className="button-row step-actions">
        {returnTo === 'pruefen' ? (
          <Link to={`/antraege/${id}/pruefen`} className="button">
            Zurück zu „Angaben prüfen“
          </Link>
        ) : (
          <Link to={`/antraege/${id}`} className="button">
            Zur Übersicht
          </Link>
        )}
      </div>
    </>
  );
}

/** What the step still needs – never "all there" before anything is known or uploaded. */
function RequirementSummary({ routeChosen, required, missing }: { routeChosen: boolean; required: number; missing: number }) {
  if (!routeChosen) {
    return <p>Welche Unterlagen nötig sind, hängt vom Förderweg ab. Wählen Sie ihn zuerst im Abschnitt „Vorhaben“.</p>;
  }
  if (required === 0) {
    return (
      <p>
        Für Ihren Förderweg schreibt die Richtlinie keine Anlage vor. Sie können trotzdem Unterlagen beifügen, die das Vorhaben erläutern,
        zum Beispiel Angebote.
      </p>
    );
  }
  if (missing === 0) return <p>Alle für Ihren Förderweg nötigen Unterlagen liegen vor.</p>;
  return <p>{missing === 1 ? 'Eine Unterlage fehlt noch.' : `${missing} von ${required} Unterlagen fehlen noch.`}</p>;
}
