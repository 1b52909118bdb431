/**
 * Goals a person can pick in the method finder ("Was wollen Sie erreichen?"). Each method says
 * which goals it serves and how well (weight 1–3); the finder adds the weights of the chosen goals.
 */
export const goalIds = [
  'ideen-sammeln',
  'meinungsbild',
  'gemeinsam-planen',
  'konflikt-klaeren',
  'entscheiden',
  'junge-menschen',
  'stille-gruppen',
  'ausgewogene-empfehlung',
  'dauerhaft-verankern',
  'informieren',
] as const;
export type GoalId = (typeof goalIds)[number];

export const goalInfo: Record<GoalId, { label: string; hint: string }> = {
  'ideen-sammeln': { label: 'Ideen sammeln', hint: 'Viele Vorschläge und Sichtweisen zu einem offenen Thema zusammentragen.' },
  meinungsbild: { label: 'Ein Meinungsbild einholen', hint: 'Wissen, wie viele Menschen über eine Frage oder einen Entwurf denken.' },
  'gemeinsam-planen': { label: 'Gemeinsam planen', hint: 'Einen Ort, ein Gebäude oder ein Programm mit den Menschen vor Ort entwerfen.' },
  'konflikt-klaeren': {
    label: 'Einen Konflikt bearbeiten',
    hint: 'Verhärtete Positionen wieder ins Gespräch bringen und eine tragfähige Lösung suchen.',
  },
  entscheiden: {
    label: 'Verbindlich mitentscheiden lassen',
    hint: 'Die Beteiligten treffen selbst eine Entscheidung, zum Beispiel über Geld.',
  },
  'junge-menschen': { label: 'Kinder und Jugendliche beteiligen', hint: 'Junge Menschen altersgerecht einbeziehen (SächsGemO § 47a).' },
  'stille-gruppen': { label: 'Selten Gehörte erreichen', hint: 'Menschen einbeziehen, die zu üblichen Veranstaltungen nicht kommen.' },
  'ausgewogene-empfehlung': {
    label: 'Eine ausgewogene Empfehlung erarbeiten',
    hint: 'Eine vielfältig zusammengesetzte Gruppe wägt ab und empfiehlt dem Rat.',
  },
  'dauerhaft-verankern': {
    label: 'Beteiligung dauerhaft verankern',
    hint: 'Regeln, Gremien oder Routinen schaffen, die über ein Vorhaben hinaus wirken.',
  },
  informieren: { label: 'Gut informieren und Fragen beantworten', hint: 'Ein Vorhaben verständlich vorstellen und Rückfragen aufnehmen.' },
};

/** The finder accepts at most this many goals, so a ranking still says something. */
export const MAX_FINDER_GOALS = 4;
