import { z } from 'zod';
import { participationFormats, participationLevelInfo, targetGroups } from '../../../shared/participation';
import { routeInfo, type FundingRoute } from '../../routes';
import { answerText, yesNoText, type FieldSpec } from './types';

/**
 * The Vorhaben step, field by field, in the order of the form. A new yes/no question is one entry
 * here (kind 'yesNo', its section, parts, required message, fact) plus its rule: the stored data,
 * the form, completeness, the "Angaben prüfen" row, the comment anchor and the fact the rules read
 * (`project.<name>`) follow from the entry.
 */

const locationText: Record<string, string> = {
  sachsen: 'in Sachsen',
  laenderuebergreifend: 'länderübergreifend',
  ausserhalb: 'außerhalb Sachsens',
};
const proofText: Record<string, string> = {
  satzung: 'Beteiligungssatzung erlassen',
  praxis: 'regelmäßig praktizierte Formate nachgewiesen',
  keiner: 'kein Nachweis',
};
const fundingText: Record<string, string> = { keine: 'keine', beantragt: 'beantragt', bewilligt: 'bewilligt' };
const shown = (format: (v: string) => string) => (v: string | undefined) => (v ? format(v) : 'nicht angegeben');
const routeText = (v: FundingRoute) => `${routeInfo[v].label} (${routeInfo[v].clause})`;

export const projectFields = [
  {
    name: 'title',
    label: 'Titel des Vorhabens',
    hint: 'Kurz und verständlich, zum Beispiel „Bürgerrat Verkehrswende Wiesenbach“.',
    kind: 'text',
    section: 'grunddaten',
    required: 'Bitte geben Sie einen Titel für das Vorhaben an.',
    summary: { label: 'Titel' },
  },
  {
    name: 'route',
    label: 'Förderweg',
    kind: 'custom',
    section: 'grunddaten',
    required: 'Bitte wählen Sie den Förderweg.',
    summary: { label: 'Förderweg', value: ({ data }) => (data.project.route ? routeText(data.project.route) : 'nicht angegeben') },
    facts: [{ path: 'project.route', label: 'Förderweg', format: routeText }],
  },
  {
    name: 'summary',
    label: 'Kurzbeschreibung',
    hint: 'Zwei bis drei Sätze: Was passiert, mit wem, wozu?',
    kind: 'longText',
    rows: 3,
    section: 'grunddaten',
    required: 'Bitte beschreiben Sie das Vorhaben kurz.',
    summary: { label: 'Kurzbeschreibung' },
  },
  {
    name: 'goals',
    label: 'Gesamtzielsetzung',
    hint: 'Was soll sich durch das Vorhaben ändern? Woran erkennen Sie den Erfolg?',
    kind: 'longText',
    rows: 6,
    section: 'grunddaten',
    required: 'Bitte beschreiben Sie die Gesamtzielsetzung.',
    summary: { label: 'Gesamtzielsetzung' },
  },
  {
    name: 'parts',
    label: 'Teilvorhaben',
    kind: 'custom',
    section: 'teilvorhaben',
    anchor: false,
    required: 'Bitte nennen Sie mindestens ein Teilvorhaben oder Arbeitspaket.',
    summary: {
      label: 'Teilvorhaben',
      value: ({ data }) => (data.project.parts.length ? data.project.parts.map((x) => x.title).join('; ') : 'keine'),
    },
  },
  {
    name: 'formats',
    label: 'Beteiligungsformate',
    kind: 'custom',
    section: 'formate',
    anchor: false,
    required: 'Bitte wählen Sie mindestens ein Beteiligungsformat.',
    summary: {
      label: 'Beteiligungsformate',
      value: ({ data }) =>
        data.project.formats.length
          ? data.project.formats
              .map(
                (x) =>
                  `${participationFormats.find((f) => f.id === x.format)?.label ?? x.format} (${participationLevelInfo[x.level].label})`,
              )
              .join('; ')
          : 'keine',
    },
  },
  {
    name: 'targetGroups',
    label: 'Zielgruppen',
    question: 'Wen wollen Sie beteiligen?',
    kind: 'custom',
    section: 'zielgruppen',
    required: 'Bitte wählen Sie mindestens eine Zielgruppe.',
    summary: {
      label: 'Zielgruppen',
      value: ({ data }) =>
        data.project.targetGroups.length
          ? data.project.targetGroups.map((t) => targetGroups.find((g) => g.id === t)?.label ?? t).join(', ')
          : 'keine',
    },
  },
  {
    name: 'targetGroupsNote',
    label: 'Wie die Zielgruppen erreicht werden',
    question: 'Wie erreichen Sie diese Gruppen, auch Kinder und Jugendliche?',
    kind: 'longText',
    rows: 3,
    optional: true,
    section: 'zielgruppen',
    summary: false,
  },
  {
    name: 'placeDescription',
    label: 'Ort des Vorhabens',
    hint: 'Gemeinde, Stadt oder Ortsteile.',
    kind: 'text',
    section: 'ort',
    required: 'Bitte nennen Sie den Ort des Vorhabens (Gemeinde, Ortsteil).',
    summary: { label: 'Ort' },
  },
  {
    name: 'location',
    label: 'Durchführung in Sachsen',
    question: 'Wo wird das Vorhaben durchgeführt?',
    kind: 'choice',
    options: [
      { value: 'sachsen', label: 'In Sachsen' },
      { value: 'laenderuebergreifend', label: 'In Sachsen und darüber hinaus (länderübergreifend)' },
      { value: 'ausserhalb', label: 'Außerhalb Sachsens' },
    ],
    section: 'ort',
    clauses: ['FRL Teil 2 A IV Nr. 1', 'FRL Teil 2 B IV Nr. 1'],
    required: 'Bitte geben Sie an, wo das Vorhaben durchgeführt wird.',
    summary: {
      label: 'Durchführung',
      value: ({ data: { project: p } }) =>
        `${shown((v) => locationText[v] ?? v)(p.location)}${p.crossBorderReason ? ` – ${p.crossBorderReason}` : ''}`,
    },
    facts: [{ path: 'project.location', label: 'Ort des Vorhabens', format: (v: string) => locationText[v] ?? v }],
  },
  {
    name: 'crossBorderReason',
    label: 'Begründung für ein länderübergreifendes Vorhaben',
    question: 'Falls länderübergreifend: Begründung',
    kind: 'longText',
    rows: 3,
    section: 'ort',
    required: 'Bitte begründen Sie das länderübergreifende Vorhaben.',
    requiredWhen: ({ data }) => data.project.location === 'laenderuebergreifend',
    summary: false,
    facts: [{ path: 'project.crossBorderReason', label: 'Begründung länderübergreifendes Vorhaben' }],
  },
  {
    name: 'statutoryProcedure',
    label: 'Gesetzlich vorgeschriebenes Beteiligungsverfahren',
    question: 'Geht es um ein gesetzlich vorgeschriebenes Beteiligungsverfahren (Bauleitplanung, Planfeststellung, Raumordnung)?',
    kind: 'yesNo',
    section: 'ort',
    parts: ['A'],
    clauses: ['FRL Teil 2 A II Nr. 2 Satz 1'],
    required: 'Bitte geben Sie an, ob es um ein gesetzlich vorgeschriebenes Verfahren geht.',
    summary: { label: 'Gesetzlich vorgeschriebenes Beteiligungsverfahren' },
    facts: [{ path: 'project.statutoryProcedure', label: 'gesetzlich vorgeschriebenes Beteiligungsverfahren', format: yesNoText }],
  },
  {
    name: 'buergerbudgetFunds',
    label: 'Mittel eines Bürgerbudgets',
    question: 'Soll die Förderung das Geld eines Bürgerbudgets selbst bereitstellen?',
    kind: 'yesNo',
    section: 'ort',
    parts: ['A'],
    clauses: ['FRL Teil 2 A II Nr. 2 Satz 2'],
    required: 'Bitte geben Sie an, ob die Förderung Mittel eines Bürgerbudgets bereitstellen soll.',
    summary: { label: 'Mittel eines Bürgerbudgets' },
    facts: [{ path: 'project.buergerbudgetFunds', label: 'Förderung soll Mittel eines Bürgerbudgets bereitstellen', format: yesNoText }],
  },
  {
    name: 'municipalLevel',
    label: 'Bezug auf eine Kommune',
    question: 'Bezieht sich das Vorhaben auf eine oder mehrere angrenzende Kommunen?',
    kind: 'yesNo',
    section: 'ort',
    parts: ['B'],
    clauses: ['FRL Teil 2 B II Satz 1'],
    required: 'Bitte geben Sie an, ob sich das Vorhaben auf die kommunale Ebene bezieht.',
    summary: false,
    facts: [{ path: 'project.municipalLevel', label: 'auf kommunaler Ebene', format: yesNoText }],
  },
  {
    name: 'affectedMunicipality',
    label: 'Unmittelbar betroffene Kommune',
    kind: 'text',
    section: 'ort',
    parts: ['B'],
    required: 'Bitte nennen Sie die unmittelbar betroffene Kommune.',
    summary: { label: 'Betroffene Gemeinde' },
  },
  {
    name: 'againstFinalDecision',
    label: 'Gegen eine abschließende Entscheidung der Kommune',
    question: 'Richtet sich das Vorhaben gegen eine abschließende Entscheidung dieser Kommune?',
    kind: 'yesNo',
    section: 'ort',
    parts: ['B'],
    clauses: ['FRL Teil 2 B IV Nr. 4'],
    required: 'Bitte geben Sie an, ob sich das Vorhaben gegen eine abschließende Entscheidung der Kommune richtet.',
    summary: { label: 'Gegen eine abschließende Entscheidung der Gemeinde' },
    facts: [
      { path: 'project.againstFinalDecision', label: 'richtet sich gegen eine abschließende Entscheidung der Kommune', format: yesNoText },
    ],
  },
  {
    name: 'decidingBodySupports',
    label: 'Unterstützung durch das zuständige Gremium der Kommune',
    question: 'Falls ja: Unterstützt das zuständige Organ der Kommune den Antrag?',
    kind: 'yesNo',
    section: 'ort',
    parts: ['B'],
    required: 'Bitte geben Sie an, ob das zuständige Organ der Kommune den Antrag unterstützt.',
    requiredWhen: ({ data, part }) => part === 'B' && data.project.againstFinalDecision === true,
    summary: {
      label: 'Das entscheidende Gremium unterstützt den Antrag',
      when: ({ data, part }) => part === 'B' && !!data.project.againstFinalDecision,
    },
    facts: [{ path: 'project.decidingBodySupports', label: 'zuständiges Organ der Kommune unterstützt den Antrag', format: yesNoText }],
  },
  {
    name: 'buergerkommuneProof',
    label: 'Nachweis Bürgerkommune',
    question: 'Voraussetzung Bürgerkommune (FRL Teil 2 A IV Nr. 5)',
    kind: 'choice',
    options: [
      { value: 'satzung', label: 'Verbindliche Satzung zur Bürgerbeteiligung erlassen' },
      { value: 'praxis', label: 'Regelmäßig praktizierte Formate und feste Beteiligungsinstrumente' },
      { value: 'keiner', label: 'Beides trifft noch nicht zu' },
    ],
    section: 'ort',
    routes: ['A1.3'],
    clauses: ['FRL Teil 2 A IV Nr. 5'],
    required: 'Bitte geben Sie an, wie Ihre Kommune die Voraussetzung als Bürgerkommune erfüllt.',
    summary: {
      label: 'Nachweis Bürgerkommune',
      value: ({ data: { project: p } }) =>
        `${shown((v) => proofText[v] ?? v)(p.buergerkommuneProof)}${p.buergerkommuneProofText ? ` – ${p.buergerkommuneProofText}` : ''}`,
    },
    facts: [{ path: 'project.buergerkommuneProof', label: 'Nachweis Bürgerkommune', format: (v: string) => proofText[v] ?? v }],
  },
  {
    name: 'buergerkommuneProofText',
    label: 'Beschreibung von Satzung oder praktizierten Formaten',
    question: 'Satzung oder praktizierte Formate kurz beschreiben',
    hint: 'Den Nachweis laden Sie im Abschnitt „Anlagen“ hoch.',
    kind: 'longText',
    rows: 3,
    section: 'ort',
    routes: ['A1.3'],
    required: 'Bitte beschreiben Sie Satzung oder praktizierte Formate kurz.',
    requiredWhen: ({ data: { project: p } }) => p.route === 'A1.3' && !!p.buergerkommuneProof && p.buergerkommuneProof !== 'keiner',
    summary: false,
  },
  {
    name: 'usesBeteiligungsportal',
    label: 'Beteiligungsportal',
    question: 'Nutzen Sie das Beteiligungsportal des Freistaates Sachsen?',
    kind: 'yesNo',
    section: 'portal',
    required: 'Bitte geben Sie an, ob Sie das Beteiligungsportal nutzen.',
    summary: { label: 'Beteiligungsportal' },
    facts: [{ path: 'project.usesBeteiligungsportal', label: 'nutzt das Beteiligungsportal', format: yesNoText }],
  },
  {
    name: 'softwareProcurement',
    label: 'Software',
    question: 'Wollen Sie Software kaufen oder mieten?',
    kind: 'yesNo',
    section: 'portal',
    // The software exclusion is FRL Teil 2 A II Nr. 3; associations (Teil 2 B) are not asked.
    parts: ['A'],
    clauses: ['FRL Teil 2 A II Nr. 3'],
    required: 'Bitte geben Sie an, ob Sie Software beschaffen oder mieten.',
    requiredWhen: ({ part }) => part !== 'B',
    summary: {
      label: 'Software',
      when: ({ part }) => part !== 'B',
      value: ({ data: { project: p } }) =>
        p.softwareProcurement ? `ja – ${answerText.text(p.softwareReason)}` : answerText.yesNo(p.softwareProcurement),
    },
    facts: [{ path: 'project.softwareProcurement', label: 'Software soll beschafft oder gemietet werden', format: yesNoText }],
  },
  {
    name: 'softwareReason',
    label: 'Begründung, warum das Beteiligungsportal nicht ausreicht',
    question: 'Falls ja: Welche Funktion bietet das Beteiligungsportal nicht?',
    kind: 'longText',
    rows: 3,
    section: 'portal',
    parts: ['A'],
    required: 'Bitte begründen Sie, warum das Beteiligungsportal nicht ausreicht.',
    requiredWhen: ({ data, part }) => part !== 'B' && data.project.softwareProcurement === true,
    summary: false,
    facts: [{ path: 'project.softwareReason', label: 'Begründung, warum das Beteiligungsportal nicht ausreicht' }],
  },
  {
    name: 'cooperation',
    label: 'Zusammenarbeit mit anderen',
    question: (part) => (part === 'B' ? 'Arbeiten Sie mit der betroffenen Kommune zusammen?' : 'Wirken freie Träger am Vorhaben mit?'),
    kind: 'yesNo',
    section: 'zusammenarbeit',
    clauses: ['FRL Teil 2 A IV Nr. 4', 'FRL Teil 2 B IV Nr. 3 Satz 1'],
    required: (part) =>
      part === 'B'
        ? 'Bitte geben Sie an, ob Sie mit der betroffenen Kommune zusammenarbeiten.'
        : 'Bitte geben Sie an, ob freie Träger mitwirken.',
    summary: {
      label: 'Zusammenarbeit',
      value: ({ data: { project: p } }) => (p.cooperation ? answerText.text(p.cooperationDescription) : answerText.yesNo(p.cooperation)),
    },
    facts: [
      { path: 'project.freieTraegerCooperation', label: 'Beteiligung freier Träger dargelegt', format: yesNoText },
      { path: 'project.municipalityCooperation', label: 'Kooperation mit der betroffenen Kommune dargelegt', format: yesNoText },
    ],
  },
  {
    name: 'cooperationDescription',
    label: 'Zusammenarbeit',
    question: 'Beschreibung der Zusammenarbeit',
    kind: 'longText',
    rows: 4,
    section: 'zusammenarbeit',
    required: 'Bitte beschreiben Sie die Zusammenarbeit.',
    requiredWhen: ({ data }) => data.project.cooperation === true,
    summary: false,
  },
  {
    name: 'federalOrEuFunding',
    label: 'Förderung durch Bund oder EU',
    question: 'Gibt es für dieselben Maßnahmen Förderung durch Bund oder EU?',
    kind: 'choice',
    options: [
      { value: 'keine', label: 'Nein' },
      { value: 'beantragt', label: 'Ja, beantragt' },
      { value: 'bewilligt', label: 'Ja, bewilligt' },
    ],
    section: 'zusammenarbeit',
    clauses: ['FRL Teil 2 A IV Nr. 6', 'FRL Teil 2 B IV Nr. 5'],
    required: 'Bitte geben Sie an, ob es eine Förderung durch Bund oder EU gibt.',
    summary: {
      label: 'Förderung durch Bund oder EU',
      value: ({ data: { project: p } }) =>
        `${shown((v) => fundingText[v] ?? v)(p.federalOrEuFunding)}${p.federalOrEuFundingDetails ? ` – ${p.federalOrEuFundingDetails}` : ''}`,
    },
    facts: [{ path: 'project.federalOrEuFunding', label: 'Förderung durch Bund oder EU', format: (v: string) => fundingText[v] ?? v }],
  },
  {
    name: 'federalOrEuFundingDetails',
    label: 'Programm und Betrag der Förderung durch Bund oder EU',
    question: 'Falls ja: Programm und Betrag',
    kind: 'longText',
    rows: 2,
    optional: true,
    section: 'zusammenarbeit',
    summary: false,
    facts: [{ path: 'project.federalOrEuFundingDetails', label: 'Programm und Betrag der Förderung durch Bund oder EU' }],
  },
  {
    name: 'whyProject',
    label: 'Begründung des Vorhabens',
    question: 'Warum ist das Vorhaben nötig?',
    hint: 'Ausgangslage, Anlass, Bedarf vor Ort.',
    kind: 'longText',
    rows: 6,
    section: 'begruendung',
    required: 'Bitte begründen Sie, warum das Vorhaben nötig ist.',
    summary: { label: 'Begründung des Vorhabens' },
  },
  {
    name: 'whyFunding',
    label: 'Begründung der Förderung',
    question: 'Warum brauchen Sie die Förderung?',
    hint: 'Was wäre ohne Förderung nicht möglich?',
    kind: 'longText',
    rows: 4,
    section: 'begruendung',
    required: 'Bitte begründen Sie, warum Sie Fördermittel brauchen.',
    summary: { label: 'Begründung der Förderung' },
  },
] as const satisfies readonly FieldSpec[];

/** The yes/no questions of the step: stored as booleans, asked as ja/nein. */
export type ProjectYesNo = Extract<(typeof projectFields)[number], { kind: 'yesNo' }>['name'];
export const projectYesNoNames = projectFields.filter((f) => f.kind === 'yesNo').map((f) => f.name) as ProjectYesNo[];

/** Yes/no questions whose fact (`project.<name>`) the rules read as answered. */
type DirectFact<E> = E extends { kind: 'yesNo'; name: infer N extends string; facts: readonly (infer F)[] }
  ? F extends { path: `project.${N}` }
    ? N
    : never
  : never;
export type ProjectDirectFact = DirectFact<(typeof projectFields)[number]>;
export const directProjectFacts = projectFields
  .filter((f) => f.kind === 'yesNo' && 'facts' in f && f.facts.some((x) => x.path === `project.${f.name}`))
  .map((f) => f.name) as ProjectDirectFact[];

/** The facts of the rules the yes/no questions answer as they are (`project.<name>`), for the facts' schema. */
export const directProjectFactShape = Object.fromEntries(directProjectFacts.map((name) => [name, z.boolean().optional()])) as Record<
  ProjectDirectFact,
  z.ZodOptional<z.ZodBoolean>
>;
