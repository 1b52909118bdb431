import { z } from 'zod';
import { parseGermanDate } from '../../shared/dates';
import { formatDate } from '../../shared/format';
import { parseEuro } from '../../shared/money';
import { longText, optionalText, requiredText } from '../../shared/organisation';
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

const unitHint: Record<ParameterDefinition['unit'], string> = {
  cents: 'Betrag in Euro, zum Beispiel 12.000 oder 12.000,00',
  centsPerHour: 'Betrag in Euro je Stunde, zum Beispiel 14,60',
  basisPoints: 'Prozentsatz, zum Beispiel 90 oder 87,5',
  months: 'Anzahl der Monate, zum Beispiel 12',
  calendarYears: 'Anzahl der Kalenderjahre, zum Beispiel 3',
};
export const valueHintOf = (definition: ParameterDefinition) => unitHint[definition.unit];

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
      if (!match) return { ok: false, message: 'Bitte geben Sie einen Prozentsatz an, zum Beispiel 90 oder 87,5 (höchstens zwei Nachkommastellen).' };
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
export function sameValueProblem(table: ParameterTable, input: Pick<ParameterChangeInput, 'parameterId' | 'value' | 'effectiveFrom'>): string | null {
  const definition = table[input.parameterId];
  const current = valueOn(definition, input.effectiveFrom);
  if (current && current.value === input.value) {
    return `Ab ${formatDate(input.effectiveFrom)} gilt bereits ${formatParameterValue(definition, input.value)} (${current.reference}); es gäbe nichts zu ändern.`;
  }
  return null;
}

/** The form schema of a new parameter value; `today` and the table in force decide what is allowed. */
export function parameterChangeSchema(table: ParameterTable, today: string) {
  return z
    .object({
      parameterId: z.enum(parameterIds, { error: 'Bitte wählen Sie den Parameter, den Sie ändern möchten.' }),
      value: z.string({ error: 'Bitte geben Sie den neuen Wert an.' }),
      effectiveFrom: z.string({ error: 'Bitte geben Sie an, ab wann der neue Wert gilt (Datum des Inkrafttretens).' }),
      reference: requiredText('die Fundstelle (Rechtsgrundlage) des neuen Werts', 300),
      note: optionalText('die Bemerkung', 500),
      assumption: longText('die Annahme', 1000),
    })
    .transform((form, ctx): ParameterChangeInput => {
      const definition = table[form.parameterId];
      const value = parseParameterValue(definition, form.value);
      if (!value.ok) ctx.addIssue({ code: 'custom', path: ['value'], message: value.message });
      const date = parseGermanDate(form.effectiveFrom, 'das Datum des Inkrafttretens');
      if (!date.ok) ctx.addIssue({ code: 'custom', path: ['effectiveFrom'], message: date.message });
      else {
        const problem = effectiveDateProblem(date.iso, today);
        if (problem) ctx.addIssue({ code: 'custom', path: ['effectiveFrom'], message: problem });
      }
      if (value.ok && date.ok) {
        const same = sameValueProblem(table, { parameterId: form.parameterId, value: value.value, effectiveFrom: date.iso });
        if (same) ctx.addIssue({ code: 'custom', path: ['value'], message: same });
      }
      return {
        parameterId: form.parameterId,
        value: value.ok ? value.value : 0,
        effectiveFrom: date.ok ? date.iso : '',
        reference: form.reference,
        note: form.note || undefined,
        assumption: form.assumption || undefined,
      };
    });
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
