import { yesNoText, type FieldSpec } from './types';

/** The single fields of the Kosten step (its rows: lines, in kind, donations, other public funds – see steps.ts). */
export const budgetFields = [
  {
    name: 'vatDeductible',
    label: 'Vorsteuerabzug',
    kind: 'yesNo',
    section: 'umsatzsteuer',
    required: 'Bitte geben Sie an, ob Sie zum Vorsteuerabzug berechtigt sind.',
    summary: { label: 'Vorsteuerabzug' },
    facts: [{ path: 'applicant.vatDeductible', label: 'zum Vorsteuerabzug berechtigt', format: yesNoText }],
  },
  { name: 'ownCash', dataName: 'ownCashCents', label: 'Eigenmittel', kind: 'text' },
  { name: 'requestedGrant', dataName: 'requestedGrantCents', label: 'Beantragte Zuwendung', kind: 'text' },
  {
    name: 'capExceedReason',
    label: 'Begründung für eine höhere Zuwendung',
    kind: 'longText',
    facts: [{ path: 'budget.capExceedReason', label: 'Begründung für eine höhere Zuwendung' }],
  },
] as const satisfies readonly FieldSpec[];
