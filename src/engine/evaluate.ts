import { countsAsEvidence } from '../clinical/sources.js';
import type { Fact } from '../clinical/types.js';
import { regionsInText, regionsOverlap } from '../guidelines/regions.js';
import type {
  BodyRegion,
  Condition,
  Criterion,
  Evidence,
  FactCondition,
  Phase,
  RequestFlag,
  RequestNumber,
} from '../guidelines/schema.js';
import type { DrugClassOrUnknown } from '../terminology/drug-classes.js';
import { requestedMme } from './dose.js';
import type { ParsedRequest } from './request-types.js';
import type { CriterionResult, CriterionStatus } from './review-types.js';

/** Everything a criterion may look at for one disputed item. */
export interface ItemContext {
  readonly request: ParsedRequest;
  /** Guideline drug classes of the requested drugs and ingredients ('unknown' matches no class). */
  readonly drugClasses: readonly DrugClassOrUnknown[];
  readonly bodyRegions: readonly BodyRegion[];
  readonly facts: readonly Fact[];
  readonly phases: readonly Phase[];
  readonly age?: number;
  /** Whether the surgery a surgery-associated service supports is certified (undefined: unknown). */
  readonly surgeryCertified?: boolean;
  readonly sameServiceAuthorized?: boolean;
  readonly authorizedEvidence?: Fact['evidence'];
}

interface Outcome {
  /** true: holds; false: stated not to hold; undefined: the record is silent. */
  readonly value: boolean | undefined;
  readonly evidence: readonly Fact['evidence'][];
}

const SILENT: Outcome = { value: undefined, evidence: [] };

function lower(v: Fact['value']): string {
  return typeof v === 'string' ? v.toLowerCase() : String(v ?? '');
}

/** Whether a statement names one of the requested drugs (brand, generic part) or "medication(s)". */
export function namesRequestedDrug(quote: string, request: ParsedRequest): boolean {
  const q = quote.toLowerCase();
  if (/\bmedications?\b/.test(q)) return true;
  return request.drugs
    .flatMap((d) => [d.name, ...d.generic.split(/[/,\s]+/)])
    .map((n) => n.toLowerCase())
    .some((n) => n.length > 3 && q.includes(n));
}

/** Whether a fact's drug value is one of the requested drugs (or one of their ingredients). */
function isRequestedDrug(value: string, request: ParsedRequest): boolean {
  return request.drugs
    .flatMap((d) => d.generic.toLowerCase().split(/[/,\s]+/))
    .some((g) => g.length > 3 && value.includes(g));
}

function factMatches(f: Fact, c: FactCondition, request: ParsedRequest): boolean {
  if (f.kind !== c.fact) return false;
  if (c.aboutRequest && !namesRequestedDrug(f.evidence.quote, request)) return false;
  if (c.otherThanRequest && isRequestedDrug(lower(f.value), request)) return false;
  // "Use" of a medication means it is being taken, not merely planned or named in a request.
  if (f.kind === 'medication-use' && !f.negated && !takenNow(f)) return false;
  if (c.values) {
    // Kinds keep their words in different fields (imaging: modality in value, finding in qualifier).
    const words = `${lower(f.value)} ${(f.qualifier ?? '').toLowerCase()} ${(f.bodyPart ?? '').toLowerCase()}`;
    if (!c.values.some((v) => words.includes(v))) return false;
  }
  if (c.qualifiers && !c.qualifiers.some((q) => (f.qualifier ?? '').toLowerCase().includes(q))) return false;
  if (c.min !== undefined || c.max !== undefined) {
    const n = typeof f.value === 'number' ? f.value : Number.NaN;
    if (Number.isNaN(n)) return false;
    if (c.min !== undefined && n < c.min) return false;
    if (c.max !== undefined && n > c.max) return false;
  }
  if (c.minCount !== undefined && (f.count === undefined || f.count < c.minCount)) return false;
  return true;
}

/** Limb regions whose findings bear on a spinal region (radicular symptoms, deficits, EMG). */
const SPINE_LIMBS: Partial<Record<BodyRegion, readonly BodyRegion[]>> = {
  'cervical spine': ['upper extremity', 'elbow', 'forearm', 'wrist', 'hand'],
  'lumbar spine': ['lower extremity', 'leg', 'knee', 'ankle', 'foot', 'sacroiliac'],
  'thoracic spine': ['chest', 'abdomen'],
};

/**
 * Whether a finding about `part` bears on a request for `requested` regions (unknown part: yes). Limb
 * findings bear on the spine that supplies the limb, except where `sameRegion` asks for the region
 * itself (a rib or wrist fracture is no red flag for a spine study).
 */
export function bearsOn(
  part: string | undefined,
  requested: readonly BodyRegion[],
  sameRegion = false,
  limbFromSpine = false,
): boolean {
  if (part === undefined || requested.length === 0) return true;
  const regions = regionsInText(part);
  if (regions.length === 0) return true;
  if (regionsOverlap(regions, requested)) return true;
  if (sameRegion) return false;
  if (requested.some((r) => (SPINE_LIMBS[r] ?? []).some((limb) => regions.includes(limb)))) return true;
  // A nerve study of a limb tests the roots of the spine that supplies it: an L5 sensory loss or a
  // lumbar MRI showing a compressed root is evidence about a leg study (`limbFromSpine`).
  return (
    limbFromSpine &&
    regions.some((spine) => (SPINE_LIMBS[spine] ?? []).some((limb) => regionsOverlap([limb], requested)))
  );
}

/** Utilization review restating the file is not the record; a plan states intent, not a finding. */
function fromRecord(f: Fact): boolean {
  if (!countsAsEvidence(f)) return false;
  if (f.context === 'plan') return f.kind === 'surgery-planned' || f.kind === 'diagnosis';
  return true;
}

function evalFact(c: FactCondition, ctx: ItemContext): Outcome {
  const matching = ctx.facts.filter(
    (f) =>
      factMatches(f, c, ctx.request) &&
      !f.uncertain &&
      fromRecord(f) &&
      bearsOn(f.bodyPart, ctx.bodyRegions, f.kind === 'red-flag', ctx.request.kind === 'electrodiagnostic'),
  );
  const positive = matching.filter((f) => !f.negated);
  const negative = matching.filter((f) => f.negated);
  if (positive.length === 0 && negative.length === 0) return SILENT;
  // A stated finding outweighs a denial elsewhere in the record (the record documents it somewhere).
  const present = positive.length > 0;
  const holds = c.expect === 'present' ? present : !present;
  return { value: holds, evidence: (present ? positive : negative).map((f) => f.evidence) };
}

export function requestNumber(name: RequestNumber, ctx: ItemContext): number | undefined {
  const r = ctx.request;
  switch (name) {
    case 'sessions':
      return r.sessions;
    case 'sessionsWithPrior': {
      if (r.sessions === undefined) return undefined;
      const modality = r.modality ?? r.kind;
      const prior = ctx.facts
        .filter((f) => f.kind === 'prior-treatment' && !f.negated && f.count !== undefined)
        .filter((f) => lower(f.value).includes(modality.split(' ')[0] ?? modality));
      return r.sessions + prior.reduce((s, f) => s + (f.count ?? 0), 0);
    }
    case 'quantity':
      return r.quantity;
    case 'supplyDays': {
      if (r.supplyDays !== undefined) return r.supplyDays;
      // Days a dispensed quantity lasts at the highest prescribed rate.
      const perDay = r.frequency?.perDay;
      if (r.quantity === undefined || perDay === undefined || perDay <= 0) return undefined;
      return r.quantity / (perDay * (r.frequency?.unitsPerDose ?? 1));
    }
    case 'refills':
      return r.refills;
    case 'levels':
      return r.spinalLevels.length > 0 ? r.spinalLevels.length : undefined;
    case 'weeks':
      return r.frequency?.weeks;
    case 'perWeek':
      return r.frequency?.perWeek;
    case 'perDay':
      return r.frequency?.perDay;
    case 'hoursPerWeek': {
      const m = /(\d+(?:\.\d+)?)\s*hours?\s*(?:per|a|\/)\s*day/i.exec(r.text);
      if (!m || r.frequency?.perWeek === undefined) return undefined;
      return Number(m[1]) * r.frequency.perWeek;
    }
    case 'strengthPercent': {
      const p = r.drugs.map((d) => d.percent).filter((x): x is number => x !== undefined);
      return p.length ? Math.max(...p) : undefined;
    }
    case 'medMgPerDay':
      // The requested opioids' dose; concurrent opioids in the record carry no dose the reader takes.
      return requestedMme(r);
    default: {
      const never: never = name;
      return never;
    }
  }
}

export function requestFlag(name: RequestFlag, ctx: ItemContext): boolean {
  const r = ctx.request;
  switch (name) {
    case 'quantityUnspecified':
      return (
        r.quantityUnspecified === true ||
        // A supply period alone ("three months' coverage") leaves the amount open: without a count or a
        // dosing frequency nobody can tell how much is dispensed.
        ((r.kind === 'medication' || r.kind === 'compounded-topical') &&
          r.quantity === undefined &&
          r.frequency === undefined)
      );
    case 'frequencySpecified':
      return r.frequency !== undefined || r.sessions !== undefined;
    case 'bodyPartSpecified':
      return r.bodyParts.length > 0;
    case 'levelsSpecified':
      return r.spinalLevels.length > 0;
    case 'sideSpecified':
      return r.side !== undefined;
    case 'retrospective':
      return r.retrospective !== undefined;
    case 'associatedSurgery':
      return r.associatedSurgery === true || r.kind === 'surgical-associated';
    case 'additional':
      // A continuation: said so, or the record shows the requested drug already in use.
      return r.additional === true || continuing(ctx);
    case 'asNeeded':
      return r.frequency?.asNeeded === true;
    case 'rentalOrPurchaseSpecified':
      return /\b(rental|rent|purchase|buy)\b/i.test(r.text);
    default: {
      const never: never = name;
      return never;
    }
  }
}

const ONGOING =
  /\b(?:has been|have been|continu\w*|currently|since|chronic\w*|long[- ]term|refill\w*|ongoing|remains? on|was taking|is taking|maintained on|medications? (?:include[sd]?|including|are|were|consist\w*))\b/i;

/** The record shows a requested drug already being taken (a refill, not a first prescription). */
export function continuing(ctx: ItemContext): boolean {
  return ctx.facts.some(
    (f) => f.kind === 'medication-use' && !f.negated && isRequestedDrug(lower(f.value), ctx.request) && takenNow(f),
  );
}

/** A medication-use statement that says the drug is being taken (a duration, a start date, "currently"…). */
function takenNow(f: Fact): boolean {
  return f.qualifier !== undefined || f.date !== undefined || ONGOING.test(f.evidence.quote);
}

function mentions(text: string, words: readonly string[]): boolean {
  const t = ` ${text.toLowerCase().replace(/[^a-z0-9%/]+/g, ' ')} `;
  return words.some((w) => t.includes(` ${w.toLowerCase()}`));
}

function known(value: boolean): Outcome {
  return { value, evidence: [] };
}

export function evalCondition(c: Condition, ctx: ItemContext): Outcome {
  if ('fact' in c) return evalFact(c, ctx);
  if ('request' in c && ('min' in c || 'max' in c)) {
    const n = requestNumber(c.request as RequestNumber, ctx);
    if (n === undefined) return SILENT;
    const min = 'min' in c ? c.min : undefined;
    const max = 'max' in c ? c.max : undefined;
    return known((min === undefined || n >= min) && (max === undefined || n <= max));
  }
  if ('request' in c && 'expect' in c) return known(requestFlag(c.request as RequestFlag, ctx) === c.expect);
  if ('requestMentions' in c)
    return known(mentions(`${ctx.request.text} ${ctx.request.modality ?? ''}`, c.requestMentions));
  if ('bodyPart' in c) {
    if (ctx.bodyRegions.length === 0) return SILENT;
    return known(ctx.bodyRegions.some((b) => c.bodyPart.includes(b)));
  }
  if ('ingredient' in c) {
    const { classes, generics, forms } = c.ingredient;
    const found = ctx.request.drugs.some((d, i) => {
      const cls = ctx.drugClasses[i];
      const classOk = !classes || (cls !== undefined && cls !== 'unknown' && classes.includes(cls));
      const genericOk = !generics || generics.some((g) => d.generic.toLowerCase().includes(g));
      const formOk =
        !forms ||
        forms.some((f) => (d.form ?? '').toLowerCase().includes(f) || ctx.request.text.toLowerCase().includes(f));
      return classOk && genericOk && formOk;
    });
    return known(c.expect === 'present' ? found : !found);
  }
  if ('chronicity' in c) {
    if (ctx.phases.length === 0) return SILENT;
    return known(ctx.phases.some((p) => c.chronicity.includes(p)));
  }
  if ('age' in c) {
    if (ctx.age === undefined) return SILENT;
    return known(
      (c.age.min === undefined || ctx.age >= c.age.min) && (c.age.max === undefined || ctx.age <= c.age.max),
    );
  }
  if ('context' in c) {
    const v = c.context === 'surgery-certified' ? ctx.surgeryCertified : ctx.sameServiceAuthorized;
    return v === undefined ? SILENT : known(v === c.expect);
  }
  return SILENT;
}

const RANK: Record<CriterionStatus, number> = { met: 0, 'not-applicable': 0, 'not-documented': 1, unmet: 2 };

function worst(a: CriterionStatus, b: CriterionStatus): CriterionStatus {
  return RANK[b] > RANK[a] ? b : a;
}

/** Evaluates a criterion's evidence: anyOf (one suffices), allOf (all needed), noneOf (defeaters). */
export function evalEvidence(e: Evidence, ctx: ItemContext): { status: CriterionStatus; evidence: Fact['evidence'][] } {
  let status: CriterionStatus = 'met';
  const evidence: Fact['evidence'][] = [];
  if (e.anyOf) {
    const outs = e.anyOf.map((c) => evalCondition(c, ctx));
    const hits = outs.filter((o) => o.value === true);
    // Every alternative the record affirms is evidence (a deficit on examination beside a complaint of
    // radiating pain), not only the first one listed.
    if (hits.length > 0) for (const o of hits) evidence.push(...o.evidence);
    else {
      status = worst(status, outs.every((o) => o.value === false) ? 'unmet' : 'not-documented');
      for (const o of outs) evidence.push(...o.evidence);
    }
  }
  if (e.allOf) {
    const outs = e.allOf.map((c) => evalCondition(c, ctx));
    if (outs.some((o) => o.value === false)) status = worst(status, 'unmet');
    else if (outs.some((o) => o.value === undefined)) status = worst(status, 'not-documented');
    for (const o of outs) evidence.push(...o.evidence);
  }
  if (e.noneOf) {
    const outs = e.noneOf.map((c) => evalCondition(c, ctx));
    const hits = outs.filter((o) => o.value === true);
    if (hits.length > 0) {
      status = worst(status, 'unmet');
      for (const o of hits) evidence.push(...o.evidence);
    } else if (outs.every((o) => o.value === undefined) && !e.anyOf && !e.allOf) {
      // Defeaters alone: met once the record rules one out and shows none; silent on all, not documented.
      status = worst(status, 'not-documented');
    } else {
      for (const o of outs) evidence.push(...o.evidence);
    }
  }
  return { status, evidence: dedupe(evidence) };
}

function dedupe(spans: Fact['evidence'][]): Fact['evidence'][] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const k = `${s.start}:${s.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function evalCriterion(c: Criterion, ctx: ItemContext): CriterionResult {
  if (
    c.unlessRequestMentions &&
    mentions(`${ctx.request.text} ${ctx.request.modality ?? ''}`, c.unlessRequestMentions)
  ) {
    return { id: c.id, text: c.text, status: 'not-applicable', required: c.required, evidence: [] };
  }
  if (c.when) {
    // "Without a red flag": a record that documents none counts as none.
    const applies = c.when.map((w) => {
      const o = evalCondition(w, ctx);
      return o.value === undefined && 'fact' in w && w.expect === 'absent' ? { value: true, evidence: [] } : o;
    });
    if (!applies.every((o) => o.value === true)) {
      return { id: c.id, text: c.text, status: 'not-applicable', required: c.required, evidence: [] };
    }
  }
  const { status, evidence } = evalEvidence(c.evidence, ctx);
  if (status === 'not-documented' && c.silentMeansNone && !c.evidence.anyOf && !c.evidence.allOf) {
    return { id: c.id, text: c.text, status: 'met', required: c.required, evidence };
  }
  return { id: c.id, text: c.text, status, required: c.required, evidence };
}
