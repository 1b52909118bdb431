/**
 * Who may publish a change of the Regelwerk (a parameter value or a funding call): with the
 * four-eyes principle on (the default), a second ministry account approves what the first one
 * proposed; the person who proposed a change never approves it. A small installation with a single
 * ministry account switches the principle off and publishes alone after the confirmation page.
 * Both ways are recorded with the publication (docs/decisions/0024-four-eyes-publication.md).
 */

export type ApprovalMode = 'vier_augen' | 'einzeln';

export type ApprovalDecision = { allowed: true; mode: ApprovalMode } | { allowed: false; reason: string };

export interface ApprovalRequest {
  /** Whether the installation requires a second person (config `RULES_FOUR_EYES`). */
  fourEyes: boolean;
  /** The account that proposed the change; null when that account no longer exists. */
  proposedBy: number | null;
  /** The account that wants to publish it. */
  approver: number;
}

export const ownChangeReason =
  'Sie haben diese Änderung selbst angelegt. Nach dem Vier-Augen-Prinzip gibt sie eine zweite Person des Ministeriums frei.';

export function approvalDecision({ fourEyes, proposedBy, approver }: ApprovalRequest): ApprovalDecision {
  if (!fourEyes) return { allowed: true, mode: 'einzeln' };
  if (proposedBy === approver) return { allowed: false, reason: ownChangeReason };
  return { allowed: true, mode: 'vier_augen' };
}

/** How a publication was approved, as the audit log and the change's page say it. */
export function approvalSentence(mode: ApprovalMode, proposer: string, approver: string): string {
  return mode === 'vier_augen'
    ? `nach dem Vier-Augen-Prinzip: angelegt von ${proposer}, freigegeben von ${approver}`
    : `ohne zweite Freigabe (Vier-Augen-Prinzip abgeschaltet): angelegt von ${proposer}, veröffentlicht von ${approver}`;
}

export const approvalModeLabel: Record<ApprovalMode, string> = {
  vier_augen: 'von einer zweiten Person freigegeben (Vier-Augen-Prinzip)',
  einzeln: 'ohne zweite Freigabe veröffentlicht (Vier-Augen-Prinzip abgeschaltet)',
};

export const isApprovalMode = (value: unknown): value is ApprovalMode => value === 'vier_augen' || value === 'einzeln';
