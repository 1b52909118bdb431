import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { createApplication } from '../../db/repositories/applications';
import { memberByUser } from '../../db/repositories/netzwerk';
import { blockMember } from '../../db/repositories/netzwerk-blocks';
import { findUserByEmail } from '../../db/repositories/users';
import type { CurrentUser } from '../../app/session.server';
import { appDatabase } from '../support/app-database';

/*
 * The services of ADR 0074 on a seeded database of their own, SQLite and PostgreSQL: mentions skip
 * members who blocked the author; deleting one's own account checks the password (throttled like the
 * sign-in), refuses staff accounts and deletes in one transaction.
 */

let db: DB;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await appDatabase());
});
afterEach(async () => {
  await cleanup();
});

const demoPassword = 'Demo-Passwort-2026';

async function currentUser(email: string): Promise<CurrentUser> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new Error(`no demo account ${email}`);
  return { ...user, organisationName: null, sessionId: 'x', idleDeadline: new Date().toISOString() };
}

describe('mentions and personal blocks', () => {
  it('tells a mentioned member nothing when that member blocked the author', async () => {
    const { tellMentioned } = await import('../../app/netzwerk/topics.server');
    const kommune = (await memberByUser(db, (await currentUser('kommune@demo.example')).id))!;
    const beratung = (await memberByUser(db, (await currentUser('beratung@demo.example')).id))!;
    const mentionNotices = () =>
      db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', beratung.userId)
        .where('kind', '=', 'netzwerk.erwaehnung')
        .execute();
    const before = (await mentionNotices()).length;
    await blockMember(db, beratung.id, kommune.id);
    await db.transaction().execute((trx) => tellMentioned(trx, kommune, [beratung], { id: 1, title: 'Frage' }, 1));
    expect(await mentionNotices()).toHaveLength(before);
    const blockerMails = await db
      .selectFrom('outbox')
      .select('id')
      .where('to_user_id', '=', beratung.userId)
      .where('subject', 'like', 'Sie wurden%')
      .execute();
    expect(blockerMails).toHaveLength(0);
    // The other way round (the author blocked nobody who is mentioned) the notice is sent.
    await db.transaction().execute((trx) => tellMentioned(trx, beratung, [kommune], { id: 1, title: 'Frage' }, 1));
    const told = await db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', kommune.userId)
      .where('kind', '=', 'netzwerk.erwaehnung')
      .execute();
    expect(told.length).toBeGreaterThan(0);
  });
});

describe('deleting one’s own account', () => {
  it('changes nothing on a wrong password, throttles after five, refuses staff, and deletes with the right one', async () => {
    const { deleteOwnAccount } = await import('../../app/konto/account-deletion.server');
    const kommune2 = await currentUser('kommune2@demo.example');
    expect(await deleteOwnAccount(kommune2, 'falsch', null)).toEqual({ status: 'wrong-password' });
    expect((await findUserByEmail(db, 'kommune2@demo.example'))?.name).toBe(kommune2.name);
    expect(await deleteOwnAccount(await currentUser('beratung@demo.example'), demoPassword, null)).toMatchObject({ status: 'refused' });

    expect(await deleteOwnAccount(kommune2, demoPassword, null)).toEqual({ status: 'deleted' });
    expect(await findUserByEmail(db, 'kommune2@demo.example')).toBeUndefined();
    const row = await db.selectFrom('users').select(['name', 'disabled_at']).where('id', '=', kommune2.id).executeTakeFirstOrThrow();
    expect(row.name).toBe('Ehemaliges Konto');
    const audit = await db.selectFrom('audit_events').select(['details']).where('action', '=', 'user.deleted').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).not.toContain('kommune2');

    // The Gemeinde's last person may not go while the Gemeinde has an application.
    const kommune = await currentUser('kommune@demo.example');
    await createApplication(db, {
      organisationId: kommune.organisation_id!,
      userId: kommune.id,
      snapshot: {},
      meta: {
        title: 'Bürgerrat',
        route: null,
        view: 'uebersicht',
        requestedGrantCents: null,
        totalCents: null,
        verdict: null,
        ruleVersion: null,
        unmetCriteria: [],
      },
    });
    expect(await deleteOwnAccount(kommune, demoPassword, null)).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/einzige Person/),
    });
    for (let i = 0; i < 5; i++) await deleteOwnAccount(kommune, 'falsch', null);
    expect(await deleteOwnAccount(kommune, demoPassword, null)).toMatchObject({ status: 'throttled' });
  });
});
