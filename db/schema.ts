import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Landkreis, OrganisationKind, Role } from '../machines/shared/organisation';
import type { AdmissionMode, EventFormat, EventStatus, EventTopic } from '../machines/veranstaltungen/event';
import type { SelectionDecision } from '../machines/veranstaltungen/selection';
import type { RegistrationStatus } from '../machines/veranstaltungen/registration';
import type { MemberRole } from '../machines/netzwerk/profile';
import type { TopicCategory } from '../machines/netzwerk/topics';

/** ISO-8601 timestamps are stored as TEXT; booleans as INTEGER 0/1 (SQLite has neither type). */
type Timestamp = string;
type Flag = number;

export interface OrganisationTable {
  id: Generated<number>;
  kind: OrganisationKind;
  name: string;
  street: string;
  postal_code: string;
  city: string;
  landkreis: Landkreis;
  ags: string | null;
  register_number: string | null;
  register_court: string | null;
  legal_rep_name: string;
  legal_rep_function: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  bank_account_holder: string;
  iban: string;
  bic: string | null;
  bank_name: string;
  invite_code: string;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  organisation_id: number | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  disabled_at: Timestamp | null;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string | null;
  ip: string | null;
  revoked_at: Timestamp | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  ip: string | null;
  attempted_at: Timestamp;
  succeeded: Flag;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  /** JSON object with details; never secrets. */
  details: string;
}

export interface FeedbackTable {
  id: Generated<number>;
  created_at: Timestamp;
  page: string | null;
  message: string;
  contact: string | null;
}

export interface EligibilityCheckTable {
  id: string;
  user_id: number | null;
  /** The questionnaire's persisted XState snapshot (JSON). */
  snapshot: string;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
}

export interface QualityCheckContentTable {
  id: Generated<number>;
  /** "2027-1"; unique. */
  version: string;
  /** The content as JSON (machines/qualitaetscheck/schema.ts), checked before it is stored. */
  content: string;
  /** What changed, in the words of the person who published it. */
  note: string;
  published_at: Timestamp;
  published_by: number | null;
}

export interface QualityCheckTable {
  /** Random, unguessable (it is also the anonymous browser's cookie value). */
  id: string;
  /** Null for a check started without signing in. */
  organisation_id: number | null;
  created_by: number | null;
  title: string;
  /** The content version the check was started with (or switched to on request). */
  content_version: string;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
}

export interface QualityCheckParticipantTable {
  id: Generated<number>;
  check_id: string;
  /** Null for the respondent of an anonymous check and for guests. */
  user_id: number | null;
  /** Copy of the snapshot's perspective, for lists. */
  perspective: string | null;
  /** The respondent's persisted XState snapshot (JSON); null while only invited. */
  snapshot: string | null;
  invited_by: number | null;
  /** A guest (someone outside the organisation, no account): the key their browser remembers. */
  guest_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** The name a guest gave themselves (may be empty). */
  guest_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** The link a guest came through. */
  guest_link_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
}

/** A link that lets people outside the organisation answer a check without an account. */
export interface QualityCheckGuestLinkTable {
  id: Generated<number>;
  check_id: string;
  /** Random and unguessable; the capability in the link. */
  token: string;
  /** What the inviting person called the link ("Gemeinderat"). */
  label: string;
  created_by: number | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface QualityCheckApplicationTable {
  check_id: string;
  application_id: number;
  attached_at: Timestamp;
  attached_by: number | null;
}

export interface ApplicationTable {
  id: Generated<number>;
  organisation_id: number;
  title: string;
  route: string | null;
  status: Generated<string>;
  /** The wizard's persisted XState snapshot (JSON), holding the application data. */
  snapshot: string;
  /** Incremented on every change; a save that read an older version is refused (no silent overwrite). */
  version: Generated<number>;
  view: Generated<string>;
  requested_grant_cents: number | null;
  total_cents: number | null;
  verdict: string | null;
  rule_version: string | null;
  /** JSON array of the criterion ids that were not met at the last save. */
  unmet_criteria: Generated<string>;
  source_check_id: string | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  created_by: number | null;
  updated_at: Timestamp;
  updated_by: number | null;
  deleted_at: Timestamp | null;
  deleted_by: number | null;
  /** The advice/submission statechart's persisted snapshot (JSON); null before any advice. */
  review_snapshot: string | null;
  review_requested_at: Timestamp | null;
  review_requested_advisor_id: number | null;
  review_version: Generated<number>;
}

/** Vorhaben in Umsetzung: the Bescheid recorded for an application (one per application). */
export interface ImplementationTable {
  id: Generated<number>;
  application_id: number;
  organisation_id: number;
  /** machines/umsetzung/bescheid.ts as JSON. */
  bescheid: string;
  /** JSON: startedOn, startReportedOn, purposeFulfilledOn, proofSubmittedOn, proofCheckedOn. */
  milestones: Generated<string>;
  /** machines/umsetzung/verwendungsnachweis.ts as JSON; null until the grantee starts it. */
  proof: string | null;
  /** machines/umsetzung/aenderungen.ts as JSON; null until the grantee records a change. */
  changes: string | null;
  /** machines/umsetzung/sachbericht-beratung.ts persisted snapshot; null until the grantee first asks. */
  proof_review: string | null;
  proof_review_status: Generated<string>;
  /** Optimistic version of the advice status alone (the draft has `version`). */
  proof_review_version: Generated<number>;
  version: Generated<number>;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  created_by: number | null;
  updated_at: Timestamp;
  updated_by: number | null;
}

/** A reminder of a due date, sent once (ADR 0067). */
export interface DeadlineReminderTable {
  id: Generated<number>;
  implementation_id: number;
  deadline_key: string;
  deadline_on: string;
  kind: string;
  sent_at: Timestamp;
}

/** An organisation's subscribable deadline calendar; only the token's SHA-256 is stored (ADR 0067). */
export interface CalendarFeedTable {
  organisation_id: number;
  token_hash: string;
  created_at: Timestamp;
  created_by: number | null;
}

/** A setting the ministry changes in the app (ADR 0070); a missing row means the default. */
export interface SiteSettingTable {
  key: string;
  value: string;
  updated_at: Timestamp;
  updated_by: number | null;
}

/**
 * One searchable document of one kind (ADR 0071): stemmed text per weight class. SQLite keeps it in
 * an FTS5 table, PostgreSQL adds a generated tsvector column `document` (not listed: never written).
 */
export interface ContentSearchTable {
  kind: string;
  doc_id: string;
  title: string;
  summary: string;
  body: string;
}

/** SQLite only: the search documents the FTS5 index reads as external content, by rowid (ADR 0096). */
export interface ContentSearchDocsTable extends ContentSearchTable {
  id: Generated<number>;
  /** The document's number of stems, for the length part of the ranking (ADR 0100). */
  stems: Generated<number>;
}

/** Which content state each kind's search documents were built from (ADR 0077). */
export interface ContentSearchStateTable {
  kind: string;
  stamp: string;
}

/** A good example offered from a finished project (machines/methoden/example-submission.ts, ADR 0069). */
export interface ExampleSubmissionTable {
  id: Generated<number>;
  application_id: number;
  organisation_id: number;
  slug: string;
  /** machines/methoden/examples.ts `GoodExample` as JSON. */
  data: string;
  status: string;
  submitted_by: number | null;
  submitted_at: Timestamp;
  decided_by: number | null;
  decided_at: Timestamp | null;
  reason: string | null;
  version: Generated<number>;
}
export type ExampleSubmissionRow = Selectable<ExampleSubmissionTable>;

/** Editorial content: methods and good examples with numbered versions (ADR 0073). */
export interface ContentEntryTable {
  id: Generated<number>;
  kind: string;
  slug: string;
  origin: string;
  published_version: number | null;
  draft_version: number | null;
  draft_state: string | null;
  archived_at: Timestamp | null;
  archived_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}
export type ContentEntryRow = Selectable<ContentEntryTable>;

/** One row (id 1): a token set anew by triggers with every write to content_entries (ADR 0106). */
export interface ContentStampTable {
  id: number;
  token: number | string;
}

export interface ContentVersionTable {
  id: Generated<number>;
  entry_id: number;
  number: number;
  /** The kind's content (machines/redaktion/kinds.ts) as JSON. */
  content: string;
  created_by: number | null;
  created_at: Timestamp;
  updated_by: number | null;
  updated_at: Timestamp;
  submitted_by: number | null;
  submitted_at: Timestamp | null;
  published_by: number | null;
  published_at: Timestamp | null;
  note: string | null;
}
export type ContentVersionRow = Selectable<ContentVersionTable>;

export interface ContentImageTable {
  id: Generated<number>;
  entry_id: number;
  storage_key: string;
  media_type: string;
  width: number;
  height: number;
  size: number;
  created_by: number | null;
  created_at: Timestamp;
}
export type ContentImageRow = Selectable<ContentImageTable>;

export interface ImplementationReceiptTable {
  id: Generated<number>;
  implementation_id: number;
  line_id: string;
  ordered_on: string | null;
  invoiced_on: string;
  paid_on: string | null;
  payee: string;
  purpose: string;
  net_cents: number;
  gross_cents: number;
  asset: Generated<number>;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  created_by: number | null;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface ImplementationPayoutTable {
  id: Generated<number>;
  implementation_id: number;
  received_on: string;
  amount_cents: number;
  note: Generated<string>;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  created_by: number | null;
}

export interface ImplementationRequestTable {
  id: Generated<number>;
  implementation_id: number;
  requested_on: string;
  expected_payout_on: string | null;
  planned: string;
  requested_cents: number;
  computation: string;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  created_by: number | null;
}

export interface ApplicationAdvisorTable {
  application_id: number;
  advisor_id: number;
  since: Timestamp;
}

export interface CommentTable {
  id: Generated<number>;
  application_id: number;
  parent_id: number | null;
  author_id: number | null;
  step: string;
  /** Form field name or budget line ("lines[id=abc]"); null for the step as a whole. */
  field: string | null;
  body: string;
  /** 1: an advisors' internal note that applicants never see. */
  internal: Flag;
  /** The application version the comment was written against. */
  version: number;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
  resolved_by: number | null;
}

export interface ReviewMarkTable {
  application_id: number;
  advisor_id: number;
  version: number;
  at: Timestamp;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  application_id: number | null;
  kind: string;
  text: string;
  link: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface EventTable {
  id: Generated<number>;
  title: string;
  description: string;
  topic: EventTopic;
  audience: string;
  format: EventFormat;
  venue: string | null;
  address: string | null;
  landkreis: Landkreis | null;
  online_link: string | null;
  technical_requirements: string;
  organiser: string;
  language: string;
  venue_accessibility: string;
  capacity: number;
  yellow_below_percent: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  registration_closes_at: Timestamp;
  status: EventStatus;
  cancel_reason: string | null;
  cancelled_at: Timestamp | null;
  seats_taken: Generated<number>;
  waitlist_last: Generated<number>;
  created_by: number | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
  /** Set when the participants' personal data was deleted (issue 18 Nr. 7); the stat_ counts stay. */
  personal_data_deleted_at: Timestamp | null;
  stat_registered: number | null;
  stat_confirmed: number | null;
  stat_attended: number | null;
  stat_waitlisted: number | null;
  /** How the seats are given (issue 18 Nr. 9). */
  admission: ColumnType<AdmissionMode, AdmissionMode | undefined, AdmissionMode>;
  /** Set once when the organisers complete the selection of an event with selection. */
  selection_completed_at: Timestamp | null;
}

export interface EventRegistrationTable {
  id: Generated<number>;
  event_id: number;
  token: string;
  email: string;
  name: string;
  organisation: string;
  accessibility_needs: string;
  dietary_needs: string;
  user_id: number | null;
  status: RegistrationStatus;
  pending_until: Timestamp | null;
  waitlist_position: number | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
  confirmed_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  attendance: 'present' | 'absent' | null;
  access_link_sent_at: Timestamp | null;
  /** The applicant's motivation (events with selection); empty otherwise. */
  motivation: ColumnType<string, string | undefined, string>;
  /** The organisers' decision before the selection is completed; null while open. */
  selection: SelectionDecision | null;
}

export interface OutboxTable {
  id: Generated<number>;
  to_user_id: number | null;
  to_address: string;
  subject: string;
  body: string;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface ApplicationEventTable {
  id: Generated<number>;
  application_id: number;
  at: Timestamp;
  user_id: number | null;
  type: string;
  step: string | null;
  version: number;
  /** JSON array of field changes: { path, before, after }. */
  changes: string;
  details: string;
}

export interface AttachmentTable {
  id: Generated<number>;
  application_id: number;
  doc_type: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface PendingSubmissionTable {
  id: string;
  user_id: number;
  path: string;
  form: string;
  created_at: Timestamp;
}

export interface ParameterChangeTable {
  id: Generated<number>;
  parameter_id: string;
  /** Integer in the parameter's unit (cents, basis points, months, years). */
  value: number;
  effective_from: string;
  reference: string;
  note: string | null;
  assumption: string | null;
  /** entwurf → veroeffentlicht | verworfen */
  status: Generated<string>;
  /** Ascending number given at publication (null until published). */
  publication: number | null;
  /** The publication this change undoes (rollback), if any. */
  rolls_back: number | null;
  created_at: Timestamp;
  created_by: number | null;
  decided_at: Timestamp | null;
  decided_by: number | null;
  /** JSON: suite and draft effects found when the change was published. */
  effects: string | null;
  /** How it was published: 'vier_augen' (approved by a second person) or 'einzeln'; null before. */
  approval: Generated<string | null>;
}

export interface FundingCallChangeTable {
  id: Generated<number>;
  call_id: string;
  /** The stored version the proposal was made against; null for a shipped call not stored yet or a new call. */
  base_version: number | null;
  is_new: Flag;
  /** JSON: the proposed values (the call without its id). */
  proposed: string;
  /** JSON: the values in force when it was proposed; null for a new call. */
  before: string | null;
  /** entwurf → veroeffentlicht | verworfen */
  status: Generated<string>;
  approval: string | null;
  created_at: Timestamp;
  created_by: number | null;
  decided_at: Timestamp | null;
  decided_by: number | null;
}

export interface PasswordResetTokenTable {
  id: Generated<number>;
  user_id: number;
  /** SHA-256 (hex) of the token in the link; the token itself is never stored. */
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  /** The administrator who sent the link; null when the person asked for it. */
  requested_by: number | null;
}

export interface PasswordResetRequestTable {
  id: Generated<number>;
  email: string;
  ip: string | null;
  requested_at: Timestamp;
}

export interface FundingCallTable {
  /** Shipped calls keep their id when edited (the stored row replaces them). */
  id: string;
  title: string;
  published_on: string | null;
  opens_on: string | null;
  deadline: string;
  issued_by: string;
  /** JSON array of strings. */
  focus_topics: Generated<string>;
  /** JSON array of strings. */
  required_documents: Generated<string>;
  notes: Generated<string>;
  source: string;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
  updated_by: number | null;
}

/** When a periodic job (housekeeping) last started in any instance. */
export interface JobRunTable {
  name: string;
  started_at: Timestamp;
}

/** A file prepared for one user's download (test bench YAML), valid for a few minutes. */
export interface PreparedDownloadTable {
  token: string;
  user_id: number;
  file_name: string;
  body: string;
  expires_at: Timestamp;
}

export interface NetworkMemberTable {
  id: Generated<number>;
  user_id: number;
  display_name: string;
  member_role: MemberRole;
  landkreis: Landkreis | null;
  methods: string;
  languages: string;
  about: string;
  public_fields: string;
  blocked_at: Timestamp | null;
  blocked_reason: string | null;
  joined_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
}

export interface NewsletterSubscriberTable {
  id: Generated<number>;
  email: string;
  token: string;
  status: 'pending' | 'confirmed';
  confirm_by: Timestamp | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  confirmed_at: Timestamp | null;
}

export interface NewsletterIssueTable {
  id: Generated<number>;
  subject: string;
  body: string;
  created_by: number | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
  sent_at: Timestamp | null;
  recipients: Generated<number>;
}

export interface NetworkMessageTable {
  id: Generated<number>;
  sender_id: number;
  recipient_id: number;
  body: string;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  read_at: Timestamp | null;
}

/** A member's personal block of another member (ADR 0074); not the moderators' `blocked_at`. */
export interface NetworkMemberBlockTable {
  id: Generated<number>;
  blocker_id: number;
  blocked_id: number;
  created_at: ColumnType<Timestamp, Timestamp, never>;
}

/** A thread of the network's topics (issue 20 Nr. 3, ADR 0072); its opening text is its first post. */
export interface NetworkThreadTable {
  id: Generated<number>;
  category: TopicCategory;
  title: string;
  is_question: Flag;
  author_id: number | null;
  accepted_post_id: number | null;
  reply_count: Generated<number>;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  last_activity_at: Timestamp;
  version: Generated<number>;
}

export interface NetworkPostTable {
  id: Generated<number>;
  thread_id: number;
  author_id: number | null;
  opening: Flag;
  body: string;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  edited_at: Timestamp | null;
  hidden_at: Timestamp | null;
  hidden_reason: string | null;
  version: Generated<number>;
}

/** The non-personal context of a question asked from a wizard step (issue 20 Nr. 6, ADR 0075). */
export interface NetworkThreadContextTable {
  thread_id: number;
  /** Never shown to other members; lets the asker find their questions on the draft. */
  application_id: number | null;
  step: string;
  step_title: string;
  route_label: string | null;
  /** The participation formats chosen, as labels joined by "; ". */
  formats: string | null;
}

/** An advisor's pointer from a draft to a network thread (issue 20 Nr. 6, ADR 0075). */
export interface ApplicationThreadHintTable {
  id: Generated<number>;
  application_id: number;
  thread_id: number;
  advisor_user_id: number | null;
  note: string | null;
  created_at: Timestamp;
}

/** Earlier texts of an edited post (issue 20 Nr. 5 "history kept"). */
export interface NetworkPostVersionTable {
  id: Generated<number>;
  post_id: number;
  body: string;
  written_at: Timestamp;
  replaced_at: Timestamp;
}

/** "Nützlich" marks, one per member and post. */
export interface NetworkPostMarkTable {
  post_id: number;
  member_id: number;
  created_at: Timestamp;
}

export interface NetworkPostReportTable {
  id: Generated<number>;
  post_id: number;
  member_id: number | null;
  reason: string;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
}

export interface NetworkThreadSubscriptionTable {
  thread_id: number;
  member_id: number;
  created_at: Timestamp;
  seen_post_id: Generated<number>;
}

/** One daily digest per member and day (Saxon date), claimed in the transaction of its e-mail. */
export interface NetworkTopicDigestTable {
  id: Generated<number>;
  member_id: number;
  day: string;
  sent_at: Timestamp;
}

export interface Database {
  job_runs: JobRunTable;
  prepared_downloads: PreparedDownloadTable;
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_events: AuditEventTable;
  accessibility_feedback: FeedbackTable;
  eligibility_checks: EligibilityCheckTable;
  quality_check_contents: QualityCheckContentTable;
  quality_checks: QualityCheckTable;
  quality_check_participants: QualityCheckParticipantTable;
  quality_check_applications: QualityCheckApplicationTable;
  quality_check_guest_links: QualityCheckGuestLinkTable;
  applications: ApplicationTable;
  application_events: ApplicationEventTable;
  attachments: AttachmentTable;
  pending_submissions: PendingSubmissionTable;
  application_advisors: ApplicationAdvisorTable;
  comments: CommentTable;
  review_marks: ReviewMarkTable;
  notifications: NotificationTable;
  outbox: OutboxTable;
  events: EventTable;
  event_registrations: EventRegistrationTable;
  parameter_changes: ParameterChangeTable;
  funding_calls: FundingCallTable;
  funding_call_changes: FundingCallChangeTable;
  password_reset_tokens: PasswordResetTokenTable;
  password_reset_requests: PasswordResetRequestTable;
  implementations: ImplementationTable;
  implementation_receipts: ImplementationReceiptTable;
  example_submissions: ExampleSubmissionTable;
  content_entries: ContentEntryTable;
  content_stamp: ContentStampTable;
  content_versions: ContentVersionTable;
  content_images: ContentImageTable;
  site_settings: SiteSettingTable;
  content_search: ContentSearchTable;
  /** SQLite only: the rows the FTS5 index `content_search` reads as external content (ADR 0096). */
  content_search_docs: ContentSearchDocsTable;
  content_search_state: ContentSearchStateTable;
  deadline_reminders: DeadlineReminderTable;
  calendar_feeds: CalendarFeedTable;
  implementation_payouts: ImplementationPayoutTable;
  implementation_requests: ImplementationRequestTable;
  network_members: NetworkMemberTable;
  newsletter_subscribers: NewsletterSubscriberTable;
  newsletter_issues: NewsletterIssueTable;
  network_messages: NetworkMessageTable;
  network_threads: NetworkThreadTable;
  network_thread_contexts: NetworkThreadContextTable;
  application_thread_hints: ApplicationThreadHintTable;
  network_posts: NetworkPostTable;
  network_post_versions: NetworkPostVersionTable;
  network_post_marks: NetworkPostMarkTable;
  network_post_reports: NetworkPostReportTable;
  network_thread_subscriptions: NetworkThreadSubscriptionTable;
  network_topic_digests: NetworkTopicDigestTable;
  network_member_blocks: NetworkMemberBlockTable;
}

export type NetworkThreadRow = Selectable<NetworkThreadTable>;
export type NetworkPostRow = Selectable<NetworkPostTable>;

export type NetworkMessageRow = Selectable<NetworkMessageTable>;

export type NewsletterSubscriberRow = Selectable<NewsletterSubscriberTable>;
export type NewsletterIssueRow = Selectable<NewsletterIssueTable>;

export type NetworkMemberRow = Selectable<NetworkMemberTable>;
export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type OrganisationUpdate = Updateable<OrganisationTable>;
export type User = Selectable<UserTable>;
export type Session = Selectable<SessionTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type EligibilityCheck = Selectable<EligibilityCheckTable>;
export type QualityCheckRow = Selectable<QualityCheckTable>;
export type QualityCheckParticipantRow = Selectable<QualityCheckParticipantTable>;
export type QualityCheckContentRow = Selectable<QualityCheckContentTable>;
export type QualityCheckGuestLinkRow = Selectable<QualityCheckGuestLinkTable>;
export type ApplicationRow = Selectable<ApplicationTable>;
export type ImplementationRow = Selectable<ImplementationTable>;
export type ImplementationReceiptRow = Selectable<ImplementationReceiptTable>;
export type ImplementationPayoutRow = Selectable<ImplementationPayoutTable>;
export type ImplementationRequestRow = Selectable<ImplementationRequestTable>;
export type ApplicationEventRow = Selectable<ApplicationEventTable>;
export type AttachmentRow = Selectable<AttachmentTable>;
export type CommentRow = Selectable<CommentTable>;
export type NotificationRow = Selectable<NotificationTable>;
export type ParameterChangeRow = Selectable<ParameterChangeTable>;
export type FundingCallRow = Selectable<FundingCallTable>;
export type FundingCallChangeRow = Selectable<FundingCallChangeTable>;
export type EventRow = Selectable<EventTable>;
export type EventRegistrationRow = Selectable<EventRegistrationTable>;
