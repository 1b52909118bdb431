import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen: editorial content of the participation hub (issue 17 Nr. 4, ADR 0073). An entry is a method
// or a good example, addressed by (kind, slug); its content lives in numbered versions (JSON in the
// shape of the kind's zod schema). The public sees the published version unless the entry is archived;
// editors work on one open draft per entry, which goes to review and is then published.
export async function up(db: Kysely<any>): Promise<void> {
  const T = columnTypes(db);
  await db.schema
    .createTable('content_entries')
    .addColumn('id', 'integer', T.id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    /** 'programm' (shipped with the release), 'redaktion' (written by an editor). */
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('published_version', 'integer')
    .addColumn('draft_version', 'integer')
    /** null (no open draft), 'entwurf' or 'pruefung'. */
    .addColumn('draft_state', 'text')
    .addColumn('archived_at', T.timestamp)
    .addColumn('archived_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('updated_at', T.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('content_entries_kind_slug', ['kind', 'slug'])
    .execute();
  await db.schema
    .createTable('content_versions')
    .addColumn('id', 'integer', T.id)
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('content_entries.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', T.timestamp, (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', T.timestamp)
    .addColumn('published_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', T.timestamp)
    /** What changed and why, written when the draft goes to review; a returned draft keeps the reason. */
    .addColumn('note', 'text')
    .addUniqueConstraint('content_versions_entry_number', ['entry_id', 'number'])
    .execute();
  await db.schema
    .createTable('content_images')
    .addColumn('id', 'integer', T.id)
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('content_entries.id').onDelete('cascade'))
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', T.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('content_images').execute();
  await db.schema.dropTable('content_versions').execute();
  await db.schema.dropTable('content_entries').execute();
}
