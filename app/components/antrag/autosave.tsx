import { useFetcher } from '@remix-run/react';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { formatTime } from '../../../machines/shared/format';
import type { Conflict } from '../../antrag/step.server';

interface AutosaveData {
  conflict: Conflict | null;
  saved: { version: number; at: string; invalid: boolean } | null;
  /** Set when the server could not store anything (503): the message to show. */
  unavailable?: string;
}

export interface AutosaveState {
  /** The version the next save must name (advances with every autosave). */
  version: number;
  savedAt: string | null;
  saving: boolean;
  invalid: boolean;
  conflict: Conflict | null;
  unavailable: string | null;
}

/**
 * With JavaScript: saves the step 1,5 s after the last keystroke through the same action (intent
 * "autosave") and keeps the form's version current, so a later "Weiter" is not mistaken for a
 * stale save. A conflict stops autosaving and shows the conflict view.
 */
export function useAutosave(formRef: RefObject<HTMLFormElement | null>, initialVersion: number): AutosaveState {
  const fetcher = useFetcher<AutosaveData>();
  const timer = useRef<number | undefined>(undefined);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  // Controlled, so React never resets it to the version the page was rendered with.
  const [version, setVersion] = useState(initialVersion);
  const conflict = fetcher.data?.conflict ?? null;
  const inFlight = useRef(false);
  inFlight.current = fetcher.state !== 'idle';
  const waiting = useRef(false);
  const waitingSubmit = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const saved = fetcher.data?.saved;
    if (saved) {
      setVersion(saved.version);
      setSavedAt(saved.at);
    }
  }, [fetcher.data]);

  // Sends the submit that waited for an autosave once the form carries the version it returned.
  const returned = fetcher.data?.saved?.version;
  useEffect(() => {
    const form = formRef.current;
    if (!waiting.current || fetcher.state !== 'idle' || !form) return;
    if (conflict) {
      waiting.current = false;
      return;
    }
    if (returned !== undefined && version !== returned) return;
    waiting.current = false;
    const submitter = waitingSubmit.current;
    form.requestSubmit(submitter?.isConnected ? submitter : undefined);
  }, [fetcher.state, version, returned, conflict, formRef]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: fetcher.submit is stable enough; re-binding the listeners on every render is not needed
  useEffect(() => {
    const form = formRef.current;
    if (!form || conflict) return;
    const schedule = () => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        if (!form.isConnected) return;
        const data = new FormData(form);
        data.set('intent', 'autosave');
        fetcher.submit(data, { method: 'post', action: form.getAttribute('action') ?? undefined });
      }, 1500);
    };
    // A real submit supersedes a pending autosave. While an autosave is on its way, the submit waits
    // for it (and for the version it returns), so the user's own save is never taken for a conflict.
    const cancel = (event: Event) => {
      window.clearTimeout(timer.current);
      if (event.type === 'submit' && inFlight.current) {
        event.preventDefault();
        waitingSubmit.current = (event as SubmitEvent).submitter ?? null;
        waiting.current = true;
      }
    };
    form.addEventListener('input', schedule);
    form.addEventListener('change', schedule);
    form.addEventListener('submit', cancel);
    return () => {
      window.clearTimeout(timer.current);
      form.removeEventListener('input', schedule);
      form.removeEventListener('change', schedule);
      form.removeEventListener('submit', cancel);
    };
  }, [formRef, conflict]);

  return {
    version,
    savedAt,
    saving: fetcher.state !== 'idle',
    invalid: fetcher.data?.saved?.invalid ?? false,
    conflict,
    unavailable: fetcher.data?.unavailable ?? null,
  };
}

export function AutosaveStatus({ state, lastSaved }: { state: AutosaveState; lastSaved: string }) {
  const at = state.savedAt ?? lastSaved;
  return (
    <p className="autosave-status" role="status" aria-live="polite">
      {state.saving
        ? 'Wird gespeichert …'
        : state.unavailable
          ? 'Nicht gespeichert: Der Server kann im Moment nichts speichern. Ihre Eingaben bleiben auf dieser Seite; speichern Sie später erneut.'
          : state.savedAt
            ? `Gespeichert um ${formatTime(at)}${state.invalid ? ' – einige Angaben sind noch fehlerhaft' : ''}`
            : `Zuletzt gespeichert um ${formatTime(at)}`}
    </p>
  );
}
