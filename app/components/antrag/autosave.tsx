import { formatTime } from '../../../machines/shared/format';

/**
 * Where autosave reports (ADR 0086): rendered with the time of the last save; public/js/wizard.js
 * saves the step 1,5 s after the last keystroke and writes "Wird gespeichert …", "Gespeichert um …"
 * or why nothing was stored into this polite live region.
 */
export function AutosaveStatus({ lastSaved }: { lastSaved: string }) {
  return (
    <p className="autosave-status" role="status" aria-live="polite" data-autosave-status="">
      Zuletzt gespeichert um {formatTime(lastSaved)}
    </p>
  );
}
