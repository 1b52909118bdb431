import { formatDate } from '../../../shared/format';
import { yesNoText, type FieldSpec } from './types';

/** The Zeitplan step (milestones are rows; their checks live in steps.ts). */
export const scheduleFields = [
  {
    name: 'start',
    label: 'Beginn',
    kind: 'text',
    required: 'Bitte geben Sie den Beginn an.',
    facts: [{ path: 'project.start', label: 'Beginn', format: (v: string) => formatDate(v) }],
  },
  {
    name: 'end',
    label: 'Ende',
    kind: 'text',
    required: 'Bitte geben Sie das Ende an.',
    facts: [{ path: 'project.end', label: 'Ende', format: (v: string) => formatDate(v) }],
  },
  {
    name: 'alreadyStarted',
    label: 'Vorhabensbeginn',
    kind: 'yesNo',
    section: 'zeitraum',
    required: 'Bitte geben Sie an, ob Sie schon Aufträge vergeben haben.',
    summary: { label: 'Bereits begonnen' },
    facts: [{ path: 'project.alreadyStarted', label: 'Vorhaben bereits begonnen', format: yesNoText }],
  },
] as const satisfies readonly FieldSpec[];
