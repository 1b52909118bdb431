import { redirect } from '@remix-run/node';
import { findOrganisation } from '../../db/repositories/organisations';
import type { BeginnanzeigePdfInput } from '../../forms/umsetzung/beginnanzeige';
import { formatDate, formatEuro, formatPercentBasisPoints } from '../../machines/shared/format';
import { advanceProcedureOn, bescheidFinalOn, regularInstalments, type ImplementationFacts } from '../../machines/umsetzung/computations';
import { valueOn, type ImplementationParameterTable } from '../../machines/umsetzung/parameters';
import { getDb } from '../db.server';
import type { CurrentUser } from '../session.server';
import { grantFactsOf, implementationFactsOf, implementationTable, requireImplementation } from './implementation.server';

/**
 * The Beginnanzeige (ANBest-K Nr. 5.4, ANBest-P Nr. 5.8) from the recorded start. For municipalities
 * in the regular procedure it asks for the first instalment, computed as on the project page.
 */

export async function loadBeginnanzeige(
  user: CurrentUser & { organisation_id: number },
  idParam: string | undefined,
  now: Date,
  today: string,
): Promise<{ applicationId: number; input: BeginnanzeigePdfInput }> {
  const loaded = await requireImplementation(user, idParam);
  const applicationId = loaded.application.row.id;
  const facts = await implementationFactsOf(loaded.row, loaded.bescheid, today);
  // Nothing to report before a start is recorded: back to the field where it is entered.
  if (!facts.startedOn) throw redirect(`/antraege/${applicationId}/umsetzung#termine-startedOn`);
  const organisation = (await findOrganisation(await getDb(), loaded.row.organisation_id))?.name ?? '';
  const projectTitle = loaded.application.data.project.title?.trim() || 'Antrag ohne Titel';
  return { applicationId, input: beginnanzeigePdfInput(facts, organisation, projectTitle, now, implementationTable) };
}

/** The display-ready input; `facts.startedOn` must be set. Without a recorded report, the report is dated today. */
export function beginnanzeigePdfInput(
  facts: ImplementationFacts,
  organisation: string,
  projectTitle: string,
  now: Date,
  table: ImplementationParameterTable,
): BeginnanzeigePdfInput {
  const b = facts.bescheid;
  if (!facts.startedOn) throw new Error('Beginnanzeige ohne Beginn');
  const first =
    b.programmePart === 'A' && !advanceProcedureOn(b, table, facts.today)
      ? regularInstalments(facts, table).find((i) => i.key === 'first')
      : undefined;
  return {
    part: b.programmePart,
    ...grantFactsOf(b, organisation, projectTitle),
    startedOn: formatDate(facts.startedOn),
    date: formatDate(facts.startReportedOn ?? facts.today),
    firstInstalment: first
      ? {
          share: formatPercentBasisPoints(first.shareBp),
          amount: formatEuro(first.cents),
          // The same day regularInstalments reads the share on.
          reference: valueOn(table, 'payout.regular.first', b.issuedOn).reference,
          finalOn: formatDate(bescheidFinalOn(b, table)),
        }
      : null,
    createdAt: now,
  };
}
