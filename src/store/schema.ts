import type { Generated, Kysely, Transaction } from 'kysely';

/**
 * The tables as Kysely sees them, after all migrations. Values look the same on both dialects
 * (the PostgreSQL pool's type parsers see to it, `connect.ts`):
 * - JSON columns (jsonb on PostgreSQL, TEXT on SQLite) come back as JSON text;
 * - booleans are written as 0/1 and read as 0/1 (SQLite) or true/false (PostgreSQL): `readBool`;
 * - timestamps (timestamptz / TEXT) are ISO strings in UTC, dates (date / TEXT) `YYYY-MM-DD`.
 */

type Id = Generated<number>;
type Json = string;
type Bool = number | boolean;
type Ts = string;
type Day = string;

export interface CasesTable {
  id: Id;
  case_number: string;
  stage: string;
  stage_reason: string | null;
  priority: string;
  kind: string;
  source: string;
  received_date: Day | null;
  ur_decision_date: Day | null;
  eligibility_date: Day | null;
  assigned_date: Day | null;
  records_received_date: Day | null;
  decision_date: Day | null;
  letter_issued_date: Day | null;
  closed_date: Day | null;
  due_date: Day | null;
  patient_age: number | null;
  patient_sex: string | null;
  injury_date: Day | null;
  reviewer_credentials: Json | null;
  version: number;
  created_at: Ts;
  updated_at: Ts;
}

export interface PartiesTable {
  id: Id;
  case_id: number;
  role: string;
  name: string;
  organization: string | null;
  npi: string | null;
  address: Json | null;
  phone: string | null;
  email: string | null;
}

export interface ApplicationsTable {
  id: Id;
  case_id: number;
  received_date: Day;
  ur_type: string | null;
  employee_name: string | null;
  claim_number: string | null;
  injury_date: Day | null;
  ur_decision_date: Day | null;
  eams_case_number: string | null;
  wcis_number: string | null;
  employee_dob: Day | null;
  employee_address: Json | null;
  employee_phone: string | null;
  requesting_physician_name: string | null;
  requesting_physician_type: string | null;
  requesting_physician_specialty: string | null;
  employer_name: string | null;
  claims_administrator_name: string | null;
  adjuster_name: string | null;
  disputed_treatments: Json;
  also_disputed_for_other_reasons: Bool;
  denied_for_missing_information: Bool;
  signature_present: Bool;
  signature_date: Day | null;
  consent_to_records: Bool;
  ur_decision_attached: Bool;
  ur_service_method: string | null;
  filed_by: string | null;
  created_at: Ts;
}

export interface UrDecisionsTable {
  id: Id;
  case_id: number;
  decision_date: Day;
  service_date: Day | null;
  service_method: string | null;
  reviewer_name: string | null;
  organization: string | null;
  outcome: string;
  items: Json;
}

export interface CaseItemsTable {
  id: Id;
  case_id: number;
  seq: number;
  request: string;
  original_request: string | null;
  authorized_portion: string | null;
  category: string | null;
  status: string;
  decision: string | null;
  claims_administrator_basis: Json | null;
  reviewer_basis: Json | null;
  rationale: string | null;
}

export interface DocumentsTable {
  id: Id;
  case_id: number;
  title: string;
  kind: string;
  document_date: Day | null;
  sha256: string;
  size_bytes: number;
  mime: string;
  storage_path: string;
  received_at: Ts;
}

/** Extracted text of a document; the full-text index follows it (FTS5 triggers / generated tsvector). */
export interface DocumentTextTable {
  document_id: number;
  body: string;
}

export interface ReviewersTable {
  id: Id;
  name: string;
  npi: string | null;
  profession: string | null;
  years_in_practice: number | null;
  active_practice_since: Day | null;
  weekly_clinical_hours: number | null;
  qme_status: string;
  qme_until: Day | null;
  disciplinary_history: Bool;
  active: Bool;
}

export interface ReviewerCredentialsTable {
  id: Id;
  reviewer_id: number;
  type: string;
  name: string;
  number: string | null;
  state: string | null;
  status: string;
  issuer: string | null;
  expires: Day | null;
}

export interface ReviewerAffiliationsTable {
  id: Id;
  reviewer_id: number;
  organization_name: string;
  aliases: Json | null;
  kind: string;
  relationship: string | null;
  person_name: string | null;
  since: Day | null;
  until: Day | null;
}

export interface AssignmentsTable {
  id: Id;
  case_id: number;
  reviewer_id: number;
  role: string;
  assigned_at: Ts;
  conflict_screen: Json;
  qualification: Json;
  ended_at: Ts | null;
  end_reason: string | null;
}

export interface ItemDeterminationsTable {
  id: Id;
  item_id: number;
  reviewer_id: number;
  decision: string;
  basis: Json;
  rationale: string;
  engine_recommendation: Json | null;
  override_reason: string | null;
  decided_at: Ts;
}

export interface LettersTable {
  id: Id;
  case_id: number;
  kind: string;
  recipient_role: string | null;
  format: string;
  storage_path: string | null;
  sha256: string | null;
  issued_at: Ts;
  letter: Json;
}

/** The searchable text of a letter: clinical summary and the items' rationales. */
export interface LetterTextTable {
  letter_id: number;
  summary: string;
  rationales: string;
}

export interface UsersTable {
  id: Id;
  username: string;
  display_name: string;
  role: string;
  reviewer_id: number | null;
  password_hash: string;
  active: Bool;
  created_at: Ts;
}

export interface AuditEventsTable {
  id: Id;
  at: Ts;
  /** NULL: the system. */
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  case_id: number | null;
  request_id: string;
  details: Json;
}

/** A signed-in session (migration 0003). `id` is the SHA-256 (hex) of the cookie's token. */
export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Ts;
  expires_at: Ts;
  /** When a request last used it, to a minute or so (migration 0005); NULL only before 0005 ran. */
  last_seen_at: Ts | null;
}

/** Failed sign-ins counted under `key` since `window_started_at` (migration 0005, see `signInThrottle`). */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  window_started_at: Ts;
}

/** QA's approval of a case's letter as built from `case_version` (migration 0003). */
export interface LetterApprovalsTable {
  id: Id;
  case_id: number;
  case_version: number;
  approved_by: number;
  approved_at: Ts;
}

/** QA sent a determined case back to its reviewer, with a comment (migration 0006). */
export interface QaReturnsTable {
  id: Id;
  case_id: number;
  case_version: number;
  returned_by: number;
  returned_at: Ts;
  comment: string;
}

/** The full result of an eligibility screen, for display (migration 0003). */
export interface EligibilityScreensTable {
  id: Id;
  case_id: number;
  screened_at: Ts;
  result: Json;
}

/** One row (id 1): how many transactions have committed (migration 0004, see `changeCount`). */
export interface ChangeCounterTable {
  id: number;
  value: number;
}

export interface Database {
  cases: CasesTable;
  parties: PartiesTable;
  applications: ApplicationsTable;
  ur_decisions: UrDecisionsTable;
  case_items: CaseItemsTable;
  documents: DocumentsTable;
  document_text: DocumentTextTable;
  reviewers: ReviewersTable;
  reviewer_credentials: ReviewerCredentialsTable;
  reviewer_affiliations: ReviewerAffiliationsTable;
  assignments: AssignmentsTable;
  item_determinations: ItemDeterminationsTable;
  letters: LettersTable;
  letter_text: LetterTextTable;
  users: UsersTable;
  audit_events: AuditEventsTable;
  sessions: SessionsTable;
  letter_approvals: LetterApprovalsTable;
  qa_returns: QaReturnsTable;
  eligibility_screens: EligibilityScreensTable;
  change_counter: ChangeCounterTable;
  sign_in_throttle: SignInThrottleTable;
}

export type Dialect = 'sqlite' | 'postgres';

/** Something to read through: the store itself or a transaction. */
export interface Handle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
}

declare const txBrand: unique symbol;

/**
 * A transaction. Every method that changes data takes one, so a change and the audit event that
 * records it commit or roll back together. Only `Store.transaction` makes these.
 */
export interface Tx extends Handle {
  readonly db: Transaction<Database>;
  readonly [txBrand]: true;
}
