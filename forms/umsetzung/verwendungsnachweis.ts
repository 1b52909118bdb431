import { applyMetadata } from '../fill';
import { ReportWriter } from '../pdf/report-writer';
import { grantFactsTable, type GrantFacts } from './grant-facts';

/**
 * The Verwendungsnachweis as a PDF for the SAB (ANBest-K Nr. 6.2–6.4, ANBest-P Nr. 6.2–6.5): the
 * Sachbericht, the zahlenmäßiger Nachweis and, for Teil 2 B, the Belegliste with income and
 * expenditure apart and in time order. Takes display-ready values (formatted in the app), so the
 * PDF says exactly what the page said. Tagged, DejaVu Sans subsets, draft marking while incomplete.
 */

type Row4 = readonly [string, string, string, string];

export interface VerwendungsnachweisPdfInput extends GrantFacts {
  part: 'A' | 'B';
  financing: string;
  purposeFulfilledOn: string;
  due: string;
  vatNote: string;
  /** Sachbericht: question label with its clauses, and the answer. */
  report: ReadonlyArray<{ label: string; answer: string }>;
  participants: string;
  /** Position, bewilligt, Ist, Abweichung. */
  expenditureRows: ReadonlyArray<Row4>;
  expenditureTotal: Row4;
  /** Quelle, geplant, Ist, note ("geplant übernommen" or ""). */
  incomeRows: ReadonlyArray<Row4>;
  incomeTotal: Row4;
  balance: string;
  /** What the figures mean for the grant (sentences). */
  assessment: readonly string[];
  /** Teil 2 B: the Belegliste. */
  incomeEntries: ReadonlyArray<readonly [string, string, string, string]>;
  expenditureEntries: ReadonlyArray<readonly string[]>;
  confirmations: ReadonlyArray<{ text: string; clause: string; given: boolean }>;
  /** Missing parts; the PDF is marked as a draft while there are any. */
  missing: readonly string[];
  createdAt: Date;
}

export async function renderVerwendungsnachweisPdf(input: VerwendungsnachweisPdfInput): Promise<Uint8Array> {
  const w = await ReportWriter.create({ tagged: true });
  const anbest = input.part === 'A' ? 'ANBest-K' : 'ANBest-P';
  w.heading('Verwendungsnachweis', 1);
  w.paragraph(`${input.organisation} · ${input.projectTitle}`, { size: 9, color: [0.33] });
  if (input.missing.length) {
    w.heading('Entwurf: noch nicht vollständig', 2);
    w.bullets(input.missing, { size: 9 });
  }
  grantFactsTable(w, input, [
    ['Finanzierungsart', input.financing],
    ['Zuwendungszweck erfüllt am', input.purposeFulfilledOn],
    [`Vorzulegen bis (${anbest} Nr. 6.1)`, input.due],
  ]);

  w.heading(`1. Sachbericht (${anbest} Nr. 6.3, FRL Teil 1 IV Nr. 9)`, 2);
  w.paragraph(`Zahl der beteiligten Personen: ${input.participants}`, { face: 'bold' });
  for (const item of input.report) {
    w.heading(item.label, 3);
    for (const paragraph of (item.answer || '–').split(/\n{2,}/)) w.paragraph(paragraph.replace(/\s*\n\s*/g, ' '));
  }

  w.heading(`2. Zahlenmäßiger Nachweis (${anbest} Nr. 6.4)`, 2);
  w.paragraph(input.vatNote, { size: 9 });
  w.heading('Ausgaben nach der Gliederung des Finanzierungsplans', 3);
  const money = (header: string, width = 85) => ({ header, width, align: 'right' as const });
  w.table(
    [{ header: 'Position', width: w.contentWidth - 255 }, money('Bewilligt'), money('Ist'), money('Abweichung')],
    [...input.expenditureRows, input.expenditureTotal],
  );
  w.heading('Einnahmen nach dem Finanzierungsplan', 3);
  w.table(
    [{ header: 'Quelle', width: w.contentWidth - 255 }, money('Geplant'), money('Ist'), { header: 'Hinweis', width: 85 }],
    [...input.incomeRows, input.incomeTotal],
  );
  w.paragraph(`Einnahmen abzüglich Ausgaben: ${input.balance}`, { face: 'bold' });
  if (input.assessment.length) {
    w.heading('Auswirkung auf die Zuwendung', 3);
    w.bullets(input.assessment, { size: 9 });
  }

  if (input.part === 'B') {
    w.heading('3. Belegliste (ANBest-P Nr. 6.4)', 2);
    w.paragraph('Einnahmen und Ausgaben getrennt und in zeitlicher Reihenfolge.', { size: 9 });
    w.heading('Einnahmen', 3);
    if (input.incomeEntries.length)
      w.table(
        [
          { header: 'Nr.', width: 30 },
          { header: 'Eingang', width: 70 },
          { header: 'Einzahler', width: w.contentWidth - 190 },
          money('Betrag', 90),
        ],
        input.incomeEntries,
        { size: 8 },
      );
    else w.paragraph('Noch keine Auszahlung erhalten.', { size: 9 });
    w.heading('Ausgaben', 3);
    if (input.expenditureEntries.length)
      w.table(
        [
          { header: 'Nr.', width: 24 },
          { header: 'Auftrag', width: 52 },
          { header: 'Rechnung', width: 52 },
          { header: 'Zahlung', width: 52 },
          { header: 'Empfänger', width: 90 },
          { header: 'Grund', width: w.contentWidth - 400 },
          money('Betrag', 70),
          { header: 'Position', width: 60 },
        ],
        input.expenditureEntries,
        { size: 7 },
      );
    else w.paragraph('Keine bezahlten Ausgaben.', { size: 9 });
  }

  w.heading(`${input.part === 'B' ? '4' : '3'}. Bestätigungen`, 2);
  for (const c of input.confirmations) w.paragraph(`${c.given ? '☒' : '☐'} ${c.text} (${c.clause})`);
  w.space(30);
  w.paragraph('Ort, Datum, rechtsverbindliche Unterschrift', { size: 9, color: [0.33] });

  const doc = await w.finish(
    (page, total) => `Verwendungsnachweis ${input.fileNumber} – Seite ${page} von ${total}`,
    input.missing.length ? { watermark: 'ENTWURF', header: 'Entwurf – noch nicht vollständig, nicht zur Vorlage bei der SAB' } : null,
  );
  applyMetadata(doc, {
    title: `Verwendungsnachweis – ${input.projectTitle}`,
    author: input.organisation || 'Förderlotse Bürgerbeteiligung',
    subject: `Verwendungsnachweis zum Zuwendungsbescheid ${input.fileNumber}`,
    keywords: ['Verwendungsnachweis', anbest, 'Sachbericht', 'zahlenmäßiger Nachweis'],
    language: 'de-DE',
    createdAt: input.createdAt,
  });
  return doc.save({ useObjectStreams: true, addDefaultPage: false });
}
