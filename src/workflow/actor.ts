import { z } from 'zod';
import { Id, UserRole } from '../domain/case.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';

/**
 * Who runs a command: a signed-in user (the server has authenticated them) or the system itself
 * (timers, imports, simulations), and the request it belongs to. Every audit event carries these.
 * `userId` is the users table id, as the audit log stores it.
 */
export const ActorRole = z.union([UserRole, z.literal('system')]);
export type ActorRole = z.infer<typeof ActorRole>;

export const Actor = z
  .object({
    userId: z.union([Id, z.literal('system')]),
    role: ActorRole,
    requestId: z.string().min(1).max(128),
  })
  .refine((a) => (a.userId === 'system') === (a.role === 'system'), {
    message: 'the system acts with the system role, and only the system does',
  });
export type Actor = z.infer<typeof Actor>;

/** Every command the workflow offers, including reads that are audited. */
export type WorkflowCommand =
  | 'receiveApplication'
  | 'beginScreening'
  | 'screenApplication'
  | 'assignReviewer'
  | 'sendNoticeOfAssignment'
  | 'receiveRecords'
  | 'convertToExpedited'
  | 'extendDecision'
  | 'terminate'
  | 'recordDetermination'
  | 'returnToReviewer'
  | 'issueLetter'
  | 'closeCase'
  | 'readDocument'
  | 'caseClocks'
  | 'queue';

const STAFF: readonly ActorRole[] = ['intake', 'coordinator', 'admin', 'system'];

/** Which roles may run which command. A reviewer acts only on cases assigned to them (checked by the command). */
export const COMMAND_ROLES: Record<WorkflowCommand, readonly ActorRole[]> = {
  receiveApplication: STAFF,
  beginScreening: STAFF,
  screenApplication: STAFF,
  assignReviewer: ['coordinator', 'admin', 'system'],
  sendNoticeOfAssignment: STAFF,
  receiveRecords: STAFF,
  convertToExpedited: STAFF,
  extendDecision: ['coordinator', 'admin', 'system'],
  terminate: ['coordinator', 'admin', 'system'],
  recordDetermination: ['reviewer', 'admin', 'system'],
  returnToReviewer: ['qa', 'admin', 'system'],
  issueLetter: ['coordinator', 'qa', 'admin', 'system'],
  closeCase: ['coordinator', 'admin', 'system'],
  readDocument: ['intake', 'coordinator', 'reviewer', 'qa', 'admin', 'system'],
  caseClocks: ['intake', 'coordinator', 'reviewer', 'qa', 'admin', 'system'],
  queue: ['intake', 'coordinator', 'qa', 'admin', 'system'],
};

/** The actor, validated, if their role may run `command`; IMR_VALIDATION or IMR_FORBIDDEN otherwise. */
export function authorize(command: WorkflowCommand, actor: unknown): Result<Actor, ImrError> {
  const parsed = Actor.safeParse(actor);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    return err(imrError('IMR_VALIDATION', `Invalid actor${where}: ${issue?.message ?? 'invalid'}.`));
  }
  if (!COMMAND_ROLES[command].includes(parsed.data.role)) {
    return err(imrError('IMR_FORBIDDEN', undefined, { command, role: parsed.data.role }));
  }
  return ok(parsed.data);
}
