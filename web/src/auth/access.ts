import type { Routes } from '../api/contract.ts';
import type { Role } from '../api/types.ts';

/**
 * Which roles see which part of the app: each area is the server's route that guards it, and its
 * roles are that route's `access` (src/server/contract.ts ROUTES). The web may take only types from
 * the server, so the lists are copies the compiler checks against the contract's literal types: a
 * route whose roles change breaks the web build. The server enforces; this only shapes the UI.
 */
const AREA_ROUTE = {
  queue: 'queue',
  intake: 'intake',
  screening: 'screen',
  assignment: 'assign',
  caseSteps: 'notice',
  expedite: 'expedite',
  extendDecision: 'extend',
  terminate: 'terminate',
  closeCase: 'close',
  /** The case's audit trail and timeline. */
  audit: 'caseTimeline',
  review: 'review',
  decide: 'determine',
  letter: 'letterPreview',
  approveLetter: 'approveLetter',
  issueLetter: 'issueLetter',
  dashboard: 'dashboard',
  search: 'searchLetters',
  admin: 'listUsers',
} as const satisfies Record<string, keyof Routes>;

type AreaRoles = { readonly [A in keyof typeof AREA_ROUTE]: Routes[(typeof AREA_ROUTE)[A]]['access'] };

const ALL = ['intake', 'coordinator', 'reviewer', 'qa', 'admin'] as const;
const INTAKE = ['intake', 'coordinator', 'admin'] as const;
const COORDINATION = ['coordinator', 'admin'] as const;

export const ACCESS: AreaRoles = {
  queue: ALL,
  intake: INTAKE,
  screening: INTAKE,
  assignment: COORDINATION,
  caseSteps: INTAKE,
  expedite: INTAKE,
  extendDecision: COORDINATION,
  terminate: COORDINATION,
  closeCase: COORDINATION,
  audit: ['qa', 'admin'],
  review: ['reviewer', 'coordinator', 'qa', 'admin'],
  decide: ['reviewer', 'admin'],
  letter: ['reviewer', 'coordinator', 'qa', 'admin'],
  approveLetter: ['qa', 'admin'],
  issueLetter: ['coordinator', 'qa', 'admin'],
  dashboard: ['coordinator', 'qa', 'admin'],
  search: ALL,
  admin: ['admin'],
};

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
