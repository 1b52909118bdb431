import type { LoaderFunctionArgs } from '@remix-run/node';
import { toCsv } from '../../machines/shared/csv';
import { formatCentsForInput, formatDate } from '../../machines/shared/format';
import { chronological, countedCents } from '../../machines/umsetzung/receipts';
import { requireApplicant } from '../session.server';
import { implementationFactsOf, requireImplementation } from '../umsetzung/implementation.server';

/**
 * The Belegliste as CSV in the order ANBest-P Nr. 6.4 prescribes (chronological, with order, invoice
 * and payment date, payee, reason and amount). The SAB portal's own column order is not in our
 * sources (assumption, ADR 0046): the columns follow the clause.
 */
const receiptCsvHeader = [
  'Lfd. Nr.',
  'Position',
  'Auftragsdatum',
  'Rechnungsdatum',
  'Zahlungsdatum',
  'Empfänger',
  'Grund der Zahlung',
  'Betrag netto',
  'Betrag brutto',
  'Zuwendungsfähiger Betrag',
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireImplementation(user, params.id);
  const b = loaded.bescheid;
  const facts = await implementationFactsOf(loaded.row, b);
  const labelOf = new Map(b.lines.map((l) => [l.id, l.label]));
  const rows = chronological(facts.receipts).map((r, i) => [
    String(i + 1),
    labelOf.get(r.lineId) ?? r.lineId,
    r.orderedOn ? formatDate(r.orderedOn) : '',
    formatDate(r.invoicedOn),
    r.paidOn ? formatDate(r.paidOn) : '',
    r.payee,
    r.purpose,
    formatCentsForInput(r.netCents),
    formatCentsForInput(r.grossCents),
    formatCentsForInput(countedCents(r, b.vatDeductible)),
  ]);
  // toCsv writes cells that a spreadsheet would run as a formula as text.
  return new Response(toCsv([receiptCsvHeader, ...rows]), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="belegliste-${loaded.application.row.id}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
