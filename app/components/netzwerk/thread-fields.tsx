import type { FieldMetadata } from '@conform-to/react';
import { topicCategoryOptions } from '../../../machines/netzwerk/topics';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../fields';

type Field = FieldMetadata<any, any, string[]>;

/**
 * The fields of a new thread (ADR 0072): category, title, question or not, text. Shared by the
 * topic list's "Neues Thema" and the question from a wizard step (ADR 0075).
 */
export function NewThreadFields({
  fields,
  titleLabel,
  bodyHint,
}: {
  fields: { category: Field; title: Field; question: Field; body: Field };
  titleLabel: string;
  bodyHint: string;
}) {
  return (
    <>
      <SelectField field={fields.category} label="Kategorie des Themas" options={topicCategoryOptions} />
      <TextField field={fields.title} label={titleLabel} />
      <RadioGroup
        field={fields.question}
        legend="Stellen Sie eine Frage?"
        hint="Bei einer Frage können Sie später eine Antwort als Lösung markieren."
        inline
        options={[
          { value: 'ja', label: 'Ja, eine Frage' },
          { value: 'nein', label: 'Nein, ein Hinweis oder eine Erfahrung' },
        ]}
      />
      <TextAreaField field={fields.body} label="Text" rows={8} hint={bodyHint} />
    </>
  );
}
