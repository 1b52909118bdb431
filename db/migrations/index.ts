import type { Migration } from 'kysely';
import * as foundation from './2026_11_22_000000_foundation';
import * as eligibilityChecks from './2026_11_22_010000_eligibility_checks';
import * as applications from './2026_11_22_020000_applications';
import * as review from './2026_11_22_030000_review';
import * as regelwerk from './2026_11_22_040000_regelwerk';
import * as qualitaetscheck from './2026_11_22_050000_qualitaetscheck';

/**
 * Every migration, by name. Listed by hand (not read from the folder) because the Remix server bundle
 * contains the migrations and has no folder to read at run time. Names sort in the order they run.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_22_000000_foundation': foundation,
  '2026_11_22_010000_eligibility_checks': eligibilityChecks,
  '2026_11_22_020000_applications': applications,
  '2026_11_22_030000_review': review,
  '2026_11_22_040000_regelwerk': regelwerk,
  '2026_11_22_050000_qualitaetscheck': qualitaetscheck,
};
