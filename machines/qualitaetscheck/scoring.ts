import type { Perspective, QualityCheckContent } from './schema';
import type { RecordedAnswer } from './answers';
import type { PlacedQuestion } from './questions';
import {
  answerProgress,
  type CriterionProfile,
  missingQuestions,
  type NotedAnswer,
  notesOf,
  type OtherPerspectiveAnswer,
  otherPerspectiveAnswers,
  profileOf,
  type Progress,
  strengthsOf,
  type WeakCriterion,
  weaknessesOf,
} from './profile';
import { type FormerVersionAnswer, reconcileVersions } from './reconcile';

/**
 * Answers and their evaluation. Everything here is a pure function of content and answers; scores
 * are integers computed without floating point, so the same answers always give the same numbers
 * in the browser, on the server and in a report.
 *
 * The parts: answers.ts (scale, answer sheet), questions.ts (which questions a perspective
 * answers), profile.ts (one respondent's evaluation), reconcile.ts (answers across content
 * versions), combined.ts (several respondents); this module puts one respondent's result together
 * and re-exports the parts, so importers keep one entry.
 */
export {
  answerLabel,
  type AnswerSheet,
  answerSheetSchema,
  type AnswerValue,
  answerValues,
  hasContent,
  hasValue,
  isAnswerValue,
  noteMaxLength,
  type QuestionAnswer,
  type RecordedAnswer,
  recordedAnswerSchema,
  roundedQuotient,
  type ScaleValue,
} from './answers';
export { appliesTo, findCriterion, pageQuestions, type PlacedQuestion, questionsFor } from './questions';
export {
  answerProgress,
  type CriterionProfile,
  criterionProfile,
  missingQuestions,
  type NotedAnswer,
  notesOf,
  type OtherPerspectiveAnswer,
  otherPerspectiveAnswers,
  profileOf,
  type Progress,
  type Rating,
  ratingLabel,
  ratingOf,
  ratings,
  type ResolvedSuggestion,
  resolveSuggestion,
  scoreOf,
  strengthsOf,
  type WeakCriterion,
  weaknessesOf,
} from './profile';
export {
  type ContinuingAnswer,
  type FormerVersionAnswer,
  formerVersionLabel,
  reconcileVersions,
  type VersionReconciliation,
} from './reconcile';
export {
  type CombinedCriterion,
  type CombinedProfile,
  combineProfiles,
  describeDivergence,
  type PerspectiveScore,
  type Respondent,
  type StatementGap,
} from './combined';

// ---------------------------------------------------------------------------------------------
// The result of one respondent

export interface QualityCheckResult {
  contentVersion: string;
  perspective: Perspective;
  progress: Progress;
  profile: CriterionProfile[];
  strengths: CriterionProfile[];
  weaknesses: WeakCriterion[];
  /** Criteria where every answer was "nicht anwendbar". */
  notRateable: CriterionProfile[];
  missing: PlacedQuestion[];
  /** The respondent's own notes (private to them). */
  notes: NotedAnswer[];
  otherPerspective: OtherPerspectiveAnswer[];
  formerVersion: FormerVersionAnswer[];
}

export function assess(
  content: QualityCheckContent,
  perspective: Perspective,
  answers: Readonly<Record<string, RecordedAnswer>>,
  options: { archive?: readonly QualityCheckContent[] } = {},
): QualityCheckResult {
  const profile = profileOf(content, perspective, answers);
  return {
    contentVersion: content.version,
    perspective,
    progress: answerProgress(content, perspective, answers),
    profile,
    strengths: strengthsOf(profile),
    weaknesses: weaknessesOf(content, profile),
    notRateable: profile.filter((p) => p.rating === 'nicht-bewertbar'),
    missing: missingQuestions(content, perspective, answers),
    notes: notesOf(content, perspective, answers),
    otherPerspective: otherPerspectiveAnswers(content, perspective, answers),
    formerVersion: reconcileVersions(answers, null, content, { perspective, archive: options.archive }).formerVersion,
  };
}
