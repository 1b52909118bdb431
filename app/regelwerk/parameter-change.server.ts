import { recordAudit } from '../../db/repositories/audit';
import {
  createParameterChange,
  listParameterChanges,
  discardParameterChange,
  parameterChangeEffects,
  publishedValues,
  toPublishedValue,
  type ParameterChangeEffects,
} from '../../db/repositories/regelwerk';
import { formatParameterValue, parameterValueRows } from '../../machines/frl/catalogue';
import { parameterIds, valueOn, shippedParameters, type ParameterTable } from '../../machines/frl/parameters';
import { effectiveDateProblem, sameValueProblem, type ParameterChangeInput } from '../../machines/frl/regelwerk/parameter-change';
import { formatDate, formatDateTime } from '../../machines/shared/format';
import { unreadableDraftsNote } from '../components/regelwerk/changes';
import { getDb } from '../db.server';
import { askForApproval, describeValue, previewChange, requireParameterChange } from './workbench.server';
import { rulesOptions, todayInSaxony } from '../rules.server';
import type { CurrentUser } from '../session.server';
import { verdictLabel } from '../../machines/frl/engine';
import { rollbackProposal } from '../../machines/frl/regelwerk/overlay';
import { approvalView, changePreviewView, parameterChangeView, routeName } from './change-preview.server';

/**
 * One parameter change on the workbench (/regelwerk/parameter/:id): what it is, its preview while
 * a draft or what was found at publication, and the two actions of the page – discarding a draft
 * and proposing the rollback of a published change. Each write and its audit entry share one transaction.
 */

/** What was found at publication, with the routes and verdicts in words. */
function storedEffectsView(effects: ParameterChangeEffects) {
  return {
    suite: effects.suite,
    checkedDrafts: effects.checkedDrafts,
    unreadableNote: unreadableDraftsNote(effects.unreadableDrafts ?? 0),
    drafts: effects.drafts.map((x) => ({
      id: x.id,
      route: routeName(x.route),
      verdictBefore: verdictLabel[x.verdictBefore],
      verdictAfter: verdictLabel[x.verdictAfter],
      changed: x.verdictBefore !== x.verdictAfter,
      reasons: x.reasons,
    })),
  };
}

export type StoredEffectsView = ReturnType<typeof storedEffectsView>;

/** The loader data of the change's page; `notice` is the page's `hinweis` parameter. */
export async function parameterChangePage(user: CurrentUser, idParam: string | undefined, notice: string | null) {
  const change = await requireParameterChange(idParam);
  const { parameters } = await rulesOptions();
  const base = {
    mayEdit: user.role === 'ministry',
    change: parameterChangeView(change, parameters),
    approval: approvalView(change, user),
    notice,
  };
  if (change.status !== 'entwurf') {
    const effects = parameterChangeEffects(change);
    return { ...base, preview: null, effects: effects ? storedEffectsView(effects) : null };
  }
  return { ...base, effects: null, preview: changePreviewView(await previewChange(change)) };
}

type ParameterChange = Awaited<ReturnType<typeof requireParameterChange>>;

export type ParameterChangeOutcome = { ok: true; id: number } | { ok: false; error: string };

/** Discards a draft change (nothing is published). */
export async function discardParameterDraft(user: CurrentUser, change: ParameterChange): Promise<ParameterChangeOutcome> {
  const db = await getDb();
  const discarded = await db.transaction().execute(async (trx) => {
    if (!(await discardParameterChange(trx, change.id, user.id))) return false;
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'regelwerk.parameter.verworfen',
      subjectType: 'parameter_change',
      subjectId: change.id,
      details: { summary: `Änderung Nr. ${change.id} verworfen (nicht veröffentlicht).` },
    });
    return true;
  });
  if (!discarded) return { ok: false, error: 'Diese Änderung ist kein Entwurf mehr; sie kann nicht verworfen werden.' };
  return { ok: true, id: change.id };
}

/**
 * Proposes the rollback of a published change: the value that held before, as a new draft from the
 * change's date (or today, when that day has passed), to be previewed and approved like any change.
 * `id` of the outcome is the new draft's.
 */
export async function proposeRollback(user: CurrentUser, change: ParameterChange): Promise<ParameterChangeOutcome> {
  const db = await getDb();
  const target = toPublishedValue(change);
  if (!target) return { ok: false, error: 'Nur veröffentlichte Änderungen können zurückgenommen werden.' };
  const today = todayInSaxony();
  const proposal = rollbackProposal(shippedParameters, await publishedValues(db), target, today);
  if (!proposal) return { ok: false, error: 'Vor dieser Änderung galt kein Wert; es gibt nichts wiederherzustellen.' };
  const { parameters } = await rulesOptions();
  const input = {
    parameterId: proposal.parameterId,
    value: proposal.value.value,
    effectiveFrom: proposal.from,
    reference: proposal.value.reference,
    note: `Rücknahme der Änderung Nr. ${change.id}`,
    assumption: proposal.value.assumption,
  };
  const problem = effectiveDateProblem(input.effectiveFrom, today) ?? sameValueProblem(parameters, input);
  if (problem) return { ok: false, error: `Keine Rücknahme nötig oder möglich: ${problem}` };
  const created = await createChangeForApproval(user, { ...input, rollsBack: change.id }, (id) => ({
    summary: `Änderung Nr. ${id} angelegt: Rücknahme von Nr. ${change.id}, ${parameters[input.parameterId].label} wieder ${describeValue(parameters, input.parameterId, input.value)} ab ${formatDate(input.effectiveFrom)}.`,
    what: `die Rücknahme der Änderung Nr. ${change.id} (Änderung Nr. ${id})`,
  }));
  return { ok: true, id: created.id };
}

/** The parameters (/regelwerk/parameter): every value with its dates and sources, and every change; `parameter` preselects the form. */
export async function parameterList(user: CurrentUser, url: URL) {
  const { parameters } = await rulesOptions();
  const today = todayInSaxony();
  const db = await getDb();
  const changes = await listParameterChanges(db);
  const requested = url.searchParams.get('parameter');
  return {
    mayEdit: user.role === 'ministry',
    today,
    parameters: parameterIds.map((id) => {
      const definition = parameters[id];
      const current = valueOn(definition, today);
      return {
        id,
        label: definition.label,
        current: current ? formatParameterValue(definition, current.value) : '–',
        values: parameterValueRows(definition, today),
      };
    }),
    changes: changes.map((c) => ({
      id: c.id,
      parameter: (parameterIds as readonly string[]).includes(c.parameter_id)
        ? parameters[c.parameter_id as (typeof parameterIds)[number]].label
        : c.parameter_id,
      value: describeValue(parameters, c.parameter_id, c.value),
      from: c.effective_from,
      status: c.status,
      createdAt: formatDateTime(c.created_at),
      createdBy: c.created_by_name ?? 'unbekannt',
    })),
    defaults: { parameterId: requested && (parameterIds as readonly string[]).includes(requested) ? requested : '' },
  };
}

/** Creates a draft change of a parameter (checked by parameterChangeSchema) and asks for its approval. */
export async function createParameterDraft(user: CurrentUser, parameters: ParameterTable, input: ParameterChangeInput) {
  const shown = `${parameters[input.parameterId].label}: ${formatParameterValue(parameters[input.parameterId], input.value)} ab ${formatDate(input.effectiveFrom)}`;
  return createChangeForApproval(user, input, (id) => ({
    summary: `Änderung Nr. ${id} angelegt: ${parameters[input.parameterId].label} = ${formatParameterValue(parameters[input.parameterId], input.value)} ab ${formatDate(input.effectiveFrom)} (${input.reference}).`,
    what: `die Änderung Nr. ${id} (${shown})`,
  }));
}

/** A new parameter change in one transaction: the row, its audit entry and the request for a second person's approval. */
async function createChangeForApproval(
  user: CurrentUser,
  input: ParameterChangeInput & { rollsBack?: number },
  texts: (id: number) => { summary: string; what: string },
) {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const row = await createParameterChange(trx, input, user.id);
    const { summary, what } = texts(row.id);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'regelwerk.parameter.angelegt',
      subjectType: 'parameter_change',
      subjectId: row.id,
      details: { ...input, summary },
    });
    await askForApproval(trx, { proposedBy: user.id, what, path: `/regelwerk/parameter/${row.id}/freigabe` });
    return row;
  });
}
