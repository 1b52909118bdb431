import type { Role } from '../machines/shared/organisation';

export interface NavItem {
  to: string;
  label: string;
}

/** Role-aware main navigation; only what the role may open. */
export function navigationFor(role: Role | null): NavItem[] {
  switch (role) {
    case null:
      return [
        { to: '/foerdercheck', label: 'Förder-Check' },
        { to: '/methoden', label: 'Methoden' },
        { to: '/qualitaetscheck', label: 'QualitätsCheck' },
        { to: '/veranstaltungen', label: 'Veranstaltungen' },
        { to: '/anmelden', label: 'Anmelden' },
        { to: '/registrieren', label: 'Registrieren' },
      ];
    case 'applicant':
      return [
        { to: '/antraege', label: 'Meine Anträge' },
        { to: '/foerdercheck', label: 'Förder-Check' },
        { to: '/methoden', label: 'Methoden' },
        { to: '/qualitaetscheck', label: 'QualitätsCheck' },
        { to: '/veranstaltungen', label: 'Veranstaltungen' },
        { to: '/netzwerk', label: 'Netzwerk' },
        { to: '/organisation', label: 'Organisation' },
        { to: '/konto', label: 'Konto' },
      ];
    case 'advisor':
      return [
        { to: '/beratung', label: 'Beratung' },
        { to: '/methoden', label: 'Methoden' },
        { to: '/redaktion', label: 'Redaktion' },
        { to: '/qualitaetscheck/inhalte', label: 'QualitätsCheck-Inhalte' },
        { to: '/veranstaltungen/verwalten', label: 'Veranstaltungen' },
        { to: '/newsletter/verwalten', label: 'Newsletter' },
        { to: '/netzwerk', label: 'Netzwerk' },
        { to: '/konto', label: 'Konto' },
      ];
    case 'ministry':
      return [
        { to: '/regelwerk', label: 'Regelwerk' },
        { to: '/redaktion', label: 'Redaktion' },
        { to: '/qualitaetscheck/inhalte', label: 'QualitätsCheck-Inhalte' },
        { to: '/veranstaltungen/verwalten', label: 'Veranstaltungen' },
        { to: '/newsletter/verwalten', label: 'Newsletter' },
        { to: '/konto', label: 'Konto' },
      ];
    case 'admin':
      return [
        { to: '/verwaltung', label: 'Verwaltung' },
        { to: '/regelwerk', label: 'Regelwerk' },
        { to: '/konto', label: 'Konto' },
      ];
  }
}
