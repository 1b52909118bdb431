import { applyMetadata } from '../fill';
import { ReportWriter } from '../pdf/report-writer';
import { grantFactsTable, type GrantFacts } from './grant-facts';

/**
 * The Beginnanzeige to the SAB (ANBest-K Nr. 5.4, ANBest-P Nr. 5.8): the day the project began and,
 * for municipalities, the first instalment that this report releases together with the Bescheid
 * having become final (VVK Nr. 7.1). Display-ready values only, so the PDF says what the page said.
 */

export interface BeginnanzeigePdfInput extends GrantFacts {
  part: 'A' | 'B';
  startedOn: string;
  date: string;
  /** Part A in the regular payout procedure only; null otherwise. */
  firstInstalment: {
    share: string;
    amount: string;
    /** The clause of the dated parameter the share comes from. */
    reference: string;
    /** The day the Bescheid becomes (or became) final. */
    finalOn: string;
  } | null;
  createdAt: Date;
}

const clauses = {
  A: { notice: 'ANBest-K Nr. 5.4', start: 'VVK Nr. 1.3.1' },
  B: { notice: 'ANBest-P Nr. 5.8', start: 'VwV zu § 44 SäHO Nr. 1.4.1' },
} as const;

export async function renderBeginnanzeigePdf(input: BeginnanzeigePdfInput): Promise<Uint8Array> {
  const w = await ReportWriter.create({ tagged: true });
  const clause = clauses[input.part];
  w.heading(`Anzeige des Vorhabenbeginns nach ${clause.notice}`, 1);
  w.paragraph(`${input.organisation} · ${input.projectTitle}`, { size: 9, color: [0.33] });
  w.paragraph('An die Sächsische Aufbaubank – Förderbank –', { size: 9 });
  grantFactsTable(w, input, [
    ['Vorhaben begonnen am', input.startedOn],
    ['Datum der Anzeige', input.date],
  ]);
  w.heading('Wir zeigen Ihnen an', 2);
  w.paragraph(`Mit dem oben genannten Vorhaben haben wir am ${input.startedOn} begonnen.`);
  w.paragraph(
    `Als Beginn gilt der Abschluss des ersten der Ausführung zuzurechnenden Liefer- oder Leistungsvertrags. Verträge mit einem Rücktrittsrecht oder unter einer Bedingung für den Fall, dass die Zuwendung nicht bewilligt wird, sind kein Beginn (${clause.start}).`,
    { size: 9, color: [0.33] },
  );
  if (input.firstInstalment) {
    const first = input.firstInstalment;
    w.heading('Auszahlung der ersten Rate (VVK Nr. 7.1)', 2);
    w.paragraph(
      `Mit dieser Anzeige bitten wir um Auszahlung der ersten Rate von ${first.share} der Gesamtzuwendung. Ein gesonderter Auszahlungsantrag ist nicht erforderlich (VVK Nr. 7.3).`,
    );
    w.table(
      [
        { header: 'Angabe', width: w.contentWidth - 130 },
        { header: 'Betrag', width: 130, align: 'right' },
      ],
      [[`Erste Rate (${first.share} der bewilligten Zuwendung)`, first.amount]],
    );
    w.paragraph(`Anteil nach ${first.reference}.`, { size: 9, color: [0.33] });
    w.paragraph(
      `Voraussetzung ist außerdem, dass der Zuwendungsbescheid bestandskräftig ist: Er ist bestandskräftig ab dem ${first.finalOn}. Die Rate wird ausgezahlt, sobald beides vorliegt.`,
    );
  }
  w.space(30);
  w.paragraph('Ort, Datum, Unterschrift der vertretungsberechtigten Person', { size: 9, color: [0.33] });
  const doc = await w.finish((page, total) => `Beginnanzeige ${input.fileNumber} – Seite ${page} von ${total}`);
  applyMetadata(doc, {
    title: `Beginnanzeige – ${input.projectTitle}`,
    author: input.organisation || 'Förderlotse Bürgerbeteiligung',
    subject: `Anzeige des Vorhabenbeginns nach ${clause.notice} zum Zuwendungsbescheid ${input.fileNumber}`,
    keywords: ['Beginnanzeige', clause.notice.split(' ')[0]!, 'Mitteilungspflicht'],
    language: 'de-DE',
    createdAt: input.createdAt,
  });
  return doc.save({ useObjectStreams: true, addDefaultPage: false });
}
