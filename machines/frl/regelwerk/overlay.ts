import { knownCalls, type FundingCall } from '../calls';
import { valueOn, withAdditionalValues, type DatedValue, type ParameterId, type ParameterTable } from '../parameters';

/**
 * The rules in force = what ships in code + what ministry staff published in the workbench.
 * Both merges are pure and return new objects, so caches keyed by the table or call list see a
 * publication as a new rule set.
 */

export interface PublishedValue {
  /** Number of the publication (ascending: a later publication wins on the same date). */
  publication: number;
  parameterId: ParameterId;
  value: number;
  from: string;
  reference: string;
  note?: string | null;
  assumption?: string | null;
}

/** The shipped table with every published value added; on the same date the later publication wins. */
export function tableWithPublications(shipped: ParameterTable, published: PublishedValue[]): ParameterTable {
  if (!published.length) return shipped;
  const ordered = [...published].sort((a, b) => a.publication - b.publication);
  return withAdditionalValues(
    shipped,
    ordered.map((p) => ({
      parameterId: p.parameterId,
      from: p.from,
      value: p.value,
      reference: p.reference,
      publication: p.publication,
      ...(p.note ? { note: p.note } : {}),
      ...(p.assumption ? { assumption: p.assumption } : {}),
    })),
  );
}

/** Calls from the database replace shipped calls with the same id and add new ones. */
export function callsWithOverrides(shipped: FundingCall[], stored: FundingCall[]): FundingCall[] {
  if (!stored.length) return shipped;
  const byId = new Map(shipped.map((c) => [c.id, c]));
  for (const call of stored) byId.set(call.id, call);
  return [...byId.values()].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
}

export const shippedCallIds = new Set(knownCalls.map((c) => c.id));

/**
 * Rolling back a publication means publishing the value that was in force before it again:
 * the value on the publication's date in the table without this publication and any later one.
 * It takes effect on the original date if that has not come yet, else today.
 */
export function rollbackProposal(
  shipped: ParameterTable,
  published: PublishedValue[],
  target: PublishedValue,
  today: string,
): { parameterId: ParameterId; value: DatedValue; from: string } | null {
  const earlier = tableWithPublications(
    shipped,
    published.filter((p) => p.publication < target.publication),
  );
  const previous = valueOn(earlier[target.parameterId], target.from);
  if (!previous) return null;
  return { parameterId: target.parameterId, value: previous, from: target.from >= today ? target.from : today };
}
