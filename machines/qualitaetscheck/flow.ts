import { cleanMultiline } from '../shared/fields';
import type { Perspective, QualityCheckContent } from './schema';
import { isAnswerValue, noteMaxLength, pageQuestions, type QuestionAnswer, type RecordedAnswer } from './scoring';

/**
 * The pages of the check and how answers of one page enter the answer sheet. Pure functions: the
 * machine's guards and actions call them, and they can be tested alone.
 *
 * Pages are named by id, not by position, so a snapshot stays meaningful when a later content
 * version inserts or removes a criterion: "perspektive", one page per criterion id, "ergebnis".
 */

export const perspectivePage = 'perspektive';
export const resultPage = 'ergebnis';
/** A page id: "perspektive", "ergebnis" or the id of a criterion. */
export type Page = string;

export const criterionIdsOf = (content: QualityCheckContent): string[] => content.criteria.map((c) => c.id);

export const pagesOf = (content: QualityCheckContent): Page[] => [perspectivePage, ...criterionIdsOf(content), resultPage];

export const isPageOf = (content: QualityCheckContent, page: unknown): page is Page =>
  typeof page === 'string' && pagesOf(content).includes(page);

export const isCriterionPage = (content: QualityCheckContent, page: Page): boolean => criterionIdsOf(content).includes(page);

export const firstCriterionId = (content: QualityCheckContent): string => content.criteria[0]!.id;

export const lastCriterionId = (content: QualityCheckContent): string => content.criteria[content.criteria.length - 1]!.id;

export const isFirstCriterion = (content: QualityCheckContent, page: Page): boolean => page === firstCriterionId(content);

export const isLastCriterion = (content: QualityCheckContent, page: Page): boolean => page === lastCriterionId(content);

/** The page after `page` in the fixed order; the result stays the result. */
export function nextPage(content: QualityCheckContent, page: Page): Page {
  const pages = pagesOf(content);
  const index = pages.indexOf(page);
  return index === -1 ? firstCriterionId(content) : pages[Math.min(index + 1, pages.length - 1)]!;
}

/** The page before `page`; the perspective page has none. */
export function previousPage(content: QualityCheckContent, page: Page): Page | null {
  const pages = pagesOf(content);
  const index = pages.indexOf(page);
  return index <= 0 ? null : pages[index - 1]!;
}

/** The criterion page before `page`, or null (first criterion, or a page this content lacks). */
export function previousCriterion(content: QualityCheckContent, page: Page): string | null {
  const ids = criterionIdsOf(content);
  const index = ids.indexOf(page);
  return index > 0 ? ids[index - 1]! : null;
}

export const wasVisited = (visited: readonly Page[], page: unknown): boolean => typeof page === 'string' && visited.includes(page);

/** Records a visit: each page once, in page order (so the list reads like the table of contents). */
export function withVisit(content: QualityCheckContent, visited: readonly Page[], page: Page): Page[] {
  if (visited.includes(page)) return [...visited];
  const order = pagesOf(content);
  const rank = (p: Page) => (order.includes(p) ? order.indexOf(p) : -1);
  return [...visited, page].sort((a, b) => rank(a) - rank(b));
}

/** The furthest criterion page reached, e.g. for "Zurück" from the result after finishing early. */
export function lastVisitedCriterion(content: QualityCheckContent, visited: readonly Page[]): string {
  return [...criterionIdsOf(content)].reverse().find((id) => visited.includes(id)) ?? lastCriterionId(content);
}

/** Visited pages the content still has (after a content version change). */
export const visitedIn = (content: QualityCheckContent, visited: readonly Page[]): Page[] => visited.filter((p) => isPageOf(content, p));

/** "Thema 3 von 10" for criterion pages; null for the perspective and result pages. */
export function topicNumber(content: QualityCheckContent, page: Page): { current: number; total: number } | null {
  const index = criterionIdsOf(content).indexOf(page);
  return index === -1 ? null : { current: index + 1, total: content.criteria.length };
}

/**
 * A submitted answer in its stored form, or null if it is not a valid answer (unknown value, note
 * too long, not an object). An empty result ({}) means "nothing answered".
 */
export function normaliseAnswer(input: unknown): QuestionAnswer | null {
  if (typeof input !== 'object' || input === null) return null;
  const { value, note } = input as { value?: unknown; note?: unknown };
  if (value !== undefined && !isAnswerValue(value)) return null;
  if (note !== undefined && typeof note !== 'string') return null;
  const cleaned = note === undefined ? '' : cleanMultiline(note);
  if (Array.from(cleaned).length > noteMaxLength) return null;
  return { ...(value !== undefined ? { value } : {}), ...(cleaned ? { note: cleaned } : {}) };
}

/**
 * Merges the answers of one criterion page into the sheet. Only questions shown on the page (the
 * criterion's questions for the perspective) are touched: a submitted entry replaces the stored
 * answer, an empty entry clears it, an absent or invalid entry leaves it as it was. Answers to
 * every other question – other criteria, other perspectives, earlier versions – stay untouched.
 */
export function mergePageAnswers(
  sheet: Readonly<Record<string, RecordedAnswer>>,
  page: { content: QualityCheckContent; criterionId: string; perspective: Perspective },
  submitted: Readonly<Record<string, unknown>>,
): Record<string, RecordedAnswer> {
  const next: Record<string, RecordedAnswer> = { ...sheet };
  for (const question of pageQuestions(page.content, page.criterionId, page.perspective)) {
    if (!Object.hasOwn(submitted, question.id)) continue;
    const answer = normaliseAnswer(submitted[question.id]);
    if (answer === null) continue;
    if (answer.value === undefined && answer.note === undefined) delete next[question.id];
    else next[question.id] = { ...answer, version: page.content.version };
  }
  return next;
}
