import { bescheidFinalOn, latestStartOn, proofDueOn, recordsKeptUntil, type ImplementationFacts } from './computations';
import { valueOn, type ImplementationParameterTable } from './parameters';

/**
 * The due dates of a grant after the Bescheid (issue 19 Nr. 6), each with the clause that sets it:
 * when the Bescheid becomes final, the latest start, the end of the approval period, the
 * Verwendungsnachweis and, once it is submitted, how long the records are kept. Dates are ISO days.
 */
export interface Deadline {
  key: 'bestandskraft' | 'beginn' | 'ende' | 'nachweis' | 'aufbewahrung';
  on: string;
  title: string;
  /** One sentence for the calendar entry. */
  description: string;
  clause: string;
  /** Done by what the grantee recorded (begun, submitted) or because the day has passed. */
  done: boolean;
}

type Facts = Pick<ImplementationFacts, 'bescheid' | 'today' | 'startedOn' | 'purposeFulfilledOn' | 'proofSubmittedOn'>;

export function implementationDeadlines(f: Facts, table: ImplementationParameterTable): Deadline[] {
  const b = f.bescheid;
  const kommune = b.programmePart === 'A';
  const deadlines: Deadline[] = [
    {
      key: 'bestandskraft',
      on: bescheidFinalOn(b, table),
      title: 'Zuwendungsbescheid wird bestandskräftig',
      description: 'Ab diesem Tag ist der Bescheid unanfechtbar; bei Kommunen ist das eine Voraussetzung der ersten Rate.',
      clause: valueOn(table, 'bescheid.appealMonths', b.receivedOn).reference,
      done: f.today >= bescheidFinalOn(b, table),
    },
    {
      key: 'beginn',
      on: latestStartOn(b, table),
      title: 'Spätester Beginn des Vorhabens',
      description: 'Wer bis zu diesem Tag nicht begonnen hat, riskiert den Widerruf des Bescheides. Den Beginn der SAB anzeigen.',
      clause: kommune ? 'ANBest-K Nr. 1.4' : 'ANBest-P Nr. 1.5',
      done: f.startedOn !== null,
    },
    {
      key: 'ende',
      on: b.periodEnd,
      title: 'Ende des Bewilligungszeitraums',
      description: 'Nur Ausgaben bis zu diesem Tag sind zuwendungsfähig.',
      clause: 'Zuwendungsbescheid (VwV zu § 44 SäHO Nr. 4.2.5)',
      done: f.today > b.periodEnd,
    },
    {
      key: 'nachweis',
      on: proofDueOn(b, f.purposeFulfilledOn, table),
      title: 'Verwendungsnachweis fällig',
      description: kommune
        ? 'Sachbericht und zahlenmäßiger Nachweis an die SAB.'
        : 'Sachbericht, zahlenmäßiger Nachweis und Belegliste an die SAB.',
      clause: kommune ? 'ANBest-K Nr. 6.1' : 'ANBest-P Nr. 6.1',
      done: f.proofSubmittedOn !== null,
    },
  ];
  if (f.proofSubmittedOn) {
    const until = recordsKeptUntil(f.proofSubmittedOn, table);
    deadlines.push({
      key: 'aufbewahrung',
      on: until,
      title: 'Belege und Unterlagen aufbewahren bis',
      description: kommune
        ? 'Die ANBest-K nennt keine Frist; empfohlen wie für übrige Träger (Annahme).'
        : 'Belege, Verträge und alle Unterlagen zur Förderung aufbewahren.',
      clause: valueOn(table, 'records.keepYears', f.proofSubmittedOn).reference,
      done: f.today > until,
    });
  }
  return deadlines.sort((a, c) => a.on.localeCompare(c.on));
}
