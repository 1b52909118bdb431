import { z } from 'zod';
import { cleanText, longText, requiredText } from '../shared/fields';
import { MAX_QUERY_LENGTH } from '../shared/search';

/*
 * Topics (the network's forum, issue 20 Nr. 3) and the moderation of posts (Nr. 5). Pure rules:
 * forms, mention parsing, who may do what, the digest text. Storage in
 * db/repositories/netzwerk-topics.ts, the service in app/netzwerk-topics.server.ts (ADR 0072).
 */

export const topicCategories = ['methoden', 'foerderung', 'recht', 'digitales', 'veranstaltungen'] as const;
export type TopicCategory = (typeof topicCategories)[number];
export const topicCategoryLabel: Record<TopicCategory, string> = {
  methoden: 'Methoden',
  foerderung: 'Förderung',
  recht: 'Recht',
  digitales: 'Digitales',
  veranstaltungen: 'Veranstaltungen',
};
export const topicCategoryOptions = topicCategories.map((value) => ({ value, label: topicCategoryLabel[value] }));

/** Longest post (opening text or reply), in characters as people count them. */
export const maxPostLength = 8000;
export const maxTitleLength = 150;
/** At most this many members are mentioned in one post (more is a mass mailing, not a mention). */
export const maxMentions = 10;

const postBody = () => longText('Ihren Beitrag', maxPostLength, 'Bitte schreiben Sie einen Text.');

export const threadSchema = z.object({
  category: z.enum(topicCategories, { error: 'Bitte wählen Sie eine Kategorie.' }),
  title: requiredText('die Überschrift des Themas', maxTitleLength),
  body: postBody(),
  question: z.enum(['ja', 'nein'], { error: 'Bitte geben Sie an, ob Sie eine Frage stellen.' }),
});
export type ThreadForm = z.output<typeof threadSchema>;

export const replySchema = z.object({ body: postBody() });

const version = z.coerce.number({ error: 'Die Seite ist veraltet. Bitte laden Sie sie neu.' }).int().min(0);

export const editSchema = z.object({ body: postBody(), version });

const reasonText = (required: string) =>
  z
    .string({ error: required })
    .transform(cleanText)
    .superRefine((value, ctx) => {
      const length = Array.from(value).length;
      if (length < 5) ctx.addIssue({ code: 'custom', message: required });
      else if (length > 500)
        ctx.addIssue({ code: 'custom', message: `Bitte fassen Sie den Grund in höchstens 500 Zeichen (eingegeben: ${length}).` });
    });

export const reportSchema = z.object({
  reason: reasonText('Bitte nennen Sie kurz den Grund der Meldung (mindestens 5 Zeichen).'),
});

export const moderationSchema = z.object({
  reason: reasonText('Bitte nennen Sie den Grund (mindestens 5 Zeichen); er steht im Protokoll.'),
  version,
});

// ---- mentions ---------------------------------------------------------------------------------

export interface MentionCandidate {
  id: number;
  name: string;
}

/** The short form of a display name: letters and digits only, lower case ("@GemeindeWiesenbach"). */
export const mentionHandle = (name: string) =>
  name
    .normalize('NFKC')
    .toLocaleLowerCase('de-DE')
    .replace(/[^\p{L}\p{N}]/gu, '');

const wordChar = /[\p{L}\p{N}]/u;

/**
 * Finds "@Name" mentions in a text. A mention starts with "@" at the beginning of the text or after
 * a space or an opening bracket (so e-mail addresses are no mentions) and is either a member's
 * display name as written in the directory (the longest fitting, case ignored) or its handle, the
 * name without spaces and punctuation. Returns the mentioned members (each once) and what looked like
 * a mention but names nobody.
 */
export function findMentions(text: string, members: readonly MentionCandidate[]): { ids: number[]; unknown: string[] } {
  const ids: number[] = [];
  const unknown: string[] = [];
  const byName = members
    .map((m) => ({ id: m.id, name: m.name.normalize('NFKC').toLocaleLowerCase('de-DE') }))
    .filter((m) => m.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const byHandle = new Map(members.map((m) => [mentionHandle(m.name), m.id]));
  const lower = text.normalize('NFKC').toLocaleLowerCase('de-DE');
  const source = text.normalize('NFKC');
  for (const match of lower.matchAll(/(^|[\s([{„"'])@/gu)) {
    const start = (match.index ?? 0) + match[0].length;
    const rest = lower.slice(start);
    const named = byName.find((m) => rest.startsWith(m.name) && !wordChar.test(rest.charAt(m.name.length)));
    if (named) {
      if (!ids.includes(named.id)) ids.push(named.id);
      continue;
    }
    const token = /^[\p{L}\p{N}][\p{L}\p{N}._-]*/u.exec(rest)?.[0].replace(/[._-]+$/u, '');
    if (!token) continue;
    const id = byHandle.get(mentionHandle(token));
    if (id !== undefined) {
      if (!ids.includes(id)) ids.push(id);
    } else {
      const written = `@${source.slice(start, start + token.length)}`;
      if (!unknown.includes(written)) unknown.push(written);
    }
  }
  return { ids, unknown };
}

/** The message at the text field when a mention is unknown or too many members are mentioned. */
export function mentionProblem(found: { ids: number[]; unknown: string[] }): string | null {
  if (found.unknown.length)
    return `${found.unknown.length === 1 ? 'Dieses Mitglied kennen wir nicht' : 'Diese Mitglieder kennen wir nicht'}: ${found.unknown.join(', ')}. Bitte schreiben Sie den Namen nach dem @ so, wie er im Mitgliederverzeichnis steht (zum Beispiel @Gemeinde Wiesenbach), oder lassen Sie das @ weg.`;
  if (found.ids.length > maxMentions) return `Bitte erwähnen Sie höchstens ${maxMentions} Mitglieder in einem Beitrag.`;
  return null;
}

// ---- flood limit ------------------------------------------------------------------------------

/**
 * Posts (threads and replies) per member and hour. Assumption (no source sets a number): a lively
 * discussion needs far fewer, a script is stopped.
 */
export const postsPerHour = 20;

export function rateLimitPost(postedLastHour: number): string | null {
  return postedLastHour >= postsPerHour
    ? `Sie haben in der letzten Stunde ${postsPerHour} Beiträge geschrieben. Bitte warten Sie etwas, bevor Sie den nächsten senden; Ihr Text bleibt hier stehen.`
    : null;
}

// ---- who may do what --------------------------------------------------------------------------

export interface ThreadState {
  id: number;
  authorId: number | null;
  question: boolean;
  acceptedPostId: number | null;
  version: number;
}

export interface PostState {
  id: number;
  threadId: number;
  authorId: number | null;
  opening: boolean;
  hidden: boolean;
  version: number;
}

/** Why `actorId` may not mark `post` as the accepted answer of `thread`, or null. */
export function refuseAccept(thread: ThreadState, post: PostState | null, actorId: number): string | null {
  if (!post || post.threadId !== thread.id) return 'Diese Antwort gibt es in diesem Thema nicht.';
  if (!thread.question) return 'Nur bei einer Frage kann eine Antwort als Lösung markiert werden.';
  if (thread.authorId !== actorId) return 'Nur wer die Frage gestellt hat, markiert die Lösung.';
  if (post.opening) return 'Die Frage selbst kann nicht ihre Lösung sein.';
  if (post.hidden) return 'Ein ausgeblendeter Beitrag kann nicht die Lösung sein.';
  return null;
}

/** What accepting `postId` leads to: the new accepted answer, or none when the same one is chosen again (a toggle). */
export const acceptedAfter = (thread: ThreadState, postId: number): number | null => (thread.acceptedPostId === postId ? null : postId);

export function refuseEdit(post: PostState | null, actorId: number): string | null {
  if (!post) return 'Diesen Beitrag gibt es nicht.';
  if (post.authorId !== actorId) return 'Sie können nur Ihre eigenen Beiträge bearbeiten.';
  if (post.hidden) return 'Die Moderation hat diesen Beitrag ausgeblendet; er kann nicht mehr bearbeitet werden.';
  return null;
}

export function refuseUseful(post: PostState | null, actorId: number): string | null {
  if (!post || post.hidden) return 'Diesen Beitrag gibt es nicht.';
  if (post.authorId === actorId) return 'Eigene Beiträge können Sie nicht als nützlich markieren.';
  return null;
}

export function refuseReport(post: PostState | null, actorId: number): string | null {
  if (!post) return 'Diesen Beitrag gibt es nicht.';
  if (post.authorId === actorId) return 'Eigene Beiträge können Sie nicht melden.';
  if (post.hidden) return 'Dieser Beitrag ist bereits ausgeblendet.';
  return null;
}

export type ModerationStep = 'hide' | 'restore';

export function refuseModeration(post: PostState | null, step: ModerationStep, moderator: boolean): string | null {
  if (!moderator) return 'Nur die Moderation des Netzwerks blendet Beiträge aus.';
  if (!post) return 'Diesen Beitrag gibt es nicht.';
  if (step === 'hide' && post.hidden) return 'Dieser Beitrag ist bereits ausgeblendet.';
  if (step === 'restore' && !post.hidden) return 'Dieser Beitrag ist nicht ausgeblendet.';
  return null;
}

/** Said when another person acted first (two moderators, two tabs of the asker): neutral, no blame. */
export const changedMeanwhile =
  'Inzwischen hat jemand anderes diesen Beitrag oder dieses Thema geändert. Bitte prüfen Sie den aktuellen Stand unten; es wurde nichts überschrieben.';

export const hiddenNotice = 'Von der Moderation ausgeblendet';

/** What a viewer reads of a post: hidden posts only for the moderation and their author. */
export function visibleBody(post: { body: string; hidden: boolean; authorId: number | null }, viewer: { id: number; moderator: boolean }) {
  if (!post.hidden || viewer.moderator || post.authorId === viewer.id) return post.body;
  return null;
}

// ---- list and paging --------------------------------------------------------------------------

export const THREADS_PAGE = 30;
export const REPLIES_PAGE = 50;

export interface ThreadFilter {
  category: TopicCategory | null;
  /**
   * The search as typed (spaces collapsed), ranked full-text search over titles and visible posts
   * (ADR 0076). Cut one character past the longest query, so parseQuery still sees it is too long.
   */
  q: string;
  page: number;
}

/** The list filter from the query string; unknown values are dropped, never an error. */
export function threadFilter(params: URLSearchParams): ThreadFilter {
  const category = params.get('kategorie');
  return {
    category: category && (topicCategories as readonly string[]).includes(category) ? (category as TopicCategory) : null,
    q: (params.get('q') ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_QUERY_LENGTH + 1),
    page: pageNumber(params.get('seite')),
  };
}

export function pageNumber(value: string | null): number {
  return value && /^\d{1,4}$/.test(value) && Number(value) > 0 ? Number(value) : 1;
}

export const pageCount = (items: number, perPage: number) => Math.max(1, Math.ceil(items / perPage));

// ---- the daily digest -------------------------------------------------------------------------

export interface DigestEntry {
  threadId: number;
  threadTitle: string;
  replies: number;
  authors: string[];
}

/** The e-mail of a subscriber's daily digest; `link` turns a thread id into an absolute address. */
export function digestMail(entries: readonly DigestEntry[], link: (threadId: number) => string): { subject: string; body: string } {
  const total = entries.reduce((n, e) => n + e.replies, 0);
  const lines = entries.map((e) => {
    const who = e.authors.length ? ` von ${e.authors.join(', ')}` : '';
    return `• ${e.threadTitle}: ${e.replies === 1 ? '1 neue Antwort' : `${e.replies} neue Antworten`}${who}\n  ${link(e.threadId)}`;
  });
  return {
    subject: `EBBS-Netzwerk: ${total === 1 ? '1 neue Antwort' : `${total} neue Antworten`} in Ihren Themen`,
    body: `Guten Tag,\n\nin den Themen, denen Sie im EBBS-Netzwerk folgen, gibt es Neues:\n\n${lines.join('\n\n')}\n\nSie erhalten diese Übersicht höchstens einmal am Tag. Einem Thema folgen Sie nicht mehr mit „Nicht mehr folgen“ auf seiner Seite.\n\nFörderlotse Bürgerbeteiligung`,
  };
}
