/**
 * Catalogues for the application: attachment types and cost categories. Data, not code; the texts
 * are our own summaries. Cost categories are an assumption (the directive names none). The
 * participation formats, levels and target groups are shared by several domains:
 * machines/shared/participation.ts.
 */
import type { FundingRoute } from './routes';

export interface AttachmentType {
  id: string;
  label: string;
  hint: string;
  /** Routes for which this document is required; others may attach it optionally. */
  requiredFor: FundingRoute[] | ((context: { route: FundingRoute; verbund: boolean }) => boolean);
}

export const attachmentTypes: AttachmentType[] = [
  {
    id: 'unterstuetzungsschreiben',
    label: 'Unterstützungsschreiben der betroffenen Kommune',
    hint: 'Schreiben der unmittelbar betroffenen Gemeinde, Stadt oder des Landkreises (FRL Teil 2 B IV Nr. 3). Ohne Schreiben erhält die Kommune sechs Wochen Gelegenheit zur Stellungnahme.',
    requiredFor: ['B'],
  },
  {
    id: 'beteiligungssatzung',
    label: 'Beteiligungssatzung oder Nachweis praktizierter Formate',
    hint: 'Die erlassene Satzung oder Belege regelmäßig praktizierter Beteiligungsformate (FRL Teil 2 A IV Nr. 5).',
    requiredFor: ['A1.3'],
  },
  {
    id: 'verbundvereinbarung',
    label: 'Verbundvereinbarung',
    hint: 'Vereinbarung der Verbundpartner mit der federführenden Kommune (FRL Teil 2 A III Satz 2).',
    requiredFor: ({ verbund }) => verbund,
  },
  {
    id: 'freistellungsbescheid',
    label: 'Freistellungsbescheid des Finanzamts',
    hint: 'Nachweis der Gemeinnützigkeit (FRL Teil 2 B III).',
    requiredFor: ['B'],
  },
  {
    id: 'satzung-traeger',
    label: 'Satzung des Trägers',
    hint: 'Satzung oder Gesellschaftsvertrag des Vereins, der Stiftung oder der gGmbH.',
    requiredFor: [],
  },
  {
    id: 'kostenangebote',
    label: 'Angebote und Kostenschätzungen',
    hint: 'Angebote für größere Ausgabepositionen, zum Beispiel Moderation.',
    requiredFor: [],
  },
  { id: 'sonstiges', label: 'Sonstige Anlage', hint: 'Weitere Unterlagen, die das Vorhaben erläutern.', requiredFor: [] },
];

export function isAttachmentRequired(type: AttachmentType, route: FundingRoute | undefined, verbund: boolean): boolean {
  if (!route) return false;
  return typeof type.requiredFor === 'function' ? type.requiredFor({ route, verbund }) : type.requiredFor.includes(route);
}

/** How a cost line is calculated (the "Berechnung" of a line). */
export const costLineKindLabel: Record<'menge' | 'personal' | 'pauschal', string> = {
  menge: 'Menge × Einzelpreis',
  personal: 'Stunden × Stundensatz (Personal)',
  pauschal: 'Pauschalbetrag',
};

/** What an unpaid contribution is (FRL Teil 2 B V Nr. 5). */
export const inKindKindLabel: Record<'ehrenamt' | 'raum', string> = {
  ehrenamt: 'Ehrenamtliche Arbeitsstunden',
  raum: 'Raummiete (Sachleistung)',
};

export interface CostCategory {
  id: string;
  label: string;
  hint: string;
  /** Lines of this category must say why the Beteiligungsportal does not suffice. */
  needsSoftwareReason?: boolean;
  /** Not eligible at all (financing costs, interest – FRL Teil 2 A V Nr. 7). */
  ineligible?: boolean;
  personnel?: boolean;
}

export const costCategories: CostCategory[] = [
  { id: 'personal', label: 'Personalausgaben', hint: 'Eigenes Personal, mit Stunden und Stundensatz.', personnel: true },
  { id: 'honorare', label: 'Honorare', hint: 'Moderation, Prozessgestaltung, Fachleute.' },
  { id: 'oeffentlichkeitsarbeit', label: 'Öffentlichkeitsarbeit', hint: 'Druck, Anzeigen, Plakate, Gestaltung.' },
  { id: 'raum-technik', label: 'Raum- und Technikmiete', hint: 'Säle, Ton- und Präsentationstechnik.' },
  { id: 'verpflegung', label: 'Verpflegung', hint: 'Getränke und Imbiss bei Veranstaltungen.' },
  { id: 'reisekosten', label: 'Reisekosten', hint: 'Nach Landesreisekostengesetz.' },
  { id: 'sachmittel', label: 'Sachmittel', hint: 'Moderationsmaterial, Porto, Kleinmaterial.' },
  {
    id: 'software',
    label: 'Software / Digitales',
    hint: 'Nur, wenn das Beteiligungsportal des Freistaates nicht ausreicht (FRL Teil 2 A II Nr. 3).',
    needsSoftwareReason: true,
  },
  {
    id: 'finanzierungskosten',
    label: 'Finanzierungskosten und Zinsen',
    hint: 'Nicht zuwendungsfähig (FRL Teil 2 A V Nr. 7); nur der Vollständigkeit halber.',
    ineligible: true,
  },
  { id: 'sonstiges', label: 'Sonstiges', hint: 'Alles, was in keine andere Kategorie passt.' },
];
export type CostCategoryId = string;
