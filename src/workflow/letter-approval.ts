import type { z } from 'zod';
import type { Case } from '../domain/case.js';
import { localDateOf } from '../domain/clock-dates.js';
import { type ImrError, imrError } from '../domain/errors.js';
import type { Letter } from '../domain/letter.js';
import { err, ok, type Result } from '../domain/result.js';
import { renderLetterText } from '../letter/index.js';
import { checkRationale } from '../letter/integrity.js';
import { appendAudit, documents, type Handle, letterApprovals, type Store } from '../store/index.js';
import { type Actor, authorize } from './actor.js';
import {
  CaseRef,
  caseAssignments,
  caseDeterminations,
  caseFacts,
  caseItems,
  caseParties,
  fail,
  loadCase,
  parseCommandInput,
} from './case-ops.js';
import { type LetterApprovalView, letterApprovalOf } from './case-view.js';
import { attempt } from './context.js';
import { CLINICAL_SUMMARY_TITLE, rationaleError } from './determination.js';
import type { IssuedLetter, IssueLetterInput } from './issue-letter.js';
import { buildLetter } from './letter-build.js';
import { redactLetter, sensitiveTermsOf } from './redaction.js';
import type { Workflow } from './workflow.js';

/**
 * Clinical QA before a letter issues: QA previews the letter as it would issue now and approves it
 * for the case's current version; issuing then requires an approval of exactly that version, so a
 * decision revised after approval needs approving again. The approval and its audit event are one
 * transaction. (The stage machine is unchanged: a determined case waits for approval in `determined`.)
 */

export const LETTER_APPROVED_ACTION = 'letter.qa-approved';

export interface LetterPreview {
  readonly caseVersion: number;
  /** The reviewer's summary document printed in the letter (its read is audited by the caller). */
  readonly summaryDocumentId: number | undefined;
  readonly letter: Letter;
  readonly text: string;
  readonly publicLetter: Letter;
  readonly approval: LetterApprovalView | undefined;
}

async function latestSummary(h: Handle, caseId: number): Promise<{ id: number | undefined; text: string }> {
  const docs = (await documents.listByCase(h, caseId)).filter(
    (d) => d.kind === 'other' && d.title === CLINICAL_SUMMARY_TITLE,
  );
  const last = docs.at(-1);
  if (last === undefined) return { id: undefined, text: '' };
  return { id: last.id, text: (await documents.getById(h, last.id))?.extractedText ?? '' };
}

/** The letter the case would issue now (as `issueLetter` builds it), its text and public copy. */
export async function previewLetter(
  h: Handle,
  caseId: number,
  at: string,
  organization: string | undefined,
): Promise<Result<LetterPreview, ImrError>> {
  return attempt(async () => {
    const c = await h.db.selectFrom('cases').select(['id', 'version']).where('id', '=', caseId).executeTakeFirst();
    if (c === undefined) return fail(imrError('IMR_NOT_FOUND', 'No such case.', { entity: 'case', id: caseId }));
    const full = await loadCase(h, { caseId, expectedVersion: c.version }, undefined);
    const [itemList, decisions, all, partyList, facts, summary] = await Promise.all([
      caseItems(h, full, undefined),
      caseDeterminations(h, full, undefined),
      caseAssignments(h, full, undefined),
      caseParties(h, full.id, undefined),
      caseFacts(h, full, undefined),
      latestSummary(h, full.id),
    ]);
    const built = buildLetter({
      case: full,
      items: itemList,
      determinations: decisions,
      assignments: all.filter((a) => a.endedAt === undefined),
      clinicalSummary: summary.text,
      issuedOn: localDateOf(at),
    });
    if (!built.ok) return built;
    const letter = built.value.letter;
    return ok({
      caseVersion: full.version,
      summaryDocumentId: summary.id,
      letter,
      text: renderLetterText(letter, organization === undefined ? {} : { organization }),
      publicLetter: redactLetter(letter, sensitiveTermsOf(partyList, facts.application, facts.urDecision)),
      approval: await letterApprovalOf(h, full),
    });
  });
}

export const ApproveLetterInput = CaseRef;
export type ApproveLetterInput = z.input<typeof ApproveLetterInput>;

/** QA approves the letter of a determined case, for the version it read. */
export async function approveLetter(
  store: Store,
  actor: Actor,
  raw: unknown,
  at: string,
): Promise<Result<LetterApprovalView, ImrError>> {
  const who = authorize('issueLetter', actor);
  if (!who.ok) return who;
  if (who.value.userId === 'system' || !['qa', 'admin'].includes(who.value.role)) {
    return err(imrError('IMR_FORBIDDEN', 'Only QA approves letters.', { command: 'approveLetter' }));
  }
  const userId = who.value.userId;
  const parsed = parseCommandInput(ApproveLetterInput, raw, 'letter approval');
  if (!parsed.ok) return parsed;
  const written = await store.transaction(async (tx) => {
    const c: Case = await loadCase(tx, parsed.value, 'issueLetter');
    // The letter must build: every eligible item decided, the reviewer's summary written.
    const [itemList, decisions, all, summary] = await Promise.all([
      caseItems(tx, c, undefined),
      caseDeterminations(tx, c, undefined),
      caseAssignments(tx, c, undefined),
      latestSummary(tx, c.id),
    ]);
    const built = buildLetter({
      case: c,
      items: itemList,
      determinations: decisions,
      assignments: all.filter((a) => a.endedAt === undefined),
      clinicalSummary: summary.text,
      issuedOn: localDateOf(at),
    });
    if (!built.ok) return fail(built.error);
    // A rationale that contradicts its decision (or prints the engine's notes) is never approved.
    for (const [i, item] of built.value.letter.items.entries()) {
      const issues = checkRationale(item.decision, item.rationale);
      const first = issues[0];
      const outcome = built.value.outcomes[i];
      if (first !== undefined && outcome !== undefined) {
        return fail(rationaleError(outcome.itemId, first, issues.length - 1));
      }
    }
    await letterApprovals.create(tx, { caseId: c.id, caseVersion: c.version, approvedBy: userId, approvedAt: at });
    await appendAudit(tx, {
      at,
      actor: userId,
      action: LETTER_APPROVED_ACTION,
      entityType: 'case',
      entityId: String(c.id),
      caseId: c.id,
      requestId: who.value.requestId,
      details: { caseVersion: c.version, items: built.value.outcomes.length },
    });
    return letterApprovalOf(tx, c);
  });
  if (!written.ok) return written;
  return written.value === undefined ? err(imrError('IMR_INTERNAL')) : ok(written.value);
}

/**
 * Issues the letter through the workflow, only when QA approved the case at the version the caller
 * names. The workflow's own version check (in its transaction) makes sure the case did not change
 * between this check and the issue.
 */
export async function issueApprovedLetter(
  h: Handle,
  workflow: Workflow,
  actor: Actor,
  input: IssueLetterInput,
): Promise<Result<IssuedLetter, ImrError>> {
  const approval = await letterApprovals.latest(h, input.caseId);
  if (approval === undefined || approval.caseVersion !== input.expectedVersion) {
    return err(
      imrError('IMR_LETTER_NOT_APPROVED', undefined, {
        caseId: input.caseId,
        ...(approval === undefined ? {} : { approvedVersion: approval.caseVersion }),
      }),
    );
  }
  return workflow.issueLetter(actor, input);
}
