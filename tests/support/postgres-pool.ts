import pg from 'pg';

/*
 * A pool of PostgreSQL test databases per run (issue 21 Nr. 4, ADR 0091). Copying a template
 * database and dropping it again cost about 0,4 s per test when the machine was idle and 0,5–1 s
 * when busy, mostly the kernel's time for writing and removing the copy's 10 MB and ~1.300 files:
 * 128 copies per vitest run. A test's database now goes back to the pool when the test is done:
 * every table of the app's schema emptied, the template's rows put back, every sequence set to the
 * template's value (a few milliseconds), and the database is used by the next test. A database whose
 * structure a test changed (a table, a column, an index, a trigger, a function, a schema, a grant)
 * does not match the template's fingerprint any more and is dropped instead of returned.
 *
 * What a pooled database carries for that lives in a schema of its own, `foerderlotse_test`,
 * prepared once in each template (the app never looks there): the template's rows, its sequence
 * values, its fingerprint, and the two functions `reset()` and `fingerprint()`.
 */

/** The schema with the template's rows and the reset function, in each template and its copies. */
export const POOL_SCHEMA = 'foerderlotse_test';

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected identifier ${name}`);
  return name;
}

/**
 * Prepares a migrated (and maybe seeded) template for the pool: keeps a copy of every table of
 * `appSchema` that has rows and the value of every sequence, the functions that put them back and
 * describe the structure, and the structure's fingerprint as it is now.
 */
export async function preparePoolTemplate(url: string, appSchema: string): Promise<void> {
  const app = ident(appSchema);
  await adminQuery(
    url,
    `
begin;
drop schema if exists ${POOL_SCHEMA} cascade;
create schema ${POOL_SCHEMA};
create table ${POOL_SCHEMA}.kept_tables (name text primary key, columns text not null);
create table ${POOL_SCHEMA}.kept_sequences (name text primary key, last_value bigint not null, is_called boolean not null);

-- The structure of the database as far as a test could change it, as one hash.
create function ${POOL_SCHEMA}.fingerprint() returns text language sql stable as $fp$
  select md5(string_agg(line, E'\\n' order by line)) from (
    select 'schema ' || nspname || ' ' || coalesce(nspacl::text, '')
      from pg_namespace where nspname not like 'pg\\_%' and nspname not in ('information_schema', '${POOL_SCHEMA}')
    union all
    select 'relation ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' ' || c.relpersistence::text || ' ' || coalesce(c.relacl::text, '')
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not like 'pg\\_%' and n.nspname not in ('information_schema', '${POOL_SCHEMA}')
    union all
    select 'column ' || c.oid::regclass::text || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' '
           || a.attnotnull::text || ' ' || a.attgenerated::text || a.attidentity::text || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where n.nspname = '${app}' and a.attnum > 0 and not a.attisdropped
    union all
    select 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      from pg_constraint where connamespace = '${app}'::regnamespace
    union all
    select 'index ' || pg_get_indexdef(i.indexrelid)
      from pg_index i join pg_class c on c.oid = i.indexrelid where c.relnamespace = '${app}'::regnamespace
    union all
    select 'trigger ' || tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text from pg_trigger where not tgisinternal
    union all
    select 'function ' || n.nspname || '.' || p.proname || ' ' || md5(p.prosrc)
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname not like 'pg\\_%' and n.nspname not in ('information_schema', '${POOL_SCHEMA}')
    union all
    select 'extension ' || extname || ' ' || extversion from pg_extension
    union all
    select 'setting ' || array_to_string(setconfig, ',') from pg_db_role_setting
      where setdatabase = (select oid from pg_database where datname = current_database())
  ) structure(line)
$fp$;

-- Every table of the app emptied, the template's rows back, every sequence where it was. Foreign
-- keys and triggers are not checked while the rows go back (the rows are the template's own).
create function ${POOL_SCHEMA}.reset() returns void language plpgsql as $reset$
declare
  r record;
begin
  perform set_config('session_replication_role', 'replica', true);
  for r in select c.oid::regclass as t from pg_class c where c.relnamespace = '${app}'::regnamespace and c.relkind = 'r' loop
    execute format('delete from %s', r.t);
  end loop;
  for r in select name, columns from ${POOL_SCHEMA}.kept_tables loop
    execute format('insert into ${app}.%I (%s) overriding system value select %s from ${POOL_SCHEMA}.%I', r.name, r.columns, r.columns, r.name);
  end loop;
  for r in select name, last_value, is_called from ${POOL_SCHEMA}.kept_sequences loop
    perform setval(r.name::regclass, r.last_value, r.is_called);
  end loop;
end
$reset$;

do $keep$
declare
  r record;
  has_rows boolean;
begin
  for r in
    select c.relname,
           string_agg(quote_ident(a.attname), ', ' order by a.attnum) filter (where a.attgenerated = '') as columns
      from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where c.relnamespace = '${app}'::regnamespace and c.relkind = 'r'
      group by c.relname
  loop
    execute format('select exists (select from ${app}.%I)', r.relname) into has_rows;
    if has_rows then
      execute format('create table ${POOL_SCHEMA}.%I as select %s from ${app}.%I', r.relname, r.columns, r.relname);
      insert into ${POOL_SCHEMA}.kept_tables values (r.relname, r.columns);
    end if;
  end loop;
  for r in select c.oid::regclass::text as name from pg_class c where c.relnamespace = '${app}'::regnamespace and c.relkind = 'S' loop
    execute format('insert into ${POOL_SCHEMA}.kept_sequences select %L, last_value, is_called from %s', r.name, r.name);
  end loop;
end
$keep$;

create table ${POOL_SCHEMA}.template as select ${POOL_SCHEMA}.fingerprint() as fingerprint;
commit;
`,
  );
}

/**
 * Puts a pooled database back as its template left it. False when that is not possible: its
 * structure differs from the template's (a test changed it), or the reset failed (for example
 * without the superuser right to skip foreign-key checks); the caller drops it then.
 */
export async function resetPooledDatabase(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TEST_ACQUIRE_TIMEOUT_MS });
  try {
    await client.connect();
    // Connections a test left open would hold locks the reset waits for.
    await client.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    await client.query('begin');
    await client.query(`select ${POOL_SCHEMA}.reset()`);
    const { rows } = await client.query<{ same: boolean }>(
      `select ${POOL_SCHEMA}.fingerprint() = (select fingerprint from ${POOL_SCHEMA}.template) as same`,
    );
    if (!rows[0]?.same) {
      await client.query('rollback');
      return false;
    }
    await client.query('commit');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The table in the admin database that says which pooled databases a run has and which are free. */
export async function createPoolTable(adminUrl: string, table: string): Promise<void> {
  await adminQuery(adminUrl, `create table ${ident(table)} (name text primary key, template text not null, free boolean not null)`);
}

/** A free database copied from `template`, taken from the pool or made (and entered) when none is free. */
export async function takePooledDatabase(adminUrl: string, table: string, template: string, newName: () => string): Promise<string> {
  const pool = ident(table);
  return withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `update ${pool} set free = false
        where name = (select name from ${pool} where template = $1 and free limit 1 for update skip locked)
        returning name`,
      [template],
    );
    if (rows[0]) return rows[0].name;
    const name = ident(newName());
    await client.query(`create database ${name} template ${ident(template)}`);
    await client.query(`insert into ${pool} (name, template, free) values ($1, $2, false)`, [name, template]);
    return name;
  });
}

/** Gives a database back: reset and free for the next test, or dropped when it cannot be reset. */
export async function returnPooledDatabase(adminUrl: string, table: string, name: string, url: string): Promise<'returned' | 'dropped'> {
  const pool = ident(table);
  if (await resetPooledDatabase(url)) {
    await adminQuery(adminUrl, `update ${pool} set free = true where name = '${ident(name)}'`);
    return 'returned';
  }
  await adminQuery(adminUrl, `drop database if exists ${ident(name)} with (force)`);
  await adminQuery(adminUrl, `delete from ${pool} where name = '${ident(name)}'`);
  return 'dropped';
}

/** Drops every database of the pool and the pool's table (the run's teardown). */
export async function dropPool(adminUrl: string, table: string): Promise<void> {
  const pool = ident(table);
  await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ name: string }>(`select name from ${pool}`).catch(() => ({ rows: [] as { name: string }[] }));
    for (const { name } of rows) await client.query(`drop database if exists ${ident(name)} with (force)`);
    await client.query(`drop table if exists ${pool}`);
  });
}

/** A bound for getting a connection in tests, not a duration (ADR 0032): the machine may be busy. */
export const TEST_ACQUIRE_TIMEOUT_MS = 60_000;

/** One connection to `url` for `use`, closed afterwards. */
export async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TEST_ACQUIRE_TIMEOUT_MS });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** One statement on a connection of its own (creating and dropping databases, schemas, tables). */
export async function adminQuery(url: string, text: string): Promise<void> {
  await withClient(url, (client) => client.query(text));
}
