/**
 * Answers of the QualitätsCheck: the scale ("trifft voll zu" … "nicht anwendbar"), one answer and
 * the stored answer sheet with its zod schema, and the integer rounding every score uses.
 */
import { z } from 'zod';

/** Four steps of agreement plus "nicht anwendbar"; the digits are the points of a step. */
export const answerValues = ['0', '1', '2', '3', 'na'] as const;
export type AnswerValue = (typeof answerValues)[number];
export type ScaleValue = Exclude<AnswerValue, 'na'>;

export const answerLabel: Record<AnswerValue, string> = {
  '0': 'Trifft gar nicht zu',
  '1': 'Trifft eher nicht zu',
  '2': 'Trifft eher zu',
  '3': 'Trifft voll zu',
  na: 'Nicht anwendbar / kann ich nicht beurteilen',
};

export const points: Record<ScaleValue, number> = { '0': 0, '1': 1, '2': 2, '3': 3 };
export const maxPoints = 3;

export const isAnswerValue = (value: unknown): value is AnswerValue =>
  typeof value === 'string' && (answerValues as readonly string[]).includes(value);

export const noteMaxLength = 1000;

/** One answer: a value, a note, or both. A note without a value is kept but the question counts as open. */
export interface QuestionAnswer {
  value?: AnswerValue;
  note?: string;
}

/** An answer as stored: with the content version under which it was last saved. */
export interface RecordedAnswer extends QuestionAnswer {
  version?: string;
}

/** Answers by question id. JSON-safe. */
export type AnswerSheet = Record<string, RecordedAnswer>;
export type Answers = Readonly<Record<string, QuestionAnswer | undefined>>;

/** Counts characters as people do (code points), like the form fields. */
const characterCount = (value: string) => Array.from(value).length;

/** Checks stored answers (e.g. read back from the database). */
export const recordedAnswerSchema = z.strictObject({
  value: z.enum(answerValues).optional(),
  note: z
    .string()
    .refine((note) => characterCount(note) <= noteMaxLength, { error: `Eine Notiz hat höchstens ${noteMaxLength} Zeichen.` })
    .optional(),
  version: z.string().optional(),
});
export const answerSheetSchema = z.record(z.string(), recordedAnswerSchema);

export const hasValue = (answer: QuestionAnswer | undefined): answer is QuestionAnswer & { value: AnswerValue } =>
  answer?.value !== undefined;

/** Anything worth keeping: a value or a non-empty note. */
export const hasContent = (answer: QuestionAnswer | undefined): boolean =>
  answer !== undefined && (answer.value !== undefined || (answer.note ?? '') !== '');

/** round(numerator / denominator) for non-negative integers, halves rounded up, without floats. */
export function roundedQuotient(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
