import type { Case, DisputedItem } from '../domain/case.js';
import { type ImrError, imrError } from '../domain/errors.js';
import type { Letter } from '../domain/letter.js';
import { err, ok, type Result } from '../domain/result.js';
import { reviewCase } from '../engine/review.js';
import { items as itemRepo, type Store } from '../store/index.js';
import type { Actor } from '../workflow/actor.js';
import { rankCandidates } from '../workflow/candidates.js';
import { reviewForCase } from '../workflow/engine-review.js';
import { importLetter } from '../workflow/import-letter.js';
import { createWorkflow, type WorkflowService } from '../workflow/workflow.js';
import { type SyntheticStory, syntheticLetter, syntheticLetterWithStory } from './letter.js';
import { organizationName, personName } from './names.js';
import { diagnosisCodeFor, progressReports, type RecordParties, urDenial } from './records.js';
import { Rng } from './rng.js';
import { generateWorld, runWorld, seedWorld } from './simulation.js';

/**
 * Demo data for a first start: everything invented by our own generators, nothing from real cases.
 * - a history: the simulation's world (reviewers with licenses, specialties and affiliations; cases
 *   received over the last months) played through the workflow up to now, so cases sit at every
 *   stage and the decided ones have letters for the dashboard;
 * - showcase cases for the demo reviewer, whose records are synthetic clinical summaries the engine
 *   can read: some waiting for review, some decided (from the engine's draft) and waiting for QA;
 * - published letters (synthetic, redacted by construction) imported for search.
 * Deterministic in `seed` except for the dates, which follow `now`.
 */

export interface DemoOptions {
  readonly now: string;
  readonly seed?: number;
  /** Cases of the simulated history (default 300). */
  readonly historyCases?: number;
  readonly reviewers?: number;
  /** Days over which the history's applications arrived, ending now (default 150). */
  readonly historyDays?: number;
  /** Showcase cases assigned to the demo reviewer (default 6; the last two decided, waiting for QA). */
  readonly showcaseCases?: number;
  /** Synthetic published letters imported for search (default 60). */
  readonly publishedLetters?: number;
}

export interface DemoSummary {
  /** The reviewer record the first demo reviewer account stands for (most showcase cases). */
  readonly reviewerId: number;
  /** Another reviewer with one showcase case, for a second reviewer account. */
  readonly secondReviewerId: number | undefined;
  readonly historyCases: number;
  readonly showcaseCaseIds: readonly number[];
  readonly importedLetters: number;
  readonly failures: readonly string[];
}

const SYSTEM: Actor = { userId: 'system', role: 'system', requestId: 'demo-seed' };
const HOUR = 3_600_000;

function isoMinus(now: string, ms: number): string {
  return new Date(Date.parse(now) - ms).toISOString();
}

function requestsOf(letter: Letter): string[] {
  return letter.items.map((i) => i.originalRequest ?? i.request);
}

/** A showcase case's invented file: the letter it stands for, the worker's story, parties and records. */
interface Showcase {
  readonly letter: Letter;
  readonly story: SyntheticStory;
  readonly parties: RecordParties;
  readonly requests: readonly string[];
  readonly reports: readonly { readonly date: string; readonly text: string }[];
  readonly urDenial: string;
}

function showcaseOf(seed: number, urDate: string): Showcase {
  const { letter, story } = syntheticLetterWithStory(seed, { urDecisionDate: urDate });
  const r = new Rng(seed * 31 + 7);
  const parties: RecordParties = {
    employee: personName(r, story.sex),
    claimNumber: `${r.pick(['05', '17', '40', '72'])}${r.int(100_000, 999_999)}-${r.pick(['WC', 'CA', 'LA'])}`,
    employer: organizationName(r, [
      'Distribution Inc.',
      'Foods LLC',
      'Unified School District',
      'Builders Inc.',
      'Farms',
    ]),
    claimsAdministrator: organizationName(r, ['Claims Services', 'Risk Management', 'Insurance Services']),
    physician: `Dr. ${personName(r)}`,
    physicianGroup: organizationName(r, ['Orthopedic Medical Group', 'Spine and Pain Center', 'Occupational Health']),
    urOrganization: organizationName(r, ['Utilization Review Services', 'Medical Review Inc.']),
  };
  const requests = requestsOf(letter);
  const reports = progressReports(r, letter, story, parties, requests);
  const rfaDate = reports.at(-1)?.date ?? story.urDate;
  return { letter, story, parties, requests, reports, urDenial: urDenial(r, story, parties, requests, rfaDate) };
}

/** The record text the engine reads for a showcase (its progress reports). */
function recordText(s: Showcase): string {
  return s.reports.map((p) => p.text).join('\n\n');
}

/** An invented DWC Form IMR as text (the showcase's application document). */
function applicationForm(s: Showcase): string {
  return [
    'APPLICATION FOR INDEPENDENT MEDICAL REVIEW (DWC Form IMR)',
    `Employee: ${s.parties.employee}    Claim number: ${s.parties.claimNumber}`,
    `Employer: ${s.parties.employer}    Claims administrator: ${s.parties.claimsAdministrator}`,
    `Date of injury: ${s.story.injuryDate}    Date of UR decision: ${s.story.urDate}`,
    `Requesting physician: ${s.parties.physician}`,
    `Disputed treatment (primary diagnosis ${diagnosisCodeFor(s.story)}): ${s.requests.join('; ')}`,
  ].join('\n');
}

/** The receipt day of showcase case `index` (its UR decision a week or so before). */
function showcaseStart(now: string, index: number): number {
  return Date.parse(now) - (12 - index) * 24 * HOUR;
}

function showcaseUrDate(now: string, index: number): string {
  return new Date(showcaseStart(now, index) - (6 + index) * 24 * HOUR).toISOString().slice(0, 10);
}

async function showcaseCase(
  store: Store,
  wf: WorkflowService,
  clock: { set(at: string): void },
  index: number,
  s: Showcase,
  now: string,
  reviewerId: number | undefined,
  avoidReviewerId: number | undefined,
): Promise<Result<{ case: Case; items: readonly DisputedItem[]; reviewerId: number }, ImrError>> {
  const start = showcaseStart(now, index);
  const at = (hours: number) => {
    const when = new Date(start + hours * HOUR).toISOString();
    clock.set(when);
    return when;
  };
  const { letter, story, parties, requests } = s;
  const urDay = story.urDate;
  const received = await wf.receiveApplication(SYSTEM, {
    receivedAt: at(2),
    application: {
      urType: 'regular',
      employeeName: parties.employee,
      claimNumber: parties.claimNumber,
      injuryDate: story.injuryDate,
      urDecisionDate: urDay,
      requestingPhysicianName: parties.physician,
      employerName: parties.employer,
      claimsAdministratorName: parties.claimsAdministrator,
      disputedTreatments: requests.map((treatment) => ({
        treatment,
        primaryDiagnosisIcd: diagnosisCodeFor(story),
      })),
      alsoDisputedForOtherReasons: false,
      deniedForMissingInformation: false,
      signaturePresent: true,
      consentToRecords: true,
      urDecisionAttached: true,
      urServiceMethod: 'electronic',
      filedBy: 'employee',
    },
    urDecision: {
      decisionDate: urDay,
      serviceDate: urDay,
      serviceMethod: 'electronic',
      organization: parties.urOrganization,
      outcome: 'denied',
      items: requests.map((request) => ({ request, outcome: 'denied' as const })),
    },
    documents: [
      {
        title: 'DWC Form IMR',
        kind: 'application',
        mime: 'text/plain',
        bytes: new TextEncoder().encode(applicationForm(s)),
      },
      {
        title: `Utilization review determination of ${urDay}`,
        kind: 'ur-decision',
        mime: 'text/plain',
        bytes: new TextEncoder().encode(s.urDenial),
      },
    ],
    patient: {
      ...(letter.patient.age === undefined ? {} : { age: letter.patient.age }),
      ...(letter.patient.sex === undefined ? {} : { sex: letter.patient.sex }),
    },
  });
  if (!received.ok) return received;
  let c = received.value.case;
  const screened = await wf.screenApplication(SYSTEM, { caseId: c.id, expectedVersion: c.version });
  if (!screened.ok) return screened;
  c = screened.value.case;
  if (c.stage !== 'eligible') return err(imrError('IMR_CASE_INELIGIBLE', 'A showcase case was not eligible.'));
  at(20);
  let named = reviewerId;
  if (named === undefined && avoidReviewerId !== undefined) {
    const ranking = await rankCandidates(store, c.id, new Date(start + 20 * HOUR).toISOString(), { capacity: 40 });
    const other = ranking.ok
      ? ranking.value.ranked.find(
          (r) => !r.ranked.needsConflictReview && Number(r.ranked.reviewerId) !== avoidReviewerId,
        )
      : undefined;
    named = other === undefined ? undefined : Number(other.ranked.reviewerId);
  }
  let assigned = await wf.assignReviewer(SYSTEM, {
    caseId: c.id,
    expectedVersion: c.version,
    ...(named === undefined ? {} : { reviewerIds: [named] }),
  });
  if (!assigned.ok && named !== undefined) {
    assigned = await wf.assignReviewer(SYSTEM, { caseId: c.id, expectedVersion: c.version });
  }
  if (!assigned.ok) return assigned;
  c = assigned.value.case;
  const chosen = assigned.value.assignments[0]?.reviewerId;
  if (chosen === undefined) return err(imrError('IMR_INTERNAL', 'No reviewer assigned.'));
  at(24);
  const notice = await wf.sendNoticeOfAssignment(SYSTEM, {
    caseId: c.id,
    expectedVersion: c.version,
    method: 'electronic',
  });
  if (!notice.ok) return notice;
  at(24 * 6);
  const records = await wf.receiveRecords(SYSTEM, {
    caseId: notice.value.case.id,
    expectedVersion: notice.value.case.version,
    documents: s.reports.map((p) => ({
      title: `PR-2 progress report of ${p.date}`,
      kind: 'medical-record' as const,
      mime: 'text/plain',
      bytes: new TextEncoder().encode(p.text),
    })),
  });
  if (!records.ok) return records;
  return ok({
    case: records.value.case,
    items: await itemRepo.listByCase(store, records.value.case.id),
    reviewerId: chosen,
  });
}

/**
 * The showcase cases' files. The first is one the engine splits (an item it would uphold and one it
 * would overturn), so the workspace shows both kinds of draft.
 */
function showcases(seed: number, count: number, now: string): Showcase[] {
  const out: Showcase[] = [];
  for (let k = 0; k < 400 && out.length === 0; k += 1) {
    const s = showcaseOf(seed + 1000 + k, showcaseUrDate(now, 0));
    const recs = new Set(
      reviewCase({
        clinicalSummary: recordText(s),
        items: s.requests.map((request) => ({ request })),
      }).items.map((i) => i.recommendation),
    );
    if (recs.has('Upheld') && recs.has('Overturned')) out.push(s);
  }
  for (let k = 0; out.length < count; k += 1) out.push(showcaseOf(seed + 3000 + k, showcaseUrDate(now, out.length)));
  return out;
}

/** Decides a showcase case as its reviewer would from the engine's draft (a Refer is upheld, with a reason). */
async function decideFromDraft(
  store: Store,
  wf: WorkflowService,
  c: Case,
  reviewerId: number,
  now: string,
): Promise<Result<Case, ImrError>> {
  const review = await reviewForCase(store, c.id, now);
  if (!review.ok) return review;
  const decided = await wf.recordDetermination(SYSTEM, {
    caseId: c.id,
    expectedVersion: c.version,
    reviewerId,
    clinicalSummary: review.value.text,
    items: review.value.items.map((i) => ({
      itemId: i.itemId,
      decision: i.draft.decision ?? 'Upheld',
      basis: i.draft.basis,
      rationale:
        i.draft.rationale.trim() === '' ? 'The guideline criteria are not documented as met.' : i.draft.rationale,
      engineRecommendation: { recommendation: i.review.recommendation, topic: i.review.topic.id },
    })),
  });
  return decided.ok ? ok(decided.value.case) : decided;
}

/** Seeds the demo world into an empty store. */
export async function seedDemo(store: Store, options: DemoOptions): Promise<Result<DemoSummary, ImrError>> {
  const seed = options.seed ?? 20_240_601;
  const clockState = { at: options.now };
  const clock = {
    set: (at: string): void => {
      clockState.at = new Date(at).toISOString();
    },
  };
  const wf = createWorkflow({ store, now: () => clockState.at, options: { letterFormats: ['text'] } });
  const world = generateWorld({
    seed,
    cases: options.historyCases ?? 300,
    reviewers: options.reviewers ?? 40,
    now: options.now,
    days: options.historyDays ?? 150,
  });
  await seedWorld(store, world);
  const report = await runWorld(wf, world, clock, { batchSize: 100, pdfEvery: 10 });
  const failures = [...report.failures];

  const showcase: number[] = [];
  let reviewerId: number | undefined;
  let secondReviewerId: number | undefined;
  const count = Math.max(options.showcaseCases ?? 6, 4);
  const files = showcases(seed, count, options.now);
  for (const [i, file] of files.entries()) {
    // Case 3 goes to another reviewer (the best-ranked who is not the first); the rest to the first.
    let named = reviewerId;
    if (i === 3 && reviewerId !== undefined) named = undefined;
    const made = await showcaseCase(store, wf, clock, i, file, options.now, named, i === 3 ? reviewerId : undefined);
    if (!made.ok) {
      failures.push(`showcase ${i}: ${made.error.code}`);
      continue;
    }
    if (i === 3) secondReviewerId = made.value.reviewerId;
    else reviewerId ??= made.value.reviewerId;
    showcase.push(made.value.case.id);
    if (i >= count - 2 && made.value.reviewerId === reviewerId) {
      clock.set(isoMinus(options.now, (count - i) * HOUR));
      const decided = await decideFromDraft(store, wf, made.value.case, reviewerId, clockState.at);
      if (!decided.ok) failures.push(`showcase ${i} determination: ${decided.error.code}`);
    }
  }
  if (reviewerId === undefined)
    return err(imrError('IMR_NO_QUALIFIED_REVIEWER', 'No demo reviewer could be assigned.'));

  let imported = 0;
  for (let i = 0; i < (options.publishedLetters ?? 60); i += 1) {
    const r = await importLetter(store, syntheticLetter(seed + 5000 + i), 'system', {
      requestId: 'demo-seed',
      format: 'text',
      now: () => new Date(options.now),
    });
    if (r.ok && r.value.status === 'imported') imported += 1;
    else if (!r.ok) failures.push(`published letter ${i}: ${r.error.code}`);
  }
  return ok({
    reviewerId,
    secondReviewerId,
    historyCases: world.cases.length,
    showcaseCaseIds: showcase,
    importedLetters: imported,
    failures,
  });
}
