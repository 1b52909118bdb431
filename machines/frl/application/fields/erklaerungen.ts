import { answerText, yesNoText, type FieldSpec } from './types';

/** The Erklärungen step: the declarations to tick, Teil 2 B's funding question, the signature. */
export const declarationFields = [
  {
    name: 'ebbsAndEvaluation',
    label: 'Mitwirkung EBBS',
    kind: 'tick',
    required: 'Bitte erklären Sie Ihre Bereitschaft zur Mitwirkung im EBBS und an der wissenschaftlichen Begleitung.',
    summary: { label: 'Mitwirkung EBBS und Begleitung' },
    facts: [{ path: 'declarations.ebbsAndEvaluation', label: 'Erklärung EBBS und wissenschaftliche Begleitung', format: yesNoText }],
  },
  {
    name: 'portalIdeas',
    label: 'Ideen für das Beteiligungsportal',
    kind: 'tick',
    required: 'Bitte erklären Sie Ihre Bereitschaft, Ideen für das Beteiligungsportal weiterzugeben.',
    requiredWhen: ({ data }) => !!data.project.usesBeteiligungsportal,
    summary: { label: 'Ideen für das Beteiligungsportal weitergeben', when: ({ data }) => !!data.project.usesBeteiligungsportal },
    facts: [{ path: 'declarations.portalIdeas', label: 'Erklärung Ideen für das Beteiligungsportal', format: yesNoText }],
  },
  {
    name: 'fdgo',
    label: 'Freiheitliche demokratische Grundordnung',
    kind: 'tick',
    required: 'Bitte bestätigen Sie die Erklärung zur freiheitlichen demokratischen Grundordnung.',
    summary: { label: 'Freiheitliche demokratische Grundordnung' },
    facts: [{ path: 'declarations.fdgo', label: 'Erklärung freiheitliche demokratische Grundordnung', format: yesNoText }],
  },
  {
    name: 'notStarted',
    label: 'Noch nicht begonnen',
    kind: 'tick',
    required: 'Bitte bestätigen Sie, dass mit dem Vorhaben noch nicht begonnen wurde.',
    summary: { label: 'Noch nicht begonnen' },
  },
  {
    name: 'subsidyRelevantFacts',
    label: 'Subventionserhebliche Tatsachen',
    kind: 'tick',
    required: 'Bitte bestätigen Sie die Kenntnisnahme der subventionserheblichen Tatsachen.',
    summary: { label: 'Subventionserhebliche Tatsachen' },
    facts: [{ path: 'declarations.subsidyRelevantFacts', label: 'Kenntnisnahme subventionserhebliche Tatsachen', format: yesNoText }],
  },
  {
    name: 'dataProtection',
    label: 'Datenschutzhinweise',
    kind: 'tick',
    required: 'Bitte bestätigen Sie die Kenntnisnahme der Datenschutzhinweise.',
    summary: { label: 'Datenschutzhinweise' },
    facts: [{ path: 'declarations.dataProtection', label: 'Kenntnisnahme Datenschutzhinweise', format: yesNoText }],
  },
  {
    name: 'mainlyPubliclyFunded',
    label: 'Überwiegend öffentlich finanziert',
    kind: 'yesNo',
    parts: ['B'],
    required: 'Bitte geben Sie an, ob Ihre Organisation überwiegend öffentlich finanziert ist.',
    summary: { label: 'Überwiegend aus öffentlichen Mitteln finanziert' },
    facts: [{ path: 'applicant.mainlyPubliclyFunded', label: 'überwiegend öffentlich finanziert', format: yesNoText }],
  },
  {
    name: 'signatoryName',
    label: 'Unterschrift',
    kind: 'text',
    section: 'unterschrift',
    required: 'Bitte geben Sie den Namen der unterzeichnenden Person an.',
    summary: {
      label: 'Unterschrift',
      value: ({ data: { declarations: d } }) =>
        d.signatoryName
          ? `${d.signatoryName}${d.signatoryFunction ? `, ${d.signatoryFunction}` : ''}, ${answerText.text(d.place)}`
          : 'nicht angegeben',
    },
  },
  { name: 'signatoryFunction', label: 'Funktion der unterzeichnenden Person', kind: 'text' },
  { name: 'place', label: 'Ort der Unterschrift', kind: 'text', required: 'Bitte geben Sie den Ort der Unterzeichnung an.' },
] as const satisfies readonly FieldSpec[];
