import { z } from 'zod';
import { evenWithFieldErrors, longText } from '../shared/organisation';
import { perspectives, type Perspective, type QualityCheckContent } from './schema';
import { answerValues, noteMaxLength, pageQuestions, type QuestionAnswer } from './scoring';

/**
 * Form schemas of the check pages (Conform + zod, see docs/decisions/0005). Field names:
 * `perspective` on the first page; `answers.<question id>.value` (radio group) and
 * `answers.<question id>.note` (textarea) on a criterion page.
 *
 * A criterion page has two schemas: "Weiter" asks for an answer to every question, while
 * "Überspringen" (a formNoValidate button) saves what is there and leaves the rest open – the
 * result lists what is missing. Both give the same output, ready for the `criterion.answer` event.
 */

export const perspectiveRequiredMessage = 'Bitte wählen Sie, aus welcher Sicht Sie den QualitätsCheck ausfüllen.';
export const answerRequiredMessage = 'Bitte wählen Sie für jede Frage eine Antwort oder „nicht anwendbar“.';
export const answerInvalidMessage = 'Bitte wählen Sie eine der angebotenen Antworten.';

export const perspectiveFormSchema = z.object({
  perspective: z.enum(perspectives, { error: perspectiveRequiredMessage }),
});

export type PageCompleteness = 'vollstaendig' | 'luecken-erlaubt';

export interface CriterionPageValues {
  /** One entry per question on the page; {} for a question left open. */
  answers: Record<string, QuestionAnswer>;
}

/**
 * The form of one criterion page for a perspective. With "vollstaendig" every question needs a
 * value ("nicht anwendbar" counts); with "luecken-erlaubt" open questions pass. Notes are optional
 * and at most 1000 characters either way.
 */
export function criterionPageSchema(
  content: QualityCheckContent,
  criterionId: string,
  perspective: Perspective,
  completeness: PageCompleteness = 'vollstaendig',
) {
  const questions = pageQuestions(content, criterionId, perspective);
  const requireAll = completeness === 'vollstaendig';
  const value = requireAll
    ? z.enum(answerValues, { error: (issue) => (issue.input === undefined ? answerRequiredMessage : answerInvalidMessage) })
    : z.enum(answerValues, { error: answerInvalidMessage }).optional();
  const entry = z.object({ value, note: longText('die Notiz', noteMaxLength) }).optional();
  return z
    .object({ answers: z.object(Object.fromEntries(questions.map((q) => [q.id, entry]))).optional() })
    .superRefine((form, ctx) => {
      if (!requireAll) return;
      // A question none of whose fields were sent has no entry at all; the value schema never runs.
      for (const q of questions) {
        const sent = (form.answers as Record<string, unknown> | undefined)?.[q.id];
        if (sent === undefined) ctx.addIssue({ code: 'custom', path: ['answers', q.id, 'value'], message: answerRequiredMessage });
      }
    }, evenWithFieldErrors)
    .transform((form): CriterionPageValues => {
      const sent = (form.answers ?? {}) as Record<string, { value?: QuestionAnswer['value']; note?: string } | undefined>;
      return {
        answers: Object.fromEntries(
          questions.map((q) => {
            const answer = sent[q.id];
            return [q.id, { ...(answer?.value ? { value: answer.value } : {}), ...(answer?.note ? { note: answer.note } : {}) }];
          }),
        ),
      };
    });
}

/** Default values for a criterion page (Conform `defaultValue`), from the stored answers. */
export function criterionPageValues(
  content: QualityCheckContent,
  criterionId: string,
  perspective: Perspective,
  answers: Readonly<Record<string, QuestionAnswer | undefined>>,
): { answers: Record<string, { value?: string; note?: string }> } {
  return {
    answers: Object.fromEntries(
      pageQuestions(content, criterionId, perspective).map((q) => {
        const answer = answers[q.id];
        return [q.id, { ...(answer?.value ? { value: answer.value } : {}), ...(answer?.note ? { note: answer.note } : {}) }];
      }),
    ),
  };
}
