import { z } from 'zod';
import type { Case, CaseStage, DisputedItem } from '../domain/case.js';
import { CalendarDate, localDateOf, When } from '../domain/clock-dates.js';
import { ServiceMethod } from '../domain/clocks.js';
import { normalizeTreatment } from '../domain/consolidation.js';
import {
  type EligibilityApplicationInput,
  type EligibilityResult,
  type EligibilityStatus,
  Filer,
  screenEligibility,
  type UrItemOutcome,
} from '../domain/eligibility.js';
import { type ImrError, imrError } from '../domain/errors.js';
import type { Result } from '../domain/result.js';
import { items as itemRepo } from '../store/index.js';
import type { Actor } from './actor.js';
import {
  CaseRef,
  caseEvents,
  caseFacts,
  caseItems,
  caseParties,
  fail,
  keep,
  loadCase,
  parseCommandInput,
  recordChange,
} from './case-ops.js';
import { attempt, type Scope } from './context.js';
import { keepNotices, noticePages } from './correspondence.js';
import { casesOnClaim, determinedItemsOfCases } from './queries.js';
import { checkTransition } from './stages.js';
import { CASE_ACTIONS, urServiceOf } from './timeline.js';

/**
 * Eligibility screening (LC 4610.5(k); 8 CCR 9792.10.3) through `screenEligibility`: the stored
 * application, UR decision and items, the screener's findings (facts the form does not show), and
 * this employee's IMR determinations of the last 12 months. The case becomes eligible (ineligible
 * items, if any, are marked), ineligible with coded reasons, or deferred while liability is disputed.
 */

export const ScreeningFindings = z.object({
  /** The UR decision itself was untimely (a WCAB matter, Dubon II). */
  urUntimely: z.boolean().optional(),
  /** The employer sent the DWC Form IMR with the UR decision (default true). */
  imrFormProvided: z.boolean().optional(),
  representativeDesignationSignedOn: CalendarDate.optional(),
  /** When the form says the claim is also disputed on other grounds. */
  liabilityDispute: z
    .object({
      resolvedNoticeServedOn: When.optional(),
      resolvedNoticeServiceMethod: ServiceMethod.optional(),
      employerAgreesEligible: z.boolean().optional(),
    })
    .optional(),
  /** Items (by `seq`) with a documented change of material facts since an earlier IMR. */
  changeOfMaterialFacts: z.array(z.number().int().positive()).default([]),
  /** Items (by `seq`) the form does not dispute on medical necessity. */
  notDisputedForMedicalNecessity: z.array(z.number().int().positive()).default([]),
});

export const ScreenApplicationInput = CaseRef.extend({ findings: ScreeningFindings.prefault({}) });
export type ScreenApplicationInput = z.input<typeof ScreenApplicationInput>;

export interface ScreenedCase {
  readonly case: Case;
  readonly eligibility: EligibilityResult;
}

const STAGE_OF: Record<EligibilityStatus, CaseStage> = {
  eligible: 'eligible',
  'partially-eligible': 'eligible',
  ineligible: 'ineligible',
  deferred: 'deferred',
};

export async function beginScreening(
  scope: Scope,
  actor: Actor,
  raw: unknown,
): Promise<Result<{ readonly case: Case }, ImrError>> {
  const parsed = parseCommandInput(CaseRef, raw, 'case reference');
  if (!parsed.ok) return parsed;
  return scope.write(async (tx) => {
    const c = await loadCase(tx, parsed.value, 'beginScreening');
    const changed = await recordChange(tx, scope, actor, {
      case: c,
      stage: 'eligibility-review',
      action: CASE_ACTIONS.screeningBegun,
      details: { eventAt: scope.at },
    });
    return { case: changed.case };
  });
}

export async function screenApplication(
  scope: Scope,
  actor: Actor,
  raw: unknown,
): Promise<Result<ScreenedCase, ImrError>> {
  const parsed = parseCommandInput(ScreenApplicationInput, raw, 'screening');
  if (!parsed.ok) return parsed;
  const { findings, ...ref } = parsed.value;
  return attempt(() =>
    scope.write(async (tx) => {
      const c = await loadCase(tx, ref, 'screenApplication');
      const facts = await caseFacts(tx, c, scope);
      const app = facts.application;
      const service = urServiceOf(facts.urDecision, app);
      if (app === undefined || service === undefined) {
        return fail(imrError('IMR_VALIDATION', 'The case has no application with a UR decision date to screen.'));
      }
      const allItems = await caseItems(tx, c, scope);
      const disputed = allItems.filter((i) => i.status === 'disputed');
      if (disputed.length === 0) {
        return fail(imrError('IMR_VALIDATION', 'The case has no disputed item to screen.'));
      }
      const received = (await caseEvents(tx, c, scope)).find((e) => e.action === CASE_ACTIONS.received)?.details
        .eventAt;
      const receivedAt = typeof received === 'string' ? received : (c.receivedDate ?? app.receivedDate);

      // The employee's earlier IMR determinations on the same claim (12-month rule).
      const others =
        app.claimNumber === undefined ? [] : (await casesOnClaim(tx, app.claimNumber)).filter((id) => id !== c.id);
      const prior = await determinedItemsOfCases(tx, others);

      const urItems = facts.urDecision?.items ?? [];
      const urOutcomeOf = (treatment: string): UrItemOutcome => {
        if (facts.urDecision === undefined) return 'denied';
        const key = normalizeTreatment(treatment);
        return urItems.find((u) => normalizeTreatment(u.request) === key)?.outcome ?? 'certified';
      };
      const filer = Filer.safeParse(app.filedBy);
      const input: EligibilityApplicationInput = {
        receivedAt,
        disputeKind: c.kind,
        filer: filer.success ? filer.data : 'employee',
        ...(findings.representativeDesignationSignedOn === undefined
          ? {}
          : { representativeDesignationSignedOn: findings.representativeDesignationSignedOn }),
        signed: app.signaturePresent,
        urDecisionAttached: app.urDecisionAttached,
        ...((app.injuryDate ?? c.injuryDate) === undefined ? {} : { injuryDate: app.injuryDate ?? c.injuryDate }),
        ur: {
          decisionDate: facts.urDecision?.decisionDate ?? app.urDecisionDate ?? service.servedOn,
          servedOn: service.servedOn,
          serviceMethod: service.method,
          untimely: findings.urUntimely ?? false,
          imrFormProvided: findings.imrFormProvided ?? true,
        },
        ...(app.alsoDisputedForOtherReasons ? { liabilityDispute: findings.liabilityDispute ?? {} } : {}),
        items: disputed.map((i) => ({
          id: String(i.seq),
          treatment: i.originalRequest ?? i.request,
          urOutcome: urOutcomeOf(i.originalRequest ?? i.request),
          disputedForMedicalNecessity: !findings.notDisputedForMedicalNecessity.includes(i.seq),
          changeOfMaterialFactsDocumented: findings.changeOfMaterialFacts.includes(i.seq),
        })),
        priorImrDeterminations: prior.map((p) => ({ treatment: p.treatment, decidedOn: p.decidedOn })),
      };
      const result = screenEligibility(input);
      if (!result.ok) return fail(result.error);
      const eligibility = result.value;
      const stage = STAGE_OF[eligibility.status];
      const allowed = checkTransition('screenApplication', c.stage, stage);
      if (!allowed.ok) return fail(allowed.error);

      const ineligibleSeqs = new Set(
        eligibility.items.filter((i) => i.status === 'ineligible').map((i) => Number(i.itemId)),
      );
      const codes = [
        ...new Set([...eligibility.reasons, ...eligibility.items.flatMap((i) => i.reasons)].map((r) => r.code)),
      ];
      const changed = await recordChange(tx, scope, actor, {
        case: c,
        stage,
        patch: {
          eligibilityDate: localDateOf(scope.at),
          stageReason: codes.length === 0 ? null : codes.join(',').slice(0, 300),
          ...(stage === 'ineligible' ? { closedDate: localDateOf(scope.at) } : {}),
        },
        action: CASE_ACTIONS.screened,
        details: {
          eventAt: scope.at,
          outcome: stage,
          status: eligibility.status,
          reasons: codes.join(',').slice(0, 200),
          itemsEligible: eligibility.items.filter((i) => i.status === 'eligible').length,
          itemsIneligible: ineligibleSeqs.size,
          filedLate: eligibility.filing.daysLate,
          filerAssumed: !filer.success,
          serviceMethodAssumed: service.methodAssumed,
          priorDeterminations: prior.length,
        },
      });
      const updated: DisputedItem[] = [];
      for (const i of allItems) {
        updated.push(
          i.status === 'disputed' && ineligibleSeqs.has(i.seq)
            ? await itemRepo.update(tx, i.id, { status: 'ineligible' })
            : i,
        );
      }
      keep(scope, changed.case, 'items', updated);
      if (stage === 'ineligible' && scope.options.correspondence) {
        const reasonOf = (r: { message: string; source: string }) => ({ message: r.message, source: r.source });
        const notices = noticePages(
          'notice-of-ineligibility',
          {
            case: changed.case,
            application: app,
            parties: await caseParties(tx, c.id, scope),
            items: updated,
            letterhead: scope.options.letterhead,
            at: scope.at,
          },
          {
            reasons: eligibility.reasons.map(reasonOf),
            items: eligibility.items
              .filter((i) => i.status === 'ineligible' && i.reasons.length > 0)
              .map((i) => ({
                request: disputed.find((d) => String(d.seq) === i.itemId)?.request ?? i.itemId,
                reasons: i.reasons.map(reasonOf),
              })),
          },
        );
        await keepNotices(tx, scope, actor, c.id, 'notice-of-ineligibility', notices);
      }
      return { case: changed.case, eligibility };
    }),
  );
}
