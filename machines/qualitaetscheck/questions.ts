/**
 * Which questions a perspective answers: a question placed in its criterion, the questions of one
 * criterion page and of the whole check.
 */
import type { Criterion, Perspective, QualityCheckContent, Question } from './schema';

export interface PlacedQuestion {
  criterionId: string;
  criterionTitle: string;
  questionId: string;
  text: string;
}

export const place = (criterion: Criterion, question: Question): PlacedQuestion => ({
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
