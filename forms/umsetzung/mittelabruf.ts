import { applyMetadata } from '../fill';
import { ReportWriter } from '../pdf/report-writer';

/**
 * The Mittelabruf as a PDF for the SAB (ANBest-P Nr. 1.4 Satz 2: every request states what the need
 * is made of). Takes display-ready values only (formatted in the app), so the text in the PDF is
 * exactly what the grantee saw on the page. Tagged, DejaVu Sans subsets (see forms/pdf/).
 */

export interface MittelabrufPdfInput {
  organisation: string;
  projectTitle: string;
  fileNumber: string;
  number: number;
  requestedOn: string;
  expectedPayoutOn: string;
  windowEndOn: string;
  financing: string;
  grant: string;
  /** Rows: Position, fällig/bezahlt am, Wofür, Betrag (all formatted). */
  needRows: ReadonlyArray<readonly [string, string, string, string]>;
  excludedRows: ReadonlyArray<readonly [string, string, string, string]>;
  need: string;
  grantShare: string;
  paidOut: string;
  remainingGrant: string;
  allowed: string;
  requested: string;
  decision: string | null;
  createdAt: Date;
}

export async function renderMittelabrufPdf(input: MittelabrufPdfInput): Promise<Uint8Array> {
  const w = await ReportWriter.create({ tagged: true });
  w.heading(`Mittelabruf Nr. ${input.number} – Anforderung von Zuwendungsmitteln`, 1);
  w.paragraph(`${input.organisation} · ${input.projectTitle}`, { size: 9, color: [0.33] });
  w.table(
    [
      { header: 'Angabe', width: 200 },
      { header: 'Wert', width: w.contentWidth - 200 },
    ],
    [
      ['Aktenzeichen des Zuwendungsbescheides', input.fileNumber],
      ['Datum des Mittelabrufs', input.requestedOn],
      ['Voraussichtliche Auszahlung', input.expectedPayoutOn],
      ['Bedarf berücksichtigt bis', input.windowEndOn],
      ['Finanzierung', input.financing],
      ['Bewilligte Zuwendung', input.grant],
    ],
  );
  w.heading('Mittelbedarf (ANBest-P Nr. 1.4 Satz 2)', 2);
  w.paragraph(
    'Berücksichtigt sind bezahlte Belege, offene Rechnungen und geplante Zahlungen, die längstens sechs Monate nach der Auszahlung fällig werden (ANBest-P Nr. 1.4 Satz 1; VwV zu § 44 SäHO Nr. 7.5).',
    { size: 9 },
  );
  const cols = [
    { header: 'Position', width: 120 },
    { header: 'Fällig/bezahlt', width: 80 },
    { header: 'Wofür', width: w.contentWidth - 290 },
    { header: 'Betrag', width: 90, align: 'right' as const },
  ];
  if (input.needRows.length) w.table(cols, input.needRows);
  else w.paragraph('Keine Zahlungen im Zeitraum.');
  if (input.excludedRows.length) {
    w.heading('Nicht berücksichtigt: später fällig', 3);
    w.table(cols, input.excludedRows);
  }
  w.heading('Berechnung', 2);
  w.table(
    [
      { header: 'Schritt', width: w.contentWidth - 110 },
      { header: 'Betrag', width: 110, align: 'right' },
    ],
    [
      ['Bedarf im Zeitraum', input.need],
      ['Anteil der Zuwendung am Bedarf (ANBest-P Nr. 1.4.1/1.4.2)', input.grantShare],
      ['Bereits ausgezahlt', input.paidOut],
      ['Noch nicht ausgezahlte Zuwendung', input.remainingGrant],
      ['Höchstens abrufbar', input.allowed],
      ['Angeforderter Betrag', input.requested],
    ],
  );
  if (input.decision) {
    w.heading('Zur Entscheidung der SAB', 3);
    w.paragraph(input.decision);
  }
  w.heading('Erklärung', 2);
  w.paragraph(
    'Wir bestätigen, dass der angeforderte Betrag für Zahlungen benötigt wird, die innerhalb von sechs Monaten nach der Auszahlung fällig werden, und dass wir der SAB unverzüglich anzeigen, wenn die Mittel nicht innerhalb dieser Frist verbraucht werden können (ANBest-P Nr. 5.4).',
  );
  w.space(30);
  w.paragraph('Ort, Datum, Unterschrift der vertretungsberechtigten Person', { size: 9, color: [0.33] });
  const doc = await w.finish((page, total) => `Mittelabruf Nr. ${input.number} – Seite ${page} von ${total}`);
  applyMetadata(doc, {
    title: `Mittelabruf Nr. ${input.number} – ${input.projectTitle}`,
    author: input.organisation || 'Förderlotse Bürgerbeteiligung',
    subject: `Anforderung von Zuwendungsmitteln vom ${input.requestedOn}, Aktenzeichen ${input.fileNumber}`,
    keywords: ['Mittelabruf', 'ANBest-P', 'Zuwendung'],
    language: 'de-DE',
    createdAt: input.createdAt,
  });
  return doc.save({ useObjectStreams: true, addDefaultPage: false });
}
