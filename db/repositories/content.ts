import type { Kysely, Transaction } from 'kysely';
import type { ContentEntryRow, ContentImageRow, ContentVersionRow, Database } from '../schema';
import { parseLooseJson } from '../json';

/**
 * Editorial content (ADR 0073): entries (a method or a good example) with numbered versions. Every
 * change of an entry's workflow columns is guarded by the entry's `version` as read, and bumps it;
 * a `false` result means someone else acted first and nothing was written.
 */

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * A stored content document, decoded: unreadable text reads as null. Its shape depends on the kind and
 * is checked by the caller (`checkContent` in machines/methoden/content-kinds), which also reports it.
 */
const decode = parseLooseJson;

/** An entry and its version 1 in one go; null when (kind, slug) is taken (then nothing is written). */
async function insertEntry(
  db: Transaction<Database>,
  entry: { kind: string; slug: string; origin: string; published: boolean },
  content: unknown,
  userId: number | null,
  now: Date,
): Promise<number | null> {
  const at = now.toISOString();
  const inserted = await db
    .insertInto('content_entries')
    .values({
      kind: entry.kind,
      slug: entry.slug,
      origin: entry.origin,
      ...(entry.published ? { published_version: 1 } : { draft_version: 1, draft_state: 'entwurf' }),
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['kind', 'slug']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  await db
    .insertInto('content_versions')
    .values({
      entry_id: inserted.id,
      number: 1,
      content: JSON.stringify(content),
      created_by: userId,
      created_at: at,
      updated_by: userId,
      updated_at: at,
      published_at: entry.published ? at : null,
    })
    .execute();
  return inserted.id;
}

/** A release's own content, added once (two instances starting at once: one insert wins). */
export async function insertProgramEntry(
  db: Transaction<Database>,
  input: { kind: string; slug: string; content: unknown },
  now = new Date(),
): Promise<boolean> {
  return (
    (await insertEntry(db, { kind: input.kind, slug: input.slug, origin: 'programm', published: true }, input.content, null, now)) !== null
  );
}

export async function countEntries(db: Executor, kind: string): Promise<number> {
  const row = await db
    .selectFrom('content_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Changes whenever any entry changes: a token that triggers set anew with every insert, update or
 * delete of an entry, in the writing transaction (ADR 0106).
 */
export async function contentStamp(db: Executor): Promise<string> {
  const row = await db.selectFrom('content_stamp').select('token').where('id', '=', 1).executeTakeFirstOrThrow();
  return String(row.token);
}

/** The published content of every public entry of a kind. */
export async function listPublicContent(
  db: Executor,
  kind: string,
): Promise<Array<{ slug: string; content: unknown; publishedAt: string }>> {
  const rows = await db
    .selectFrom('content_entries as e')
    .innerJoin('content_versions as v', (j) => j.onRef('v.entry_id', '=', 'e.id').onRef('v.number', '=', 'e.published_version'))
    .select(['e.slug', 'v.content', 'v.published_at'])
    .where('e.kind', '=', kind)
    .where('e.archived_at', 'is', null)
    .orderBy('e.slug')
    .execute();
  return rows.map((r) => ({ slug: r.slug, content: decode(r.content), publishedAt: String(r.published_at ?? '') }));
}

export interface EntryListRow extends ContentEntryRow {
  /** Decoded; null when there is none or it is unreadable. */
  published_content: unknown;
  draft_content: unknown;
  draft_updated_at: string | null;
}

/** Every entry of a kind for the editors, with the published and the draft content. */
export async function listEntries(db: Executor, kind: string): Promise<EntryListRow[]> {
  const rows = await db
    .selectFrom('content_entries as e')
    .leftJoin('content_versions as p', (j) => j.onRef('p.entry_id', '=', 'e.id').onRef('p.number', '=', 'e.published_version'))
    .leftJoin('content_versions as d', (j) => j.onRef('d.entry_id', '=', 'e.id').onRef('d.number', '=', 'e.draft_version'))
    .selectAll('e')
    .select(['p.content as published_content', 'd.content as draft_content', 'd.updated_at as draft_updated_at'])
    .where('e.kind', '=', kind)
    .orderBy('e.slug')
    .execute();
  return rows.map((r) => ({
    ...r,
    published_content: decode(r.published_content),
    draft_content: decode(r.draft_content),
    draft_updated_at: r.draft_updated_at === null ? null : String(r.draft_updated_at),
  })) as EntryListRow[];
}

export async function findEntry(db: Executor, kind: string, slug: string): Promise<ContentEntryRow | undefined> {
  return db.selectFrom('content_entries').selectAll().where('kind', '=', kind).where('slug', '=', slug).executeTakeFirst();
}

export interface VersionWithNames extends Omit<ContentVersionRow, 'content'> {
  /** Decoded; null when unreadable. */
  content: unknown;
  created_by_name: string | null;
  updated_by_name: string | null;
  submitted_by_name: string | null;
  published_by_name: string | null;
}

/** Every version of an entry, newest first, with the names of who did what. */
export async function listVersions(db: Executor, entryId: number): Promise<VersionWithNames[]> {
  const rows = await db
    .selectFrom('content_versions as v')
    .leftJoin('users as c', 'c.id', 'v.created_by')
    .leftJoin('users as u', 'u.id', 'v.updated_by')
    .leftJoin('users as s', 's.id', 'v.submitted_by')
    .leftJoin('users as p', 'p.id', 'v.published_by')
    .selectAll('v')
    .select(['c.name as created_by_name', 'u.name as updated_by_name', 's.name as submitted_by_name', 'p.name as published_by_name'])
    .where('v.entry_id', '=', entryId)
    .orderBy('v.number', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, content: decode(r.content) })) as VersionWithNames[];
}

/** A new entry written by an editor: version 1 as an open draft, nothing public yet. */
export async function createEntry(
  db: Transaction<Database>,
  input: { kind: string; slug: string; content: unknown; userId: number },
  now = new Date(),
): Promise<number | null> {
  return insertEntry(db, { kind: input.kind, slug: input.slug, origin: 'redaktion', published: false }, input.content, input.userId, now);
}

/** Claims the entry for a change: bumps its version if it is still the one read. */
async function claim(db: Executor, entryId: number, expectedVersion: number, set: Record<string, unknown>, now: Date): Promise<boolean> {
  const updated = await db
    .updateTable('content_entries')
    .set((eb) => ({ ...set, updated_at: now.toISOString(), version: eb('version', '+', 1) }))
    .where('id', '=', entryId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/**
 * Saves the open draft, or opens one (a new version after the highest) when there is none. The
 * draft goes back to "entwurf" (a returned draft's reason stays on the version).
 */
export async function saveDraft(
  db: Transaction<Database>,
  input: { entry: ContentEntryRow; expectedVersion: number; content: unknown; userId: number },
  now = new Date(),
): Promise<boolean> {
  const at = now.toISOString();
  const content = JSON.stringify(input.content);
  if (input.entry.draft_version !== null) {
    if (!(await claim(db, input.entry.id, input.expectedVersion, { draft_state: 'entwurf' }, now))) return false;
    await db
      .updateTable('content_versions')
      .set({ content, updated_by: input.userId, updated_at: at })
      .where('entry_id', '=', input.entry.id)
      .where('number', '=', input.entry.draft_version)
      .execute();
    return true;
  }
  const highest = await db
    .selectFrom('content_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('entry_id', '=', input.entry.id)
    .executeTakeFirst();
  const number = Number(highest?.n ?? 0) + 1;
  if (!(await claim(db, input.entry.id, input.expectedVersion, { draft_version: number, draft_state: 'entwurf' }, now))) return false;
  await db
    .insertInto('content_versions')
    .values({
      entry_id: input.entry.id,
      number,
      content,
      created_by: input.userId,
      created_at: at,
      updated_by: input.userId,
      updated_at: at,
    })
    .execute();
  return true;
}

/** Sends the draft to review (with the editor's note) or returns it (with the reviewer's reason). */
export async function moveDraft(
  db: Transaction<Database>,
  input: { entry: ContentEntryRow; expectedVersion: number; to: 'pruefung' | 'entwurf'; note: string; userId: number },
  now = new Date(),
): Promise<boolean> {
  if (input.entry.draft_version === null) return false;
  if (!(await claim(db, input.entry.id, input.expectedVersion, { draft_state: input.to }, now))) return false;
  await db
    .updateTable('content_versions')
    .set(
      input.to === 'pruefung'
        ? { note: input.note, submitted_by: input.userId, submitted_at: now.toISOString() }
        : { note: input.note, submitted_by: null, submitted_at: null },
    )
    .where('entry_id', '=', input.entry.id)
    .where('number', '=', input.entry.draft_version)
    .execute();
  return true;
}

/** The draft becomes the published version (and the entry public again if it was archived). */
export async function publishDraft(
  db: Transaction<Database>,
  input: { entry: ContentEntryRow; expectedVersion: number; userId: number },
  now = new Date(),
): Promise<boolean> {
  const number = input.entry.draft_version;
  if (number === null) return false;
  const set = { published_version: number, draft_version: null, draft_state: null, archived_at: null, archived_by: null };
  if (!(await claim(db, input.entry.id, input.expectedVersion, set, now))) return false;
  await db
    .updateTable('content_versions')
    .set({ published_by: input.userId, published_at: now.toISOString() })
    .where('entry_id', '=', input.entry.id)
    .where('number', '=', number)
    .execute();
  return true;
}

/** Drops the open draft; the published version stays as it was. */
export async function discardDraft(
  db: Transaction<Database>,
  input: { entry: ContentEntryRow; expectedVersion: number },
  now = new Date(),
): Promise<boolean> {
  const number = input.entry.draft_version;
  if (number === null) return false;
  if (!(await claim(db, input.entry.id, input.expectedVersion, { draft_version: null, draft_state: null }, now))) return false;
  await db.deleteFrom('content_versions').where('entry_id', '=', input.entry.id).where('number', '=', number).execute();
  return true;
}

export async function setArchived(
  db: Executor,
  input: { entry: ContentEntryRow; expectedVersion: number; archived: boolean; userId: number },
  now = new Date(),
): Promise<boolean> {
  return claim(
    db,
    input.entry.id,
    input.expectedVersion,
    input.archived ? { archived_at: now.toISOString(), archived_by: input.userId } : { archived_at: null, archived_by: null },
    now,
  );
}

// ---- images -------------------------------------------------------------------------------------

export async function insertImage(db: Executor, input: Omit<ContentImageRow, 'id'>): Promise<number> {
  const row = await db.insertInto('content_images').values(input).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findImage(db: Executor, id: number): Promise<ContentImageRow | undefined> {
  return db.selectFrom('content_images').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The published content of a public (not archived) entry, decoded; undefined when there is none. */
export async function publicContentOf(db: Executor, entryId: number): Promise<unknown> {
  const row = await db
    .selectFrom('content_entries as e')
    .innerJoin('content_versions as v', (j) => j.onRef('v.entry_id', '=', 'e.id').onRef('v.number', '=', 'e.published_version'))
    .select(['v.content'])
    .where('e.id', '=', entryId)
    .where('e.archived_at', 'is', null)
    .executeTakeFirst();
  return row ? decode(row.content) : undefined;
}
