import { z } from 'zod';
import { evenWithFieldErrors, longText, optionalText } from '../shared/fields';
import { guestLinkValidityDays, type GuestLinkValidity } from './guests';
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
  return questionsFormSchema(pageQuestions(content, criterionId, perspective), completeness);
}

/**
 * The same form for a given list of questions (by id) – what the browser has of a page, so it can
 * validate before sending without the whole content.
 */
export function questionsFormSchema(questions: ReadonlyArray<{ id: string }>, completeness: PageCompleteness = 'vollstaendig') {
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

// ---------------------------------------------------------------------------------------------
// Forms around the check: starting a round, inviting colleagues, attaching it to a draft, editing
// the content.

export const titleMaxLength = 120;

/** Starting a check: an optional name for the project it is about. */
export const startFormSchema = z.object({
  title: optionalText('den Namen des Vorhabens', titleMaxLength),
});

export const inviteRequiredMessage = 'Bitte wählen Sie mindestens eine Kollegin oder einen Kollegen aus.';

/** Inviting colleagues of the same organisation (user ids as sent by the checkboxes). */
export const inviteFormSchema = z.object({
  colleagues: z
    .array(z.number({ error: inviteRequiredMessage }).int().positive(), { error: inviteRequiredMessage })
    .min(1, { error: inviteRequiredMessage }),
});

export const guestLabelMaxLength = 100;

/** A guest link: what to call it (for the inviting person) and how long it is valid. */
export const guestLinkFormSchema = z.object({
  label: optionalText('die Bezeichnung', guestLabelMaxLength),
  validDays: z
    .number({ error: 'Bitte wählen Sie, wie lange der Link gültig ist.' })
    .refine((days): days is GuestLinkValidity => (guestLinkValidityDays as readonly number[]).includes(days), {
      error: 'Bitte wählen Sie, wie lange der Link gültig ist.',
    }),
});

/** A guest joining through a link: an optional name for the round's list and their perspective. */
export const guestJoinFormSchema = z.object({
  name: optionalText('Ihren Namen', guestLabelMaxLength),
  perspective: z.enum(perspectives, { error: perspectiveRequiredMessage }),
});

export const attachRequiredMessage = 'Bitte wählen Sie den Antrag aus, dem Sie den QualitätsCheck beifügen möchten.';

/** Attaching the check to a draft of the organisation. */
export const attachFormSchema = z.object({
  application: z.number({ error: attachRequiredMessage }).int({ error: attachRequiredMessage }).positive({ error: attachRequiredMessage }),
});

export const contentMaxLength = 200_000;

/** The content editor: a new version as JSON, with a note on what changed. */
export const contentEditorSchema = z.object({
  content: longText('den Inhalt', contentMaxLength, 'Bitte fügen Sie den Inhalt der neuen Fassung als JSON ein.'),
  note: longText('die Beschreibung der Änderungen', 1000, 'Bitte beschreiben Sie kurz, was sich in dieser Fassung ändert.'),
});
