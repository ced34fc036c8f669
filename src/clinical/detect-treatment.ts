import { firstDate } from './dates.js';
import type { ClinicalDoc } from './document.js';
import { alternation, DRUG_WORDS, MODALITIES, matchedValue, NUMBER_WORD_RE, numberOf, PROCEDURES } from './lexicon.js';

/** Medications, side effects, prior treatments and their counts, benefit and failure, surgery, home exercise. */

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DURATION = new RegExp(
  `\\bsince (?:at least |about |around |approximately |as early as |the (?:early |late |mid-?)?)?(?:${MONTH} (?:\\d{1,2},? )?\\d{4}|\\d{1,2}[/-]\\d{1,2}[/-]\\d{2,4}|\\d{1,2}[/-]\\d{4}|\\d{4}|(?:the )?(?:date of |time of )?(?:injury|accident|surgery)|(?:\\d+|one|two|three|four|five|six|several|many) (?:years?|months?|weeks?) ago)|\\bfor (?:the (?:past|last) )?(?:over |about |approximately |at least |more than |greater than |almost |nearly )?(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|a few|a couple of)(?: or more)? (?:days?|weeks?|months?|years?)\\b|\\b(?:long[- ]term|chronic(?:ally)?|for (?:many )?(?:years|months)|extended period|ongoing basis|as far back as (?:${MONTH} )?(?:\\d{1,2}[/-])*\\d{2,4})`,
  'gi',
);
const STOPPED =
  /\b(?:stop(?:ped|ping)?|discontinu\w+|d\/c|weaned off(?: of)?|tapered off(?: of)?|no longer (?:taking|on|using)|off of)\s+(?:taking\s+|using\s+|the\s+|his\s+|her\s+)?$/i;
/** A negation written just before a treatment ("not taking", "no longer on", "denies use of", "without"). */
const LOCAL_NEGATION =
  /\b(?:no|not|never|denie[sd]|deny|without|none|neither|nor|no longer|lack of|absence of)\b(?:\s+[\w'-]+){0,3}\s*$/i;

/**
 * Whether a drug or treatment mention is itself denied. A negation further away negates something else
 * ("no objective functional improvement with continued opioid use" does not deny the opioid use).
 */
function deniedHere(doc: ClinicalDoc, i: number, start: number): boolean {
  const s = doc.sentence(i);
  return LOCAL_NEGATION.test(doc.text.slice(Math.max(s.start, start - 30), start));
}

/** "weaning Norco", "reduce the hydrocodone", "tramadol was tapered": use being cut back. */
const TAPER_BEFORE =
  /\b(?:taper(?:ing|ed)?|wean(?:ing|ed)?|reduc(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|lower(?:ed|ing)?|cut(?:ting)? (?:back|down)(?: on)?)\s+(?:(?:off|of|the|his|her|their|dose of|dosage of|use of)\s+){0,3}$/i;
const TAPER_AFTER =
  /^[\s\w/.-]{0,20}?\b(?:was|is|has been|were|are|being)\s+(?:being\s+)?(?:tapered|weaned|reduced|decreased|lowered)\b/i;

/** "opioid agreement", "opioid risk", "NSAID allergy": the drug word names something other than its use. */
const NOT_USE =
  /^\s*(?:(?:treatment|management|pain|use)\s+)?(?:agreements?|contracts?|risk|screening|tool|allerg\w*|intoleran\w*|abuse|misuse|dependence|addiction|induced|use disorder|consumption calculat\w*|equivalents?)\b/i;
const CONTINUING = /\b(?:continu\w*|refill\w*|renew\w*|current(?:ly)?|remain\w* on|maintain\w*|ongoing|still)\b/i;

interface Duration {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly date?: string;
}

function durationsIn(doc: ClinicalDoc, i: number): Duration[] {
  const s = doc.sentence(i);
  const out: Duration[] = [];
  DURATION.lastIndex = 0;
  for (const m of s.text.matchAll(DURATION)) {
    const d = /^since/i.test(m[0]) ? firstDate(m[0]) : undefined;
    const base = { start: s.start + m.index, end: s.start + m.index + m[0].length, text: m[0] };
    out.push(d === undefined ? base : { ...base, date: d.iso });
  }
  return out;
}

/** The duration that follows a drug list ("Norco and Zanaflex since at least 12/2014") or just precedes it. */
function durationFor(durations: readonly Duration[], start: number, end: number): Duration | undefined {
  const after = durations.find((d) => d.start >= end && d.start - end < 150);
  if (after !== undefined) return after;
  return durations.find((d) => d.end <= start && start - d.end < 40);
}

export function detectMedications(doc: ClinicalDoc): void {
  const durations = new Map<number, Duration[]>();
  const handle = (generic: string, i: number, start: number, end: number): void => {
    const ctx = doc.context(i);
    if (ctx === 'review') return;
    const [a, b] = doc.segment(i, start, end);
    const seg = doc.text.slice(a, b);
    const before = doc.text.slice(Math.max(a, start - 35), start);
    const after = doc.text.slice(end, Math.min(b, end + 35));
    const tapering = TAPER_BEFORE.test(before) || TAPER_AFTER.test(after);
    const stopped = STOPPED.test(before);
    if ((ctx === 'plan' || doc.planned(i, start, end)) && !CONTINUING.test(seg) && !stopped && !tapering) return;
    let list = durations.get(i);
    if (list === undefined) {
      list = durationsIn(doc, i);
      durations.set(i, list);
    }
    const d = durationFor(list, start, end);
    if (NOT_USE.test(doc.text.slice(end, Math.min(b, end + 25)))) return;
    doc.emit('medication-use', i, start, end, {
      value: generic,
      negated: stopped || deniedHere(doc, i, start),
      ...(stopped
        ? { qualifier: 'discontinued' }
        : tapering
          ? { qualifier: 'tapering' }
          : d !== undefined
            ? { qualifier: d.text }
            : {}),
      ...(d?.date !== undefined ? { date: d.date } : {}),
    });
  };
  for (const d of doc.drugMentions()) {
    const i = doc.sentenceAt(d.start, d.end);
    if (i !== -1) handle(d.value, i, d.start, d.end);
  }
}

const MED = `(?=[A-Za-z0-9])(?:medications?|meds|narcotics|opioids?|pain pills|${DRUG_WORDS})`;
const SIDE_EFFECT_GENERIC = /\b(?:side[- ]effects?|adverse (?:effects?|reactions?|events?)|untoward effects?)\b/gi;
const SIDE_EFFECT_SPECIFIC =
  /\b(?:dizziness|dizzy|drowsiness|drowsy|sedation|sedated|somnolence|nausea|nauseated|vomiting|constipation|constipated|GI upset|stomach upset|upset stomach|dyspepsia|heartburn|itching|pruritus|rash|confusion|fatigue|cognitive (?:impairment|slowing)|dry mouth|weight gain|sweating|grogginess|groggy)\b/gi;
const CAUSE_BEFORE = new RegExp(
  `(?:\\b${MED}\\b[^.;]{0,40}?(?:caus\\w*|gives?|gave|makes?|made|produc\\w*|result\\w* in|led to|induc\\w*)\\s+(?:\\w+\\s+){0,2}|\\b(?:side[- ]effects?|adverse (?:effects?|reactions?))\\s+(?:include[sd]?|including|of|such as|were|was|are|is|reported as)?\\s*:?\\s*(?:[\\w-]+,?\\s+){0,4})$`,
  'i',
);
const CAUSE_AFTER = new RegExp(
  `^["'”’)\\s]*(?:[\\w-]+\\s+){0,2}?(?:after|with|from|due to|secondary to|when taking|while taking|while on|related to|on|attributed to|because of|caused by|since starting|after starting)\\s+(?:[\\w-]+\\s+){0,3}?${MED}\\b`,
  'i',
);
const TOLERATED = new RegExp(
  `\\btolerat(?:es|ing|ed|e)\\s+(?:the\\s+|his\\s+|her\\s+|their\\s+|oral\\s+|current\\s+|these\\s+)?${MED}(?:\\s+well)?\\b`,
  'gi',
);

/** Substrings one of which every match of TOLERATED contains (see ClinicalDoc.scan). */
const TOLERATED_GATE = ['tolerat'];

/** Substrings one of which every match of SIDE_EFFECT_SPECIFIC contains (see ClinicalDoc.scan). */
const SIDE_EFFECT_SPECIFIC_GATE = [
  'dizz',
  'drows',
  'sedat',
  'somnol',
  'nause',
  'vomit',
  'constipat',
  'upset',
  'dyspeps',
  'heartburn',
  'itch',
  'prurit',
  'rash',
  'confus',
  'fatigue',
  'cognitive',
  'dry mouth',
  'weight gain',
  'sweat',
  'grogg',
];

/** Substrings one of which every match of SIDE_EFFECT_GENERIC contains (see ClinicalDoc.scan). */
const SIDE_EFFECT_GENERIC_GATE = ['effect', 'reaction', 'adverse', 'event'];

export function detectSideEffects(doc: ClinicalDoc): void {
  doc.scan(
    SIDE_EFFECT_GENERIC,
    (_m, i, start, end) => {
      const drug = nearestDrug(doc, i, start, end);
      doc.emit('side-effects', i, start, end, {
        value: 'unspecified',
        ...(drug !== undefined ? { qualifier: drug } : {}),
      });
    },
    SIDE_EFFECT_GENERIC_GATE,
  );
  doc.scan(
    SIDE_EFFECT_SPECIFIC,
    (m, i, start, end) => {
      const s = doc.sentence(i);
      const before = doc.text.slice(Math.max(s.start, start - 60), start);
      const after = doc.text.slice(end, Math.min(s.end, end + 60));
      if (!CAUSE_BEFORE.test(before) && !CAUSE_AFTER.test(after)) return;
      const drug = nearestDrug(doc, i, start, end);
      doc.emit('side-effects', i, start, end, {
        value: m[0].toLowerCase(),
        ...(drug !== undefined ? { qualifier: drug } : {}),
      });
    },
    SIDE_EFFECT_SPECIFIC_GATE,
  );
  doc.scan(
    TOLERATED,
    (_m, i, start, end) => {
      doc.emit('side-effects', i, start, end, {
        value: 'unspecified',
        qualifier: 'tolerated',
        negated: !doc.assertion(i, start, end).negated,
      });
    },
    TOLERATED_GATE,
  );
}

function nearestDrug(doc: ClinicalDoc, i: number, start: number, end: number): string | undefined {
  const m = doc.nearest(i, 'modalities', start, end);
  return m !== undefined && !MODALITY_VALUES.has(m.value) ? m.value : undefined;
}

const MODALITY_VALUES = new Set(MODALITIES.map(([, v]) => v));
/** Modalities that also name everyday things ("rest", "ice"): prior treatment only in a treatment sentence. */
const WEAK = new Set([
  'rest',
  'ice/heat',
  'stretching',
  'bracing',
  'assistive device',
  'activity modification',
  'medications',
  'conservative treatment',
  'traction',
]);
const NOT_PRIOR = new Set(['surgery', 'home exercise']);
const TREATMENT_CUE =
  /\b(?:treat\w*|therap\w*|included?|includes|including|tried|trials?|utiliz\w*|underwent|received|prescribed|used|using|use of|managed|history|modalities|status post|s\/p)\b/i;

const PRE_COUNT = new RegExp(
  `(?:^|[\\s(])(?:(at least|approximately|about|over|more than|a total of|total of)\\s+)?(\\d{1,2}|${NUMBER_WORD_RE})(?:\\s*\\(\\d{1,2}\\))?\\s+(?:(?:out\\s+)?of\\s+(?:the\\s+)?(?:\\d{1,2}|${NUMBER_WORD_RE})\\s+(?:(?:authorized|approved|prescribed|scheduled|certified)\\s+)?)?(?:(?:prior|previous|completed|authorized|approved|additional|total|initial|more|sessions?\\s+of|visits?\\s+of|treatments?\\s+of)\\s+){0,3}(?:(?:the|prior|previous)\\s+)?$`,
  'i',
);
const POST_COUNT = new RegExp(
  `^\\s*\\(?\\s*(?:sessions?\\s+|visits?\\s+|treatments?\\s+)?(?:(?:x|×)\\s*(\\d{1,2})\\b|(?:for\\s+|of\\s+)?(\\d{1,2}|${NUMBER_WORD_RE})\\s+(?:sessions?|visits?|treatments?)\\b)(?!\\s*(?:a|per|each)\\s+week)`,
  'i',
);
const AGO =
  /\b(?:(?:\d+|a|an|one|two|three|four|five|six|several|many|a few) (?:years?|months?|weeks?) ago|over a year ago|last year|last month|in the past)\b/i;

export function detectPriorTreatments(doc: ClinicalDoc): void {
  for (let i = 0; i < doc.sentences.length; i++) {
    if (doc.context(i) !== 'record') continue;
    const mentions = doc.modalities(i);
    if (mentions.length === 0) continue;
    const sentenceText = doc.sentence(i).text;
    const cue = TREATMENT_CUE.test(sentenceText);
    for (const m of mentions) {
      if (!MODALITY_VALUES.has(m.value) || NOT_PRIOR.has(m.value)) continue;
      if (WEAK.has(m.value) && !cue) continue;
      if (doc.planned(i, m.start, m.end)) continue;
      const [a, b] = doc.segment(i, m.start, m.end);
      const before = doc.text.slice(Math.max(a, m.start - 70), m.start);
      const after = doc.text.slice(m.end, Math.min(b, m.end + 40));
      const pre = PRE_COUNT.exec(before);
      const post = pre === null ? POST_COUNT.exec(after) : null;
      const countText = pre?.[2] ?? post?.[1] ?? post?.[2];
      const count = countText === undefined ? undefined : numberOf(countText);
      const seg = doc.text.slice(a, b);
      const notes: string[] = [];
      if (pre?.[1] !== undefined) notes.push(pre[1].toLowerCase());
      if (/\b(?:approved|authorized|certified)\b/i.test(seg)) notes.push('authorized');
      const ago = AGO.exec(seg);
      if (ago !== null) notes.push(ago[0]);
      const date = firstDate(doc.text.slice(m.end, b));
      if (
        m.value === 'medications' &&
        /\b(?:consistent|inconsistent|screens?|agreements?|contracts?|misuse|abuse|allerg\w*)\b/i.test(seg)
      )
        continue;
      const bodyPart = doc.bodyPartAttached(i, m.start, m.end);
      doc.emit('prior-treatment', i, m.start, m.end, {
        value: m.value,
        negated: deniedHere(doc, i, m.start),
        ...(count !== undefined && count > 0 && count < 100 ? { count } : {}),
        ...(notes.length > 0 ? { qualifier: notes.join('; ') } : {}),
        ...(date !== undefined ? { date: date.iso } : {}),
        ...(bodyPart !== undefined ? { bodyPart } : {}),
      });
    }
  }
}

const FAILURE =
  /\b(?:no (?:\w+ )?(?:benefit|relief|improvement|help|response)|(?:without|minimal(?: to no)?|little(?: to no)?|limited|not (?:any|much)|not) (?:\w+ )?(?:benefit|relief|improvement)|did not (?:help|improve|work|provide (?:\w+ )?(?:relief|benefit))|(?:not |in)effective|unhelpful|not (?:been )?helpful|(?:tried and )?failed(?! to\b)|(?<!(?:heart|renal|kidney|liver|respiratory|organ) )fail(?:ure|ing|s)(?! to\b)(?: of)?|unsuccessful|no response|not respond(?:ed|ing)?|not (?:been )?improv(?:ed|ing)|(?:has |have )?worsened|made (?:\w+ )?worse|not getting (?:any )?better|minimal to no improvement)\b/gi;
const BENEFIT =
  /\b(?:(?:with |some |good |significant |great |moderate |excellent |substantial |partial |temporary |transient |mild |minimal |noted )?(?:benefit(?:s|ed|ting)?|relief|(?<!maximal |maximum |medical )improvement)(?: (?:from|with|after|following))?|help(?:s|ed|ful)|(?:somewhat |very |quite )?effective|responded (?:well )?to|improv(?:e|ed|es|ing) (?:with|after|following)|better (?:[\w-]+ ){0,4}?(?:with|after|following)|made (?:\w+ )?better|(?:allow|allows|allowed|enable|enables|enabled|permits?|permitted) (?:him|her|them|the patient|the injured worker|the applicant) to|(?:reduce|reduces|reduced|decrease[sd]?|lessen(?:s|ed)?|alleviate[sd]?|relieve[sd]?) (?:the |his |her |their )?(?:pain|symptoms))\b/gi;
const TEMPORARY =
  /\b(?:transient|temporar\w*|short[- ]term|brief(?:ly)?|for (?:a few|several|\d+) (?:days|hours|weeks)|wore off|has (?:now )?returned)\b/i;

interface Attached {
  readonly value: string;
}

const DETERMINERS =
  /^\s*(?:(?:the|a|an|his|her|their|all|any|prior|previous|adequate|initial|first[- ]line|trial of|course of|of|other)\s+){0,3}$/i;
const LIST_GAP = /^[\s,]*(?:(?:and|or|&|as well as)\s+)?(?:the\s+|his\s+|her\s+)?$/i;
/** Statements short enough to refer back to the treatment named in the sentence before ("It did not help."). */
const ANAPHORIC =
  /^(?:no (?:\w+ )?(?:benefit|relief|improvement|help)|minimal(?: to no)? improvement|little(?: to no)? (?:benefit|relief|improvement)|did not help|not helpful|help(?:s|ed|ful)|(?:with |some |good |significant )?(?:benefit|relief|improvement))$/i;

/** The modalities a benefit or failure statement refers to. */
function modalitiesFor(
  doc: ClinicalDoc,
  i: number,
  start: number,
  end: number,
  phrase: string,
  failure: boolean,
): Attached[] {
  const all = doc.modalities(i);
  const t = doc.text;
  // "improves with ice, rest, NSAIDs", "relief from the injection"
  const following: Attached[] = [];
  let cursor = end;
  let first = true;
  for (const m of all) {
    if (m.start < end) continue;
    const gap = t.slice(cursor, m.start);
    const ok = first
      ? m.start - end <= 40 &&
        ((/(?:with|from|after|following|of|by|to|fail\w*)\s*$/i.test(phrase) && DETERMINERS.test(gap)) ||
          /^\s*(?:[\w-]+\s+){0,2}?(?:with|from|after|following|of|by|to)\s+(?:the\s+|his\s+|her\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$/i.test(
            gap,
          ))
      : LIST_GAP.test(gap);
    if (!ok) break;
    following.push(m);
    cursor = m.end;
    first = false;
    if (following.length >= 4) break;
  }
  if (following.length > 0) return following;
  const [a] = doc.segment(i, start, end);
  const preceding = all.filter((m) => m.end <= start && m.start >= a);
  const last = preceding[preceding.length - 1];
  if (last !== undefined) return [last];
  const overlapping = all.find((m) => m.start < end && start < m.end);
  if (overlapping !== undefined) return [overlapping];
  const near = all.filter((m) => m.end <= start && start - m.end <= 80);
  const lastNear = near[near.length - 1];
  if (lastNear !== undefined) return [lastNear];
  if (ANAPHORIC.test(phrase.trim()) && all.length === 0 && i > 0) {
    const prev = doc.modalities(i - 1);
    const lastPrev = prev[prev.length - 1];
    if (lastPrev !== undefined) return [lastPrev];
  }
  return failure && ANAPHORIC.test(phrase.trim())
    ? [{ value: 'unspecified' }]
    : failure && /fail/i.test(phrase)
      ? [{ value: 'unspecified' }]
      : [];
}

/** Substrings one of which every match of FAILURE / BENEFIT contains (see ClinicalDoc.scan). */
const FAILURE_GATE = [
  'no ',
  'benefit',
  'relief',
  'improv',
  'did not',
  'effective',
  'helpful',
  'fail',
  'unsuccessful',
  'respond',
  'worse',
  'better',
];
const BENEFIT_GATE = [
  'allow',
  'enabl',
  'permit',
  'benefit',
  'relief',
  'improv',
  'help',
  'effective',
  'respond',
  'better',
  'reduc',
  'decreas',
  'lessen',
  'alleviat',
  'reliev',
];

export function detectBenefitAndFailure(doc: ClinicalDoc): void {
  const failures: { start: number; end: number }[] = [];
  doc.scan(
    FAILURE,
    (m, i, start, end) => {
      failures.push({ start, end });
      for (const mod of modalitiesFor(doc, i, start, end, m[0], true)) {
        doc.emit('treatment-failure', i, start, end, { value: mod.value });
      }
    },
    FAILURE_GATE,
  );
  doc.scan(
    BENEFIT,
    (m, i, start, end) => {
      if (failures.some((f) => f.start < end && start < f.end)) return;
      const temporary = doc.sentenceHas(TEMPORARY, i);
      const partial = /\b(?:some|partial|mild|minimal|somewhat|slight)\b/i.test(m[0]);
      for (const mod of modalitiesFor(doc, i, start, end, m[0], false)) {
        doc.emit('treatment-benefit', i, start, end, {
          value: mod.value,
          ...(temporary ? { qualifier: 'temporary' } : partial ? { qualifier: 'partial' } : {}),
        });
      }
    },
    BENEFIT_GATE,
  );
}

const PROCEDURE = alternation(
  PROCEDURES.map(([pat, v]) =>
    v === 'release' ? ["(?:trigger finger|de ?quervain'?s?|tendon|A1 pulley|lateral|tunnel) release", v] : [pat, v],
  ),
);
const NOT_A_PROCEDURE =
  /^\s*(?:evaluation|consult\w*|surgeon|referral|clearance|candidate|specialist|history|indications?|options?|center)\b/i;
const HISTORY_CUE =
  /\b(?:included?|includes|including|treatment to date|treated with|status post|s\/p|underwent|had (?:a |an |his |her |two |multiple )?|history of|prior|previous(?:ly)?|past|post-?op(?:erative)?(?:ly)?|following|after|performed|in \d{4}|\d+ (?:years?|months?) ago|was done|were done|went)\b/i;
const STRONG_HISTORY = /\b(?:status post|s\/p|underwent|history of|prior|previous(?:ly)?|in \d{4}|ago)\b/i;
const SURGERY_PLAN =
  /\b(?:plan\w*|recommend\w*|request\w*|scheduled|candidate|consider\w*|will|would|need(?:s|ed)?|pending|propos\w+|authoriz\w+|awaiting|to undergo|to be performed|evaluat\w* for|contemplat\w*|willing\w*)\b/i;

/** Substrings one of which every match of PROCEDURE.re contains (see ClinicalDoc.scan). */
const PROCEDURE_GATE = [
  'surg',
  'ectomy',
  'otomy',
  'plasty',
  'fusion',
  'arthrodesis',
  'acdf',
  'lif',
  'repair',
  'release',
  'arthroscop',
  'decompression',
  'orif',
  'fixation',
  'hardware',
  'herni',
  'reconstruction',
  'tka',
  'tkr',
  'tha',
  'thr',
  'replacement',
  'tenodesis',
  'debridement',
  'stimulator',
  'scs',
  'stent',
  'angioplasty',
  'bypass',
  'cabg',
  'amputation',
  'operation',
  'ctr',
  'transposition',
];

const DENIED_AFTER =
  /^\s*(?:is|was|are|were|has|have|had)\s+not\s+(?:been\s+|being\s+)?(?:planned|recommended|indicated|scheduled|considered|requested|authorized|an option)\b/i;

export function detectSurgery(doc: ClinicalDoc): void {
  doc.scan(
    PROCEDURE.re,
    (m, i, start, end) => {
      const value = matchedValue(PROCEDURE, m);
      if (value === undefined) return;
      const s = doc.sentence(i);
      if (NOT_A_PROCEDURE.test(doc.text.slice(end, Math.min(s.end, end + 20)))) return;
      const [a, b] = doc.segment(i, start, end);
      const seg = doc.text.slice(a, b);
      const ctx = doc.context(i);
      const planned =
        ctx === 'record'
          ? SURGERY_PLAN.test(seg) && !STRONG_HISTORY.test(seg)
          : !STRONG_HISTORY.test(seg) || SURGERY_PLAN.test(seg);
      if (!planned && ctx === 'record' && value === 'surgery' && !doc.sentenceHas(HISTORY_CUE, i)) return;
      const date = planned ? undefined : firstDate(doc.text.slice(end, Math.min(s.end, end + 45)));
      const bodyPart = doc.bodyPartAttached(i, start, end) ?? doc.bodyPartNear(i, start, end, false);
      const side = doc.sideNear(i, start, end);
      // "Surgery is not planned": a denial after the term, which forward negation triggers miss.
      const deniedAfter = planned && DENIED_AFTER.test(doc.text.slice(end, Math.min(s.end, end + 40)));
      doc.emit(planned ? 'surgery-planned' : 'surgery-history', i, start, end, {
        ...(deniedAfter ? { negated: true } : {}),
        value,
        ...(date !== undefined ? { date: date.iso } : {}),
        ...(bodyPart !== undefined ? { bodyPart } : {}),
        ...(side !== undefined ? { side } : {}),
      });
    },
    PROCEDURE_GATE,
  );
}

const HOME_EXERCISE =
  /\b(?:home exercises?(?: programs?)?|HEP|home (?:stretching|strengthening)(?: programs?| exercises)?|self[- ]directed (?:home )?(?:exercises?|programs?)|independent (?:home )?exercises?(?: programs?)?|home[- ]based (?:exercises?|programs?))\b/g;

/** HOME_EXERCISE in any case. */
const HOME_EXERCISE_ANY_CASE = new RegExp(HOME_EXERCISE.source, 'gi');
/** Substrings one of which every match of HOME_EXERCISE contains (see ClinicalDoc.scan). */
const HOME_EXERCISE_GATE = ['home', 'hep', 'self', 'independent'];

export function detectHomeExercise(doc: ClinicalDoc): void {
  doc.scan(
    HOME_EXERCISE_ANY_CASE,
    (_m, i, start, end) => {
      const ctx = doc.context(i);
      const recommended = ctx === 'plan' || doc.planned(i, start, end);
      doc.emit('home-exercise', i, start, end, { qualifier: recommended ? 'recommended' : 'performed' });
    },
    HOME_EXERCISE_GATE,
  );
}
