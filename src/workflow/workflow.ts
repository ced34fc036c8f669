import type { ImrError } from '../domain/errors.js';
import type { Result } from '../domain/result.js';
import type { Store, Tx } from '../store/index.js';
import { type Actor, authorize, type WorkflowCommand } from './actor.js';
import { type AssignedCase, type AssignReviewerInput, assignReviewer } from './assignment.js';
import {
  type CaseResult,
  type ConvertToExpeditedInput,
  closeCase,
  convertToExpedited,
  type ExtendDecisionInput,
  extendDecision,
  type ReceiveRecordsInput,
  receiveRecords,
  type SendNoticeInput,
  sendNoticeOfAssignment,
  type TerminateInput,
  terminate,
} from './case-events.js';
import type { CaseRef } from './case-ops.js';
import {
  batchScope,
  CaseCache,
  readClock,
  resolveOptions,
  type Scope,
  standaloneScope,
  type WorkflowOptions,
} from './context.js';
import { type RecordDeterminationInput, type RecordedDetermination, recordDetermination } from './determination.js';
import { type ReceiveApplicationInput, type ReceivedApplication, receiveApplication } from './intake.js';
import { type IssuedLetter, type IssueLetterInput, issueLetter } from './issue-letter.js';
import { type ReturnedCase, type ReturnToReviewerInput, returnToReviewer } from './qa-return.js';
import {
  type CaseClocks,
  caseClocks,
  type QueueEntry,
  type QueueInput,
  queue,
  type ReadDocumentInput,
  type ReadDocumentResult,
  readDocument,
} from './reads.js';
import { beginScreening, type ScreenApplicationInput, type ScreenedCase, screenApplication } from './screening.js';

/**
 * The case lifecycle as one object: every command takes the actor (checked against the command's
 * roles) and its input (validated), runs at the workflow clock's "now", and returns a result with a
 * coded error instead of throwing. Each command is one transaction holding its change and its audit
 * event; `batch` runs several commands in one transaction, each in its own savepoint (a failed command
 * leaves nothing behind, the others commit together) and with the reviewer registry read once.
 */

type Out<T> = Promise<Result<T, ImrError>>;

export interface Workflow {
  receiveApplication(actor: Actor, input: ReceiveApplicationInput): Out<ReceivedApplication>;
  beginScreening(actor: Actor, input: CaseRef): Out<{ readonly case: ScreenedCase['case'] }>;
  screenApplication(actor: Actor, input: ScreenApplicationInput): Out<ScreenedCase>;
  assignReviewer(actor: Actor, input: AssignReviewerInput): Out<AssignedCase>;
  sendNoticeOfAssignment(actor: Actor, input: SendNoticeInput): Out<CaseResult>;
  receiveRecords(
    actor: Actor,
    input: ReceiveRecordsInput,
  ): Out<CaseResult & { readonly documentIds: readonly number[] }>;
  convertToExpedited(
    actor: Actor,
    input: ConvertToExpeditedInput,
  ): Out<CaseResult & { readonly documentIds: readonly number[] }>;
  extendDecision(actor: Actor, input: ExtendDecisionInput): Out<CaseResult>;
  terminate(actor: Actor, input: TerminateInput): Out<CaseResult & { readonly assignmentsEnded: number }>;
  recordDetermination(actor: Actor, input: RecordDeterminationInput): Out<RecordedDetermination>;
  /** Clinical QA sends a determined case back to its reviewer with a comment. */
  returnToReviewer(actor: Actor, input: ReturnToReviewerInput): Out<ReturnedCase>;
  issueLetter(actor: Actor, input: IssueLetterInput): Out<IssuedLetter>;
  closeCase(actor: Actor, input: CaseRef): Out<CaseResult>;
  /** The document and, if asked, its bytes; writes a `document.read` audit event. */
  readDocument(actor: Actor, input: ReadDocumentInput): Out<ReadDocumentResult>;
  /** The case's statutory clocks from its recorded timeline, as of `now`. */
  caseClocks(actor: Actor, caseId: number, now: string): Out<CaseClocks>;
  /** Cases by stage with their clocks, overdue and due-soon first. */
  queue(actor: Actor, input: QueueInput): Out<readonly QueueEntry[]>;
}

export interface WorkflowService extends Workflow {
  /**
   * Runs `fn` with a workflow whose commands share one transaction (a savepoint each). The result is
   * what `fn` returns, or an error if the transaction itself failed (then nothing was written).
   */
  batch<T>(fn: (w: Workflow) => Promise<T>): Promise<Result<T, ImrError>>;
}

export interface WorkflowDeps {
  readonly store: Store;
  /** The clock (ISO instants); the system clock by default. Tests and simulations pass a fixed one. */
  readonly now?: () => string;
  readonly options?: WorkflowOptions;
}

interface BatchState {
  readonly tx: Tx;
  readonly cache: Map<string, unknown>;
}

export function createWorkflow(deps: WorkflowDeps): WorkflowService {
  const now = deps.now ?? (() => new Date().toISOString());
  const options = resolveOptions(deps.options);
  const caseCache = new CaseCache();

  function bind(batch: BatchState | undefined): Workflow {
    const run = async <T>(
      command: WorkflowCommand,
      actor: Actor,
      body: (scope: Scope, actor: Actor) => Out<T>,
    ): Out<T> => {
      const who = authorize(command, actor);
      if (!who.ok) return who;
      const at = readClock(now);
      if (!at.ok) return at;
      const scope =
        batch === undefined
          ? standaloneScope(deps.store, at.value, options, caseCache)
          : batchScope(deps.store, batch.tx, at.value, options, batch.cache, caseCache);
      return body(scope, who.value);
    };
    return {
      receiveApplication: (a, i) => run('receiveApplication', a, (s, who) => receiveApplication(s, who, i)),
      beginScreening: (a, i) => run('beginScreening', a, (s, who) => beginScreening(s, who, i)),
      screenApplication: (a, i) => run('screenApplication', a, (s, who) => screenApplication(s, who, i)),
      assignReviewer: (a, i) => run('assignReviewer', a, (s, who) => assignReviewer(s, who, i)),
      sendNoticeOfAssignment: (a, i) => run('sendNoticeOfAssignment', a, (s, who) => sendNoticeOfAssignment(s, who, i)),
      receiveRecords: (a, i) => run('receiveRecords', a, (s, who) => receiveRecords(s, who, i)),
      convertToExpedited: (a, i) => run('convertToExpedited', a, (s, who) => convertToExpedited(s, who, i)),
      extendDecision: (a, i) => run('extendDecision', a, (s, who) => extendDecision(s, who, i)),
      terminate: (a, i) => run('terminate', a, (s, who) => terminate(s, who, i)),
      recordDetermination: (a, i) => run('recordDetermination', a, (s, who) => recordDetermination(s, who, i)),
      returnToReviewer: (a, i) => run('returnToReviewer', a, (s, who) => returnToReviewer(s, who, i)),
      issueLetter: (a, i) => run('issueLetter', a, (s, who) => issueLetter(s, who, i)),
      closeCase: (a, i) => run('closeCase', a, (s, who) => closeCase(s, who, i)),
      readDocument: (a, i) => run('readDocument', a, (s, who) => readDocument(s, who, i)),
      caseClocks: (a, caseId, at) => run('caseClocks', a, (s) => caseClocks(s, caseId, at)),
      queue: (a, i) => run('queue', a, (s) => queue(s, i)),
    };
  }

  return {
    ...bind(undefined),
    batch: (fn) => deps.store.transaction((tx) => fn(bind({ tx, cache: new Map() }))),
  };
}
