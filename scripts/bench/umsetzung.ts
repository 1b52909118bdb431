import { proofPdfInput, type LoadedProof } from '../../app/umsetzung/verwendungsnachweis.server';
import { renderVerwendungsnachweisPdf } from '../../forms/umsetzung/verwendungsnachweis';
import { bescheidSchema } from '../../machines/umsetzung/bescheid';
import { addDays } from '../../machines/umsetzung/calendar';
import type { ImplementationFacts } from '../../machines/umsetzung/computations';
import { implementationParameters as table } from '../../machines/umsetzung/parameters';
import type { Receipt } from '../../machines/umsetzung/receipts';
import { emptyProof, numericalProof, proofProblems, type ProofDraft } from '../../machines/umsetzung/verwendungsnachweis';
import { storedBescheid } from '../../tests/support/umsetzung';

/**
 * The Verwendungsnachweis of an association with 2.000 receipts (issue 19): the figures from the
 * Belegliste and the PDF with the whole Belegliste, median and p95 of 10 runs after 2 warm-ups.
 */
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const ms = (value: number) => `${value.toLocaleString('de-DE', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} ms`;

export async function benchUmsetzung(count = 2000): Promise<void> {
  const bescheid = bescheidSchema.parse({
    ...storedBescheid('B'),
    lines: storedBescheid('B').lines.map((l) => ({ ...l, approvedCents: l.approvedCents * 100 })),
    grantCents: 270_000_000,
    financing: { ownCashCents: 30_000_000, inKindCents: 0, thirdPartyCents: 0, otherPublicCents: 0 },
  });
  const receipts: Receipt[] = Array.from({ length: count }, (_, i) => {
    const day = addDays('2026-04-01', i % 360);
    return {
      id: String(i + 1),
      orderedOn: day,
      invoicedOn: day,
      paidOn: addDays(day, 3),
      payee: `Empfänger ${i % 57}`,
      purpose: `Leistung ${i + 1} für das Forum im Stadtteil`,
      lineId: i % 3 ? 'honorare' : 'sachmittel',
      netCents: 10_000 + i,
      grossCents: 11_900 + i,
      asset: false,
    };
  });
  const facts: ImplementationFacts = {
    bescheid,
    today: '2027-05-01',
    startedOn: '2026-04-02',
    startReportedOn: '2026-04-05',
    purposeFulfilledOn: '2027-03-31',
    proofSubmittedOn: null,
    proofCheckedOn: null,
    receipts,
    payouts: [{ receivedOn: '2026-04-10', cents: 100_000_000 }],
    forecastExpenditureCents: null,
    additionalFinancingCents: 0,
    mittelabruf: null,
  };
  const proof: ProofDraft = { ...emptyProof(), participants: 500, confirmed: ['buecher', 'notwendig', 'wirtschaftlich', 'publizitaet'] };
  const figures: number[] = [];
  const renders: number[] = [];
  let bytes: Uint8Array = new Uint8Array();
  for (let r = 0; r < 12; r += 1) {
    const started = performance.now();
    const numbers = numericalProof(facts, proof, table);
    const problems = proofProblems(facts, proof, numbers, table);
    const computed = performance.now();
    const input = proofPdfInput(
      {
        loaded: { bescheid, application: { row: { id: 1 } } },
        facts,
        proof,
        numbers,
        problems,
        organisation: 'Benchmark e. V.',
        projectTitle: 'Benchmark',
      } as unknown as LoadedProof,
      new Date('2027-05-01T10:00:00Z'),
    );
    bytes = await renderVerwendungsnachweisPdf(input);
    if (r >= 2) {
      figures.push(computed - started);
      renders.push(performance.now() - computed);
    }
  }
  const { PDFDocument } = await import('pdf-lib');
  const pages = (await PDFDocument.load(bytes)).getPageCount();
  console.log(`\nVerwendungsnachweis mit ${count.toLocaleString('de-DE')} Belegen (Teil 2 B, mit Belegliste)`);
  console.log(`  Zahlen aus der Belegliste: Median ${ms(quantile(figures, 0.5))}, p95 ${ms(quantile(figures, 0.95))}`);
  console.log(`  PDF erzeugen:              Median ${ms(quantile(renders, 0.5))}, p95 ${ms(quantile(renders, 0.95))}`);
  console.log(`  ${pages} Seiten, ${Math.round(bytes.byteLength / 1024).toLocaleString('de-DE')} KB`);
}
