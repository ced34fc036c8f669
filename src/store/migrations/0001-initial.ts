import type { Kysely } from 'kysely';
import type { Ddl } from './ddl.js';

/**
 * 0001: every table of the case model. Landed migrations are never edited; change the schema with
 * a new numbered migration. Closed sets (stage, role, kind…) are plain text without CHECK
 * constraints, so that adding a value needs no table rebuild on SQLite; the zod schemas in
 * src/domain/case.ts guard them on every write.
 */
export async function up(db: Kysely<unknown>, d: Ddl): Promise<void> {
  const s = db.schema;

  await s
    .createTable('reviewers')
    .addColumn('id', 'integer', d.id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('npi', 'text')
    .addColumn('profession', 'text')
    .addColumn('years_in_practice', 'integer')
    .addColumn('active_practice_since', d.date)
    .addColumn('weekly_clinical_hours', 'double precision')
    .addColumn('qme_status', 'text', (c) => c.notNull())
    .addColumn('qme_until', d.date)
    .addColumn('disciplinary_history', d.bool, d.boolCheck('disciplinary_history'))
    .addColumn('active', d.bool, d.boolCheck('active'))
    .execute();

  await s
    .createTable('users')
    .addColumn('id', 'integer', d.id)
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'integer', (c) => c.references('reviewers.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', d.bool, d.boolCheck('active'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addUniqueConstraint('users_username_key', ['username'])
    .execute();

  await s
    .createTable('reviewer_credentials')
    .addColumn('id', 'integer', d.id)
    .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('reviewers.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('state', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text')
    .addColumn('expires', d.date)
    .execute();
  await s.createIndex('reviewer_credentials_reviewer_id').on('reviewer_credentials').column('reviewer_id').execute();

  await s
    .createTable('reviewer_affiliations')
    .addColumn('id', 'integer', d.id)
    .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('reviewers.id'))
    .addColumn('organization_name', 'text', (c) => c.notNull())
    .addColumn('aliases', d.json)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text')
    .addColumn('person_name', 'text')
    .addColumn('since', d.date)
    .addColumn('until', d.date)
    .execute();
  await s.createIndex('reviewer_affiliations_reviewer_id').on('reviewer_affiliations').column('reviewer_id').execute();

  await s
    .createTable('cases')
    .addColumn('id', 'integer', d.id)
    .addColumn('case_number', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_reason', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_date', d.date)
    .addColumn('ur_decision_date', d.date)
    .addColumn('eligibility_date', d.date)
    .addColumn('assigned_date', d.date)
    .addColumn('records_received_date', d.date)
    .addColumn('decision_date', d.date)
    .addColumn('letter_issued_date', d.date)
    .addColumn('closed_date', d.date)
    .addColumn('due_date', d.date)
    .addColumn('patient_age', 'integer')
    .addColumn('patient_sex', 'text')
    .addColumn('injury_date', d.date)
    .addColumn('reviewer_credentials', d.json)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .addUniqueConstraint('cases_case_number_key', ['case_number'])
    .execute();
  await s.createIndex('cases_stage_due_date').on('cases').columns(['stage', 'due_date']).execute();
  await s.createIndex('cases_decision_date').on('cases').column('decision_date').execute();

  await s
    .createTable('parties')
    .addColumn('id', 'integer', d.id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organization', 'text')
    .addColumn('npi', 'text')
    .addColumn('address', d.json)
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .execute();
  await s.createIndex('parties_case_id').on('parties').column('case_id').execute();

  await s
    .createTable('applications')
    .addColumn('id', 'integer', d.id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('received_date', d.date, (c) => c.notNull())
    .addColumn('ur_type', 'text')
    .addColumn('employee_name', 'text')
    .addColumn('claim_number', 'text')
    .addColumn('injury_date', d.date)
    .addColumn('ur_decision_date', d.date)
    .addColumn('eams_case_number', 'text')
    .addColumn('wcis_number', 'text')
    .addColumn('employee_dob', d.date)
    .addColumn('employee_address', d.json)
    .addColumn('employee_phone', 'text')
    .addColumn('requesting_physician_name', 'text')
    .addColumn('requesting_physician_type', 'text')
    .addColumn('requesting_physician_specialty', 'text')
    .addColumn('employer_name', 'text')
    .addColumn('claims_administrator_name', 'text')
    .addColumn('adjuster_name', 'text')
    .addColumn('disputed_treatments', d.json, (c) => c.notNull())
    .addColumn('also_disputed_for_other_reasons', d.bool, d.boolCheck('also_disputed_for_other_reasons'))
    .addColumn('denied_for_missing_information', d.bool, d.boolCheck('denied_for_missing_information'))
    .addColumn('signature_present', d.bool, d.boolCheck('signature_present'))
    .addColumn('signature_date', d.date)
    .addColumn('consent_to_records', d.bool, d.boolCheck('consent_to_records'))
    .addColumn('ur_decision_attached', d.bool, d.boolCheck('ur_decision_attached'))
    .addColumn('ur_service_method', 'text')
    .addColumn('filed_by', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .execute();
  await s.createIndex('applications_case_id').on('applications').column('case_id').execute();
  // Duplicate applications: same claim, same UR decision.
  await s
    .createIndex('applications_claim_ur_date')
    .on('applications')
    .columns(['claim_number', 'ur_decision_date'])
    .execute();

  await s
    .createTable('ur_decisions')
    .addColumn('id', 'integer', d.id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('decision_date', d.date, (c) => c.notNull())
    .addColumn('service_date', d.date)
    .addColumn('service_method', 'text')
    .addColumn('reviewer_name', 'text')
    .addColumn('organization', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('items', d.json, (c) => c.notNull())
    .execute();
  await s.createIndex('ur_decisions_case_id').on('ur_decisions').column('case_id').execute();

  await s
    .createTable('case_items')
    .addColumn('id', 'integer', d.id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('original_request', 'text')
    .addColumn('authorized_portion', 'text')
    .addColumn('category', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('claims_administrator_basis', d.json)
    .addColumn('reviewer_basis', d.json)
    .addColumn('rationale', 'text')
    .addUniqueConstraint('case_items_case_id_seq_key', ['case_id', 'seq'])
    .execute();

  await s
    .createTable('documents')
    .addColumn('id', 'integer', d.id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('document_date', d.date)
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('storage_path', 'text', (c) => c.notNull())
    .addColumn('received_at', d.timestamp, (c) => c.notNull())
    .execute();
  await s.createIndex('documents_case_id').on('documents').column('case_id').execute();
  await s.createIndex('documents_sha256').on('documents').column('sha256').execute();

  await s
    .createTable('document_text')
    .addColumn('document_id', 'integer', (c) => c.primaryKey().references('documents.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await d.fullTextIndex(db, 'document_text', 'document_id', ['body']);

  await s
    .createTable('assignments')
    .addColumn('id', 'integer', d.id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('reviewers.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('assigned_at', d.timestamp, (c) => c.notNull())
    .addColumn('conflict_screen', d.json, (c) => c.notNull())
    .addColumn('qualification', d.json, (c) => c.notNull())
    .addColumn('ended_at', d.timestamp)
    .addColumn('end_reason', 'text')
    .execute();
  await s.createIndex('assignments_case_id').on('assignments').column('case_id').execute();
  await s.createIndex('assignments_reviewer_id').on('assignments').column('reviewer_id').execute();

  await s
    .createTable('item_determinations')
    .addColumn('id', 'integer', d.id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('case_items.id'))
    .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('reviewers.id'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('basis', d.json, (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('engine_recommendation', d.json)
    .addColumn('override_reason', 'text')
    .addColumn('decided_at', d.timestamp, (c) => c.notNull())
    .execute();
  await s.createIndex('item_determinations_item_id').on('item_determinations').column('item_id').execute();

  await s
    .createTable('letters')
    .addColumn('id', 'integer', d.id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient_role', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('storage_path', 'text')
    .addColumn('sha256', 'text')
    .addColumn('issued_at', d.timestamp, (c) => c.notNull())
    .addColumn('letter', d.json, (c) => c.notNull())
    .execute();
  await s.createIndex('letters_case_id').on('letters').column('case_id').execute();

  await s
    .createTable('letter_text')
    .addColumn('letter_id', 'integer', (c) => c.primaryKey().references('letters.id'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('rationales', 'text', (c) => c.notNull())
    .execute();
  await d.fullTextIndex(db, 'letter_text', 'letter_id', ['summary', 'rationales']);

  // No foreign keys: the log outlives and outranks what it describes.
  await s
    .createTable('audit_events')
    .addColumn('id', 'integer', d.id)
    .addColumn('at', d.timestamp, (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'integer')
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('details', d.json, (c) => c.notNull())
    .execute();
  await s.createIndex('audit_events_case_id').on('audit_events').column('case_id').execute();
  await s.createIndex('audit_events_entity').on('audit_events').columns(['entity_type', 'entity_id']).execute();
  await d.appendOnly(db, 'audit_events');
}
