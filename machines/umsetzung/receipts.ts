import { z } from 'zod';
import { parseGermanDate } from '../shared/dates';
import { formatDate } from '../shared/format';
import { parseEuro } from '../shared/money';
import type { Bescheid } from './bescheid';

/**
 * The Belegliste: one receipt per payment, with what ANBest-P Nr. 6.4 asks for (order, invoice and
 * payment date, payee, reason, amount). Money in integer cents, dates ISO. The amount that counts is
 * net when the grantee may deduct input VAT, gross otherwise (ANBest-K Nr. 6.4, ANBest-P Nr. 6.4);
 * amounts are entered after any discount (Skonto) actually taken, as both clauses require.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const cents = z.number().int().nonnegative().max(10_000_000_00);

export const receiptSchema = z.strictObject({
  id: z.string().min(1).max(40),
  orderedOn: isoDate.nullable(),
  invoicedOn: isoDate,
  /** null: invoice received but not yet paid (counts as planned, not as spent). */
  paidOn: isoDate.nullable(),
  payee: z.string().min(1).max(200),
  purpose: z.string().min(1).max(500),
  lineId: z.string().min(1).max(40),
  netCents: cents,
  grossCents: cents,
  /** A purchased object (Gegenstand), for the inventory duty (ANBest-P Nr. 4.2). */
  asset: z.boolean(),
});
export type Receipt = z.output<typeof receiptSchema>;

export const countedCents = (receipt: Pick<Receipt, 'netCents' | 'grossCents'>, vatDeductible: boolean) =>
  vatDeductible ? receipt.netCents : receipt.grossCents;

export const receiptFieldLabels = {
  orderedOn: 'Auftragsdatum',
  invoicedOn: 'Rechnungsdatum',
  paidOn: 'Zahlungsdatum',
  payee: 'Empfänger',
  purpose: 'Grund der Zahlung',
  lineId: 'Position des Finanzierungsplans',
  netCents: 'Betrag netto',
  grossCents: 'Betrag brutto',
  asset: 'Gegenstand (Anschaffung)',
} as const;
export type ReceiptField = keyof typeof receiptFieldLabels;

export type ReceiptFormValues = Partial<Record<ReceiptField, string>>;
export type ReceiptParse = { ok: true; receipt: Omit<Receipt, 'id'> } | { ok: false; errors: Partial<Record<ReceiptField, string>> };

/**
 * Reads a receipt as typed in the form (de-DE amounts and dates) and checks it against the Bescheid:
 * every message names the field and, where a rule refuses it, the clause. Nothing is saved on errors.
 */
export function parseReceiptForm(values: ReceiptFormValues, bescheid: Bescheid): ReceiptParse {
  const errors: Partial<Record<ReceiptField, string>> = {};
  const text = (field: ReceiptField, max: number) => {
    const v = (values[field] ?? '').trim();
    if (!v) errors[field] = `Bitte geben Sie ${field === 'payee' ? 'den Empfänger' : 'den Grund der Zahlung'} an.`;
    else if (v.length > max) errors[field] = `${receiptFieldLabels[field]}: höchstens ${max} Zeichen.`;
    return v;
  };
  const date = (field: 'orderedOn' | 'invoicedOn' | 'paidOn', required: boolean) => {
    const raw = (values[field] ?? '').trim();
    if (!raw && !required) return null;
    const parsed = parseGermanDate(raw, `das ${receiptFieldLabels[field]}`);
    if (!parsed.ok) {
      errors[field] = parsed.message;
      return null;
    }
    return parsed.iso;
  };
  const money = (field: 'netCents' | 'grossCents', required: boolean) => {
    const raw = (values[field] ?? '').trim();
    if (!raw && !required) return null;
    const parsed = parseEuro(raw, `den ${receiptFieldLabels[field]}`);
    if (!parsed.ok) {
      errors[field] = parsed.message;
      return null;
    }
    return parsed.cents;
  };
  const payee = text('payee', 200);
  const purpose = text('purpose', 500);
  const orderedOn = date('orderedOn', false);
  const invoicedOn = date('invoicedOn', true);
  const paidOn = date('paidOn', false);
  const lineId = (values.lineId ?? '').trim();
  const line = bescheid.lines.find((l) => l.id === lineId);
  if (!lineId) errors.lineId = 'Bitte wählen Sie die Position des Finanzierungsplans.';
  else if (!line) {
    errors.lineId =
      'Diese Position ist im Bescheid nicht bewilligt. Ausgaben dürfen nur für den bewilligten Zweck verwendet werden (ANBest-K/ANBest-P Nr. 1.1); für eine neue Position ist eine Mitteilung an die SAB nötig (Nr. 5.2).';
  }
  // The amount that counts is required; the other one is optional and defaults to it.
  const net = money('netCents', bescheid.vatDeductible);
  const gross = money('grossCents', !bescheid.vatDeductible);
  const netCents = net ?? gross ?? 0;
  const grossCents = gross ?? net ?? 0;
  if (!errors.netCents && !errors.grossCents && grossCents < netCents) {
    errors.grossCents = 'Der Bruttobetrag kann nicht kleiner als der Nettobetrag sein.';
  }
  if (invoicedOn && (invoicedOn < bescheid.periodStart || invoicedOn > bescheid.periodEnd)) {
    errors.invoicedOn = `Das Rechnungsdatum ${formatDate(invoicedOn)} liegt außerhalb des Bewilligungszeitraums ${formatDate(bescheid.periodStart)} bis ${formatDate(bescheid.periodEnd)}; die Ausgabe ist nicht zuwendungsfähig (Bescheid, VwV zu § 44 SäHO Nr. 4.2.5).`;
  }
  if (orderedOn && orderedOn < bescheid.periodStart) {
    errors.orderedOn = `Der Auftrag vom ${formatDate(orderedOn)} wurde vor Beginn des Bewilligungszeitraums erteilt; ein Vertragsschluss vor Bewilligung gilt als vorzeitiger Vorhabensbeginn (VwV zu § 44 SäHO Nr. 1.3).`;
  }
  if (orderedOn && invoicedOn && orderedOn > invoicedOn) errors.orderedOn = 'Das Auftragsdatum liegt nach dem Rechnungsdatum.';
  if (paidOn && invoicedOn && paidOn < invoicedOn && !orderedOn) {
    errors.paidOn =
      'Eine Zahlung vor der Rechnung ist eine Vorauszahlung; bitte geben Sie das Auftragsdatum an (ANBest-K Nr. 1.6, ANBest-P Nr. 1.7).';
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    receipt: {
      orderedOn,
      invoicedOn: invoicedOn!,
      paidOn,
      payee,
      purpose,
      lineId,
      netCents,
      grossCents,
      asset: values.asset === 'on' || values.asset === 'ja' || values.asset === 'true',
    },
  };
}

export interface LineTotal {
  lineId: string;
  label: string;
  approvedCents: number;
  /** Paid receipts (what the Verwendungsnachweis shows as expenditure). */
  spentCents: number;
  /** Invoices not yet paid. */
  openCents: number;
  /** approved − spent − open; negative means the line is overrun. */
  remainingCents: number;
  receiptCount: number;
}

export interface ReceiptTotals {
  lines: LineTotal[];
  approvedCents: number;
  spentCents: number;
  openCents: number;
  remainingCents: number;
}

/** Running totals per approved line; receipts on lines the Bescheid does not know are left out (they cannot be saved). */
export function receiptTotals(bescheid: Bescheid, receipts: ReadonlyArray<Receipt>): ReceiptTotals {
  const byLine = new Map<string, LineTotal>(
    bescheid.lines.map((l) => [
      l.id,
      {
        lineId: l.id,
        label: l.label,
        approvedCents: l.approvedCents,
        spentCents: 0,
        openCents: 0,
        remainingCents: l.approvedCents,
        receiptCount: 0,
      },
    ]),
  );
  for (const r of receipts) {
    const total = byLine.get(r.lineId);
    if (!total) continue;
    const amount = countedCents(r, bescheid.vatDeductible);
    if (r.paidOn) total.spentCents += amount;
    else total.openCents += amount;
    total.remainingCents -= amount;
    total.receiptCount += 1;
  }
  const lines = [...byLine.values()];
  const sum = (pick: (l: LineTotal) => number) => lines.reduce((s, l) => s + pick(l), 0);
  return {
    lines,
    approvedCents: sum((l) => l.approvedCents),
    spentCents: sum((l) => l.spentCents),
    openCents: sum((l) => l.openCents),
    remainingCents: sum((l) => l.remainingCents),
  };
}

/** Chronological order, as ANBest-P Nr. 6.4 prescribes for the Belegliste (by payment, then invoice date). */
export function chronological<T extends Pick<Receipt, 'paidOn' | 'invoicedOn' | 'id'>>(receipts: ReadonlyArray<T>): T[] {
  return [...receipts].sort(
    (a, b) =>
      (a.paidOn ?? a.invoicedOn).localeCompare(b.paidOn ?? b.invoicedOn) ||
      a.invoicedOn.localeCompare(b.invoicedOn) ||
      a.id.localeCompare(b.id),
  );
}
