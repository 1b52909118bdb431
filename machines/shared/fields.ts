import { z } from 'zod';
import { parseGermanDate } from './dates';
import { parseEuro, parseQuantity } from './money';

/**
 * Form field types shared by every form: they take what a browser sends (strings; empty fields
 * arrive as undefined through Conform) and give typed values or a German message.
 */

/** A euro amount as typed ("1.234,56") → integer cents. */
export function euroField(label: string, options: { required?: string; maxCents?: number } = {}) {
  const base = options.required ? z.string({ error: options.required }) : z.string().optional();
  return base.transform((value: string | undefined, ctx) => {
    if (value === undefined || value.trim() === '') {
      if (options.required) ctx.addIssue({ code: 'custom', message: options.required });
      return options.required ? z.NEVER : undefined;
    }
    const parsed = parseEuro(value, label, options.maxCents);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return parsed.cents;
  });
}

/** A date as typed ("31.12.2026") → ISO string. */
export function dateField(label: string, required: string) {
  return z.string({ error: required }).transform((value, ctx) => {
    const parsed = parseGermanDate(value, label);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return parsed.iso;
  });
}

/** A ja/nein radio group → boolean. */
export function yesNoField(required: string) {
  return z.enum(['ja', 'nein'], { error: required }).transform((v) => v === 'ja');
}

/** A single checkbox that must be ticked → true. */
export function mustTick(message: string) {
  return z
    .string({ error: message })
    .refine((v) => v === 'on' || v === 'true', { error: message })
    .transform(() => true);
}

/** A checkbox → boolean (unticked arrives as undefined). */
export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true');

/** An optional date as typed → ISO string or undefined. */
export function optionalDateField(label: string) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined;
      const parsed = parseGermanDate(value, label);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }
      return parsed.iso;
    });
}

/** An optional ja/nein radio group → boolean or undefined (not answered yet). */
export const optionalYesNo = z
  .enum(['ja', 'nein'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'ja'));

/** An optional quantity as typed ("2,5") → thousandths. */
export function quantityField(label: string) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined;
      const parsed = parseQuantity(value, label);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }
      return parsed.milli;
    });
}

/** A group of checkboxes with the same name → array of the allowed values. */
export function checkboxGroup<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, { error: 'Bitte wählen Sie nur Einträge aus der Liste.' })),
  );
}
