import { formatDateTime } from '../shared/format';
import { longText } from '../shared/fields';
import { registrationFormSchema } from './event';

/**
 * Events with selection (issue 18 Nr. 9, ADR 0062): instead of first come, first served, people
 * apply with a short motivation by a deadline; after it the organisers decide on each application
 * (selected, reserve list, declined) and complete the selection, which tells everyone the outcome.
 * A selected person confirms the seat by a deadline, as someone promoted from a waitlist does; a
 * seat that is declined or not confirmed goes to the reserve list in the order of application.
 */

/** The organisers' decision on one application before the selection is completed. */
export const selectionDecisions = ['ausgewaehlt', 'nachrueckliste', 'absage'] as const;
export type SelectionDecision = (typeof selectionDecisions)[number];
export const selectionDecisionLabel: Record<SelectionDecision, string> = {
  ausgewaehlt: 'Ausgewählt',
  nachrueckliste: 'Nachrückliste',
  absage: 'Absage',
};
export const isSelectionDecision = (value: unknown): value is SelectionDecision =>
  typeof value === 'string' && (selectionDecisions as readonly string[]).includes(value);

export const motivationMaxLength = 1500;

/** The application form: the registration's fields and a short motivation. */
export const applicationFormSchema = registrationFormSchema.extend({
  motivation: longText(
    'Ihre Begründung',
    motivationMaxLength,
    'Bitte schreiben Sie kurz, warum Sie teilnehmen möchten; danach wählen die Veranstalter aus.',
  ),
});

export type SelectionPhase = 'bewerbung' | 'auswahl' | 'abgeschlossen';

/** Where a selection stands: applications open, the organisers choosing, or done. */
export function selectionPhase(event: { applicationsCloseAt: string; selectionCompletedAt: string | null }, now: string): SelectionPhase {
  if (event.selectionCompletedAt) return 'abgeschlossen';
  return Date.parse(now) < Date.parse(event.applicationsCloseAt) ? 'bewerbung' : 'auswahl';
}

export const selectionPhaseLabel: Record<SelectionPhase, string> = {
  bewerbung: 'Bewerbung läuft',
  auswahl: 'Bewerbungsschluss vorbei – Auswahl läuft',
  abgeschlossen: 'Auswahl abgeschlossen',
};

/** The light of an event with selection: the phase as text (and a shape of its own), never seats free. */
export function selectionLight(phase: SelectionPhase, capacity: number, applicationsCloseAt: string) {
  const seats = capacity === 1 ? '1 Platz' : `${capacity} Plätze`;
  const detail =
    phase === 'bewerbung'
      ? `${seats}, vergeben nach Auswahl. Bewerbungen bis ${formatDateTime(applicationsCloseAt)} Uhr.`
      : phase === 'auswahl'
        ? `${seats}. Die Veranstalter wählen aus; alle Bewerbenden erfahren das Ergebnis per E-Mail.`
        : `Die Plätze sind vergeben; alle Bewerbenden wurden benachrichtigt.`;
  return { level: phase, label: selectionPhaseLabel[phase], detail };
}

export interface SelectionCounts {
  ausgewaehlt: number;
  nachrueckliste: number;
  absage: number;
  offen: number;
}

export function countDecisions(decisions: Array<SelectionDecision | null>): SelectionCounts {
  const counts: SelectionCounts = { ausgewaehlt: 0, nachrueckliste: 0, absage: 0, offen: 0 };
  for (const d of decisions) counts[d ?? 'offen'] += 1;
  return counts;
}

/**
 * Why the selection cannot be completed yet, in German, or null. Every application needs a
 * decision; at most `capacity` are selected; the reserve list is for seats that become free later,
 * so nobody waits on it while a seat is still free.
 */
export function selectionProblem(counts: SelectionCounts, capacity: number): string | null {
  if (counts.ausgewaehlt + counts.nachrueckliste + counts.absage + counts.offen === 0)
    return 'Es liegen keine Bewerbungen vor. Eine Auswahl ist nicht nötig.';
  if (counts.offen > 0)
    return counts.offen === 1
      ? 'Über 1 Bewerbung ist noch nicht entschieden. Bitte wählen Sie für jede Bewerbung „Ausgewählt“, „Nachrückliste“ oder „Absage“.'
      : `Über ${counts.offen} Bewerbungen ist noch nicht entschieden. Bitte wählen Sie für jede Bewerbung „Ausgewählt“, „Nachrückliste“ oder „Absage“.`;
  if (counts.ausgewaehlt > capacity)
    return `Sie haben ${counts.ausgewaehlt} Bewerbungen ausgewählt, es gibt aber nur ${capacity} Plätze. Bitte setzen Sie ${counts.ausgewaehlt - capacity} auf die Nachrückliste oder sagen Sie ab.`;
  if (counts.ausgewaehlt < capacity && counts.nachrueckliste > 0) {
    const free = capacity - counts.ausgewaehlt;
    return `Es ${free === 1 ? 'ist noch 1 Platz' : `sind noch ${free} Plätze`} frei. Wählen Sie bitte zuerst bis zur Zahl der Plätze aus; die Nachrückliste ist für Plätze, die später frei werden.`;
  }
  return null;
}

/** Whether the selection may be completed at `now`: not before the application deadline. */
export function selectionEarly(applicationsCloseAt: string, now: string): string | null {
  return Date.parse(now) < Date.parse(applicationsCloseAt)
    ? `Die Bewerbungsfrist läuft noch bis ${formatDateTime(applicationsCloseAt)} Uhr. Sie können die Auswahl danach abschließen; bis dahin können Sie Ihre Vorauswahl speichern.`
    : null;
}
