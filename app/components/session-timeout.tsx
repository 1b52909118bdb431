import { CsrfInput } from './forms';

interface Props {
  /** Seconds until the idle timeout, as the server counted when it rendered the page. */
  secondsLeft: number;
  /** The server's idle deadline: it changes with every recorded activity, so the script starts counting anew. */
  deadline: string;
  idleMinutes: number;
  warnMinutes: number;
}

/**
 * Warns before an idle session ends (GOV.UK "timeout warning" pattern): a modal dialog that takes
 * focus, says how long is left, and offers to stay signed in. The markup is rendered here; the
 * behaviour is public/js/session.js (ADR 0086), the same script on React and on document pages.
 * Durations, not clock times, come from the server, so a wrong clock on the user's computer does not
 * matter. Without JavaScript the page states the timeout in words instead.
 */
export function SessionTimeout({ secondsLeft, deadline, idleMinutes, warnMinutes }: Props) {
  return (
    <>
      <p className="session-note">
        Aus Sicherheitsgründen werden Sie nach {idleMinutes} Minuten ohne Aktivität abgemeldet. Was Sie gespeichert haben, bleibt erhalten.
      </p>
      <dialog
        className="dialog"
        aria-labelledby="timeout-title"
        aria-describedby="timeout-text"
        data-session-timeout=""
        data-seconds-left={secondsLeft}
        data-deadline={deadline}
        data-warn-minutes={warnMinutes}
      >
        <h2 id="timeout-title">Ihre Sitzung läuft bald ab</h2>
        <p id="timeout-text">
          <span data-minutes-left="" /> Was Sie gespeichert haben, bleibt erhalten.
        </p>
        <form method="post" action="/sitzung" className="button-row">
          <CsrfInput />
          {/* biome-ignore lint/a11y/noAutofocus: the dialog opens on its own; focus belongs on its one action (WAI-ARIA dialog pattern) */}
          <button type="submit" className="button" autoFocus>
            Angemeldet bleiben
          </button>
        </form>
      </dialog>
    </>
  );
}
