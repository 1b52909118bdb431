import { type ReactNode, useEffect, useLayoutEffect } from 'react';

/**
 * What a person did on the page before React hydrated it stays as they left it (ADR 0103).
 *
 * Text: React 18 hydrates a `<textarea>` by setting its value back to its server-rendered text
 * whenever that text is not empty (react-dom's textarea post-mount step), so text typed while the
 * scripts were still loading was silently replaced by the saved text. Inputs, check boxes and
 * selects keep their state; only text areas are affected. `rememberTypedText` runs before hydration
 * starts: it notes every text area whose value differs from its default and follows input events
 * until `AfterHydration` has committed. Its layout effect then puts each noted value back, announcing
 * it with an input event so a controlled field's state and a form library's dirty tracking hear of
 * it, and the caret or selection of the field the person is in (setting a value moves it).
 *
 * Focus: `isHydrating` is true until the hydration's effects have run, so a component that moves
 * focus when it appears (the error summaries) can leave it where the person already put it.
 */
const typed = new Map<HTMLTextAreaElement, string>();
/** Where the caret (or selection) was in the text area the person is in. */
let caret: { area: HTMLTextAreaElement; start: number; end: number } | null = null;
let hydrating = true;

/** True during the hydration commit's effects; false for every render after it. */
export function isHydrating(): boolean {
  return hydrating;
}

function note(area: HTMLTextAreaElement) {
  if (area.value === area.defaultValue) typed.delete(area);
  else typed.set(area, area.value);
  if (document.activeElement === area) caret = { area, start: area.selectionStart, end: area.selectionEnd };
}

function onEvent(event: Event) {
  if (event.target instanceof HTMLTextAreaElement) note(event.target);
}

/** What moves a text area's text, caret or selection. */
const followed = ['input', 'focusin', 'select', 'keyup', 'mouseup'] as const;

export function rememberTypedText(root: ParentNode) {
  for (const area of root.querySelectorAll('textarea')) note(area);
  for (const type of followed) document.addEventListener(type, onEvent, true);
}

function restoreTypedText() {
  for (const type of followed) document.removeEventListener(type, onEvent, true);
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  for (const [area, value] of typed) {
    if (!area.isConnected || area.value === value) continue;
    // The prototype's setter, not React's tracked one, so that React sees the input event as a change.
    setValue?.call(area, value);
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }
  // Setting the value (React's or ours) moves the caret; the person goes on where they were.
  if (caret && document.activeElement === caret.area) {
    const length = caret.area.value.length;
    caret.area.setSelectionRange(Math.min(caret.start, length), Math.min(caret.end, length));
  }
  typed.clear();
  caret = null;
}

/** Wraps the hydrated tree: its effects run after those of every component inside it. */
export function AfterHydration({ children }: { children: ReactNode }) {
  useLayoutEffect(restoreTypedText, []);
  useEffect(() => {
    hydrating = false;
  }, []);
  return children;
}
