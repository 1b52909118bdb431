import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Keeps a prepared file for its user for `minutes` and returns the token of its download address.
 * In the database, not in memory, so the download works from whichever app instance answers.
 */
export async function keepPreparedDownload(
  db: Executor,
  input: { userId: number; fileName: string; body: string },
  minutes = 10,
  now = new Date(),
): Promise<string> {
  await db.deleteFrom('prepared_downloads').where('expires_at', '<', now.toISOString()).execute();
  const token = randomBytes(18).toString('base64url');
  await db
    .insertInto('prepared_downloads')
    .values({
      token,
      user_id: input.userId,
      file_name: input.fileName,
      body: input.body,
      expires_at: new Date(now.getTime() + minutes * 60_000).toISOString(),
    })
    .execute();
  return token;
}

/** The prepared file behind `token`, if it belongs to the user and has not expired. */
export async function findPreparedDownload(
  db: Executor,
  userId: number,
  token: string,
  now = new Date(),
): Promise<{ fileName: string; body: string } | null> {
  const row = await db
    .selectFrom('prepared_downloads')
    .select(['file_name', 'body'])
    .where('token', '=', token)
    .where('user_id', '=', userId)
    .where('expires_at', '>=', now.toISOString())
    .executeTakeFirst();
  return row ? { fileName: row.file_name, body: row.body } : null;
}
