import type { ProgrammePart } from '../shared/organisation';

/** The four funding routes of the directive (FRL Teil 2 A II Nr. 1.1–1.3, Teil 2 B II). */
export const fundingRoutes = ['A1.1', 'A1.2', 'A1.3', 'B'] as const;
export type FundingRoute = (typeof fundingRoutes)[number];

export interface RouteInfo {
  part: ProgrammePart;
  label: string;
  shortLabel: string;
  clause: string;
  /** What the route funds; its duration follows from the parameters (wording.ts: routeDescription). */
  description: string;
  /** Whether duration is limited in months (Einzelvorhaben) or in calendar years. */
  durationUnit: 'months' | 'calendarYears';
}

export const routeInfo: Record<FundingRoute, RouteInfo> = {
  'A1.1': {
    part: 'A',
    label: 'Einzelvorhaben zur Bürgerbeteiligung',
    shortLabel: 'Einzelvorhaben',
    clause: 'FRL Teil 2 A II Nr. 1.1',
    description: 'Ein einzelnes Beteiligungsverfahren einer Kommune',
    durationUnit: 'months',
  },
  'A1.2': {
    part: 'A',
    label: 'Modellkommune Bürgerbeteiligung',
    shortLabel: 'Modellkommune',
    clause: 'FRL Teil 2 A II Nr. 1.2',
    description: 'Bessere Abläufe und Strukturen für Beteiligung in der Kommune und Erfahrungsaustausch',
    durationUnit: 'calendarYears',
  },
  'A1.3': {
    part: 'A',
    label: 'Bürgerkommune',
    shortLabel: 'Bürgerkommune',
    clause: 'FRL Teil 2 A II Nr. 1.3',
    description:
      'Weiterentwicklung zur Bürgerkommune für Kommunen, die Beteiligung schon verbindlich geregelt oder regelmäßig praktiziert haben',
    durationUnit: 'calendarYears',
  },
  B: {
    part: 'B',
    label: 'Vorhaben der Zivilgesellschaft',
    shortLabel: 'Zivilgesellschaft',
    clause: 'FRL Teil 2 B II',
    description: 'Beteiligungsprojekte gemeinnütziger Träger auf kommunaler Ebene, Kompetenzaufbau und Erfahrungsaustausch',
    durationUnit: 'calendarYears',
  },
};

export function routesForPart(part: ProgrammePart | null): FundingRoute[] {
  if (part === null) return [];
  return fundingRoutes.filter((r) => routeInfo[r].part === part);
}
