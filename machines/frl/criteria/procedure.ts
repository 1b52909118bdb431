import { formatDate } from '../../shared/format';
import { callStatusOn } from '../calls';
import type { Criterion } from '../criterion';

export const procedureCriteria: Criterion[] = [
  {
    id: 'verfahren.foerderaufruf',
    title: 'Offener Förderaufruf',
    clauses: ['FRL Teil 1 IV Nr. 3'],
    source: { document: 'frl', section: 'Teil 1 IV' },
    severity: 'hinweis',
    topic: 'verfahren',
    parts: ['A', 'B'],
    explanation: {
      erfuellt: {
        verwaltung: 'Zum Stichtag des laufenden Förderaufrufs kann der Antrag bei der SAB eingereicht werden.',
        einfach: 'Sie können jetzt einen Antrag stellen. Achten Sie auf den letzten Tag.',
      },
      nicht_erfuellt: {
        verwaltung: 'Anträge können nur zu einem öffentlich bekannt gemachten Förderaufruf bis zu dessen Stichtag eingereicht werden.',
        einfach: 'Gerade können Sie keinen Antrag abgeben. Sie können ihn aber schon vorbereiten.',
      },
    },
    evaluate(context, trace) {
      const status = callStatusOn(context.calls, context.date);
      trace.note('referenceDate', 'Stichtag der Prüfung', formatDate(context.date));
      if (status.status === 'open') {
        trace.note('call', 'Förderaufruf', `${status.call.title}, Stichtag ${formatDate(status.call.deadline)}`);
        return {
          status: 'erfuellt',
          detail: `${status.call.title}: Einreichung bei der SAB bis ${formatDate(status.call.deadline)} (noch ${status.daysLeft} Tage).`,
        };
      }
      if (status.status === 'upcoming') {
        trace.note('call', 'nächster Förderaufruf', status.call.title);
        return {
          status: 'nicht_erfuellt',
          detail: `Der ${status.call.title} beginnt am ${formatDate(status.call.opensOn ?? status.call.deadline)}; Stichtag ${formatDate(status.call.deadline)}.`,
          fix: 'Bereiten Sie den Antrag jetzt vor und reichen Sie ihn ein, sobald der Aufruf geöffnet ist.',
        };
      }
      trace.note(
        'call',
        'letzter Förderaufruf',
        status.lastCall ? `${status.lastCall.title}, Stichtag ${formatDate(status.lastCall.deadline)}` : 'keiner',
      );
      return {
        status: 'nicht_erfuellt',
        detail: status.lastCall
          ? `Derzeit ist kein Förderaufruf offen; der letzte (${status.lastCall.title}) endete am ${formatDate(status.lastCall.deadline)}.`
          : 'Derzeit ist kein Förderaufruf offen.',
        fix: 'Bereiten Sie den Antrag vor; der nächste Förderaufruf wird auf beteiligen.sachsen.de und von der SAB bekannt gemacht.',
      };
    },
  },
];
