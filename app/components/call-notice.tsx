import type { CallSummary } from '../../machines/frl/calls';
import { formatDate } from '../../machines/shared/format';

/** The funding calls that apply today, as ministry staff maintain them in the Regelwerk workbench. */
export function CallNotice({ calls }: { calls: CallSummary[] }) {
  if (!calls.length) {
    return (
      <div className="notice">
        <p>Derzeit ist kein Förderaufruf offen. Sie können Ihr Vorhaben trotzdem prüfen und den Antrag vorbereiten.</p>
      </div>
    );
  }
  return (
    <section className="notice" aria-labelledby="aufrufe-titel">
      <h2 id="aufrufe-titel">
        {calls[0]!.state === 'open' ? (calls.length === 1 ? 'Offener Förderaufruf' : 'Offene Förderaufrufe') : 'Nächster Förderaufruf'}
      </h2>
      {calls.map((call) => (
        <div key={`${call.title}-${call.deadline}`}>
          <h3>{call.title}</h3>
          <p>
            {call.state === 'open' ? (
              <>
                Einreichung bei der SAB bis <strong>{formatDate(call.deadline)}</strong>.
              </>
            ) : (
              <>
                Antragstellung ab {formatDate(call.opens)}, Stichtag <strong>{formatDate(call.deadline)}</strong>.
              </>
            )}
          </p>
          {call.focusTopics.length ? <p>Schwerpunkte: {call.focusTopics.join(', ')}.</p> : null}
          {call.requiredDocuments.length ? (
            <details>
              <summary>
                Einzureichende Unterlagen<span className="visually-hidden"> für „{call.title}“</span>
              </summary>
              <ul>
                {call.requiredDocuments.map((doc) => (
                  <li key={doc}>{doc}</li>
                ))}
              </ul>
            </details>
          ) : null}
          {call.notes ? <p>{call.notes}</p> : null}
        </div>
      ))}
    </section>
  );
}
