import { useFetcher } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { CsrfInput } from './forms';

interface Props {
  /** Seconds until the idle timeout, as the server counted when it rendered the page. */
  secondsLeft: number;
  idleMinutes: number;
  warnMinutes: number;
}

/**
 * Warns before an idle session ends (GOV.UK "timeout warning" pattern): a modal dialog that takes
 * focus, says how long is left, and offers to stay signed in. Durations, not clock times, come
 * from the server, so a wrong clock on the user's computer does not matter. Without JavaScript the
 * page states the timeout in words instead.
 */
export function SessionTimeout({ secondsLeft, idleMinutes, warnMinutes }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keepAlive = useFetcher<{ secondsLeft: number }>();
  const [deadline, setDeadline] = useState<number | null>(null);
  const [now, setNow] = useState<number | null>(null);

  useEffect(() => {
    setDeadline(Date.now() + secondsLeft * 1000);
    setNow(Date.now());
  }, [secondsLeft]);
  useEffect(() => {
    if (keepAlive.data) {
      setDeadline(Date.now() + keepAlive.data.secondsLeft * 1000);
      setNow(Date.now());
    }
  }, [keepAlive.data]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 10_000);
    return () => window.clearInterval(timer);
  }, []);

  const remainingMs = deadline === null || now === null ? Infinity : deadline - now;
  const warn = remainingMs <= warnMinutes * 60_000;
  const expired = remainingMs <= 0;

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (warn && !el.open) el.showModal();
    if (!warn && el.open) el.close();
  }, [warn]);

  useEffect(() => {
    if (expired) {
      window.location.assign(`/anmelden?grund=expired&weiter=${encodeURIComponent(window.location.pathname + window.location.search)}`);
    }
  }, [expired]);

  const minutesLeft = Number.isFinite(remainingMs) ? Math.max(1, Math.ceil(remainingMs / 60_000)) : null;
  return (
    <>
      <p className="session-note">
        Aus Sicherheitsgründen werden Sie nach {idleMinutes} Minuten ohne Aktivität abgemeldet. Was Sie gespeichert haben, bleibt erhalten.
      </p>
      <dialog ref={dialog} className="dialog" aria-labelledby="timeout-title" aria-describedby="timeout-text">
        <h2 id="timeout-title">Ihre Sitzung läuft bald ab</h2>
        <p id="timeout-text">
          {minutesLeft !== null
            ? `Sie werden in ${minutesLeft} ${minutesLeft === 1 ? 'Minute' : 'Minuten'} aus Sicherheitsgründen abgemeldet. `
            : null}
          Was Sie gespeichert haben, bleibt erhalten.
        </p>
        <keepAlive.Form method="post" action="/sitzung" className="button-row">
          <CsrfInput />
          {/* biome-ignore lint/a11y/noAutofocus: the dialog opens on its own; focus belongs on its one action (WAI-ARIA dialog pattern) */}
          <button type="submit" className="button" autoFocus>
            Angemeldet bleiben
          </button>
        </keepAlive.Form>
      </dialog>
    </>
  );
}
