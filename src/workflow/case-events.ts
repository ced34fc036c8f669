import { z } from 'zod';
import type { Assignment, Case } from '../domain/case.js';
import { localDateOf, When } from '../domain/clock-dates.js';
import { MAX_EXTENSION_DAYS, NoticeMethod, TerminationReason } from '../domain/clocks.js';
import { type ImrError, imrError } from '../domain/errors.js';
import type { Result } from '../domain/result.js';
import { assignments, documents, type Tx } from '../store/index.js';
import type { Actor } from './actor.js';
import {
  type CaseChange,
  CaseRef,
  caseAssignments,
  caseEvents,
  caseFacts,
  caseItems,
  caseParties,
  eventTime,
  fail,
  keep,
  loadCase,
  parseCommandInput,
  recordChange,
} from './case-ops.js';
import { attempt, type Scope } from './context.js';
import { keepNotices, noticePages } from './correspondence.js';
import {
  type DocumentOcr,
  DocumentUpload,
  type DuplicateDocument,
  ocrAuditDetails,
  type PreparedDocuments,
  prepareDocuments,
  recordOcr,
} from './documents.js';
import { CASE_ACTIONS } from './timeline.js';

/**
 * The steps between assignment and decision, and the ways a review ends early: the notice of
 * assignment (NOARFI), the records, conversion to expedited review, the AD's extension, termination
 * or withdrawal, and closing a decided case.
 */

export interface CaseResult {
  readonly case: Case;
}

// ---------------------------------------------------------------------------------------------
// Notice of assignment (8 CCR 9792.10.4): starts the records clock, 15 days mailed / 12 electronic.

export const SendNoticeInput = CaseRef.extend({ method: NoticeMethod, sentAt: When.optional() });
export type SendNoticeInput = z.input<typeof SendNoticeInput>;

export async function sendNoticeOfAssignment(
  scope: Scope,
  actor: Actor,
  raw: unknown,
): Promise<Result<CaseResult & { readonly documentIds?: readonly number[] }, ImrError>> {
  const parsed = parseCommandInput(SendNoticeInput, raw, 'notice of assignment');
  if (!parsed.ok) return parsed;
  const { method, sentAt, ...ref } = parsed.value;
  return attempt(() =>
    scope.write(async (tx) => {
      const at = eventTime(sentAt, scope.at, 'sentAt');
      const c = await loadCase(tx, ref, 'sendNoticeOfAssignment');
      const changed = await recordChange(tx, scope, actor, {
        case: c,
        stage: 'records-requested',
        action: CASE_ACTIONS.noticeSent,
        details: { eventAt: at, method },
      });
      if (!scope.options.correspondence) return changed;
      // The notice itself, to each party: generated from the case as it now stands (records due date set).
      const [itemList, partyList, facts] = await Promise.all([
        caseItems(tx, changed.case, scope),
        caseParties(tx, c.id, scope),
        caseFacts(tx, changed.case, scope),
      ]);
      const notices = noticePages('notice-of-assignment', {
        case: changed.case,
        application: facts.application,
        parties: partyList,
        items: itemList,
        letterhead: scope.options.letterhead,
        at,
      });
      const documentIds = await keepNotices(tx, scope, actor, c.id, 'notice-of-assignment', notices);
      return { ...changed, documentIds };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Records (8 CCR 9792.10.5): starts the decision clock.

export const ReceiveRecordsInput = CaseRef.extend({
  receivedAt: When.optional(),
  documents: z.array(DocumentUpload).default([]),
});
export type ReceiveRecordsInput = z.input<typeof ReceiveRecordsInput>;

/** A command that took in documents: the new ones, the repeats left out, what OCR read. */
export interface DocumentsResult extends CaseResult {
  readonly documentIds: readonly number[];
  readonly duplicateDocuments: readonly DuplicateDocument[];
  readonly ocr: readonly DocumentOcr[];
}

export async function storeDocuments(tx: Tx, caseId: number, prepared: PreparedDocuments): Promise<number[]> {
  const ids: number[] = [];
  for (const d of prepared.documents) ids.push((await documents.create(tx, { ...d, caseId })).id);
  return ids;
}

export async function receiveRecords(
  scope: Scope,
  actor: Actor,
  raw: unknown,
): Promise<Result<DocumentsResult, ImrError>> {
  const parsed = parseCommandInput(ReceiveRecordsInput, raw, 'records');
  if (!parsed.ok) return parsed;
  return takeInRecords(scope, actor, parsed.value, 'receiveRecords', (_c, at) => ({
    stage: 'records-received',
    patch: { recordsReceivedDate: localDateOf(at) },
    action: CASE_ACTIONS.recordsReceived,
  }));
}

/**
 * Records that arrive for a case (the first set, or supplemental ones): read and checked against the
 * documents the case already has (the same file twice is not stored again), then, in one transaction,
 * the case change with its audit event, the documents and their OCR.
 */
async function takeInRecords(
  scope: Scope,
  actor: Actor,
  input: z.output<typeof ReceiveRecordsInput>,
  command: 'receiveRecords' | 'addSupplementalRecords',
  change: (c: Case, at: string) => Omit<CaseChange, 'case' | 'details'>,
): Promise<Result<DocumentsResult, ImrError>> {
  const { receivedAt, documents: uploads, ...ref } = input;
  return attempt(async () => {
    const at = eventTime(receivedAt, scope.at, 'receivedAt');
    const known = await documents.listByCase(scope.read, ref.caseId);
    const prepared = await prepareDocuments(
      scope.store.files,
      uploads,
      scope.at,
      scope.options.maxDocumentBytes,
      known,
    );
    if (!prepared.ok) return prepared;
    return scope.write(async (tx) => {
      const c = await loadCase(tx, ref, command);
      const changed = await recordChange(tx, scope, actor, {
        case: c,
        ...change(c, at),
        details: {
          eventAt: at,
          documents: prepared.value.documents.length,
          documentsWithoutText: prepared.value.withoutText,
          ...ocrAuditDetails(prepared.value),
        },
      });
      const documentIds = await storeDocuments(tx, c.id, prepared.value);
      await recordOcr(tx, scope.at, actor, c.id, prepared.value, documentIds);
      return { ...changed, documentIds, duplicateDocuments: prepared.value.duplicates, ocr: prepared.value.ocr };
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Supplemental records: documents that arrive after the records were received (newly found records
// go to the IMRO "immediately", LC 4610.5(l) — FS §1.6). They join the case's record for the reviewer
// and the engine; the decision clock keeps running from the first receipt.

export const AddSupplementalRecordsInput = CaseRef.extend({
  receivedAt: When.optional(),
  documents: z.array(DocumentUpload).min(1),
});
export type AddSupplementalRecordsInput = z.input<typeof AddSupplementalRecordsInput>;

export async function addSupplementalRecords(
  scope: Scope,
  actor: Actor,
  raw: unknown,
): Promise<Result<DocumentsResult, ImrError>> {
  const parsed = parseCommandInput(AddSupplementalRecordsInput, raw, 'supplemental records');
  if (!parsed.ok) return parsed;
  return takeInRecords(scope, actor, parsed.value, 'addSupplementalRecords', (c) => ({
    stage: c.stage,
    action: CASE_ACTIONS.recordsSupplemented,
  }));
}

// ---------------------------------------------------------------------------------------------
// Conversion to expedited review (8 CCR 9792.10.4): the treating physician's written certification
// of an imminent and serious threat, with supporting documents.

export const ConvertToExpeditedInput = CaseRef.extend({
  /** When the IMRO received the certification; defaults to now. */
  certifiedAt: When.optional(),
  /** The certification and its supporting documents. */
  documents: z.array(DocumentUpload).min(1),
});
export type ConvertToExpeditedInput = z.input<typeof ConvertToExpeditedInput>;

/** A review converts to expedited once (IMR_INVALID_TRANSITION when it is expedited already). */
export function checkNotExpedited(c: Pick<Case, 'priority'>): void {
  if (c.priority === 'expedited') {
    fail(
      imrError('IMR_INVALID_TRANSITION', 'The review is expedited already.', {
        command: 'convertToExpedited',
        priority: c.priority,
      }),
    );
  }
}

export async function convertToExpedited(
  scope: Scope,
  actor: Actor,
  raw: unknown,
): Promise<Result<CaseResult & { readonly documentIds: readonly number[] }, ImrError>> {
  const parsed = parseCommandInput(ConvertToExpeditedInput, raw, 'conversion to expedited');
  if (!parsed.ok) return parsed;
  const { certifiedAt, documents: uploads, ...ref } = parsed.value;
  return attempt(async () => {
    const at = eventTime(certifiedAt, scope.at, 'certifiedAt');
    const prepared = await prepareDocuments(scope.store.files, uploads, scope.at, scope.options.maxDocumentBytes);
    if (!prepared.ok) return prepared;
    return scope.write(async (tx) => {
      const c = await loadCase(tx, ref, 'convertToExpedited');
      checkNotExpedited(c);
      const changed = await recordChange(tx, scope, actor, {
        case: c,
        stage: c.stage,
        patch: { priority: 'expedited' },
        action: CASE_ACTIONS.convertedToExpedited,
        details: { eventAt: at, documents: prepared.value.documents.length, ...ocrAuditDetails(prepared.value) },
      });
      const documentIds = await storeDocuments(tx, c.id, prepared.value);
      await recordOcr(tx, scope.at, actor, c.id, prepared.value, documentIds);
      return { ...changed, documentIds };
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Extension of the decision period (LC 4610.6(d)): at most three days in all.

export const ExtensionReason = z.enum(['extraordinary-circumstances', 'good-cause']);
export type ExtensionReason = z.infer<typeof ExtensionReason>;

export const ExtendDecisionInput = CaseRef.extend({
  days: z.number().int().min(1).max(MAX_EXTENSION_DAYS),
  /** A reason code (free text could carry PHI into the audit log). */
  reason: ExtensionReason,
});
export type ExtendDecisionInput = z.input<typeof ExtendDecisionInput>;

/** The extension days already recorded on a case (from its lifecycle events). */
export function grantedExtensionDays(
  events: readonly { readonly action: string; readonly details: Readonly<Record<string, unknown>> }[],
): number {
  return events
    .filter((e) => e.action === CASE_ACTIONS.decisionExtended)
    .reduce((sum, e) => sum + (typeof e.details.days === 'number' ? e.details.days : 0), 0);
}

/** Extensions total at most three days (IMR_VALIDATION on the `days` field past that). */
export function checkExtension(granted: number, days: number): void {
  if (granted + days > MAX_EXTENSION_DAYS) {
    const left = Math.max(MAX_EXTENSION_DAYS - granted, 0);
    fail(
      imrError(
        'IMR_VALIDATION',
        `Extensions may total at most ${MAX_EXTENSION_DAYS} days (LC 4610.6(d)); ${left === 0 ? 'none is' : `${left} ${left === 1 ? 'day is' : 'days are'}`} left.`,
        { field: 'days', granted, requested: days },
      ),
    );
  }
}

export async function extendDecision(scope: Scope, actor: Actor, raw: unknown): Promise<Result<CaseResult, ImrError>> {
  const parsed = parseCommandInput(ExtendDecisionInput, raw, 'extension');
  if (!parsed.ok) return parsed;
  const { days, reason, ...ref } = parsed.value;
  return attempt(() =>
    scope.write(async (tx) => {
      const c = await loadCase(tx, ref, 'extendDecision');
      checkExtension(grantedExtensionDays(await caseEvents(tx, c, scope)), days);
      return recordChange(tx, scope, actor, {
        case: c,
        stage: c.stage,
        action: CASE_ACTIONS.decisionExtended,
        details: { eventAt: scope.at, days, reason },
      });
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Termination (LC 4610.5(g); 8 CCR 9792.10.6(a)): the claims administrator authorized the treatment,
// the dispute settled, or the request was withdrawn.

export const TerminateInput = CaseRef.extend({ reason: TerminationReason, at: When.optional() });
export type TerminateInput = z.input<typeof TerminateInput>;

/** A withdrawn request leaves the case withdrawn; authorization or settlement, terminated. */
export function terminationStage(reason: TerminationReason): 'withdrawn' | 'terminated' {
  return reason === 'request-withdrawn' ? 'withdrawn' : 'terminated';
}

export async function terminate(
  scope: Scope,
  actor: Actor,
  raw: unknown,
): Promise<Result<CaseResult & { readonly assignmentsEnded: number }, ImrError>> {
  const parsed = parseCommandInput(TerminateInput, raw, 'termination');
  if (!parsed.ok) return parsed;
  const { reason, at: given, ...ref } = parsed.value;
  return attempt(() =>
    scope.write(async (tx) => {
      const at = eventTime(given, scope.at, 'at');
      const c = await loadCase(tx, ref, 'terminate');
      const stage = terminationStage(reason);
      const all = await caseAssignments(tx, c, scope);
      const current = all.filter((a) => a.endedAt === undefined);
      const changed = await recordChange(tx, scope, actor, {
        case: c,
        stage,
        patch: { stageReason: reason, closedDate: localDateOf(at) },
        action: CASE_ACTIONS.terminated,
        details: { eventAt: at, reason, assignmentsEnded: current.length },
      });
      const ended = new Map<number, Assignment>();
      for (const a of current) {
        ended.set(a.id, await assignments.end(tx, a.id, { endedAt: scope.at, endReason: `case ${stage}` }));
      }
      keep(
        scope,
        changed.case,
        'assignments',
        all.map((a) => ended.get(a.id) ?? a),
      );
      return { ...changed, assignmentsEnded: current.length };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Closing a case whose letter has issued.

export async function closeCase(scope: Scope, actor: Actor, raw: unknown): Promise<Result<CaseResult, ImrError>> {
  const parsed = parseCommandInput(CaseRef, raw, 'case reference');
  if (!parsed.ok) return parsed;
  return attempt(() =>
    scope.write(async (tx) => {
      const c = await loadCase(tx, parsed.value, 'closeCase');
      return recordChange(tx, scope, actor, {
        case: c,
        stage: 'closed',
        patch: { closedDate: localDateOf(scope.at) },
        action: CASE_ACTIONS.closed,
        details: { eventAt: scope.at },
      });
    }),
  );
}
