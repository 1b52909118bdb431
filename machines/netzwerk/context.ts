import { z } from 'zod';
import { longText, textField } from '../shared/fields';
import { threadSchema } from './topics';

/*
 * Asking the network from the work (issue 20 Nr. 6, ADR 0075): the question form with its context,
 * how the context reads on a thread, and an advisor's pointer from a draft to a thread. Pure rules;
 * what of a draft counts as context is decided by the application's domain
 * (machines/frl/application/question-context.ts) and handed in by app/.
 */

/** The context as stored with a thread and shown in its "Kontext" box. */
export interface ThreadContext {
  stepTitle: string;
  routeLabel: string | null;
  formats: string[];
}

/** The lines of the "Kontext" box, the same on the question form and on the thread. */
export function contextLines(context: ThreadContext): string[] {
  return [
    `Schritt »${context.stepTitle}«`,
    ...(context.routeLabel ? [`Förderweg ${context.routeLabel}`] : []),
    ...(context.formats.length ? [`Beteiligungsformate: ${context.formats.join(', ')}`] : []),
  ];
}

/** Formats are stored as one text; labels from the catalogue never hold the separator. */
export const FORMAT_SEPARATOR = '; ';
export const formatsToText = (formats: readonly string[]) => (formats.length ? formats.join(FORMAT_SEPARATOR) : null);
export const formatsFromText = (text: string | null) => (text ? text.split(FORMAT_SEPARATOR) : []);

/** A new thread asked from a step: the thread's form plus "attach the context" (checked by default). */
export const askSchema = threadSchema.extend({
  /** The checkbox "attach this context" (Conform reads "on" as true; absent when unticked). */
  kontext: z.boolean().optional(),
});
export type AskForm = z.output<typeof askSchema>;

/** The category a question from the wizard starts with. */
export const askCategory = 'foerderung' as const;

// ---- an advisor points a draft's author to a thread ---------------------------------------------

export const maxHintNoteLength = 1000;

/**
 * The thread's number ("12", "#12", "Thema 12") or its address (".../netzwerk/themen/12?beitrag=3").
 * Null when the text names no thread.
 */
export function threadNumberOf(input: string): number | null {
  const text = input.trim();
  const byPath = /\/netzwerk\/themen\/(\d{1,9})(?:[/?#]|$)/.exec(text);
  if (byPath) return Number(byPath[1]);
  const byNumber = /^(?:thema\s*)?(?:nr\.?\s*)?#?\s*(\d{1,9})$/i.exec(text);
  return byNumber ? Number(byNumber[1]) : null;
}

export const hintSchema = z.object({
  thema: textField({
    required: 'Bitte geben Sie die Nummer oder die Adresse des Themas an.',
    max: 300,
    maxMessage: () => 'Bitte geben Sie nur die Nummer oder die Adresse des Themas an (höchstens 300 Zeichen).',
    valid: (value) => threadNumberOf(value) !== null,
    validMessage: 'Bitte geben Sie die Nummer des Themas (zum Beispiel 12) oder seine Adresse (…/netzwerk/themen/12) an.',
  }),
  notiz: longText('die Notiz', maxHintNoteLength),
});
export type HintForm = z.output<typeof hintSchema>;

/** Said at the thread field when the number names no thread the author could be pointed to. */
export const unknownThread = 'Dieses Thema gibt es im EBBS-Netzwerk nicht, oder die Moderation hat es ausgeblendet.';
