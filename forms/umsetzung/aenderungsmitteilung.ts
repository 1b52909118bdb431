import { applyMetadata } from '../fill';
import { ReportWriter } from '../pdf/report-writer';
import { grantFactsTable, type GrantFacts } from './grant-facts';

/**
 * The Änderungsmitteilung to the SAB (ANBest-K Nr. 5, ANBest-P Nr. 5): what has changed, each item
 * with its clause, the grantee's explanation and what the expected figures mean for the grant
 * (Nr. 2). Display-ready values only, so the PDF says what the page said.
 */

export interface AenderungsmitteilungPdfInput extends GrantFacts {
  part: 'A' | 'B';
  date: string;
  items: ReadonlyArray<{ title: string; clauses: string; detail: string }>;
  figures: ReadonlyArray<readonly [string, string]>;
  effect: readonly string[];
  explanation: string;
  createdAt: Date;
}

export async function renderAenderungsmitteilungPdf(input: AenderungsmitteilungPdfInput): Promise<Uint8Array> {
  const w = await ReportWriter.create({ tagged: true });
  const anbest = input.part === 'A' ? 'ANBest-K' : 'ANBest-P';
  w.heading(`Mitteilung nach ${anbest} Nr. 5 – Änderungen beim geförderten Vorhaben`, 1);
  w.paragraph(`${input.organisation} · ${input.projectTitle}`, { size: 9, color: [0.33] });
  w.paragraph('An die Sächsische Aufbaubank – Förderbank –', { size: 9 });
  grantFactsTable(w, input, [['Datum der Mitteilung', input.date]]);
  w.heading('Wir zeigen Ihnen an', 2);
  for (const [index, item] of input.items.entries()) {
    w.paragraph(`${index + 1}. ${item.title} (${item.clauses})`, { face: 'bold', keepWithNext: 14 });
    if (item.detail) w.paragraph(item.detail, { indent: 12 });
  }
  if (input.figures.length) {
    w.heading('Erwartete Zahlen', 2);
    w.table(
      [
        { header: 'Angabe', width: w.contentWidth - 130 },
        { header: 'Betrag', width: 130, align: 'right' },
      ],
      input.figures,
    );
  }
  w.heading('Auswirkung auf die Zuwendung (Nr. 2.1, 2.2)', 2);
  w.bullets(input.effect, { size: 9 });
  w.paragraph('Die Berechnung ist eine Vorschau nach den Nebenbestimmungen; verbindlich entscheidet die SAB.', { size: 9, color: [0.33] });
  w.heading('Erläuterung', 2);
  for (const paragraph of (input.explanation || '–').split(/\n{2,}/)) w.paragraph(paragraph.replace(/\s*\n\s*/g, ' '));
  w.space(30);
  w.paragraph('Ort, Datum, Unterschrift der vertretungsberechtigten Person', { size: 9, color: [0.33] });
  const doc = await w.finish((page, total) => `Mitteilung ${input.fileNumber} – Seite ${page} von ${total}`);
  applyMetadata(doc, {
    title: `Änderungsmitteilung – ${input.projectTitle}`,
    author: input.organisation || 'Förderlotse Bürgerbeteiligung',
    subject: `Mitteilung nach ${anbest} Nr. 5 zum Zuwendungsbescheid ${input.fileNumber}`,
    keywords: ['Änderungsmitteilung', anbest, 'Mitteilungspflicht'],
    language: 'de-DE',
    createdAt: input.createdAt,
  });
  return doc.save({ useObjectStreams: true, addDefaultPage: false });
}
