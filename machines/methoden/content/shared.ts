import type { Method } from '../schema';

/** The usual funding fit of a dialogue method: all four routes, as an ordinary participation process. */
export const fundableOnAllRoutes: Method['fundingFit'] = {
  status: 'foerderfaehig',
  routes: ['A1.1', 'A1.2', 'A1.3', 'B'],
  note: 'Als Beteiligungsverfahren auf kommunaler Ebene förderfähig, sofern es nicht gesetzlich vorgeschrieben ist.',
  clause: 'FRL Teil 2 A II Nr. 1, Teil 2 B II',
};

export const moderationFee = (why: string): Method['costDrivers'][number] => ({
  label: 'Externe Moderation und Prozessbegleitung',
  category: 'honorare',
  kind: 'pauschal',
  why,
});

export const publicity = (why: string): Method['costDrivers'][number] => ({
  label: 'Einladungen, Plakate und Anzeigen',
  category: 'oeffentlichkeitsarbeit',
  kind: 'pauschal',
  why,
});

export const venue = (why: string): Method['costDrivers'][number] => ({
  label: 'Raummiete und Präsentationstechnik',
  category: 'raum-technik',
  kind: 'menge',
  why,
});

export const catering = (why: string): Method['costDrivers'][number] => ({
  label: 'Getränke und Imbiss für die Teilnehmenden',
  category: 'verpflegung',
  kind: 'menge',
  why,
});

export const materials = (why: string): Method['costDrivers'][number] => ({
  label: 'Moderations- und Arbeitsmaterial',
  category: 'sachmittel',
  kind: 'pauschal',
  why,
});
