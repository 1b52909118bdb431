import { parseWithZod } from '@conform-to/zod/v4';
import { renderToStaticMarkup } from 'react-dom/server';
import { hasBudget, lineTotalCents } from '../../machines/frl/application/budget';
import { codecFor } from '../../machines/frl/application/codecs';
import { lenientBudget } from '../../machines/frl/application/codecs/kosten';
import { limitsFor, totalsFor } from '../../machines/frl/application/facts';
import { resolveParameters } from '../../machines/frl/parameters';
import { proposalBasis, wordsFor } from '../../machines/frl/wording';
import { formatEuro, formatEuroWhole } from '../../machines/shared/format';
import { ProposedGrant } from '../components/antrag/budget-step';
import { BudgetSummary } from '../components/antrag/budget-summary';
import type { LoadedApplication } from './application.server';

/** The cap of the plan's route and the words that explain the proposed grant, at the application's reference date. */
export function budgetWording(loaded: LoadedApplication, data = loaded.data) {
  const { table, date } = loaded.context;
  const { capCents, part } = limitsFor(data, table, date);
  const words = wordsFor(resolveParameters(table, date));
  const cap = capCents === null ? null : formatEuroWhole(capCents);
  return { cap, words, proposalBasis: proposalBasis(words, part, cap) };
}

export interface LiveSums {
  /** The amount of every cost line, in form order, as the table shows it. */
  lines: string[];
  /** The paragraph with the highest possible grant (empty while there is none). */
  grant: string;
  /** The "Summen" section (empty while the plan has no budget). */
  summary: string;
}

/**
 * What the Kosten step's sums would be with the form as the user has typed it so far (ADR 0086):
 * nothing is saved; a field that cannot be read yet counts 0. The same functions as the saved plan
 * (totalsFor), rendered by the same components as the page.
 */
export function liveSums(loaded: LoadedApplication, form: FormData): LiveSums {
  const { payload } = parseWithZod(form, { schema: codecFor('kosten').schema(() => '') });
  const data = lenientBudget(payload as Record<string, unknown>, loaded.data);
  const totals = hasBudget(data) ? totalsFor(data, loaded.context.table, loaded.context.date) : null;
  const { cap, proposalBasis } = budgetWording(loaded, data);
  return {
    lines: data.budget.lines.map((line) => formatEuro(lineTotalCents(line))),
    grant: renderToStaticMarkup(<ProposedGrant totals={totals} basis={proposalBasis} />),
    summary: totals ? renderToStaticMarkup(<BudgetSummary totals={totals} cap={cap} />) : '',
  };
}
