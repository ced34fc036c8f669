import { z } from 'zod';
import { type Case, type CaseDocument, CaseStage, Id, OPEN_STAGES } from '../domain/case.js';
import { addCalendarDays, Instant, localDateOf } from '../domain/clock-dates.js';
import type { Clock, ClockReport } from '../domain/clocks.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { ok, type Result } from '../domain/result.js';
import { appendAudit, assignments, cases, documents, users } from '../store/index.js';
import type { Actor } from './actor.js';
import { caseEvents, caseFacts, clocksOf, fail, parseCommandInput } from './case-ops.js';
import { attempt, type Scope } from './context.js';
import { DOCUMENT_READ_ACTION, STAGE_CLOCK } from './timeline.js';

/** Reads: a case document (audited), a case's clocks, and the work queue. */

// ---------------------------------------------------------------------------------------------
// Documents: every read of a case document leaves an audit event, written in the same transaction.

export const ReadDocumentInput = z.object({
  documentId: Id,
  /** Also return the bytes (the text is always returned when there is any). */
  includeBytes: z.boolean().default(false),
});
export type ReadDocumentInput = z.input<typeof ReadDocumentInput>;

export interface ReadDocumentResult {
  readonly document: CaseDocument;
  readonly bytes: Uint8Array | undefined;
}

export async function readDocument(
  scope: Scope,
  actor: Actor,
  raw: unknown,
): Promise<Result<ReadDocumentResult, ImrError>> {
  const parsed = parseCommandInput(ReadDocumentInput, raw, 'document read');
  if (!parsed.ok) return parsed;
  const { documentId, includeBytes } = parsed.value;
  return attempt(async (): Promise<Result<ReadDocumentResult, ImrError>> => {
    const read = await scope.write(async (tx) => {
      const document = await documents.getById(tx, documentId);
      if (document === undefined) {
        return fail(imrError('IMR_NOT_FOUND', 'No such document.', { entity: 'document', id: documentId }));
      }
      if (actor.role === 'reviewer') {
        const user = actor.userId === 'system' ? undefined : await users.getById(tx, actor.userId);
        const current = await assignments.listByCase(tx, document.caseId, { currentOnly: true });
        if (user?.reviewerId === undefined || !current.some((a) => a.reviewerId === user.reviewerId)) {
          return fail(imrError('IMR_FORBIDDEN', 'Reviewers read only the documents of cases assigned to them.'));
        }
      }
      await appendAudit(tx, {
        at: scope.at,
        actor: actor.userId,
        action: DOCUMENT_READ_ACTION,
        entityType: 'document',
        entityId: String(document.id),
        caseId: document.caseId,
        requestId: actor.requestId,
        details: { kind: document.kind, bytes: includeBytes, text: document.extractedText !== undefined },
      });
      return document;
    });
    if (!read.ok) return read;
    if (!includeBytes) return ok({ document: read.value, bytes: undefined });
    try {
      return ok({ document: read.value, bytes: await scope.store.files.read(read.value.storagePath) });
    } catch (thrown) {
      const code = (thrown as { code?: unknown }).code;
      return {
        ok: false,
        error: imrError('IMR_DOCUMENT_STORE_FAILED', 'The document bytes could not be read.', {
          ...(typeof code === 'string' ? { fsCode: code } : {}),
        }),
      };
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Clocks

export interface CaseClocks {
  readonly case: Case;
  readonly clocks: ClockReport;
  /** The clock of the case's current stage, when it has one. */
  readonly next: Clock | undefined;
}

function stageClock(c: Case, report: ClockReport): Clock | undefined {
  const id = STAGE_CLOCK[c.stage];
  return id === undefined ? undefined : report.clocks.find((k) => k.id === id);
}

/** The statutory clocks of a case as its recorded events give them at `now`. */
export async function caseClocks(scope: Scope, caseId: number, now: string): Promise<Result<CaseClocks, ImrError>> {
  if (!Id.safeParse(caseId).success) return { ok: false, error: imrError('IMR_VALIDATION', 'Invalid case id.') };
  if (!Instant.safeParse(now).success) {
    return { ok: false, error: imrError('IMR_VALIDATION', 'Invalid now: expected an ISO instant.') };
  }
  return attempt(async () => {
    const c = await cases.getById(scope.read, caseId);
    if (c === undefined) return fail(imrError('IMR_NOT_FOUND', 'No such case.', { entity: 'case', id: caseId }));
    const [facts, events] = await Promise.all([
      caseFacts(scope.read, c, undefined),
      caseEvents(scope.read, c, undefined),
    ]);
    const clocks = clocksOf(c, facts, events, now);
    return ok({ case: c, clocks, next: stageClock(c, clocks) });
  });
}

// ---------------------------------------------------------------------------------------------
// Queue

export type Urgency = 'overdue' | 'due-soon' | 'on-track' | 'no-deadline';

export interface QueueEntry extends CaseClocks {
  readonly urgency: Urgency;
}

export const QueueInput = z.object({
  /** Stages to list; by default every open stage. */
  stages: z.union([CaseStage, z.array(CaseStage).min(1)]).optional(),
  now: Instant,
  limit: z.number().int().min(1).max(1000).default(100),
});
export type QueueInput = z.input<typeof QueueInput>;

const URGENCY_ORDER: Record<Urgency, number> = { overdue: 0, 'due-soon': 1, 'on-track': 2, 'no-deadline': 3 };

/** When a clock runs out: its instant, or the end of its due day (California). */
function dueKey(next: Clock | undefined): string {
  if (next?.dueAt !== undefined) return localDateOf(next.dueAt) + next.dueAt;
  return next?.dueDate === undefined ? '~' : `${next.dueDate}~`;
}

/**
 * Cases by stage with their clocks: overdue first, then due soon, then the rest, each soonest due
 * first. The store lists cases by their stored next due date (kept by every command), so the
 * `limit` most urgent come back; their clocks are then computed from their events at `now`.
 */
export async function queue(scope: Scope, raw: unknown): Promise<Result<readonly QueueEntry[], ImrError>> {
  const parsed = parseCommandInput(QueueInput, raw, 'queue');
  if (!parsed.ok) return parsed;
  const { now, limit } = parsed.value;
  const stages =
    parsed.value.stages === undefined
      ? OPEN_STAGES
      : typeof parsed.value.stages === 'string'
        ? [parsed.value.stages]
        : parsed.value.stages;
  const today = localDateOf(now);
  const soon = addCalendarDays(today, scope.options.dueSoonDays);
  return attempt(async () => {
    const listed = await cases.listByStage(scope.read, stages, { limit });
    const entries: QueueEntry[] = [];
    for (const c of listed) {
      const [facts, events] = await Promise.all([
        caseFacts(scope.read, c, undefined),
        caseEvents(scope.read, c, undefined),
      ]);
      const clocks = clocksOf(c, facts, events, now);
      const next = stageClock(c, clocks);
      const running = next !== undefined && next.completedAt === undefined && next.dueDate !== undefined;
      const urgency: Urgency = !running
        ? 'no-deadline'
        : next.status === 'late'
          ? 'overdue'
          : (next.dueDate as string) <= soon
            ? 'due-soon'
            : 'on-track';
      entries.push({ case: c, clocks, next, urgency });
    }
    entries.sort(
      (a, b) =>
        URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
        dueKey(a.next).localeCompare(dueKey(b.next)) ||
        a.case.id - b.case.id,
    );
    return ok(entries);
  });
}
