/**
 * Answers across content versions: which answers still apply under a newer version of the
 * criteria, which questions are new or unanswered, and which answers belong to dropped questions
 * (kept and reported, never deleted).
 */
import type { Perspective, QualityCheckContent } from './schema';
import { hasValue, type RecordedAnswer } from './answers';
import { appliesTo, place, type PlacedQuestion } from './questions';

export const formerVersionLabel = 'gehört zu einer früheren Fassung';

export interface FormerVersionAnswer {
  questionId: string;
  answer: RecordedAnswer;
  /** The question as it read in the version it came from; null when no known version has it. */
  text: string | null;
  criterionTitle: string | null;
  /** The version that still has the question, if known. */
  version: string | null;
  label: typeof formerVersionLabel;
}

export interface ContinuingAnswer extends PlacedQuestion {
  answer: RecordedAnswer;
  /** The question text differs from the version the answer was given under. */
  textChanged: boolean;
}

export interface VersionReconciliation {
  fromVersion: string | null;
  toVersion: string;
  /** Answers whose question id the new version still has: they count as before. */
  stillApplies: ContinuingAnswer[];
  /** Questions the old version did not have (for the perspective, if given). */
  newQuestions: PlacedQuestion[];
  /** Questions of the new version without a value (new ones included; for the perspective, if given). */
  unanswered: PlacedQuestion[];
  /** Answers whose question the new version dropped: kept and reported, never deleted. */
  formerVersion: FormerVersionAnswer[];
}

function findQuestion(content: QualityCheckContent | null | undefined, questionId: string) {
  for (const criterion of content?.criteria ?? []) {
    const question = criterion.questions.find((q) => q.id === questionId);
    if (question) return { criterion, question };
  }
  return undefined;
}

/**
 * Which answers given under content `from` still apply under `to` (same question id), which
 * questions are new or unanswered, and which answers belong to questions `to` no longer has.
 * Every answer appears in exactly one of `stillApplies` and `formerVersion`. Texts of dropped
 * questions come from `from`, else from the archive version recorded with the answer.
 */
export function reconcileVersions(
  answers: Readonly<Record<string, RecordedAnswer>>,
  from: QualityCheckContent | null,
  to: QualityCheckContent,
  options: { perspective?: Perspective; archive?: readonly QualityCheckContent[] } = {},
): VersionReconciliation {
  const { perspective, archive = [] } = options;
  const stillApplies: ContinuingAnswer[] = [];
  const formerVersion: FormerVersionAnswer[] = [];
  for (const [questionId, answer] of Object.entries(answers)) {
    const now = findQuestion(to, questionId);
    if (now) {
      const earlierContent = from ?? archive.find((c) => c.version === answer.version) ?? null;
      const before = findQuestion(earlierContent, questionId);
      stillApplies.push({
        ...place(now.criterion, now.question),
        answer,
        textChanged: before !== undefined && before.question.text !== now.question.text,
      });
      continue;
    }
    const candidates = [from, archive.find((c) => c.version === answer.version), ...[...archive].reverse()];
    let found: { content: QualityCheckContent; hit: NonNullable<ReturnType<typeof findQuestion>> } | undefined;
    for (const content of candidates) {
      const hit = content ? findQuestion(content, questionId) : undefined;
      if (content && hit) {
        found = { content, hit };
        break;
      }
    }
    formerVersion.push({
      questionId,
      answer,
      text: found?.hit.question.text ?? null,
      criterionTitle: found?.hit.criterion.title ?? null,
      version: found?.content.version ?? answer.version ?? null,
      label: formerVersionLabel,
    });
  }
  const relevant = to.criteria.flatMap((c) =>
    c.questions.filter((q) => perspective === undefined || appliesTo(q, perspective)).map((q) => place(c, q)),
  );
  return {
    fromVersion: from?.version ?? null,
    toVersion: to.version,
    stillApplies,
    newQuestions: from ? relevant.filter((q) => !findQuestion(from, q.questionId)) : [],
    unanswered: relevant.filter((q) => !hasValue(answers[q.questionId])),
    formerVersion,
  };
}
