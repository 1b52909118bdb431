import { z } from 'zod';
import { participationFormats, type ParticipationFormat } from '../shared/participation';
import {
  perspectiveInfo,
  perspectives,
  suggestionKindLabel,
  type Criterion,
  type Perspective,
  type QualityCheckContent,
  type Question,
  type Suggestion,
} from './schema';

/**
 * Answers and their evaluation. Everything here is a pure function of content and answers; scores
 * are integers computed without floating point, so the same answers always give the same numbers
 * in the browser, on the server and in a report.
 */

// ---------------------------------------------------------------------------------------------
// Answers

/** Four steps of agreement plus "nicht anwendbar"; the digits are the points of a step. */
export const answerValues = ['0', '1', '2', '3', 'na'] as const;
export type AnswerValue = (typeof answerValues)[number];
export type ScaleValue = Exclude<AnswerValue, 'na'>;

export const answerLabel: Record<AnswerValue, string> = {
  '0': 'Trifft gar nicht zu',
  '1': 'Trifft eher nicht zu',
  '2': 'Trifft eher zu',
  '3': 'Trifft voll zu',
  na: 'Nicht anwendbar / kann ich nicht beurteilen',
};

const points: Record<ScaleValue, number> = { '0': 0, '1': 1, '2': 2, '3': 3 };
const maxPoints = 3;

export const isAnswerValue = (value: unknown): value is AnswerValue =>
  typeof value === 'string' && (answerValues as readonly string[]).includes(value);

export const noteMaxLength = 1000;

/** One answer: a value, a note, or both. A note without a value is kept but the question counts as open. */
export interface QuestionAnswer {
  value?: AnswerValue;
  note?: string;
}

/** An answer as stored: with the content version under which it was last saved. */
export interface RecordedAnswer extends QuestionAnswer {
  version?: string;
}

/** Answers by question id. JSON-safe. */
export type AnswerSheet = Record<string, RecordedAnswer>;
type Answers = Readonly<Record<string, QuestionAnswer | undefined>>;

/** Counts characters as people do (code points), like the form fields. */
const characterCount = (value: string) => Array.from(value).length;

/** Checks stored answers (e.g. read back from the database). */
export const recordedAnswerSchema = z.strictObject({
  value: z.enum(answerValues).optional(),
  note: z
    .string()
    .refine((note) => characterCount(note) <= noteMaxLength, { error: `Eine Notiz hat höchstens ${noteMaxLength} Zeichen.` })
    .optional(),
  version: z.string().optional(),
});
export const answerSheetSchema = z.record(z.string(), recordedAnswerSchema);

export const hasValue = (answer: QuestionAnswer | undefined): answer is QuestionAnswer & { value: AnswerValue } =>
  answer?.value !== undefined;

/** Anything worth keeping: a value or a non-empty note. */
export const hasContent = (answer: QuestionAnswer | undefined): boolean =>
  answer !== undefined && (answer.value !== undefined || (answer.note ?? '') !== '');

/** round(numerator / denominator) for non-negative integers, halves rounded up, without floats. */
export function roundedQuotient(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

// ---------------------------------------------------------------------------------------------
// Questions

export interface PlacedQuestion {
  criterionId: string;
  criterionTitle: string;
  questionId: string;
  text: string;
}

const place = (criterion: Criterion, question: Question): PlacedQuestion => ({
  criterionId: criterion.id,
  criterionTitle: criterion.title,
  questionId: question.id,
  text: question.text,
});

export const appliesTo = (question: Question, perspective: Perspective) => question.perspectives.includes(perspective);

export function findCriterion(content: QualityCheckContent, criterionId: string): Criterion | undefined {
  return content.criteria.find((c) => c.id === criterionId);
}

/** The questions of one criterion page for a perspective, in content order. */
export function pageQuestions(content: QualityCheckContent, criterionId: string, perspective: Perspective): Question[] {
  return findCriterion(content, criterionId)?.questions.filter((q) => appliesTo(q, perspective)) ?? [];
}

/** All questions a perspective answers, or those of one criterion. */
export function questionsFor(content: QualityCheckContent, perspective: Perspective, criterionId?: string): PlacedQuestion[] {
  return content.criteria
    .filter((c) => criterionId === undefined || c.id === criterionId)
    .flatMap((c) => c.questions.filter((q) => appliesTo(q, perspective)).map((q) => place(c, q)));
}

// ---------------------------------------------------------------------------------------------
// Progress, profile, strengths and weaknesses

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

// ---------------------------------------------------------------------------------------------
// Content versions

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

// ---------------------------------------------------------------------------------------------
// Several respondents

export interface Respondent {
  /** Any stable reference, e.g. a participant row id. */
  id: string;
  perspective: Perspective;
  answers: Answers;
}

export interface PerspectiveScore {
  perspective: Perspective;
  /** Respondents of this perspective with a score for the criterion. */
  respondents: number;
  mean: number;
}

export interface CombinedCriterion {
  criterionId: string;
  title: string;
  /** Respondents with a score for this criterion. */
  respondents: number;
  /** Respondents without one (nothing answered, or everything "nicht anwendbar"). */
  withoutScore: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** max − min over single respondents. */
  spread: number | null;
  rating: Rating;
  /** Mean per perspective, for the perspectives with a score, in the order of `perspectives`. */
  byPerspective: PerspectiveScore[];
  /** Highest minus lowest perspective mean; null with fewer than two perspectives. */
  perspectiveSpread: number | null;
  highest: Perspective | null;
  lowest: Perspective | null;
  /**
   * Statements answered by at least two perspectives, with each perspective's score on that very
   * statement, largest gap first. Perspectives see different statements; only shared ones compare.
   */
  sharedGaps: StatementGap[];
  /** The perspectives see this criterion strongly differently: a shared statement's gap ≥ threshold. */
  divergent: boolean;
  /** Perspectives whose own respondents differ strongly (spread of their scores ≥ threshold). */
  splitWithin: Array<{ perspective: Perspective; min: number; max: number }>;
}

export interface StatementGap {
  questionId: string;
  text: string;
  gap: number;
  highest: PerspectiveScore;
  lowest: PerspectiveScore;
}

export interface CombinedProfile {
  contentVersion: string;
  respondents: number;
  respondentsByPerspective: Record<Perspective, number>;
  criteria: CombinedCriterion[];
  /** The criteria worth talking about: where perspectives differ strongly. */
  divergent: CombinedCriterion[];
  /** Divergent criteria and those where people of one perspective disagree among themselves. */
  disagreements: CombinedCriterion[];
}

const meanOf = (values: readonly number[]) =>
  roundedQuotient(
    values.reduce((a, b) => a + b, 0),
    values.length,
  );

export function combineProfiles(content: QualityCheckContent, respondents: readonly Respondent[]): CombinedProfile {
  const profiles = respondents.map((r) => ({ perspective: r.perspective, profile: profileOf(content, r.perspective, r.answers) }));
  const criteria = content.criteria.map((criterion, index): CombinedCriterion => {
    const scores = profiles.flatMap(({ perspective, profile }) => {
      const score = profile[index]!.score;
      return score === null ? [] : [{ perspective, score }];
    });
    const values = scores.map((s) => s.score);
    const byPerspective = perspectives.flatMap((perspective): PerspectiveScore[] => {
      const own = scores.filter((s) => s.perspective === perspective).map((s) => s.score);
      return own.length ? [{ perspective, respondents: own.length, mean: meanOf(own) }] : [];
    });
    const sorted = [...byPerspective].sort((a, b) => b.mean - a.mean);
    const perspectiveSpread = sorted.length >= 2 ? sorted[0]!.mean - sorted[sorted.length - 1]!.mean : null;
    const mean = values.length ? meanOf(values) : null;
    const sharedGaps = criterion.questions
      .flatMap((question): StatementGap[] => {
        const perStatement = perspectives.flatMap((perspective): PerspectiveScore[] => {
          if (!appliesTo(question, perspective)) return [];
          const own = respondents
            .filter((r) => r.perspective === perspective)
            .map((r) => r.answers[question.id]?.value)
            .filter((v): v is ScaleValue => v !== undefined && v !== 'na');
          const score = scoreOf(own);
          return score === null ? [] : [{ perspective, respondents: own.length, mean: score }];
        });
        if (perStatement.length < 2) return [];
        const ordered = [...perStatement].sort((a, b) => b.mean - a.mean);
        const highest = ordered[0]!;
        const lowest = ordered[ordered.length - 1]!;
        return [{ questionId: question.id, text: question.text, gap: highest.mean - lowest.mean, highest, lowest }];
      })
      .sort((a, b) => b.gap - a.gap);
    const splitWithin = perspectives.flatMap((perspective) => {
      const own = scores.filter((x) => x.perspective === perspective).map((x) => x.score);
      if (own.length < 2) return [];
      const min = Math.min(...own);
      const max = Math.max(...own);
      return max - min >= content.thresholds.divergence ? [{ perspective, min, max }] : [];
    });
    return {
      criterionId: criterion.id,
      title: criterion.title,
      respondents: values.length,
      withoutScore: respondents.length - values.length,
      mean,
      min: values.length ? Math.min(...values) : null,
      max: values.length ? Math.max(...values) : null,
      spread: values.length ? Math.max(...values) - Math.min(...values) : null,
      // Without any score: "offen" while someone still has statements of it open.
      rating: ratingOf(mean, content.thresholds, profiles.filter(({ profile }) => profile[index]!.missing > 0).length),
      byPerspective,
      perspectiveSpread,
      highest: perspectiveSpread === null ? null : sorted[0]!.perspective,
      lowest: perspectiveSpread === null ? null : sorted[sorted.length - 1]!.perspective,
      sharedGaps,
      divergent: (sharedGaps[0]?.gap ?? 0) >= content.thresholds.divergence,
      splitWithin,
    };
  });
  const respondentsByPerspective = Object.fromEntries(
    perspectives.map((p) => [p, respondents.filter((r) => r.perspective === p).length]),
  ) as Record<Perspective, number>;
  return {
    contentVersion: content.version,
    respondents: respondents.length,
    respondentsByPerspective,
    criteria,
    divergent: criteria.filter((c) => c.divergent),
    disagreements: criteria.filter((c) => c.divergent || c.splitWithin.length > 0),
  };
}

/** "Die Sichtweisen gehen deutlich auseinander: Politik 83 Punkte, Zivilgesellschaft 33 Punkte. …" */
export function describeDivergence(criterion: CombinedCriterion): string | null {
  const parts: string[] = [];
  const gap = criterion.sharedGaps[0];
  if (criterion.divergent && gap) {
    parts.push(
      `Die Sichtweisen gehen deutlich auseinander, am stärksten bei „${gap.text}“: ` +
        `${perspectiveInfo[gap.highest.perspective].label} ${gap.highest.mean} Punkte, ${perspectiveInfo[gap.lowest.perspective].label} ${gap.lowest.mean} Punkte.`,
    );
  }
  for (const split of criterion.splitWithin) {
    parts.push(
      `Innerhalb der Sichtweise ${perspectiveInfo[split.perspective].label} liegen die Einschätzungen weit auseinander (${split.min} bis ${split.max} Punkte).`,
    );
  }
  if (!parts.length) return null;
  return `${parts.join(' ')} Besprechen Sie gemeinsam, woher der Unterschied kommt – gerade hier lohnt sich das Gespräch.`;
}
