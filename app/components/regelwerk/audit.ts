/** Audit entries of the workbench carry their German sentence ("summary") in the details (decoded by the repository). */
export function auditSummary(action: string, details: Record<string, unknown>): string {
  return typeof details.summary === 'string' ? details.summary : action;
}
