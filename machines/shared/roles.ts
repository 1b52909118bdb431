/** The four roles of an account and how the page header names them (no zod here: the root route loads it). */
export const roles = ['applicant', 'advisor', 'ministry', 'admin'] as const;
export type Role = (typeof roles)[number];
export const roleLabel: Record<Role, string> = {
  applicant: 'Antragstellende Organisation',
  advisor: 'EBBS-Beratung',
  ministry: 'Ministerium',
  admin: 'Administration',
};
