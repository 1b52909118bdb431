import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { OrganisationData } from '../../machines/shared/organisation';
import type { Database, Organisation } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

/** Eight characters from an alphabet without look-alikes (0/O, 1/I/L), grouped for reading aloud. */
export function newInviteCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(8);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

function toRow(data: OrganisationData) {
  return {
    kind: data.kind,
    name: data.name,
    street: data.street,
    postal_code: data.postalCode,
    city: data.city,
    landkreis: data.landkreis,
    ags: data.ags || null,
    register_number: data.registerNumber || null,
    register_court: data.registerCourt || null,
    legal_rep_name: data.legalRepName,
    legal_rep_function: data.legalRepFunction,
    contact_name: data.contactName,
    contact_email: data.contactEmail,
    contact_phone: data.contactPhone,
    bank_account_holder: data.bankAccountHolder,
    iban: data.iban,
    bic: data.bic || null,
    bank_name: data.bankName,
  };
}

/** The master data in the shape of the shared schema's input (for forms and application prefill). */
export function organisationToData(org: Organisation): OrganisationData {
  return {
    kind: org.kind,
    name: org.name,
    street: org.street,
    postalCode: org.postal_code,
    city: org.city,
    landkreis: org.landkreis,
    ags: org.ags ?? '',
    registerNumber: org.register_number ?? '',
    registerCourt: org.register_court ?? '',
    legalRepName: org.legal_rep_name,
    legalRepFunction: org.legal_rep_function,
    contactName: org.contact_name,
    contactEmail: org.contact_email,
    contactPhone: org.contact_phone,
    bankAccountHolder: org.bank_account_holder,
    iban: org.iban,
    bic: org.bic ?? '',
    bankName: org.bank_name,
  };
}

export async function createOrganisation(db: Executor, data: OrganisationData, now = new Date()): Promise<Organisation> {
  const at = now.toISOString();
  return db
    .insertInto('organisations')
    .values({ ...toRow(data), invite_code: newInviteCode(), created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateOrganisation(db: Executor, id: number, data: OrganisationData, now = new Date()): Promise<Organisation> {
  return db
    .updateTable('organisations')
    .set({ ...toRow(data), updated_at: now.toISOString() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findOrganisation(db: Executor, id: number): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganisationByInviteCode(db: Executor, code: string): Promise<Organisation | undefined> {
  const normalised = code
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  if (normalised.length !== 8) return undefined;
  return db
    .selectFrom('organisations')
    .selectAll()
    .where('invite_code', '=', `${normalised.slice(0, 4)}-${normalised.slice(4)}`)
    .executeTakeFirst();
}

export async function renewInviteCode(db: Executor, id: number): Promise<string> {
  const code = newInviteCode();
  await db.updateTable('organisations').set({ invite_code: code }).where('id', '=', id).execute();
  return code;
}

export async function listOrganisations(db: Executor): Promise<Organisation[]> {
  return db.selectFrom('organisations').selectAll().orderBy('name').execute();
}

/**
 * A new organisation from self-registration: kind, name and Landkreis only. The rest of the master
 * data is completed once on the organisation page and then prefills every application.
 */
export async function createOrganisationStub(
  db: Executor,
  stub: { kind: OrganisationData['kind']; name: string; landkreis: OrganisationData['landkreis'] },
  now = new Date(),
): Promise<Organisation> {
  const at = now.toISOString();
  return db
    .insertInto('organisations')
    .values({
      ...stub,
      street: '',
      postal_code: '',
      city: '',
      ags: null,
      register_number: null,
      register_court: null,
      legal_rep_name: '',
      legal_rep_function: '',
      contact_name: '',
      contact_email: '',
      contact_phone: '',
      bank_account_holder: '',
      iban: '',
      bic: null,
      bank_name: '',
      invite_code: newInviteCode(),
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
