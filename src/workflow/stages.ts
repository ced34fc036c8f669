import { BEFORE_DECISION_STAGES, CaseStage } from '../domain/case.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';

/**
 * The case stage machine. Every lifecycle command names the stages it may start from and the stages
 * it may leave the case in; nothing else moves a case. A command that changes the case without
 * moving it (conversion to expedited, an extension) says `unchanged`.
 */

/** The lifecycle commands that change a case (intake creates one; it has no "from"). */
export const CASE_COMMANDS = [
  'beginScreening',
  'screenApplication',
  'assignReviewer',
  'sendNoticeOfAssignment',
  'receiveRecords',
  'addSupplementalRecords',
  'convertToExpedited',
  'extendDecision',
  'terminate',
  'recordDetermination',
  'returnToReviewer',
  'issueLetter',
  'closeCase',
] as const;
export type CaseCommand = (typeof CASE_COMMANDS)[number];

/** Intake puts every new case here. */
export const INITIAL_STAGE: CaseStage = 'received';

export interface StageRule {
  readonly from: readonly CaseStage[];
  /** The stages the command may leave the case in; `unchanged`: the case stays where it is. */
  readonly to: readonly CaseStage[] | 'unchanged';
}

/** Stages before a final determination in which the review is still running. */
const BEFORE_DECISION = BEFORE_DECISION_STAGES;

export const STAGE_MACHINE: Record<CaseCommand, StageRule> = {
  beginScreening: { from: ['received'], to: ['eligibility-review'] },
  screenApplication: {
    from: ['received', 'eligibility-review', 'deferred'],
    to: ['eligible', 'ineligible', 'deferred'],
  },
  assignReviewer: { from: ['eligible'], to: ['assigned'] },
  sendNoticeOfAssignment: { from: ['assigned'], to: ['records-requested'] },
  receiveRecords: { from: ['records-requested'], to: ['records-received'] },
  // LC 4610.5(l): records found later are sent at once; the reviewer sees them until the decision.
  addSupplementalRecords: { from: ['records-received', 'in-review'], to: 'unchanged' },
  // 8 CCR 9792.10.4: a physician's certification converts a running review (FS §1.5).
  convertToExpedited: { from: BEFORE_DECISION, to: 'unchanged' },
  // LC 4610.6(d): the AD may extend the decision period; it runs from the records (FS §1.7).
  extendDecision: { from: ['records-requested', 'records-received', 'in-review'], to: 'unchanged' },
  // 8 CCR 9792.10.6(a): terminated any time before the determination issues.
  terminate: { from: [...BEFORE_DECISION, 'determined'], to: ['terminated', 'withdrawn'] },
  // 8 CCR 9792.10.6(b)(2): the reviewer may decide without the claims administrator's records.
  // The reviewer may revise a determined case until QA approves its letter (checked by the command).
  recordDetermination: {
    from: ['records-requested', 'records-received', 'in-review', 'determined'],
    to: ['in-review', 'determined'],
  },
  // Clinical QA sends the determination back to the reviewer with a comment.
  returnToReviewer: { from: ['determined'], to: ['in-review'] },
  issueLetter: { from: ['determined'], to: ['letter-issued'] },
  closeCase: { from: ['letter-issued'], to: ['closed'] },
};

/** The stages a case can move to from each stage (derived from the machine). */
export const NEXT_STAGES: Record<CaseStage, readonly CaseStage[]> = (() => {
  const next = {} as Record<CaseStage, CaseStage[]>;
  for (const stage of CaseStage.options) next[stage] = [];
  for (const rule of Object.values(STAGE_MACHINE)) {
    for (const from of rule.from) {
      for (const to of rule.to === 'unchanged' ? [from] : rule.to) {
        if (!next[from].includes(to)) next[from].push(to);
      }
    }
  }
  return next;
})();

/**
 * Whether `command` may run on a case in `from` (and, when given, leave it in `to`). An ineligible
 * case gets IMR_CASE_INELIGIBLE (more useful than "wrong stage"); anything else out of place gets
 * IMR_INVALID_TRANSITION. Details carry stages and the command, nothing about the case's content.
 */
export function checkTransition(command: CaseCommand, from: CaseStage, to?: CaseStage): Result<void, ImrError> {
  const rule = STAGE_MACHINE[command];
  const details = { command, stage: from, ...(to === undefined ? {} : { to }) };
  if (!rule.from.includes(from)) {
    if (from === 'ineligible') return err(imrError('IMR_CASE_INELIGIBLE', undefined, details));
    return err(imrError('IMR_INVALID_TRANSITION', undefined, details));
  }
  if (to === undefined) return ok(undefined);
  const allowed = rule.to === 'unchanged' ? [from] : rule.to;
  if (!allowed.includes(to)) return err(imrError('IMR_INVALID_TRANSITION', undefined, details));
  return ok(undefined);
}
