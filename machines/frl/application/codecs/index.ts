import type { EditableStep } from '../steps';
import { applicantCodec } from './antragsteller';
import { attachmentsCodec } from './anlagen';
import { declarationCodec } from './erklaerungen';
import { budgetCodec } from './kosten';
import type { StepCodec } from './types';
import { projectCodec } from './vorhaben';
import { scheduleCodec } from './zeitplan';

export type { FormValues, StepCodec } from './types';

/**
 * The codec of every editable step (ADR 0082): form ↔ stored section and completeness, one
 * module per step beside the field registry (../fields), which holds the fields' texts.
 */
const codecs: { [S in EditableStep]: StepCodec } = {
  antragsteller: applicantCodec,
  vorhaben: projectCodec,
  zeitplan: scheduleCodec,
  kosten: budgetCodec,
  erklaerungen: declarationCodec,
  anlagen: attachmentsCodec,
};

export const codecFor = (step: EditableStep): StepCodec => codecs[step];
