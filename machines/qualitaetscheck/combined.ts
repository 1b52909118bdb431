/**
 * Several respondents of one round: the combined profile per criterion and perspective, the
 * statements where perspectives diverge, and a sentence describing a divergence.
 */
import { type Perspective, perspectiveInfo, perspectives, type QualityCheckContent } from './schema';
import { type Answers, roundedQuotient, type ScaleValue } from './answers';
import { appliesTo } from './questions';
import { profileOf, type Rating, ratingOf, scoreOf } from './profile';

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
