import { parseGermanDate } from '../shared/dates';
import { formatDate, formatEuro } from '../shared/format';
import { parseEuro } from '../shared/money';
import type { Bescheid } from './bescheid';
import {
  advanceProcedureOn,
  computeMittelabruf,
  type ImplementationFacts,
  type MittelabrufComputation,
  type MittelabrufRequest,
  type PlannedPayment,
} from './computations';
import type { ImplementationParameterTable } from './parameters';

/**
 * The Mittelabruf form (payout request in the Vorauszahlungsverfahren): flat field names
 * (`plan.0.amount`) parsed into a request, then judged by the rules the catalogue cites:
 * - ANBest-P Nr. 1.4 Satz 1 / VwV zu § 44 SäHO Nr. 7.5: only for payments due within six months
 *   after the payout, and not earlier than needed;
 * - ANBest-P Nr. 1.4 Satz 2: every request states what the need is made of (the planned payments);
 * - ANBest-P Nr. 1.4.1 / 1.4.2: proportionate to the other funds (rate) or after them (Fehlbedarf);
 * - VwV zu § 44 SäHO Nr. 7.7: no partial payout under the minimum (1 000 €), except where the
 *   rest of the grant is smaller – then the collision is shown and left to the SAB.
 */

export type MittelabrufFormValues = Record<string, string>;

export const mittelabrufFieldLabels: Record<string, string> = {
  requestedOn: 'Datum des Mittelabrufs',
  expectedPayoutOn: 'Voraussichtliche Auszahlung am',
  requested: 'Angeforderter Betrag',
  line: 'Position',
  dueOn: 'Fällig am',
  amount: 'Betrag',
  purpose: 'Wofür',
};

export const MAX_PLANNED_ROWS = 40;

export type MittelabrufFormParse = { ok: true; request: MittelabrufRequest } | { ok: false; errors: Record<string, string> };

/** Row indices present in the form (`plan.N.*`), in order. */
export function plannedRowIndices(values: MittelabrufFormValues): number[] {
  const seen = new Set<number>();
  for (const key of Object.keys(values)) {
    const m = /^plan\.(\d{1,3})\./.exec(key);
    if (m) seen.add(Number(m[1]));
  }
  return [...seen].sort((a, b) => a - b).slice(0, MAX_PLANNED_ROWS);
}

export function parseMittelabrufForm(values: MittelabrufFormValues, bescheid: Bescheid): MittelabrufFormParse {
  const errors: Record<string, string> = {};
  const get = (name: string) => (values[name] ?? '').trim();
  const date = (name: string, label: string, required: boolean): string | null => {
    const raw = get(name);
    if (!raw && !required) return null;
    const parsed = parseGermanDate(raw, `das Feld „${label}“`);
    if (!parsed.ok) {
      errors[name] = parsed.message;
      return null;
    }
    return parsed.iso;
  };
  const requestedOn = date('requestedOn', mittelabrufFieldLabels.requestedOn!, true);
  const expectedPayoutOn = date('expectedPayoutOn', mittelabrufFieldLabels.expectedPayoutOn!, false);
  if (requestedOn && expectedPayoutOn && expectedPayoutOn < requestedOn)
    errors.expectedPayoutOn = 'Die Auszahlung kann nicht vor dem Mittelabruf liegen.';

  let requestedCents: number | null = null;
  if (get('requested')) {
    const parsed = parseEuro(get('requested'), 'den angeforderten Betrag');
    if (!parsed.ok) errors.requested = parsed.message;
    else if (parsed.cents === 0) errors.requested = 'Bitte geben Sie einen Betrag über 0 € an oder lassen Sie das Feld leer.';
    else requestedCents = parsed.cents;
  }

  const lines = new Map(bescheid.lines.map((l) => [l.id, l]));
  const plannedPayments: PlannedPayment[] = [];
  for (const i of plannedRowIndices(values)) {
    const p = (f: string) => `plan.${i}.${f}`;
    const row = { line: get(p('line')), dueOn: get(p('dueOn')), amount: get(p('amount')), purpose: get(p('purpose')) };
    if (!row.line && !row.dueOn && !row.amount && !row.purpose) continue; // an empty row is no row
    const n = i + 1;
    if (!row.line) errors[p('line')] = `Bitte wählen Sie die Position der geplanten Zahlung ${n}.`;
    else if (!lines.has(row.line))
      errors[p('line')] = `Die Position der geplanten Zahlung ${n} ist im Bescheid nicht bewilligt (ANBest-P Nr. 1.1).`;
    const due = parseGermanDate(row.dueOn, `das Fälligkeitsdatum der geplanten Zahlung ${n}`);
    if (!due.ok) errors[p('dueOn')] = due.message;
    const amount = parseEuro(row.amount, `den Betrag der geplanten Zahlung ${n}`);
    if (!amount.ok) errors[p('amount')] = amount.message;
    else if (amount.cents === 0) errors[p('amount')] = `Bitte geben Sie für die geplante Zahlung ${n} einen Betrag über 0 € an.`;
    if (row.purpose.length > 200)
      errors[p('purpose')] =
        `Bitte fassen Sie den Zweck der geplanten Zahlung ${n} in höchstens 200 Zeichen (jetzt ${row.purpose.length}).`;
    if (due.ok && amount.ok && row.line && lines.has(row.line))
      plannedPayments.push({ lineId: row.line, dueOn: due.iso, cents: amount.cents, ...(row.purpose ? { purpose: row.purpose } : {}) });
  }
  if (Object.keys(errors).length || !requestedOn) return { ok: false, errors };
  return { ok: true, request: { requestedOn, expectedPayoutOn, plannedPayments, requestedCents } };
}

export interface MittelabrufCheck {
  computation: MittelabrufComputation;
  /** Refusals at the field (nothing is recorded while there are any). */
  errors: Record<string, string>;
  /** Shown, not refused: a collision the SAB has to decide (VwV Nr. 7.7 against the rest of the grant). */
  decision: string | null;
}

/** Judges a parsed request against the Bescheid, the Belegliste and the payouts so far. */
export function checkMittelabruf(
  facts: ImplementationFacts,
  request: MittelabrufRequest,
  table: ImplementationParameterTable,
): MittelabrufCheck {
  const b = facts.bescheid;
  const m = computeMittelabruf(facts, request, table);
  const errors: Record<string, string> = {};
  let decision: string | null = null;
  if (!advanceProcedureOn(b, table, request.requestedOn)) {
    errors.requestedOn =
      b.programmePart === 'A'
        ? 'Für Kommunen gilt das Regelverfahren nach VVK Nr. 7.1 (FRL Teil 2 A VI Nr. 1); ein Mittelabruf ist nicht vorgesehen.'
        : 'Der Bescheid lässt keine Vorauszahlungen zu (VwV zu § 44 SäHO Nr. 7.5); es gilt das Regelverfahren nach Nr. 7.1.';
    return { computation: m, errors, decision };
  }
  if (m.remainingGrantCents === 0) {
    errors.requested = `Die bewilligte Zuwendung von ${formatEuro(b.grantCents)} ist bereits vollständig ausgezahlt.`;
    return { computation: m, errors, decision };
  }
  if (m.allowedCents === 0) {
    errors.requested = `Derzeit kann nichts abgerufen werden: der Anteil der Zuwendung am Bedarf bis ${formatDate(m.windowEndOn)} (${formatEuro(m.grantShareCents)}) ist durch die bisherigen Auszahlungen (${formatEuro(m.paidOutCents)}) gedeckt (ANBest-P Nr. 1.4). Tragen Sie geplante Zahlungen ein, die bis dahin fällig werden.`;
    return { computation: m, errors, decision };
  }
  if (m.requestedCents > m.allowedCents) {
    errors.requested = `Höchstens ${formatEuro(m.allowedCents)} dürfen angefordert werden: nur für Zahlungen, die bis ${formatDate(m.windowEndOn)} fällig werden (sechs Monate nach der Auszahlung, ANBest-P Nr. 1.4), anteilig nach Nr. 1.4.1/1.4.2, abzüglich bereits ausgezahlter ${formatEuro(m.paidOutCents)}.`;
  } else if (m.requestedCents < m.minimumCents) {
    if (m.requestedCents === m.remainingGrantCents)
      decision = `Der Rest der Zuwendung (${formatEuro(m.remainingGrantCents)}) liegt unter der Untergrenze von ${formatEuro(m.minimumCents)} für Teilauszahlungen (VwV zu § 44 SäHO Nr. 7.7). Ob er so ausgezahlt wird, entscheidet die SAB; der Abruf wird mit diesem Hinweis erstellt.`;
    else
      errors.requested = `Teilauszahlungen unter ${formatEuro(m.minimumCents)} sind nicht vorgesehen (VwV zu § 44 SäHO Nr. 7.7). Bitte warten Sie, bis der Bedarf diese Grenze erreicht.`;
  }
  return { computation: m, errors, decision };
}
