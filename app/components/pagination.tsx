import { Link } from '@remix-run/react';
import type { Pager } from '../utils/pagination';

/** "Vorherige Seite · Seite 2 von 5 · Nächste Seite" below a long list; nothing for a single page. */
export function Pagination({ pager, label }: { pager: Pager; label: string }) {
  if (pager.pages <= 1) return null;
  return (
    <nav aria-label={label} className="pagination">
      <ul>
        {pager.prev ? (
          <li>
            <Link to={pager.prev} rel="prev">
              Vorherige Seite
            </Link>
          </li>
        ) : null}
        <li aria-current="page">
          Seite {pager.page} von {pager.pages}
        </li>
        {pager.next ? (
          <li>
            <Link to={pager.next} rel="next">
              Nächste Seite
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
