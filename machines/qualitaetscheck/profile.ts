/**
 * The evaluation of one respondent's answers: progress, the score and rating of each criterion,
 * strengths, weaknesses with resolved suggestions, open questions, own notes and the questions
 * other perspectives answer. Scores are integers computed without floating point.
 */
import { type ParticipationFormat, participationFormats } from '../shared/participation';
import {
  type Criterion,
  type Perspective,
  perspectiveInfo,
  type QualityCheckContent,
  type Suggestion,
  suggestionKindLabel,
} from './schema';
import {
  type Answers,
  type AnswerValue,
  hasContent,
  hasValue,
  maxPoints,
  points,
  type QuestionAnswer,
  roundedQuotient,
  type ScaleValue,
} from './answers';
import { appliesTo, findCriterion, place, type PlacedQuestion, questionsFor } from './questions';

export interface Progress {
  /** Questions with a value ("nicht anwendbar" included). */
  answered: number;
  total: number;
}

export function answerProgress(content: QualityCheckContent, perspective: Perspective, answers: Answers): Progress {
  const questions = questionsFor(content, perspective);
  return { answered: questions.filter((q) => hasValue(answers[q.questionId])).length, total: questions.length };
}

export const ratings = ['staerke', 'mittel', 'entwicklungsfeld', 'nicht-bewertbar', 'offen'] as const;
export type Rating = (typeof ratings)[number];
export const ratingLabel: Record<Rating, string> = {
  staerke: 'Stärke',
  mittel: 'Teilweise erfüllt',
  entwicklungsfeld: 'Entwicklungsfeld',
  'nicht-bewertbar': 'Nicht bewertbar',
  offen: 'Noch nicht beantwortet',
};

/**
 * The rating of a score: at least `strength` is a strength, below `weak` a field to develop.
 * Without a score: "offen" while questions are unanswered, otherwise "nicht bewertbar" (all
 * answers were "nicht anwendbar").
 */
export function ratingOf(score: number | null, thresholds: QualityCheckContent['thresholds'], missing = 0): Rating {
  if (score === null) return missing > 0 ? 'offen' : 'nicht-bewertbar';
  if (score >= thresholds.strength) return 'staerke';
  if (score < thresholds.weak) return 'entwicklungsfeld';
  return 'mittel';
}

export interface CriterionProfile {
  criterionId: string;
  title: string;
  /** 0–100, integer: the mean of the scored answers relative to "trifft voll zu"; null without any. */
  score: number | null;
  rating: Rating;
  /** Questions of this criterion for the perspective. */
  total: number;
  /** Questions with a value, "nicht anwendbar" included. */
  answered: number;
  /** Answers on the four-step scale, which make up the score. */
  scored: number;
  notApplicable: number;
  missing: number;
}

/** Score 0–100 from scale values: round(100 × mean / 3); null without values. */
export function scoreOf(values: readonly ScaleValue[]): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((acc, v) => acc + points[v], 0);
  return roundedQuotient(sum * 100, maxPoints * values.length);
}

export function criterionProfile(
  content: QualityCheckContent,
  criterion: Criterion,
  perspective: Perspective,
  answers: Answers,
): CriterionProfile {
  const questions = criterion.questions.filter((q) => appliesTo(q, perspective));
  const values = questions.map((q) => answers[q.id]?.value);
  const scaleValues = values.filter((v): v is ScaleValue => v !== undefined && v !== 'na');
  const notApplicable = values.filter((v) => v === 'na').length;
  const missing = values.filter((v) => v === undefined).length;
  const score = scoreOf(scaleValues);
  return {
    criterionId: criterion.id,
    title: criterion.title,
    score,
    rating: ratingOf(score, content.thresholds, missing),
    total: questions.length,
    answered: scaleValues.length + notApplicable,
    scored: scaleValues.length,
    notApplicable,
    missing,
  };
}

/** One profile entry per criterion, in content order. */
export function profileOf(content: QualityCheckContent, perspective: Perspective, answers: Answers): CriterionProfile[] {
  return content.criteria.map((c) => criterionProfile(content, c, perspective, answers));
}

export interface ResolvedSuggestion extends Suggestion {
  kindLabel: string;
  /** The catalogue entry for a suggested format. */
  format: Pick<ParticipationFormat, 'id' | 'label' | 'guidance' | 'note'> | null;
}

export function resolveSuggestion(suggestion: Suggestion): ResolvedSuggestion {
  const format = suggestion.formatId ? participationFormats.find((f) => f.id === suggestion.formatId) : undefined;
  return {
    ...suggestion,
    kindLabel: suggestionKindLabel[suggestion.kind],
    format: format
      ? { id: format.id, label: format.label, guidance: format.guidance, ...(format.note ? { note: format.note } : {}) }
      : null,
  };
}

export interface WeakCriterion extends CriterionProfile {
  explanation: string;
  suggestions: ResolvedSuggestion[];
}

export const strengthsOf = (profile: readonly CriterionProfile[]) => profile.filter((p) => p.rating === 'staerke');

export function weaknessesOf(content: QualityCheckContent, profile: readonly CriterionProfile[]): WeakCriterion[] {
  return profile
    .filter((p) => p.rating === 'entwicklungsfeld')
    .map((p) => {
      const criterion = findCriterion(content, p.criterionId);
      return { ...p, explanation: criterion?.explanation ?? '', suggestions: (criterion?.suggestions ?? []).map(resolveSuggestion) };
    });
}

/** Questions of the perspective without a value, in content order (a note alone does not answer). */
export function missingQuestions(content: QualityCheckContent, perspective: Perspective, answers: Answers): PlacedQuestion[] {
  return questionsFor(content, perspective).filter((q) => !hasValue(answers[q.questionId]));
}

export interface NotedAnswer extends PlacedQuestion {
  value: AnswerValue | null;
  note: string;
}

/**
 * The respondent's own notes on the statements of their perspective, in content order. Private:
 * they belong in this person's result and report only, never in the round or an annex.
 */
export function notesOf(content: QualityCheckContent, perspective: Perspective, answers: Answers): NotedAnswer[] {
  return questionsFor(content, perspective).flatMap((q) => {
    const answer = answers[q.questionId];
    return answer?.note ? [{ ...q, value: answer.value ?? null, note: answer.note }] : [];
  });
}

/** "Verwaltung, Politik oder Prozessgestaltung" */
const listWithOr = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} oder ${items[items.length - 1]}`;

export interface OtherPerspectiveAnswer extends PlacedQuestion {
  /** The perspectives the question is asked of. */
  perspectives: Perspective[];
  answer: QuestionAnswer;
  /** "gehört zur Perspektive Politik" */
  label: string;
}

/**
 * Answers to questions of this content that the perspective is not asked: given under another
 * perspective before a change. They are kept but neither shown on the pages nor scored.
 */
export function otherPerspectiveAnswers(
  content: QualityCheckContent,
  perspective: Perspective,
  answers: Answers,
): OtherPerspectiveAnswer[] {
  return content.criteria.flatMap((c) =>
    c.questions
      .filter((q) => !appliesTo(q, perspective) && hasContent(answers[q.id]))
      .map((q) => ({
        ...place(c, q),
        perspectives: [...q.perspectives],
        answer: answers[q.id]!,
        label: `gehört zur Perspektive ${listWithOr(q.perspectives.map((p) => perspectiveInfo[p].label))}`,
      })),
  );
}
