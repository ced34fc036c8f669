import { z } from 'zod';
import type { Assignment, Case } from '../domain/case.js';
import { localDateOf, When } from '../domain/clock-dates.js';
import { MAX_EXTENSION_DAYS, NoticeMethod, TerminationReason } from '../domain/clocks.js';
import { type ImrError, imrError } from '../domain/errors.js';
import type { Result } from '../domain/result.js';
import { assignments, documents, type Tx } from '../store/index.js';
import type { Actor } from './actor.js';
import {
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
import { DocumentUpload, type PreparedDocuments, prepareDocuments } from './documents.js';
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

export async function storeDocuments(tx: Tx, caseId: number, prepared: PreparedDocuments): Promise<number[]> {
  const ids: number[] = [];
  for (const d of prepared.documents) ids.push((await documents.create(tx, { ...d, caseId })).id);
  return ids;
}

export async function receiveRecords(
  scope: Scope,
  actor: Actor,
  raw: unknown,
): Promise<Result<CaseResult & { readonly documentIds: readonly number[] }, ImrError>> {
  const parsed = parseCommandInput(ReceiveRecordsInput, raw, 'records');
  if (!parsed.ok) return parsed;
  const { receivedAt, documents: uploads, ...ref } = parsed.value;
  return attempt(async () => {
    const at = eventTime(receivedAt, scope.at, 'receivedAt');
    const prepared = await prepareDocuments(scope.store.files, uploads, scope.at, scope.options.maxDocumentBytes);
    if (!prepared.ok) return prepared;
    return scope.write(async (tx) => {
      const c = await loadCase(tx, ref, 'receiveRecords');
      const changed = await recordChange(tx, scope, actor, {
        case: c,
        stage: 'records-received',
        patch: { recordsReceivedDate: localDateOf(at) },
        action: CASE_ACTIONS.recordsReceived,
        details: {
          eventAt: at,
          documents: prepared.value.documents.length,
          documentsWithoutText: prepared.value.withoutText,
        },
      });
      const documentIds = await storeDocuments(tx, c.id, prepared.value);
      return { ...changed, documentIds };
    });
  });
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
      if (c.priority === 'expedited') {
        return fail(
          imrError('IMR_INVALID_TRANSITION', 'The review is expedited already.', {
            command: 'convertToExpedited',
            priority: c.priority,
          }),
        );
      }
      const changed = await recordChange(tx, scope, actor, {
        case: c,
        stage: c.stage,
        patch: { priority: 'expedited' },
        action: CASE_ACTIONS.convertedToExpedited,
        details: { eventAt: at, documents: prepared.value.documents.length },
      });
      const documentIds = await storeDocuments(tx, c.id, prepared.value);
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

export async function extendDecision(scope: Scope, actor: Actor, raw: unknown): Promise<Result<CaseResult, ImrError>> {
  const parsed = parseCommandInput(ExtendDecisionInput, raw, 'extension');
  if (!parsed.ok) return parsed;
  const { days, reason, ...ref } = parsed.value;
  return attempt(() =>
    scope.write(async (tx) => {
      const c = await loadCase(tx, ref, 'extendDecision');
      const granted = (await caseEvents(tx, c, scope))
        .filter((e) => e.action === CASE_ACTIONS.decisionExtended)
        .reduce((sum, e) => sum + (typeof e.details.days === 'number' ? e.details.days : 0), 0);
      if (granted + days > MAX_EXTENSION_DAYS) {
        return fail(
          imrError('IMR_VALIDATION', `Extensions may total at most ${MAX_EXTENSION_DAYS} days (LC 4610.6(d)).`, {
            granted,
            requested: days,
          }),
        );
      }
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
      const stage = reason === 'request-withdrawn' ? 'withdrawn' : 'terminated';
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
