/**
 * The sample applications (db/demo/applications.ts) plus the derived values the PDF needs. Each
 * call returns a fresh copy; tests may change it freely.
 */
import { applicationToFacts, totalsFor } from '../../machines/frl/application/facts';
import type { ApplicationData } from '../../machines/frl/application/schema';
import { gemeindeOrganisation, sampleGemeindeApplication, sampleVereinApplication, vereinOrganisation } from '../../db/demo/applications';

import { evaluate, type EligibilityResult } from '../../machines/frl/engine';
import { factsSchema } from '../../machines/frl/facts';
import { shippedParameters, type ParameterTable } from '../../machines/frl/parameters';
import type { BudgetTotals } from '../../machines/frl/application/budget';

export { gemeindeOrganisation, sampleGemeindeApplication, sampleVereinApplication, vereinOrganisation };

/** The reference date of the samples (the day the application is checked and printed). */
export const SAMPLE_DATE = '2026-11-22';
export const SAMPLE_CREATED_AT = new Date('2026-11-22T10:30:00+01:00');

export interface SampleDerived {
  totals: BudgetTotals;
  eligibility: EligibilityResult;
  parameters: ParameterTable;
}

/** Totals and eligibility result as the app computes them for the sample date. */
export function deriveSample(data: ApplicationData, date = SAMPLE_DATE, parameters: ParameterTable = shippedParameters): SampleDerived {
  const totals = totalsFor(data, parameters, date);
  const facts = factsSchema.parse(applicationToFacts(data, parameters, date, { documentTypes: ['unterstuetzungsschreiben', 'freistellungsbescheid'] }));
  return { totals, eligibility: evaluate(date, facts, { parameters }), parameters };
}

/** Sets the own cash so that the financing plan balances (for samples changed by a test). */
export function balanceOwnCash(data: ApplicationData, date = SAMPLE_DATE, parameters: ParameterTable = shippedParameters): ApplicationData {
  data.budget.ownCashCents = 0;
  const gap = totalsFor(data, parameters, date).gapCents;
  data.budget.ownCashCents = Math.max(0, gap);
  return data;
}
