import { parseWithZod } from '@conform-to/zod/v4';
import { data } from '@remix-run/node';
import type { z } from 'zod';
import { searchAudit } from '../../db/repositories/audit';
import { listOrganisations } from '../../db/repositories/organisations';
import { listUsers } from '../../db/repositories/users';
import { startOfDayInBerlin } from '../../machines/shared/dates';
import { formatDateTime } from '../../machines/shared/format';
import { auditActionLabel, auditAreas } from '../components/admin/audit-labels';
import { auditSummary } from '../components/regelwerk/audit';
import { getDb } from '../db.server';
import { filterSchema } from './audit-filter';

/** The administration's audit log (/verwaltung/protokoll): the entries by area, person, account and period, page by page. */

const pageSize = 50;

const nextDay = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The page for `url`'s filter; the caller has checked that an administrator asks. */
export async function auditLogPage(url: URL) {
  const submission = parseWithZod(url.searchParams, { schema: filterSchema });
  // With an invalid filter the list is not filtered; the message stands at the field, the input stays.
  const filter: z.output<typeof filterSchema> = submission.status === 'success' ? submission.value : { von: undefined, bis: undefined };
  const db = await getDb();
  const [users, organisations] = await Promise.all([listUsers(db), listOrganisations(db)]);
  const search = {
    actionPrefix: filter.bereich ? auditAreas[filter.bereich].prefix : undefined,
    actorId: filter.person,
    concerningUserId: filter.konto,
    from: filter.von ? startOfDayInBerlin(filter.von) : undefined,
    until: filter.bis ? startOfDayInBerlin(nextDay(filter.bis)) : undefined,
  };
  const pages = (total: number) => Math.max(1, Math.ceil(total / pageSize));
  let page = filter.seite ?? 1;
  let found = await searchAudit(db, search, { limit: pageSize, offset: (page - 1) * pageSize });
  if (page > pages(found.total)) {
    page = pages(found.total);
    found = await searchAudit(db, search, { limit: pageSize, offset: (page - 1) * pageSize });
  }
  const userById = new Map(users.map((u) => [String(u.id), u]));
  const organisationById = new Map(organisations.map((o) => [String(o.id), o]));
  const subjectOf = (type: string, id: string | null): { text: string; link: string | null } => {
    if (id === null) return { text: '–', link: null };
    if (type === 'user') {
      const user = userById.get(id);
      return { text: user ? `${user.name} (${user.email})` : `Konto Nr. ${id} (gelöscht)`, link: user ? `/verwaltung/konten/${id}` : null };
    }
    if (type === 'organisation') return { text: organisationById.get(id)?.name ?? `Organisation Nr. ${id}`, link: null };
    if (type === 'parameter_change') return { text: `Parameteränderung Nr. ${id}`, link: `/regelwerk/parameter/${id}` };
    if (type === 'funding_call') return { text: `Förderaufruf ${id}`, link: `/regelwerk/aufrufe/${encodeURIComponent(id)}` };
    return { text: `${type} ${id}`, link: null };
  };
  const concerning = filter.konto ? userById.get(String(filter.konto)) : undefined;
  return data(
    {
      result: submission.reply(),
      page,
      pages: pages(found.total),
      total: found.total,
      concerning: concerning ? `${concerning.name} (${concerning.email})` : null,
      concerningId: concerning ? String(concerning.id) : null,
      people: users.map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` })),
      entries: found.rows.map((r) => {
        const summary = auditSummary(r.action, r.details);
        return {
          id: r.id,
          at: formatDateTime(r.at),
          actor: r.actor_name ? `${r.actor_name} (${r.actor_email})` : 'ohne Anmeldung',
          action: auditActionLabel(r.action),
          code: r.action,
          subject: subjectOf(r.subject_type, r.subject_id),
          summary: summary === r.action ? null : summary,
        };
      }),
    },
    { status: submission.status === 'error' ? 400 : 200 },
  );
}
