import { parseWithZod } from '@conform-to/zod/v4';
import type { $ZodType } from 'zod/v4/core';
import { readProtectedForm } from '../csrf.server';

/** Reads a posted form (CSRF-checked) and validates it with the zod schema via Conform. */
export async function parseProtectedForm<Schema extends $ZodType>(request: Request, schema: Schema) {
  const formData = await readProtectedForm(request);
  const submission = parseWithZod(formData, { schema });
  return { formData, submission };
}
