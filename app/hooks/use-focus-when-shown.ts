import { type RefObject, useEffect } from 'react';
import { isHydrating } from '../hydration';

/**
 * Moves focus to an error summary when it appears or its messages change (GOV.UK's pattern), so
 * screen reader and keyboard users start at the list of what to correct. A summary that came with
 * the page is focused as the page hydrates, unless the person has already gone into the page while
 * the scripts loaded (a field, a link): taking the focus from them then would send their typing
 * elsewhere (WCAG 3.2.1, ADR 0103).
 */
export function useFocusWhenShown(ref: RefObject<HTMLElement>, signature: string): void {
  useEffect(() => {
    if (!signature) return;
    const active = document.activeElement;
    if (isHydrating() && active && active !== document.body && !ref.current?.contains(active)) return;
    ref.current?.focus();
  }, [signature, ref]);
}
