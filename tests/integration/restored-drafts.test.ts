import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { createApplication, findApplication } from '../../db/repositories/applications';
import { findUserByEmail } from '../../db/repositories/users';
import type { ApplicationRow } from '../../db/schema';
import { appDatabase } from '../support/app-database';
import { sampleVereinApplication } from '../support/sample-application';

/*
 * ADR 0088: a stored version of a draft is restored once and then served from memory, for the
 * step context it was refreshed under; its data is frozen, so no request can change what the next
 * one reads. Other content under the same number (a restored backup) is restored anew.
 */

let db: DB;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await appDatabase());
});
afterEach(async () => {
  await cleanup();
});

/** A draft of the Verein's organisation, stored as the wizard stores a new one. */
async function someDraft(): Promise<ApplicationRow> {
  const { freshSnapshot, metaFor, persisted, stepContextFor, evaluateApplication } = await import('../../app/antrag/application.server');
  const user = (await findUserByEmail(db, 'verein@demo.example'))!;
  const data = sampleVereinApplication();
  const context = await stepContextFor(db, null);
  const snapshot = freshSnapshot(data, context);
  const meta = metaFor(snapshot, await evaluateApplication(data, context), context);
  const row = await createApplication(db, { organisationId: user.organisation_id!, userId: user.id, snapshot: persisted(snapshot), meta });
  return (await findApplication(db, row.id))!;
}

describe('restored drafts', () => {
  it('restores a version once and hands the same frozen draft to the next request', async () => {
    const { loadApplication } = await import('../../app/antrag/application.server');
    const row = await someDraft();
    const first = await loadApplication(row);
    const again = await loadApplication({ ...row });
    expect(again.snapshot).toBe(first.snapshot);
    expect(again.row).not.toBe(first.row);
    expect(Object.isFrozen(first.data.project)).toBe(true);
    expect(() => {
      (first.data.project as { title?: string }).title = 'geändert';
    }).toThrow(TypeError);
    expect(() => (first.data.budget.lines as unknown[]).push({})).toThrow(TypeError);
  });

  it('restores anew what differs in version, time or stored text, with the same content', async () => {
    const { loadApplication } = await import('../../app/antrag/application.server');
    const row = await someDraft();
    const first = await loadApplication(row);
    for (const other of [
      { ...row, version: row.version + 1 },
      { ...row, updated_at: '2027-01-01T00:00:00.000Z' },
      { ...row, snapshot: `${row.snapshot} ` },
    ]) {
      const loaded = await loadApplication(other);
      expect(loaded.snapshot).not.toBe(first.snapshot);
      expect(loaded.data).toEqual(first.data);
    }
  });

  it('restores anew when an attachment changes what the steps need', async () => {
    const { loadApplication } = await import('../../app/antrag/application.server');
    const row = await someDraft();
    const first = await loadApplication(row);
    await db
      .insertInto('attachments')
      .values({
        application_id: row.id,
        doc_type: 'satzung-traeger',
        file_name: 'satzung.pdf',
        mime_type: 'application/pdf',
        size_bytes: 4,
        sha256: '0'.repeat(64),
        storage_key: 'test/satzung.pdf',
        uploaded_at: new Date().toISOString(),
        uploaded_by: row.created_by,
        deleted_at: null,
      })
      .execute();
    const after = await loadApplication(row);
    expect(after.context.attachmentTypes).toContain('satzung-traeger');
    expect(after.snapshot).not.toBe(first.snapshot);
  });
});
