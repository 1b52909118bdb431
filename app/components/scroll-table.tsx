import { useId, type ReactNode } from 'react';

/**
 * A data table that scrolls sideways on narrow screens. The scroll container is a named region a
 * keyboard can reach (WCAG 2.1.1), named after the caption unless a shorter `label` is given.
 */
export function ScrollTable({
  caption,
  captionId,
  label,
  className,
  children,
}: {
  caption: ReactNode;
  /** A stable id for the caption, when other elements refer to it. */
  captionId?: string;
  /** The region's name where it should differ from the caption. */
  label?: string;
  /** Classes beside `table`. */
  className?: string;
  children: ReactNode;
}) {
  const generated = useId();
  const id = captionId ?? `tabelle-${generated.replace(/:/g, '')}`;
  return (
    <div className="table-scroll" role="region" {...(label ? { 'aria-label': label } : { 'aria-labelledby': id })} tabIndex={0}>
      <table className={className ? `table ${className}` : 'table'}>
        <caption id={id}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
