import type { Migration } from 'kysely';
import * as foundation from './2026_11_22_000000_foundation';
import * as eligibilityChecks from './2026_11_22_010000_eligibility_checks';
import * as applications from './2026_11_22_020000_applications';
import * as review from './2026_11_22_030000_review';
import * as regelwerk from './2026_11_22_040000_regelwerk';
import * as qualitaetscheck from './2026_11_22_050000_qualitaetscheck';
import * as staffWorkflows from './2026_12_04_000000_staff_workflows';
import * as qualitaetscheckGuests from './2026_12_05_020000_qualitaetscheck_guests';
import * as jobRuns from './2026_12_10_000000_job_runs';
import * as preparedDownloads from './2026_12_10_010000_prepared_downloads';
import * as veranstaltungen from './2026_12_12_000000_veranstaltungen';
import * as implementations from './2026_12_13_000000_implementations';
import * as netzwerk from './2026_12_14_000000_netzwerk';
import * as mittelabrufe from './2026_12_15_000000_mittelabrufe';
import * as eventAttendancePrivacy from './2026_12_17_000000_event_attendance_privacy';
import * as newsletter from './2026_12_21_000000_newsletter';
import * as networkMessages from './2026_12_22_000000_network_messages';
import * as eventSelection from './2026_12_23_000000_event_selection';
import * as verwendungsnachweis from './2026_12_24_000000_verwendungsnachweis';
import * as implementationChanges from './2026_12_25_000000_implementation_changes';
import * as proofReview from './2026_12_26_000000_proof_review';
import * as exampleSubmissions from './2026_12_28_000000_example_submissions';
import * as siteSettings from './2026_12_29_000000_site_settings';
import * as contentEntries from './2026_12_31_000000_content_entries';
import * as deadlineReminders from './2026_12_30_000000_deadline_reminders';
import * as contentSearch from './2027_01_02_000000_content_search';
import * as netzwerkTopics from './2027_01_03_000000_netzwerk_topics';
import * as contentSearchState from './2027_01_05_000000_content_search_state';
import * as netzwerkBlocks from './2027_01_06_000000_netzwerk_blocks';
import * as netzwerkContext from './2027_01_06_000002_netzwerk_context';
import * as contentSearchDocuments from './2027_01_07_000000_content_search_documents';
import * as contentSearchTerms from './2027_01_08_000000_content_search_terms';
import * as contentSearchInline from './2027_01_09_000000_content_search_inline';
import * as contentStamp from './2027_01_10_000000_content_stamp';

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
  '2026_12_04_000000_staff_workflows': staffWorkflows,
  '2026_12_05_020000_qualitaetscheck_guests': qualitaetscheckGuests,
  '2026_12_10_000000_job_runs': jobRuns,
  '2026_12_10_010000_prepared_downloads': preparedDownloads,
  '2026_12_12_000000_veranstaltungen': veranstaltungen,
  '2026_12_13_000000_implementations': implementations,
  '2026_12_14_000000_netzwerk': netzwerk,
  '2026_12_15_000000_mittelabrufe': mittelabrufe,
  '2026_12_17_000000_event_attendance_privacy': eventAttendancePrivacy,
  '2026_12_21_000000_newsletter': newsletter,
  '2026_12_22_000000_network_messages': networkMessages,
  '2026_12_23_000000_event_selection': eventSelection,
  '2026_12_24_000000_verwendungsnachweis': verwendungsnachweis,
  '2026_12_25_000000_implementation_changes': implementationChanges,
  '2026_12_26_000000_proof_review': proofReview,
  '2026_12_28_000000_example_submissions': exampleSubmissions,
  '2026_12_29_000000_site_settings': siteSettings,
  '2026_12_30_000000_deadline_reminders': deadlineReminders,
  '2026_12_31_000000_content_entries': contentEntries,
  '2027_01_02_000000_content_search': contentSearch,
  '2027_01_03_000000_netzwerk_topics': netzwerkTopics,
  '2027_01_05_000000_content_search_state': contentSearchState,
  '2027_01_06_000000_netzwerk_blocks': netzwerkBlocks,
  '2027_01_06_000002_netzwerk_context': netzwerkContext,
  '2027_01_07_000000_content_search_documents': contentSearchDocuments,
  '2027_01_08_000000_content_search_terms': contentSearchTerms,
  '2027_01_09_000000_content_search_inline': contentSearchInline,
  '2027_01_10_000000_content_stamp': contentStamp,
};
