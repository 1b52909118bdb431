import { parseGermanDate } from '../shared/dates';
import { formatCentsForInput } from '../shared/format';
import { isoToGerman } from '../shared/dates';
import { parseEuro } from '../shared/money';
import { BESCHEID_SCHEMA_VERSION, bescheidProblems, financingTypes, type Bescheid, type FinancingType } from './bescheid';

/**
 * The Bescheid form as typed (de-DE dates, amounts and percentages) and back. Field names are flat
 * (`line.0.amount`) so the form posts without JavaScript; every message names its field.
 */

/** The most cost lines a Bescheid form holds (the plan of one application fits easily). */
export const MAX_BESCHEID_LINES = 100;

/**
 * The number of cost lines a posted form says it has: a whole number from 0 to MAX_BESCHEID_LINES,
 * whatever was sent ("1e309", "-3", "2.5", text), so no request can make the page render unbounded rows.
 */
export function bescheidLineCount(raw: unknown): number {
  const n = Math.trunc(Number(raw));
  return Number.isFinite(n) ? Math.min(MAX_BESCHEID_LINES, Math.max(0, n)) : 0;
}

export type BescheidFormValues = Record<string, string>;
export type BescheidFormParse = { ok: true; bescheid: Bescheid } | { ok: false; errors: Record<string, string> };

export const bescheidFieldLabels: Record<string, string> = {
  fileNumber: 'Aktenzeichen',
  issuedOn: 'Datum des Bescheides',
  receivedOn: 'Zugang des Bescheides',
  appealWaivedOn: 'Rechtsbehelfsverzicht erklärt am',
  periodStart: 'Beginn des Bewilligungszeitraums',
  periodEnd: 'Ende des Bewilligungszeitraums',
  financingType: 'Finanzierungsart',
  grant: 'Bewilligte Zuwendung',
  rate: 'Fördersatz',
  vatDeductible: 'Vorsteuerabzug',
  advancePayments: 'Vorauszahlungen zugelassen',
  ownCash: 'Eigenmittel',
  inKind: 'Unbare Eigenleistungen',
  thirdParty: 'Mittel Dritter',
  otherPublic: 'Andere öffentliche Mittel',
  conditions: 'Nebenbestimmungen und Auflagen',
  financing: 'Finanzierungsplan',
};

/** "90", "87,5", "87,5 %" → basis points. */
export function parsePercent(raw: string): { ok: true; bp: number } | { ok: false; message: string } {
  const text = raw.replace(/[\s\u00A0%]/g, '');
  const m = /^(\d{1,3})(?:[,.](\d{1,2}))?$/.exec(text);
  if (!m) return { ok: false, message: 'Bitte geben Sie den Fördersatz in Prozent an, zum Beispiel 90 oder 87,5.' };
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0') || '0');
  if (bp <= 0 || bp > 10_000) return { ok: false, message: 'Der Fördersatz muss über 0 und höchstens 100 Prozent sein.' };
  return { ok: true, bp };
}

export function parseBescheidForm(values: BescheidFormValues, part: 'A' | 'B'): BescheidFormParse {
  const errors: Record<string, string> = {};
  const get = (name: string) => (values[name] ?? '').trim();
  const date = (name: string, required = true): string | null => {
    const raw = get(name);
    if (!raw && !required) return null;
    const parsed = parseGermanDate(raw, `das Feld „${bescheidFieldLabels[name]}“`);
    if (!parsed.ok) {
      errors[name] = parsed.message;
      return null;
    }
    return parsed.iso;
  };
  const money = (name: string, label: string, required: boolean): number => {
    const raw = get(name);
    if (!raw && !required) return 0;
    const parsed = parseEuro(raw, `den Betrag „${label}“`);
    if (!parsed.ok) {
      errors[name] = parsed.message;
      return 0;
    }
    return parsed.cents;
  };
  const fileNumber = get('fileNumber');
  if (!fileNumber) errors.fileNumber = 'Bitte geben Sie das Aktenzeichen des Bescheides an.';
  else if (fileNumber.length > 60) errors.fileNumber = 'Das Aktenzeichen darf höchstens 60 Zeichen haben.';
  const issuedOn = date('issuedOn');
  const receivedOn = date('receivedOn');
  const appealWaivedOn = date('appealWaivedOn', false);
  const periodStart = date('periodStart');
  const periodEnd = date('periodEnd');
  const financingType = get('financingType') as FinancingType;
  if (!financingTypes.includes(financingType)) errors.financingType = 'Bitte wählen Sie die Finanzierungsart.';
  const grantCents = money('grant', bescheidFieldLabels.grant!, true);
  const rate = parsePercent(get('rate'));
  if (!rate.ok) errors.rate = rate.message;
  const yesNo = (name: string) => {
    const v = get(name);
    if (v !== 'ja' && v !== 'nein') errors[name] = `Bitte wählen Sie bei „${bescheidFieldLabels[name]}“ Ja oder Nein.`;
    return v === 'ja';
  };
  const vatDeductible = yesNo('vatDeductible');
  const advancePayments = yesNo('advancePayments');
  const lines: Bescheid['lines'] = [];
  const count = bescheidLineCount(get('lineCount'));
  for (let i = 0; i < count; i += 1) {
    const label = get(`line.${i}.label`);
    const amount = get(`line.${i}.amount`);
    if (!label && !amount) continue;
    if (!label) errors[`line.${i}.label`] = `Position ${i + 1}: Bitte geben Sie die Bezeichnung an.`;
    else if (label.length > 200) errors[`line.${i}.label`] = `Position ${i + 1}: höchstens 200 Zeichen.`;
    const cents = money(`line.${i}.amount`, `Position ${i + 1}`, true);
    const id = get(`line.${i}.id`) || `p${i + 1}`;
    lines.push({ id: id.slice(0, 40), label, approvedCents: cents });
  }
  if (!lines.length) errors['line.0.label'] = 'Bitte geben Sie mindestens eine bewilligte Position des Finanzierungsplans an.';
  const financing = {
    ownCashCents: money('ownCash', bescheidFieldLabels.ownCash!, false),
    inKindCents: money('inKind', bescheidFieldLabels.inKind!, false),
    thirdPartyCents: money('thirdParty', bescheidFieldLabels.thirdParty!, false),
    otherPublicCents: money('otherPublic', bescheidFieldLabels.otherPublic!, false),
  };
  const conditions = values.conditions ?? '';
  if (conditions.length > 5000) errors.conditions = 'Höchstens 5.000 Zeichen.';
  if (Object.keys(errors).length) return { ok: false, errors };
  const bescheid: Bescheid = {
    schemaVersion: BESCHEID_SCHEMA_VERSION,
    programmePart: part,
    fileNumber,
    issuedOn: issuedOn!,
    receivedOn: receivedOn!,
    appealWaivedOn,
    periodStart: periodStart!,
    periodEnd: periodEnd!,
    financingType,
    grantCents,
    rateBp: (rate as { bp: number }).bp,
    vatDeductible,
    advancePayments,
    lines,
    financing,
    conditions,
  };
  for (const problem of bescheidProblems(bescheid))
    errors[
      problem.field.startsWith('lines[')
        ? 'line.0.label'
        : problem.field === 'grantCents'
          ? 'grant'
          : problem.field === 'rateBp'
            ? 'rate'
            : problem.field
    ] = problem.message;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, bescheid };
}

/** A Bescheid as the form shows it. */
export function bescheidToForm(b: Partial<Bescheid> & Pick<Bescheid, 'lines' | 'financing'>): BescheidFormValues {
  const values: BescheidFormValues = {
    fileNumber: b.fileNumber ?? '',
    issuedOn: isoToGerman(b.issuedOn),
    receivedOn: isoToGerman(b.receivedOn),
    appealWaivedOn: isoToGerman(b.appealWaivedOn ?? null),
    periodStart: isoToGerman(b.periodStart),
    periodEnd: isoToGerman(b.periodEnd),
    financingType: b.financingType ?? 'anteilfinanzierung',
    grant: b.grantCents === undefined ? '' : formatCentsForInput(b.grantCents),
    rate: b.rateBp === undefined ? '' : formatCentsForInput(b.rateBp).replace(/,00$/, ''),
    vatDeductible: b.vatDeductible === undefined ? '' : b.vatDeductible ? 'ja' : 'nein',
    advancePayments: b.advancePayments === undefined ? '' : b.advancePayments ? 'ja' : 'nein',
    ownCash: formatCentsForInput(b.financing.ownCashCents),
    inKind: formatCentsForInput(b.financing.inKindCents),
    thirdParty: formatCentsForInput(b.financing.thirdPartyCents),
    otherPublic: formatCentsForInput(b.financing.otherPublicCents),
    conditions: b.conditions ?? '',
    lineCount: String(b.lines.length),
  };
  b.lines.forEach((line, i) => {
    values[`line.${i}.id`] = line.id;
    values[`line.${i}.label`] = line.label;
    values[`line.${i}.amount`] = formatCentsForInput(line.approvedCents);
  });
  return values;
}
