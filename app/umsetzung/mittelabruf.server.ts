import { formatDate, formatEuro, formatPercentBasisPoints } from '../../machines/shared/format';
import type { Bescheid } from '../../machines/umsetzung/bescheid';
import { financingTypeLabel } from '../../machines/umsetzung/bescheid';
import type { PlannedPayment } from '../../machines/umsetzung/computations';
import type { CountedReceipt } from '../../machines/umsetzung/stored';
import { countedCents, type Receipt } from '../../machines/umsetzung/receipts';
import type { MittelabrufPdfInput } from '../../forms/umsetzung/mittelabruf';
import { mittelabrufOf } from '../../db/repositories/implementations';
import type { ImplementationRequestRow } from '../../db/schema';

/** The receipts computeMittelabruf counts (paid ones and invoices dated by the window's end). */
export function countedReceipts(b: Bescheid, receipts: readonly Receipt[], windowEndOn: string): CountedReceipt[] {
  const approved = new Set(b.lines.map((l) => l.id));
  return receipts
    .filter((r) => approved.has(r.lineId) && (r.paidOn || r.invoicedOn <= windowEndOn))
    .map((r) => ({
      lineId: r.lineId,
      paidOn: r.paidOn,
      invoicedOn: r.invoicedOn,
      text: `${r.payee}: ${r.purpose}`,
      cents: countedCents(r, b.vatDeductible),
    }));
}

/**
 * A stored Mittelabruf as the PDF shows it: the need rows are the receipts counted and the planned
 * payments as recorded, the amounts as stored with the request (so the PDF stays what was requested,
 * even when receipts change later). Throws on a request whose stored columns cannot be read (`mittelabrufOf`).
 */
export function mittelabrufPdfInput(args: {
  row: ImplementationRequestRow;
  number: number;
  bescheid: Bescheid;
  organisation: string;
  projectTitle: string;
  createdAt: Date;
}): MittelabrufPdfInput {
  const { row, bescheid: b } = args;
  const { computation: m, planned } = mittelabrufOf(row);
  const label = new Map(b.lines.map((l) => [l.id, l.label]));
  const needRows: Array<[string, string, string, string]> = (m.counted ?? []).map((r) => [
    label.get(r.lineId) ?? r.lineId,
    r.paidOn ? `bezahlt ${formatDate(r.paidOn)}` : `Rechnung ${formatDate(r.invoicedOn)}`,
    r.text,
    formatEuro(r.cents),
  ]);
  const plannedRow = (p: PlannedPayment): [string, string, string, string] => [
    label.get(p.lineId) ?? p.lineId,
    formatDate(p.dueOn),
    p.purpose ?? 'geplante Zahlung',
    formatEuro(p.cents),
  ];
  for (const p of planned) if (p.dueOn <= m.windowEndOn) needRows.push(plannedRow(p));
  return {
    organisation: args.organisation,
    projectTitle: args.projectTitle,
    fileNumber: b.fileNumber,
    number: args.number,
    requestedOn: formatDate(row.requested_on),
    expectedPayoutOn: formatDate(m.payoutOn),
    windowEndOn: formatDate(m.windowEndOn),
    financing: `${financingTypeLabel[b.financingType]}${b.financingType === 'anteilfinanzierung' ? `, ${formatPercentBasisPoints(b.rateBp)}` : ''}`,
    grant: formatEuro(b.grantCents),
    needRows,
    excludedRows: planned.filter((p) => p.dueOn > m.windowEndOn).map(plannedRow),
    need: formatEuro(m.needCents),
    grantShare: formatEuro(m.grantShareCents),
    paidOut: formatEuro(m.paidOutCents),
    remainingGrant: formatEuro(m.remainingGrantCents),
    allowed: formatEuro(m.allowedCents),
    requested: formatEuro(row.requested_cents),
    decision: m.decision ?? null,
    createdAt: args.createdAt,
  };
}
