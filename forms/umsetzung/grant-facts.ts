import type { ReportWriter } from '../pdf/report-writer';

/** The grant a document to the SAB refers to, as the first table of the Verwendungsnachweis and the Änderungsmitteilung. */
export interface GrantFacts {
  organisation: string;
  projectTitle: string;
  fileNumber: string;
  period: string;
  grant: string;
}

/** Draws the "Angabe / Wert" table: grantee, project, file number, period, grant, then the document's own rows. */
export function grantFactsTable(w: ReportWriter, facts: GrantFacts, more: ReadonlyArray<readonly [string, string]>): void {
  w.table(
    [
      { header: 'Angabe', width: 200 },
      { header: 'Wert', width: w.contentWidth - 200 },
    ],
    [
      ['Zuwendungsempfänger', facts.organisation],
      ['Vorhaben', facts.projectTitle],
      ['Aktenzeichen des Zuwendungsbescheides', facts.fileNumber],
      ['Bewilligungszeitraum', facts.period],
      ['Bewilligte Zuwendung', facts.grant],
      ...more,
    ],
  );
}
