import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

export async function getSetting(db: Executor, key: string): Promise<string | null> {
  const row = await db.selectFrom('site_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/** Sets a value (insert or replace); the caller audits the change in the same transaction. */
export async function setSetting(db: Executor, key: string, value: string, userId: number, now = new Date()): Promise<void> {
  await db
    .insertInto('site_settings')
    .values({ key, value, updated_at: now.toISOString(), updated_by: userId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString(), updated_by: userId }))
    .execute();
}
