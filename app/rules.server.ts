import { knownCalls, type FundingCall } from '../machines/frl/calls';
import type { EvaluateOptions } from '../machines/frl/engine';
import { shippedParameters, type ParameterTable } from '../machines/frl/parameters';

/**
 * The rules in force for this installation: the shipped parameter table and funding calls, plus
 * whatever ministry staff have published (added by the Regelwerk workbench).
 */
export async function rulesOptions(): Promise<EvaluateOptions & { parameters: ParameterTable; calls: FundingCall[] }> {
  return { parameters: shippedParameters, calls: knownCalls };
}

const isoDateInBerlin = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

/** Today's date in Saxony as ISO (the reference date of a check). */
export function todayInSaxony(now = new Date()): string {
  return isoDateInBerlin.format(now);
}
