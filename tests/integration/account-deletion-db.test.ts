import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { anonymiseAccount, deletionSituation } from '../../db/repositories/account-deletion';
import { createApplication } from '../../db/repositories/applications';
import { recordLoginAttempt } from '../../db/repositories/login-attempts';
import { saveMemberProfile } from '../../db/repositories/netzwerk';
import { blockMember } from '../../db/repositories/netzwerk-blocks';
import { storeMessage } from '../../db/repositories/netzwerk-messages';
import { addReply, createThread } from '../../db/repositories/netzwerk-topics';
import { createOrganisationStub } from '../../db/repositories/organisations';
import { notify } from '../../db/repositories/advice';
import { createSession } from '../../db/repositories/sessions';
import { createUser, verifyCredentials } from '../../db/repositories/users';
import { networkMember } from '../support/netzwerk';
import { databaseForEachTest } from '../support/temp-db';

/** Deleting one's own account on both dialects (issue 20 Nr. 5, ADR 0074). */
let db: DB;
databaseForEachTest((fresh) => {
  db = fresh.db;
});

const password = 'zwölf Zeichen!';
const meta = {
  title: 'Bürgerrat Testdorf',
  route: null,
  view: 'uebersicht',
  requestedGrantCents: null,
  totalCents: null,
  verdict: null,
  ruleVersion: null,
  unmetCriteria: [],
};

async function applicant(email: string, organisationId: number) {
  return createUser(db, { email, name: 'Erika Muster', password, role: 'applicant', organisationId });
}

describe('account deletion', () => {
  it('tells what the account is tied to: the organisation’s applications and the colleagues who can still sign in', async () => {
    const org = await createOrganisationStub(db, { kind: 'verein', name: 'Testverein', landkreis: 'Meißen' });
    const erika = await applicant('erika@example.org', org.id);
    expect(await deletionSituation(db, erika.id)).toEqual({ role: 'applicant', organisationApplications: 0, otherActiveMembers: 0 });
    const app = await createApplication(db, { organisationId: org.id, userId: erika.id, snapshot: {}, meta });
    expect(await deletionSituation(db, erika.id)).toMatchObject({ organisationApplications: 1, otherActiveMembers: 0 });
    const colleague = await applicant('max@example.org', org.id);
    expect(await deletionSituation(db, erika.id)).toMatchObject({ otherActiveMembers: 1 });
    await db.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('id', '=', colleague.id).execute();
    expect(await deletionSituation(db, erika.id)).toMatchObject({ otherActiveMembers: 0 });
    await db.updateTable('applications').set({ deleted_at: new Date().toISOString() }).where('id', '=', app.id).execute();
    expect(await deletionSituation(db, erika.id)).toMatchObject({ organisationApplications: 0 });
    expect(await deletionSituation(db, 999_999)).toBeNull();
  });

  it('removes the person’s data in one transaction, keeps posts as "Ehemaliges Mitglied" and the organisation’s application', async () => {
    const org = await createOrganisationStub(db, { kind: 'verein', name: 'Testverein', landkreis: 'Meißen' });
    const erika = await applicant('erika@example.org', org.id);
    await applicant('max@example.org', org.id);
    const app = await createApplication(db, { organisationId: org.id, userId: erika.id, snapshot: {}, meta });
    const { id: erikaMember } = await saveMemberProfile(db, erika.id, {
      displayName: 'Testverein Erika',
      role: 'verein',
      landkreis: null,
      methods: [],
      languages: '',
      about: '',
      publicFields: [],
    });
    const other = await networkMember(db, 'other@example.org', 'Gemeinde B');
    const thread = await createThread(db, { authorId: other, category: 'methoden', title: 'Frage', question: false, body: 'Wer weiß?' });
    const postId = await addReply(db, thread.threadId, erikaMember, 'Ich weiß es.');
    await storeMessage(db, erikaMember, other, 'Hallo');
    await storeMessage(db, other, erikaMember, 'Hallo zurück');
    await blockMember(db, other, erikaMember);
    await createSession(db, erika.id, { idleMinutes: 60, absoluteHours: 12 }, { userAgent: null, ip: null });
    await notify(db, {
      userIds: [erika.id],
      applicationId: null,
      kind: 'test',
      text: 'Hinweis',
      link: '/',
      email: { subject: 'S', body: 'B' },
    });
    await recordLoginAttempt(db, { email: 'erika@example.org', ip: null, succeeded: false });

    const outcome = await db.transaction().execute((trx) => anonymiseAccount(trx, erika.id));
    expect(outcome).toEqual({ wasMember: true });

    const row = await db.selectFrom('users').selectAll().where('id', '=', erika.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: `geloescht-${erika.id}@konto.invalid`, name: 'Ehemaliges Konto', password_hash: '!' });
    expect(row.disabled_at).not.toBeNull();
    expect(await verifyCredentials(db, row.email, password)).toBeNull();
    const post = await db.selectFrom('network_posts').select(['author_id', 'body']).where('id', '=', postId).executeTakeFirstOrThrow();
    expect(post).toEqual({ author_id: null, body: 'Ich weiß es.' });
    const count = async (
      table: 'network_members' | 'network_messages' | 'network_member_blocks' | 'sessions' | 'notifications' | 'outbox',
    ) => (await db.selectFrom(table).selectAll().execute()).length;
    expect(await count('network_members')).toBe(1);
    expect(await count('network_messages')).toBe(0);
    expect(await count('network_member_blocks')).toBe(0);
    expect(await count('sessions')).toBe(0);
    expect(await count('notifications')).toBe(0);
    expect(await count('outbox')).toBe(0);
    expect(await db.selectFrom('login_attempts').selectAll().where('email', '=', 'erika@example.org').execute()).toEqual([]);
    const kept = await db
      .selectFrom('applications')
      .select(['id', 'created_by', 'organisation_id'])
      .where('id', '=', app.id)
      .executeTakeFirst();
    expect(kept).toEqual({ id: app.id, created_by: erika.id, organisation_id: org.id });
  });
});
