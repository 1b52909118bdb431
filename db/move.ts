/**
 * Moves a complete SQLite installation (every table, the attachment files) into an empty
 * PostgreSQL database and verifies it: row counts and a checksum per table, and each attachment
 * file against the SHA-256 its row records (issue 16 item 5, docs/operations.md).
 *
 * The rows go in within one transaction on PostgreSQL, so a move that fails leaves the tables empty
 * (the migrated schema stays; run it again). The SQLite file is only read.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { DB } from './client';
import { migrateToLatest } from './client';
import { migrations } from './migrations/index';

/**
 * Tables not moved: the migrator's own; `content_search_docs`, SQLite's store behind the FTS5
 * index (ADR 0096), whose rows are moved through the index `content_search` itself; and SQLite's
 * view of that index's occurrences and its per-kind tokens (ADR 0100), which PostgreSQL has no need of;
 * and the content's change token (ADR 0106), which the target keeps itself (its triggers set it anew
 * as the entries arrive).
 */
const internal = new Set([
  'kysely_migration',
  'kysely_migration_lock',
  'sqlite_sequence',
  'content_search_docs',
  'content_search_terms',
  'content_search_versions',
  'content_stamp',
]);

export interface TableReport {
  table: string;
  rows: number;
  checksum: string;
}

export interface MoveReport {
  tables: TableReport[];
  files: number;
}

export class MoveRefused extends Error {
  override name = 'MoveRefused';
}

type Row = Record<string, unknown>;

/** Tables in an order in which every foreign key points to a table already filled. */
function fillOrder(source: SQLite.Database, tables: string[]): string[] {
  const references = new Map(
    tables.map((t) => [
      t,
      (source.pragma(`foreign_key_list("${t}")`) as Array<{ table: string }>).map((fk) => fk.table).filter((r) => r !== t),
    ]),
  );
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !placed.has(t) && references.get(t)!.every((r) => placed.has(r) || !references.has(r)));
    if (!next) throw new Error(`Zyklische Fremdschlüssel zwischen ${tables.filter((t) => !placed.has(t)).join(', ')}.`);
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}

/**
 * One value as both databases mean it, for the checksum: JSON with sorted keys (jsonb reorders
 * keys and drops whitespace), timestamps as ISO-8601 UTC, flags and numbers as numbers, strings
 * without NUL (PostgreSQL stores none, ADR 0033).
 */
function canonical(value: unknown, type: string): string {
  if (value === null || value === undefined) return '\u2205';
  if (type === 'jsonb' || type === 'json') return JSON.stringify(sortKeys(JSON.parse(String(value))));
  if (type.startsWith('timestamp')) {
    const date = new Date(
      String(value)
        .replace(' ', 'T')
        .replace(/(T[\d:.]+)$/, '$1Z'),
    );
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
  }
  if (type === 'boolean' || type === 'bigint' || type === 'integer' || type === 'smallint' || type === 'numeric')
    return String(Number(value));
  if (type === 'real' || type === 'double precision') return String(Number(value));
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return String(value).replace(/\u0000/g, '');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Row)[k])]),
    );
  return value;
}

/** SHA-256 over the rows in canonical form, independent of row order. */
export function checksum(rows: Row[], columns: Array<{ name: string; type: string }>): string {
  const lines = rows.map((row) => columns.map((c) => canonical(row[c.name], c.type)).join('\u001f'));
  // Order-independent of how each database returns the rows.
  lines.sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return hash.digest('hex');
}

/** Value as PostgreSQL takes it for its column type (SQLite keeps flags as 0/1). */
function forPostgres(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return value === 1 || value === '1' || value === true;
  if (type === 'bytea' && !(value instanceof Uint8Array)) return Buffer.from(String(value));
  return value;
}

export async function moveSqliteToPostgres(options: {
  sqliteFile: string;
  uploadDir: string;
  target: DB;
  targetUploadDir: string;
  progress?: (line: string) => void;
}): Promise<MoveReport> {
  const { target, progress = () => {} } = options;
  const source = new SQLite(options.sqliteFile, { readonly: true, fileMustExist: true });
  try {
    const applied = (source.prepare('select name from kysely_migration order by name').all() as Array<{ name: string }>).map((r) => r.name);
    const known = Object.keys(migrations);
    const missing = known.filter((m) => !applied.includes(m));
    const unknown = applied.filter((m) => !known.includes(m));
    if (unknown.length) throw new MoveRefused(`Die SQLite-Datenbank stammt aus einer neueren Version (${unknown.join(', ')}).`);
    if (missing.length)
      throw new MoveRefused(
        `Die SQLite-Datenbank ist nicht auf dem Stand dieser Version (es fehlen ${missing.join(', ')}). Führen Sie zuerst npm run db:migrate mit DATABASE_FILE aus.`,
      );

    // Refuse a target that holds data, before writing anything into it.
    const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(target)).rows[0]!.schema;
    const existing = (
      await sql<{
        table_name: string;
      }>`select table_name from information_schema.tables where table_schema = ${schema} and table_type = 'BASE TABLE'`.execute(target)
    ).rows.map((r) => r.table_name);
    for (const table of existing.filter((t) => !internal.has(t))) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(target);
      if (Number(rows[0]!.n) > 0)
        throw new MoveRefused(
          `Die Zieldatenbank ist nicht leer (Schema ${schema}, Tabelle ${table}: ${rows[0]!.n} Zeilen). Der Umzug schreibt nur in eine leere Datenbank; legen Sie eine neue an (createdb) oder wählen Sie ein leeres Schema (DATABASE_SCHEMA).`,
        );
    }
    await migrateToLatest(target);

    const tables =
      // Tables and virtual tables (the FTS5 search, ADR 0071), not FTS5's shadow tables: PostgreSQL
      // holds the search in one plain table.
      (
        source
          .prepare(
            "select name from pragma_table_list where schema = 'main' and type in ('table', 'virtual') and name not like 'sqlite_%' order by name",
          )
          .all() as Array<{
          name: string;
        }>
      )
        .map((r) => r.name)
        .filter((t) => !internal.has(t));
    const columnsOf = async (table: string) =>
      (
        await sql<{ column_name: string; data_type: string; is_identity: string }>`
          select column_name, data_type, is_identity from information_schema.columns
          where table_schema = ${schema} and table_name = ${table} and is_generated = 'NEVER'
          order by ordinal_position`.execute(target)
      ).rows.map((c) => ({ name: c.column_name, type: c.data_type, identity: c.is_identity === 'YES' }));

    const order = fillOrder(source, tables);
    const columns = new Map<string, Array<{ name: string; type: string; identity: boolean }>>();
    for (const table of order) {
      const cols = await columnsOf(table);
      if (!cols.length) throw new Error(`Tabelle ${table} fehlt in PostgreSQL nach der Migration.`);
      columns.set(table, cols);
    }

    await target.transaction().execute(async (trx) => {
      for (const table of order) {
        const cols = columns.get(table)!;
        const rows = source.prepare(`select * from "${table}"`).all() as Row[];
        const batch = Math.max(1, Math.floor(30_000 / cols.length));
        for (let i = 0; i < rows.length; i += batch) {
          const values = rows
            .slice(i, i + batch)
            .map((row) => Object.fromEntries(cols.map((c) => [c.name, forPostgres(row[c.name], c.type)])));
          await trx
            .insertInto(table as never)
            .values(values as never)
            .execute();
        }
        // Identity columns continue after the highest id moved.
        for (const c of cols.filter((col) => col.identity)) {
          await sql`select setval(pg_get_serial_sequence(${`${schema}.${table}`}, ${c.name}), coalesce((select max(${sql.ref(c.name)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
            trx,
          );
        }
        progress(`${table}: ${rows.length} Zeilen übertragen`);
      }
    });

    // Verify: the same number of rows and the same content in every table.
    const report: TableReport[] = [];
    for (const table of order) {
      const cols = columns.get(table)!;
      const before = source.prepare(`select * from "${table}"`).all() as Row[];
      const after = (await sql<Row>`select * from ${sql.table(table)}`.execute(target)).rows;
      const sums = [checksum(before, cols), checksum(after, cols)];
      if (before.length !== after.length || sums[0] !== sums[1])
        throw new Error(
          `Prüfung fehlgeschlagen für Tabelle ${table}: SQLite ${before.length} Zeilen (${sums[0]!.slice(0, 12)}), PostgreSQL ${after.length} Zeilen (${sums[1]!.slice(0, 12)}).`,
        );
      report.push({ table, rows: after.length, checksum: sums[1]! });
    }

    // Attachment files: copied and checked against the SHA-256 each row records.
    const files = source.prepare('select storage_key, sha256 from attachments').all() as Array<{ storage_key: string; sha256: string }>;
    if (files.length) await mkdir(options.targetUploadDir, { recursive: true });
    for (const file of files) {
      const from = join(options.uploadDir, file.storage_key);
      const to = join(options.targetUploadDir, file.storage_key);
      if (from !== to) await copyFile(from, to);
      const sha = createHash('sha256')
        .update(await readFile(to))
        .digest('hex');
      if (sha !== file.sha256)
        throw new Error(`Anlagen-Datei ${file.storage_key}: Prüfsumme weicht ab (erwartet ${file.sha256}, gefunden ${sha}).`);
    }
    progress(`${files.length} Anlagen-Dateien kopiert und geprüft`);
    return { tables: report, files: files.length };
  } finally {
    source.close();
  }
}
