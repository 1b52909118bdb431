import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../machines/shared/organisation';
import { decoyHash, hashPassword, verifyPassword } from '../passwords';
import type { Database, User } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

export type PublicUser = Omit<User, 'password_hash'>;

const publicColumns = ['id', 'email', 'name', 'role', 'organisation_id', 'created_at', 'disabled_at'] as const;

export interface NewUserInput {
  email: string;
  name: string;
  password: string;
  role: Role;
  organisationId: number | null;
}

export async function createUser(db: Executor, input: NewUserInput, now = new Date()): Promise<PublicUser> {
  return db
    .insertInto('users')
    .values({
      email: input.email.trim().toLowerCase(),
      name: input.name,
      password_hash: await hashPassword(input.password),
      role: input.role,
      organisation_id: input.organisationId,
      created_at: now.toISOString(),
    })
    .returning(publicColumns)
    .executeTakeFirstOrThrow();
}

export async function findUserById(db: Executor, id: number): Promise<PublicUser | undefined> {
  return db.selectFrom('users').select(publicColumns).where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Executor, email: string): Promise<PublicUser | undefined> {
  return db.selectFrom('users').select(publicColumns).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

/**
 * Checks e-mail and password. Unknown addresses cost the same scrypt work as known ones, so the
 * response time does not reveal which addresses have accounts.
 */
export async function verifyCredentials(db: Executor, email: string, password: string): Promise<PublicUser | null> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  if (!row) {
    await verifyPassword(password, await decoyHash());
    return null;
  }
  const ok = await verifyPassword(password, row.password_hash);
  if (!ok || row.disabled_at) return null;
  const { password_hash: _omitted, ...user } = row;
  return user;
}

export async function changePassword(db: Executor, userId: number, newPassword: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(newPassword) })
    .where('id', '=', userId)
    .execute();
}

export async function listUsers(db: Executor): Promise<Array<PublicUser & { organisation_name: string | null }>> {
  return db
    .selectFrom('users')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([...publicColumns.map((c) => `users.${c}` as const), 'organisations.name as organisation_name'])
    .orderBy('users.role')
    .orderBy('users.email')
    .execute();
}

export async function listOrganisationMembers(db: Executor, organisationId: number): Promise<PublicUser[]> {
  return db.selectFrom('users').select(publicColumns).where('organisation_id', '=', organisationId).orderBy('name').execute();
}

export async function setUserDisabled(db: Executor, userId: number, disabled: boolean, now = new Date()): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled_at: disabled ? now.toISOString() : null })
    .where('id', '=', userId)
    .execute();
}

/** Sets an account's role and organisation (the administration; rules in machines/shared/account.ts). */
export async function updateUserRole(db: Executor, userId: number, role: Role, organisationId: number | null): Promise<void> {
  await db.updateTable('users').set({ role, organisation_id: organisationId }).where('id', '=', userId).execute();
}

/** How many drafts the account is entered as advisor on (a role change would leave them without). */
export async function advisedDraftCount(db: Executor, advisorId: number): Promise<number> {
  const row = await db
    .selectFrom('application_advisors')
    .innerJoin('applications', 'applications.id', 'application_advisors.application_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('application_advisors.advisor_id', '=', advisorId)
    .where('applications.deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The active accounts of a role (for example the ministry accounts asked to approve a change). */
export async function activeUserIdsWithRole(db: Executor, role: Role): Promise<number[]> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', role).where('disabled_at', 'is', null).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Display names (and roles) by id, for histories and audit trails. */
export async function namesByIds(db: Executor, ids: number[]): Promise<Map<number, { name: string; role: string }>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name', 'role']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, role: r.role }]));
}
