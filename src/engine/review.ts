import { assembleRecord, originalOffset } from '../clinical/assemble.js';
import { findDates } from '../clinical/dates.js';
import { readClinical } from '../clinical/extract.js';
import { countsAsEvidence } from '../clinical/sources.js';
import type { ClinicalRecord, Fact } from '../clinical/types.js';
import type { Citation, Letter } from '../domain/letter.js';
import { citationAgrees, findTopicByCitation, formatCitation, identifySource } from '../guidelines/cite.js';
import { bodyRegionsOf, regionsInText, regionsOverlap } from '../guidelines/regions.js';
import type { BodyRegion, Phase, Topic } from '../guidelines/schema.js';
import { type RankedTopic, topicsFor } from '../guidelines/select.js';
import { ALL_TOPICS } from '../guidelines/topics/index.js';
import { assess, type CriterionBasis, rated } from './assess.js';
import { requestedMme } from './dose.js';
import { evalCriterion, type ItemContext, namesRequestedDrug, requestFlag } from './evaluate.js';
import { draftRationale } from './rationale.js';
import { parseRequest } from './request.js';
import type { ParsedRequest } from './request-types.js';
import type { CriterionResult, ItemReview, ReviewInput, ReviewOutput } from './review-types.js';

const DAY_MS = 86_400_000;

/** Phase of the condition from the injury date and the decision date: acute < 6 weeks, subacute < 12, chronic after. */
export function phasesOf(injuryDate: string | undefined, decisionDate: string, facts: readonly Fact[]): Phase[] {
  const phases: Phase[] = [];
  if (injuryDate) {
    const weeks = (Date.parse(decisionDate) - Date.parse(injuryDate)) / DAY_MS / 7;
    if (Number.isFinite(weeks) && weeks >= 0) phases.push(weeks < 6 ? 'acute' : weeks < 12 ? 'subacute' : 'chronic');
  }
  if (phases.length === 0) {
    const chronic = facts.find((f) => f.kind === 'chronicity' && !f.negated);
    if (chronic && typeof chronic.value === 'number')
      phases.push(chronic.value < 6 ? 'acute' : chronic.value < 12 ? 'subacute' : 'chronic');
    else if (chronic) phases.push('chronic');
  }
  const surgery = facts.find((f) => f.kind === 'surgery-history' && !f.negated && f.date !== undefined);
  if (surgery?.date) {
    const months = (Date.parse(decisionDate) - Date.parse(surgery.date)) / DAY_MS / 30.4;
    if (Number.isFinite(months) && months >= 0 && months <= 6) phases.push('postsurgical');
  }
  return phases;
}

function latestDate(text: string): string | undefined {
  const now = today();
  const dates = findDates(text)
    .map((d) => d.iso)
    .filter((d): d is string => typeof d === 'string' && d.length === 10 && d <= now)
    .sort();
  return dates[dates.length - 1];
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Oral morphine equivalents a day above which the MTUS Chronic Pain Medical Treatment Guidelines (2009,
 * Opioids, dosing, p. 86) ask for a pain specialist; the Opioids Treatment Guidelines (2016) add caution
 * above 80 mg, which their own topics apply.
 */
const MME_CEILING = 120;

const NO_TOPIC = { id: 'none', title: 'No applicable guideline topic' };

interface Prepared {
  request: ParsedRequest;
  selection: ReturnType<typeof topicsFor>;
}

/** The engine: a recommendation per disputed item, with the topic, criteria, evidence and a drafted rationale. */
export function reviewCase(input: ReviewInput): ReviewOutput {
  // Without a decision date, the latest date the record mentions places the case in time (editions in force).
  const decisionDate = input.decisionDate ?? latestDate(input.clinicalSummary) ?? today();
  // Summary and documents joined with each passage once (a report uploaded twice) and each part's source known.
  const assembled = assembleRecord(input.clinicalSummary, input.documents ?? []);
  const readOpts: { referenceDate: string; injuryDate?: string } = { referenceDate: decisionDate };
  if (input.patient?.injuryDate) readOpts.injuryDate = input.patient.injuryDate;
  const read = readClinical(assembled.text, { ...readOpts, parts: assembled.parts });
  // Quotes are given back at their offsets in the caller's text (summary and documents joined by blank
  // lines), which is what a reader of the record sees, whatever repeats the assembly left out.
  const inCallerText = (e: Fact['evidence']): Fact['evidence'] => {
    const start = originalOffset(assembled, e.start);
    return { ...e, start, end: start + (e.end - e.start) };
  };
  const record: ClinicalRecord = {
    ...read,
    facts: read.facts.map((f) => ({ ...f, evidence: inCallerText(f.evidence) })),
  };
  const phases = phasesOf(input.patient?.injuryDate, decisionDate, record.facts);
  const phase = phases.includes('postsurgical') ? 'postsurgical' : phases[0];

  const mainRegion = primaryRegion(record.facts);
  const prepared: Prepared[] = input.items.map((item) => {
    const request = parseRequest(item.request, { referenceDate: decisionDate });
    const query = {
      kind: request.kind,
      text: request.text,
      modality: request.modality,
      drugs: request.drugs,
      bodyParts: request.bodyParts,
      phase,
      date: decisionDate,
      associatedSurgery: request.associatedSurgery,
    };
    let selection = topicsFor(query);
    // A request that names no body part is about the part the record treats: when the topic chosen
    // without one is written for another part, choose again for the record's part.
    const chosenParts = selection.topics[0]?.topic.appliesTo.bodyParts;
    if (
      request.bodyParts.length === 0 &&
      mainRegion !== undefined &&
      chosenParts !== undefined &&
      !regionsOverlap(chosenParts, [mainRegion])
    ) {
      selection = topicsFor({ ...query, bodyParts: [mainRegion] });
    }
    return { request, selection };
  });
  // A service tied to a surgery that is not itself in dispute: the surgery was certified.
  const surgeryInDispute = prepared.some((p) => p.request.kind === 'surgery');
  const surgeryPlanned = record.facts.some((f) => f.kind === 'surgery-planned' && !f.negated && countsAsEvidence(f));
  // A surgery done in the last months was authorized too: its post-operative services follow from it.
  const surgeryDone = phases.includes('postsurgical');
  const surgeryCertified = surgeryInDispute ? undefined : surgeryPlanned || surgeryDone ? true : undefined;

  const contextOf = (request: ParsedRequest, certified: boolean | undefined): ItemContext => {
    const found = partlyAuthorized(record.text, request);
    const authorized = found === undefined ? undefined : inCallerText(found);
    return {
      ...(authorized === undefined ? {} : { sameServiceAuthorized: true, authorizedEvidence: authorized }),
      request,
      // Concept classes of the vocabulary, 'unknown' included: an unknown drug matches no class criterion.
      drugClasses: request.drugs.map((d) => d.drugClass),
      bodyRegions: bodyRegionsOf(request.bodyParts, request.text),
      facts: record.facts,
      phases,
      ...(input.patient?.age === undefined ? {} : { age: input.patient.age }),
      ...(certified === undefined ? {} : { surgeryCertified: certified }),
    };
  };
  // Procedures first: a service that belongs to a procedure disputed in the same case follows the
  // recommendation on that procedure.
  const items: (ItemReview | undefined)[] = prepared.map(({ request, selection }) =>
    request.kind === 'surgical-associated'
      ? undefined
      : reviewItem(request, selection, contextOf(request, surgeryCertified), record),
  );
  prepared.forEach(({ request, selection }, i) => {
    if (items[i] !== undefined) return;
    const procedure = procedureFor(request, prepared, items);
    const certified = procedure === undefined ? surgeryCertified : procedure.recommendation === 'Overturned';
    items[i] = reviewItem(request, selection, contextOf(request, certified), record);
  });
  const out: ReviewOutput = { items: items.filter((r) => r !== undefined) };
  if (input.caseNumber !== undefined) out.caseNumber = input.caseNumber;
  return out;
}

/**
 * The body region the record is mostly about: the region most of its stated diagnoses name (the
 * first named among equals).
 */
export function primaryRegion(facts: readonly Fact[]): BodyRegion | undefined {
  const counts = new Map<BodyRegion, number>();
  for (const f of facts) {
    if (f.kind !== 'diagnosis' || f.negated || f.uncertain || !countsAsEvidence(f) || f.bodyPart === undefined)
      continue;
    for (const r of new Set(regionsInText(f.bodyPart))) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  // Most diagnoses first; among equals, the region the record names first (its lead complaint).
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return ranked[0]?.[0];
}

const UR_ACTOR = /\b(?:utilization review|UR|claims administrator|previous reviewer|prior reviewer|carrier)\b/i;
const PART_AUTHORIZED =
  /\b(?:modif(?:y|ied|ication)|partial(?:ly)? (?:certif|approv|authoriz)|certified|authorized|approved)\w*\b/i;
/** The record's period-ended stretches, split once per record (a case reviews several items over it). */
let lastText = '';
let lastSentences: RegExpExecArray[] = [];
function sentencesOf(text: string): readonly RegExpExecArray[] {
  if (text !== lastText) {
    lastSentences = [...text.matchAll(/[^.]*\./g)];
    lastText = text;
  }
  return lastSentences;
}

/** "The request for physical therapy was modified…": only a reviewer modifies a request. */
const REQUEST_MODIFIED =
  /\brequest(?:ed)? (?:for )?[\w\s,/-]{0,60}?\b(?:was|were|had been|has been)\s+(?:previously\s+)?modified\b/i;
/** A modification into a different service (an evaluation only) leaves the service itself unauthorized. */
const MODIFIED_TO_OTHER = /\b(?:to|for) (?:an? )?(?:evaluation|consultation|assessment) only\b|\bevaluation only\b/i;
const SERVICE_WORDS: Readonly<Record<string, RegExp>> = {
  therapy: /\b(?:physical|occupational) therap|\bPT\b|physiotherap/i,
  acupuncture: /acupunct/i,
  chiropractic: /chiropract|manipulat/i,
  'home-care': /home (?:health|care|aide)/i,
  program: /program|hospitaliz/i,
};

/**
 * A sentence saying that utilization review already authorized part of the same service (a modified
 * decision): the remaining portion waits on the response to what was authorized.
 */
export function partlyAuthorized(
  text: string,
  request: ParsedRequest,
): { quote: string; start: number; end: number } | undefined {
  const words = SERVICE_WORDS[request.kind];
  if (!words) return undefined;
  // A therapy modality other than physical or occupational therapy (infrared, massage…) is its own service.
  if (request.kind === 'therapy' && request.modality !== undefined && !words.test(request.modality)) return undefined;
  for (const m of sentencesOf(text)) {
    const s = m[0];
    if (
      (UR_ACTOR.test(s) || REQUEST_MODIFIED.test(s)) &&
      PART_AUTHORIZED.test(s) &&
      !MODIFIED_TO_OTHER.test(s) &&
      words.test(s) &&
      !/\bnot (?:medically|certified|authorized|approved)|\bden(?:y|ied)\b|non-?certif/i.test(s)
    ) {
      const lead = s.length - s.trimStart().length;
      return { quote: s.trim(), start: m.index + lead, end: m.index + s.length };
    }
  }
  return undefined;
}

/** Generic rules that apply to any item, whatever its topic. */
function genericCriteria(ctx: ItemContext, topic: Topic | undefined): CriterionResult[] {
  const r = ctx.request;
  const out: CriterionResult[] = [];
  // A service that belongs to a procedure follows it, whether or not its own topic says so.
  if (
    r.kind === 'surgical-associated' &&
    ctx.surgeryCertified !== undefined &&
    !topic?.criteria.some((c) => c.evidence.allOf?.some((x) => 'context' in x && x.context === 'surgery-certified'))
  ) {
    out.push({
      id: 'procedure-certified',
      text: 'The procedure this service belongs to is certified (in this review or before it)',
      status: ctx.surgeryCertified ? 'met' : 'unmet',
      required: true,
      evidence: [],
    });
  }
  const mme = r.kind === 'medication' ? requestedMme(r) : undefined;
  if (mme !== undefined) {
    out.push({
      id: 'daily-opioid-dose',
      text: `The requested daily opioid dose (${mme} mg oral morphine equivalents) stays at or below ${MME_CEILING} mg, the ceiling above which the MTUS asks for a pain specialist's involvement`,
      status: mme <= MME_CEILING ? 'met' : 'unmet',
      required: true,
      evidence: [],
    });
  }
  if (ctx.sameServiceAuthorized && ctx.authorizedEvidence) {
    out.push({
      id: 'no-portion-already-authorized',
      text: 'No part of the same service is already authorized and awaiting its result (the remaining portion waits on the response to the authorized part)',
      status: 'unmet',
      required: true,
      evidence: [ctx.authorizedEvidence],
    });
  }
  if ((r.kind === 'medication' || r.kind === 'compounded-topical') && (r.refills ?? 0) >= 2) {
    // Refills that run past the next visit skip the reassessment continued use depends on.
    const benefit = ctx.facts.find(
      (f) =>
        (f.kind === 'functional-improvement' || f.kind === 'treatment-benefit' || f.kind === 'pain-relief') &&
        !f.negated &&
        countsAsEvidence(f) &&
        namesRequestedDrug(f.evidence.quote, r),
    );
    out.push({
      id: 'refills-supported-by-benefit',
      text: 'Several refills are supported by documented benefit from the medication, since they postpone the reassessment that continued use depends on',
      status: benefit ? 'met' : 'not-documented',
      required: true,
      evidence: benefit ? [benefit.evidence] : [],
    });
  }
  if (r.kind === 'medication' || r.kind === 'compounded-topical') {
    const unspecified = requestFlag('quantityUnspecified', ctx);
    out.push({
      id: 'request-quantity-specified',
      text: 'The request states the quantity (or supply) of the medication, so the amount can be judged',
      status: unspecified ? 'unmet' : 'met',
      required: true,
      evidence: [],
    });
  }
  return out;
}

/**
 * The procedure a surgery-associated service belongs to, among the case's disputed items: a surgery on
 * the same body region when one is, else the only surgery in dispute.
 */
function procedureFor(
  request: ParsedRequest,
  prepared: readonly Prepared[],
  reviewed: readonly (ItemReview | undefined)[],
): ItemReview | undefined {
  const surgeries = prepared.flatMap((p, i) => {
    const r = reviewed[i];
    return p.request.kind === 'surgery' && r !== undefined ? [{ p, r }] : [];
  });
  if (surgeries.length === 0) return undefined;
  const regions = bodyRegionsOf(request.bodyParts, request.text);
  const sameRegion = surgeries.find(
    ({ p }) => regions.length > 0 && regionsOverlap(bodyRegionsOf(p.request.bodyParts, p.request.text), regions),
  );
  if (sameRegion) return sameRegion.r;
  return surgeries.length === 1 ? surgeries[0]?.r : undefined;
}

/** The engine's generic rules and how each is decided (they have no knowledge-base definition). */
const GENERIC_BASIS: Readonly<Record<string, CriterionBasis>> = {
  'no-portion-already-authorized': 'case',
  'refills-supported-by-benefit': 'clinical',
  'request-quantity-specified': 'request',
  'daily-opioid-dose': 'request',
  'procedure-certified': 'case',
};

function reviewItem(
  request: ParsedRequest,
  selection: ReturnType<typeof topicsFor>,
  ctx: ItemContext,
  record: ClinicalRecord,
): ItemReview {
  const best: RankedTopic | undefined = selection.topics[0];
  const topic = best?.topic;
  const generic = genericCriteria(ctx, topic);
  const own = topic ? topic.criteria.map((c) => ({ def: c, result: evalCriterion(c, ctx) })) : [];
  const criteria: CriterionResult[] = [...generic, ...own.map((c) => c.result)];
  const assessment = assess(
    topic,
    [
      ...generic.map((r) => rated(r, undefined, GENERIC_BASIS[r.id] ?? 'request')),
      ...own.map((c) => rated(c.result, c.def)),
    ],
    record.facts,
  );
  const { recommendation } = assessment;
  const citations: Citation[] = [];
  if (topic) citations.push(formatCitation(topic));
  for (const s of selection.supporting.slice(0, 1)) citations.push(formatCitation(s.topic));
  const review: ItemReview = {
    request: request.text,
    recommendation,
    topic: topic ? { id: topic.id, title: topic.title } : NO_TOPIC,
    citations,
    criteria,
    rationale: draftRationale({
      request,
      topic,
      criteria,
      recommendation,
      text: record.text,
      reason: selection.reason,
    }),
    kind: request.kind,
    probability: assessment.probability,
    confidence: assessment.confidence,
    support: { ...assessment.support },
  };
  if (selection.tier !== undefined && selection.tier > 1) review.evidenceSearch = selection.reason;
  return review;
}

/**
 * Whether the engine's topic is one the reviewer cited: the same guideline and section (or pages), or
 * the same guideline when the citation names no section to compare.
 */
export function topicAgrees(review: ItemReview, cited: Letter['items'][number]['reviewerBasis']['citations']): boolean {
  const mine = BY_ID.get(review.topic.id);
  if (!mine) return false;
  return cited.some((c) => {
    const level = citationAgrees(mine, c);
    if (level === 'section') return true;
    if (level === 'source' && c.sections === undefined && c.pages === undefined) {
      // Nothing beyond the guideline's (and chapter's) name to compare.
      const rest = identifySource(c)?.rest.trim() ?? '';
      if (rest === '') return true;
    }
    const t = findTopicByCitation(c);
    return t !== undefined && (t.id === mine.id || (mine.lineage !== undefined && mine.lineage === t.lineage));
  });
}

const BY_ID = new Map(ALL_TOPICS.map((t) => [t.id, t]));
