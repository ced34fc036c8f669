import { z } from 'zod';
import type { CasePriority, CaseStage } from '../domain/case.js';
import { When } from '../domain/clock-dates.js';
import { type ClockReport, MAX_EXTENSION_DAYS, TerminationReason } from '../domain/clocks.js';
import type { ImrError } from '../domain/errors.js';
import { ok, type Result } from '../domain/result.js';
import type { Handle } from '../store/index.js';
import { authorize, type WorkflowCommand } from './actor.js';
import {
  checkExtension,
  checkNotExpedited,
  ExtensionReason,
  grantedExtensionDays,
  terminationStage,
} from './case-events.js';
import {
  CaseRef,
  caseAssignments,
  caseEvents,
  caseFacts,
  clocksOf,
  eventTime,
  loadCase,
  parseCommandInput,
} from './case-ops.js';
import { attempt } from './context.js';
import type { CaseCommand } from './stages.js';
import { CASE_ACTIONS, type TimelineEvent } from './timeline.js';

/**
 * What an extension, a termination, a conversion to expedited review or closing would do to a case,
 * worked out before anyone confirms it: the same checks as the command (role, case version, stage,
 * the three-day limit, dates not in the future, an expedited review not converted twice), then the
 * clocks recomputed from the case's recorded events with the new event added. Nothing is written.
 */

export const CASE_OPERATIONS = ['extension', 'termination', 'expedite', 'close'] as const;
export type CaseOperation = (typeof CASE_OPERATIONS)[number];

/** The lifecycle command each operation runs (its role list and stage rule apply to the preview too). */
export const OPERATION_COMMAND: Record<CaseOperation, CaseCommand & WorkflowCommand> = {
  extension: 'extendDecision',
  termination: 'terminate',
  expedite: 'convertToExpedited',
  close: 'closeCase',
};

export const OperationPreviewInput = z.discriminatedUnion('operation', [
  CaseRef.extend({
    operation: z.literal('extension'),
    days: z.number().int().min(1).max(MAX_EXTENSION_DAYS),
    reason: ExtensionReason,
  }),
  CaseRef.extend({ operation: z.literal('termination'), reason: TerminationReason, at: When.optional() }),
  CaseRef.extend({ operation: z.literal('expedite'), certifiedAt: When.optional() }),
  CaseRef.extend({ operation: z.literal('close') }),
]);
export type OperationPreviewInput = z.input<typeof OperationPreviewInput>;

export interface OperationPreview {
  readonly operation: CaseOperation;
  readonly stage: { readonly from: CaseStage; readonly to: CaseStage };
  readonly priority: { readonly from: CasePriority; readonly to: CasePriority };
  /** The clocks now, and as they would be after the operation. */
  readonly before: ClockReport;
  readonly after: ClockReport;
  /** Current reviewer assignments the operation ends. */
  readonly assignmentsEnding: number;
  /** Extension days recorded already (of the three the law allows). */
  readonly extensionDaysGranted: number;
}

export async function previewOperation(
  h: Handle,
  actor: unknown,
  raw: unknown,
  now: string,
): Promise<Result<OperationPreview, ImrError>> {
  const parsed = parseCommandInput(OperationPreviewInput, raw, 'operation preview');
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const command = OPERATION_COMMAND[input.operation];
  const who = authorize(command, actor);
  if (!who.ok) return who;
  return attempt(async () => {
    const c = await loadCase(h, { caseId: input.caseId, expectedVersion: input.expectedVersion }, command);
    const [events, facts, assignments] = await Promise.all([
      caseEvents(h, c, undefined),
      caseFacts(h, c, undefined),
      caseAssignments(h, c, undefined),
    ]);
    const granted = grantedExtensionDays(events);
    let added: TimelineEvent | undefined;
    let stage: CaseStage = c.stage;
    let priority: CasePriority = c.priority;
    let assignmentsEnding = 0;
    switch (input.operation) {
      case 'extension':
        checkExtension(granted, input.days);
        added = {
          action: CASE_ACTIONS.decisionExtended,
          details: { eventAt: now, days: input.days, reason: input.reason },
        };
        break;
      case 'termination': {
        const at = eventTime(input.at, now, 'at');
        stage = terminationStage(input.reason);
        assignmentsEnding = assignments.filter((a) => a.endedAt === undefined).length;
        added = { action: CASE_ACTIONS.terminated, details: { eventAt: at, reason: input.reason } };
        break;
      }
      case 'expedite': {
        checkNotExpedited(c);
        const at = eventTime(input.certifiedAt, now, 'certifiedAt');
        priority = 'expedited';
        added = { action: CASE_ACTIONS.convertedToExpedited, details: { eventAt: at } };
        break;
      }
      case 'close':
        stage = 'closed';
        added = { action: CASE_ACTIONS.closed, details: { eventAt: now } };
        break;
    }
    const before: ClockReport = clocksOf(c, facts, events, now);
    const after: ClockReport = clocksOf({ kind: c.kind, priority }, facts, [...events, added], now);
    return ok({
      operation: input.operation,
      stage: { from: c.stage, to: stage },
      priority: { from: c.priority, to: priority },
      before,
      after,
      assignmentsEnding,
      extensionDaysGranted: granted,
    });
  });
}
