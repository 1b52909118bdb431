import { z } from 'zod';
import { longText, optionalText, optionalYesNo, quantityField } from '../../../shared/fields';
import { formatEuro } from '../../../shared/format';
import { parseEuro, parseQuantity } from '../../../shared/money';
import { costCategories } from '../../catalogues';
import { totalsFor } from '../facts';
import { budgetFields } from '../fields';
import { partOf } from '../programme-part';
import type { ApplicationData, CostLine } from '../schema';
import type { StepIssue } from '../steps';
import {
  BUDGET_MAX_CENTS,
  blank,
  budgetEuro,
  builtOnce,
  clean,
  list,
  missingFields,
  money,
  qty,
  rowId,
  ticked,
  yn,
  type StepCodec,
} from './shared';

/**
 * The Kosten- und Finanzierungsplan step: cost lines, unbare Eigenleistungen, own cash, donations,
 * other public funds, the requested grant. One cost line's form row and its completeness rules are
 * exported for the CSV import of cost lines (ADR 0078), which checks a file row like a typed line.
 */

const year = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 2022 || n > 2100) {
      ctx.addIssue({ code: 'custom', message: 'Bitte wählen Sie ein Kalenderjahr aus der Liste.' });
      return z.NEVER;
    }
    return n;
  });

/**
 * One cost line as the budget step posts it (strings), checked for types and lengths. Shared with
 * the CSV import of cost lines (ADR 0078), which feeds each file row through it.
 */
export function costLineFormRow(newId: () => string) {
  return z
    .object({
      id: rowId(newId),
      category: z.enum(costCategories.map((c) => c.id) as [string, ...string[]]).default('sonstiges'),
      kind: z.enum(['menge', 'pauschal', 'personal']).default('menge'),
      description: optionalText('die Beschreibung', 300),
      quantity: quantityField('die Menge'),
      unitPrice: budgetEuro('den Einzelpreis'),
      amount: budgetEuro('den Betrag'),
      year,
      note: optionalText('die Anmerkung', 500),
    })
    .superRefine((line, ctx) => {
      // Never drop what was typed: an amount and a calculation that does not use it is a question, not a guess.
      const counted = line.quantity !== undefined || line.unitPrice !== undefined;
      if (line.kind !== 'pauschal' && line.amount !== undefined && !counted) {
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message:
            'Sie haben einen Pauschalbetrag eingetragen, als Berechnung aber nicht „Pauschalbetrag“ gewählt. Wählen Sie „Pauschalbetrag“ oder tragen Sie Menge und Einzelpreis ein.',
        });
      }
      if (line.kind === 'pauschal' && line.amount === undefined && counted) {
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message:
            'Sie haben Menge oder Einzelpreis eingetragen, als Berechnung aber „Pauschalbetrag“ gewählt. Tragen Sie den Pauschalbetrag ein oder wählen Sie „Menge × Einzelpreis“.',
        });
      }
    });
}
export type CostLineFormRow = z.output<ReturnType<typeof costLineFormRow>>;

/** A parsed form row as a stored cost line (a lump sum keeps its amount, a calculation its factors). */
export function costLineFromForm(l: CostLineFormRow): CostLine {
  return clean({
    id: l.id,
    category: l.category,
    kind: l.kind,
    description: l.description,
    quantityMilli: l.kind === 'pauschal' ? undefined : l.quantity,
    unitPriceCents: l.kind === 'pauschal' ? undefined : l.unitPrice,
    amountCents: l.kind === 'pauschal' ? l.amount : undefined,
    year: l.year,
    note: l.note,
  }) as CostLine;
}

/** The month of an Eigenleistung: MM.JJJJ (or JJJJ-MM), stored as JJJJ-MM. */
const period = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const m = /^(\d{1,2})\.(\d{4})$/.exec(v.trim()) ?? /^(\d{4})-(\d{2})$/.exec(v.trim());
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'Bitte geben Sie den Monat als MM.JJJJ an, zum Beispiel 04.2027.' });
      return z.NEVER;
    }
    const [yearPart, monthPart] = m[1]!.length === 4 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    const month = Number(monthPart);
    if (month < 1 || month > 12) {
      ctx.addIssue({ code: 'custom', message: 'Diesen Monat gibt es nicht.' });
      return z.NEVER;
    }
    return `${yearPart}-${String(month).padStart(2, '0')}`;
  });

const schema = builtOnce((newId) =>
  z.object({
    vatDeductible: optionalYesNo,
    lines: list(costLineFormRow(newId), 2000, 'Ausgabenzeilen'),
    inKind: list(
      z.object({
        id: rowId(newId),
        kind: z.enum(['ehrenamt', 'raum']).default('ehrenamt'),
        description: optionalText('die Beschreibung', 300),
        quantity: quantityField('die Stunden oder Einheiten'),
        period,
        unitRate: budgetEuro('die Miete je Einheit'),
        rentSource: optionalText('die Quelle', 300),
        supportingOnly: z
          .string()
          .optional()
          .transform((v) => (v === 'on' ? true : undefined)),
      }),
      500,
      'Eigenleistungen',
    ),
    ownCash: budgetEuro('die Eigenmittel'),
    donations: list(
      z.object({
        id: rowId(newId),
        donor: optionalText('die Geldgeberin oder den Geldgeber'),
        amount: budgetEuro('den Betrag'),
        earmarked: ticked,
      }),
      200,
      'Spenden',
    ),
    otherPublic: list(
      z.object({
        id: rowId(newId),
        funder: optionalText('die Förderstelle'),
        amount: budgetEuro('den Betrag'),
        status: z.enum(['beantragt', 'bewilligt']).optional(),
      }),
      50,
      'öffentliche Mittel',
    ),
    requestedGrant: budgetEuro('die beantragte Zuwendung'),
    capExceedReason: longText('die Begründung', 3000),
  }),
);

/** A cost line's field that an issue belongs to (the form's name within the line). */
export type CostLineField = 'description' | 'amount' | 'quantity' | 'unitPrice' | 'year' | 'category';

/**
 * What keeps one cost line from being complete, whether typed into the budget step or read from a
 * CSV file (ADR 0078): the same rules, the same sentences. `clause` where a rule of the directive
 * stands behind it. The budget step prefixes "Zeile n:"; the import shows them at the file's row.
 */
export function costLineIssues(line: CostLine, data: ApplicationData): Array<{ field: CostLineField; message: string; clause?: string }> {
  const issues: Array<{ field: CostLineField; message: string; clause?: string }> = [];
  const { start, end } = data.schedule;
  const firstYear = start ? Number(start.slice(0, 4)) : null;
  const lastYear = end ? Number(end.slice(0, 4)) : null;
  if (blank(line.description)) issues.push({ field: 'description', message: 'Bitte beschreiben Sie die Ausgabe.' });
  if (line.kind === 'pauschal' && !line.amountCents) issues.push({ field: 'amount', message: 'Bitte geben Sie den Betrag an.' });
  if (line.kind !== 'pauschal') {
    if (!line.quantityMilli)
      issues.push({
        field: 'quantity',
        message: `Bitte geben Sie ${line.kind === 'personal' ? 'die Stunden' : 'die Menge'} an (mehr als 0).`,
      });
    if (!line.unitPriceCents)
      issues.push({
        field: 'unitPrice',
        message: `Bitte geben Sie ${line.kind === 'personal' ? 'den Stundensatz' : 'den Einzelpreis'} an.`,
      });
  }
  if (line.year === undefined) issues.push({ field: 'year', message: 'Bitte wählen Sie das Kalenderjahr.' });
  else if (firstYear !== null && lastYear !== null && (line.year < firstYear || line.year > lastYear)) {
    issues.push({ field: 'year', message: `${line.year} liegt außerhalb des Vorhabenzeitraums (${firstYear}–${lastYear}).` });
  }
  if (line.category === 'software' && partOf(data) !== 'B' && blank(data.project.softwareReason)) {
    issues.push({
      field: 'category',
      message: 'Software ist nur zuwendungsfähig, wenn das Beteiligungsportal nicht ausreicht – begründen Sie das im Schritt „Vorhaben“.',
      clause: 'FRL Teil 2 A II Nr. 3',
    });
  }
  return issues;
}

export const budgetCodec: StepCodec<ReturnType<typeof schema>> = {
  schema,
  apply(data, p) {
    const next: ApplicationData = structuredClone(data);
    next.budget = clean({
      vatDeductible: p.vatDeductible,
      lines: p.lines.map(costLineFromForm),
      inKind: p.inKind.map((l) =>
        clean({
          id: l.id,
          kind: l.kind,
          description: l.description,
          quantityMilli: l.quantity,
          period: l.period,
          unitRateCents: l.kind === 'raum' ? l.unitRate : undefined,
          rentSource: l.kind === 'raum' ? l.rentSource : undefined,
          supportingOnly: l.kind === 'ehrenamt' ? l.supportingOnly : undefined,
        }),
      ),
      ownCashCents: p.ownCash,
      donations: p.donations.map((d) => clean({ id: d.id, donor: d.donor, amountCents: d.amount, earmarked: d.earmarked })),
      otherPublic: p.otherPublic.map((f) => clean({ id: f.id, funder: f.funder, amountCents: f.amount, status: f.status })),
      requestedGrantCents: p.requestedGrant,
      capExceedReason: p.capExceedReason,
    }) as ApplicationData['budget'];
    return next;
  },
  values(data) {
    const b = data.budget;
    return {
      vatDeductible: yn(b.vatDeductible),
      lines: b.lines.map((l) => ({
        id: l.id,
        category: l.category,
        kind: l.kind,
        description: l.description,
        quantity: qty(l.quantityMilli),
        unitPrice: money(l.unitPriceCents),
        amount: money(l.amountCents),
        year: l.year === undefined ? undefined : String(l.year),
        note: l.note,
      })),
      inKind: b.inKind.map((l) => ({
        id: l.id,
        kind: l.kind,
        description: l.description,
        quantity: qty(l.quantityMilli),
        period: l.period ? `${l.period.slice(5, 7)}.${l.period.slice(0, 4)}` : undefined,
        unitRate: money(l.unitRateCents),
        rentSource: l.rentSource,
        supportingOnly: l.supportingOnly ? 'on' : undefined,
      })),
      ownCash: money(b.ownCashCents),
      donations: b.donations.map((d) => ({
        id: d.id,
        donor: d.donor,
        amount: money(d.amountCents),
        earmarked: d.earmarked ? 'on' : undefined,
      })),
      otherPublic: b.otherPublic.map((f) => ({ id: f.id, funder: f.funder, amount: money(f.amountCents), status: f.status })),
      requestedGrant: money(b.requestedGrantCents),
      capExceedReason: b.capExceedReason,
    };
  },
  issues(data, context) {
    const issues: StepIssue[] = [];
    const b = data.budget;
    issues.push(...missingFields(budgetFields, b, data));
    if (b.lines.length === 0) issues.push({ field: 'lines', message: 'Bitte erfassen Sie mindestens eine Ausgabe.' });
    b.lines.forEach((line, i) => {
      for (const issue of costLineIssues(line, data))
        issues.push({ field: `lines[${i}].${issue.field}`, message: `Zeile ${i + 1}: ${issue.message}` });
    });
    b.inKind.forEach((line, i) => {
      const n = i + 1;
      if (blank(line.description))
        issues.push({ field: `inKind[${i}].description`, message: `Eigenleistung ${n}: Bitte beschreiben Sie die Leistung.` });
      if (!line.quantityMilli)
        issues.push({
          field: `inKind[${i}].quantity`,
          message: `Eigenleistung ${n}: Bitte geben Sie ${line.kind === 'ehrenamt' ? 'die Stunden' : 'die Einheiten'} an (mehr als 0).`,
        });
      if (line.kind === 'ehrenamt' && !line.period)
        issues.push({
          field: `inKind[${i}].period`,
          message: `Eigenleistung ${n}: Bitte geben Sie den Monat an, in dem die Arbeit geleistet wird.`,
        });
      if (line.kind === 'ehrenamt' && line.supportingOnly !== true) {
        issues.push({
          field: `inKind[${i}].supportingOnly`,
          message: `Eigenleistung ${n}: Anrechenbar ist nur unterstützendes ehrenamtliches Engagement (FRL Teil 2 B V Nr. 5); bitte bestätigen Sie das.`,
        });
      }
      if (line.kind === 'raum') {
        if (!line.unitRateCents)
          issues.push({
            field: `inKind[${i}].unitRate`,
            message: `Eigenleistung ${n}: Bitte geben Sie die ortsübliche Miete je Einheit an.`,
          });
        if (blank(line.rentSource))
          issues.push({
            field: `inKind[${i}].rentSource`,
            message: `Eigenleistung ${n}: Bitte nennen Sie die Quelle der Miete (Mietspiegel oder ortsübliche Miete).`,
          });
      }
    });
    if (b.inKind.length > 0 && partOf(data) === 'A') {
      issues.push({
        field: 'inKind',
        message: 'Unbare Eigenleistungen werden nur bei Vorhaben der Zivilgesellschaft (Teil 2 B) angerechnet. Bitte entfernen Sie sie.',
      });
    }
    b.donations.forEach((d, i) => {
      if (blank(d.donor))
        issues.push({ field: `donations[${i}].donor`, message: `Spende ${i + 1}: Bitte nennen Sie die Geldgeberin oder den Geldgeber.` });
      if (d.amountCents === undefined)
        issues.push({ field: `donations[${i}].amount`, message: `Spende ${i + 1}: Bitte geben Sie den Betrag an.` });
    });
    b.otherPublic.forEach((f, i) => {
      if (blank(f.funder))
        issues.push({ field: `otherPublic[${i}].funder`, message: `Öffentliche Mittel ${i + 1}: Bitte nennen Sie die Förderstelle.` });
      if (f.amountCents === undefined)
        issues.push({ field: `otherPublic[${i}].amount`, message: `Öffentliche Mittel ${i + 1}: Bitte geben Sie den Betrag an.` });
      if (!f.status)
        issues.push({
          field: `otherPublic[${i}].status`,
          message: `Öffentliche Mittel ${i + 1}: Bitte geben Sie an, ob sie beantragt oder bewilligt sind.`,
        });
    });
    if (b.lines.length > 0) {
      const totals = totalsFor(data, context.table, context.date);
      if (totals.gapCents > 0) {
        issues.push({
          field: 'ownCash',
          message: `Der Plan ist nicht ausgeglichen: Es fehlen ${formatEuro(totals.gapCents)}. Erhöhen Sie den Eigenanteil um ${formatEuro(totals.gapCents)}.`,
        });
      } else if (totals.gapCents < 0) {
        issues.push({
          field: 'ownCash',
          message: `Der Plan ist nicht ausgeglichen: Die Finanzierung übersteigt die Ausgaben um ${formatEuro(-totals.gapCents)}. Verringern Sie den Eigenanteil oder die beantragte Zuwendung entsprechend.`,
        });
      }
    }
    return issues;
  },
  hasContent: (data) => data.budget.lines.length > 0 || data.budget.vatDeductible !== undefined || data.budget.ownCashCents !== undefined,
};

/**
 * The budget as far as the typed values are valid, for live sums while typing: an invalid or
 * empty amount counts as nothing instead of blocking every sum.
 */
export function lenientBudget(payload: Record<string, unknown>, data: ApplicationData): ApplicationData {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const euro = (v: unknown) => {
    const parsed = parseEuro(str(v), '', BUDGET_MAX_CENTS);
    return parsed.ok ? parsed.cents : undefined;
  };
  const qtyMilli = (v: unknown) => {
    const parsed = parseQuantity(str(v));
    return parsed.ok ? parsed.milli : undefined;
  };
  const rows = (v: unknown) => (Array.isArray(v) ? (v as Array<Record<string, unknown>>) : []);
  const next = structuredClone(data);
  next.budget = {
    ...next.budget,
    lines: rows(payload.lines).map((l, i) => {
      const kind = (['menge', 'pauschal', 'personal'] as const).find((k) => k === l.kind) ?? 'menge';
      const category = costCategories.some((c) => c.id === l.category) ? str(l.category) : 'sonstiges';
      const year = Number(str(l.year));
      return {
        id: str(l.id) || `zeile-${i}`,
        category,
        kind,
        quantityMilli: kind === 'pauschal' ? undefined : qtyMilli(l.quantity),
        unitPriceCents: kind === 'pauschal' ? undefined : euro(l.unitPrice),
        amountCents: kind === 'pauschal' ? euro(l.amount) : undefined,
        year: Number.isInteger(year) && year > 2000 ? year : undefined,
      };
    }),
    inKind: rows(payload.inKind).map((l, i) => {
      const kind = l.kind === 'raum' ? 'raum' : 'ehrenamt';
      const period = /^(\d{1,2})\.(\d{4})$/.exec(str(l.period).trim());
      return {
        id: str(l.id) || `eigen-${i}`,
        kind,
        quantityMilli: qtyMilli(l.quantity),
        period: period ? `${period[2]}-${period[1]!.padStart(2, '0')}` : undefined,
        unitRateCents: kind === 'raum' ? euro(l.unitRate) : undefined,
      };
    }),
    ownCashCents: euro(payload.ownCash),
    donations: rows(payload.donations).map((d, i) => ({
      id: str(d.id) || `spende-${i}`,
      amountCents: euro(d.amount),
      earmarked: d.earmarked === 'on',
    })),
    otherPublic: rows(payload.otherPublic).map((f, i) => ({ id: str(f.id) || `mittel-${i}`, amountCents: euro(f.amount) })),
    requestedGrantCents: euro(payload.requestedGrant),
  };
  return next;
}
