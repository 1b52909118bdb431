import { listRegelwerkAudit } from '../../db/repositories/regelwerk';
import { formatDateTime } from '../../machines/shared/format';
import { auditSummary } from '../components/regelwerk/audit';
import { getDb } from '../db.server';
import type { CurrentUser } from '../session.server';

/** The rules workbench's log of changes (/regelwerk/protokoll). */

/** The workbench's log (/regelwerk/protokoll): the latest 500 entries about rules, in words. */
export async function workbenchAuditLog(user: CurrentUser) {
  const entries = await listRegelwerkAudit(await getDb(), 500);
  return {
    mayEdit: user.role === 'ministry',
    entries: entries.map((e) => ({
      id: e.id,
      at: formatDateTime(e.at),
      actor: e.actor_name ?? 'unbekannt',
      text: auditSummary(e.action, e.details),
    })),
  };
}
