/**
 * The goal-based finder: a person picks up to four goals and gets the methods that serve them best.
 * Score = sum of the method's weights for the chosen goals; methods serving more of the chosen goals
 * rank first, then the higher score, then the name. Excluded instruments never appear.
 */
import { goalIds, MAX_FINDER_GOALS, type GoalId } from './goals';
import type { Method } from './schema';

export interface FinderHit {
  method: Method;
  score: number;
  matchedGoals: GoalId[];
}

export type FinderGoals = { ok: true; goals: GoalId[] } | { ok: false; goals: GoalId[]; message: string };

/** Reads the chosen goals from a GET form; unknown values are dropped, more than four is refused. */
export function parseFinderGoals(values: readonly string[]): FinderGoals {
  const goals = [...new Set(values)].filter((v): v is GoalId => (goalIds as readonly string[]).includes(v));
  if (goals.length > MAX_FINDER_GOALS) {
    return { ok: false, goals, message: `Bitte wählen Sie höchstens ${MAX_FINDER_GOALS} Ziele; Sie haben ${goals.length} gewählt.` };
  }
  return { ok: true, goals };
}

export function rankByGoals(methods: readonly Method[], goals: readonly GoalId[]): FinderHit[] {
  if (goals.length === 0) return [];
  return methods
    .filter((m) => m.fundingFit.status !== 'ausgeschlossen')
    .map((method) => {
      const matched = method.goals.filter((g) => goals.includes(g.goal));
      return { method, score: matched.reduce((sum, g) => sum + g.weight, 0), matchedGoals: matched.map((g) => g.goal) };
    })
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.matchedGoals.length - a.matchedGoals.length || b.score - a.score || a.method.name.localeCompare(b.method.name, 'de'));
}
