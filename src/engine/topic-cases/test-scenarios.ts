import type { Fact } from '../../clinical/types.js';
import type {
  BodyRegion,
  Condition,
  Criterion,
  FactCondition,
  RequestNumber,
  RequestNumberCondition,
  Topic,
} from '../../guidelines/schema.js';
import { evalCondition, evalCriterion } from '../evaluate.js';
import type { CriterionStatus } from '../review-types.js';
import { namingParts, withAmount } from './test-requests.js';
import { BANK, type BankEntry, type Statement } from './test-sentences.js';
import { contextWithFacts, type World, worldFor } from './test-world.js';

/**
 * Synthetic cases for each criterion of a topic, built from the sentence bank:
 *
 * - for a criterion whose evidence names clinical facts, per fact condition: a record that states the
 *   evidence (rated met), the same record with that sentence turned into its negation trap, and the
 *   record without it (the rating follows from what is left: not documented, or unmet for a defeater);
 *   with a `when` fact, also a record without it (not applicable);
 * - for a limit on a request number (sessions, days of supply, levels, hours): a request inside the
 *   limit (met) and one beyond it;
 * - for the request's own properties (an amount given, a surgery certified): a request or case with and
 *   without them.
 *
 * The expected rating of a record is the evaluator's rating of the facts the bank *declares* for its
 * sentences (what a careful reader takes from them); the test compares it with the rating of the facts
 * the clinical reader actually extracts. A case is kept only when its record does what its name says
 * (the "states" record is met, the trap is not), so a bank or generator mistake cannot pass as a test.
 */

export type CaseKind =
  | 'states'
  | 'trap'
  | 'silent'
  | 'not-applicable'
  | 'within-limit'
  | 'beyond-limit'
  | 'request-with'
  | 'request-without'
  | 'context-with'
  | 'context-without';

export interface CriterionCase {
  readonly topicId: string;
  readonly criterionId: string;
  readonly kind: CaseKind;
  /** What the case is about ("radicular-symptoms", "sessions ≤ 10"). */
  readonly about: string;
  readonly world: World;
  readonly expected: CriterionStatus;
}

export interface Uncovered {
  readonly topicId: string;
  readonly criterionId: string;
  /** The condition (or rule) no case decides. */
  readonly about: string;
  readonly why: string;
}

interface Missing {
  readonly about: string;
  readonly why: string;
}

interface Use {
  readonly entry: BankEntry;
  readonly says: boolean;
}

function sentenceOf(u: Use): string {
  return u.says ? u.entry.says : u.entry.denies;
}

function statementsOf(u: Use): readonly Statement[] {
  return u.says ? u.entry.saysFacts : u.entry.deniesFacts;
}

const isDiagnosis = (u: Use): boolean => u.entry.name.startsWith('diagnosis ');

/** Sentences in record order: diagnoses last (their heading runs to the end), no repeats. */
function orderUses(uses: readonly Use[]): Use[] {
  const seen = new Set<string>();
  const out: Use[] = [];
  for (const u of [...uses.filter((x) => !isDiagnosis(x)), ...uses.filter(isDiagnosis)]) {
    const s = sentenceOf(u);
    if (seen.has(s)) continue;
    seen.add(s);
    out.push(u);
  }
  return out;
}

function worldWith(base: World, uses: readonly Use[]): World {
  return { ...base, sentences: orderUses(uses).map(sentenceOf) };
}

/** The facts the bank declares for a world's sentences, with evidence spans into its record text. */
export function declaredFacts(uses: readonly Use[]): Fact[] {
  const facts: Fact[] = [];
  let at = 0;
  for (const u of orderUses(uses)) {
    const quote = sentenceOf(u);
    for (const s of statementsOf(u)) {
      const f: Fact = {
        kind: s.kind,
        negated: s.negated === true,
        uncertain: false,
        evidence: { quote, start: at, end: at + quote.length },
        context: 'record',
      };
      if (s.value !== undefined) f.value = s.value;
      if (s.qualifier !== undefined) f.qualifier = s.qualifier;
      if (s.count !== undefined) f.count = s.count;
      if (s.bodyPart !== undefined) f.bodyPart = s.bodyPart;
      facts.push(f);
    }
    at += quote.length + 1;
  }
  return facts;
}

/** The rating the bank's declared reading of a world gives. */
function declaredStatus(c: Criterion, base: World, uses: readonly Use[]): CriterionStatus {
  const w = worldWith(base, uses);
  return evalCriterion(c, contextWithFacts(w, declaredFacts(uses))).status;
}

function conditionValue(cond: Condition, base: World, uses: readonly Use[]): boolean | undefined {
  const w = worldWith(base, uses);
  return evalCondition(cond, contextWithFacts(w, declaredFacts(uses))).value;
}

const isFact = (c: Condition): c is FactCondition => 'fact' in c;
const isNumber = (c: Condition): c is RequestNumberCondition => 'request' in c && ('min' in c || 'max' in c);

/**
 * A bank sentence that makes the condition hold (`favorable`) and its counterpart: the statement for a
 * condition on a present fact, the denial for one on an absent fact. Entries whose counterpart makes the
 * condition false come first (a real trap), then those whose counterpart leaves it undecided.
 */
const ENTRIES = new Map<string, { favorable: Use; opposite: Use }[]>();

function entriesFor(c: FactCondition, base: World): { favorable: Use; opposite: Use }[] {
  // Only the request and the phase of the world matter here (each sentence is rated alone).
  const key = `${JSON.stringify(c)}|${base.request}|${base.decisionDate}|${base.injuryDate}|${base.phases?.join()}`;
  let found = ENTRIES.get(key);
  if (found === undefined) {
    found = findEntries(c, base);
    ENTRIES.set(key, found);
  }
  return found;
}

function findEntries(c: FactCondition, base: World): { favorable: Use; opposite: Use }[] {
  const strong: { favorable: Use; opposite: Use }[] = [];
  const weak: { favorable: Use; opposite: Use }[] = [];
  for (const entry of BANK) {
    if (!entry.saysFacts.some((s) => s.kind === c.fact) && !entry.deniesFacts.some((s) => s.kind === c.fact)) continue;
    const says: Use = { entry, says: true };
    const denies: Use = { entry, says: false };
    // Usually the statement meets a present fact and the denial an absent one; a trap that states another
    // fact ("did not help" is a failure) can also be the sentence that meets it.
    const pairs =
      c.expect === 'present' ? [[says, denies] as const, [denies, says] as const] : [[denies, says] as const];
    for (const [favorable, opposite] of pairs) {
      if (conditionValue(c, base, [favorable]) !== true) continue;
      const other = conditionValue(c, base, [opposite]);
      if (other === false) strong.push({ favorable, opposite });
      else if (other === undefined) weak.push({ favorable, opposite });
      break;
    }
  }
  return [...strong, ...weak];
}

/** Sentences that make every condition of the list hold (undefined: some fact condition has none). */
function satisfyAll(conds: readonly Condition[], base: World): Use[] | undefined {
  const uses: Use[] = [];
  for (const c of conds) {
    if (!isFact(c)) continue;
    if (c.expect === 'absent' && conditionValue(c, base, uses) !== false) continue; // silence counts as none
    const found = entriesFor(c, base)[0];
    if (found === undefined) return undefined;
    uses.push(found.favorable);
  }
  return uses;
}

function nonFactHolds(conds: readonly Condition[] | undefined, base: World, uses: readonly Use[]): boolean {
  return (conds ?? []).filter((c) => !isFact(c)).every((c) => conditionValue(c, base, uses) === true);
}

function nonFactQuiet(conds: readonly Condition[] | undefined, base: World, uses: readonly Use[]): boolean {
  return (conds ?? []).filter((c) => !isFact(c)).every((c) => conditionValue(c, base, uses) !== true);
}

const NUMBER_WORDS: Partial<Record<RequestNumber, string>> = {
  sessions: 'sessions',
  sessionsWithPrior: 'sessions',
  supplyDays: 'days of supply',
  levels: 'spinal levels',
  hoursPerWeek: 'hours a week',
  perWeek: 'visits a week',
};

/** The item asked for in an amount giving the request number `n`, when we know how to write one. */
function amountFor(name: RequestNumber, n: number, topic: Topic): string | undefined {
  switch (name) {
    case 'sessions':
    case 'sessionsWithPrior':
      return `${n} sessions`;
    case 'supplyDays':
      return `${n} day supply`;
    case 'perWeek':
      return `${n} times a week for 4 weeks`;
    case 'hoursPerWeek':
      return n % 5 === 0 ? `${n / 5} hours per day, 5 days a week for 4 weeks` : undefined;
    case 'levels': {
      const cervical =
        topic.appliesTo.bodyParts?.includes('cervical spine') === true || /cervical/i.test(namingParts(topic)[0]);
      const levels = cervical ? ['C3-C4', 'C4-C5', 'C5-C6', 'C6-C7'] : ['L2-L3', 'L3-L4', 'L4-L5', 'L5-S1'];
      if (n < 1 || n > levels.length) return undefined;
      const chosen = levels.slice(levels.length - n);
      return `at ${chosen.length === 1 ? chosen[0] : `${chosen.slice(0, -1).join(', ')} and ${chosen.at(-1)}`}`;
    }
    // No criterion limits these in a way a written amount decides alone.
    case 'quantity':
    case 'refills':
    case 'weeks':
    case 'perDay':
    case 'strengthPercent':
    case 'medMgPerDay':
      return undefined;
    default: {
      const never: never = name;
      return never;
    }
  }
}

/** A request for a drug of each class a criterion's `when` may ask for (our wording). */
const CLASS_REQUEST: Partial<Record<string, readonly [string, string]>> = {
  'muscle-relaxant': ['Cyclobenzaprine 7.5mg', '#30, one tablet at bedtime'],
  opioid: ['Norco 5/325mg', '#30, one tablet twice daily'],
  nsaid: ['Naproxen 550mg', '#60, one tablet twice daily'],
};

/**
 * Request variants for a criterion: the topic's item as named (or a drug of a class the criterion's
 * `when` asks for), with each word a `when` asks the request to mention (or a body region it asks the
 * request to concern), as a continuation, and with
 * amounts inside the criterion's own limits on request numbers.
 */
function requestVariants(topic: Topic, c: Criterion): string[] {
  const [named, namedAmount] = namingParts(topic);
  const classes = (c.when ?? []).flatMap((w) => ('ingredient' in w ? (w.ingredient.classes ?? []) : []));
  const items: (readonly [string, string | undefined])[] = [
    [named, namedAmount],
    ...classes.flatMap((k) => {
      const r = CLASS_REQUEST[k];
      return r === undefined ? [] : [r];
    }),
  ];
  const mentions = (c.when ?? []).flatMap((w) =>
    'requestMentions' in w
      ? [w.requestMentions.slice(0, 5)]
      : 'bodyPart' in w
        ? [w.bodyPart.slice(0, 1).map((r) => REGION_PHRASE[r])]
        : [],
  );
  const wordSets =
    mentions.length === 0 ? [[]] : (mentions[0] ?? []).map((w) => [w, ...mentions.slice(1).map((m) => m[0] ?? '')]);
  const limits = [...(c.evidence.anyOf ?? []), ...(c.evidence.allOf ?? [])].filter(isNumber);
  const out: string[] = [];
  for (const [item, amount] of items) {
    const amounts = [
      amount,
      ...limits.map((l) =>
        amountFor(l.request, l.max !== undefined ? Math.max(1, Math.floor(l.max)) : Math.ceil(l.min ?? 1), topic),
      ),
    ];
    for (const words of wordSets) {
      const base = words.length > 0 ? `${item} (${words.join(', ')})` : item;
      for (const a of amounts) {
        out.push(withAmount(base, a), withAmount(`Additional ${lowerFirst(base)}`, a));
      }
    }
  }
  return [...new Set(out)];
}

function lowerFirst(s: string): string {
  return s.length > 0 ? `${s[0]?.toLowerCase()}${s.slice(1)}` : s;
}

/** Worlds to try for a criterion: request variants, with the phase known or left unsaid. */
function baseWorlds(topic: Topic, c: Criterion): World[] {
  const out: World[] = [];
  const listed = [...(c.when ?? []), ...(c.evidence.allOf ?? [])].flatMap((x) =>
    'chronicity' in x ? x.chronicity : [],
  );
  for (const request of requestVariants(topic, c)) {
    const w = worldFor(topic, request);
    out.push(w, { ...w, phases: [] }, ...listed.map((p) => ({ ...w, phases: [p] })));
  }
  return out;
}

interface FactPlan {
  base: World;
  /** Sentences that make the criterion's `when` facts hold. */
  when: Use[];
  /** Sentences for the other conditions (allOf facts, another anyOf alternative when the key is not one). */
  support: Use[];
  favorable: Use;
  opposite: Use;
}

/**
 * A world and sentences under which the fact condition `key` alone decides the criterion: met with the
 * favorable sentence, not met with its counterpart.
 */
function planFor(
  topic: Topic,
  c: Criterion,
  key: FactCondition,
  where: 'anyOf' | 'allOf' | 'noneOf',
): FactPlan | undefined {
  const e = c.evidence;
  for (const base of baseWorlds(topic, c)) {
    const when = satisfyAll(c.when ?? [], base);
    const others = satisfyAll(
      (e.allOf ?? []).filter((x) => x !== key),
      base,
    );
    if (when === undefined || others === undefined) continue;
    const support = [...others];
    const given = [...when, ...support];
    if (!nonFactHolds(c.when, base, given) || !nonFactHolds(e.allOf, base, given)) continue;
    if (!nonFactQuiet(e.noneOf, base, given)) continue;
    if (where === 'anyOf' && !nonFactQuiet(e.anyOf, base, given)) continue;
    const anyMet = (e.anyOf ?? []).some((x) => !isFact(x) && conditionValue(x, base, given) === true);
    if (where !== 'anyOf' && e.anyOf !== undefined && !anyMet) {
      const alt = e.anyOf
        .filter(isFact)
        .map((x) => entriesFor(x, base)[0]?.favorable)
        .find((u) => u !== undefined);
      if (alt === undefined) continue;
      support.push(alt);
    }
    for (const k of entriesFor(key, base)) {
      const favorable = where === 'noneOf' ? k.opposite : k.favorable;
      const opposite = where === 'noneOf' ? k.favorable : k.opposite;
      if (declaredStatus(c, base, [...when, ...support, favorable]) !== 'met') continue;
      // The counterpart must not meet it, unless the criterion asks for the fact stated either way.
      if (declaredStatus(c, base, [...when, ...support, opposite]) === 'met' && !eitherWay(c, key)) continue;
      return { base, when, support, favorable, opposite };
    }
  }
  return undefined;
}

/** The criterion is met by the fact stated either way ("side effects asked about": reported or denied). */
function eitherWay(c: Criterion, key: FactCondition): boolean {
  return (c.evidence.anyOf ?? []).some((x) => isFact(x) && x.fact === key.fact && x.expect !== key.expect);
}

function factCases(topic: Topic, c: Criterion, out: CriterionCase[]): Missing[] {
  const e = c.evidence;
  const keys: [FactCondition, 'anyOf' | 'allOf' | 'noneOf'][] = [
    ...(e.anyOf ?? []).filter(isFact).map((k): [FactCondition, 'anyOf'] => [k, 'anyOf']),
    ...(e.allOf ?? []).filter(isFact).map((k): [FactCondition, 'allOf'] => [k, 'allOf']),
    ...(e.noneOf ?? []).filter(isFact).map((k): [FactCondition, 'noneOf'] => [k, 'noneOf']),
  ];
  const missing: Missing[] = [];
  let made = 0;
  for (const [key, where] of keys) {
    const plan = planFor(topic, c, key, where);
    const about = `${where === 'noneOf' ? 'defeater ' : ''}${describe(key)}`;
    if (plan === undefined) {
      missing.push({ about, why: 'no bank sentence decides it alone' });
      continue;
    }
    const push = (kind: CaseKind, uses: Use[]): void => {
      out.push({
        topicId: topic.id,
        criterionId: c.id,
        kind,
        about,
        world: worldWith(plan.base, uses),
        expected: declaredStatus(c, plan.base, uses),
      });
    };
    const given = [...plan.when, ...plan.support];
    push('states', [...given, plan.favorable]);
    push('trap', [...given, plan.opposite]);
    push('silent', given);
    if (made === 0 && plan.when.length > 0) {
      // Without the fact the criterion depends on, it does not apply.
      const uses = [...plan.support, plan.favorable];
      if (declaredStatus(c, plan.base, uses) === 'not-applicable') push('not-applicable', uses);
    }
    made++;
  }
  return missing;
}

function describe(c: Condition): string {
  if (isFact(c)) {
    const parts = [c.expect === 'absent' ? `no ${c.fact}` : c.fact];
    if (c.values) parts.push(`(${c.values.slice(0, 3).join('|')}${c.values.length > 3 ? '|…' : ''})`);
    if (c.qualifiers) parts.push(`[${c.qualifiers.slice(0, 2).join('|')}]`);
    if (c.min !== undefined) parts.push(`≥ ${c.min}`);
    if (c.minCount !== undefined) parts.push(`× ${c.minCount}`);
    return parts.join(' ');
  }
  if (isNumber(c)) {
    const bound = [c.min === undefined ? '' : `≥ ${c.min}`, c.max === undefined ? '' : `≤ ${c.max}`].filter(Boolean);
    return `${NUMBER_WORDS[c.request] ?? c.request} ${bound.join(' ')}`;
  }
  if ('requestMentions' in c) return `mentions ${c.requestMentions.slice(0, 3).join('|')}`;
  if ('context' in c) return `${c.context} ${c.expect}`;
  if ('request' in c) return `${c.request} ${c.expect}`;
  return Object.keys(c)[0] ?? 'condition';
}

/**
 * Within and beyond each limit a criterion sets on a request number, for criteria where the number is the
 * only request property that decides (its other alternatives are facts, silent in an empty record). The
 * request writes the number itself, so the expected rating does not come from the request parser.
 */
function numberCases(topic: Topic, c: Criterion, out: CriterionCase[]): Missing[] {
  const e = c.evidence;
  const numbers = [...(e.anyOf ?? []), ...(e.allOf ?? [])].filter(isNumber);
  if (numbers.length === 0) return [];
  const all = numbers.map(describe).join(', ');
  const whenOk = (c.when ?? []).every(
    (w) =>
      isFact(w) ||
      'requestMentions' in w ||
      ('request' in w && w.request === 'additional') ||
      ('ingredient' in w && (w.ingredient.classes ?? []).some((k) => CLASS_REQUEST[k] !== undefined)),
  );
  if (!whenOk) return [{ about: all, why: `applies only given ${(c.when ?? []).map(describe).join(', ')}` }];
  const others = [...(e.anyOf ?? []), ...(e.allOf ?? [])].filter(
    (x) => !isFact(x) && !numbers.includes(x as RequestNumberCondition),
  );
  if (others.length > 0 && !(others.length === 1 && numbers.length === 1 && isLevelsFlag(others[0], numbers[0]))) {
    return [{ about: all, why: `decided together with ${others.map(describe).join(', ')}` }];
  }
  // Facts the criterion applies only given (prior sessions): stated, and their sessions counted.
  const probe = worldFor(topic, withAmount(...namingParts(topic)));
  const given = satisfyAll((c.when ?? []).filter(isFact), probe);
  if (given === undefined) return [{ about: all, why: 'no bank sentence states what it applies given' }];
  const done = given
    .flatMap((u) => statementsOf(u))
    .filter((st) => st.kind === 'prior-treatment' && st.negated !== true)
    .reduce((n, st) => n + (st.count ?? 0), 0);
  const missing: Missing[] = [];
  for (const cond of numbers) {
    const counted = cond.request === 'sessionsWithPrior' ? done : 0;
    const inside = cond.max !== undefined ? Math.max(1, Math.floor(cond.max) - counted) : Math.ceil(cond.min ?? 1);
    const step = cond.request === 'hoursPerWeek' ? 5 : cond.max !== undefined && cond.max >= 10 ? 6 : 1;
    const beyond = cond.max !== undefined ? Math.floor(cond.max) - counted + step : Math.ceil(cond.min ?? 1) - 1;
    const within = amountFor(cond.request, inside, topic);
    const over = beyond >= 1 ? amountFor(cond.request, beyond, topic) : undefined;
    if (within === undefined || over === undefined) {
      missing.push({ about: describe(cond), why: 'no request is written for this number' });
      continue;
    }
    // A levels amount replaces the levels the item names.
    const item = cond.request === 'levels' ? itemFor(topic, c).replace(LEVELS_IN_ITEM, '') : itemFor(topic, c);
    const about = describe(cond);
    // Alone in allOf (or anyOf), the number decides; beside silent facts in anyOf, beyond it nothing is shown.
    const alone = (e.anyOf ?? []).every((x) => x === cond) || (e.allOf ?? []).includes(cond);
    const beyondStatus: CriterionStatus = alone ? 'unmet' : 'not-documented';
    const world = (amount: string): World => worldWith(worldFor(topic, withAmount(item, amount)), given);
    out.push({
      topicId: topic.id,
      criterionId: c.id,
      kind: 'within-limit',
      about,
      world: world(within),
      expected: 'met',
    });
    out.push({
      topicId: topic.id,
      criterionId: c.id,
      kind: 'beyond-limit',
      about,
      world: world(over),
      expected: beyondStatus,
    });
  }
  return missing;
}

const LEVELS_IN_ITEM = /,?\s*at (?:(?:left|right|bilateral) )?[CLT]\d-[CLST]\d(?:(?:,| and) [CLT]\d-[CLST]\d)*/;

function isLevelsFlag(c: Condition | undefined, n: RequestNumberCondition | undefined): boolean {
  return c !== undefined && n?.request === 'levels' && 'request' in c && c.request === 'levelsSpecified';
}

/** The topic's item, as a continuation or naming the words a criterion's `when` asks the request for. */
function itemFor(topic: Topic, c: Criterion): string {
  const classes = (c.when ?? []).flatMap((w) => ('ingredient' in w ? (w.ingredient.classes ?? []) : []));
  const ofClass = classes.map((k) => CLASS_REQUEST[k]).find((r) => r !== undefined);
  const [item] = ofClass ?? namingParts(topic);
  const additional = (c.when ?? []).some((w) => 'request' in w && w.request === 'additional' && w.expect === true);
  const words = (c.when ?? []).flatMap((w) =>
    'requestMentions' in w
      ? [w.requestMentions[0] ?? '']
      : 'bodyPart' in w && w.bodyPart[0] !== undefined
        ? [REGION_PHRASE[w.bodyPart[0]]]
        : [],
  );
  const named = additional ? `Additional ${lowerFirst(item)}` : item;
  return words.length > 0 ? `${named} (${words.join(', ')})` : named;
}

/** Whether a request names one of the words, at a word start (as criteria read requests). */
export function namesWord(request: string, words: readonly string[]): boolean {
  const t = ` ${request.toLowerCase().replace(/[^a-z0-9%/]+/g, ' ')} `;
  return words.some((w) => t.includes(` ${w.toLowerCase()}`));
}

/** How a request names each body region. */
const REGION_PHRASE: Readonly<Record<BodyRegion, string>> = {
  'lumbar spine': 'the low back',
  'thoracic spine': 'the upper back',
  'cervical spine': 'the neck',
  sacroiliac: 'the right sacroiliac joint',
  head: 'the head',
  shoulder: 'the right shoulder',
  elbow: 'the left elbow',
  forearm: 'the left forearm',
  wrist: 'the right wrist',
  hand: 'the right hand',
  hip: 'the right hip',
  knee: 'the right knee',
  leg: 'the left leg',
  ankle: 'the left ankle',
  foot: 'the left foot',
  'upper extremity': 'the right arm',
  'lower extremity': 'the left leg',
  chest: 'the chest wall',
  abdomen: 'the abdomen',
  ear: 'the right ear',
};

/** Words that name a body part in our naming requests (a request with one states its body part). */
const BODY_WORDS =
  /\b(?:back|neck|knee|shoulder|wrist|elbow|ankle|hip|heel|feet|foot|spine|lumbar|cervical|extremit\w*|hand|head|brain)\b/i;

/** Request flags a complete request states (and the value that states them). */
const STATED_FLAGS: Readonly<Record<string, boolean>> = {
  quantityUnspecified: false,
  bodyPartSpecified: true,
  frequencySpecified: true,
  rentalOrPurchaseSpecified: true,
  associatedSurgery: false,
};

const isFlag = (x: Condition): x is Extract<Condition, { request: string; expect: boolean }> =>
  'request' in x && 'expect' in x;

/**
 * Criteria on the request or the case rather than the record, in the shapes the knowledge base uses: a
 * complete request (amount, body part, schedule, rental or purchase stated), the associated surgery or an
 * earlier authorization, words the guideline does or does not support, the phase, the patient's age. The
 * expected rating follows from what the request or case says, not from the evaluator.
 */
function requestCases(topic: Topic, c: Criterion, out: CriterionCase[]): string | undefined {
  const e = c.evidence;
  const conds = [...(c.when ?? []), ...(e.anyOf ?? []), ...(e.allOf ?? []), ...(e.noneOf ?? [])];
  if (conds.some(isFact)) return undefined;
  if (conds.some(isNumber)) return requestDefeaterCases(topic, c, out);
  if (c.when !== undefined) return `a request rule that applies only given ${c.when.map(describe).join(', ')}`;
  const [item, amount] = namingParts(topic);
  const named = worldFor(topic, withAmount(item, amount));
  const about = conds.map(describe).join(', ');
  const add = (kind: CaseKind, world: World, expected: CriterionStatus): void => {
    out.push({ topicId: topic.id, criterionId: c.id, kind, about, world, expected });
  };
  const only = (list: readonly Condition[] | undefined, test: (x: Condition) => boolean): boolean =>
    list !== undefined && list.length > 0 && list.every(test) && conds.length === list.length;

  if (only(e.allOf, (x) => 'context' in x)) {
    for (const x of e.allOf ?? []) {
      if (!('context' in x)) continue;
      const key = x.context === 'surgery-certified' ? 'surgeryCertified' : 'sameServiceAuthorized';
      add('context-with', { ...named, [key]: x.expect }, 'met');
      add('context-without', { ...named, [key]: !x.expect }, 'unmet');
      add('context-without', named, c.silentMeansNone === true ? 'met' : 'not-documented');
    }
    return undefined;
  }
  if (only(e.allOf, (x) => isFlag(x) && STATED_FLAGS[x.request] === x.expect)) {
    const flags = new Set((e.allOf ?? []).flatMap((x) => (isFlag(x) ? [x.request] : [])));
    const part = flags.has('bodyPartSpecified') && !BODY_WORDS.test(item) ? ' for the low back' : '';
    const buy =
      flags.has('rentalOrPurchaseSpecified') && !/\b(?:rental|purchase)\b/.test(amount ?? '') ? ', purchase' : '';
    const amountOrSessions = amount ?? (flags.has('frequencySpecified') ? '2 times a week for 4 weeks' : undefined);
    add('request-with', worldFor(topic, `${withAmount(`${item}${part}`, amountOrSessions)}${buy}`), 'met');
    if (flags.has('quantityUnspecified') || flags.has('frequencySpecified'))
      add('request-without', worldFor(topic, `${item}${part} (quantity unspecified)${buy}`), 'unmet');
    if (flags.has('bodyPartSpecified') && part !== '')
      add('request-without', worldFor(topic, `${withAmount(item, amountOrSessions)}${buy}`), 'unmet');
    if (flags.has('rentalOrPurchaseSpecified') && buy !== '')
      add('request-without', worldFor(topic, withAmount(`${item}${part}`, amountOrSessions)), 'unmet');
    if (flags.has('associatedSurgery'))
      add('request-without', worldFor(topic, withAmount(`Post-op ${lowerFirst(item)}`, amount)), 'unmet');
    return undefined;
  }
  const mentioned = (list: readonly Condition[] | undefined): string[] =>
    (list ?? []).flatMap((x) => ('requestMentions' in x ? x.requestMentions : []));
  if (only(e.noneOf, (x) => 'requestMentions' in x)) {
    const words = mentioned(e.noneOf);
    const expected = namesWord(withAmount(item, amount), words) ? 'unmet' : 'met';
    add(expected === 'unmet' ? 'request-with' : 'request-without', named, expected);
    if (expected === 'met') add('request-with', worldFor(topic, withAmount(`${item} (${words[0]})`, amount)), 'unmet');
    return undefined;
  }
  if (only(e.anyOf, (x) => 'requestMentions' in x || (isFlag(x) && x.request === 'associatedSurgery' && x.expect))) {
    const words = mentioned(e.anyOf);
    const surgical = (e.anyOf ?? []).some((x) => isFlag(x) && x.request === 'associatedSurgery');
    const namedMeets = namesWord(withAmount(item, amount), words);
    add(namedMeets ? 'request-with' : 'request-without', named, namedMeets ? 'met' : 'unmet');
    const first = words[0];
    if (!namedMeets && first !== undefined)
      add('request-with', worldFor(topic, withAmount(`${item} (${first})`, amount)), 'met');
    if (!namedMeets && surgical)
      add('request-with', worldFor(topic, withAmount(`Post-op ${lowerFirst(item)}`, amount)), 'met');
    return undefined;
  }
  if (only(e.noneOf, (x) => 'ingredient' in x && x.expect === 'present' && x.ingredient.generics !== undefined)) {
    const topical = topic.appliesTo.route === 'topical' || topic.appliesTo.kinds.includes('compounded-topical');
    const listed = (e.noneOf ?? []).flatMap((x) => ('ingredient' in x ? [x.ingredient] : []));
    for (const ing of listed) {
      const generic = ing.generics?.[0];
      if (generic === undefined) continue;
      const name = `${generic[0]?.toUpperCase()}${generic.slice(1)}`;
      const form = ing.forms?.[0];
      const request =
        form !== undefined
          ? `${name} 5% ${form} #1`
          : topical
            ? `Compounded cream: ${name} 10% #1`
            : `${name} 100mg #30, one tablet daily`;
      add('request-with', worldFor(topic, request), 'unmet');
    }
    // A topic about one of the listed drugs: its own item is the one the guideline does not support.
    const all = listed.flatMap((i) => i.generics ?? []);
    const own = topic.appliesTo.drugs ?? [];
    if (listed.every((i) => i.forms === undefined) && own.length > 0 && own.every((d) => all.includes(d)))
      add('request-with', named, 'unmet');
    return undefined;
  }
  const regionNames = (list: readonly Condition[] | undefined): BodyRegion[] =>
    (list ?? []).flatMap((x) => ('bodyPart' in x ? x.bodyPart : []));
  if (conds.every((x) => 'bodyPart' in x) && e.allOf === undefined) {
    const good = regionNames(e.anyOf)[0];
    const bad = regionNames(e.noneOf)[0];
    const onlyDefeaters = e.anyOf === undefined;
    const neutral = (['knee', 'lumbar spine', 'shoulder', 'wrist'] as const).find(
      (r) => !regionNames(e.anyOf).includes(r) && !regionNames(e.noneOf).includes(r),
    );
    if (good !== undefined)
      add('request-with', worldFor(topic, withAmount(`${item} for ${REGION_PHRASE[good]}`, amount)), 'met');
    if (bad !== undefined)
      add('request-without', worldFor(topic, withAmount(`${item} for ${REGION_PHRASE[bad]}`, amount)), 'unmet');
    if (onlyDefeaters && neutral !== undefined)
      add('request-with', worldFor(topic, withAmount(`${item} for ${REGION_PHRASE[neutral]}`, amount)), 'met');
    return undefined;
  }
  if (only(e.anyOf, (x) => 'chronicity' in x)) {
    const listed = (e.anyOf ?? []).flatMap((x) => ('chronicity' in x ? x.chronicity : []));
    const other = (['acute', 'subacute', 'chronic', 'postsurgical'] as const).find((p) => !listed.includes(p));
    const first = listed[0];
    if (first === undefined || other === undefined) return 'every phase is listed';
    add('context-with', { ...named, phases: [first] }, 'met');
    add('context-without', { ...named, phases: [other] }, 'unmet');
    return undefined;
  }
  if (only(e.anyOf, (x) => 'age' in x)) {
    const bound = (e.anyOf ?? []).flatMap((x) => ('age' in x ? [x.age] : []))[0];
    if (bound?.min === undefined || bound.max !== undefined) return 'an age range';
    add('context-with', { ...named, age: bound.min + 5 }, 'met');
    add('context-without', { ...named, age: bound.min - 5 }, 'unmet');
    return undefined;
  }
  return `a request rule of another shape (${about})`;
}

/**
 * Defeaters on the request alone, words and numbers together ("a powered unit", "any sessions"): the
 * naming request shows none of them; the item with one of the words, or with a number in the defeating
 * range, defeats it.
 */
function requestDefeaterCases(topic: Topic, c: Criterion, out: CriterionCase[]): string | undefined {
  const e = c.evidence;
  const defeaters = e.noneOf ?? [];
  const shapeOk =
    c.when === undefined &&
    e.anyOf === undefined &&
    e.allOf === undefined &&
    defeaters.every((x) => 'requestMentions' in x || (isNumber(x) && x.min !== undefined && x.max === undefined));
  if (!shapeOk) return undefined;
  const [item, amount] = namingParts(topic);
  const named = withAmount(item, amount);
  const words = defeaters.flatMap((x) => ('requestMentions' in x ? x.requestMentions : []));
  if (namesWord(named, words) || /\d/.test(amount ?? '')) return 'the naming request already shows a defeater';
  const about = defeaters.map(describe).join(', ');
  const add = (kind: CaseKind, request: string, expected: CriterionStatus): void => {
    out.push({ topicId: topic.id, criterionId: c.id, kind, about, world: worldFor(topic, request), expected });
  };
  add('request-without', named, 'met');
  const word = words[0];
  if (word !== undefined) add('request-with', `${item} ${word}`, 'unmet');
  for (const x of defeaters) {
    const text = isNumber(x) ? amountFor(x.request, Math.ceil(x.min ?? 1), topic) : undefined;
    if (text !== undefined) add('request-with', withAmount(item, text), 'unmet');
  }
  return undefined;
}

/** All cases for a topic's criteria, and the criteria no case covers (with why). */
export function topicCases(topic: Topic): { cases: CriterionCase[]; uncovered: Uncovered[] } {
  const cases: CriterionCase[] = [];
  const uncovered: Uncovered[] = [];
  for (const c of topic.criteria) {
    const before = cases.length;
    const missing = [...factCases(topic, c, cases), ...numberCases(topic, c, cases)];
    const rule = requestCases(topic, c, cases);
    for (const m of missing) uncovered.push({ topicId: topic.id, criterionId: c.id, ...m });
    if (rule !== undefined) uncovered.push({ topicId: topic.id, criterionId: c.id, about: 'request rule', why: rule });
    if (cases.length === before && missing.length === 0 && rule === undefined)
      uncovered.push({ topicId: topic.id, criterionId: c.id, about: 'criterion', why: 'no case applies' });
  }
  return { cases, uncovered };
}
