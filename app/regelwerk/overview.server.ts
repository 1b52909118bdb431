import { listOpenCallChanges, proposedValues } from '../../db/repositories/call-changes';
import { listParameterChanges, listRegelwerkAudit } from '../../db/repositories/regelwerk';
import { callStatusOn } from '../../machines/frl/calls';
import { criteria } from '../../machines/frl/criteria/index';
import { formatDate, formatDateTime } from '../../machines/shared/format';
import { getDb } from '../db.server';
import { auditSummary } from '../components/regelwerk/audit';
import { approvalView } from './change-preview.server';
import { config } from '../config.server';
import { describeValue } from './workbench.server';
import { rulesOptions, todayInSaxony } from '../rules.server';
import type { CurrentUser } from '../session.server';

/** The start page of the rules workbench (/regelwerk). */

/** The workbench's start page: what waits for this person's approval, the counts, the current call, the latest log entries. */
export async function workbenchOverview(user: CurrentUser) {
  const db = await getDb();
  const rules = await rulesOptions();
  const changes = await listParameterChanges(db);
  const status = callStatusOn(rules.calls, todayInSaxony());
  const audit = await listRegelwerkAudit(db, 5);
  const openCalls = await listOpenCallChanges(db);
  // What waits for this person's approval (four-eyes principle): proposals of someone else.
  const waiting = [
    ...changes
      .filter((c) => approvalView(c, user).mayApprove && c.parameter_id in rules.parameters)
      .map((c) => ({
        key: `p${c.id}`,
        to: `/regelwerk/parameter/${c.id}/freigabe`,
        text: `Änderung Nr. ${c.id}: ${rules.parameters[c.parameter_id as keyof typeof rules.parameters].label} ${describeValue(rules.parameters, c.parameter_id, c.value)} ab ${formatDate(c.effective_from)}`,
        by: c.created_by_name ?? 'unbekannt',
      })),
    ...openCalls
      .filter((c) => approvalView(c, user).mayApprove)
      .map((c) => ({
        key: `a${c.id}`,
        to: `/regelwerk/aufrufe/vorschlaege/${c.id}`,
        text: `Förderaufruf, Vorschlag Nr. ${c.id}: ${proposedValues(c).title}`,
        by: c.created_by_name ?? 'unbekannt',
      })),
  ];
  return {
    waiting,
    fourEyes: config.fourEyes,
    name: user.name,
    mayEdit: user.role === 'ministry',
    criteria: criteria.length,
    parameters: Object.keys(rules.parameters).length,
    drafts: changes.filter((c) => c.status === 'entwurf').length,
    published: changes.filter((c) => c.status === 'veroeffentlicht').length,
    call:
      status.status === 'open'
        ? `${status.call.title}: Stichtag ${formatDate(status.call.deadline)}`
        : status.status === 'upcoming'
          ? `${status.call.title} ab ${formatDate(status.call.opensOn ?? status.call.deadline)}`
          : 'Derzeit ist kein Förderaufruf offen.',
    audit: audit.map((a) => ({
      id: a.id,
      at: formatDateTime(a.at),
      actor: a.actor_name ?? 'unbekannt',
      text: auditSummary(a.action, a.details),
    })),
  };
}
