import { z } from 'zod';

/**
 * A JSON text column checked by a schema. Text that is not JSON and JSON of the wrong shape are
 * both issues of the schema: `.parse` throws on them, `.safeParse` reports them, so a repository
 * decides per column whether a bad value is refused or salvaged – and says so where it decodes.
 */
export const jsonColumn = <T>(schema: z.ZodType<T>) =>
  z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The column does not hold JSON.' });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** The column's value where it can be read, `fallback` where it cannot (not JSON or of the wrong shape). */
export function jsonOr<T, F>(column: z.ZodType<T, string>, text: string, fallback: F): T | F {
  const parsed = column.safeParse(text);
  return parsed.success ? parsed.data : fallback;
}

/**
 * A JSON text column whose shape its caller checks and salvages (a statechart's snapshot, say): the
 * parsed value, or null where there is no text or it is not JSON, so a bad value costs the caller
 * its state, never the page.
 */
const looseJsonColumn = z
  .string()
  .nullable()
  .transform((text): unknown => {
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  });
export const parseLooseJson = (text: string | null | undefined): unknown => looseJsonColumn.parse(text ?? null);
