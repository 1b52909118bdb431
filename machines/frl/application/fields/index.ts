import type { EditableStep } from '../steps';
import { applicantFields } from './antragsteller';
import { declarationFields } from './erklaerungen';
import { budgetFields } from './kosten';
import type { FieldSpec } from './types';
import { projectFields } from './vorhaben';
import { scheduleFields } from './zeitplan';

export * from './types';
export { applicantFields, budgetFields, declarationFields, projectFields, scheduleFields };

/** Every registered field, per step. */
export const fieldsByStep: Record<EditableStep, readonly FieldSpec[]> = {
  antragsteller: applicantFields,
  vorhaben: projectFields,
  zeitplan: scheduleFields,
  kosten: budgetFields,
  erklaerungen: declarationFields,
  anlagen: [],
};

/** The section of the stored application each step owns. */
export const stepSection: Record<EditableStep, string> = {
  antragsteller: 'applicant',
  vorhaben: 'project',
  zeitplan: 'schedule',
  kosten: 'budget',
  erklaerungen: 'declarations',
  anlagen: 'attachments',
};

/** The trace names (and value formats) of the facts the fields answer. */
export const fieldFacts: Record<string, { label: string; format?: (value: never) => string }> = Object.fromEntries(
  Object.values(fieldsByStep).flatMap((fields) =>
    fields.flatMap((f) => (f.facts ?? []).map((fact) => [fact.path, { label: fact.label, format: fact.format }] as const)),
  ),
);
