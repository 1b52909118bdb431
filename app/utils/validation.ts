import { parseWithZod } from '@conform-to/zod/v4';
import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';

const anything = z.object({}).passthrough();

/**
 * Client-side validation for Conform that lets "Zurück" and "Speichern und später fortfahren"
 * through: buttons marked formNoValidate are not held back by errors in the form (the server
 * decides what to keep). Conform itself ignores formNoValidate.
 */
export function validateUnlessSkipped(
  formData: FormData,
  submitter: HTMLInputElement | HTMLButtonElement | null | undefined,
  schema: $ZodType,
) {
  if (submitter?.formNoValidate) return parseWithZod(formData, { schema: anything });
  return parseWithZod(formData, { schema });
}
