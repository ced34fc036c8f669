import { z } from 'zod';
import type {
  Application,
  Assignment,
  AuditEvent,
  Case,
  CasePatch,
  CaseStage,
  DisputedItem,
  ItemDetermination,
  Party,
  UrDecision,
} from '../domain/case.js';
import { Id } from '../domain/case.js';
import { happenedAfter, When } from '../domain/clock-dates.js';
import { type ClockReport, computeClocks } from '../domain/clocks.js';
import { fieldsInvalid, type ImrError, ImrFailure, imrError } from '../domain/errors.js';
import { fieldProblemsOf } from '../domain/plain-issues.js';
import { err, ok, type Result } from '../domain/result.js';
import {
  appendAudit,
  applications,
  assignments,
  auditEvents,
  cases,
  determinations,
  type Handle,
  items,
  parties,
  type Tx,
  urDecisions,
} from '../store/index.js';
import type { Actor } from './actor.js';
import type { CaseCacheKind, Scope } from './context.js';
import { type CaseCommand, checkTransition } from './stages.js';
import {
  buildTimeline,
  type CaseAction,
  type DetailValue,
  DOCUMENT_READ_ACTION,
  dueDateFor,
  REVIEW_STAGES,
  STAGE_CLOCK,
  type TimelineEvent,
} from './timeline.js';
import { adjustWorkload, hasWorkload } from './workload.js';

/** Shared steps of the lifecycle commands. Internals throw `ImrFailure`; commands return results. */

export function fail(error: ImrError): never {
  throw new ImrFailure(error);
}

/** Which case, and which version of it the caller last saw (optimistic concurrency). */
export const CaseRef = z.object({
  caseId: Id,
  expectedVersion: z.number().int().positive(),
});
export type CaseRef = z.infer<typeof CaseRef>;

/**
 * Validates a command's input. The message names the field and the rule, never the value (which
 * may be PHI).
 */
export function parseCommandInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): Result<z.infer<S>, ImrError> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return err(fieldsInvalid(what, fieldProblemsOf(parsed.error.issues)));
}

/** An event time given by the caller (a date or an instant); it must not be after the command's moment. */
export function eventTime(given: string | undefined, scopeAt: string, field: string): string {
  if (given === undefined) return scopeAt;
  if (!When.safeParse(given).success) {
    fail(imrError('IMR_VALIDATION', `Invalid ${field}: expected a date or an ISO instant.`, { field }));
  }
  if (happenedAfter(given, scopeAt)) fail(imrError('IMR_VALIDATION', `The ${field} is in the future.`, { field }));
  return given;
}

/** A case as far as the version-keyed cache needs it. */
export type CaseVersion = Pick<Case, 'id' | 'version'>;

/** A record of the case at its version, from the cache or loaded (and kept). */
async function atVersion<T>(
  scope: Scope | undefined,
  c: CaseVersion,
  kind: CaseCacheKind,
  load: () => Promise<T>,
): Promise<T> {
  const hit = scope?.caseValue<T>(c.id, c.version, kind);
  if (hit !== undefined) return hit;
  const value = await load();
  if (value !== undefined) scope?.keepCaseValue(c.id, c.version, kind, value);
  return value;
}

/** A value kept for the rest of the command (or batch), or loaded. */
export async function cached<T>(scope: Scope | undefined, key: string, load: () => Promise<T>): Promise<T> {
  const hit = scope?.recall<T>(key);
  if (hit !== undefined) return hit;
  const value = await load();
  scope?.remember(key, value);
  return value;
}

export const caseItems = (h: Handle, c: CaseVersion, scope: Scope | undefined): Promise<DisputedItem[]> =>
  atVersion(scope, c, 'items', () => items.listByCase(h, c.id));
/** Every assignment of the case, ended ones included. */
export const caseAssignments = (h: Handle, c: CaseVersion, scope: Scope | undefined): Promise<Assignment[]> =>
  atVersion(scope, c, 'assignments', () => assignments.listByCase(h, c.id));
export const caseDeterminations = (h: Handle, c: CaseVersion, scope: Scope | undefined): Promise<ItemDetermination[]> =>
  atVersion(scope, c, 'determinations', () => determinations.listByCase(h, c.id));
/** The reviewer's clinical summary (the latest), if any. */
export const caseSummary = (
  scope: Scope | undefined,
  c: CaseVersion,
  load: () => Promise<{ id: number; text: string } | undefined>,
): Promise<{ id: number; text: string } | undefined> => atVersion(scope, c, 'summary', load);
/** Parties can be corrected without a new case version: kept only for one command (or batch). */
export const caseParties = (h: Handle, caseId: number, scope: Scope | undefined): Promise<Party[]> =>
  cached(scope, `parties:${caseId}`, () => parties.listByCase(h, caseId));

/** Replaces a record of the case at its (new) version after the command changed it. */
export function keep(scope: Scope, c: CaseVersion, kind: CaseCacheKind, value: unknown): void {
  scope.keepCaseValue(c.id, c.version, kind, value);
}

/**
 * The case at the version the caller saw, in a stage where `command` may run. Missing: IMR_NOT_FOUND;
 * another version: IMR_CONFLICT; wrong stage: IMR_INVALID_TRANSITION (IMR_CASE_INELIGIBLE if ineligible).
 * Always read from the database: its version decides which cached records are still good.
 */
export async function loadCase(h: Handle, ref: CaseRef, command: CaseCommand | undefined): Promise<Case> {
  const found = await cases.getById(h, ref.caseId);
  if (found === undefined) return fail(imrError('IMR_NOT_FOUND', 'No such case.', { entity: 'case', id: ref.caseId }));
  if (found.version !== ref.expectedVersion) {
    return fail(
      imrError('IMR_CONFLICT', undefined, {
        entity: 'case',
        id: ref.caseId,
        expectedVersion: ref.expectedVersion,
        currentVersion: found.version,
      }),
    );
  }
  if (command !== undefined) {
    const allowed = checkTransition(command, found.stage);
    if (!allowed.ok) fail(allowed.error);
  }
  return found;
}

/** Every audit event of a case, oldest first. */
export async function caseAuditEvents(h: Handle, caseId: number): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  for (;;) {
    const last = out.at(-1);
    const page = await auditEvents.listByCase(h, caseId, {
      limit: 5000,
      ...(last === undefined ? {} : { afterId: last.id }),
    });
    out.push(...page);
    if (page.length < 5000) return out;
  }
}

/** The recorded lifecycle events of a case (its audit events but the document reads), oldest first. */
export function caseEvents(h: Handle, c: CaseVersion, scope: Scope | undefined): Promise<TimelineEvent[]> {
  return atVersion(scope, c, 'events', async () =>
    (await caseAuditEvents(h, c.id))
      .filter((e) => e.action !== DOCUMENT_READ_ACTION)
      .map((e): TimelineEvent => ({ action: e.action, details: e.details })),
  );
}

export interface CaseFacts {
  readonly urDecision: UrDecision | undefined;
  readonly application: Application | undefined;
}

/** The UR decision (the latest on record) and the application (the first) of a case; both never change. */
export function caseFacts(h: Handle, c: CaseVersion, scope: Scope | undefined): Promise<CaseFacts> {
  return atVersion(scope, c, 'facts', async () => {
    const [urs, apps] = await Promise.all([urDecisions.listByCase(h, c.id), applications.listByCase(h, c.id)]);
    return { urDecision: urs.at(-1), application: apps[0] };
  });
}

/** What intake wrote, kept for the commands after it. */
export function rememberNewCase(
  scope: Scope,
  c: Case,
  records: {
    readonly facts: CaseFacts;
    readonly events: readonly TimelineEvent[];
    readonly items: readonly DisputedItem[];
    readonly parties: readonly Party[];
  },
): void {
  keep(scope, c, 'facts', records.facts);
  keep(scope, c, 'events', [...records.events]);
  keep(scope, c, 'items', [...records.items]);
  keep(scope, c, 'assignments', []);
  keep(scope, c, 'determinations', []);
  scope.remember(`parties:${c.id}`, [...records.parties]);
}

/** The clocks of a case as its recorded events give them at `now`. */
export function clocksOf(
  c: Pick<Case, 'kind' | 'priority'>,
  facts: CaseFacts,
  events: readonly TimelineEvent[],
  now: string,
): ClockReport {
  const timeline = buildTimeline({ kind: c.kind, priority: c.priority, ...facts }, events);
  const report = computeClocks(timeline, now);
  if (!report.ok) return fail(report.error);
  return report.value;
}

export interface CaseChange {
  readonly case: Case;
  readonly stage: CaseStage;
  readonly patch?: Omit<CasePatch, 'stage' | 'dueDate'>;
  readonly action: CaseAction;
  readonly details: Readonly<Record<string, DetailValue>>;
}

export interface ChangedCase {
  readonly case: Case;
}

/**
 * Moves the case on and records the audit event of the change, in the command's transaction: the
 * next deadline (from the timeline with this event in it), the case update at the version read
 * (IMR_CONFLICT when someone else got there first), then the audit event. Call it before the
 * command's other writes, so a conflict is found before anything else is written.
 */
export async function recordChange(tx: Tx, scope: Scope, actor: Actor, change: CaseChange): Promise<ChangedCase> {
  const c = change.case;
  const events = await caseEvents(tx, c, scope);
  if (REVIEW_STAGES.includes(c.stage) && !REVIEW_STAGES.includes(change.stage) && hasWorkload(scope)) {
    const current = (await caseAssignments(tx, c, scope)).filter((a) => a.endedAt === undefined);
    adjustWorkload(
      scope,
      current.map((a) => a.reviewerId),
      -1,
    );
  }
  const next: TimelineEvent[] = [...events, { action: change.action, details: change.details }];
  let dueDate: string | null = null;
  if (STAGE_CLOCK[change.stage] !== undefined) {
    const facts = await caseFacts(tx, c, scope);
    const priority = change.patch?.priority ?? c.priority;
    dueDate = dueDateFor(change.stage, clocksOf({ kind: c.kind, priority }, facts, next, scope.at)) ?? null;
  }
  const updated = await cases.update(
    tx,
    { id: c.id, expectedVersion: c.version },
    { ...change.patch, stage: change.stage, dueDate },
  );
  await appendAudit(tx, {
    at: scope.at,
    actor: actor.userId,
    action: change.action,
    entityType: 'case',
    entityId: String(c.id),
    caseId: c.id,
    requestId: actor.requestId,
    details: change.details,
  });
  scope.carryCase(c.id, c.version, updated.version);
  keep(scope, updated, 'events', next);
  return { case: updated };
}
