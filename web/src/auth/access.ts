import type { Role } from '../api/types.ts';

/** Which roles see which part of the app (the server enforces the same; this only shapes the UI). */
export const ACCESS = {
  queue: ['intake', 'coordinator', 'reviewer', 'qa', 'admin'],
  intake: ['intake', 'coordinator', 'admin'],
  screening: ['intake', 'coordinator', 'admin'],
  assignment: ['coordinator', 'admin'],
  caseSteps: ['intake', 'coordinator', 'admin'],
  // The case operations, as the contract's routes allow them (expedite, extension, termination, close).
  expedite: ['intake', 'coordinator', 'admin'],
  extendDecision: ['coordinator', 'admin'],
  terminate: ['coordinator', 'admin'],
  closeCase: ['coordinator', 'admin'],
  /** The case's audit trail and timeline. */
  audit: ['qa', 'admin'],
  review: ['reviewer', 'coordinator', 'qa', 'admin'],
  decide: ['reviewer', 'admin'],
  letter: ['reviewer', 'coordinator', 'qa', 'admin'],
  approveLetter: ['qa', 'admin'],
  issueLetter: ['coordinator', 'qa', 'admin'],
  dashboard: ['coordinator', 'qa', 'admin'],
  search: ['intake', 'coordinator', 'reviewer', 'qa', 'admin'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof ACCESS;

export function can(role: Role, area: Area): boolean {
  return (ACCESS[area] as readonly Role[]).includes(role);
}

export const ROLE_LABEL: Record<Role, string> = {
  intake: 'Intake',
  coordinator: 'Coordinator',
  reviewer: 'Physician reviewer',
  qa: 'Quality assurance',
  admin: 'Administrator',
};
