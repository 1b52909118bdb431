import { parseWithZod } from '@conform-to/zod/v4';
import { data } from '@remix-run/node';
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../db/repositories/audit';
import { listAccessibilityFeedback } from '../../db/repositories/feedback';
import { findOrganisation, listOrganisations } from '../../db/repositories/organisations';
import { isUniqueViolation } from '../../db/dialect';
import { createUser, findUserByEmail, listUsers } from '../../db/repositories/users';
import { staffAccountSchema } from '../../machines/shared/account';
import { formatDateTime } from '../../machines/shared/format';
import { roleLabel } from '../../machines/shared/organisation';
import { getDb } from '../db.server';
import type { CurrentUser } from '../session.server';

/** The administration's account list (/verwaltung): accounts, organisations, accessibility feedback, and new staff accounts. */

export async function accountsPage(admin: CurrentUser) {
  const db = await getDb();
  const [users, organisations, feedback] = await Promise.all([listUsers(db), listOrganisations(db), listAccessibilityFeedback(db)]);
  return {
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: roleLabel[u.role],
      organisation: u.organisation_name,
      disabled: u.disabled_at !== null,
      own: u.id === admin.id,
    })),
    organisations: organisations.map((o) => ({ value: String(o.id), label: o.name })),
    feedback: feedback.map((f) => ({ id: f.id, at: formatDateTime(f.created_at), page: f.page, message: f.message, contact: f.contact })),
  };
}

export async function createStaffAccount(admin: CurrentUser, formData: FormData) {
  const db = await getDb();
  const submission = parseWithZod(formData, { schema: staffAccountSchema });
  if (submission.status !== 'success') return data({ result: submission.reply(), created: null }, { status: 400 });
  const value = submission.value;
  const taken = () =>
    data(
      { result: submission.reply({ fieldErrors: { email: ['Für diese E-Mail-Adresse besteht bereits ein Konto.'] } }), created: null },
      { status: 400 },
    );
  if (await findUserByEmail(db, value.email)) return taken();
  // The schema refuses an organisation for any role but applicant (nothing is dropped silently).
  const organisationId = value.organisationId ?? null;
  if (organisationId !== null && !(await findOrganisation(db, organisationId))) {
    return data(
      { result: submission.reply({ fieldErrors: { organisationId: ['Diese Organisation gibt es nicht.'] } }), created: null },
      { status: 400 },
    );
  }
  const password = randomBytes(12).toString('base64url');
  let user: Awaited<ReturnType<typeof createUser>>;
  try {
    // The account and its audit entry together, or neither.
    user = await db.transaction().execute(async (trx) => {
      const created = await createUser(trx, { email: value.email, name: value.name, role: value.role, organisationId, password });
      await recordAudit(trx, {
        actorUserId: admin.id,
        action: 'user.created',
        subjectType: 'user',
        subjectId: created.id,
        details: { role: value.role },
      });
      return created;
    });
  } catch (error) {
    // Two administrators creating the same address at once: the second is told, as above.
    if (isUniqueViolation(error)) return taken();
    throw error;
  }
  // The initial password is shown once, in this response, and never stored in clear.
  return { result: submission.reply({ resetForm: true }), created: { email: user.email, password } };
}
