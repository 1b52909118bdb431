import { findOrganisation } from '../../db/repositories/organisations';
import { approvedTotalCents } from '../../machines/umsetzung/bescheid';
import { formatDate, formatEuro } from '../../machines/shared/format';
import {
  changeEffectOf,
  changesFromJson,
  effectSentences,
  noticeItems,
  type ImplementationChanges,
} from '../../machines/umsetzung/aenderungen';
import type { AenderungsmitteilungPdfInput } from '../../forms/umsetzung/aenderungsmitteilung';
import { getDb } from '../db.server';
import type { CurrentUser } from '../session.server';
import { grantFactsOf, implementationFactsOf, implementationTable, requireImplementation } from './implementation.server';

/**
 * Wires the reported changes (machines/umsetzung/aenderungen.ts) to the stored implementation: the
 * page, its "Berechnen" preview and the Änderungsmitteilung PDF all judge the same facts.
 */

export async function loadChanges(user: CurrentUser & { organisation_id: number }, idParam: string | undefined) {
  const loaded = await requireImplementation(user, idParam);
  const facts = await implementationFactsOf(loaded.row, loaded.bescheid);
  const stored = changesFromJson(loaded.row.changes);
  return { loaded, facts, stored, projectTitle: loaded.application.data.project.title?.trim() || 'Antrag ohne Titel' };
}
export type LoadedChanges = Awaited<ReturnType<typeof loadChanges>>;

/** What the page and the PDF show for a set of changes (stored or only previewed). */
export function judgeChanges(l: LoadedChanges, changes: ImplementationChanges) {
  const b = l.loaded.bescheid;
  const items = noticeItems(l.facts, changes, implementationTable);
  const effect = changeEffectOf(l.facts, changes, implementationTable);
  return {
    items: items.map((i) => ({ id: i.id, title: i.title, clauses: i.clauses.join(', '), detail: i.detail })),
    effect: effectSentences(effect, b.grantCents),
    figures: [
      ['Bewilligte zuwendungsfähige Ausgaben', formatEuro(approvedTotalCents(b))],
      ['Voraussichtliche zuwendungsfähige Ausgaben', formatEuro(changes.forecastExpenditureCents ?? approvedTotalCents(b))],
      ['Seit dem Bescheid hinzugekommene Mittel', formatEuro(changes.additionalFinancingCents)],
      ['Zuwendung nach diesen Zahlen', formatEuro(effect.newGrantCents)],
    ] as Array<[string, string]>,
  };
}

export async function changesPdfInput(l: LoadedChanges, now: Date, today: string): Promise<AenderungsmitteilungPdfInput> {
  const b = l.loaded.bescheid;
  const judged = judgeChanges(l, l.stored);
  return {
    part: b.programmePart,
    ...grantFactsOf(b, (await findOrganisation(await getDb(), l.loaded.row.organisation_id))?.name ?? '', l.projectTitle),
    date: formatDate(today),
    items: judged.items,
    figures: judged.figures,
    effect: judged.effect,
    explanation: l.stored.explanation,
    createdAt: now,
  };
}
