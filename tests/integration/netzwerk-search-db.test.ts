import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { clearSearchDocuments, SEARCH_FORMAT, searchContent, upsertSearchDocument } from '../../db/repositories/content-search';
import { indexMissingThreads, THREAD_KIND, THREAD_TITLE_KIND } from '../../db/repositories/netzwerk-search';
import {
  addReply,
  createThread,
  editPost,
  excerptAround,
  moderatePost,
  SEARCH_HIT_LIMIT,
  searchThreads,
} from '../../db/repositories/netzwerk-topics';
import type { TopicCategory } from '../../machines/netzwerk/topics';
import { stem } from '../../machines/shared/search';
import { networkMember } from '../support/netzwerk';
import { databaseForEachTest } from '../support/temp-db';

// Runs on SQLite and (TEST_DIALECT=postgres) on PostgreSQL: the ranked thread search of ADR 0076.
let db: DB;
databaseForEachTest((fresh) => {
  db = fresh.db;
});

const at = (minutes: number) => new Date(Date.parse('2027-01-04T10:00:00.000Z') + minutes * 60_000);

async function thread(authorId: number, title: string, body: string, category: TopicCategory = 'methoden', minutes = 0) {
  return createThread(db, { authorId, category, title, question: false, body }, at(minutes));
}

const ids = async (q: string, category: TopicCategory | null = null) =>
  (await searchThreads(db, { category, q }, 30)).threads.map((t) => t.id);

describe('thread search (issue 20 Nr. 3, ADR 0076)', () => {
  it('finds a thread by another form of a word in a reply, and filters by category', async () => {
    const a = await networkMember(db, 'a@example.org', 'Gemeinde A');
    const b = await networkMember(db, 'b@example.org', 'Verein B');
    const council = await thread(a, 'Bürgerrat in kleinen Orten', 'Wie viele Menschen laden wir ein?');
    const privacy = await thread(b, 'Datenschutz bei Fotos', 'Brauchen wir Einwilligungen?', 'recht', 1);
    await addReply(db, council.threadId, b, 'Wir haben die Jugendlichen gesondert angeschrieben.', at(2));
    // "Jugendliche" is in no title and no opening post; the stem of "Jugendlicher" finds the reply.
    expect(await ids('Jugendlicher')).toEqual([council.threadId]);
    expect(await ids('Einwilligung')).toEqual([privacy.threadId]);
    expect(await ids('Einwilligung', 'recht')).toEqual([privacy.threadId]);
    expect(await ids('Jugendlicher', 'recht')).toEqual([]);
    expect(await ids('Quantenphysik')).toEqual([]);
    const page = await searchThreads(db, { category: null, q: 'Jugendlicher' }, 30);
    expect(page.total).toBe(1);
    expect(page.threads[0]).toMatchObject({ title: 'Bürgerrat in kleinen Orten', replies: 1, authorName: 'Gemeinde A' });
    expect(page.threads[0]!.excerpt).toMatchObject({ opening: false, text: 'Wir haben die Jugendlichen gesondert angeschrieben.' });
  });

  it('ranks a title hit above threads that have the word only in their text, and more query words above fewer', async () => {
    const a = await networkMember(db, 'a@example.org', 'Gemeinde A');
    // The body hits come first and repeat the word: the title hit must still win.
    const inReply = await thread(a, 'Erfahrungen aus Pirna', 'Kurzer Bericht.', 'methoden', 0);
    await addReply(db, inReply.threadId, a, 'Die Zukunftswerkstatt lief gut. Zukunftswerkstatt wieder!', at(1));
    const inOpening = await thread(a, 'Abendveranstaltung', 'Eine Zukunftswerkstatt mit Zukunftswerkstatt-Plakaten.', 'methoden', 2);
    const inTitle = await thread(
      a,
      'Zukunftswerkstatt im Dorf',
      'Ein langer Text über vieles andere: Räume, Einladungen, Moderation, Catering, Zeitplan und Nachbereitung.',
      'methoden',
      3,
    );
    expect(await ids('Zukunftswerkstatt')).toEqual([inTitle.threadId, inOpening.threadId, inReply.threadId]);
    // Two query words in one thread beat one word in a title.
    const both = await thread(a, 'Nachbereitung', 'Die Zukunftswerkstatt braucht eine Dokumentation.', 'methoden', 4);
    expect((await ids('Zukunftswerkstatt Dokumentation'))[0]).toBe(both.threadId);
  });

  it('a hidden post is not findable until it is restored; the title stays findable', async () => {
    const a = await networkMember(db, 'a@example.org', 'Gemeinde A');
    const b = await networkMember(db, 'b@example.org', 'Verein B');
    const t = await thread(a, 'Losverfahren', 'Wer hat Erfahrung?');
    const spam = await addReply(db, t.threadId, b, 'Billige Sonnenbrillen hier kaufen', at(1));
    expect(await ids('Sonnenbrille')).toEqual([t.threadId]);
    expect(await moderatePost(db, spam, 0, 'hide', 'Werbung', at(2))).toBe(true);
    expect(await ids('Sonnenbrille')).toEqual([]);
    expect(await ids('Losverfahren')).toEqual([t.threadId]);
    // Hiding the opening post hides its words, not the thread's title.
    expect(await moderatePost(db, t.postId, 0, 'hide', 'Test', at(3))).toBe(true);
    expect(await ids('Erfahrung')).toEqual([]);
    expect(await ids('Losverfahren')).toEqual([t.threadId]);
    expect(await moderatePost(db, spam, 1, 'restore', 'Irrtum', at(4))).toBe(true);
    expect(await ids('Sonnenbrille')).toEqual([t.threadId]);
  });

  it('an edited reply is indexed with its new text, in the transaction of the edit', async () => {
    const a = await networkMember(db, 'a@example.org', 'Gemeinde A');
    const t = await thread(a, 'Einladungen', 'Wie laden wir ein?');
    const reply = await addReply(db, t.threadId, a, 'Per Postwurfsendung an alle Haushalte.', at(1));
    expect(await ids('Postwurfsendung')).toEqual([t.threadId]);
    expect(await editPost(db, reply, 0, 'Per Aushang im Schaukasten.', at(2))).toBe(true);
    expect(await ids('Postwurfsendung')).toEqual([]);
    expect(await ids('Schaukasten')).toEqual([t.threadId]);
    // A rolled-back edit leaves the index as it was.
    await expect(
      db.transaction().execute(async (trx) => {
        await editPost(trx, reply, 1, 'Per Lautsprecherwagen.', at(3));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await ids('Lautsprecherwagen')).toEqual([]);
    expect(await ids('Schaukasten')).toEqual([t.threadId]);
  });

  it('two replies and an edit in one thread at once: every change is indexed, none fails', async () => {
    const a = await networkMember(db, 'a@example.org', 'Gemeinde A');
    const b = await networkMember(db, 'b@example.org', 'Verein B');
    const t = await thread(a, 'Gleichzeitig', 'Erster Text ohne Stichwort.');
    await Promise.all([
      db.transaction().execute((trx) => addReply(trx, t.threadId, a, 'Antwort über Streuobstwiesen.', at(1))),
      db.transaction().execute((trx) => addReply(trx, t.threadId, b, 'Antwort über Kräutergärten.', at(1))),
      db.transaction().execute((trx) => editPost(trx, t.postId, 0, 'Erster Text über Bienenweiden.', at(1))),
    ]);
    for (const q of ['Streuobstwiese', 'Kräutergarten', 'Bienenweide']) expect(await ids(q), q).toEqual([t.threadId]);
    // More rounds of the same race (on PostgreSQL it once ended in "deadlock detected": each reply's
    // insert held a key-share lock on the thread that the re-indexing's FOR UPDATE waited for).
    const words = ['Hecken', 'Teiche', 'Wiesen', 'Felder'];
    for (const [round, word] of words.entries()) {
      await Promise.all([
        ...[a, b, a].map((who, i) => db.transaction().execute((trx) => addReply(trx, t.threadId, who, `${word} ${i}`, at(2 + round)))),
        db.transaction().execute((trx) => editPost(trx, t.postId, round + 1, `Erster Text über ${word}.`, at(2 + round))),
      ]);
    }
    expect(await ids('Felder'), 'the last edit and the replies of every round are indexed').toEqual([t.threadId]);
    expect(await ids('Bienenweide'), 'the edited text is gone').toEqual([]);
  });

  it('pages through the ranked list, counts within the category, and answers bad input with nothing', async () => {
    const a = await networkMember(db, 'a@example.org', 'Gemeinde A');
    const made: number[] = [];
    for (let i = 0; i < 7; i++) made.push((await thread(a, `Haushalt ${i}`, 'Bürgerhaushalt', i % 2 ? 'recht' : 'methoden', i)).threadId);
    const first = await searchThreads(db, { category: null, q: 'Bürgerhaushalt' }, 3, 0);
    const second = await searchThreads(db, { category: null, q: 'Bürgerhaushalt' }, 3, 3);
    const third = await searchThreads(db, { category: null, q: 'Bürgerhaushalt' }, 3, 6);
    expect([first.total, second.total, third.total]).toEqual([7, 7, 7]);
    const paged = [...first.threads, ...second.threads, ...third.threads].map((t) => t.id);
    expect([...paged].sort((x, y) => x - y)).toEqual(made);
    expect((await searchThreads(db, { category: 'recht', q: 'Bürgerhaushalt' }, 30)).total).toBe(3);
    for (const q of ['', '!!! ??? …', '%', 'x'.repeat(10_000), "' or 1=1 --", '"*"', 'und die der'])
      expect(await searchThreads(db, { category: null, q }, 30)).toEqual({ total: 0, capped: false, threads: [] });
    expect(SEARCH_HIT_LIMIT).toBeGreaterThan(50);
  });

  it('indexes threads written before the index existed, once', async () => {
    const a = await networkMember(db, 'a@example.org', 'Gemeinde A');
    const t = await thread(a, 'Planungszelle', 'Erfahrungen?');
    await addReply(db, t.threadId, a, 'Wir hatten eine Moderatorin aus Leipzig.', at(1));
    await clearSearchDocuments(db, [THREAD_KIND, THREAD_TITLE_KIND]);
    expect(await ids('Leipzig')).toEqual([]);
    expect(await indexMissingThreads(db)).toBe(1);
    expect(await ids('Leipzig')).toEqual([t.threadId]);
    expect(await indexMissingThreads(db)).toBe(0);
    expect((await searchContent(db, THREAD_TITLE_KIND, [stem('Planungszelle')])).map((h) => h.id)).toEqual([String(t.threadId)]);
  });

  it('re-indexes every thread once when the documents were made with another way of stemming', async () => {
    const a = await networkMember(db, 'a@example.org', 'Gemeinde A');
    const first = await thread(a, 'Planungszelle', 'Erfahrungen?');
    const second = await thread(a, 'Bürgerrat', 'Wer hat gelost?', 'methoden', 1);
    // The first start records the format; nothing is missing, so nothing is indexed.
    expect(await indexMissingThreads(db)).toBe(0);
    const state = () => db.selectFrom('content_search_state').select('stamp').where('kind', '=', THREAD_KIND).executeTakeFirst();
    expect((await state())?.stamp).toBe(String(SEARCH_FORMAT));
    // Documents of an older format: stems that today's code would not ask for.
    for (const t of [first, second])
      await upsertSearchDocument(db, THREAD_KIND, { id: String(t.threadId), fields: [{ text: 'veraltet', weight: 1 }] });
    await db
      .updateTable('content_search_state')
      .set({ stamp: String(SEARCH_FORMAT - 1) })
      .where('kind', '=', THREAD_KIND)
      .execute();
    expect(await ids('Erfahrungen')).toEqual([]);
    expect(await indexMissingThreads(db)).toBe(2);
    expect(await ids('Erfahrungen')).toEqual([first.threadId]);
    expect(await ids('gelost')).toEqual([second.threadId]);
    expect((await state())?.stamp).toBe(String(SEARCH_FORMAT));
    expect(await indexMissingThreads(db)).toBe(0);
  });
});

describe('excerptAround', () => {
  it('cuts about two lines around the first match at spaces, marked with ellipses', () => {
    const body = `${'Vorher '.repeat(40)}der Jugendbeirat tagt monatlich ${'nachher '.repeat(40)}`.trim();
    const text = excerptAround(body, ['jugend']);
    expect(text).toContain('der Jugendbeirat tagt monatlich');
    expect(text.startsWith('… Vorher')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text.length).toBeLessThan(200);
    expect(excerptAround('Kurz und gut.', ['jugend'])).toBe('Kurz und gut.');
  });
});
