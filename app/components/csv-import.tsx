import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { importEncodingLabel, importEncodings } from '../../machines/shared/csv-import';
import { CsrfInput } from './forms';

/**
 * The first step of the CSV imports (receipts, cost lines): the file and its character set, with the
 * reason a file was not read in a summary above and at the field. Without JavaScript a plain
 * multipart POST with `intent=lesen`.
 */
export function CsvFileStep({ error, hint }: { error: { error: string; encoding?: string } | null; hint: ReactNode }) {
  return (
    <>
      {error ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2 className="error-summary__title">Die Datei wurde nicht gelesen</h2>
          <ul className="error-summary__list">
            <li>
              <a href="#import-datei">{error.error}</a>
            </li>
          </ul>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" aria-label="CSV-Datei wählen">
        <CsrfInput />
        <div className={`field${error ? ' field--error' : ''}`}>
          <label htmlFor="import-datei" className="field__label">
            CSV-Datei
          </label>
          <p id="import-datei-hint" className="field__hint">
            {hint}
          </p>
          {error ? (
            <p id="import-datei-error" className="field__error">
              <span className="visually-hidden">Fehler: </span>
              {error.error}
            </p>
          ) : null}
          <input
            type="file"
            id="import-datei"
            name="datei"
            accept=".csv,text/csv,.txt,text/plain"
            className="input"
            aria-describedby={error ? 'import-datei-hint import-datei-error' : 'import-datei-hint'}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="import-zeichensatz" className="field__label">
            Zeichensatz
          </label>
          <select id="import-zeichensatz" name="zeichensatz" defaultValue={error?.encoding ?? 'auto'} className="select">
            {importEncodings.map((e) => (
              <option key={e} value={e}>
                {importEncodingLabel[e]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" name="intent" value="lesen" className="button">
          Datei lesen
        </button>
      </Form>
    </>
  );
}

/** A select choosing one column of an uploaded CSV file (the mapping step of the CSV imports). */
export function ColumnSelect({
  id,
  name,
  label,
  header,
  value,
  required,
}: {
  id: string;
  name: string;
  label: string;
  header: string[];
  value: string;
  required: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
        {required ? null : <span className="field__optional"> (optional)</span>}
      </label>
      <select id={id} name={name} defaultValue={value} className="select">
        <option value="">{required ? 'Bitte auswählen' : 'Keine Spalte'}</option>
        {header.map((h, i) => (
          <option key={`${i}-${h}`} value={String(i)}>
            Spalte {i + 1}: {h || '(ohne Namen)'}
          </option>
        ))}
      </select>
    </div>
  );
}
