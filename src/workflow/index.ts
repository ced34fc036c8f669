/**
 * The IMR case lifecycle: intake → eligibility → reviewer assignment → notice and records →
 * determination → letter, each command one transaction holding its change and its audit event.
 */
export { Actor, ActorRole, COMMAND_ROLES, type WorkflowCommand } from './actor.js';
export { type AssignedCase, AssignReviewerInput } from './assignment.js';
export {
  type CaseResult,
  ConvertToExpeditedInput,
  ExtendDecisionInput,
  ExtensionReason,
  ReceiveRecordsInput,
  SendNoticeInput,
  TerminateInput,
} from './case-events.js';
export { CaseRef } from './case-ops.js';
export type { WorkflowOptions } from './context.js';
export {
  CLINICAL_SUMMARY_TITLE,
  RecordDeterminationInput,
  type RecordedDetermination,
} from './determination.js';
export { DocumentUpload } from './documents.js';
export { type ConsolidationSuggestion, ReceiveApplicationInput, type ReceivedApplication } from './intake.js';
export { type IssuedLetter, IssueLetterInput, LETTER_RECIPIENT } from './issue-letter.js';
export { buildLetter, type LetterSource } from './letter-build.js';
export {
  type CaseClocks,
  type QueueEntry,
  QueueInput,
  ReadDocumentInput,
  type ReadDocumentResult,
  type Urgency,
} from './reads.js';
export { compileRedactor, REDACTED, redactLetter, type SensitiveTerms, sensitiveTermsOf } from './redaction.js';
export { ScreenApplicationInput, type ScreenedCase, ScreeningFindings } from './screening.js';
export { type CaseCommand, checkTransition, INITIAL_STAGE, NEXT_STAGES, STAGE_MACHINE } from './stages.js';
export { CASE_ACTIONS, DOCUMENT_READ_ACTION, REVIEW_STAGES, STAGE_CLOCK } from './timeline.js';
export { createWorkflow, type Workflow, type WorkflowDeps, type WorkflowService } from './workflow.js';
