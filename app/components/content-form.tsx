import type { ReactNode } from 'react';
import {
  type FormField,
  type FormSection,
  type FormValues,
  markdownHint,
  type Option,
  rowCount,
} from '../../machines/methoden/content-form';
import { describedBy, HintAndError, plainId } from './umsetzung/plain-fields';

/**
 * The form editor of a content entry (ADR 0080): one labelled field per content field, drawn from
 * the kind's field list. Plain names (`costDrivers.0.label`), ids `${form}-${name}` with dots as
 * hyphens so the error summary links to them, every value shown back as posted. Lists grow by one
 * row with a "Weitere Zeile" submit button (no JavaScript needed).
 */

interface Context {
  form: string;
  values: FormValues;
  errors: Record<string, string>;
}

const join = (prefix: string, name: string | number) => (prefix ? `${prefix}.${name}` : String(name));
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

const hintOf = (field: FormField) =>
  field.type === 'markdown' || (field.type === 'texts' && field.markdown)
    ? [field.hint, markdownHint].filter(Boolean).join(' ')
    : field.hint;

/** Options with any value posted that the list does not know (kept, so nothing typed is lost). */
const withPosted = (options: Option[], posted: string[]) => [
  ...options,
  ...posted.filter((p) => p && !options.some((o) => o.value === p)).map((p) => ({ value: p, label: p })),
];

function Input({ field, name, label, ctx }: { field: FormField; name: string; label: string; ctx: Context }): ReactNode {
  const id = plainId(ctx.form, name);
  const error = ctx.errors[name];
  const hint = hintOf(field);
  const invalid = error ? true : undefined;
  switch (field.type) {
    case 'fixed':
      return (
        <div className="field">
          <p className="field__label">{label}</p>
          <p>
            <code>{one(ctx.values[name])}</code>{' '}
            <span className="field__hint">(bleibt gleich, damit öffentliche Links gültig bleiben)</span>
          </p>
          {/* Posted back only so that the page shown again after an error still names it; the action takes the entry's own. */}
          <input type="hidden" name={name} value={one(ctx.values[name])} />
        </div>
      );
    case 'hidden-number':
      return <input type="hidden" name={name} value={one(ctx.values[name])} />;
    case 'text':
    case 'number':
    case 'markdown':
      return (
        <div className={`field${error ? ' field--error' : ''}`}>
          <label htmlFor={id} className="field__label">
            {label}
            {field.type === 'text' && field.nullable ? <span className="field__optional"> (optional)</span> : null}
          </label>
          <HintAndError id={id} hint={hint} error={error} />
          {field.type === 'markdown' ? (
            <textarea
              id={id}
              name={name}
              rows={4}
              className="textarea"
              defaultValue={one(ctx.values[name])}
              aria-invalid={invalid}
              aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
            />
          ) : (
            <input
              id={id}
              name={name}
              type="text"
              inputMode={field.type === 'number' ? 'numeric' : undefined}
              className={`input input--${field.type === 'number' ? 'short' : field.type === 'text' ? (field.width ?? 'full') : 'full'}`}
              defaultValue={one(ctx.values[name])}
              aria-invalid={invalid}
              aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
            />
          )}
        </div>
      );
    case 'flag':
      return (
        <div className={`field${error ? ' field--error' : ''}`}>
          <HintAndError id={id} error={error} />
          <div className="choice">
            <input
              type="checkbox"
              id={id}
              name={name}
              value="on"
              defaultChecked={one(ctx.values[name]) !== ''}
              className="choice__input"
              aria-invalid={invalid}
              aria-describedby={describedBy(id, false, Boolean(error))}
            />
            <label htmlFor={id} className="choice__label">
              {label}
            </label>
          </div>
        </div>
      );
    case 'choice':
      if (field.display === 'select') {
        const value = one(ctx.values[name]);
        return (
          <div className={`field${error ? ' field--error' : ''}`}>
            <label htmlFor={id} className="field__label">
              {label}
            </label>
            <HintAndError id={id} hint={hint} error={error} />
            <select
              id={id}
              name={name}
              className="select"
              defaultValue={value}
              aria-invalid={invalid}
              aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
            >
              <option value="">{field.none ?? 'Bitte auswählen'}</option>
              {withPosted(field.options, [value]).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        );
      }
      return <Choices field={field} name={name} label={label} ctx={ctx} type="radio" options={field.options} />;
    case 'choices':
      return <Choices field={field} name={name} label={label} ctx={ctx} type="checkbox" options={field.options} />;
    case 'range':
      return (
        <fieldset
          id={id}
          tabIndex={-1}
          className={`field fieldset${error ? ' field--error' : ''}`}
          aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        >
          <legend className="field__label">{label}</legend>
          <HintAndError id={id} hint={hint} error={error} />
          <div className="field-pair">
            {(['min', 'max'] as const).map((end) => (
              <Input
                key={end}
                field={{ name: end, type: 'number' }}
                name={join(name, end)}
                label={end === 'min' ? 'von (mindestens)' : 'bis (höchstens)'}
                ctx={ctx}
              />
            ))}
          </div>
        </fieldset>
      );
    case 'group':
      return (
        <fieldset
          id={id}
          tabIndex={-1}
          className={`field fieldset${error ? ' field--error' : ''}`}
          aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        >
          <legend className="field__label">{label}</legend>
          <HintAndError id={id} hint={hint} error={error} />
          {field.fields.map((f) => (
            <Input key={f.name} field={f} name={join(name, f.name)} label={f.label ?? f.name} ctx={ctx} />
          ))}
        </fieldset>
      );
    case 'texts':
    case 'rows': {
      const count = rowCount(ctx.values, name);
      const addable = field.type === 'texts' || field.addable;
      return (
        <fieldset
          id={id}
          tabIndex={-1}
          className={`field fieldset${error ? ' field--error' : ''}`}
          aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        >
          <legend className="field__label">{label}</legend>
          <HintAndError id={id} hint={hint} error={error} />
          {Array.from({ length: count }, (_, i) =>
            field.type === 'texts' ? (
              <Input
                key={i}
                field={field.markdown ? { name: String(i), type: 'markdown' } : { name: String(i), type: 'text' }}
                name={join(name, i)}
                label={`${label}, Eintrag ${i + 1}`}
                ctx={ctx}
              />
            ) : (
              <fieldset key={i} id={plainId(ctx.form, join(name, i))} className="fieldset repeat-row">
                <legend className="field__label">{`${label}, Eintrag ${i + 1}`}</legend>
                {field.columns.map((c) => (
                  <Input key={c.name} field={c} name={join(join(name, i), c.name)} label={c.label ?? c.name} ctx={ctx} />
                ))}
              </fieldset>
            ),
          )}
          {addable && count < field.max ? (
            <button type="submit" name="intent" value={`zeile:${name}`} className="button button--secondary">
              Weitere Zeile<span className="visually-hidden"> bei „{label}“</span>
            </button>
          ) : null}
        </fieldset>
      );
    }
  }
}

function Choices({
  field,
  name,
  label,
  ctx,
  type,
  options,
}: {
  field: FormField;
  name: string;
  label: string;
  ctx: Context;
  type: 'radio' | 'checkbox';
  options: Option[];
}) {
  const id = plainId(ctx.form, name);
  const error = ctx.errors[name];
  const chosen = many(ctx.values[name]);
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`field fieldset${error ? ' field--error' : ''}`}
      aria-describedby={describedBy(id, Boolean(field.hint), Boolean(error))}
    >
      <legend className="field__label">{label}</legend>
      <HintAndError id={id} hint={field.hint} error={error} />
      <div className={`choices${type === 'checkbox' && options.length > 6 ? ' choices--columns' : ''}`}>
        {withPosted(options, chosen).map((o, index) => (
          <div className="choice" key={o.value}>
            <input
              type={type}
              id={`${id}-${index}`}
              name={name}
              value={o.value}
              defaultChecked={chosen.includes(o.value)}
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

export function ContentFormFields({
  form,
  fields,
  sections,
  labelOf,
  values,
  errors,
}: {
  form: string;
  fields: FormField[];
  /** The page's parts (formSections); without them the fields follow each other. */
  sections?: Array<FormSection & { formFields: FormField[] }>;
  labelOf: (field: FormField) => string;
  values: FormValues;
  errors: Record<string, string>;
}) {
  const ctx: Context = { form, values, errors };
  const inputs = (list: FormField[]) => list.map((f) => <Input key={f.name} field={f} name={f.name} label={labelOf(f)} ctx={ctx} />);
  if (!sections) return <>{inputs(fields)}</>;
  const sectionId = (id: string) => `${form}-teil-${id}`;
  const problemsIn = (section: FormSection) =>
    Object.keys(errors).filter((name) => section.fields.some((f) => name === f || name.startsWith(`${f}.`))).length;
  return (
    <>
      <nav aria-labelledby={`${form}-teile`} className="toc">
        <h3 id={`${form}-teile`}>Abschnitte dieses Formulars</h3>
        <ul>
          {sections.map((section) => {
            const problems = problemsIn(section);
            return (
              <li key={section.id}>
                <a href={`#${sectionId(section.id)}`}>{section.heading}</a>
                {problems ? ` (${problems === 1 ? 'ein Hinweis' : `${problems} Hinweise`})` : null}
              </li>
            );
          })}
          <li>
            <a href={`#${form}-speichern`}>Zum Speichern</a>
          </li>
        </ul>
      </nav>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={sectionId(section.id)} className="form-section">
          <h3 id={sectionId(section.id)}>{section.heading}</h3>
          {inputs(section.formFields)}
        </section>
      ))}
    </>
  );
}

/** The field names in page order (for the error summary). */
export function fieldOrder(fields: FormField[], values: FormValues, prefix = ''): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const name = join(prefix, f.name);
    out.push(name);
    if (f.type === 'range') out.push(join(name, 'min'), join(name, 'max'));
    if (f.type === 'group') out.push(...fieldOrder(f.fields, values, name));
    if (f.type === 'texts') for (let i = 0; i < rowCount(values, name); i++) out.push(join(name, i));
    if (f.type === 'rows') for (let i = 0; i < rowCount(values, name); i++) out.push(...fieldOrder(f.columns, values, join(name, i)));
  }
  return out;
}
