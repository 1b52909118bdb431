import {
  bescheidOf,
  findImplementationByApplication,
  milestonesOf,
  listImplementationsOfOrganisation,
  listPayouts,
  listReceipts,
} from '../../db/repositories/implementations';
import { costCategories } from '../../machines/frl/catalogues';
import { totalsFor } from '../../machines/frl/application/facts';
import { statusOf, type AdviceStatus } from '../../machines/frl/advice/machine';
import { programmePartOf } from '../../machines/shared/organisation';
import { BESCHEID_SCHEMA_VERSION, type Bescheid } from '../../machines/umsetzung/bescheid';
import type { ImplementationFacts } from '../../machines/umsetzung/computations';
import { changesFromJson } from '../../machines/umsetzung/aenderungen';
import { implementationParameters } from '../../machines/umsetzung/parameters';
import { receiptFieldLabels, type Receipt, type ReceiptField, type ReceiptFormValues } from '../../machines/umsetzung/receipts';
import { implementationDeadlines } from '../../machines/umsetzung/deadlines';
import type { ImplementationReceiptRow, ImplementationRow } from '../../db/schema';
import type { GrantFacts } from '../../forms/umsetzung/grant-facts';
import { formatDate, formatEuro } from '../../machines/shared/format';
import { restoreAdvice } from '../beratung/advice.server';
import { requireOwnApplication, type LoadedApplication } from '../antrag/application.server';
import { getDb } from '../db.server';
import { todayInSaxony } from '../rules.server';
import type { CurrentUser } from '../session.server';

/**
 * Wires the implementation domain (machines/umsetzung) to the application and the database: the
 * Bescheid is prefilled from the submitted plan, and the stored rows become the rules' facts.
 */

export const implementationTable = implementationParameters;

/** A Bescheid can be recorded once the SAB's approval is recorded (status "bewilligt"). */
export const mayRecordBescheid = (status: AdviceStatus) => status === 'bewilligt';

export type { Milestones } from '../../machines/umsetzung/stored';
export { bescheidOf, milestonesOf };

export function receiptOf(row: ImplementationReceiptRow): Receipt {
  return {
    id: String(row.id),
    orderedOn: row.ordered_on,
    invoicedOn: row.invoiced_on,
    paidOn: row.paid_on,
    payee: row.payee,
    purpose: row.purpose,
    lineId: row.line_id,
    netCents: row.net_cents,
    grossCents: row.gross_cents,
    asset: row.asset === 1,
  };
}

export interface LoadedImplementation {
  application: LoadedApplication;
  status: AdviceStatus;
  decisionDate: string | null;
  part: 'A' | 'B' | null;
  row: ImplementationRow | undefined;
}

export async function requireOwnImplementationContext(
  user: CurrentUser & { organisation_id: number },
  idParam: string | undefined,
): Promise<LoadedImplementation> {
  return implementationContextOf(await requireOwnApplication(user, idParam));
}

/** The implementation context of an application someone may read (its organisation, or an advisor asked for advice). */
export async function implementationContextOf(application: LoadedApplication): Promise<LoadedImplementation> {
  const advice = restoreAdvice(application.row);
  const kind = application.data.applicant.organisation?.kind;
  return {
    application,
    status: statusOf(advice),
    decisionDate: advice.context.decision?.date ?? null,
    part: kind ? programmePartOf(kind) : null,
    row: await findImplementationByApplication(await getDb(), application.row.id),
  };
}

/** Loads the implementation or sends the user to record the Bescheid first. */
export async function requireImplementation(user: CurrentUser & { organisation_id: number }, idParam: string | undefined) {
  return withBescheid(await requireOwnImplementationContext(user, idParam));
}

export function withBescheid(loaded: LoadedImplementation) {
  if (!loaded.row) throw new Response('Nicht gefunden', { status: 404 });
  return { ...loaded, row: loaded.row, bescheid: bescheidOf(loaded.row) };
}
export type Implementation = ReturnType<typeof withBescheid>;

/** The grant a document to the SAB refers to (its first table), display-ready. */
export function grantFactsOf(bescheid: Bescheid, organisation: string, projectTitle: string): GrantFacts {
  return {
    organisation,
    projectTitle,
    fileNumber: bescheid.fileNumber,
    period: `${formatDate(bescheid.periodStart)} bis ${formatDate(bescheid.periodEnd)}`,
    grant: formatEuro(bescheid.grantCents),
  };
}

/**
 * The Bescheid as the application asked for it: lines per cost category, financing as planned,
 * the requested grant, the period. The grantee edits it to what the SAB approved.
 */
export function prefilledBescheid(
  loaded: LoadedImplementation,
): Omit<Bescheid, 'fileNumber' | 'receivedOn' | 'issuedOn'> & Partial<Bescheid> {
  const { data, context } = loaded.application;
  const totals = totalsFor(data, context.table, context.date);
  const lines = totals.byCategory
    .filter((c) => c.cents > 0 && !costCategories.find((k) => k.id === c.category)?.ineligible)
    .map((c) => ({ id: c.category, label: costCategories.find((k) => k.id === c.category)?.label ?? c.category, approvedCents: c.cents }));
  const part = loaded.part ?? 'A';
  // In Teil 2 A in-kind contributions count on neither side (they are not part of the plan the Bescheid binds).
  if (part === 'B' && totals.inKindCents > 0)
    lines.push({ id: 'unbare-leistungen', label: 'Unbare Eigenleistungen', approvedCents: totals.inKindCents });
  const f = totals.financing;
  const issuedOn = loaded.decisionDate ?? undefined;
  return {
    schemaVersion: BESCHEID_SCHEMA_VERSION,
    programmePart: part,
    issuedOn,
    appealWaivedOn: null,
    periodStart: data.schedule.start ?? '',
    periodEnd: data.schedule.end ?? '',
    financingType: 'anteilfinanzierung',
    grantCents: f.grantCents,
    rateBp: 9000,
    vatDeductible: data.budget.vatDeductible ?? false,
    advancePayments: part === 'B',
    lines: lines.length ? lines : [{ id: 'p1', label: '', approvedCents: 0 }],
    financing: {
      ownCashCents: f.ownCashCents,
      inKindCents: part === 'B' ? f.inKindCents : 0,
      thirdPartyCents: f.earmarkedCents + f.otherDonationsCents,
      otherPublicCents: f.otherPublicCents,
    },
    conditions: '',
  };
}

export async function implementationFactsOf(
  row: ImplementationRow,
  bescheid: Bescheid,
  today = todayInSaxony(),
): Promise<ImplementationFacts> {
  const db = await getDb();
  const [receipts, payouts] = await Promise.all([listReceipts(db, row.id), listPayouts(db, row.id)]);
  const m = milestonesOf(row);
  const changes = changesFromJson(row.changes);
  return {
    bescheid,
    today,
    ...m,
    receipts: receipts.map(receiptOf),
    payouts: payouts.map((p) => ({ receivedOn: p.received_on, cents: p.amount_cents })),
    // The grantee's expectations (Änderungen): the rules judge reductions and new money from them.
    forecastExpenditureCents: changes.forecastExpenditureCents,
    additionalFinancingCents: changes.additionalFinancingCents,
    mittelabruf: null,
  };
}

/** The receipt fields of a posted form, as typed (kept for the page on errors). */
export function receiptValuesFrom(form: FormData): ReceiptFormValues {
  const values: ReceiptFormValues = {};
  for (const key of Object.keys(receiptFieldLabels) as ReceiptField[]) {
    const v = form.get(key);
    // Kept whole, so the page shows exactly what was typed (the schema says what is too long).
    if (typeof v === 'string') values[key] = v;
  }
  return values;
}

/** Every project in implementation of the user's organisation with its due dates (issue 19 Nr. 6). */
export async function organisationDeadlines(user: CurrentUser & { organisation_id: number }, today = todayInSaxony()) {
  return deadlinesOfOrganisation(user.organisation_id, today);
}

/** The same for an organisation by id (the subscribed calendar has no signed-in user). */
export async function deadlinesOfOrganisation(organisationId: number, today = todayInSaxony()) {
  const rows = await listImplementationsOfOrganisation(await getDb(), organisationId);
  return Promise.all(
    rows.map(async (row) => {
      const bescheid = bescheidOf(row);
      const facts = await implementationFactsOf(row, bescheid, today);
      return {
        applicationId: row.application_id,
        projectTitle: row.title.trim() || 'Antrag ohne Titel',
        fileNumber: bescheid.fileNumber,
        updatedAt: row.updated_at,
        deadlines: implementationDeadlines(facts, implementationTable),
      };
    }),
  );
}
