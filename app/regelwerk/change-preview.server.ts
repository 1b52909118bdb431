import type { ParameterChangeWithNames } from '../../db/repositories/regelwerk';
import { verdictLabel } from '../../machines/frl/engine';
import { valueOn, type ParameterId, type ParameterTable } from '../../machines/frl/parameters';
import { approvalDecision, approvalModeLabel, isApprovalMode } from '../../machines/frl/regelwerk/approval';
import { formatDateTime } from '../../machines/shared/format';
import type { Role } from '../../machines/shared/organisation';
import { config } from '../config.server';
import { describeShift, verdictChanged } from '../../machines/frl/regelwerk/preview';
import { routeInfo, type FundingRoute } from '../../machines/frl/routes';
import { unreadableDraftsNote } from '../components/regelwerk/changes';
import { describeValue, type ChangePreview } from './workbench.server';

/** "Einzelvorhaben 1.1", or "Förderweg offen" for a draft that has not chosen one. */
export const routeName = (route: string | null) =>
  route && route in routeInfo ? routeInfo[route as FundingRoute].shortLabel : 'Förderweg offen';

/**
 * What a rule change would do, as the draft's page and the confirmation page show it: the test
 * cases and drafts whose result moves, each with the criteria that explain it. Drafts appear by
 * number and route only, never with a title or an organisation (docs/decisions/0011).
 */
export function changePreviewView(preview: ChangePreview) {
  return {
    suiteCases: preview.suite.length,
    suiteFailedBefore: preview.suite.filter((c) => !c.passedBefore).length,
    suiteFailedAfter: preview.suite.filter((c) => !c.passedAfter).length,
    suiteChanged: preview.suite
      .filter((c) => c.passedBefore !== c.passedAfter || (c.comparison && (verdictChanged(c.comparison) || c.comparison.shifts.length)))
      .map((c) => ({
        name: c.name,
        source: c.source,
        passedAfter: c.passedAfter,
        failures: c.failuresAfter,
        verdictBefore: c.comparison ? verdictLabel[c.comparison.verdictBefore] : null,
        verdictAfter: c.comparison ? verdictLabel[c.comparison.verdictAfter] : null,
        reasons: c.comparison ? c.comparison.shifts.map(describeShift) : [],
      })),
    suiteOnDate: preview.suite
      .filter((c) => c.onEffectiveDate && (verdictChanged(c.onEffectiveDate) || c.onEffectiveDate.shifts.length))
      .map((c) => ({
        name: c.name,
        source: c.source,
        verdictBefore: verdictLabel[c.onEffectiveDate!.verdictBefore],
        verdictAfter: verdictLabel[c.onEffectiveDate!.verdictAfter],
        reasons: c.onEffectiveDate!.shifts.map(describeShift),
      })),
    checkedDrafts: preview.checkedDrafts,
    unreadableNote: unreadableDraftsNote(preview.unreadableDrafts),
    drafts: preview.drafts.map((d) => ({
      id: d.id,
      route: routeName(d.route),
      verdictBefore: verdictLabel[d.comparison.verdictBefore],
      verdictAfter: verdictLabel[d.comparison.verdictAfter],
      changed: verdictChanged(d.comparison),
      reasons: d.comparison.shifts.map(describeShift),
    })),
  };
}

export type ChangePreviewView = ReturnType<typeof changePreviewView>;

/** A parameter change as its page and its confirmation page list it. */
export function parameterChangeView(change: ParameterChangeWithNames & { parameter_id: ParameterId }, parameters: ParameterTable) {
  const parameterId = change.parameter_id;
  const before = change.status === 'entwurf' ? valueOn(parameters[parameterId], change.effective_from) : undefined;
  return {
    id: change.id,
    label: parameters[parameterId].label,
    parameterId,
    value: describeValue(parameters, parameterId, change.value),
    from: change.effective_from,
    reference: change.reference,
    note: change.note,
    assumption: change.assumption,
    status: change.status,
    rollsBack: change.rolls_back,
    publication: change.publication,
    createdAt: formatDateTime(change.created_at),
    createdBy: change.created_by_name ?? 'unbekannt',
    decidedAt: change.decided_at ? formatDateTime(change.decided_at) : null,
    decidedBy: change.decided_by_name,
    before: before ? { value: describeValue(parameters, parameterId, before.value), reference: before.reference, from: before.from } : null,
  };
}

export type ParameterChangeView = ReturnType<typeof parameterChangeView>;

/**
 * Where a proposal stands with the four-eyes principle, for the person looking at it: whether they
 * may publish it, and if not, why (docs/decisions/0024).
 */
export function approvalView(
  proposal: { status: string; created_by: number | null; created_by_name: string | null; approval: string | null },
  viewer: { id: number; role: Role },
) {
  const decision = approvalDecision({ fourEyes: config.fourEyes, proposedBy: proposal.created_by, approver: viewer.id });
  return {
    fourEyes: config.fourEyes,
    pending: proposal.status === 'entwurf',
    proposer: proposal.created_by_name ?? 'unbekannt',
    mayApprove: proposal.status === 'entwurf' && viewer.role === 'ministry' && decision.allowed,
    refusal: proposal.status === 'entwurf' && viewer.role === 'ministry' && !decision.allowed ? decision.reason : null,
    /** How a published proposal was approved. */
    mode: isApprovalMode(proposal.approval) ? approvalModeLabel[proposal.approval] : null,
  };
}

export type ApprovalView = ReturnType<typeof approvalView>;
