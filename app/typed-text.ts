import { type ReactNode, useLayoutEffect } from 'react';

/**
 * Keeps what a person typed into a text area before the page hydrated (ADR 0103).
 *
 * React 18 hydrates a `<textarea>` by setting its value back to its server-rendered text whenever
 * that text is not empty (react-dom's textarea post-mount step), so text typed while the scripts were
 * still loading was silently replaced by the saved text: a draft's description edited on a slow
 * connection, a funding call's document list emptied. Inputs, check boxes and selects keep their
 * state; only text areas are affected.
 *
 * `rememberTypedText` runs before hydration starts: it notes every text area whose value differs
 * from its default and follows input events until `KeepTypedText` has hydrated. Its layout effect
 * runs after the whole tree's hydration commit and puts each noted value back, announcing it with an
 * input event so a controlled field's state and a form library's dirty tracking hear of it.
 */
const typed = new Map<HTMLTextAreaElement, string>();

function note(area: HTMLTextAreaElement) {
  if (area.value === area.defaultValue) typed.delete(area);
  else typed.set(area, area.value);
}

function onInput(event: Event) {
  if (event.target instanceof HTMLTextAreaElement) note(event.target);
}

export function rememberTypedText(root: ParentNode) {
  for (const area of root.querySelectorAll('textarea')) note(area);
  document.addEventListener('input', onInput, true);
}

export function restoreTypedText() {
  document.removeEventListener('input', onInput, true);
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  for (const [area, value] of typed) {
    if (!area.isConnected || area.value === value) continue;
    // The prototype's setter, not React's tracked one, so that React sees the input event as a change.
    setValue?.call(area, value);
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }
  typed.clear();
}

export function KeepTypedText({ children }: { children: ReactNode }) {
  useLayoutEffect(restoreTypedText, []);
  return children;
}
