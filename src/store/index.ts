/**
 * The case store: SQLite (embedded, default) or PostgreSQL (`DATABASE_URL`), one schema, one set
 * of repositories. Reads take a `Handle` (the store or a transaction); changes take a `Tx`, so a
 * change and its audit event commit together:
 *
 *   const r = await store.transaction(async (tx) => {
 *     const c = await cases.updateStage(tx, { id, expectedVersion }, 'assigned');
 *     await appendAudit(tx, { actor, action: 'case.stage-changed', entityType: 'case', entityId: String(id), caseId: id, requestId });
 *     return c;
 *   });
 */
export { backupSqlite, type SqliteBackup } from './backup.js';
export { changeCount } from './changes.js';
export { DEFAULT_DOCUMENTS_DIR, DEFAULT_SQLITE_PATH, type StoreConfig, storeConfigFromEnv } from './config.js';
export { DocumentFiles, type StoredFile } from './document-files.js';
export { MIGRATION_NAMES } from './migrations/index.js';
export { prepared } from './prepared.js';
export { applications } from './repos/applications.js';
export { assignments } from './repos/assignments.js';
export {
  type AuditPage,
  appendAudit,
  appendReadEvents,
  auditEvents,
  idListDetails,
  idsInDetails,
} from './repos/audit.js';
export {
  CASE_LIST_SORTS,
  type CaseListFilter,
  type CaseListPage,
  type CaseListSort,
  caseList,
  type SearchField,
} from './repos/case-list.js';
export { type CaseRef, cases, type ListByStageOptions } from './repos/cases.js';
export { determinations } from './repos/determinations.js';
export { documents } from './repos/documents.js';
export { eligibilityScreens } from './repos/eligibility-screens.js';
export { items } from './repos/items.js';
export {
  type LetterApprovalRecord,
  letterApprovals,
  type QaReturnRecord,
  qaReturns,
} from './repos/letter-approvals.js';
export { letters } from './repos/letters.js';
export { parties } from './repos/parties.js';
export { affiliations, credentials, type ReviewerProfile, reviewers } from './repos/reviewers.js';
export { type SessionRecord, sessions } from './repos/sessions.js';
export { signInThrottle, type ThrottleCount } from './repos/sign-in-throttle.js';
export { urDecisions } from './repos/ur-decisions.js';
export { users } from './repos/users.js';
export type { Database, Dialect, Handle, Tx } from './schema.js';
export {
  type DocumentHit,
  type DocumentSearchOptions,
  type LetterHit,
  type LetterSearchOptions,
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
  searchDocuments,
  searchLetters,
} from './search.js';
export { migrateStore, type OpenOptions, openStore, type Store } from './store.js';
