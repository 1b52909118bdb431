import { z } from 'zod';
import { parseGermanDate } from '../../shared/dates';
import { formatDate } from '../../shared/format';
import { parseEuro } from '../../shared/money';
import { evenWithFieldErrors, longText, optionalText, requiredText } from '../../shared/fields';
import { formatParameterValue } from '../catalogue';
import { parameterIds, valueOn, type ParameterDefinition, type ParameterId, type ParameterTable } from '../parameters';

/**
 * A new dated value for a parameter, as ministry staff enter it in the Regelwerk workbench.
 * Rules that keep a publication safe:
 * - every value names its legal reference and the date it takes effect;
 * - the date is today or later: a value that takes effect in the past would silently change
 *   results that drafts were already checked against (and the suite's older cases);
 * - a value identical to the one already in force on that date is refused (nothing would change).
 */

export interface ParameterChangeInput {
  parameterId: ParameterId;
  value: number;
  effectiveFrom: string;
  reference: string;
  note: string | undefined;
  assumption: string | undefined;
}

export type ValueParse = { ok: true; value: number } | { ok: false; message: string };

/** Reads a value as typed in German notation into the parameter's integer unit. */
export function parseParameterValue(definition: ParameterDefinition, raw: string): ValueParse {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'Bitte geben Sie den neuen Wert an.' };
  switch (definition.unit) {
    case 'cents':
    case 'centsPerHour': {
      const parsed = parseEuro(text, 'den neuen Wert');
      if (!parsed.ok) return { ok: false, message: parsed.message };
      if (parsed.cents === 0) return { ok: false, message: 'Der Wert muss größer als 0 € sein.' };
      return { ok: true, value: parsed.cents };
    }
    case 'basisPoints': {
      const match = /^(\d{1,3})(?:,(\d{1,2}))?\s*%?$/.exec(text);
      if (!match)
        return { ok: false, message: 'Bitte geben Sie einen Prozentsatz an, zum Beispiel 90 oder 87,5 (höchstens zwei Nachkommastellen).' };
      const value = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0') || '0');
      if (value === 0 || value > 10_000) return { ok: false, message: 'Der Prozentsatz muss größer als 0 und höchstens 100 sein.' };
      return { ok: true, value };
    }
    case 'months':
    case 'calendarYears': {
      if (!/^\d{1,3}$/.test(text)) return { ok: false, message: 'Bitte geben Sie eine ganze Zahl an, zum Beispiel 12.' };
      const value = Number(text);
      if (value === 0) return { ok: false, message: 'Der Wert muss mindestens 1 sein.' };
      return { ok: true, value };
    }
  }
}

/** Why a value may not take effect on `from` (checked when saving and again when publishing). */
export function effectiveDateProblem(from: string, today: string): string | null {
  if (from < today) {
    return `Der ${formatDate(from)} liegt in der Vergangenheit. Ein rückwirkender Wert würde bereits geprüfte Entwürfe stillschweigend ändern. Bitte wählen Sie heute (${formatDate(today)}) oder einen späteren Tag.`;
  }
  return null;
}

/** The value in force on `from` already equals the new one: publishing would change nothing. */
export function sameValueProblem(
  table: ParameterTable,
  input: Pick<ParameterChangeInput, 'parameterId' | 'value' | 'effectiveFrom'>,
): string | null {
  const definition = table[input.parameterId];
  const current = valueOn(definition, input.effectiveFrom);
  if (current && current.value === input.value) {
    return `Ab ${formatDate(input.effectiveFrom)} gilt bereits ${formatParameterValue(definition, input.value)} (${current.reference}); es gäbe nichts zu ändern.`;
  }
  return null;
}

/** The fields alone (Conform reads HTML constraints from them; it cannot look through a transform). */
export const parameterChangeFields = z.object({
  parameterId: z.enum(parameterIds, { error: 'Bitte wählen Sie den Parameter, den Sie ändern möchten.' }),
  value: z.string({ error: 'Bitte geben Sie den neuen Wert an.' }),
  effectiveFrom: z.string({ error: 'Bitte geben Sie an, ab wann der neue Wert gilt (Datum des Inkrafttretens).' }),
  reference: requiredText('die Fundstelle (Rechtsgrundlage) des neuen Werts', 300),
  note: optionalText('die Bemerkung', 500),
  assumption: longText('die Annahme', 1000),
});

/**
 * The form schema of a new parameter value; `today` and the table in force decide what is allowed.
 * The checks run even when another field failed, so every problem is reported at once.
 */
export function parameterChangeSchema(table: ParameterTable, today: string) {
  type Form = Partial<z.output<typeof parameterChangeFields>>;
  const parsedValueOf = (form: Form): ValueParse | null =>
    form.parameterId && form.value !== undefined ? parseParameterValue(table[form.parameterId], form.value) : null;
  const dateOf = (form: Form) =>
    form.effectiveFrom !== undefined ? parseGermanDate(form.effectiveFrom, 'das Datum des Inkrafttretens') : null;
  return parameterChangeFields
    .superRefine((form: Form, ctx) => {
      const value = parsedValueOf(form);
      if (value && !value.ok) ctx.addIssue({ code: 'custom', path: ['value'], message: value.message });
      const date = dateOf(form);
      if (date && !date.ok) ctx.addIssue({ code: 'custom', path: ['effectiveFrom'], message: date.message });
      const problem = date?.ok ? effectiveDateProblem(date.iso, today) : null;
      if (problem) ctx.addIssue({ code: 'custom', path: ['effectiveFrom'], message: problem });
      if (value?.ok && date?.ok && form.parameterId) {
        const same = sameValueProblem(table, { parameterId: form.parameterId, value: value.value, effectiveFrom: date.iso });
        if (same) ctx.addIssue({ code: 'custom', path: ['value'], message: same });
      }
    }, evenWithFieldErrors)
    .transform(
      (form): ParameterChangeInput => ({
        parameterId: form.parameterId,
        value: (parsedValueOf(form) as { value: number }).value,
        effectiveFrom: (dateOf(form) as { iso: string }).iso,
        reference: form.reference,
        note: form.note || undefined,
        assumption: form.assumption || undefined,
      }),
    );
}

/** "12.000,00" / "90" / "12" – a stored value as it is typed into the form. */
export function valueForInput(definition: ParameterDefinition, value: number): string {
  switch (definition.unit) {
    case 'cents':
    case 'centsPerHour':
      return formatParameterValue({ ...definition, unit: 'cents' }, value).replace(/\u00a0€$/, '');
    case 'basisPoints':
      return formatParameterValue(definition, value).replace(/\u00a0%$/, '');
    default:
      return String(value);
  }
}
