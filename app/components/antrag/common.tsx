import type { FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';

export type Fields = Record<string, FieldMetadata<any, any, string[]>>;
export type Field = FieldMetadata<any, any, string[]>;

export const yesNoOptions = [
  { value: 'ja', label: 'Ja' },
  { value: 'nein', label: 'Nein' },
];

/** A fieldset section of a long step, with a heading for navigation. */
export function Section({ id, title, children, hint }: { id: string; title: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <section className="form-section" aria-labelledby={`${id}-titel`} id={id}>
      <h2 id={`${id}-titel`}>{title}</h2>
      {hint ? <div className="hint form-section__hint">{hint}</div> : null}
      {children}
    </section>
  );
}

/**
 * Add and remove buttons for list rows: they submit an intent the server applies, saving everything
 * else as typed, and the page comes back with the row added or gone (the wizard is a document page,
 * ADR 0086).
 */
export function AddRowButton({ list, label }: { list: string; label: string }) {
  return (
    <button type="submit" name="intent" value={`add:${list}`} className="button button--secondary" formNoValidate>
      {label}
    </button>
  );
}

export function RemoveRowButton({ list, id, label }: { list: string; id: string; label: string }) {
  return (
    <button type="submit" name="intent" value={`remove:${list}:${id}`} className="button button--link" formNoValidate>
      Entfernen<span className="visually-hidden"> – {label}</span>
    </button>
  );
}

export function HiddenId({ field }: { field: Field }) {
  return (
    <input type="hidden" name={field.name} value={typeof field.initialValue === 'string' ? field.initialValue : ''} form={field.formId} />
  );
}

type Nested = { getFieldset(): Fields; getFieldList(): Nested[] };

/** The fields of a nested object field (Conform types these only for known schemas). */
export function fieldsetOf(field: Field): Fields {
  return (field as unknown as Nested).getFieldset();
}

/** The rows of a list field, each as its fields. */
export function rowsOf(field: Field): Fields[] {
  return (field as unknown as Nested).getFieldList().map((row) => row.getFieldset());
}
