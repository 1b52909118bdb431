import type { SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from '@remix-run/node';
import { lastSignIn, recordAudit } from '../../db/repositories/audit';
import { findOrganisation, listOrganisations } from '../../db/repositories/organisations';
import { revokeOtherSessions } from '../../db/repositories/sessions';
import { advisedDraftCount, findUserById, setUserDisabled, updateUserRole } from '../../db/repositories/users';
import { accountRoleSchema } from '../../machines/shared/account';
import { formatDateTime } from '../../machines/shared/format';
import { roleLabel } from '../../machines/shared/organisation';
import { config } from '../config.server';
import { getDb } from '../db.server';
import { sendResetLink } from '../konto/password-reset.server';
import type { CurrentUser } from '../session.server';

/** One account in the administration (/verwaltung/konten/:id): role, organisation, reset link, lock (ADR 0025). */

async function requireAccount(idParam: string | undefined) {
  const id = Number(idParam);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Nicht gefunden', { status: 404 });
  const account = await findUserById(await getDb(), id);
  if (!account) throw new Response('Nicht gefunden', { status: 404 });
  return account;
}

type ActionResult = { error: string | null; result?: SubmissionResult<string[]> };

export async function accountPage(admin: CurrentUser, idParam: string | undefined, url: URL) {
  const account = await requireAccount(idParam);
  const db = await getDb();
  const [organisation, organisations, signedIn] = await Promise.all([
    account.organisation_id ? findOrganisation(db, account.organisation_id) : undefined,
    listOrganisations(db),
    lastSignIn(db, account.id),
  ]);
  return {
    own: account.id === admin.id,
    confirmLock: url.searchParams.get('aktion') === 'sperren' && account.disabled_at === null && account.id !== admin.id,
    notice: url.searchParams.get('hinweis'),
    resetMinutes: config.passwordResetMinutes,
    account: {
      id: account.id,
      name: account.name,
      email: account.email,
      role: account.role,
      roleLabel: roleLabel[account.role],
      organisationId: account.organisation_id ? String(account.organisation_id) : '',
      organisation: organisation?.name ?? null,
      disabledAt: account.disabled_at ? formatDateTime(account.disabled_at) : null,
      createdAt: formatDateTime(account.created_at),
      lastSignIn: signedIn ? formatDateTime(signedIn) : null,
    },
    organisations: organisations.map((o) => ({ value: String(o.id), label: o.name })),
  };
}

export async function accountAction(admin: CurrentUser, idParam: string | undefined, formData: FormData) {
  const account = await requireAccount(idParam);
  const db = await getDb();
  const intent = formData.get('intent');
  const refuse = (error: string, status = 400) => data<ActionResult>({ error }, { status });
  if (account.id === admin.id) {
    return refuse(
      'Ihr eigenes Konto können Sie hier nicht ändern oder sperren; so bleibt immer eine Person mit Zugang zur Verwaltung. Bitten Sie eine andere Person der Administration. Ihr Passwort ändern Sie unter „Konto“.',
    );
  }
  const page = `/verwaltung/konten/${account.id}`;

  if (intent === 'rolle') {
    const submission = parseWithZod(formData, { schema: accountRoleSchema });
    if (submission.status !== 'success') return data<ActionResult>({ error: null, result: submission.reply() }, { status: 400 });
    const { role, organisationId } = submission.value;
    const organisation = organisationId ? await findOrganisation(db, organisationId) : undefined;
    if (organisationId && !organisation) {
      return data<ActionResult>(
        { error: null, result: submission.reply({ fieldErrors: { organisationId: ['Diese Organisation gibt es nicht (mehr).'] } }) },
        { status: 400 },
      );
    }
    if (account.role === 'advisor' && role !== 'advisor') {
      const advised = await advisedDraftCount(db, account.id);
      if (advised > 0) {
        return data<ActionResult>(
          {
            error: null,
            result: submission.reply({
              fieldErrors: {
                role: [
                  `${account.name} ist bei ${advised === 1 ? 'einem Antrag' : `${advised} Anträgen`} als Beratung eingetragen. Solange das so ist, bleibt die Rolle EBBS-Beratung: Die Organisationen können die Beratung bei einer anderen Person anfragen, oder die Beratung zieht eine Kollegin oder einen Kollegen hinzu.`,
                ],
              },
            }),
          },
          { status: 400 },
        );
      }
    }
    const before = { role: account.role, organisationId: account.organisation_id };
    const after = { role, organisationId: organisationId ?? null };
    if (before.role === after.role && before.organisationId === after.organisationId) return redirect(`${page}?hinweis=unveraendert`);
    await db.transaction().execute(async (trx) => {
      await updateUserRole(trx, account.id, after.role, after.organisationId);
      await recordAudit(trx, {
        actorUserId: admin.id,
        action: 'user.role_changed',
        subjectType: 'user',
        subjectId: account.id,
        details: {
          before,
          after,
          summary: `${account.name}: Rolle ${roleLabel[before.role]} → ${roleLabel[after.role]}${after.organisationId ? `, Organisation ${organisation?.name ?? after.organisationId}` : ''}.`,
        },
      });
    });
    return redirect(`${page}?hinweis=gespeichert`);
  }

  if (intent === 'sperren') {
    if (formData.get('bestaetigt') !== 'ja') return redirect(`${page}?aktion=sperren`);
    if (account.disabled_at) return redirect(`${page}?hinweis=gesperrt`);
    await db.transaction().execute(async (trx) => {
      await setUserDisabled(trx, account.id, true);
      await revokeOtherSessions(trx, account.id, null);
      await recordAudit(trx, {
        actorUserId: admin.id,
        action: 'user.disabled',
        subjectType: 'user',
        subjectId: account.id,
        details: { summary: `Konto ${account.email} gesperrt; alle Sitzungen beendet.` },
      });
    });
    return redirect(`${page}?hinweis=gesperrt`);
  }

  if (intent === 'entsperren') {
    await db.transaction().execute(async (trx) => {
      await setUserDisabled(trx, account.id, false);
      await recordAudit(trx, {
        actorUserId: admin.id,
        action: 'user.enabled',
        subjectType: 'user',
        subjectId: account.id,
        details: { summary: `Konto ${account.email} entsperrt.` },
      });
    });
    return redirect(`${page}?hinweis=entsperrt`);
  }

  if (intent === 'passwort') {
    if (account.disabled_at) return refuse('Das Konto ist gesperrt. Entsperren Sie es zuerst, wenn die Person sich wieder anmelden soll.');
    await db.transaction().execute(async (trx) => {
      await sendResetLink(trx, account, { id: admin.id, name: admin.name });
      await recordAudit(trx, {
        actorUserId: admin.id,
        action: 'user.password_reset_sent',
        subjectType: 'user',
        subjectId: account.id,
        details: { summary: `Link für ein neues Passwort an ${account.email} geschickt.` },
      });
    });
    return redirect(`${page}?hinweis=link-gesendet`);
  }
  return refuse('Unbekannte Aktion.');
}
