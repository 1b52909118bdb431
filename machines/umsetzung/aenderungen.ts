import { z } from 'zod';
import { formatCentsForInput, formatEuro } from '../shared/format';
import { parseEuro } from '../shared/money';
import { changeEffect, type ChangeEffect, type ImplementationFacts } from './computations';
import type { ImplementationParameterTable } from './parameters';
import { evaluateImplementation } from './rules';

/**
 * Changes after the Bescheid that the grantee must report to the SAB without delay (ANBest-K Nr. 5,
 * ANBest-P Nr. 5): what the grantee knows and the Belegliste cannot (expected total expenditure, money
 * that joined, circumstances), stored with the implementation. Together with the rules they say what is
 * to be reported, with its clause, and what it does to the grant (Nr. 2) – the Änderungsmitteilung.
 */

export const CHANGES_SCHEMA_VERSION = 1;

type Part = 'A' | 'B';

export const circumstanceIds = ['umstaende', 'zeitplan', 'zweck-gefaehrdet', 'gegenstaende', 'empfaenger', 'insolvenz'] as const;
export type CircumstanceId = (typeof circumstanceIds)[number];

export interface Circumstance {
  id: CircumstanceId;
  label: string;
  /** The clause per kind of grantee; null where the ANBest of that kind do not list it. */
  clauses: Record<Part, string | null>;
}

export const circumstances: readonly Circumstance[] = [
  {
    id: 'umstaende',
    label: 'Der Verwendungszweck oder andere für die Bewilligung maßgebliche Umstände ändern sich oder fallen weg.',
    clauses: { A: 'ANBest-K Nr. 5.2', B: 'ANBest-P Nr. 5.2' },
  },
  {
    id: 'zeitplan',
    label: 'Das Vorhaben verzögert sich so, dass der Bewilligungszeitraum nicht ausreicht.',
    clauses: { A: 'ANBest-K Nr. 5.2', B: 'ANBest-P Nr. 5.2' },
  },
  {
    id: 'zweck-gefaehrdet',
    label: 'Der Zuwendungszweck ist nicht oder mit der bewilligten Zuwendung nicht zu erreichen.',
    clauses: { A: 'ANBest-K Nr. 5.3', B: 'ANBest-P Nr. 5.3' },
  },
  {
    id: 'gegenstaende',
    label: 'Beschaffte Gegenstände werden nicht mehr für den Zuwendungszweck verwendet oder nicht mehr benötigt.',
    clauses: { A: 'ANBest-K Nr. 5.5', B: 'ANBest-P Nr. 5.5' },
  },
  {
    id: 'empfaenger',
    label: 'Angaben zum Zuwendungsempfänger ändern sich (Anschrift, Rechtsform, Vertretung).',
    clauses: { A: null, B: 'ANBest-P Nr. 5.7' },
  },
  {
    id: 'insolvenz',
    label: 'Ein Insolvenzverfahren wurde beantragt.',
    clauses: { A: null, B: 'ANBest-P Nr. 5.6' },
  },
];

export const circumstancesFor = (part: Part) => circumstances.filter((c) => c.clauses[part] !== null);

const cents = z.number().int().nonnegative().max(10_000_000_00);
export const explanationMaxLength = 3000;

export const changesSchema = z.strictObject({
  schemaVersion: z.literal(CHANGES_SCHEMA_VERSION),
  /** Expected eligible expenditure at the end; null: as approved. */
  forecastExpenditureCents: cents.nullable(),
  /** Other grants or third-party money received or applied for since the Bescheid. */
  additionalFinancingCents: cents,
  additionalFinancingSource: z.string().max(300),
  circumstances: z.array(z.enum(circumstanceIds)),
  explanation: z.string().max(explanationMaxLength),
});
export type ImplementationChanges = z.output<typeof changesSchema>;

export const noChanges = (): ImplementationChanges => ({
  schemaVersion: CHANGES_SCHEMA_VERSION,
  forecastExpenditureCents: null,
  additionalFinancingCents: 0,
  additionalFinancingSource: '',
  circumstances: [],
  explanation: '',
});

export function changesFromJson(json: string | null): ImplementationChanges {
  if (!json) return noChanges();
  try {
    const parsed = changesSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : noChanges();
  } catch {
    return noChanges();
  }
}

/** The facts with the grantee's expectations in place (the rules and changeEffect read them from here). */
export const withChanges = (facts: ImplementationFacts, changes: ImplementationChanges): ImplementationFacts => ({
  ...facts,
  forecastExpenditureCents: changes.forecastExpenditureCents,
  additionalFinancingCents: changes.additionalFinancingCents,
});

// ---- the form ------------------------------------------------------------------------------------

export const changeFieldLabels = {
  forecast: 'Voraussichtliche zuwendungsfähige Ausgaben insgesamt in Euro',
  additional: 'Seit dem Bescheid hinzugekommene Mittel in Euro',
  source: 'Von wem (andere öffentliche Stelle, Dritte)',
  explanation: 'Erläuterung für die SAB',
} as const;
export type ChangeField = keyof typeof changeFieldLabels;

export type ChangesParse = { ok: true; changes: ImplementationChanges } | { ok: false; errors: Partial<Record<ChangeField, string>> };

/** Reads the form (de-DE amounts); refuses only what cannot be stored as typed, each at its field. */
export function parseChangesForm(
  values: Partial<Record<ChangeField, string>> & { circumstances?: readonly string[] },
  part: Part,
): ChangesParse {
  const errors: Partial<Record<ChangeField, string>> = {};
  const changes = noChanges();
  const forecast = (values.forecast ?? '').trim();
  if (forecast) {
    const parsed = parseEuro(forecast, 'die voraussichtlichen Ausgaben');
    if (parsed.ok) changes.forecastExpenditureCents = parsed.cents;
    else errors.forecast = parsed.message;
  }
  const additional = (values.additional ?? '').trim();
  if (additional) {
    const parsed = parseEuro(additional, 'die hinzugekommenen Mittel');
    if (parsed.ok) changes.additionalFinancingCents = parsed.cents;
    else errors.additional = parsed.message;
  }
  changes.additionalFinancingSource = (values.source ?? '').trim();
  if (changes.additionalFinancingSource.length > 300) errors.source = 'Höchstens 300 Zeichen; bitte kürzen Sie die Angabe.';
  if (changes.additionalFinancingCents > 0 && !changes.additionalFinancingSource)
    errors.source = 'Bitte geben Sie an, von wem die Mittel kommen; die SAB braucht das für die Anzeige (ANBest-K/ANBest-P Nr. 5.1).';
  changes.explanation = (values.explanation ?? '').trim();
  if (changes.explanation.length > explanationMaxLength)
    errors.explanation = `Höchstens ${explanationMaxLength.toLocaleString('de-DE')} Zeichen (jetzt ${changes.explanation.length.toLocaleString('de-DE')}); der Text wurde nicht gekürzt und nicht gespeichert.`;
  const allowed = new Set(circumstancesFor(part).map((c) => c.id));
  changes.circumstances = circumstanceIds.filter((id) => values.circumstances?.includes(id) && allowed.has(id));
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, changes };
}

export function changesFormValues(changes: ImplementationChanges): Record<ChangeField, string> {
  return {
    forecast: changes.forecastExpenditureCents === null ? '' : formatCentsForInput(changes.forecastExpenditureCents),
    additional: changes.additionalFinancingCents ? formatCentsForInput(changes.additionalFinancingCents) : '',
    source: changes.additionalFinancingSource,
    explanation: changes.explanation,
  };
}

// ---- what is to be reported ----------------------------------------------------------------------

export interface NoticeItem {
  id: string;
  title: string;
  clauses: string[];
  detail: string;
}

const forPart = (clauses: readonly string[], part: Part) =>
  clauses.filter((c) => !(part === 'A' ? c.startsWith('ANBest-P') : c.startsWith('ANBest-K')));

/** Rules whose triggering is a duty to report (the start has its own report and is left out). */
const reportingRules = new Set(['mitteilung.ermaessigung', 'mitteilung.weitere-mittel', 'mittelabruf.verbrauch']);

/**
 * Everything the grantee has to report now, each with the clause for its kind of grantee: the
 * reporting rules that fire on the Belegliste, the payouts and the expectations, and the
 * circumstances the grantee ticked. Empty: nothing to report.
 */
export function noticeItems(facts: ImplementationFacts, changes: ImplementationChanges, table: ImplementationParameterTable): NoticeItem[] {
  const part = facts.bescheid.programmePart;
  const f = withChanges(facts, changes);
  const fromRules = evaluateImplementation(f, table)
    .filter((x) => reportingRules.has(x.rule.id) && x.outcome.status === 'ausgeloest')
    .map((x) => ({
      id: x.rule.id,
      title: x.rule.title,
      clauses: forPart(x.rule.clauses, part),
      detail:
        x.rule.id === 'mitteilung.weitere-mittel' && changes.additionalFinancingSource
          ? `${x.outcome.detail ?? ''} Von: ${changes.additionalFinancingSource}.`
          : (x.outcome.detail ?? ''),
    }));
  const ticked = circumstancesFor(part)
    .filter((c) => changes.circumstances.includes(c.id))
    .map((c) => ({ id: c.id, title: c.label, clauses: [c.clauses[part]!], detail: '' }));
  return [...fromRules, ...ticked];
}

/** What the expected figures do to the grant (ANBest-K/ANBest-P Nr. 2.1, 2.2): the simulator's answer. */
export function changeEffectOf(
  facts: ImplementationFacts,
  changes: ImplementationChanges,
  table: ImplementationParameterTable,
): ChangeEffect {
  return changeEffect(withChanges(facts, changes), table);
}

/** The effect in sentences, for the page and the PDF. */
export function effectSentences(effect: ChangeEffect, grantCents: number): string[] {
  if (!effect.reductionCents && !effect.additionalFinancingCents) return ['Nach Ihren Angaben bleibt es beim bewilligten Plan.'];
  const out: string[] = [];
  if (effect.reductionCents) out.push(`Die Ausgaben ermäßigen sich voraussichtlich um ${formatEuro(effect.reductionCents)}.`);
  if (effect.additionalFinancingCents) out.push(`Hinzugekommen sind ${formatEuro(effect.additionalFinancingCents)}.`);
  if (!effect.overThreshold) {
    out.push('Die Änderung beträgt nicht mehr als 500 €; die Zuwendung bleibt unverändert (ANBest-K/ANBest-P Nr. 2.2).');
    return out;
  }
  out.push(
    effect.newGrantCents < grantCents
      ? `Die Zuwendung ermäßigt sich voraussichtlich von ${formatEuro(grantCents)} auf ${formatEuro(effect.newGrantCents)} (ANBest-K/ANBest-P Nr. 2.1).`
      : `Die Zuwendung von ${formatEuro(grantCents)} bleibt unverändert.`,
  );
  if (effect.repaymentCents > 0)
    out.push(
      effect.repaymentWaived
        ? `Bereits ausgezahlt sind ${formatEuro(effect.paidOutCents)}; zu viel ausgezahlt wären ${formatEuro(effect.repaymentCents)}, was unter der Grenze von ${formatEuro(effect.repaymentLimitCents)} liegt und nicht zurückgefordert wird (VVK Nr. 8.7, VwV zu § 44 SäHO Nr. 8.8).`
        : `Bereits ausgezahlt sind ${formatEuro(effect.paidOutCents)}; zu erstatten wären ${formatEuro(effect.repaymentCents)}, verzinst nach § 49a VwVfG (ANBest-K/ANBest-P Nr. 8.4).`,
    );
  return out;
}
