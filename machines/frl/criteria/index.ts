import type { Criterion } from '../criterion';
import { applicantCriteria } from './applicant';
import { declarationCriteria } from './declarations';
import { financeCriteria } from './finance';
import { procedureCriteria } from './procedure';
import { projectCriteria } from './project';

/** The whole catalogue, in the order a reader meets the topics. */
export const criteria: Criterion[] = [
  ...applicantCriteria,
  ...projectCriteria,
  ...declarationCriteria,
  ...financeCriteria,
  ...procedureCriteria,
];
