import { describe, expect, it } from 'vitest';
import {
  acceptedAfter,
  digestMail,
  findMentions,
  mentionHandle,
  mentionProblem,
  moderationSchema,
  postsPerHour,
  rateLimitPost,
  refuseAccept,
  refuseEdit,
  refuseModeration,
  refuseReport,
  refuseUseful,
  replySchema,
  threadFilter,
  threadSchema,
  visibleBody,
  type PostState,
  type ThreadState,
} from '../../machines/netzwerk/topics';

const members = [
  { id: 1, name: 'Gemeinde Wiesenbach' },
  { id: 2, name: 'Dr. Ulrike Berg (EBBS-Beratung)' },
  { id: 3, name: 'Gemeinde' },
  { id: 4, name: 'Verein Miteinander e.V.' },
];

const messages = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);

describe('topic forms (issue 20 Nr. 3)', () => {
  it('needs a category, a title, a text and the question answer; German messages', () => {
    expect(messages(threadSchema.safeParse({}))).toEqual([
      'Bitte wählen Sie eine Kategorie.',
      'Bitte geben Sie die Überschrift des Themas an.',
      'Bitte schreiben Sie einen Text.',
      'Bitte geben Sie an, ob Sie eine Frage stellen.',
    ]);
    const ok = threadSchema.safeParse({ category: 'recht', title: '  Datenschutz  bei Umfragen ', body: 'Wie?\n\nDanke', question: 'ja' });
    expect(ok.success && ok.data).toEqual({ category: 'recht', title: 'Datenschutz bei Umfragen', body: 'Wie?\n\nDanke', question: 'ja' });
    expect(messages(threadSchema.safeParse({ category: 'sonstiges', title: 'x', body: 'y', question: 'ja' }))).toEqual([
      'Bitte wählen Sie eine Kategorie.',
    ]);
  });

  it('refuses an empty or oversized reply', () => {
    expect(messages(replySchema.safeParse({ body: '  \n ' }))).toEqual(['Bitte schreiben Sie einen Text.']);
    expect(messages(replySchema.safeParse({ body: 'x'.repeat(8001) }))).toEqual([
      'Bitte kürzen Sie Ihren Beitrag auf höchstens 8.000 Zeichen (eingegeben: 8.001).',
    ]);
    expect(replySchema.safeParse({ body: '<script>alert(1)</script>' }).success).toBe(true);
  });

  it('needs a moderation reason of 5 to 500 characters and the version seen', () => {
    expect(messages(moderationSchema.safeParse({ reason: 'ab', version: '0' }))).toEqual([
      'Bitte nennen Sie den Grund (mindestens 5 Zeichen); er steht im Protokoll.',
    ]);
    expect(moderationSchema.safeParse({ reason: 'Beleidigung', version: '3' }).data).toEqual({ reason: 'Beleidigung', version: 3 });
    expect(messages(moderationSchema.safeParse({ reason: 'x'.repeat(501), version: '1' }))[0]).toMatch(/höchstens 500 Zeichen/);
  });
});

describe('mentions', () => {
  it('finds display names (longest first, case ignored) and handles, each once; e-mail addresses are no mentions', () => {
    expect(findMentions('Hallo @Gemeinde Wiesenbach und @dr. ulrike berg (ebbs-beratung), siehe info@gemeinde.de', members)).toEqual({
      ids: [1, 2],
      unknown: [],
    });
    expect(findMentions('@VereinMiteinanderEV fragt @GemeindeWiesenbach und nochmals @Gemeinde Wiesenbach.', members)).toEqual({
      ids: [4, 1],
      unknown: [],
    });
    // "Gemeinde" alone is a member too; "@Gemeinde Talheim" is that member followed by a word.
    expect(findMentions('(@Gemeinde) Talheim', members).ids).toEqual([3]);
    expect(mentionHandle('Dr. Ulrike Berg (EBBS-Beratung)')).toBe('drulrikebergebbsberatung');
  });

  it('names what it does not know, and the field message says so in German', () => {
    const found = findMentions('Fragen Sie @Niemand und @Unbekannt.', members);
    expect(found).toEqual({ ids: [], unknown: ['@Niemand', '@Unbekannt'] });
    expect(mentionProblem(found)).toMatch(/^Diese Mitglieder kennen wir nicht: @Niemand, @Unbekannt\./);
    expect(mentionProblem(findMentions('@ allein, E-Mail a@b.de', members))).toBeNull();
    const many = Array.from({ length: 11 }, (_, i) => ({ id: 10 + i, name: `Mitglied${i}` }));
    expect(mentionProblem(findMentions(many.map((m) => `@${m.name}`).join(' '), many))).toBe(
      'Bitte erwähnen Sie höchstens 10 Mitglieder in einem Beitrag.',
    );
  });
});

describe('rules of a thread', () => {
  const question: ThreadState = { id: 7, authorId: 1, question: true, acceptedPostId: null, version: 0 };
  const reply: PostState = { id: 70, threadId: 7, authorId: 2, opening: false, hidden: false, version: 0 };

  it('only the asker accepts, only a visible reply of the same question; choosing again replaces or clears', () => {
    expect(refuseAccept(question, reply, 1)).toBeNull();
    expect(refuseAccept(question, reply, 2)).toBe('Nur wer die Frage gestellt hat, markiert die Lösung.');
    expect(refuseAccept({ ...question, question: false }, reply, 1)).toBe(
      'Nur bei einer Frage kann eine Antwort als Lösung markiert werden.',
    );
    expect(refuseAccept(question, { ...reply, threadId: 8 }, 1)).toBe('Diese Antwort gibt es in diesem Thema nicht.');
    expect(refuseAccept(question, null, 1)).toBe('Diese Antwort gibt es in diesem Thema nicht.');
    expect(refuseAccept(question, { ...reply, opening: true }, 1)).toBe('Die Frage selbst kann nicht ihre Lösung sein.');
    expect(refuseAccept(question, { ...reply, hidden: true }, 1)).toBe('Ein ausgeblendeter Beitrag kann nicht die Lösung sein.');
    expect(acceptedAfter(question, 70)).toBe(70);
    expect(acceptedAfter({ ...question, acceptedPostId: 71 }, 70)).toBe(70);
    expect(acceptedAfter({ ...question, acceptedPostId: 70 }, 70)).toBeNull();
  });

  it('authors edit their own visible posts; nobody marks their own post useful or reports it', () => {
    expect(refuseEdit(reply, 2)).toBeNull();
    expect(refuseEdit(reply, 1)).toBe('Sie können nur Ihre eigenen Beiträge bearbeiten.');
    expect(refuseEdit({ ...reply, hidden: true }, 2)).toMatch(/ausgeblendet/);
    expect(refuseUseful(reply, 1)).toBeNull();
    expect(refuseUseful(reply, 2)).toBe('Eigene Beiträge können Sie nicht als nützlich markieren.');
    expect(refuseReport(reply, 1)).toBeNull();
    expect(refuseReport(reply, 2)).toBe('Eigene Beiträge können Sie nicht melden.');
    expect(refuseReport({ ...reply, hidden: true }, 1)).toBe('Dieser Beitrag ist bereits ausgeblendet.');
  });

  it('only moderators hide and restore, each only from the other state; hidden text only for them and the author', () => {
    expect(refuseModeration(reply, 'hide', false)).toBe('Nur die Moderation des Netzwerks blendet Beiträge aus.');
    expect(refuseModeration(reply, 'hide', true)).toBeNull();
    expect(refuseModeration(reply, 'restore', true)).toBe('Dieser Beitrag ist nicht ausgeblendet.');
    expect(refuseModeration({ ...reply, hidden: true }, 'hide', true)).toBe('Dieser Beitrag ist bereits ausgeblendet.');
    const hidden = { body: 'böse', hidden: true, authorId: 2 };
    expect(visibleBody(hidden, { id: 1, moderator: false })).toBeNull();
    expect(visibleBody(hidden, { id: 1, moderator: true })).toBe('böse');
    expect(visibleBody(hidden, { id: 2, moderator: false })).toBe('böse');
    expect(visibleBody({ ...hidden, hidden: false }, { id: 1, moderator: false })).toBe('böse');
  });

  it('limits posts per hour with a German message', () => {
    expect(rateLimitPost(postsPerHour - 1)).toBeNull();
    expect(rateLimitPost(postsPerHour)).toMatch(/^Sie haben in der letzten Stunde 20 Beiträge geschrieben/);
  });

  it('reads the list filter leniently', () => {
    expect(threadFilter(new URLSearchParams('kategorie=recht&seite=2&q=+Daten%0Aschutz++'))).toEqual({
      category: 'recht',
      q: 'Daten schutz',
      page: 2,
    });
    expect(threadFilter(new URLSearchParams('kategorie=%3Cscript%3E&seite=-1'))).toEqual({ category: null, q: '', page: 1 });
    expect(threadFilter(new URLSearchParams(`seite=99999999&q=${'x'.repeat(150)}`))).toEqual({
      category: null,
      q: 'x'.repeat(150),
      page: 1,
    });
    // Cut one past the longest query: the search answers "too long" instead of searching a fragment.
    expect(threadFilter(new URLSearchParams(`q=${'x'.repeat(10_000)}`)).q).toHaveLength(201);
  });

  it('writes the digest with counts and links', () => {
    const mail = digestMail(
      [
        { threadId: 3, threadTitle: 'Bürgerrat losen', replies: 2, authors: ['Gemeinde Wiesenbach'] },
        { threadId: 4, threadTitle: 'Förderfähige Kosten', replies: 1, authors: [] },
      ],
      (id) => `https://example.org/netzwerk/themen/${id}`,
    );
    expect(mail.subject).toBe('EBBS-Netzwerk: 3 neue Antworten in Ihren Themen');
    expect(mail.body).toContain('• Bürgerrat losen: 2 neue Antworten von Gemeinde Wiesenbach\n  https://example.org/netzwerk/themen/3');
    expect(mail.body).toContain('• Förderfähige Kosten: 1 neue Antwort\n  https://example.org/netzwerk/themen/4');
  });
});
