import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { memberByUser } from '../../db/repositories/netzwerk';
import { addReply } from '../../db/repositories/netzwerk-topics';
import { findUserByEmail } from '../../db/repositories/users';
import { appDatabase, TEST_PUBLIC_URL } from '../support/app-database';

/*
 * The daily topic digest (issue 20 Nr. 3, ADR 0072) through the server module on a seeded database
 * of its own, SQLite and PostgreSQL: one e-mail per subscriber and day, also when several runs
 * (instances) overlap. The demo data has thread 1: a question of the Gemeinde Wiesenbach with the
 * advisor's answer, which the Gemeinde has not been told about yet.
 */

let db: DB;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await appDatabase());
});
afterEach(async () => {
  await cleanup();
});

const digestsTo = (address: string) =>
  db
    .selectFrom('outbox')
    .select(['subject', 'body'])
    .where('to_address', '=', address)
    .where('subject', 'like', 'EBBS-Netzwerk:%')
    .execute();

describe('topic digest', () => {
  it('sends each subscriber one digest per day, once under overlapping runs; later replies wait for the next day', async () => {
    const { sendTopicDigests } = await import('../../app/netzwerk/topics.server');
    const day1 = new Date('2027-01-04T07:00:00Z');
    const runs = await Promise.all([sendTopicDigests(day1), sendTopicDigests(day1), sendTopicDigests(day1)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    const mails = await digestsTo('kommune@demo.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('EBBS-Netzwerk: 1 neue Antwort in Ihren Themen');
    expect(mails[0]!.body).toContain(`${TEST_PUBLIC_URL}/netzwerk/themen/1`);
    expect(mails[0]!.body).toContain('von Dr. Ulrike Berg (EBBS-Beratung)');
    // The advisor wrote the only new post itself: nothing for them.
    expect(await digestsTo('beratung@demo.example')).toHaveLength(0);

    const advisor = await memberByUser(db, (await findUserByEmail(db, 'beratung@demo.example'))!.id);
    await addReply(db, 1, advisor!.id, 'Noch ein Hinweis zur Einladung.', new Date('2027-01-04T09:00:00Z'));
    expect(await sendTopicDigests(new Date('2027-01-04T15:00:00Z'))).toBe(0);
    expect(await sendTopicDigests(new Date('2027-01-05T07:00:00Z'))).toBe(1);
    expect(await sendTopicDigests(new Date('2027-01-06T07:00:00Z'))).toBe(0);
    expect(await digestsTo('kommune@demo.example')).toHaveLength(2);
  });
});
