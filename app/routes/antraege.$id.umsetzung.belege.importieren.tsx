import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { formatEuro } from '../../machines/shared/format';
import { decodeCsv, importEncodings, MAX_IMPORT_BYTES, windows1252Notice, type ImportEncoding } from '../../machines/shared/csv-import';
import {
  mappableFields,
  mappingFromForm,
  mappingProblems,
  readRows,
  readTable,
  suggestMapping,
  summarise,
  type Mapping,
} from '../../machines/umsetzung/receipt-import';
import { countedCents, receiptFieldLabels } from '../../machines/umsetzung/receipts';
import { ColumnSelect, CsvFileStep } from '../components/csv-import';
import { CsrfInput } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { assertCsrf, readProtectedForm } from '../csrf.server';
import { requireApplicant } from '../session.server';
import { receiptOf, requireImplementation } from '../umsetzung/implementation.server';
import { importReceiptRows, receiptsOf } from '../umsetzung/records.server';
import { PartTooLargeError, readMultipartForm } from '../utils/multipart.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Belege aus CSV übernehmen – ${d?.title ?? 'Antrag'} – Förderlotse Bürgerbeteiligung` },
];

/**
 * Receipts from a CSV file (issue 19 Nr. 2, ADR 0063): choose the file, map its columns onto the
 * Belegliste, see every row checked by the rules of a receipt typed by hand, then take over the
 * rows that passed. Without JavaScript: the file's text travels in a hidden field between steps.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireImplementation(user, params.id);
  return {
    id: loaded.application.row.id,
    title: loaded.application.data.project.title?.trim() || 'Antrag ohne Titel',
    vatDeductible: loaded.bescheid.vatDeductible,
    lines: loaded.bescheid.lines.map((l) => ({ id: l.id, label: l.label })),
  };
}

type Step1Error = { step: 'datei'; error: string; encoding: ImportEncoding };

/** The state of the mapping step, as the page shows it (also after every check). */
interface Step2 {
  step: 'zuordnen';
  csv: string;
  notice: string | null;
  header: string[];
  mapping: { columns: Record<string, string>; position: string; negativ: boolean };
  problems: string[];
  error: string | null;
  skipInvalid: boolean;
  summary: { valid: number; invalid: number; duplicates: number; total: number; sum: string };
  rows: Array<{ line: number; cells: string[]; status: 'ok' | 'fehler' | 'doppelt'; errors: string[] }>;
}

const mappingForPage = (mapping: Mapping): Step2['mapping'] => ({
  columns: Object.fromEntries(mappableFields.map((f) => [f, mapping.columns[f] === null ? '' : String(mapping.columns[f])])),
  position: mapping.line ? (mapping.line.kind === 'column' ? `spalte:${mapping.line.index}` : `position:${mapping.line.lineId}`) : '',
  negativ: mapping.negativeIsExpense,
});

type Loaded = Awaited<ReturnType<typeof requireImplementation>>;

/** Every row read through the mapping and checked, rows already in the Belegliste marked. */
async function checkedRows(loaded: Loaded, table: { rows: string[][] }, mapping: Mapping) {
  const existing = (await receiptsOf(loaded.row.id)).map(receiptOf);
  return readRows(table, mapping, loaded.bescheid, existing);
}

function step2(
  loaded: Loaded,
  csv: string,
  header: string[],
  mapping: Mapping,
  rows: ReturnType<typeof readRows>,
  extra: { notice?: string | null; error?: string | null; skipInvalid?: boolean },
): Step2 {
  const summary = summarise(rows);
  const sum = rows.reduce(
    (s, r) => (r.result.ok && !r.duplicate ? s + countedCents(r.result.receipt, loaded.bescheid.vatDeductible) : s),
    0,
  );
  return {
    step: 'zuordnen',
    csv,
    notice: extra.notice ?? null,
    header,
    mapping: mappingForPage(mapping),
    problems: mappingProblems(mapping, loaded.bescheid),
    error: extra.error ?? null,
    skipInvalid: extra.skipInvalid ?? false,
    summary: { ...summary, total: rows.length, sum: formatEuro(sum) },
    rows: rows.map((r) => ({
      line: r.fileLine,
      cells: r.cells,
      status: !r.result.ok ? 'fehler' : r.duplicate ? 'doppelt' : 'ok',
      errors: r.result.ok ? [] : r.result.errors,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const multipart = (request.headers.get('content-type') ?? '').startsWith('multipart/form-data');
  let form: FormData;
  if (multipart) {
    try {
      form = await readMultipartForm(request, { maxPartBytes: MAX_IMPORT_BYTES + 1 });
    } catch (error) {
      const message =
        error instanceof PartTooLargeError
          ? 'Die Datei ist größer als 1 MB. Bitte teilen Sie sie auf, zum Beispiel nach Monaten.'
          : 'Die Datei konnte nicht gelesen werden. Bitte versuchen Sie es erneut.';
      return data<Step1Error>({ step: 'datei', error: message, encoding: 'auto' }, { status: 400 });
    }
    await assertCsrf(request, form);
  } else form = await readProtectedForm(request);
  // Loaded after the token is checked: a forged post learns nothing about which drafts exist.
  const loaded = await requireImplementation(user, params.id);
  const intent = form.get('intent');
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : null;
  };

  if (intent === 'lesen') {
    const encodingRaw = text('zeichensatz') ?? 'auto';
    const encoding: ImportEncoding = (importEncodings as readonly string[]).includes(encodingRaw)
      ? (encodingRaw as ImportEncoding)
      : 'auto';
    const file = form.get('datei');
    if (!(file instanceof File) || file.size === 0)
      return data<Step1Error>({ step: 'datei', error: 'Bitte wählen Sie die CSV-Datei mit den Belegen.', encoding }, { status: 400 });
    const decoded = decodeCsv(new Uint8Array(await file.arrayBuffer()), encoding);
    if (!decoded.ok) return data<Step1Error>({ step: 'datei', error: decoded.message, encoding }, { status: 400 });
    const table = readTable(decoded.text);
    if (!table.ok) return data<Step1Error>({ step: 'datei', error: table.message, encoding }, { status: 400 });
    const mapping = suggestMapping(table.header);
    const rows = await checkedRows(loaded, table, mapping);
    const notice = decoded.guessed ? windows1252Notice : null;
    return step2(loaded, decoded.text, table.header, mapping, rows, { notice });
  }

  if (intent !== 'pruefen' && intent !== 'uebernehmen')
    return data<Step1Error>({ step: 'datei', error: 'Bitte wählen Sie zuerst eine Datei.', encoding: 'auto' }, { status: 400 });
  const csv = text('csv') ?? '';
  const table = readTable(csv);
  if (!table.ok) return data<Step1Error>({ step: 'datei', error: table.message, encoding: 'auto' }, { status: 400 });
  const mapping = mappingFromForm(text, table.header.length);
  const skipInvalid = text('fehlerhafte-auslassen') === 'on';
  const rows = await checkedRows(loaded, table, mapping);
  const page = (error: string | null) => step2(loaded, csv, table.header, mapping, rows, { error, skipInvalid });
  if (intent === 'pruefen') return page(null);

  const problems = mappingProblems(mapping, loaded.bescheid);
  if (problems.length) return data(page('Bitte vervollständigen Sie zuerst die Zuordnung der Spalten.'), { status: 400 });
  const summary = summarise(rows);
  if (summary.invalid > 0 && !skipInvalid)
    return data(
      page(
        `${summary.invalid === 1 ? '1 Zeile hat' : `${summary.invalid} Zeilen haben`} Fehler (siehe unten). Korrigieren Sie die Datei und lesen Sie sie neu ein, oder kreuzen Sie an, dass nur die fehlerfreien Zeilen übernommen werden.`,
      ),
      { status: 400 },
    );
  const receipts = rows.flatMap((r) => (r.result.ok && !r.duplicate ? [r.result.receipt] : []));
  if (!receipts.length)
    return data(page('Keine Zeile lässt sich übernehmen: Alle sind fehlerhaft oder schon in der Belegliste.'), { status: 400 });
  const stored = await importReceiptRows(loaded.row.id, receipts, user.id);
  return redirect(
    `/antraege/${loaded.application.row.id}/umsetzung/belege?importiert=${stored.added}&doppelt=${stored.duplicates + summary.duplicates}`,
  );
}

export default function ImportReceipts() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/antraege/${d.id}/umsetzung/belege`;
  const s2 = result && result.step === 'zuordnen' ? (result as Step2) : null;
  const s1 = result && result.step === 'datei' ? (result as Step1Error) : null;
  const counted = d.vatDeductible ? 'netCents' : 'grossCents';
  return (
    <>
      <p className="caption">
        <Link to={base}>Belegliste: {d.title}</Link>
      </p>
      <h1>Belege aus einer CSV-Datei übernehmen</h1>
      {s2 ? null : (
        <>
          <p>
            Zum Beispiel der Export Ihres Finanzverfahrens oder eine Tabelle, die Sie als CSV gespeichert haben. Die erste Zeile muss die
            Spaltennamen enthalten. Im nächsten Schritt ordnen Sie die Spalten zu und sehen jede Zeile geprüft, bevor etwas übernommen wird.
          </p>
          <CsvFileStep
            error={s1}
            hint={<>Höchstens 1 MB und 2.000 Zeilen. Beträge wie 1.234,56 und Daten wie 31.12.2026 werden erkannt.</>}
          />
        </>
      )}
      {s2 ? (
        <>
          {s2.notice ? (
            <div className="notice notice--warning" role="status">
              <p>{s2.notice}</p>
            </div>
          ) : null}
          {s2.error ? (
            <div className="notice notice--error" role="alert">
              <p>{s2.error}</p>
            </div>
          ) : null}
          <Form
            method="post"
            encType="multipart/form-data"
            aria-labelledby="zuordnung-titel"
            key={JSON.stringify([s2.mapping, s2.summary])}
          >
            <CsrfInput />
            <input type="hidden" name="csv" value={s2.csv} />
            {/* Enter in a field checks the mapping; it never takes anything over. */}
            <button type="submit" name="intent" value="pruefen" className="visually-hidden" tabIndex={-1} aria-hidden="true">
              Zuordnung prüfen
            </button>
            <h2 id="zuordnung-titel">Spalten zuordnen</h2>
            <p>
              Wählen Sie für jedes Feld der Belegliste die Spalte Ihrer Datei.{' '}
              {d.vatDeductible ? 'Es zählen die Nettobeträge.' : 'Es zählen die Bruttobeträge.'}
            </p>
            {s2.problems.length ? (
              <ul className="field__error">
                {s2.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
            {mappableFields.map((f) => (
              <ColumnSelect
                key={f}
                id={`import-spalte-${f}`}
                name={`spalte-${f}`}
                label={receiptFieldLabels[f]}
                header={s2.header}
                value={s2.mapping.columns[f] ?? ''}
                required={f === 'invoicedOn' || f === 'payee' || f === 'purpose' || f === counted}
              />
            ))}
            <div className="field">
              <label htmlFor="import-position" className="field__label">
                Position des Finanzierungsplans
              </label>
              <p id="import-position-hint" className="field__hint">
                Eine Spalte mit dem Namen der Position, wie er im Bescheid steht, oder eine Position für alle Zeilen.
              </p>
              <select
                id="import-position"
                name="position"
                defaultValue={s2.mapping.position}
                className="select"
                aria-describedby="import-position-hint"
              >
                <option value="">Bitte auswählen</option>
                <optgroup label="Aus einer Spalte">
                  {s2.header.map((h, i) => (
                    <option key={`${i}-${h}`} value={`spalte:${i}`}>
                      Spalte {i + 1}: {h || '(ohne Namen)'}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Für alle Zeilen">
                  {d.lines.map((l) => (
                    <option key={l.id} value={`position:${l.id}`}>
                      {l.label}
                    </option>
                  ))}
                </optgroup>
              </select>
            </div>
            <div className="field">
              <div className="choice">
                <input type="checkbox" id="import-negativ" name="negativ" defaultChecked={s2.mapping.negativ} className="choice__input" />
                <label htmlFor="import-negativ" className="choice__label">
                  Ausgaben stehen mit Minuszeichen in der Datei (zum Beispiel ein Kontoauszug)
                </label>
              </div>
            </div>
            <div className="button-row">
              <button type="submit" name="intent" value="pruefen" className="button button--secondary">
                Zuordnung prüfen
              </button>
            </div>
            <h2 id="vorschau-titel">Prüfung der Zeilen</h2>
            <p role="status">
              {s2.summary.total} Zeilen: {s2.summary.valid} fehlerfrei ({s2.summary.sum}), {s2.summary.invalid} mit Fehlern,{' '}
              {s2.summary.duplicates} schon in der Belegliste.
            </p>
            {s2.summary.invalid ? (
              <>
                <h3 id="fehler-titel">Zeilen mit Fehlern</h3>
                <ul aria-labelledby="fehler-titel">
                  {s2.rows
                    .filter((r) => r.status === 'fehler')
                    .slice(0, 50)
                    .map((r) => (
                      <li key={r.line}>
                        Zeile {r.line}: {r.errors.join(' ')}
                      </li>
                    ))}
                </ul>
                {s2.summary.invalid > 50 ? <p>… und {s2.summary.invalid - 50} weitere (siehe Tabelle).</p> : null}
              </>
            ) : null}
            <ScrollTable caption="Zeilen der Datei mit dem Ergebnis der Prüfung" label="Prüfung der Zeilen">
              <thead>
                <tr>
                  <th scope="col">Zeile</th>
                  {s2.header.map((h, i) => (
                    <th scope="col" key={`${i}-${h}`}>
                      {h || `Spalte ${i + 1}`}
                    </th>
                  ))}
                  <th scope="col">Ergebnis</th>
                </tr>
              </thead>
              <tbody>
                {s2.rows.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    {s2.header.map((h, i) => (
                      <td key={`${i}-${h}`}>{r.cells[i] ?? ''}</td>
                    ))}
                    <td>
                      {r.status === 'ok' ? (
                        'Fehlerfrei'
                      ) : r.status === 'doppelt' ? (
                        'Schon in der Belegliste – wird nicht noch einmal übernommen'
                      ) : (
                        <ul className="plain-list">
                          {r.errors.map((e) => (
                            <li key={e}>{e}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
            {s2.summary.invalid > 0 ? (
              <div className="field">
                <div className="choice">
                  <input
                    type="checkbox"
                    id="import-auslassen"
                    name="fehlerhafte-auslassen"
                    defaultChecked={s2.skipInvalid}
                    className="choice__input"
                  />
                  <label htmlFor="import-auslassen" className="choice__label">
                    Nur die fehlerfreien Zeilen übernehmen; die {s2.summary.invalid} fehlerhaften erfasse ich selbst.
                  </label>
                </div>
              </div>
            ) : null}
            <div className="button-row">
              <button type="submit" name="intent" value="uebernehmen" className="button">
                {s2.summary.valid === 1 ? '1 Beleg übernehmen' : `${s2.summary.valid} Belege übernehmen`}
              </button>
              <Link to={`${base}/importieren`} className="button button--secondary" reloadDocument>
                Andere Datei wählen
              </Link>
            </div>
          </Form>
        </>
      ) : null}
    </>
  );
}
