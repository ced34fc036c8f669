import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letterRequests } from '../../test/letter-requests.js';
import { TREATMENT_KINDS } from '../domain/treatment.js';
import { bodyRegionsOf, chapterCovers, regionsOverlap } from '../guidelines/regions.js';
import {
  BODY_REGIONS,
  type BodyRegion,
  DRUG_CLASSES,
  type DrugClass,
  type Phase,
  type SourceTier,
  type Topic,
  type TreatmentKind,
} from '../guidelines/schema.js';
import {
  type DrugInput,
  type RankedTopic,
  type TopicQuery,
  type TopicSelection,
  topicsFor,
} from '../guidelines/select.js';
import { editionOf, inForce, sourceById } from '../guidelines/sources.js';
import { keywordIn, normalize } from '../guidelines/text.js';
import { ALL_TOPICS } from '../guidelines/topics/index.js';
import { knownDrugClass } from '../terminology/drug-classes.js';
import { blankAlternatives } from '../terminology/text.js';
import { parseRequest } from './request.js';

/**
 * topicsFor matches a request against an index of the knowledge base (topics by treatment kind, every
 * topic word in one trie). The reference below is the earlier implementation, which scanned every
 * keyword of every topic for each request: the two must rank the same topics the same way, with the same
 * scores, reasons and supporting topics, for every request of the real letters (in every phase, date and
 * phase policy) and for generated requests built from the knowledge base's own words.
 */

// ---------------------------------------------------------------------------------------------------
// Reference: the naive scan (select.ts before the index), kept as it was.
// ---------------------------------------------------------------------------------------------------

const TOPICAL_FORMS = [
  'cream',
  'gel',
  'ointment',
  'lotion',
  'patch',
  'spray',
  'foam',
  'topical',
  'pad',
  'balm',
  'rub',
  'liniment',
];
const TOPICAL_CLASSES = new Set<DrugClass>([
  'topical-nsaid',
  'topical-anesthetic',
  'capsaicin',
  'topical-salicylate',
  'topical-muscle-relaxant',
  'compounded',
]);
const SURGICAL_WORDS = [
  'pre op',
  'preop',
  'pre operative',
  'preoperative',
  'post op',
  'postop',
  'post operative',
  'postoperative',
  'associated surgical',
];

interface PreparedDrug {
  components: string[];
  classes: DrugClass[];
  route: 'topical' | 'systemic' | undefined;
}

interface PreparedQuery {
  kind: TreatmentKind;
  text: string;
  /** The request's own words, without the normalized modality. */
  ownText: string;
  drugs: PreparedDrug[];
  regions: BodyRegion[];
  phase: Phase | undefined;
  date: string | undefined;
  surgical: boolean;
  route: 'topical' | 'systemic' | undefined;
  label: string;
  phasePolicy: 'strict' | 'prefer' | 'ignore';
}

/** The first (primary) ingredient of a drug name: "hydrocodone/acetaminophen" → "hydrocodone". */
function primaryIngredient(name: string): string | undefined {
  const first = name.split(/\/|\+|,|\band\b|\bwith\b/i)[0] ?? '';
  const n = normalize(first);
  return n === '' ? undefined : n;
}

function prepareDrug(d: DrugInput, kind: TreatmentKind): PreparedDrug {
  const names = [d.generic, d.name].filter((s): s is string => s !== undefined && s.trim() !== '');
  const comps = names.map(primaryIngredient).filter((c): c is string => c !== undefined);
  const base = knownDrugClass(d.drugClass);
  const formText = normalize([d.form, d.name].filter((s) => s !== undefined).join(' '));
  let route: PreparedDrug['route'];
  if (base === 'opioid') route = 'systemic';
  else if (kind === 'compounded-topical' || (base !== undefined && TOPICAL_CLASSES.has(base))) route = 'topical';
  else if (TOPICAL_FORMS.some((f) => keywordIn(formText, f))) route = 'topical';
  else if (d.form !== undefined) route = 'systemic';
  const classes: DrugClass[] = base === undefined ? [] : [base];
  if (route === 'topical') {
    if (base === 'nsaid') classes.push('topical-nsaid');
    if (base === 'muscle-relaxant') classes.push('topical-muscle-relaxant');
    if (kind === 'compounded-topical') classes.push('compounded');
  }
  return { components: comps, classes, route };
}

function prepare(q: TopicQuery): PreparedQuery {
  const drugs = (q.drugs ?? []).map((d) => prepareDrug(d, q.kind));
  const requestText = q.text === undefined ? undefined : blankAlternatives(q.text);
  const rawText = [requestText, q.modality, ...(q.drugs ?? []).flatMap((d) => [d.name, d.generic])]
    .filter((s): s is string => s !== undefined)
    .join(' ');
  const text = normalize(rawText);
  if (q.kind === 'compounded-topical' || drugs.filter((d) => d.route === 'topical').length >= 2) {
    for (const d of drugs) if (!d.classes.includes('compounded')) d.classes.push('compounded');
  }
  let route: PreparedQuery['route'];
  if (q.kind === 'compounded-topical') route = 'topical';
  else if (drugs.length === 0 && q.kind === 'medication') {
    route = TOPICAL_FORMS.some((f) => keywordIn(text, f)) ? 'topical' : undefined;
  }
  const firstDrug = q.drugs?.[0];
  const label = (q.modality ?? firstDrug?.name ?? q.text ?? q.kind).trim().slice(0, 80);
  return {
    kind: q.kind,
    text,
    ownText: requestText === undefined ? '' : normalize(requestText),
    drugs,
    regions: bodyRegionsOf(q.bodyParts, requestText ?? ''),
    phase: q.phase,
    date: q.date,
    surgical:
      q.associatedSurgery === true || q.phase === 'postsurgical' || SURGICAL_WORDS.some((w) => keywordIn(text, w)),
    route,
    label,
    phasePolicy: q.phasePolicy ?? 'prefer',
  };
}

interface Match {
  score: number;
  matched: string[];
  phaseMismatch: boolean;
  /** The topic has no keyword, drug or class selectors: it covers its kinds in general. */
  general: boolean;
}

interface NormalizedWords {
  keywords: string[];
  drugs: string[];
  exclude: string[];
}

/** Normalized matcher words, computed once per topic. */
const WORDS = new WeakMap<Topic, NormalizedWords>();
function wordsOf(t: Topic): NormalizedWords {
  let w = WORDS.get(t);
  if (w === undefined) {
    w = {
      keywords: (t.appliesTo.keywords ?? []).map(normalize),
      drugs: (t.appliesTo.drugs ?? []).map(normalize),
      exclude: (t.appliesTo.excludeKeywords ?? []).map(normalize),
    };
    WORDS.set(t, w);
  }
  return w;
}

/** How well a topic's matcher fits the request; undefined when it does not apply at all. */
function matchTopic(t: Topic, q: PreparedQuery): Match | undefined {
  const m = t.appliesTo;
  if (!m.kinds.includes(q.kind)) return undefined;
  const words = wordsOf(t);
  if (words.exclude.some((k) => keywordIn(q.text, k))) return undefined;
  if (m.surgicalContext === 'required' && !q.surgical) return undefined;
  if (m.surgicalContext === 'excluded' && q.surgical) return undefined;

  const matched: string[] = [`kind ${q.kind}`];
  let score = 1 + (m.priority ?? 0);
  if (m.surgicalContext === 'required') {
    score += 2;
    matched.push('surgical context');
  }

  // Route: a topical topic never answers for a systemic drug, and the reverse.
  const drugs = m.route === undefined ? q.drugs : q.drugs.filter((d) => d.route === undefined || d.route === m.route);
  if (m.route !== undefined) {
    if (q.drugs.length > 0 && drugs.length === 0) return undefined;
    if (q.drugs.length === 0 && q.route !== undefined && q.route !== m.route) return undefined;
  }

  if (m.maxDrugs !== undefined && q.drugs.length > m.maxDrugs) return undefined;
  const hasSelectors = m.keywords !== undefined || m.drugClasses !== undefined || m.drugs !== undefined;
  let selected = false;
  if (m.drugs !== undefined) {
    const hit = words.drugs.find((n) => {
      return (
        drugs.some((d) => d.components.some((c) => c === n || c.startsWith(`${n} `))) ||
        (q.drugs.length === 0 && keywordIn(q.text, n))
      );
    });
    if (hit !== undefined) {
      // A topic about one drug is more specific than one listing a whole class.
      score += 4 + 2 / m.drugs.length;
      selected = true;
      matched.push(`drug ${hit}`);
    }
  }
  if (m.drugClasses !== undefined) {
    const hit = m.drugClasses.find((c) => drugs.some((d) => d.classes.includes(c)));
    if (hit !== undefined) {
      score += 3;
      selected = true;
      matched.push(`class ${hit}`);
    }
  }
  if (m.keywords !== undefined) {
    let best = '';
    for (const n of words.keywords) {
      if (n.length > best.length && keywordIn(q.text, n)) best = n;
    }
    if (best !== '') {
      // Multi-word keywords ("functional capacity") are more specific than single words ("evaluation").
      score += 2 + 0.5 * (best.split(' ').length - 1) + Math.min(best.length, 30) / 60;
      if (q.drugs.length === 0 && words.keywords.some((k) => keywordIn(q.ownText, k))) score += 1;
      selected = true;
      matched.push(`keyword ${best}`);
    }
  }
  if (hasSelectors && !selected) return undefined;

  if (m.bodyParts === undefined && !chapterCovers(t.chapter, q.regions)) return undefined;
  if (m.bodyParts !== undefined) {
    if (q.regions.length > 0) {
      if (!regionsOverlap(m.bodyParts, q.regions)) return undefined;
      score += 2;
      matched.push(`body part ${q.regions.join(', ')}`);
    } else {
      // The request names no body part: a region-specific topic is only a guess.
      score -= 1.5;
    }
  }

  let phaseMismatch = false;
  if (m.phases !== undefined && q.phase !== undefined && q.phasePolicy !== 'ignore') {
    if (m.phases.includes(q.phase)) {
      score += 1;
      matched.push(`phase ${q.phase}`);
    } else if (q.phasePolicy === 'strict') {
      phaseMismatch = true;
    } else {
      score -= 1;
      matched.push(`written for ${m.phases.join('/')} (request ${q.phase})`);
    }
  }
  return { score, matched, phaseMismatch, general: !hasSelectors };
}

interface Candidate extends RankedTopic {
  order: number;
  phaseMismatch: boolean;
  general: boolean;
}

function rank(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.order - b.order;
}

/** Among topics of one lineage keep one: the edition in force on the date, else the newest. */
function oneEditionPerLineage(cands: Candidate[], date: string | undefined): Candidate[] {
  const byLineage = new Map<string, Candidate[]>();
  const out: Candidate[] = [];
  for (const c of cands) {
    const key = c.topic.lineage;
    if (key === undefined) out.push(c);
    else byLineage.set(key, [...(byLineage.get(key) ?? []), c]);
  }
  for (const group of byLineage.values()) {
    const inForceNow = date === undefined ? [] : group.filter((c) => inForce(c.edition, date));
    const pool = inForceNow.length > 0 ? inForceNow : group;
    const best = [...pool].sort(
      (a, b) => b.edition.effectiveFrom.localeCompare(a.edition.effectiveFrom) || rank(a, b),
    )[0];
    if (best !== undefined) out.push(best);
  }
  return out;
}

function citeName(r: RankedTopic): string {
  const chapter = r.topic.chapter === undefined ? undefined : r.source.chapters?.find((c) => c.id === r.topic.chapter);
  return [r.edition.citeAs, chapter?.citeAs, r.topic.section].filter((s) => s !== undefined).join(', ');
}

const TIERS: readonly SourceTier[] = [1, 2, 3, 4];
const TIER_NAME: Record<SourceTier, string> = {
  1: 'the MTUS',
  2: 'the most current ACOEM or ODG guideline',
  3: 'another nationally recognized guideline',
  4: 'the peer-reviewed literature',
};

function naiveTopicsFor(query: TopicQuery, topics: readonly Topic[] = ALL_TOPICS): TopicSelection {
  const q = prepare(query);
  const all: Candidate[] = [];
  topics.forEach((t, order) => {
    const source = sourceById(t.sourceId);
    const edition = source === undefined ? undefined : editionOf(source, t.edition);
    if (source === undefined || edition === undefined) return;
    const m = matchTopic(t, q);
    if (m !== undefined) {
      all.push({
        topic: t,
        source,
        edition,
        score: m.score,
        matched: m.matched,
        order,
        phaseMismatch: m.phaseMismatch,
        general: m.general,
      });
    }
  });

  const notes: string[] = [];
  /** Usable candidates of a tier: the editions in force on the date, else (when the date is past every encoded edition) the latest encoded ones. */
  const usableIn = (tier: SourceTier, general: boolean): Candidate[] => {
    const inTier = all.filter((c) => c.source.tier === tier && !c.phaseMismatch && c.general === general);
    const date = q.date;
    if (date === undefined) return oneEditionPerLineage(inTier, date).sort(rank);
    let usable = inTier.filter((c) => inForce(c.edition, date));
    if (usable.length === 0) {
      const superseded = inTier.filter((c) => c.edition.effectiveTo !== undefined && c.edition.effectiveTo < date);
      if (superseded.length > 0) {
        usable = superseded;
        const editions = [...new Set(superseded.map((c) => c.edition.citeAs))].join('; ');
        notes.push(
          `The edition of ${TIER_NAME[tier]} in force on ${date} is not encoded; the latest encoded (${editions}) is used instead.`,
        );
      }
    }
    return oneEditionPerLineage(usable, date).sort(rank);
  };

  // Specific topics (a keyword, drug or class matched) decide the tier; general topics of a kind only
  // when nothing specific applies anywhere.
  let byTier = new Map<SourceTier, Candidate[]>(TIERS.map((t) => [t, usableIn(t, false)]));
  let firstTier = TIERS.find((t) => (byTier.get(t) ?? []).length > 0);
  if (firstTier === undefined) {
    notes.length = 0;
    byTier = new Map<SourceTier, Candidate[]>(TIERS.map((t) => [t, usableIn(t, true)]));
    firstTier = TIERS.find((t) => (byTier.get(t) ?? []).length > 0);
  } else {
    const generalSameTier = usableIn(firstTier, true);
    byTier.set(firstTier, [...(byTier.get(firstTier) ?? []), ...generalSameTier]);
  }

  const strip = ({ order: _o, phaseMismatch: _p, general: _g, ...r }: Candidate): RankedTopic => r;
  if (firstTier === undefined) {
    return {
      topics: [],
      supporting: [],
      reason: `No guideline topic in the knowledge base addresses ${q.label}; the item needs a reviewer's decision.`,
    };
  }
  const top = firstTier;
  const chosen = (byTier.get(top) ?? []).map(strip);
  const supporting = TIERS.filter((t) => t > top)
    .flatMap((t) => byTier.get(t) ?? [])
    .map(strip);
  const best = chosen[0] as RankedTopic;

  let reason: string;
  if (top === 1) {
    reason = `The MTUS addresses ${q.label}: ${citeName(best)}.`;
    const phases = best.topic.appliesTo.phases;
    if (phases !== undefined && q.phase !== undefined && !phases.includes(q.phase) && q.phasePolicy !== 'ignore') {
      reason += ` That guidance is written for ${phases.join(' or ')} pain and this request is in the ${q.phase} phase; it is the closest MTUS guidance.`;
    }
  } else {
    const phaseLimited = all
      .filter((c) => c.source.tier === 1 && c.phaseMismatch)
      .sort((a, b) => Number(a.general) - Number(b.general) || rank(a, b));
    const inForceFirst =
      q.date === undefined
        ? phaseLimited
        : [
            ...phaseLimited.filter((c) => inForce(c.edition, q.date as string)),
            ...phaseLimited.filter((c) => !inForce(c.edition, q.date as string)),
          ];
    const limited = inForceFirst[0];
    const silent =
      limited !== undefined
        ? `The MTUS guidance on ${q.label} (${citeName(limited)}) applies to ${limited.topic.appliesTo.phases?.join(' or ')} pain, and this request is in the ${q.phase} phase`
        : `The MTUS does not address ${q.label}`;
    const lower = TIERS.filter((t) => t > 1 && t < top);
    const alsoSilent = lower.length > 0 ? `, nor does ${lower.map((t) => TIER_NAME[t]).join(' or ')}` : '';
    reason = `${silent}${alsoSilent}; ${best.source.shortName} used (${citeName(best)}), per the Medical Evidence Search Sequence (8 CCR 9792.21.1).`;
  }
  if (notes.length > 0) reason = `${reason} ${[...new Set(notes)].join(' ')}`;
  return { topics: chosen, tier: top, supporting, reason };
}

// ---------------------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------------------

const PHASES: readonly (Phase | undefined)[] = [undefined, 'acute', 'subacute', 'chronic', 'postsurgical'];
const POLICIES: readonly TopicQuery['phasePolicy'][] = [undefined, 'strict', 'ignore'];

/** Queries on which the two disagree (empty when they agree), to report the query with the difference. */
function disagreements(
  queries: Iterable<TopicQuery>,
): { query: TopicQuery; fast: TopicSelection; naive: TopicSelection }[] {
  const out: { query: TopicQuery; fast: TopicSelection; naive: TopicSelection }[] = [];
  for (const query of queries) {
    const fast = topicsFor(query);
    const naive = naiveTopicsFor(query);
    if (!same(fast, naive)) out.push({ query, fast, naive });
  }
  return out;
}

/** The same ranked topics (the same objects, scores and match reasons), tier, reason and supporting topics. */
function same(a: TopicSelection, b: TopicSelection): boolean {
  const ranked = (x: readonly RankedTopic[], y: readonly RankedTopic[]): boolean =>
    x.length === y.length &&
    x.every((r, k) => {
      const o = y[k];
      return (
        o !== undefined &&
        r.topic === o.topic &&
        r.source === o.source &&
        r.edition === o.edition &&
        Object.is(r.score, o.score) &&
        r.matched.join('\n') === o.matched.join('\n')
      );
    });
  return a.tier === b.tier && a.reason === b.reason && ranked(a.topics, b.topics) && ranked(a.supporting, b.supporting);
}

describe('topicsFor (indexed) against the naive scan', () => {
  const requests = letterRequests();

  it.skipIf(requests.length === 0)(
    'ranks the same topics for every request of the real letters, in every phase, date and policy',
    () => {
      const queries: TopicQuery[] = [];
      for (const r of requests) {
        const p = parseRequest(r.text, r.decisionDate ? { referenceDate: r.decisionDate } : {});
        const base: TopicQuery = {
          kind: p.kind,
          text: p.text,
          modality: p.modality,
          drugs: p.drugs,
          bodyParts: p.bodyParts,
          associatedSurgery: p.associatedSurgery,
        };
        for (const phase of PHASES)
          for (const phasePolicy of POLICIES) queries.push({ ...base, phase, date: r.decisionDate, phasePolicy });
        // no date (no edition filter), and a date past every encoded edition
        for (const date of [undefined, '2018-06-01'])
          for (const phase of [undefined, 'chronic'] as const) queries.push({ ...base, phase, date });
        // the request's service kind, when the parser read one, selects other topics
        if (p.serviceKind !== undefined) queries.push({ ...base, kind: p.serviceKind, date: r.decisionDate });
      }
      expect(disagreements(queries).slice(0, 3)).toEqual([]);
      // the comparison is about something: most requests find topics
      const answered = queries.filter((q) => q.phase === undefined && topicsFor(q).topics.length > 0).length;
      expect(answered).toBeGreaterThan(queries.filter((q) => q.phase === undefined).length / 2);
    },
  );

  it("ranks the same topics for generated requests made of the knowledge base's own words", () => {
    const words = [
      ...new Set(
        ALL_TOPICS.flatMap((t) => [
          ...(t.appliesTo.keywords ?? []),
          ...(t.appliesTo.excludeKeywords ?? []),
          ...(t.appliesTo.drugs ?? []),
        ]),
      ),
    ];
    const filler = [
      'for',
      'the',
      'of',
      'and',
      'left',
      'right',
      'x12',
      '#60',
      '10mg',
      'post-op',
      'pre-op',
      'cream',
      'patch',
      'lumbar',
      'knee',
      'shoulder',
      'cervical',
    ];
    const word = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...words) },
      { weight: 2, arbitrary: fc.constantFrom(...filler) },
      // a keyword cut short or run on ("injection" → "injec", "injections")
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...words), fc.nat(12)).map(([w, n]) => w.slice(0, n + 2)) },
      { weight: 1, arbitrary: fc.constantFrom(...words).map((w) => `${w}s`) },
    );
    const text = fc
      .array(fc.tuple(word, fc.constantFrom(' ', ' ', '-', '/', ', ', '')), { minLength: 1, maxLength: 7 })
      .map((parts) => parts.map(([w, sep]) => w + sep).join(''));
    const drug: fc.Arbitrary<DrugInput> = fc.record(
      {
        name: fc.constantFrom(...words, 'Norco', 'Lidoderm', 'Terocin'),
        generic: fc.constantFrom(...words, 'hydrocodone/acetaminophen', 'lidocaine', 'gabapentin'),
        drugClass: fc.constantFrom(...DRUG_CLASSES, 'unknown', 'muscle relaxant', 'unheard-of'),
        form: fc.constantFrom('tablet', 'cream', 'patch', 'gel', 'capsule'),
      },
      { requiredKeys: [] },
    );
    const query: fc.Arbitrary<TopicQuery> = fc.record(
      {
        kind: fc.constantFrom(...TREATMENT_KINDS),
        text,
        modality: fc.constantFrom(...words),
        drugs: fc.array(drug, { maxLength: 3 }),
        // named parts, none, or only one that names no region (the text's regions then count)
        bodyParts: fc.oneof(
          fc.array(fc.constantFrom(...BODY_REGIONS, 'low back', 'neck'), { maxLength: 2 }),
          fc.constant(['elsewhere']),
        ),
        phase: fc.constantFrom('acute', 'subacute', 'chronic', 'postsurgical'),
        date: fc.constantFrom('2009-01-01', '2015-03-01', '2016-08-01', '2017-02-01', '2018-06-01'),
        associatedSurgery: fc.boolean(),
        phasePolicy: fc.constantFrom('strict', 'prefer', 'ignore'),
      },
      { requiredKeys: ['kind'] },
    );
    let answered = 0;
    fc.assert(
      fc.property(query, (q) => {
        expect(disagreements([q])).toEqual([]);
        if (topicsFor(q).topics.length > 0) answered++;
      }),
      { numRuns: 500 },
    );
    // the generated requests reach topics, not only the empty answer
    expect(answered).toBeGreaterThan(100);
  });

  it('gives the same answer for a topic list of its own (not only the whole knowledge base)', () => {
    const some = ALL_TOPICS.filter((_, k) => k % 3 === 0);
    const q: TopicQuery = { kind: 'medication', text: 'Lidoderm 5% patch #30', phase: 'chronic', date: '2017-02-01' };
    expect(same(topicsFor(q, some), naiveTopicsFor(q, some))).toBe(true);
    expect(same(topicsFor(q, some), topicsFor(q))).toBe(false);
  });
});
