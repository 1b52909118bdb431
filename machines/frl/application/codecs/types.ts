import type { z } from 'zod';
import type { ApplicationData } from '../schema';
import type { StepContext, StepIssue } from '../steps';

/**
 * One editable step of the application, in one place: what its form posts (`schema`: strings,
 * types and lengths only, so "Speichern" always keeps what is valid), how a parsed form becomes its
 * section of the stored application (`apply`), the stored section as form values (`values`), and
 * when the step is complete (`issues`) or has been started (`hasContent`). The field texts stay in
 * ../fields; the codecs read them for completeness.
 */
export interface StepCodec<S extends z.ZodObject = z.ZodObject> {
  /** The form schema, built once per id generator (rows without an `id` get `newId()`). */
  schema(newId: () => string): S;
  /** A parsed form applied to the application (a new object; the step owns its section). */
  apply(data: ApplicationData, parsed: z.output<S>): ApplicationData;
  /** The stored section as form values (strings), for a form's default values. */
  values(data: ApplicationData): FormValues;
  /** What is still missing for the step to be complete; empty when it is. */
  issues(data: ApplicationData, context: StepContext): StepIssue[];
  /** Whether anyone has entered something in the step. */
  hasContent(data: ApplicationData, context: StepContext): boolean;
}

export type FormValues = Record<string, unknown>;
