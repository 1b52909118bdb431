import { z } from 'zod';
import { checkbox, cleanMultiline, dateField, longText, mustTick, requiredText, textField, tooLong } from '../../shared/fields';

/**
 * The forms that move a draft through advice and submission. Each form sends one event of the
 * advice statechart (machine.ts); these schemas only check what was typed. Who may send it is the
 * machine's business.
 */

const notInFuture = (today: string, message: string) => (iso: string) => iso <= today || message;

export const requestAdviceSchema = z.object({
  /** "" for the EBBS pool, otherwise the id of the advisor asked for by name. */
  advisor: z.string().optional(),
  note: longText('die Nachricht', 2000).optional(),
});

export const endAdviceSchema = z.object({
  reason: longText('die Begründung', 2000).optional(),
});

export function submissionSchema(today: string) {
  return z.object({
    date: dateField(
      'das Datum der Einreichung',
      'Bitte geben Sie an, wann Sie den Antrag bei der SAB eingereicht haben (TT.MM.JJJJ).',
    ).superRefine((iso, ctx) => {
      const check = notInFuture(today, 'Das Datum der Einreichung darf nicht in der Zukunft liegen.')(iso);
      if (check !== true) ctx.addIssue({ code: 'custom', message: check });
    }),
    reference: requiredText('das Aktenzeichen oder die Vorgangsnummer der SAB', 60),
  });
}

export function decisionSchema(today: string) {
  return z.object({
    outcome: z.enum(['bewilligt', 'abgelehnt'], { error: 'Bitte wählen Sie, wie die SAB entschieden hat.' }),
    date: dateField('das Datum des Bescheids', 'Bitte geben Sie das Datum des Bescheids an (TT.MM.JJJJ).').superRefine((iso, ctx) => {
      const check = notInFuture(today, 'Das Datum des Bescheids darf nicht in der Zukunft liegen.')(iso);
      if (check !== true) ctx.addIssue({ code: 'custom', message: check });
    }),
    note: longText('die Anmerkung', 2000).optional(),
  });
}

export const withdrawSchema = z.object({
  confirm: mustTick('Bitte bestätigen Sie, dass Sie den Antrag zurückziehen möchten.'),
  reason: longText('die Begründung', 2000).optional(),
});

/** A return for revision needs a reason the applicant can act on (at least 10 characters). */
export const returnSchema = z.object({
  reason: textField({
    required: 'Bitte begründen Sie die Rückgabe; die Begründung sieht die antragstellende Organisation.',
    max: 5000,
    maxMessage: tooLong('die Begründung', 5000),
    normalise: cleanMultiline,
    valid: (v) => v.length >= 10,
    validMessage: 'Bitte begründen Sie die Rückgabe in mindestens 10 Zeichen, damit die Organisation weiß, was zu tun ist.',
  }),
});

export const completeSchema = z.object({
  ready: checkbox,
  note: longText('die Anmerkung', 2000).optional(),
});

export const addAdvisorSchema = z.object({
  advisor: z
    .string({ error: 'Bitte wählen Sie die Beraterin oder den Berater aus.' })
    .regex(/^\d+$/, { error: 'Bitte wählen Sie die Beraterin oder den Berater aus.' }),
});
