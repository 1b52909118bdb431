import { useLocation } from '@remix-run/react';
import { useEffect, useRef } from 'react';

/**
 * After a client-side navigation (JavaScript on), focus goes to the new page's main heading, as it
 * would on a full page load for screen readers and keyboard users – unless an error summary has
 * taken focus. Not on the first render: a loaded page keeps the browser's own focus.
 */
export function useFocusHeadingAfterNavigation(): void {
  const location = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again on every navigation on purpose
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (document.querySelector('#inhalt .error-summary')) return;
    const heading = document.querySelector<HTMLElement>('#inhalt h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }, [location.key]);
}
