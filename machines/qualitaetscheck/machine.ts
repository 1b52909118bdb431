import { and, assign, setup, type SnapshotFrom } from 'xstate';
import {
  firstCriterionId,
  isCriterionPage,
  isLastCriterion,
  lastVisitedCriterion,
  mergePageAnswers,
  nextPage,
  perspectivePage,
  previousCriterion,
  resultPage,
  visitedIn,
  wasVisited,
  withVisit,
  type Page,
} from './flow';
import { qualityCheckContent, qualityCheckContentArchive } from './content';
import { isPerspective, type Perspective, type QualityCheckContent } from './schema';
import {
  assess,
  reconcileVersions,
  type QualityCheckResult,
  type QuestionAnswer,
  type RecordedAnswer,
  type VersionReconciliation,
} from './scoring';

/**
 * The QualitätsCheck flow: choose a perspective, then one page per quality criterion, then the
 * result. Pages can be saved with open questions; the result lists them. The perspective can be
 * changed at any time: every answer is kept, answers to questions the new perspective is not asked
 * are hidden from the pages and reported on the result.
 *
 * The machine is built for one content version (`createQualityCheckMachine(content)`); its
 * context is JSON-safe and names pages by id, so a persisted snapshot survives the database and a
 * later content version (send `content.adopt` after restoring it into the newer machine).
 */

export interface QualityCheckContext {
  /** The content version the pages were last shown in. */
  contentVersion: string;
  perspective: Perspective | null;
  /** Answers by question id, each with the version it was saved under. Never pruned. */
  answers: Record<string, RecordedAnswer>;
  /** The page shown: "perspektive", a criterion id or "ergebnis". */
  page: Page;
  /** Pages reached so far, in order of the first visit; `goto` may only go here. */
  visited: Page[];
}

export type QualityCheckEvent =
  | { type: 'perspective.choose'; perspective: Perspective }
  | { type: 'perspective.change'; perspective: Perspective }
  /** The answers of one criterion page (see `criterionPageSchema`); open questions are allowed. */
  | { type: 'criterion.answer'; criterion: string; answers: Record<string, QuestionAnswer> }
  | { type: 'back' }
  | { type: 'goto'; page: Page }
  /** Straight to the result from any criterion page; open questions stay open. */
  | { type: 'finish' }
  /** After restoring a snapshot of an older content version into this machine. */
  | { type: 'content.adopt' };

export interface QualityCheckInput {
  /** Answers to start from, e.g. copied from an earlier check of the same project. */
  answers?: Record<string, RecordedAnswer>;
}

const eventPerspective = (event: QualityCheckEvent) =>
  event.type === 'perspective.choose' || event.type === 'perspective.change' ? event.perspective : undefined;

export function createQualityCheckMachine(content: QualityCheckContent) {
  const open = (context: QualityCheckContext, page: Page) => ({ page, visited: withVisit(content, context.visited, page) });

  return setup({
    types: {
      context: {} as QualityCheckContext,
      events: {} as QualityCheckEvent,
      input: {} as QualityCheckInput | undefined,
    },
    guards: {
      /** The event names one of the four perspectives (events may come from untrusted forms). */
      isKnownPerspective: ({ event }) => isPerspective(eventPerspective(event)),
      hasPerspective: ({ context }) => context.perspective !== null,
      isOtherPerspective: ({ context, event }) => eventPerspective(event) !== context.perspective,
      /** The answers are for the criterion page on screen (a stale tab cannot write elsewhere). */
      answersShownCriterion: ({ context, event }) => event.type === 'criterion.answer' && event.criterion === context.page,
      isOnLastCriterion: ({ context }) => isLastCriterion(content, context.page),
      /** "Zurück" from the first criterion (or from one a newer content dropped) leads to the perspective. */
      hasPreviousCriterion: ({ context }) => previousCriterion(content, context.page) !== null,
      /** `goto` only leads to a page reached before. */
      isVisitedPage: ({ context, event }) => event.type === 'goto' && wasVisited(visitedIn(content, context.visited), event.page),
      requestsPerspectivePage: ({ event }) => event.type === 'goto' && event.page === perspectivePage,
      requestsResultPage: ({ event }) => event.type === 'goto' && event.page === resultPage,
      requestsCriterionPage: ({ event }) => event.type === 'goto' && isCriterionPage(content, event.page),
      /** After a content change: the criterion on screen no longer exists. */
      isOnRemovedCriterion: ({ context }) =>
        context.page !== perspectivePage && context.page !== resultPage && !isCriterionPage(content, context.page),
    },
    actions: {
      setPerspective: assign({
        perspective: ({ context, event }) => {
          const chosen = eventPerspective(event);
          return isPerspective(chosen) ? chosen : context.perspective;
        },
      }),
      recordAnswers: assign({
        answers: ({ context, event }) =>
          event.type === 'criterion.answer' && context.perspective
            ? mergePageAnswers(context.answers, { content, criterionId: event.criterion, perspective: context.perspective }, event.answers)
            : context.answers,
        contentVersion: () => content.version,
      }),
      openFirstCriterion: assign(({ context }) => open(context, firstCriterionId(content))),
      openLastVisitedCriterion: assign(({ context }) => open(context, lastVisitedCriterion(content, context.visited))),
      openNextPage: assign(({ context }) => open(context, nextPage(content, context.page))),
      openPreviousCriterion: assign(({ context }) => open(context, previousCriterion(content, context.page) ?? firstCriterionId(content))),
      openPerspectivePage: assign(({ context }) => open(context, perspectivePage)),
      openResult: assign(({ context }) => open(context, resultPage)),
      openRequestedPage: assign(({ context, event }) => (event.type === 'goto' ? open(context, event.page) : {})),
      adoptContent: assign(({ context }) => ({ contentVersion: content.version, visited: visitedIn(content, context.visited) })),
    },
  }).createMachine({
    id: 'qualitaetscheck',
    context: ({ input }) => ({
      contentVersion: content.version,
      perspective: null,
      answers: { ...(input?.answers ?? {}) },
      page: perspectivePage,
      visited: [perspectivePage],
    }),
    initial: 'perspektive',
    on: {
      goto: [
        { guard: and(['isVisitedPage', 'requestsPerspectivePage']), target: '.perspektive', actions: 'openRequestedPage' },
        { guard: and(['isVisitedPage', 'requestsResultPage', 'hasPerspective']), target: '.ergebnis', actions: 'openRequestedPage' },
        { guard: and(['isVisitedPage', 'requestsCriterionPage', 'hasPerspective']), target: '.kriterium', actions: 'openRequestedPage' },
      ],
      'perspective.change': {
        guard: and(['hasPerspective', 'isKnownPerspective', 'isOtherPerspective']),
        actions: 'setPerspective',
      },
      'content.adopt': [
        { guard: 'isOnRemovedCriterion', target: '.ergebnis', actions: ['adoptContent', 'openResult'] },
        { actions: 'adoptContent' },
      ],
    },
    states: {
      perspektive: {
        on: {
          'perspective.choose': { guard: 'isKnownPerspective', target: 'kriterium', actions: ['setPerspective', 'openFirstCriterion'] },
        },
      },
      kriterium: {
        on: {
          'criterion.answer': [
            { guard: and(['answersShownCriterion', 'isOnLastCriterion']), target: 'ergebnis', actions: ['recordAnswers', 'openResult'] },
            { guard: 'answersShownCriterion', actions: ['recordAnswers', 'openNextPage'] },
          ],
          back: [
            { guard: 'hasPreviousCriterion', actions: 'openPreviousCriterion' },
            { target: 'perspektive', actions: 'openPerspectivePage' },
          ],
          finish: { target: 'ergebnis', actions: 'openResult' },
        },
      },
      ergebnis: {
        on: {
          back: { target: 'kriterium', actions: 'openLastVisitedCriterion' },
        },
      },
    },
  });
}

export type QualityCheckMachine = ReturnType<typeof createQualityCheckMachine>;
export type QualityCheckSnapshot = SnapshotFrom<QualityCheckMachine>;

/** The machine for the current content version. */
export const qualityCheckMachine = createQualityCheckMachine(qualityCheckContent);

/** The page a snapshot shows: "perspektive", a criterion id or "ergebnis". */
export const currentPage = (snapshot: QualityCheckSnapshot): Page => snapshot.context.page;

export const canGoBack = (snapshot: QualityCheckSnapshot): boolean => snapshot.context.page !== perspectivePage;

/** The snapshot was saved under another content version and needs `content.adopt`. */
export const needsContentAdoption = (snapshot: QualityCheckSnapshot, content: QualityCheckContent): boolean =>
  snapshot.context.contentVersion !== content.version;

/** The result page's data; null before a perspective is chosen. */
export function resultOf(
  snapshot: QualityCheckSnapshot,
  content: QualityCheckContent,
  archive: readonly QualityCheckContent[] = qualityCheckContentArchive,
): QualityCheckResult | null {
  const { perspective, answers } = snapshot.context;
  return perspective ? assess(content, perspective, answers, { archive }) : null;
}

/** What a content change means for the answers of a snapshot (before or after `content.adopt`). */
export function versionChangeOf(
  snapshot: QualityCheckSnapshot,
  from: QualityCheckContent | null,
  to: QualityCheckContent,
  archive: readonly QualityCheckContent[] = qualityCheckContentArchive,
): VersionReconciliation {
  const { perspective, answers } = snapshot.context;
  return reconcileVersions(answers, from, to, { ...(perspective ? { perspective } : {}), archive });
}
