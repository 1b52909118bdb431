import { listStoredCalls, publishedValues, rowToCall, rulesRevision } from '../db/repositories/regelwerk';
import { knownCalls, type FundingCall } from '../machines/frl/calls';
import type { EvaluateOptions } from '../machines/frl/engine';
import { shippedParameters, type ParameterTable } from '../machines/frl/parameters';
import { callsWithOverrides, tableWithPublications } from '../machines/frl/regelwerk/overlay';
import type { Transaction } from 'kysely';
import type { DB } from '../db/client';
import type { Database } from '../db/schema';
import { getDb } from './db.server';

export type RulesInForce = EvaluateOptions & { parameters: ParameterTable; calls: FundingCall[]; revision: string };

/**
 * The rules in force for this installation: the shipped parameter table and funding calls, with
 * what ministry staff published in the Regelwerk workbench merged over them. The merged objects
 * are kept until the next publication or call edit, so caches keyed by the table (rule results
 * per draft version) stay valid exactly as long as the rules do.
 */
let cached: RulesInForce | null = null;

export async function rulesOptions(): Promise<RulesInForce> {
  const db = await getDb();
  const revision = await rulesRevision(db);
  if (cached?.revision === revision) return cached;
  cached = await rulesIn(db, revision);
  return cached;
}

/** The rules as stored in `db` right now, uncached (inside a transaction: with its own writes). */
export async function rulesIn(db: DB | Transaction<Database>, revision?: string): Promise<RulesInForce> {
  const [published, stored, current] = await Promise.all([publishedValues(db), listStoredCalls(db), revision ?? rulesRevision(db)]);
  return {
    parameters: tableWithPublications(shippedParameters, published),
    calls: callsWithOverrides(knownCalls, stored.map(rowToCall)),
    revision: current,
  };
}

const isoDateInBerlin = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

/** Today's date in Saxony as ISO (the reference date of a check). */
export function todayInSaxony(now = new Date()): string {
  return isoDateInBerlin.format(now);
}
