import { getInputProps, getSelectProps } from '@conform-to/react';
import { useLocation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { costCategories, costLineKindLabel } from '../../../machines/frl/catalogues';
import { formatEuro } from '../../../machines/shared/format';
import { CommentMarker } from '../beratung/comments';
import { ScrollTable } from '../scroll-table';
import { RemoveRowButton, type Field, type Fields } from './common';

const kindOptions = (['menge', 'personal', 'pauschal'] as const).map((value) => ({ value, label: costLineKindLabel[value] }));
const categoryOptions = costCategories.map((c) => ({ value: c.id, label: c.label }));
const categoryLabel = new Map(categoryOptions.map((o) => [o.value, o.label]));

/** The fields of a line, in the order the form posts them. */
const lineKeys = ['id', 'category', 'kind', 'description', 'quantity', 'unitPrice', 'amount', 'year', 'note'] as const;

/** The columns: a short header, and the full name an input's label gives with its row ("Menge oder Stunden, Ausgabe 3"). */
const columns = [
  ['kategorie', 'Kategorie', 'Kategorie'],
  ['beschreibung', 'Beschreibung', 'Beschreibung'],
  ['berechnung', 'Berechnung', 'Berechnung'],
  ['menge', 'Menge/Std.', 'Menge oder Stunden'],
  ['preis', 'Einzelpreis (€)', 'Einzelpreis oder Stundensatz in Euro'],
  ['pauschal', 'Pauschal (€)', 'Pauschalbetrag in Euro'],
  ['jahr', 'Jahr', 'Kalenderjahr'],
  ['anmerkung', 'Anmerkung', 'Anmerkung (optional)'],
] as const;
type Column = (typeof columns)[number][0];

const text = (field: Field | undefined) => (typeof field?.initialValue === 'string' ? field.initialValue : '');
const hasErrors = (row: Fields) => lineKeys.some((key) => row[key]?.errors?.length);
/** A line still missing what its amount needs (new, or taken over from a suggestion): it stays open. */
const incomplete = (row: Fields) =>
  !text(row.description) ||
  !text(row.category) ||
  (text(row.kind) === 'pauschal' ? !text(row.amount) : !text(row.quantity) || !text(row.unitPrice));

function CellError({ field }: { field: Field }) {
  if (!field.errors?.length) return null;
  return (
    <p id={field.errorId} className="field__error cell__error">
      <span className="visually-hidden">Fehler: </span>
      {field.errors.join(' ')}
    </p>
  );
}

const columnLabel = new Map<Column, string>(columns.map(([id, , label]) => [id, label]));
/** The table's data columns (the remark stands under the description). */
const tableColumns = columns.filter(([id]) => id !== 'anmerkung');
const describedBy = (field: Field) => (field.errors?.length ? field.errorId : undefined);

/** A field of the opened line: a visible label that also names the row for screen readers. */
function LineField({ field, column, name, children }: { field: Field; column: Column; name: string; children: ReactNode }) {
  return (
    <div className={`line-editor__field line-editor__field--${column}${field.errors?.length ? ' field--error' : ''}`}>
      <label htmlFor={field.id} className="field__label">
        {columnLabel.get(column)}
        <span className="visually-hidden">, {name}</span>
      </label>
      {children}
      <CellError field={field} />
    </div>
  );
}

function LineInput({ field, column, name, decimal }: { field: Field; column: Column; name: string; decimal?: boolean }) {
  const { key, ...props } = getInputProps(field, { type: 'text', ariaDescribedBy: undefined });
  return (
    <LineField field={field} column={column} name={name}>
      <input
        key={key}
        {...props}
        aria-describedby={describedBy(field)}
        className={`input cell__input cell__input--${column}`}
        inputMode={decimal ? 'decimal' : undefined}
      />
    </LineField>
  );
}

function LineSelect({
  field,
  column,
  name,
  options,
}: {
  field: Field;
  column: Column;
  name: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const { key, ...props } = getSelectProps(field);
  return (
    <LineField field={field} column={column} name={name}>
      <select key={key} {...props} aria-describedby={describedBy(field)} className="select cell__select">
        <option value="">Bitte auswählen</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LineField>
  );
}

/**
 * A line being edited: one cell across the data columns with its fields side by side (wrapping on
 * narrow screens), so an open line never makes the table wider than the saved lines.
 */
function EditCells({ row, name, yearOptions }: { row: Fields; name: string; yearOptions: Array<{ value: string; label: string }> }) {
  return (
    <td colSpan={tableColumns.length}>
      <CommentMarker name={`lines[id=${text(row.id)}]`} />
      <div className="line-editor">
        <LineSelect field={row.category!} column="kategorie" name={name} options={categoryOptions} />
        <LineInput field={row.description!} column="beschreibung" name={name} />
        <LineSelect field={row.kind!} column="berechnung" name={name} options={kindOptions} />
        <LineInput field={row.quantity!} column="menge" name={name} decimal />
        <LineInput field={row.unitPrice!} column="preis" name={name} decimal />
        <LineInput field={row.amount!} column="pauschal" name={name} decimal />
        <LineSelect field={row.year!} column="jahr" name={name} options={yearOptions} />
        <LineInput field={row.note!} column="anmerkung" name={name} />
      </div>
    </td>
  );
}

/** A line shown as text; its values travel with the form in hidden inputs, so a save keeps them. */
function ReadCells({ row }: { row: Fields }) {
  const kind = text(row.kind) as keyof typeof costLineKindLabel;
  const euro = (field: Field | undefined) => text(field) || '–';
  return (
    <>
      <td>
        {lineKeys
          .filter((key) => key !== 'id')
          .map((key) => (
            <input key={key} type="hidden" name={row[key]!.name} value={text(row[key])} />
          ))}
        {categoryLabel.get(text(row.category)) ?? '–'}
      </td>
      <td>
        {text(row.description) || '–'}
        <CommentMarker name={`lines[id=${text(row.id)}]`} />
        {text(row.note) ? <div className="cell__note">Anmerkung: {text(row.note)}</div> : null}
      </td>
      <td>{costLineKindLabel[kind] ?? '–'}</td>
      <td>{kind === 'pauschal' ? '–' : text(row.quantity) || '–'}</td>
      <td>{kind === 'pauschal' ? '–' : euro(row.unitPrice)}</td>
      <td>{kind === 'pauschal' ? euro(row.amount) : '–'}</td>
      <td>{text(row.year) || '–'}</td>
    </>
  );
}

/**
 * The Ausgaben of the Kosten- und Finanzierungsplan as a table (issue 21 Nr. 3): one row per cost
 * line with its amount. Lines are shown as text and opened one by one for editing ("Ändern" links to
 * `?zeile=<id>`; public/js/wizard.js fetches that page and puts the opened row in place); a new or incomplete line, a line
 * with an error and the opened line have inputs, each named by its column and row. So 200 lines stay a page of
 * a few hundred kilobytes. Field names are those of the step form: saving, autosave and the
 * server's checks are unchanged.
 */
export function BudgetLinesEditor({
  rows,
  years,
  lineCents,
  openLine,
  editable,
}: {
  rows: Fields[];
  years: number[];
  lineCents: readonly number[];
  openLine: string | null;
  editable: boolean;
}) {
  const yearOptions = years.map((y) => ({ value: String(y), label: String(y) }));
  const location = useLocation();
  const hrefFor = (id: string) => {
    const params = new URLSearchParams(location.search);
    params.set('zeile', id);
    return `?${params.toString()}#zeile-${id}`;
  };
  return (
    <ScrollTable caption={<>Ausgaben ({rows.length})</>} label="Ausgaben" captionHidden className="table--form budget-table">
      <thead>
        <tr>
          <th scope="col">Nr.</th>
          {tableColumns.map(([id, header]) => (
            <th scope="col" key={id}>
              {header}
            </th>
          ))}
          <th scope="col" className="num">
            Betrag
          </th>
          <th scope="col">
            <span className="visually-hidden">Aktionen</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const id = text(row.id);
          const name = `Ausgabe ${index + 1}`;
          const editing = editable && (id === openLine || incomplete(row) || hasErrors(row));
          return (
            <tr key={row.id!.key ?? index} id={`zeile-${id || index}`}>
              <th scope="row">
                <span className="visually-hidden">Ausgabe </span>
                {index + 1}
                <input type="hidden" name={row.id!.name} value={id} />
              </th>
              {editing ? <EditCells row={row} name={name} yearOptions={yearOptions} /> : <ReadCells row={row} />}
              <td className="num" data-betrag>
                {formatEuro(lineCents[index] ?? 0)}
              </td>
              <td className="cell__actions">
                {editing || !editable ? null : (
                  <a href={hrefFor(id)} className="button button--link" data-open-line={id}>
                    Ändern<span className="visually-hidden"> – {name}</span>
                  </a>
                )}
                <RemoveRowButton list="lines" id={id} label={name} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
