import { readClinical } from '../../clinical/extract.js';
import type { Fact } from '../../clinical/types.js';
import { bodyRegionsOf } from '../../guidelines/regions.js';
import type { BodyRegion, Phase, Topic } from '../../guidelines/schema.js';
import { editionOf, sourceById } from '../../guidelines/sources.js';
import type { ItemContext } from '../evaluate.js';
import { parseRequest } from '../request.js';
import type { ParsedRequest } from '../request-types.js';
import { phasesOf } from '../review.js';
import type { ReviewInput } from '../review-types.js';

/**
 * A synthetic case for one disputed item: the request, the record's sentences, and what lives outside
 * the record (age, phase, whether the associated surgery is certified). `contextOf` turns it into the
 * evaluator's ItemContext the way reviewCase does, so every topic's criteria can be rated directly,
 * whichever topic reviewCase would select for the request.
 */
export interface World {
  readonly request: string;
  readonly sentences: readonly string[];
  readonly decisionDate: string;
  readonly injuryDate?: string;
  readonly age?: number;
  /** Overrides the phase derived from the injury date (chronicity conditions). */
  readonly phases?: readonly Phase[];
  readonly surgeryCertified?: boolean;
  readonly sameServiceAuthorized?: boolean;
}

const DAY_MS = 86_400_000;

/** An ISO date `days` before `iso`. */
export function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(iso) - days * DAY_MS).toISOString().slice(0, 10);
}

/** A decision date on which the topic's edition is in force (2009 Chronic Pain editions end in July 2016). */
export function decisionDateFor(topic: Topic): string {
  const source = sourceById(topic.sourceId);
  const edition = source === undefined ? undefined : editionOf(source, topic.edition);
  const wanted = '2017-03-01';
  if (edition?.effectiveTo !== undefined && edition.effectiveTo < wanted) return daysBefore(edition.effectiveTo, 60);
  if (edition !== undefined && edition.effectiveFrom > wanted) return edition.effectiveFrom;
  return wanted;
}

/** The phase a topic is written for: chronic unless it names only earlier phases. */
export function phaseFor(topic: Topic): Phase {
  const phases = topic.appliesTo.phases;
  if (phases === undefined || phases.includes('chronic')) return 'chronic';
  return phases[0] ?? 'chronic';
}

/** An injury date that puts the decision in the phase (acute < 6 weeks, subacute < 12, chronic after). */
export function injuryDateFor(phase: Phase, decisionDate: string): string {
  const days = phase === 'acute' ? 21 : phase === 'subacute' ? 56 : 730;
  return daysBefore(decisionDate, days);
}

/** A world for a topic: its edition's date and phase, the given request and sentences. */
export function worldFor(topic: Topic, request: string, sentences: readonly string[] = []): World {
  const decisionDate = decisionDateFor(topic);
  return { request, sentences, decisionDate, injuryDate: injuryDateFor(phaseFor(topic), decisionDate) };
}

/** The record text of a world: its sentences as one paragraph. */
export function recordText(w: World): string {
  return w.sentences.join(' ');
}

/** The evaluator's context for a world, built as reviewCase builds it. */
export function contextOf(w: World): ItemContext {
  const opts: { referenceDate: string; injuryDate?: string } = { referenceDate: w.decisionDate };
  if (w.injuryDate !== undefined) opts.injuryDate = w.injuryDate;
  const record = readClinical(recordText(w), opts);
  return contextWithFacts(w, record.facts);
}

interface Parsed {
  readonly request: ParsedRequest;
  readonly regions: readonly BodyRegion[];
}

const PARSED = new Map<string, Parsed>();

/** Requests parsed once (case generation asks for the same few requests many times). */
function parsed(text: string, referenceDate: string): Parsed {
  const key = `${referenceDate} ${text}`;
  let r = PARSED.get(key);
  if (r === undefined) {
    const request = parseRequest(text, { referenceDate });
    r = { request, regions: bodyRegionsOf(request.bodyParts, request.text) };
    PARSED.set(key, r);
  }
  return r;
}

/** The same context over given facts (a declared reading instead of the reader's). */
export function contextWithFacts(w: World, facts: readonly Fact[]): ItemContext {
  const { request, regions } = parsed(w.request, w.decisionDate);
  // As reviewCase: a planned surgery that is not itself in dispute counts as certified.
  const planned = request.kind !== 'surgery' && facts.some((f) => f.kind === 'surgery-planned' && !f.negated);
  const surgeryCertified = w.surgeryCertified ?? (planned ? true : undefined);
  return {
    request,
    drugClasses: request.drugs.map((d) => d.drugClass),
    bodyRegions: regions,
    facts,
    phases: w.phases ?? phasesOf(w.injuryDate, w.decisionDate, facts),
    ...(w.age === undefined ? {} : { age: w.age }),
    ...(surgeryCertified === undefined ? {} : { surgeryCertified }),
    ...(w.sameServiceAuthorized === undefined ? {} : { sameServiceAuthorized: w.sameServiceAuthorized }),
  };
}

/** The world as reviewCase input (one item). */
export function reviewInputOf(w: World): ReviewInput {
  const input: ReviewInput = {
    decisionDate: w.decisionDate,
    clinicalSummary: recordText(w),
    items: [{ request: w.request }],
  };
  if (w.injuryDate !== undefined || w.age !== undefined) {
    input.patient = {
      ...(w.injuryDate === undefined ? {} : { injuryDate: w.injuryDate }),
      ...(w.age === undefined ? {} : { age: w.age }),
    };
  }
  return input;
}
