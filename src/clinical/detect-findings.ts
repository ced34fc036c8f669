import { firstDate } from './dates.js';
import type { ClinicalDoc } from './document.js';
import { alternation, type Entry, matchedValue } from './lexicon.js';

/** Imaging and electrodiagnostic results, red flags, diagnoses. */

const IMAGING: readonly Entry[] = [
  ['MR arthrogram|MRI arthrogram|arthrogram', 'arthrogram'],
  ['MRIs?|MRI scans?|magnetic resonance imaging|magnetic resonance|MR imaging', 'mri'],
  ['CT(?: scans?)?|CAT scans?|computed tomography|computerized tomography|computerized axial tomography', 'ct'],
  ['x-?rays?|x rays?|radiographs?|radiographic (?:imaging|studies|evaluation)|plain films?|films', 'x-ray'],
  ['ultrasounds?|sonograms?|ultrasonography|diagnostic ultrasound', 'ultrasound'],
  ['bone scans?|bone scintigraphy', 'bone scan'],
  ['myelograms?|CT myelogram', 'myelogram'],
  ['discograms?|discography', 'discogram'],
  ['diagnostic imaging|imaging studies|imaging', 'imaging'],
];
const ELECTRODIAGNOSTIC: readonly Entry[] = [
  ['EMG\\s*(?:\\/|and|&)\\s*NC[VS]s?|NC[VS]\\s*(?:\\/|and|&)\\s*EMG', 'emg/ncs'],
  [
    'electrodiagnostic (?:studies|study|testing|tests?|evaluation)|electrodiagnostics|electrophysiologic(?:al)? (?:studies|testing)',
    'electrodiagnostic',
  ],
  ['EMGs?|electromyograms?|electromyography', 'emg'],
  [
    'NC[VS]s?|nerve conduction (?:velocity |velocities )?(?:studies|study|tests?|testing)?|nerve conduction velocities',
    'ncs',
  ],
];

const IMG = alternation(IMAGING);
/** A sentence saying a study was done, for the bare word "imaging". */
const DONE_WORDS = /\b(?:included|includes|underwent|had|performed)\b/i;
const EDX = alternation(ELECTRODIAGNOSTIC);

const RESULT_VERB =
  /\b(?:(?:was |were )?noted to (?:reveal|show|demonstrate|be)(?: for)?|revealed|reveals|revealing(?: for)?|showed|shows|show|showing|demonstrated|demonstrates|demonstrating|documented|documents|notable for|significant for|consistent with|positive for|negative for|indicated|indicates|found|confirmed|remarkable for|with findings of|impression|noted)\b|\b(?:was|were|is|are)\s+(?:noted to be\s+|reported as\s+|read as\s+|interpreted as\s+)?(?=(?:normal|unremarkable|negative|positive|abnormal|significant|notable|remarkable|consistent|within|without|essentially|mild|moderate|severe|no)\b)/i;
const NORMAL_WORDS =
  /^(?:normal|unremarkable|negative|no\b|without\b|within normal limits|wnl|intact|stable|not (?:show|reveal|demonstrate)|noncontributory|benign)/i;
const NORMAL_ANYWHERE =
  /\b(?:normal|unremarkable|negative|no (?:acute |significant |evidence|abnormalit|fracture|bony))/i;
const RESULT_PLAN =
  /\b(?:ordered|requested|recommended|to rule out|rule out|to evaluate|to assess|planned|pending|scheduled|authorization|denied|non-?certified|approved|was not|were not|not (?:done|performed|available|provided|included))\b/i;

/**
 * `text` without a leading run of `lead` characters and a trailing run of `trail` ones. A loop, not
 * `replace(/^[…]+|[…]+$/)`: an end-anchored run is rescanned from each of its characters, quadratic in
 * the run's length (a summary with a long run of ". . . ." took seconds).
 */
function trimRuns(text: string, lead: RegExp, trail: RegExp): string {
  let a = 0;
  let b = text.length;
  while (a < b && lead.test(text[a] ?? '')) a++;
  while (b > a && trail.test(text[b - 1] ?? '')) b--;
  return a === 0 && b === text.length ? text : text.slice(a, b);
}

function resultText(
  doc: ClinicalDoc,
  i: number,
  from: number,
  stopAt: number,
): { text: string; start: number } | undefined {
  const s = doc.sentence(i);
  const after = doc.text.slice(from, stopAt);
  const verb = RESULT_VERB.exec(after);
  if (verb === null || verb.index > 90) return undefined;
  const begin = from + verb.index + verb[0].length;
  let text = trimRuns(doc.text.slice(begin, Math.min(stopAt, s.end)).trim(), /[:"“\s]/, /["”.\s]/);
  if (text.length === 0 && /normal|negative|unremarkable/i.test(verb[0])) text = verb[0].trim();
  if (text.length > 240) text = `${text.slice(0, 237)}…`;
  return text.length > 0 ? { text, start: begin } : undefined;
}

/** A finding list is normal when every part of it is stated as normal or absent. */
function isNormalResult(text: string): boolean {
  const parts = text
    .split(/[;,]|\band\b(?=\s+(?:no|normal|without|negative|unremarkable)\b)|\bwith\b/i)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return false;
  return parts.every(
    (p) => NORMAL_WORDS.test(p) || (/^(?:or|and)\b/i.test(p) && parts.length > 1) || /^(?:of|in|at)\b/i.test(p),
  );
}

/** Each study alternation as a plain (not global) pattern, for the first mention in a piece of text. */
const FIRST_OF = new Map<typeof IMG, RegExp>();

function firstOf(alt: typeof IMG): RegExp {
  let re = FIRST_OF.get(alt);
  if (re === undefined) {
    re = new RegExp(alt.re.source, 'i');
    FIRST_OF.set(alt, re);
  }
  return re;
}

function detectStudies(
  doc: ClinicalDoc,
  alt: typeof IMG,
  kind: 'imaging-result' | 'electrodiagnostic-result',
  gate: readonly string[],
): void {
  const perSentence = new Set<string>();
  doc.scan(
    alt.re,
    (m, i, start, end) => {
      const value = matchedValue(alt, m);
      if (value === undefined) return;
      const s = doc.sentence(i);
      const ctx = doc.context(i);
      const key = `${i}|${value}`;
      if (perSentence.has(key)) return;
      // the next study mention bounds this one's result
      const rest = doc.text.slice(end, s.end);
      const next = firstOf(alt).exec(rest);
      const stopAt = next === null ? s.end : end + next.index;
      const [a, b] = doc.segment(i, start, end);
      const seg = doc.text.slice(a, b);
      if (ctx === 'review') return;
      const result = resultText(doc, i, end, stopAt);
      if (ctx !== 'record' && result === undefined) return;
      if (result === undefined && (RESULT_PLAN.test(seg) || doc.planned(i, start, end))) return;
      if (
        result !== undefined &&
        RESULT_PLAN.test(doc.text.slice(Math.max(s.start, start - 40), start)) &&
        ctx !== 'record'
      )
        return;
      if (value === 'imaging' && result === undefined && !doc.sentenceHas(DONE_WORDS, i)) return;
      const assertion = doc.assertion(i, start, end);
      if (result === undefined && assertion.negated) return; // "no prior MRI": not done, no result
      perSentence.add(key);
      const date = firstDate(doc.text.slice(Math.max(s.start, start - 30), result === undefined ? b : result.start));
      const bodyPart = doc.bodyPartAttached(i, start, end) ?? doc.bodyPartNear(i, start, end, false);
      const side = doc.sideNear(i, start, end);
      const normal =
        result !== undefined &&
        (isNormalResult(result.text) || (assertion.negated && !NORMAL_ANYWHERE.test(result.text)));
      doc.emit(kind, i, start, end, {
        value,
        ...(result !== undefined ? { qualifier: result.text } : {}),
        negated: normal,
        ...(date !== undefined ? { date: date.iso } : {}),
        ...(bodyPart !== undefined ? { bodyPart } : {}),
        ...(side !== undefined ? { side } : {}),
      });
    },
    gate,
  );
}

export function detectImaging(doc: ClinicalDoc): void {
  detectStudies(doc, IMG, 'imaging-result', IMG_GATE);
}

/** Substrings one of which every match of IMG.re contains (see ClinicalDoc.scan). */
const IMG_GATE = [
  'mri',
  'magnetic',
  'mr ',
  'ct',
  'cat scan',
  'tomograph',
  'x-ray',
  'x ray',
  'xray',
  'radiograph',
  'film',
  'ultraso',
  'sonogra',
  'bone sc',
  'myelogra',
  'discogra',
  'arthrogra',
  'imaging',
];

export function detectElectrodiagnostics(doc: ClinicalDoc): void {
  detectStudies(doc, EDX, 'electrodiagnostic-result', EDX_GATE);
}

/** Substrings one of which every match of EDX.re contains (see ClinicalDoc.scan). */
const EDX_GATE = ['emg', 'nc', 'electrodiagnostic', 'electromyo', 'electrophysiolog', 'nerve conduction'];

const RED_FLAGS: readonly Entry[] = [
  ['cauda equina(?: syndrome)?|saddle an(?:a)?esthesia', 'cauda-equina'],
  [
    '(?:bowel|bladder)(?: (?:or|and|\\/) (?:bowel|bladder))? (?:incontinence|dysfunction|retention|changes?|problems?|symptoms?|complaints?|control)|(?:urinary |fecal |faecal )?incontinence|urinary retention',
    'bowel-bladder',
  ],
  [
    'progressive (?:neurologic(?:al)? )?(?:deficits?|weakness|numbness)|worsening (?:neurologic\\w* )?deficits?',
    'progressive-deficit',
  ],
  ['foot drop|drop foot', 'foot-drop'],
  ['(?:compression |stress |pathologic(?:al)? )?fractures?|fx', 'fracture'],
  ['tumou?rs?|malignan\\w+|cancer|neoplasm\\w*|metasta\\w+|mass lesion', 'tumor'],
  ['infections?|osteomyelitis|abscess|discitis|septic|fevers?', 'infection'],
  ['myelopathy', 'myelopathy'],
  ['dislocations?|dislocated', 'dislocation'],
  [
    'intracranial (?:bleed\\w*|hemorrhage|haemorrhage|hematoma)|subdural hematoma|epidural hematoma',
    'intracranial-bleed',
  ],
  ['loss of consciousness|LOC', 'loss-of-consciousness'],
  ['unexplained weight loss|night sweats', 'constitutional'],
  ['compartment syndrome|vascular compromise|neurovascular compromise', 'vascular'],
  ['red flags?(?: conditions?| signs?| symptoms?| findings?)?', 'red-flag'],
];
const RED = alternation(RED_FLAGS);

/** Substrings one of which every match of RED.re contains (see ClinicalDoc.scan). */
const RED_GATE = [
  'cauda',
  'saddle',
  'bowel',
  'bladder',
  'incontinen',
  'retention',
  'progressive',
  'worsening',
  'drop',
  'fract',
  'fx',
  'tumo',
  'malign',
  'cancer',
  'neoplas',
  'metasta',
  'mass',
  'infect',
  'osteomy',
  'absces',
  'discitis',
  'septic',
  'fever',
  'myelopath',
  'disloc',
  'intracran',
  'hematoma',
  'consciousness',
  'loc',
  'weight loss',
  'sweats',
  'compartment',
  'compromise',
  'red flag',
];

export function detectRedFlags(doc: ClinicalDoc): void {
  doc.scan(
    RED.re,
    (m, i, start, end) => {
      const value = matchedValue(RED, m);
      if (value === undefined) return;
      if (value === 'fracture' && /^\s*(?:clinic|care)/i.test(doc.text.slice(end, end + 10))) return;
      const bodyPart = doc.bodyPartNear(i, start, end);
      doc.emit('red-flag', i, start, end, { value, ...(bodyPart !== undefined ? { bodyPart } : {}) });
    },
    RED_GATE,
  );
}

/** Canonical diagnoses found anywhere; list items keep their own wording and carry the key as qualifier. */
const DIAGNOSES: readonly Entry[] = [
  ['radiculopath(?:y|ies)|radiculitis|radicular syndrome', 'radiculopathy'],
  [
    'herniated (?:nucleus pulposus|dis[ck]s?)|dis[ck] herniations?|HNP|(?:dis[ck] )?(?:protrusions?|extrusions?)|dis[ck] displacement|bulging dis[ck]s?|dis[ck] bulges?',
    'disc herniation',
  ],
  ['(?:spinal |foraminal |central |canal |lumbar |cervical )?stenosis', 'spinal stenosis'],
  [
    'degenerative dis[ck] disease|DDD|spondylosis|dis[ck] degeneration|degenerative dis[ck] changes',
    'degenerative disc disease',
  ],
  ['spondylolisthesis', 'spondylolisthesis'],
  ['facet (?:joint )?(?:arthropathy|syndrome|hypertrophy|degeneration|arthrosis|pain)', 'facet arthropathy'],
  ['carpal tunnel syndrome|CTS', 'carpal tunnel syndrome'],
  ['cubital tunnel syndrome', 'cubital tunnel syndrome'],
  ['impingement syndrome|shoulder impingement', 'shoulder impingement'],
  ['rotator cuff (?:tear|tendinopathy|tendinitis|tendinosis|syndrome|strain)', 'rotator cuff disorder'],
  ['labral tear|torn (?:glenoid )?labrum|SLAP (?:tear|lesion)', 'labral tear'],
  ['men(?:i)?scus tears?|meniscal tears?|tear of (?:the )?(?:\\w+ )*meniscus', 'meniscal tear'],
  ['(?:anterior cruciate|ACL|medial collateral|MCL|collateral) (?:ligament )?(?:tear|rupture|sprain)', 'ligament tear'],
  ['(?:lateral |medial )?epicondylitis', 'epicondylitis'],
  ['tenosynovitis|tendinitis|tendonitis|tendinopathy|tendinosis', 'tendinopathy'],
  ['bursitis', 'bursitis'],
  ['osteoarthritis|osteoarthrosis|degenerative joint disease|DJD|arthritis|chondromalacia', 'osteoarthritis'],
  ['(?:complex regional pain syndrome|CRPS|reflex sympathetic dystrophy|RSD)', 'crps'],
  ['fibromyalgia|myofascial pain(?: syndrome)?', 'myofascial pain'],
  ['(?:peripheral |diabetic )?neuropath(?:y|ies)|neuralgia|neuritis', 'neuropathy'],
  ['sciatica', 'sciatica'],
  ['(?:post-?)?concussion(?: syndrome)?', 'concussion'],
  ['migraines?|headaches?|cephalgia', 'headache'],
  ['sprains?|strains?', 'sprain/strain'],
  ['contusions?', 'contusion'],
  ['(?:major )?depressi(?:ve|on) disorder|major depression', 'depressive disorder'],
  ['(?:generalized )?anxiety disorder', 'anxiety disorder'],
  ['PTSD|post-?traumatic stress disorder', 'ptsd'],
  ['adjustment disorder', 'adjustment disorder'],
  ['insomnia', 'insomnia'],
  ['chronic pain syndrome', 'chronic pain syndrome'],
  ['(?:umbilical |inguinal |ventral |incisional )?hernia', 'hernia'],
  ['fractures?', 'fracture'],
];
const DX = alternation(DIAGNOSES);

const LIST_LEAD =
  /\b(?:diagnos(?:is|es)\s*(?:(?:that|which)\s+)?(?:(?:has|have)\s+)?(?:(?:is|are|was|were)\s+)?(?:(?:documented|noted|listed|given)(?:\s+as)?\s+|include[sd]?|including|are|is|was|were|of|as|consist(?:s|ed)? of)?\s*:?|diagnosed (?:as having|with|as)|(?:being |currently |was |is )?(?:treated|undergoing treatment|under treatment|in treatment) for(?: the diagnos[ie]s of)?|filed a claim for|diagnosis of|dx:?)\s*(?:having\s+)?/gi;
/**
 * The longest diagnosis list read after a lead-in (the dev corpus's longest is under 400 characters). Each
 * lead-in reads the list after it, so without a bound a long sentence of lead-ins ("Diagnoses: …, Diagnoses:
 * …") was read again from each one: quadratic.
 */
const MAX_LIST = 1000;
const LIST_STOP =
  /,?\s+(?:reportedly|who|which|that|with an industrial|sustained|on \d|dated|per\b|and (?:has|had|was|is|were|presented|complained|reported)|since\b|as of\b|subsequent to|following\b|secondary to|after\b|in a\b)|[.;](?=\s|$)/i;
const DX_WORD =
  /\b(?:pain|injury|injuries|syndrome|disorder|disease|strain|sprain|tear|fracture|\w*itis|\w*osis|\w*opathy|\w*algia|contusion|dysfunction|hernia|lesion|derangement|instability|deformity|stiffness|dysplasia|laceration|paresthesias?|numbness|concussion|displacement|arthr\w+|stenosis|protrusion|herniation|spasms?|impingement|radiculopathy|sciatica|lumbago|cervicalgia|depression|anxiety|insomnia|stress|hypertension|dyslipidemia|hyperlipidemia|diabetes|erectile|obesity|status post|s\/p|subluxation|dislocation|wound|burn|bursitis|neuropathy|migraine|headache|trauma|ulcer|syncope|tachycardia|arrhythmia|infection|vertigo|dizziness|asthma|tinnitus|abrasion|contracture|amputation|hematoma|effusion|cyst|mass|neuroma|ganglion|cellulitis|edema|palpitations|dyspepsia|gastritis|reflux|fibromyalgia|myalgia|neuritis|neuralgia|lesion|deficit|weakness|instability|laxity|tightness)\b/i;

function normalizeDx(s: string): string {
  let v = trimRuns(s.replace(/^\s*(?:\d{1,2}[.)]\s*)/, ''), /["“\s]/, /["”\s.]/)
    .replace(/^(?:the|a|an|of|as|having)\s+/i, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  // an unclosed parenthesis ("chronic low back pain (lbp") is dropped with what follows it
  const open = v.lastIndexOf('(');
  if (open !== -1 && v.indexOf(')', open) === -1) v = v.slice(0, open).trim();
  return v.slice(0, 140);
}

interface Item {
  readonly start: number;
  readonly end: number;
}

/** Splits a diagnosis list at semicolons, else commas, and at "and" between two diagnoses. */
function splitItems(text: string, offset: number): Item[] {
  const parts: Item[] = [];
  const sep = text.includes(';') ? /;/g : /,\s*(?:and\s+)?/g;
  let last = 0;
  for (const m of text.matchAll(sep)) {
    parts.push({ start: last, end: m.index });
    last = m.index + m[0].length;
  }
  parts.push({ start: last, end: text.length });
  const out: Item[] = [];
  for (const part of parts) {
    const piece = text.slice(part.start, part.end);
    const ands = [...piece.matchAll(AND)];
    // What the left side (from `from` to the current "and") holds, kept up to date as it grows: testing
    // the whole left side at every "and" was quadratic in a long list. A diagnosis word never spans an
    // "and", and the left side ends in a non-space (the "and" match takes all the space before it), so
    // its ending is read from its last few characters.
    let from = 0;
    let leftDx = false;
    let leftBlank = true;
    let chunkStart = 0;
    let chunkDx = ands.length > 0 && DX_WORD.test(piece.slice(0, ands[0]?.index));
    for (let k = 0; k < ands.length; k++) {
      const m = ands[k] as RegExpExecArray;
      const after = m.index + m[0].length;
      leftDx ||= chunkDx;
      leftBlank &&= piece.slice(chunkStart, m.index).trim() === '';
      const next = ands[k + 1];
      const rightDx = DX_WORD.test(piece.slice(after, next === undefined ? piece.length : next.index));
      const tail = piece.slice(Math.max(from, m.index - TAIL), m.index);
      const adjective = !leftDx && ADJECTIVE_END.test(tail);
      if (!leftBlank && rightDx && !adjective && !OPEN_END.test(tail)) {
        out.push({ start: offset + part.start + from, end: offset + part.start + m.index });
        from = after;
        leftDx = false;
        leftBlank = true;
      } else {
        leftBlank = false; // the "and" itself is now part of the left side
      }
      chunkStart = after;
      chunkDx = rightDx;
    }
    out.push({ start: offset + part.start + from, end: offset + part.end });
  }
  return out;
}

const AND = /\s+and\s+/g;
const ADJECTIVE_END = /(?:-based|ed|al|ic|ive|ior|ous|ar|ary)\s*$/i;
const OPEN_END = /\b(?:of|in|at|to|with|the)\s*$/i;
/** Characters enough to read either ending above, with the one before a word for its boundary. */
const TAIL = 6;

/** Joins fragments without a diagnosis word to a neighbour ("contusion of face, scalp and neck", "lumbar, hip, and neck strain"). */
function mergeFragments(text: string, items: readonly Item[]): Item[] {
  const merged: Item[] = [];
  let pending: Item | undefined;
  for (const it of items) {
    const has = DX_WORD.test(text.slice(it.start, it.end));
    const prev = merged[merged.length - 1];
    if (!has && prev !== undefined && pending === undefined)
      merged[merged.length - 1] = { start: prev.start, end: it.end };
    else if (!has) pending = { start: pending?.start ?? it.start, end: it.end };
    else if (pending !== undefined) {
      merged.push({ start: pending.start, end: it.end });
      pending = undefined;
    } else merged.push(it);
  }
  if (pending !== undefined) merged.push(pending);
  return merged;
}

/** Substrings one of which every match of DX contains (see ClinicalDoc.scan). */
const DX_GATE = [
  'radicul',
  'herniat',
  'hnp',
  'protrusion',
  'extrusion',
  'displacement',
  'bulg',
  'stenosis',
  'degenerat',
  'ddd',
  'spondyl',
  'facet',
  'carpal',
  'cts',
  'cubital',
  'impingement',
  'rotator',
  'labr',
  'slap',
  'menisc',
  'menscus',
  'cruciate',
  'acl',
  'collateral',
  'mcl',
  'epicondyl',
  'tendin',
  'tendon',
  'synovitis',
  'bursitis',
  'arthritis',
  'arthrosis',
  'djd',
  'chondromalacia',
  'crps',
  'regional pain',
  'rsd',
  'sympathetic',
  'fibromyalgia',
  'myofascial',
  'neuropath',
  'neuralgia',
  'neuritis',
  'sciatica',
  'concussion',
  'migraine',
  'headache',
  'cephalgia',
  'sprain',
  'strain',
  'contusion',
  'depressi',
  'adjustment',
  'anxiety disorder',
  'ptsd',
  'traumatic stress',
  'insomnia',
  'chronic pain syndrome',
  'hernia',
  'fracture',
];

/**
 * Whether a span lies inside one of `items`: items sorted by start with the furthest end so far, so that a
 * lookup is a bisection (a long record has many items and many diagnosis words).
 */
function coverage(items: readonly Item[]): (start: number, end: number) => boolean {
  const sorted = [...items].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  let furthest = Number.NEGATIVE_INFINITY;
  for (const it of sorted) {
    furthest = Math.max(furthest, it.end);
    reach.push(furthest);
  }
  return (start, end) => {
    // the items starting at or before `start`
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as Item).start > start) hi = mid;
      else lo = mid + 1;
    }
    return lo > 0 && (reach[lo - 1] as number) >= end;
  };
}

/** Substrings one of which every match of LIST_LEAD contains (see ClinicalDoc.scan). */
const LIST_LEAD_GATE = ['diagnos', 'dx', 'treat', 'claim for'];

export function detectDiagnoses(doc: ClinicalDoc): void {
  const covered: Item[] = [];
  // Lists read from nearby lead-ins share items; an item read again would give the same fact, dropped by emit.
  const read = new Set<number>();
  const emitItem = (i: number, start: number, end: number): void => {
    let a = start;
    let b = end;
    while (a < b && /[\s,:"“(]/.test(doc.text[a] ?? '')) a++;
    while (b > a && /[\s,.;"”]/.test(doc.text[b - 1] ?? '')) b--;
    const span = a * (doc.text.length + 1) + b;
    if (read.has(span)) return;
    read.add(span);
    const raw = doc.text.slice(a, b);
    const value = normalizeDx(raw);
    if (value.length < 3 || !/[a-z]/.test(value)) return;
    DX.re.lastIndex = 0;
    const key = DX.re.exec(raw);
    const canonical = key === null ? undefined : matchedValue(DX, key);
    const side = doc.sideNear(i, a, b, false);
    const bodyPart = doc.bodyPartNear(i, a, b, false);
    covered.push({ start: a, end: b });
    doc.emit('diagnosis', i, a, b, {
      value,
      ...(canonical !== undefined ? { qualifier: canonical } : {}),
      ...(bodyPart !== undefined ? { bodyPart } : {}),
      ...(side !== undefined ? { side } : {}),
      evidence: [a, b],
    });
  };
  // numbered items under a diagnoses lead-in ("the diagnoses are: 1. … 2. …")
  for (let i = 0; i < doc.sentences.length; i++) {
    const s = doc.sentence(i);
    if (s.section === 'diagnoses' || s.section === 'assessment') {
      if (/^\s*(?:\d{1,2}[.)]|[-•*])\s*/.test(s.text)) emitItem(i, s.start, s.end);
      else if (!/:\s*$/.test(s.text) && s.text.length < 200)
        for (const it of mergeFragments(doc.text, splitItems(s.text, s.start))) emitItem(i, it.start, it.end);
    }
  }
  doc.scan(
    LIST_LEAD,
    (_m, i, _start, end) => {
      const s = doc.sentence(i);
      const rest = doc.text.slice(end, s.end);
      if (rest.trim().length === 0) return;
      // A stop is a few words long: looking a little past the longest list finds every stop that matters.
      const stop = LIST_STOP.exec(rest.slice(0, MAX_LIST + 40));
      const listEnd = end + Math.min(stop === null ? rest.length : stop.index, MAX_LIST);
      if (listEnd - end < 3) return;
      const merged = mergeFragments(doc.text, splitItems(doc.text.slice(end, listEnd), end));
      for (const it of merged) emitItem(i, it.start, it.end);
    },
    LIST_LEAD_GATE,
  );
  const isCovered = coverage(covered);
  doc.scan(
    DX.re,
    (m, i, start, end) => {
      if (isCovered(start, end)) return;
      const value = matchedValue(DX, m);
      if (
        value === undefined ||
        value === 'fracture' ||
        value === 'sprain/strain' ||
        value === 'headache' ||
        value === 'contusion'
      )
        return;
      if (/^\s*(?:test|testing|maneuver|sign)\b/i.test(doc.text.slice(end, end + 10))) return;
      const bodyPart = doc.bodyPartNear(i, start, end, false);
      const side = doc.sideNear(i, start, end, false);
      doc.emit('diagnosis', i, start, end, {
        value,
        qualifier: value,
        ...(bodyPart !== undefined ? { bodyPart } : {}),
        ...(side !== undefined ? { side } : {}),
      });
    },
    DX_GATE,
  );
}
