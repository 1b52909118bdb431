import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import { Link } from '@remix-run/react';
import { hintSchema, maxHintNoteLength } from '../../../machines/netzwerk/context';
import { ErrorSummary, TextAreaField, TextField } from '../fields';
import { PostForm } from '../forms';

/** The advisor's hints to threads of the network on one draft, and the form for a new one (issue 20 Nr. 6, ADR 0075). */

export interface ThreadHint {
  id: number;
  link: string;
  title: string;
  note: string | null;
  by: string;
  at: string;
}

/** An advisor points the draft's author to a thread of the network. */
function ThreadHintForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: 'netzwerk-hinweis-form',
    lastResult,
    constraint: getZodConstraint(hintSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: hintSchema }),
  });
  return (
    <>
      <ErrorSummary form={form} order={['thema', 'notiz']} />
      <PostForm {...getFormProps(form)} noValidate aria-labelledby="netzwerk-hinweis">
        <input type="hidden" name="intent" value="netzwerk-hinweis" />
        <TextField
          field={fields.thema}
          label="Nummer oder Adresse des Themas"
          hint="Zum Beispiel 12 oder die Adresse aus dem Browser (…/netzwerk/themen/12)."
        />
        <TextAreaField
          field={fields.notiz}
          label="Notiz für die Organisation"
          optional
          rows={3}
          hint={`Höchstens ${maxHintNoteLength} Zeichen.`}
        />
        <button type="submit" className="button button--secondary">
          Auf das Thema hinweisen
        </button>
      </PostForm>
    </>
  );
}

export function ThreadHintsSection({
  hints,
  assigned,
  lastResult,
}: {
  hints: ThreadHint[];
  assigned: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  return (
    <section aria-labelledby="netzwerk-hinweis">
      <h2 id="netzwerk-hinweis">Hinweis auf ein Netzwerk-Thema</h2>
      {hints.length ? (
        <ul>
          {hints.map((h) => (
            <li key={h.id}>
              <Link to={h.link}>{h.title}</Link>
              <span className="caption">
                {' '}
                · {h.by}, {h.at}
              </span>
              {h.note ? <p className="preserve-lines">{h.note}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {assigned ? <ThreadHintForm lastResult={lastResult} /> : null}
    </section>
  );
}
