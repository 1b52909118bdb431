import { getFormProps, useForm, type FieldMetadata } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import { useActionData } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { AdviceActionResult, AdviceIntent } from '../../beratung/advice-actions.server';
import { ErrorSummary } from '../fields';
import { PostForm } from '../forms';

type Fields = Record<string, FieldMetadata<any, any, string[]>>;

/**
 * One status form (ask for advice, return with reason, record the submission …): a plain POST
 * with its intent and the status version it was read at. Field errors come back from the server
 * through Conform; a refusal of the statechart comes back as a message at this form.
 */
export function AdviceForm({
  intent,
  schema,
  reviewVersion,
  submitLabel,
  buttonClass = 'button',
  defaultValue,
  children,
}: {
  intent: AdviceIntent;
  schema: z.ZodType | null;
  reviewVersion: number;
  submitLabel: string;
  buttonClass?: string;
  /** Values the fields start with (for example the advisor preselected on a repeated request). */
  defaultValue?: Record<string, string>;
  children?: (fields: Fields) => ReactNode;
}) {
  const actionData = useActionData<AdviceActionResult>();
  const mine = actionData?.intent === intent ? actionData : undefined;
  const formId = `status-${intent.replace('.', '-')}`;
  const [form, fields] = useForm<Record<string, any>>({
    id: formId,
    lastResult: mine?.result,
    defaultValue,
    constraint: schema ? getZodConstraint(schema) : undefined,
    shouldValidate: 'onSubmit',
    onValidate: schema ? ({ formData }) => parseWithZod(formData, { schema }) as never : undefined,
  });
  return (
    <PostForm {...getFormProps(form)} noValidate>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="reviewVersion" value={reviewVersion} />
      {mine?.message ? (
        <div className="notice notice--error" role="alert">
          <p>{mine.message}</p>
        </div>
      ) : null}
      <ErrorSummary form={form} />
      {children ? children(fields as Fields) : null}
      <button type="submit" className={buttonClass}>
        {submitLabel}
      </button>
    </PostForm>
  );
}

/**
 * The answer to a status form the page no longer shows (a colleague changed the status meanwhile,
 * so the action is not offered any more): its message would have no place, so it is shown here,
 * with the text that was typed into the form, so nothing is lost.
 */
export function AnswerWithoutForm({ shown }: { shown: readonly AdviceIntent[] }) {
  const actionData = useActionData<AdviceActionResult>();
  if (!actionData?.intent || shown.includes(actionData.intent)) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p>
        {actionData.message ??
          'Diese Aktion ist beim jetzigen Stand des Antrags nicht (mehr) möglich; nichts wurde geändert. Die Seite zeigt den aktuellen Stand.'}
      </p>
      {actionData.typed ? (
        <p className="preserve-lines">
          <strong>Ihr Text:</strong> {actionData.typed}
        </p>
      ) : null}
    </div>
  );
}

/** The status history as a list, newest first. */
export function StatusHistory({
  history,
}: {
  history: Array<{ from: string; to: string; toStatus: string; at: string; by: string; byAdvice: boolean; reason: string | null }>;
}) {
  if (!history.length) return <p className="hint">Noch keine Statusänderungen.</p>;
  return (
    <ol className="history" reversed>
      {history.map((h, index) => (
        <li key={index}>
          <strong>{h.to}</strong> – {h.at}, {h.by}
          {h.byAdvice ? ' (Beratung EBBS)' : ''}
          {h.reason ? (
            <>
              <br />
              <span className="preserve-lines">
                {h.toStatus === 'in_beratung' ? 'Nachricht' : h.toStatus === 'beratung_abgeschlossen' ? 'Anmerkung' : 'Begründung'}:{' '}
                {h.reason}
              </span>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
