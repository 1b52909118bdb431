/** German labels for the catalogue's enumerations; one table each, used by pages and filters. */
import type { ConflictCapacity, FundingFitStatus, MethodMode, MethodNeed, RecruitmentKind } from './schema';

export const modeLabel: Record<MethodMode, string> = { analog: 'Vor Ort', digital: 'Digital', hybrid: 'Hybrid' };

export const recruitmentLabel: Record<RecruitmentKind, string> = {
  offen: 'Offene Einladung',
  zufallsauswahl: 'Zufallsauswahl (Los)',
  aufsuchend: 'Aufsuchende Ansprache',
  delegiert: 'Entsandte Vertreterinnen und Vertreter',
};

export const conflictLabel: Record<ConflictCapacity, string> = {
  gering: 'Gering – eher für offene, wenig strittige Fragen',
  mittel: 'Mittel – verträgt unterschiedliche Meinungen',
  hoch: 'Hoch – auch für strittige Themen geeignet',
};

export const needLabel: Record<MethodNeed, string> = {
  moderation: 'Moderation',
  zufallsauswahl: 'Zufallsauswahl aus dem Melderegister',
  raeume: 'Geeignete Räume',
  uebersetzung: 'Übersetzung oder Dolmetschen',
  kinderbetreuung: 'Kinderbetreuung',
  technik: 'Technik oder Software',
  fachleute: 'Fachleute',
  dokumentation: 'Dokumentation',
};

export const fundingFitLabel: Record<FundingFitStatus, string> = {
  foerderfaehig: 'Förderfähig',
  'nur-verfahren': 'Nur das Verfahren ist förderfähig',
  'mit-begruendung': 'Förderfähig, Software nur mit Begründung',
  ausgeschlossen: 'Nicht förderfähig',
};
