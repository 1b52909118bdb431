import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { createApplication } from '../../db/repositories/applications';
import {
  addThreadHint,
  contextOfThread,
  hintsOf,
  pointableThread,
  questionsFromApplication,
  saveThreadContext,
} from '../../db/repositories/netzwerk-context';
import { createThread, moderatePost, threadPosts } from '../../db/repositories/netzwerk-topics';
import { findUserByEmail } from '../../db/repositories/users';
import { seedDemoData } from '../../db/seed';
import { networkMember } from '../support/netzwerk';
import { databaseForEachTest } from '../support/temp-db';

let db: DB;
databaseForEachTest(async (fresh) => {
  db = fresh.db;
  await seedDemoData(db);
});

const meta = {
  title: 'T',
  route: 'A1.1',
  view: 'uebersicht',
  requestedGrantCents: null,
  totalCents: null,
  verdict: null,
  ruleVersion: null,
  unmetCriteria: [],
};

async function draft() {
  const kommune = (await findUserByEmail(db, 'kommune@demo.example'))!;
  const row = await createApplication(db, { organisationId: kommune.organisation_id!, userId: kommune.id, snapshot: {}, meta });
  return { row, kommune };
}

const context = {
  stepTitle: 'Kosten und Finanzierung',
  routeLabel: 'Einzelvorhaben (FRL Teil 2 A II Nr. 1.1)',
  formats: ['Bürgerrat (Losverfahren)', 'Workshop'],
};

describe('questions from the work (issue 20 Nr. 6, ADR 0075)', () => {
  it('stores a thread context and finds the asker\u2019s questions of one draft', async () => {
    const { row } = await draft();
    const asker = await networkMember(db, 'frage@example.org', 'Fragende Gemeinde');
    const other = await networkMember(db, 'andere@example.org', 'Andere Gemeinde');
    const asked = await createThread(db, { authorId: asker, category: 'foerderung', title: 'Eigenanteil?', question: true, body: 'Wie?' });
    await saveThreadContext(db, { threadId: asked.threadId, applicationId: row.id, step: 'kosten', context });
    const plain = await createThread(db, { authorId: asker, category: 'foerderung', title: 'Ohne Kontext', question: true, body: 'Wie?' });
    expect(await contextOfThread(db, asked.threadId)).toEqual(context);
    expect(await contextOfThread(db, plain.threadId)).toBeNull();
    expect(await questionsFromApplication(db, row.id, asker)).toEqual([
      { threadId: asked.threadId, title: 'Eigenanteil?', step: 'kosten', replies: 0 },
    ]);
    expect(await questionsFromApplication(db, row.id, other)).toEqual([]);
  });

  it('keeps an empty list of formats and no route as null', async () => {
    const { row } = await draft();
    const asker = await networkMember(db, 'frage@example.org', 'Fragende Gemeinde');
    const asked = await createThread(db, { authorId: asker, category: 'foerderung', title: 'Früh gefragt', question: true, body: 'Wie?' });
    const bare = { stepTitle: 'Vorhaben', routeLabel: null, formats: [] };
    await saveThreadContext(db, { threadId: asked.threadId, applicationId: row.id, step: 'vorhaben', context: bare });
    expect(await contextOfThread(db, asked.threadId)).toEqual(bare);
  });

  it('points a draft to visible threads only; a hint disappears when the thread\u2019s opening is hidden', async () => {
    const { row } = await draft();
    const advisor = (await findUserByEmail(db, 'beratung@demo.example'))!;
    const author = await networkMember(db, 'autor@example.org', 'Autor');
    const thread = await createThread(db, {
      authorId: author,
      category: 'methoden',
      title: 'Losverfahren',
      question: false,
      body: 'So geht es.',
    });
    expect(await pointableThread(db, thread.threadId)).toEqual({ id: thread.threadId, title: 'Losverfahren' });
    expect(await pointableThread(db, 999_999)).toBeNull();
    await addThreadHint(db, { applicationId: row.id, threadId: thread.threadId, advisorUserId: advisor.id, note: 'Bitte lesen.' });
    const hints = await hintsOf(db, row.id);
    expect(hints).toMatchObject([{ threadId: thread.threadId, title: 'Losverfahren', note: 'Bitte lesen.', advisorName: advisor.name }]);

    const { opening } = await threadPosts(db, thread.threadId, 10, 0);
    const hidden = await moderatePost(db, opening!.id, opening!.version, 'hide', 'Werbung');
    expect(hidden).toBeTruthy();
    expect(await pointableThread(db, thread.threadId)).toBeNull();
    expect(await hintsOf(db, row.id)).toEqual([]);
  });

  it('removes hints and keeps the thread\u2019s context (without the draft) when a draft is deleted for good', async () => {
    const { row } = await draft();
    const asker = await networkMember(db, 'frage@example.org', 'Fragende Gemeinde');
    const asked = await createThread(db, { authorId: asker, category: 'foerderung', title: 'Eigenanteil?', question: true, body: 'Wie?' });
    await saveThreadContext(db, { threadId: asked.threadId, applicationId: row.id, step: 'kosten', context });
    await addThreadHint(db, { applicationId: row.id, threadId: asked.threadId, advisorUserId: null, note: null });
    // As the housekeeping purges a draft from the bin (db/repositories/housekeeping.ts).
    await db.deleteFrom('applications').where('id', '=', row.id).execute();
    expect(await contextOfThread(db, asked.threadId)).toEqual(context);
    expect(await questionsFromApplication(db, row.id, asker)).toEqual([]);
    expect(await db.selectFrom('application_thread_hints').selectAll().execute()).toEqual([]);
  });
});
