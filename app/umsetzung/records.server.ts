import { findOrganisation } from '../../db/repositories/organisations';
import {
  addPayout,
  addReceipts,
  addRequest,
  createImplementation,
  deletePayout,
  deleteReceipt,
  findReceipt,
  importReceipts,
  listPayouts,
  listReceipts,
  listRequests,
  updateImplementation,
  updateReceipt,
} from '../../db/repositories/implementations';
import { getDb } from '../db.server';

/**
 * The writes and reads of an implementation's own records – Bescheid, milestones, receipts, payouts,
 * Mittelabrufe – for the routes under /antraege/:id/umsetzung, so no route holds a database handle.
 */

type Args<F> = F extends (db: never, ...rest: infer R) => unknown ? R : never;
type ReceiptValues = Args<typeof addReceipts>[1][number];

/** Records the Bescheid: starts the implementation; undefined when someone else recorded one meanwhile. */
export async function startImplementation(...args: Args<typeof createImplementation>) {
  return createImplementation(await getDb(), ...args);
}

/** Saves a part of the implementation (Bescheid, milestones, proof, changes) if its version is still `expectedVersion`. */
export async function saveImplementation(...args: Args<typeof updateImplementation>): Promise<boolean> {
  return updateImplementation(await getDb(), ...args);
}

export async function payoutsOf(implementationId: number) {
  return listPayouts(await getDb(), implementationId);
}

export async function recordPayout(...args: Args<typeof addPayout>): Promise<void> {
  await addPayout(await getDb(), ...args);
}

export async function removePayout(implementationId: number, payoutId: number): Promise<boolean> {
  return deletePayout(await getDb(), implementationId, payoutId);
}

export async function receiptsOf(implementationId: number) {
  return listReceipts(await getDb(), implementationId);
}

export async function findReceiptOf(implementationId: number, receiptId: number) {
  return findReceipt(await getDb(), implementationId, receiptId);
}

export async function addReceipt(implementationId: number, receipt: ReceiptValues, userId: number): Promise<number> {
  return addReceipts(await getDb(), implementationId, [receipt], userId);
}

export async function changeReceipt(...args: Args<typeof updateReceipt>): Promise<boolean> {
  return updateReceipt(await getDb(), ...args);
}

export async function removeReceipt(implementationId: number, receiptId: number): Promise<boolean> {
  return deleteReceipt(await getDb(), implementationId, receiptId);
}

/** Adds the rows of a CSV import in one transaction, skipping duplicates. */
export async function importReceiptRows(implementationId: number, receipts: ReceiptValues[], userId: number) {
  const db = await getDb();
  return db.transaction().execute((trx) => importReceipts(trx, implementationId, receipts, userId));
}

export async function mittelabrufeOf(implementationId: number) {
  return listRequests(await getDb(), implementationId);
}

export async function recordMittelabruf(...args: Args<typeof addRequest>) {
  return addRequest(await getDb(), ...args);
}

/** The organisation's name, for the PDF forms. */
export async function organisationNameOf(organisationId: number): Promise<string> {
  return (await findOrganisation(await getDb(), organisationId))?.name ?? '';
}
