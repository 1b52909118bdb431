/** Audit entries of the workbench carry their German sentence ("summary") in the details. */
export function auditSummary(action: string, details: string): string {
  try {
    const parsed = JSON.parse(details) as { summary?: unknown };
    if (typeof parsed.summary === 'string') return parsed.summary;
  } catch {
    // fall through
  }
  return action;
}
