import type { ReactNode } from 'react';

/**
 * Fields for the implementation forms, which post flat names (`line.0.amount`) without Conform:
 * the value typed is always shown back, the error sits at the field and is linked by
 * aria-describedby, the id is `${form}-${name}` so the error summary can link to it.
 */

export const plainId = (form: string, name: string) => `${form}-${name.replace(/\./g, '-')}`;

/** The ids of a field's hint and error for aria-describedby, or nothing. */
export function describedBy(id: string, hint: unknown, error: unknown) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A field's hint and error, with the ids describedBy names. */
export function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">Fehler: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function PlainText({
  form,
  name,
  label,
  hint,
  value,
  error,
  optional,
  width = 'full',
  inputMode,
  multiline,
}: {
  form: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string | undefined;
  error?: string;
  optional?: boolean;
  width?: 'short' | 'medium' | 'full';
  inputMode?: 'text' | 'numeric' | 'decimal';
  multiline?: boolean;
}) {
  const id = plainId(form, name);
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {multiline ? (
        <textarea
          id={id}
          name={name}
          defaultValue={value ?? ''}
          rows={4}
          className="textarea"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
      ) : (
        <input
          id={id}
          name={name}
          type="text"
          defaultValue={value ?? ''}
          inputMode={inputMode}
          className={`input input--${width}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
      )}
    </div>
  );
}

export function PlainRadios({
  form,
  name,
  legend,
  hint,
  value,
  error,
  options,
}: {
  form: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  value: string | undefined;
  error?: string;
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
}) {
  const id = plainId(form, name);
  return (
    <fieldset
      className={`field fieldset${error ? ' field--error' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="field__label">{legend}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      <div className="choices choices--inline">
        {options.map((o, index) => (
          <div className="choice" key={o.value}>
            <input
              type="radio"
              id={`${id}-${index}`}
              name={name}
              value={o.value}
              defaultChecked={value === o.value}
              className="choice__input"
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={`${id}-${index}`} className="choice__label">
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function PlainSelect({
  form,
  name,
  label,
  value,
  error,
  options,
}: {
  form: string;
  name: string;
  label: ReactNode;
  value: string | undefined;
  error?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const id = plainId(form, name);
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <HintAndError id={id} error={error} />
      <select
        id={id}
        name={name}
        defaultValue={value ?? ''}
        className="select"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">Bitte auswählen</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Error summary entries in the order of the fields on the page. */
export function summaryOf(
  form: string,
  errors: Record<string, string> | undefined,
  order: readonly string[],
): Array<{ href: string | null; message: string }> {
  if (!errors) return [];
  const names = [...order.filter((n) => errors[n]), ...Object.keys(errors).filter((n) => !order.includes(n) && n !== FORM_ERROR)];
  return [
    ...(errors[FORM_ERROR] ? [{ href: null, message: errors[FORM_ERROR] }] : []),
    ...names.map((name) => ({ href: `#${plainId(form, name)}`, message: errors[name]! })),
  ];
}

/**
 * The key of a message about the whole form rather than one field: a save refused because someone
 * else saved first (HTTP 409). Shown at the top of the summary, without a link, no field marked.
 */
export const FORM_ERROR = '_form';
