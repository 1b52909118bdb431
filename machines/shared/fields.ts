import { z } from 'zod';
import './zod-german';
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

/** Trims, folds inner whitespace and strips control characters (they never belong in master data). */
export const cleanText = (value: string) =>
  value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Keeps line breaks and tabs (for multi-line texts) but strips other control characters. */
export const cleanMultiline = (value: string) =>
  value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .trim();

export interface TextRules {
  /** Message when the field is empty; omit for optional fields. */
  required?: string;
  max: number;
  /** Builds the message for a text that is too long, from its length. */
  maxMessage: (length: number) => string;
  normalise?: (value: string) => string;
  pattern?: RegExp;
  patternMessage?: string;
  valid?: (value: string) => boolean;
  validMessage?: string;
}

/**
 * A text field: normalised first, then checked. Checks live in one refinement on the transformed
 * value rather than in a piped z.string(), because Conform's form coercion turns every empty
 * z.string() in the tree into `undefined`.
 */
export function textField(rules: TextRules) {
  const normalise = rules.normalise ?? cleanText;
  // Required fields stay non-optional so Conform marks them `required`; an empty input arrives
  // as undefined and gets the required message.
  const base = rules.required ? z.string({ error: rules.required }) : z.string().optional();
  return base
    .transform((value: string | undefined) => normalise(value ?? ''))
    .superRefine((value, ctx) => {
      if (value === '') {
        if (rules.required) ctx.addIssue({ code: 'custom', message: rules.required });
        return;
      }
      // Characters as people count them (code points), so one emoji is one character.
      const length = Array.from(value).length;
      if (length > rules.max) ctx.addIssue({ code: 'custom', message: rules.maxMessage(length) });
      else if (rules.pattern && !rules.pattern.test(value)) ctx.addIssue({ code: 'custom', message: rules.patternMessage ?? '' });
      else if (rules.valid && !rules.valid(value)) ctx.addIssue({ code: 'custom', message: rules.validMessage ?? '' });
    });
}

/** A copy of `value` in which the entry at `path` is missing, copied only along the path. */
function withoutEntry(value: unknown, path: readonly PropertyKey[]): unknown {
  if (path.length === 0) return undefined;
  if (value === null || typeof value !== 'object') return value;
  const [head, ...rest] = path as [PropertyKey, ...PropertyKey[]];
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<PropertyKey, unknown>;
  if (Object.hasOwn(copy, head)) copy[head] = withoutEntry(copy[head], rest);
  return copy;
}

/**
 * Object-level refinements run even when single fields failed, so the user sees every problem at
 * once (zod skips them by default). A field that failed its own check reaches the refinement as
 * missing, never as the raw value of the wrong type (an unknown organisation kind, a parameter id
 * that does not exist): refinements using this must cope with missing values, and only with those.
 */
export const evenWithFieldErrors = {
  when: (payload: { value: unknown; issues: ReadonlyArray<{ path?: readonly PropertyKey[] }> }) => {
    for (const issue of payload.issues) if (issue.path?.length) payload.value = withoutEntry(payload.value, issue.path);
    return true;
  },
} as const;

/** "Bitte kürzen Sie den Titel auf höchstens 200 Zeichen (eingegeben: 250)." – label in the accusative. */
export function tooLong(label: string, max: number) {
  return (length: number) =>
    `Bitte kürzen Sie ${label} auf höchstens ${max.toLocaleString('de-DE')} Zeichen (eingegeben: ${length.toLocaleString('de-DE')}).`;
}

/** A required one-line text; `label` in the accusative ("den Namen der Organisation"). */
export const requiredText = (label: string, max = 200) =>
  textField({ required: `Bitte geben Sie ${label} an.`, max, maxMessage: tooLong(label, max) });

/** An optional one-line text; `label` in the accusative. */
export const optionalText = (label: string, max = 200) => textField({ max, maxMessage: tooLong(label, max) });

/** A multi-line text (line breaks kept); `label` in the accusative. */
export const longText = (label: string, max: number, required?: string) =>
  textField({ required, max, maxMessage: tooLong(label, max), normalise: cleanMultiline });

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An e-mail address: the rules (for forms that derive variants) and the required field. */
export const emailRules: TextRules = {
  required: 'Bitte geben Sie eine E-Mail-Adresse an.',
  max: 254,
  maxMessage: () => 'Die E-Mail-Adresse ist zu lang.',
  normalise: (v) => v.trim().toLowerCase(),
  valid: (v) => emailPattern.test(v) && z.email().safeParse(v).success,
  validMessage: 'Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@gemeinde.de.',
};
export const emailSchema = textField(emailRules);
