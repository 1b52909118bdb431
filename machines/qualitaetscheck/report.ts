import { perspectiveInfo, perspectives, type Perspective, type QualityCheckContent } from './schema';
import {
  findCriterion,
  ratingLabel,
  resolveSuggestion,
  type CombinedCriterion,
  type CombinedProfile,
  type Rating,
  type ResolvedSuggestion,
} from './scoring';

/**
 * Wording shared by the result pages, the summary for advisors and the PDF, so that a score reads
 * the same everywhere.
 */

/** 67 → "67 von 100 Punkten"; null → "keine Wertung" */
export const scoreText = (score: number | null): string => (score === null ? 'keine Wertung' : `${score} von 100 Punkten`);

/** 67 → "67"; null → "–" (for tables whose header says "Punkte") */
export const scoreCell = (score: number | null): string => (score === null ? '–' : String(score));

export const ratingText = (rating: Rating): string => ratingLabel[rating];

/** "2 Personen: Verwaltung 1, Zivilgesellschaft 1" */
export function respondentsText(byPerspective: Readonly<Record<Perspective, number>>): string {
  const total = perspectives.reduce((sum, p) => sum + byPerspective[p], 0);
  const parts = perspectives.filter((p) => byPerspective[p] > 0).map((p) => `${perspectiveInfo[p].label} ${byPerspective[p]}`);
  if (total === 0) return 'noch keine Antworten';
  return `${total} ${total === 1 ? 'Person' : 'Personen'}: ${parts.join(', ')}`;
}

/** The perspective's mean for a criterion, or null. */
export const perspectiveMean = (criterion: CombinedCriterion, perspective: Perspective): number | null =>
  criterion.byPerspective.find((s) => s.perspective === perspective)?.mean ?? null;

/** Perspectives that answered at all, in the fixed order (the columns of a combined table). */
export const answeringPerspectives = (combined: CombinedProfile): Perspective[] =>
  perspectives.filter((p) => combined.respondentsByPerspective[p] > 0);

export interface CombinedWeakness extends CombinedCriterion {
  explanation: string;
  suggestions: ResolvedSuggestion[];
}

/** Criteria the group rates as a field to develop, with the suggestions of the content. */
export function combinedWeaknesses(content: QualityCheckContent, combined: CombinedProfile): CombinedWeakness[] {
  return combined.criteria
    .filter((c) => c.rating === 'entwicklungsfeld')
    .map((c) => {
      const criterion = findCriterion(content, c.criterionId);
      return { ...c, explanation: criterion?.explanation ?? '', suggestions: (criterion?.suggestions ?? []).map(resolveSuggestion) };
    });
}

export const combinedStrengths = (combined: CombinedProfile): CombinedCriterion[] =>
  combined.criteria.filter((c) => c.rating === 'staerke');
