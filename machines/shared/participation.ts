/**
 * The vocabulary of participation shared by the domains: levels of participation, participation
 * formats with a short guidance text, and target groups. The application (FRL), the methods
 * catalogue and the QualitätsCheck all speak it; none of them owns it (docs/decisions/0083).
 * Data, not code; the texts are our own summaries.
 */

export const participationLevels = ['information', 'konsultation', 'mitgestaltung', 'mitentscheidung'] as const;
export type ParticipationLevel = (typeof participationLevels)[number];
export const participationLevelInfo: Record<ParticipationLevel, { label: string; description: string }> = {
  information: { label: 'Information', description: 'Die Beteiligten erfahren, was geplant ist, und können Fragen stellen.' },
  konsultation: {
    label: 'Konsultation',
    description: 'Die Beteiligten äußern Meinungen und Vorschläge; die Entscheidung bleibt bei Verwaltung und Rat.',
  },
  mitgestaltung: { label: 'Mitgestaltung', description: 'Die Beteiligten entwickeln Lösungen mit; ihre Ergebnisse prägen die Planung.' },
  mitentscheidung: {
    label: 'Mitentscheidung',
    description: 'Die Beteiligten entscheiden selbst oder verbindlich mit, zum Beispiel über ein Budget.',
  },
};

export interface ParticipationFormat {
  id: string;
  label: string;
  guidance: string;
  typicalLevel: ParticipationLevel;
  /** A format the directive does not fund as such (statutory instruments, the budget money). */
  note?: string;
}

export const participationFormats: ParticipationFormat[] = [
  {
    id: 'buergerrat',
    label: 'Bürgerrat (Losverfahren)',
    guidance: 'Zufällig ausgewählte Einwohnerinnen und Einwohner beraten moderiert über eine Frage und geben Empfehlungen.',
    typicalLevel: 'konsultation',
  },
  {
    id: 'planungszelle',
    label: 'Planungszelle / Bürgergutachten',
    guidance: 'Geloste Gruppen arbeiten mehrere Tage mit Fachleuten und legen ein schriftliches Gutachten vor.',
    typicalLevel: 'konsultation',
  },
  {
    id: 'buergerwerkstatt',
    label: 'Bürgerwerkstatt',
    guidance: 'Offene Arbeitstreffen, in denen Interessierte Ideen für einen Ort oder ein Thema entwickeln.',
    typicalLevel: 'mitgestaltung',
  },
  {
    id: 'zukunftswerkstatt',
    label: 'Zukunftswerkstatt',
    guidance: 'Dreischritt aus Kritik, Fantasie und Umsetzung, um gemeinsam Zukunftsbilder zu entwerfen.',
    typicalLevel: 'mitgestaltung',
  },
  {
    id: 'zukunftskonferenz',
    label: 'Zukunftskonferenz',
    guidance: 'Großgruppe mit Vertreterinnen und Vertretern aller Beteiligten erarbeitet gemeinsame Ziele und Maßnahmen.',
    typicalLevel: 'mitgestaltung',
  },
  {
    id: 'world-cafe',
    label: 'World Café',
    guidance: 'Gespräche an wechselnden Tischen zu Leitfragen; gut, um viele Perspektiven in kurzer Zeit zu sammeln.',
    typicalLevel: 'konsultation',
  },
  {
    id: 'open-space',
    label: 'Open Space',
    guidance: 'Die Teilnehmenden setzen die Themen selbst und arbeiten in selbst organisierten Gruppen.',
    typicalLevel: 'mitgestaltung',
  },
  {
    id: 'buergerhaushalt',
    label: 'Bürgerhaushalt / Bürgerbudget (Verfahren)',
    guidance: 'Einwohnerinnen und Einwohner schlagen Vorhaben vor und stimmen über ein Budget ab.',
    typicalLevel: 'mitentscheidung',
    note: 'Gefördert wird nur das Verfahren, nicht das Budget selbst (FRL Teil 2 A II Nr. 2).',
  },
  {
    id: 'buergerpanel',
    label: 'Bürgerpanel',
    guidance: 'Eine feste, repräsentative Gruppe wird mehrmals im Jahr zu kommunalen Themen befragt.',
    typicalLevel: 'konsultation',
  },
  {
    id: 'konsensuskonferenz',
    label: 'Konsensus- oder Bürgerkonferenz',
    guidance: 'Laien befragen Fachleute öffentlich und formulieren gemeinsam eine Stellungnahme.',
    typicalLevel: 'konsultation',
  },
  {
    id: 'runder-tisch',
    label: 'Runder Tisch',
    guidance: 'Vertreterinnen und Vertreter unterschiedlicher Interessen suchen gleichberechtigt nach einer Lösung.',
    typicalLevel: 'mitgestaltung',
  },
  {
    id: 'mediation',
    label: 'Mediation',
    guidance: 'Eine neutrale Person begleitet Konfliktparteien zu einer gemeinsam getragenen Vereinbarung.',
    typicalLevel: 'mitgestaltung',
  },
  {
    id: 'planning-for-real',
    label: 'Planning for Real',
    guidance: 'Mit einem Modell des Ortes legen Anwohnende Vorschläge sichtbar aus und gewichten sie.',
    typicalLevel: 'mitgestaltung',
  },
  {
    id: 'charrette',
    label: 'Charrette',
    guidance: 'Mehrtägiges, offenes Planungsatelier, in dem Fachleute und Öffentlichkeit Entwürfe gemeinsam überarbeiten.',
    typicalLevel: 'mitgestaltung',
  },
  {
    id: 'szenario-workshop',
    label: 'Szenario-Workshop',
    guidance: 'Die Beteiligten bewerten mögliche Zukünfte und leiten daraus Handlungsoptionen ab.',
    typicalLevel: 'konsultation',
  },
  {
    id: 'aktivierende-befragung',
    label: 'Aktivierende Befragung',
    guidance: 'Gespräche an der Haustür oder im Quartier, die Anliegen erfragen und zum Mitmachen einladen.',
    typicalLevel: 'information',
  },
  {
    id: 'nachbarschaftsgespraeche',
    label: 'Nachbarschaftsgespräche',
    guidance: 'Kleine, moderierte Gesprächsrunden im Wohnumfeld, niedrigschwellig und wohnortnah.',
    typicalLevel: 'konsultation',
  },
  {
    id: 'stadtteilforum',
    label: 'Stadtteilforum',
    guidance: 'Regelmäßige öffentliche Versammlung für Fragen des Stadtteils mit Rückkopplung an Verwaltung und Rat.',
    typicalLevel: 'konsultation',
  },
  {
    id: 'kinder-jugendbeteiligung',
    label: 'Kinder- und Jugendbeteiligung (SächsGemO § 47a)',
    guidance: 'Formate, die Kinder und Jugendliche altersgerecht an sie betreffenden Vorhaben beteiligen, etwa Jugendforen.',
    typicalLevel: 'mitgestaltung',
  },
  {
    id: 'online-beteiligung',
    label: 'Online-Beteiligung (zuerst Beteiligungsportal des Freistaates)',
    guidance: 'Beteiligung über das Internet; das Beteiligungsportal des Freistaates ist kostenlos und geht eigener Software vor.',
    typicalLevel: 'konsultation',
  },
  {
    id: 'beteiligungsleitlinien',
    label: 'Beteiligungsleitlinien / Beteiligungssatzung',
    guidance: 'Gemeinsam erarbeitete, verbindliche Regeln, wann und wie die Kommune beteiligt.',
    typicalLevel: 'mitentscheidung',
  },
  { id: 'sonstiges', label: 'Anderes Format', guidance: 'Beschreiben Sie das Format in eigenen Worten.', typicalLevel: 'konsultation' },
];

export const targetGroups = [
  { id: 'alle', label: 'Alle Einwohnerinnen und Einwohner' },
  { id: 'kinder', label: 'Kinder (unter 14 Jahren)' },
  { id: 'jugendliche', label: 'Jugendliche und junge Erwachsene' },
  { id: 'senioren', label: 'Ältere Menschen' },
  { id: 'familien', label: 'Familien' },
  { id: 'migration', label: 'Menschen mit Einwanderungsgeschichte' },
  { id: 'behinderung', label: 'Menschen mit Behinderungen' },
  { id: 'beteiligungsfern', label: 'Beteiligungsferne Gruppen' },
  { id: 'vereine', label: 'Vereine und Initiativen' },
  { id: 'unternehmen', label: 'Gewerbe und Unternehmen' },
  { id: 'verwaltung-politik', label: 'Verwaltung und Kommunalpolitik' },
] as const;
export type TargetGroupId = (typeof targetGroups)[number]['id'];
export const targetGroupIds = targetGroups.map((t) => t.id) as [TargetGroupId, ...TargetGroupId[]];
