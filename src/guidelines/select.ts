import { DRUG_CLASS_ROUTE, knownDrugClass } from '../terminology/drug-classes.js';
import { blankAlternatives } from '../terminology/text.js';
import { bodyRegionsOf, chapterCovers, chapterRegions, regionsOverlap } from './regions.js';
import {
  BODY_REGIONS,
  type BodyRegion,
  type DrugClass,
  type Edition,
  type Phase,
  type Source,
  type SourceTier,
  type Topic,
  type TreatmentKind,
} from './schema.js';
import { editionOf, inForce, sourceById } from './sources.js';
import { keywordIn, normalize } from './text.js';
import { ALL_TOPICS } from './topics/index.js';

/**
 * Picks the guideline topics for a request, walking the Medical Evidence Search Sequence
 * (8 CCR 9792.21.1): MTUS first; a lower tier only when no MTUS topic applies, and then the answer says why.
 */

/** A drug as a request parser reads it (compatible with src/engine DrugMention). */
export interface DrugInput {
  name?: string | undefined;
  generic?: string | undefined;
  /** A drug class id of the vocabulary; anything else ('unknown') selects no class topic. */
  drugClass?: string | undefined;
  form?: string | undefined;
}

/** What topic selection needs from a parsed request (a src/engine ParsedRequest fits, plus phase and date). */
export interface TopicQuery {
  kind: TreatmentKind;
  text?: string | undefined;
  modality?: string | undefined;
  drugs?: readonly DrugInput[] | undefined;
  bodyParts?: readonly string[] | undefined;
  /** Phase of the condition when known (from the injury date). */
  phase?: Phase | undefined;
  /** ISO date of the request (or service): selects the editions in force. */
  date?: string | undefined;
  associatedSurgery?: boolean | undefined;
  /**
   * How the phase narrows topics: 'strict' drops topics written for another phase (the regulation's
   * reading: the Chronic Pain guidelines for pain of three months or more); 'prefer' (default) keeps them
   * ranked lower; 'ignore' disregards phase (many 2016–2017 letters apply the Chronic Pain sections from
   * the first weeks).
   */
  phasePolicy?: 'strict' | 'prefer' | 'ignore' | undefined;
}

export interface RankedTopic {
  topic: Topic;
  source: Source;
  edition: Edition;
  score: number;
  /** Why it matched ("drug cyclobenzaprine", "body part lumbar spine"). */
  matched: string[];
}

export interface TopicSelection {
  /** Candidate topics from the first tier that addresses the request, best first. */
  topics: RankedTopic[];
  tier?: SourceTier;
  /** Lower-tier topics that also apply (letters often add ODG for its more specific criteria). */
  supporting: RankedTopic[];
  /** Why this tier: "MTUS addresses …", or "MTUS does not address …; ODG used". */
  reason: string;
}

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
  /** The phrases of the topic list's trie that `text` holds at a word start (see phrasesIn). */
  found: ReadonlySet<string>;
  /** Of `found`, the phrases the request's own words hold (not only its normalized modality). */
  own: ReadonlySet<string>;
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
  const classRoute = base === undefined ? undefined : DRUG_CLASS_ROUTE[base];
  if (classRoute === 'systemic') route = 'systemic';
  else if (kind === 'compounded-topical' || classRoute === 'topical') route = 'topical';
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

/** Regions of named body parts, by the parts: requests name parts from a small vocabulary. */
const PART_REGIONS = new Map<string, BodyRegion[]>();

/**
 * bodyRegionsOf(bodyParts, text): the regions of the named parts when they have any (remembered by
 * part, bounded), else those the text names.
 */
function regionsOfRequest(bodyParts: readonly string[] | undefined, text: string): BodyRegion[] {
  if (bodyParts !== undefined && bodyParts.length > 0) {
    const key = bodyParts.join('\n');
    let fromParts = PART_REGIONS.get(key);
    if (fromParts === undefined) {
      fromParts = bodyRegionsOf(bodyParts, '');
      if (PART_REGIONS.size >= 1024) PART_REGIONS.clear();
      PART_REGIONS.set(key, fromParts);
    }
    if (fromParts.length > 0) return fromParts;
  }
  return bodyRegionsOf(undefined, text);
}

function prepare(q: TopicQuery, phrases: PhraseTrie): PreparedQuery {
  const drugs = (q.drugs ?? []).map((d) => prepareDrug(d, q.kind));
  // What the request is offered in place of ("in lieu of physical therapy") does not select topics.
  const requestText = q.text === undefined ? undefined : blankAlternatives(q.text);
  const rawText = [requestText, q.modality, ...(q.drugs ?? []).flatMap((d) => [d.name, d.generic])]
    .filter((s): s is string => s !== undefined)
    .join(' ');
  const text = normalize(rawText);
  const found = phrasesIn(phrases, text);
  const own = requestText === undefined ? new Set<string>() : phrasesIn(phrases, normalize(requestText));
  if (q.kind === 'compounded-topical' || drugs.filter((d) => d.route === 'topical').length >= 2) {
    for (const d of drugs) if (!d.classes.includes('compounded')) d.classes.push('compounded');
  }
  let route: PreparedQuery['route'];
  if (q.kind === 'compounded-topical') route = 'topical';
  else if (drugs.length === 0 && q.kind === 'medication') {
    route = TOPICAL_FORMS.some((f) => found.has(f)) ? 'topical' : undefined;
  }
  const firstDrug = q.drugs?.[0];
  const label = (q.modality ?? firstDrug?.name ?? q.text ?? q.kind).trim().slice(0, 80);
  return {
    kind: q.kind,
    text,
    found,
    own,
    drugs,
    regions: regionsOfRequest(q.bodyParts, requestText ?? ''),
    phase: q.phase,
    date: q.date,
    surgical: q.associatedSurgery === true || q.phase === 'postsurgical' || SURGICAL_WORDS.some((w) => found.has(w)),
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

/** A topic of the list being searched, with what matching it needs worked out once. */
interface IndexedTopic {
  topic: Topic;
  /** Its index in the list (ties keep the list's order). */
  order: number;
  source: Source;
  edition: Edition;
  words: NormalizedWords;
  /** No keyword, drug or class selectors: the topic answers for its kinds in general. */
  general: boolean;
  /** For a topic about body parts, the regions that overlap them (`regionsOverlap` asked once per region). */
  regions: ReadonlySet<BodyRegion> | undefined;
  /** The topic names no body part but is filed in a chapter about one (see chapterCovers). */
  inRegionChapter: boolean;
}

/**
 * A topic list prepared for matching: its topics by treatment kind (a request is matched only against
 * its kind's topics), and every normalized keyword, excluded keyword and drug name of the list in one
 * character trie, so that one walk from each word start of a request finds all those it holds — instead
 * of a substring search per keyword of every topic.
 */
interface TopicIndex {
  byKind: Map<TreatmentKind, IndexedTopic[]>;
  phrases: PhraseTrie;
  /**
   * The topics a selector can pick: by a keyword or drug name written in the request, by a drug class.
   * A topic with selectors that neither reaches does not apply (matchTopic would reject it), so only the
   * others are matched. (A drug component is written in the request text too — prepare adds each drug's
   * name and generic to it — so a topic drug name it equals or starts with is among the phrases found.)
   */
  byPhrase: Map<string, IndexedTopic[]>;
  byClass: Map<DrugClass, IndexedTopic[]>;
}

function addTo<K>(map: Map<K, IndexedTopic[]>, key: K, entry: IndexedTopic): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entry]);
  else if (list[list.length - 1] !== entry) list.push(entry);
}

/** Trie node: children by character code; `phrase` when a phrase ends here. */
interface PhraseTrie {
  next: Map<number, PhraseTrie>;
  phrase?: string;
}

function addPhrase(root: PhraseTrie, phrase: string): void {
  if (phrase === '') return; // keywordIn never matches an empty keyword
  let node = root;
  for (let k = 0; k < phrase.length; k++) {
    const code = phrase.charCodeAt(k);
    let child = node.next.get(code);
    if (child === undefined) {
      child = { next: new Map() };
      node.next.set(code, child);
    }
    node = child;
  }
  node.phrase = phrase;
}

/**
 * The trie's phrases that occur in `text` (normalized) starting at a word start: exactly those for which
 * `keywordIn(text, phrase)` holds.
 */
function phrasesIn(root: PhraseTrie, text: string): ReadonlySet<string> {
  // the engine asks again for the same request (with another body part) when its first choice is for
  // another part of the body
  if (lastPhrases !== undefined && lastPhrases.root === root && lastPhrases.text === text) return lastPhrases.found;
  const found = new Set<string>();
  for (let start = 0; start < text.length; start++) {
    if (start > 0 && text.charCodeAt(start - 1) !== 32) continue;
    let node: PhraseTrie | undefined = root;
    for (let k = start; k < text.length; k++) {
      node = node.next.get(text.charCodeAt(k));
      if (node === undefined) break;
      if (node.phrase !== undefined) found.add(node.phrase);
    }
  }
  lastPhrases = { root, text, found };
  return found;
}

let lastPhrases: { root: PhraseTrie; text: string; found: ReadonlySet<string> } | undefined;

/** The topics with selectors that one of the request's words or drug classes reaches. */
function selectable(index: TopicIndex, q: PreparedQuery): Set<IndexedTopic> {
  const out = new Set<IndexedTopic>();
  const add = (list: readonly IndexedTopic[] | undefined): void => {
    if (list !== undefined) for (const e of list) out.add(e);
  };
  for (const phrase of q.found) add(index.byPhrase.get(phrase));
  for (const d of q.drugs) for (const c of d.classes) add(index.byClass.get(c));
  return out;
}

const INDEXES = new WeakMap<readonly Topic[], TopicIndex>();

function indexOf(topics: readonly Topic[]): TopicIndex {
  let index = INDEXES.get(topics);
  if (index !== undefined) return index;
  const byKind = new Map<TreatmentKind, IndexedTopic[]>();
  const byPhrase = new Map<string, IndexedTopic[]>();
  const byClass = new Map<DrugClass, IndexedTopic[]>();
  const phrases: PhraseTrie = { next: new Map() };
  for (const w of [...TOPICAL_FORMS, ...SURGICAL_WORDS]) addPhrase(phrases, w);
  topics.forEach((topic, order) => {
    const source = sourceById(topic.sourceId);
    const edition = source === undefined ? undefined : editionOf(source, topic.edition);
    if (source === undefined || edition === undefined) return;
    const m = topic.appliesTo;
    const words: NormalizedWords = {
      keywords: (m.keywords ?? []).map(normalize),
      drugs: (m.drugs ?? []).map(normalize),
      exclude: (m.excludeKeywords ?? []).map(normalize),
    };
    for (const w of [...words.keywords, ...words.drugs, ...words.exclude]) addPhrase(phrases, w);
    const general = m.keywords === undefined && m.drugClasses === undefined && m.drugs === undefined;
    const parts = m.bodyParts;
    const regions = parts === undefined ? undefined : new Set(BODY_REGIONS.filter((r) => regionsOverlap(parts, [r])));
    const inRegionChapter = parts === undefined && chapterRegions(topic.chapter) !== undefined;
    const entry: IndexedTopic = { topic, order, source, edition, words, general, regions, inRegionChapter };
    for (const kind of new Set(m.kinds)) addTo(byKind, kind, entry);
    for (const w of [...words.keywords, ...words.drugs]) addTo(byPhrase, w, entry);
    for (const c of m.drugClasses ?? []) addTo(byClass, c, entry);
  });
  index = { byKind, phrases, byPhrase, byClass };
  INDEXES.set(topics, index);
  return index;
}

/**
 * How well a topic's matcher fits the request; undefined when it does not apply at all. `found` holds the
 * topic words the request text holds at a word start (see phrasesIn), in place of a search for each.
 */
function matchTopic(entry: IndexedTopic, q: PreparedQuery): Match | undefined {
  const { topic: t, words } = entry;
  const m = t.appliesTo;
  const found = q.found;
  if (!m.kinds.includes(q.kind)) return undefined;
  if (words.exclude.some((k) => found.has(k))) return undefined;
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
        (q.drugs.length === 0 && found.has(n))
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
      if (n.length > best.length && found.has(n)) best = n;
    }
    if (best !== '') {
      // Multi-word keywords ("functional capacity") are more specific than single words ("evaluation").
      score += 2 + 0.5 * (best.split(' ').length - 1) + Math.min(best.length, 30) / 60;
      // A word the requester wrote ("interferential") names the device more closely than the class
      // the vocabulary files it under ("electrical stimulation unit").
      // Drug requests are named by the drug vocabulary itself (brand or generic alike); this is for services.
      if (q.drugs.length === 0 && words.keywords.some((k) => q.own.has(k))) score += 1;
      selected = true;
      matched.push(`keyword ${best}`);
    }
  }
  if (hasSelectors && !selected) return undefined;

  // A topic of a chapter written for one part of the body does not answer for a request wholly elsewhere.
  if (entry.inRegionChapter && q.regions.length > 0 && !chapterCovers(t.chapter, q.regions)) return undefined;
  if (m.bodyParts !== undefined) {
    if (q.regions.length > 0) {
      if (!q.regions.some((r) => entry.regions?.has(r))) return undefined;
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

/**
 * Candidate topics for a request, ordered by the Medical Evidence Search Sequence, with the reason for
 * the tier used. `topics` defaults to the whole knowledge base.
 */
export function topicsFor(query: TopicQuery, topics: readonly Topic[] = ALL_TOPICS): TopicSelection {
  const index = indexOf(topics);
  const q = prepare(query, index.phrases);
  const reachable = selectable(index, q);
  const all: Candidate[] = [];
  for (const entry of index.byKind.get(q.kind) ?? []) {
    if (!entry.general && !reachable.has(entry)) continue;
    const { topic, order, source, edition } = entry;
    const m = matchTopic(entry, q);
    if (m !== undefined) {
      all.push({
        topic,
        source,
        edition,
        score: m.score,
        matched: m.matched,
        order,
        phaseMismatch: m.phaseMismatch,
        general: m.general,
      });
    }
  }

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
