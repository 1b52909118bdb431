import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A data table that scrolls sideways on narrow screens. The scroll container is a named region a
 * keyboard can reach (WCAG 2.1.1), named after the caption unless a shorter `label` is given.
 * A visible hint says that it scrolls: on small screens by CSS (no JavaScript needed); with
 * JavaScript exactly when the table is wider than its container. Shadows at the edges show that
 * more columns follow.
 */
export function ScrollTable({
  caption,
  captionId,
  captionHidden,
  label,
  className,
  children,
}: {
  caption: ReactNode;
  /** A stable id for the caption, when other elements refer to it. */
  captionId?: string;
  /** The caption names the table for screen readers only (a heading above already says it). */
  captionHidden?: boolean;
  /** The region's name where it should differ from the caption. */
  label?: string;
  /** Classes beside `table`. */
  className?: string;
  children: ReactNode;
}) {
  const generated = useId().replace(/:/g, '');
  const id = captionId ?? `tabelle-${generated}`;
  const hintId = `tabelle-hinweis-${generated}`;
  const region = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState<boolean | null>(null);
  useEffect(() => {
    const element = region.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setOverflowing(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, []);
  return (
    <div className="table-scroll-wrap" data-overflowing={overflowing === null ? undefined : String(overflowing)}>
      <p className="table-scroll__hint" id={hintId}>
        <span aria-hidden="true">↔ </span>Die Tabelle ist breiter als der Bildschirm: seitlich wischen oder mit den Pfeiltasten verschieben.
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled scroll container, not a page section */}
      <div
        ref={region}
        className="table-scroll"
        role="region"
        {...(label ? { 'aria-label': label } : { 'aria-labelledby': id })}
        aria-describedby={hintId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
        tabIndex={0}
      >
        <table className={className ? `table ${className}` : 'table'}>
          <caption id={id} className={captionHidden ? 'visually-hidden' : undefined}>
            {caption}
          </caption>
          {children}
        </table>
      </div>
    </div>
  );
}
