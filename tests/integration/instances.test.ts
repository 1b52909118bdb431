import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '../../db/client';
import { publishContentVersion } from '../../db/repositories/quality-checks';
import { createParameterChange } from '../../db/repositories/regelwerk';
import { findUserByEmail } from '../../db/repositories/users';
import { qualityCheckContent } from '../../machines/qualitaetscheck/content';
import { appDatabase } from '../support/app-database';

/*
 * What several app instances on one database must share (issue 16, ADR 0036). A second instance
 * is simulated by a fresh module registry on the same database: nothing kept in the first
 * instance's module state reaches it, exactly as with a second process.
 */

let db: DB;
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function start() {
  ({ db, cleanup } = await appDatabase());
  return {
    ministry: (await findUserByEmail(db, 'ministerium@demo.example'))!.id,
    colleague: (await findUserByEmail(db, 'ministerium2@demo.example'))!.id,
  };
}

/** The app modules as another instance would load them (its own caches, the same database). */
async function otherInstance<T>(load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  return load();
}

describe('several instances on one database', () => {
  it('a test bench download prepared on one instance is served by the other, only to its user', async () => {
    const { ministry, colleague } = await start();
    const first = await import('../../app/regelwerk/workbench.server');
    const token = await first.keepDownload(ministry, 'fall.yaml', 'name: Fall\n');
    const second = await otherInstance(() => import('../../app/regelwerk/workbench.server'));
    expect(second).not.toBe(first);
    expect(await second.takeDownload(ministry, token)).toEqual({ fileName: 'fall.yaml', yaml: 'name: Fall\n' });
    expect(await second.takeDownload(colleague, token)).toBeNull();
    expect(await second.takeDownload(ministry, token, new Date(Date.now() + 11 * 60_000))).toBeNull();
  });

  it('a QualitätsCheck content version published through one instance is in force at the other at once', async () => {
    await start();
    const first = await import('../../app/qualitaetscheck/quality-check.server');
    expect((await first.contentArchive()).map((c) => c.version)).toEqual(['2026-1']);
    // Published by "another instance": straight into the database, this module's cache untouched.
    const next = { ...JSON.parse(JSON.stringify(qualityCheckContent)), version: '2026-2' };
    expect((await publishContentVersion(db, { json: next, note: 'Zweite Fassung', userId: null })).ok).toBe(true);
    expect((await first.contentArchive()).map((c) => c.version)).toEqual(['2026-1', '2026-2']);
  });

  it('parameter changes approved at the same moment get distinct publication numbers in order', async () => {
    const { ministry, colleague } = await start();
    const changes = [];
    for (let day = 1; day <= 6; day++) {
      changes.push(
        await createParameterChange(
          db,
          {
            parameterId: 'duration.B',
            value: 3 + day,
            effectiveFrom: `2099-01-0${day}`,
            reference: 'Test',
            note: undefined,
            assumption: undefined,
          },
          ministry,
        ),
      );
    }
    const { publishChange } = await import('../../app/regelwerk/workbench.server');
    const outcomes = await Promise.all(changes.map((c) => publishChange(c.id, colleague)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const rows = await db
      .selectFrom('parameter_changes')
      .select('publication')
      .where('status', '=', 'veroeffentlicht')
      .orderBy('publication')
      .execute();
    expect(rows.map((r) => r.publication)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
