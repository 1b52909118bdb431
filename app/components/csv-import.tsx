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
