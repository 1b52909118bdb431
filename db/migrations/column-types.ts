import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * Column types per dialect for the migrations (ADR 0033): one definition, SQLite unchanged (TEXT
 * timestamps, INTEGER flags and cents, TEXT JSON), PostgreSQL with its own types. The pg client
 * reads them back in the shapes the code uses (db/postgres.ts): ISO strings, 0/1, numbers, JSON text.
 */
export function columnTypes(db: Kysely<any>) {
  const pg = dialectOf(db) === 'postgres';
  return {
    /** An integer primary key the database numbers. */
    id: (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()),
    timestamp: pg ? ('timestamptz' as const) : ('text' as const),
    date: pg ? ('date' as const) : ('text' as const),
    json: pg ? ('jsonb' as const) : ('text' as const),
    flag: pg ? ('boolean' as const) : ('integer' as const),
    /** Money in integer cents (and other counts that may pass 2^31, such as bytes). */
    cents: pg ? ('bigint' as const) : ('integer' as const),
    /** The default of a flag that is off. */
    off: pg ? sql`false` : 0,
  };
}
