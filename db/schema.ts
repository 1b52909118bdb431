import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Landkreis, OrganisationKind, Role } from '../machines/shared/organisation';

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

export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_events: AuditEventTable;
  accessibility_feedback: FeedbackTable;
  eligibility_checks: EligibilityCheckTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type OrganisationUpdate = Updateable<OrganisationTable>;
export type User = Selectable<UserTable>;
export type Session = Selectable<SessionTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type EligibilityCheck = Selectable<EligibilityCheckTable>;
