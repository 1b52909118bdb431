import { useLocation } from '@remix-run/react';
import { useEffect, useRef } from 'react';

const WIDE = '(min-width: 48rem)';

/**
 * The header menu is a native <details> (works without JavaScript; wide screens show it unfolded
 * through CSS). With JavaScript: browsers without `::details-content` get it opened on wide screens,
 * and on small screens it folds again after a navigation, as a menu does.
 */
export function useCollapsibleMenu() {
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again on every navigation on purpose
  useEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const wide = window.matchMedia(WIDE).matches;
    const unfoldedByCss = CSS.supports('selector(::details-content)');
    menu.open = wide && !unfoldedByCss;
  }, [location.key]);
  return ref;
}
