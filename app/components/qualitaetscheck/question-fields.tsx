import type { FieldMetadata } from '@conform-to/react';
import { answerLabel, answerValues } from '../../../machines/qualitaetscheck/scoring';
import { RadioGroup, TextAreaField } from '../fields';

type Field = FieldMetadata<any, any, string[]>;
type AnswerField = FieldMetadata<{ value?: string; note?: string }, any, string[]>;

const options = answerValues.map((value) => ({ value, label: answerLabel[value] }));

/**
 * One statement: a radio group (four steps of agreement plus "nicht anwendbar") and an optional
 * note, folded away unless it holds text or an error.
 */
export function QuestionFields({
  number,
  total,
  text,
  hint,
  field,
}: {
  number: number;
  total: number;
  text: string;
  hint?: string;
  /** The question's fieldset in the form: `answers.<question id>`. */
  field: AnswerField;
}) {
  const { value, note } = field.getFieldset() as unknown as { value: Field; note: Field };
  const noteOpen = Boolean((typeof note.initialValue === 'string' && note.initialValue) || note.errors?.length);
  return (
    <div className="qc-question">
      <RadioGroup
        field={value}
        legend={
          <>
            <span className="qc-question__number">
              Aussage {number} von {total}:{' '}
            </span>
            {text}
          </>
        }
        hint={hint}
        options={options}
      />
      <details className="details qc-question__note" open={noteOpen}>
        <summary>
          Notiz<span className="visually-hidden"> zu Aussage {number}</span> hinzufügen
        </summary>
        <TextAreaField
          field={note}
          label={<>Notiz zu Aussage {number}</>}
          hint="Zum Beispiel, woran Sie Ihre Einschätzung festmachen. Die Notiz sehen nur Sie; sie erscheint nicht im gemeinsamen Profil."
          rows={3}
          optional
        />
      </details>
    </div>
  );
}
