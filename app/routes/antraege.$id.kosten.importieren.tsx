import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import {
  costImportFieldLabel,
  costImportFields,
  costMappingFromForm,
  costMappingProblems,
  MAX_COST_IMPORT_ROWS,
  readCostRows,
  suggestCostMapping,
  summariseCostRows,
  type CostImportField,
  type CostMapping,
} from '../../machines/frl/application/cost-line-import';
import { isEditable, adviceStatusLabel, statusOf } from '../../machines/frl/advice/machine';
import {
  decodeCsv,
  importEncodings,
  MAX_IMPORT_BYTES,
  readTable,
  windows1252Notice,
  type ImportEncoding,
} from '../../machines/shared/csv-import';
import { formatEuro } from '../../machines/shared/format';
import { restoreAdvice } from '../beratung/advice.server';
import { newRowId } from '../antrag/step.server';
import { requireOpenableStep, requireOwnApplication, type LoadedApplication } from '../antrag/application.server';
import { ColumnSelect, CsvFileStep } from '../components/csv-import';
import { CsrfInput } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { assertCsrf, readProtectedForm } from '../csrf.server';
import { appendCostLines } from '../antrag/cost-import.server';
import { requireApplicant } from '../session.server';
import { PartTooLargeError, readMultipartForm } from '../utils/multipart.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Ausgaben aus CSV übernehmen – ${d?.title ?? 'Antrag'} – Förderlotse Bürgerbeteiligung` },
];

/**
 * The Ausgaben of the Kosten- und Finanzierungsplan from a CSV file (issue 21 Nr. 3, ADR 0078):
 * choose the file, map its columns, see every row checked by the rules of a line typed by hand,
 * then append the rows that passed with one save of the budget step. Without JavaScript the file's
 * text travels in a hidden field between the steps; nothing is stored before the confirmation.
 */

const tableOptions = { maxRows: MAX_COST_IMPORT_ROWS, rowsName: 'Ausgaben' };
const required: ReadonlySet<CostImportField> = new Set(['category', 'description', 'year']);

function lockedMessage(loaded: LoadedApplication): string | null {
  const status = statusOf(restoreAdvice(loaded.row));
  return isEditable(status)
    ? null
    : `Der Antrag hat den Stand „${adviceStatusLabel[status]}“ und kann nicht mehr geändert werden. Es werden keine Ausgaben übernommen.`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireOwnApplication(user, params.id);
  requireOpenableStep(loaded, 'kosten');
  return {
    id: loaded.row.id,
    title: loaded.data.project.title?.trim() || 'Antrag ohne Titel',
    locked: lockedMessage(loaded),
  };
}

type FileError = { step: 'datei'; error: string; encoding: ImportEncoding };
type Refused = { step: 'gesperrt'; error: string };

/** The mapping and preview step, as the page shows it (also after every check). */
interface Preview {
  step: 'zuordnen';
  csv: string;
  version: number;
  notice: string | null;
  header: string[];
  mapping: Record<CostImportField, string>;
  problems: string[];
  error: string | null;
  skipInvalid: boolean;
  summary: { valid: number; invalid: number; total: number; sum: string };
  rows: Array<{ line: number; cells: string[]; amount: string | null; errors: string[] }>;
}

function preview(
  loaded: LoadedApplication,
  input: { csv: string; header: string[]; rows: string[][]; mapping: CostMapping; version: number },
  extra: { notice?: string | null; error?: string | null; skipInvalid?: boolean },
) {
  const rows = readCostRows({ rows: input.rows }, input.mapping, loaded.data, newRowId);
  const summary = summariseCostRows(rows);
  const page: Preview = {
    step: 'zuordnen',
    csv: input.csv,
    version: input.version,
    notice: extra.notice ?? null,
    header: input.header,
    mapping: Object.fromEntries(costImportFields.map((f) => [f, input.mapping[f] === null ? '' : String(input.mapping[f])])) as Record<
      CostImportField,
      string
    >,
    problems: costMappingProblems(input.mapping),
    error: extra.error ?? null,
    skipInvalid: extra.skipInvalid ?? false,
    summary: { valid: summary.valid, invalid: summary.invalid, total: rows.length, sum: formatEuro(summary.validCents) },
    rows: rows.map((r) => ({
      line: r.fileLine,
      cells: r.cells,
      amount: r.amountCents === null ? null : formatEuro(r.amountCents),
      errors: r.result.ok ? [] : r.result.errors,
    })),
  };
  return { page, rows };
}

async function readForm(request: Request): Promise<FormData | FileError> {
  if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return readProtectedForm(request);
  let form: FormData;
  try {
    form = await readMultipartForm(request, { maxPartBytes: MAX_IMPORT_BYTES + 1 });
  } catch (error) {
    const message =
      error instanceof PartTooLargeError
        ? 'Die Datei ist größer als 1 MB. Bitte teilen Sie sie auf, zum Beispiel nach Jahren.'
        : 'Die Datei konnte nicht gelesen werden. Bitte versuchen Sie es erneut.';
    return { step: 'datei', error: message, encoding: 'auto' };
  }
  await assertCsrf(request, form);
  return form;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApplicant(request);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return data(form, { status: 400 });
  // Loaded after the token is checked: a forged post learns nothing about which drafts exist.
  const loaded = await requireOwnApplication(user, params.id);
  requireOpenableStep(loaded, 'kosten');
  const locked = lockedMessage(loaded);
  if (locked) return data<Refused>({ step: 'gesperrt', error: locked }, { status: 409 });
  const intent = form.get('intent');
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : null;
  };
  const fileError = (error: string, encoding: ImportEncoding = 'auto') =>
    data<FileError>({ step: 'datei', error, encoding }, { status: 400 });

  if (intent === 'lesen') {
    const encodingRaw = text('zeichensatz') ?? 'auto';
    const encoding = (importEncodings as readonly string[]).includes(encodingRaw) ? (encodingRaw as ImportEncoding) : 'auto';
    const file = form.get('datei');
    if (!(file instanceof File) || file.size === 0) return fileError('Bitte wählen Sie die CSV-Datei mit den Ausgaben.', encoding);
    const decoded = decodeCsv(new Uint8Array(await file.arrayBuffer()), encoding, 'den Ausgaben');
    if (!decoded.ok) return fileError(decoded.message, encoding);
    const table = readTable(decoded.text, tableOptions);
    if (!table.ok) return fileError(table.message, encoding);
    const mapping = suggestCostMapping(table.header);
    const input = { csv: decoded.text, header: table.header, rows: table.rows, mapping, version: loaded.row.version };
    return preview(loaded, input, { notice: decoded.guessed ? windows1252Notice : null }).page;
  }

  if (intent !== 'pruefen' && intent !== 'uebernehmen') return fileError('Bitte wählen Sie zuerst eine Datei.');
  const csv = text('csv') ?? '';
  const table = readTable(csv, tableOptions);
  if (!table.ok) return fileError(table.message);
  const mapping = costMappingFromForm(text, table.header.length);
  const skipInvalid = text('fehlerhafte-auslassen') === 'on';
  // The version the preview was made on: a confirmation is refused when the plan changed since.
  const postedVersion = Number(text('version'));
  const version = Number.isInteger(postedVersion) ? postedVersion : -1;
  const input = { csv, header: table.header, rows: table.rows, mapping, version };
  const { page, rows } = preview(loaded, input, { skipInvalid });
  if (intent === 'pruefen') return page;

  const refuse = (error: string, status = 400, nextVersion = version) =>
    data<Preview>({ ...page, error, version: nextVersion }, { status });
  if (page.problems.length) return refuse('Bitte vervollständigen Sie zuerst die Zuordnung der Spalten.');
  if (page.summary.invalid > 0 && !skipInvalid)
    return refuse(
      `${page.summary.invalid === 1 ? '1 Zeile hat' : `${page.summary.invalid} Zeilen haben`} Fehler (siehe unten). Korrigieren Sie die Datei und lesen Sie sie neu ein, oder kreuzen Sie an, dass nur die fehlerfreien Zeilen übernommen werden.`,
    );
  const lines = rows.flatMap((r) => (r.result.ok ? [r.result.line] : []));
  if (!lines.length) return refuse('Keine Zeile lässt sich übernehmen: Alle Zeilen haben Fehler.');
  const appended = await appendCostLines({ user, loaded, version, lines });
  if (appended.ok) return redirect(`/antraege/${loaded.row.id}/kosten?importiert=${appended.added}#summen`);
  switch (appended.reason) {
    case 'conflict':
      // The preview is shown again on the current version: confirming once more is a conscious choice.
      return refuse(
        'Der Kosten- und Finanzierungsplan wurde inzwischen geändert (zum Beispiel in einem anderen Fenster oder durch einen zweiten Import). Es wurde nichts übernommen. Bitte sehen Sie im Plan nach, ob die Ausgaben schon enthalten sind; wenn nicht, bestätigen Sie hier erneut.',
        409,
        appended.currentVersion,
      );
    case 'pending':
      return refuse(
        'Im Schritt „Kosten- und Finanzierungsplan“ stehen noch Eingaben mit Fehlern, die nicht gespeichert sind. Bitte korrigieren oder verwerfen Sie diese zuerst; es wurde nichts übernommen.',
        409,
      );
    case 'too-many':
      return refuse('Ein Plan kann höchstens 2.000 Ausgaben enthalten. Bitte übernehmen Sie weniger Zeilen.');
    case 'unavailable':
      return refuse(
        'Es wurde nichts übernommen: Der Server kann im Moment nichts speichern. Bitte versuchen Sie es in einigen Minuten erneut.',
        503,
      );
  }
}

export default function ImportCostLines() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/antraege/${d.id}/kosten`;
  const preview = result && result.step === 'zuordnen' ? (result as Preview) : null;
  const fileError = result && result.step === 'datei' ? (result as FileError) : null;
  const refused = result && result.step === 'gesperrt' ? (result as Refused).error : d.locked;
  return (
    <>
      <p className="caption">
        <Link to={base}>Kosten- und Finanzierungsplan: {d.title}</Link>
      </p>
      <h1>Ausgaben aus einer CSV-Datei übernehmen</h1>
      {refused ? (
        <div className="notice notice--error" role="alert">
          <p>{refused}</p>
        </div>
      ) : preview ? (
        <PreviewForm preview={preview} base={base} />
      ) : (
        <FileForm error={fileError} templateHref={`${base}/vorlage.csv`} />
      )}
    </>
  );
}

function FileForm({ error, templateHref }: { error: FileError | null; templateHref: string }) {
  return (
    <>
      <p>
        Zum Beispiel eine Kostenaufstellung, die Sie in Ihrem Tabellenprogramm als CSV gespeichert haben. Die erste Zeile muss die
        Spaltennamen enthalten. Im nächsten Schritt ordnen Sie die Spalten zu und sehen jede Zeile geprüft, bevor etwas übernommen wird.
      </p>
      <p>
        <a href={templateHref} download>
          Vorlage herunterladen (CSV für Excel und LibreOffice)
        </a>{' '}
        – mit den Spalten Kategorie, Beschreibung, Berechnung, Menge oder Stunden, Einzelpreis, Pauschalbetrag, Jahr und Anmerkung.
      </p>
      <CsvFileStep
        error={error}
        hint={
          <>
            Höchstens 1 MB und {MAX_COST_IMPORT_ROWS} Zeilen, Trennzeichen Semikolon. Beträge wie 1.234,56 werden erkannt, die Kategorie an
            ihrem Namen (zum Beispiel „Honorare“).
          </>
        }
      />
    </>
  );
}

function PreviewForm({ preview: p, base }: { preview: Preview; base: string }) {
  return (
    <>
      {p.notice ? (
        <div className="notice notice--warning" role="status">
          <p>{p.notice}</p>
        </div>
      ) : null}
      {p.error ? (
        <div className="notice notice--error" role="alert">
          <p>{p.error}</p>
        </div>
      ) : null}
      <Form
        method="post"
        encType="multipart/form-data"
        aria-labelledby="zuordnung-titel"
        key={JSON.stringify([p.mapping, p.summary, p.version])}
      >
        <CsrfInput />
        <input type="hidden" name="csv" value={p.csv} />
        <input type="hidden" name="version" value={p.version} />
        {/* Enter in a field checks the mapping; it never takes anything over. */}
        <button type="submit" name="intent" value="pruefen" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          Zuordnung prüfen
        </button>
        <h2 id="zuordnung-titel">Spalten zuordnen</h2>
        <p>
          Wählen Sie für jedes Feld einer Ausgabe die Spalte Ihrer Datei. Nötig sind Menge und Einzelpreis oder ein Pauschalbetrag; ohne
          Spalte „Berechnung“ gilt eine Zeile mit Pauschalbetrag allein als Pauschale und eine Personalausgabe als Stunden × Stundensatz.
        </p>
        {p.problems.length ? (
          <ul className="field__error">
            {p.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
        {costImportFields.map((f) => (
          <ColumnSelect
            key={f}
            id={`import-spalte-${f}`}
            name={`spalte-${f}`}
            label={costImportFieldLabel[f]}
            header={p.header}
            value={p.mapping[f]}
            required={required.has(f)}
          />
        ))}
        <div className="button-row">
          <button type="submit" name="intent" value="pruefen" className="button button--secondary">
            Zuordnung prüfen
          </button>
        </div>
        <h2 id="vorschau-titel">Vorschau der Ausgaben</h2>
        <p role="status">
          {`${p.summary.total} Zeilen: ${p.summary.valid} fehlerfrei (${p.summary.sum}), ${p.summary.invalid} mit Fehlern. Noch ist nichts übernommen.`}
        </p>
        {p.summary.invalid ? (
          <>
            <h3 id="fehler-titel">Zeilen mit Fehlern</h3>
            <ul aria-labelledby="fehler-titel">
              {p.rows
                .filter((r) => r.errors.length)
                .slice(0, 50)
                .map((r) => (
                  <li key={r.line}>{`Zeile ${r.line}: ${r.errors.join(' ')}`}</li>
                ))}
            </ul>
            {p.summary.invalid > 50 ? <p>… und {p.summary.invalid - 50} weitere (siehe Tabelle).</p> : null}
          </>
        ) : null}
        <ScrollTable caption="Zeilen der Datei mit Betrag und Ergebnis der Prüfung" label="Vorschau der Ausgaben">
          <thead>
            <tr>
              <th scope="col">Zeile</th>
              {p.header.map((h, i) => (
                <th scope="col" key={`${i}-${h}`}>
                  {h || `Spalte ${i + 1}`}
                </th>
              ))}
              <th scope="col">Betrag</th>
              <th scope="col">Ergebnis</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.line}>
                <th scope="row">{r.line}</th>
                {p.header.map((h, i) => (
                  <td key={`${i}-${h}`}>{r.cells[i] ?? ''}</td>
                ))}
                <td className="numeric">{r.amount ?? '–'}</td>
                <td>
                  {r.errors.length ? (
                    <ul className="plain-list">
                      {r.errors.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ul>
                  ) : (
                    'Fehlerfrei'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        {p.summary.invalid > 0 ? (
          <div className="field">
            <div className="choice">
              <input
                type="checkbox"
                id="import-auslassen"
                name="fehlerhafte-auslassen"
                defaultChecked={p.skipInvalid}
                className="choice__input"
              />
              <label htmlFor="import-auslassen" className="choice__label">
                Nur fehlerfreie Zeilen übernehmen; die {p.summary.invalid} fehlerhaften erfasse ich selbst.
              </label>
            </div>
          </div>
        ) : null}
        <div className="button-row">
          <button type="submit" name="intent" value="uebernehmen" className="button">
            {p.summary.valid === 1 ? '1 Ausgabe übernehmen' : `${p.summary.valid} Ausgaben übernehmen`}
          </button>
          <Link to={`${base}/importieren`} className="button button--secondary" reloadDocument>
            Andere Datei wählen
          </Link>
        </div>
      </Form>
    </>
  );
}
