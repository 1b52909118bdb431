import { NavLink } from '@remix-run/react';

/** The sections of the Regelwerk workbench; statistics only for the ministry. */
export function RegelwerkNav({ showStatistics }: { showStatistics: boolean }) {
  const items = [
    { to: '/regelwerk', label: 'Übersicht', end: true },
    { to: '/regelwerk/regeln', label: 'Regeln' },
    { to: '/regelwerk/umsetzung', label: 'Nach der Bewilligung' },
    { to: '/regelwerk/ablaeufe', label: 'Abläufe' },
    { to: '/regelwerk/pruefstand', label: 'Prüfstand' },
    { to: '/regelwerk/parameter', label: 'Parameter' },
    { to: '/regelwerk/aufrufe', label: 'Förderaufrufe' },
    ...(showStatistics ? [{ to: '/regelwerk/statistik', label: 'Statistik' }] : []),
    { to: '/regelwerk/protokoll', label: 'Protokoll' },
  ];
  return (
    <nav aria-label="Bereiche des Regelwerks" className="subnav no-print">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
