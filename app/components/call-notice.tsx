import type { CallSummary } from '../../machines/frl/calls';
import { formatDate } from '../../machines/shared/format';

/** The funding call that applies today, as ministry staff maintain it in the Regelwerk workbench. */
export function CallNotice({ call, headingLevel = 2 }: { call: CallSummary | null; headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as 'h2' | 'h3';
  if (!call) {
    return (
      <div className="notice">
        <p>Derzeit ist kein Förderaufruf offen. Sie können Ihr Vorhaben trotzdem prüfen und den Antrag vorbereiten.</p>
      </div>
    );
  }
  return (
    <section className="notice" aria-labelledby="aufruf-titel">
      <H id="aufruf-titel">{call.title}</H>
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
          <summary>Einzureichende Unterlagen</summary>
          <ul>
            {call.requiredDocuments.map((doc) => (
              <li key={doc}>{doc}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {call.notes ? <p>{call.notes}</p> : null}
    </section>
  );
}
