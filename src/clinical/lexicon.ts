/**
 * Vocabulary of the clinical reader: body parts, treatment modalities, drugs, procedures. Each table maps
 * a pattern (as written in records) to a normalized value; names follow the engine's request parser
 * ("lumbar spine", "physical therapy", "hydrocodone/acetaminophen"). Drug products come from the one
 * vocabulary (src/terminology: names → generic concept → class); the words for drug classes ("NSAIDs",
 * "muscle relaxants") and the body parts and modalities are still the reader's own tables.
 */

import { DRUG_CONCEPTS } from '../terminology/drugs.js';

export type Entry = readonly [pattern: string, value: string];

/**
 * Entries compiled into one case-insensitive pattern of whole words for scanning, plus one anchored pattern
 * per entry to tell which entry a match is (capture groups would slow every scan to find the rare match).
 */
export interface Alternation {
  readonly re: RegExp;
  readonly values: readonly string[];
  readonly tests: readonly RegExp[];
}

export function alternation(entries: readonly Entry[], flags = 'gi'): Alternation {
  const patterns = entries.map(([p]) => p);
  return {
    re: new RegExp(wordAlternation(patterns), flags),
    values: entries.map(([, v]) => v),
    tests: patterns.map((p) => new RegExp(`^(?:${p})$`, 'i')),
  };
}

/** Any of the patterns, as a whole word. */
function wordAlternation(patterns: readonly string[]): string {
  return `\\b(?:${patterns.map((p) => `(?:${p})`).join('|')})(?![\\w'’])`;
}

/** The value of the first entry whose pattern is the whole match. */
export function matchedValue(alt: Alternation, m: RegExpMatchArray): string | undefined {
  const i = entryOf(alt, m[0]);
  return i === -1 ? undefined : alt.values[i];
}

/** Matched texts already told apart, per alternation; cleared past this many (a record repeats its words). */
const KNOWN_LIMIT = 4096;
const KNOWN = new WeakMap<Alternation, Map<string, number>>();

/** Index of the first entry whose pattern is the whole of `text`, or -1. */
function entryOf(alt: Alternation, text: string): number {
  let known = KNOWN.get(alt);
  if (known === undefined) {
    known = new Map();
    KNOWN.set(alt, known);
  }
  let i = known.get(text);
  if (i === undefined) {
    i = alt.tests.findIndex((t) => t.test(text));
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(text, i);
  }
  return i;
}

export const BODY_PARTS: readonly Entry[] = [
  ['sacroiliac(?: joints?)?|SI joints?', 'sacroiliac joint'],
  ['thoracolumbar(?: spine| junction)?|lumbosacral(?: spine| junction)?', 'lumbar spine'],
  ['cervicothoracic(?: spine)?', 'cervical spine'],
  [
    'cervical(?: spine| paraspinals?| paravertebrals?| region)?|c-spine|neck|paracervical|suboccipitals?|[Cc][1-8](?:-[Cc]?[1-8]|-T1)',
    'cervical spine',
  ],
  [
    'thoracic(?: spine| paraspinals?| region)?|t-spine|mid[- ]?back|upper back|[Tt]1[0-2](?:-[Tt]?\\d{1,2}|-L1)?',
    'thoracic spine',
  ],
  [
    'lumbar(?: spine| paraspinals?| paravertebrals?| region)?|l-spine|low(?:er)? back|LBP|lumbago|paralumbar|[Ll][1-5](?:-[LlSs]?[1-5])?|L5-S1',
    'lumbar spine',
  ],
  [
    'shoulders?|rotator cuff|subacromial|acromioclavicular|AC joint|glenohumeral|deltoid|supraspinatus|labrum|glenoid|scapula(?:r)?',
    'shoulder',
  ],
  ['elbows?|(?:lateral |medial )?epicondyl\\w*|cubital tunnel|olecranon|radial head|radius head|radial neck', 'elbow'],
  ['wrists?|carpal tunnel|distal radius|radial styloid', 'wrist'],
  ['hands?|fingers?|thumbs?|palms?|thenar(?: eminence)?|digits?', 'hand'],
  ['forearms?', 'forearm'],
  ['hips?|groin|(?:greater )?trochanter(?:ic)?|inguinal', 'hip'],
  ['knees?|patell\\w*|menisc\\w*|joint line|ACL|MCL|PCL|LCL|tibiofemoral', 'knee'],
  ['ankles?|ATFL|achilles|malleol\\w*|calcaneofibular', 'ankle'],
  ['feet|foot|heels?|toes?|metatarsals?|plantar', 'foot'],
  ['head|skull|scalp|face|facial|temporal', 'head'],
  ['jaw|TMJ|temporomandibular', 'jaw'],
  ['chest(?: wall)?|ribs?|sternum', 'chest'],
  ['abdom\\w*|umbilic\\w*|hernia', 'abdomen'],
  ['buttocks?|gluteal|gluteus|sciatic notch', 'buttock'],
  ['thighs?|calf|calves|shins?', 'lower extremity'],
  ['upper extremit(?:y|ies)|upper limbs?|arms?', 'upper extremity'],
  ['lower extremit(?:y|ies)|lower limbs?|(?<!straight[- ])legs?(?![- ]rais)', 'lower extremity'],
  ['trapezi(?:us|i)|rhomboids?', 'cervical spine'],
  ['spine|spinal|back', 'spine'],
];

/** Treatment modalities, specific before generic (overlaps keep the earlier, longer match). */
export const MODALITIES: readonly Entry[] = [
  ['aquatic (?:physical )?therapy|pool therapy|aqua ?therapy|water therapy', 'aquatic therapy'],
  [
    'chiropractic(?: (?:treatments?|care|therapy|sessions?|visits?|manipulation|physiotherapy|adjustments?))?|chiro(?:practor|therapy)?|(?:spinal )?manipulat(?:ion|ive therapy|ive treatment)|manual therapy',
    'chiropractic',
  ],
  [
    'physical therap(?:y|ies)|physiotherapy|\\bPT(?!\\/|T| ?INR)|physical medicine|land[- ]based therapy|therapeutic exercises?',
    'physical therapy',
  ],
  ['occupational therap(?:y|ies)|hand therapy|\\bOT\\b(?!\\/)', 'occupational therapy'],
  ['(?:electro[- ]?)?acupuncture(?: sessions?| treatments?| visits?)?', 'acupuncture'],
  ['massage(?: therapy)?|myofascial release', 'massage'],
  [
    '(?:lumbar |cervical |thoracic )?(?:transforaminal |interlaminar |caudal )?epidural(?: steroid)?(?: injections?| blocks?| ESIs?)?|ESIs?',
    'epidural steroid injection',
  ],
  ['medial branch (?:nerve )?blocks?|MBBs?', 'medial branch block'],
  ['facet(?: joint)? (?:injections?|blocks?)', 'facet injection'],
  ['radiofrequency(?: ablation| neurotomy| rhizotomy| lesioning)?|RFA|rhizotomy|neurotomy', 'radiofrequency ablation'],
  ['trigger point injections?|TPIs?', 'trigger point injection'],
  ['(?:SI|sacroiliac)(?: joint)? (?:injections?|blocks?)', 'sacroiliac joint injection'],
  ['(?:platelet[- ]rich plasma|PRP)(?: injections?)?', 'prp injection'],
  [
    '(?:hyaluronic acid|hyaluronan|synvisc(?:[- ]one)?|euflexxa|orthovisc|supartz|gel-?one|monovisc)(?: injections?)?|viscosupplement\\w*(?: injections?)?',
    'viscosupplementation',
  ],
  ['(?:stellate ganglion |sympathetic |occipital |peripheral )?nerve blocks?', 'nerve block'],
  [
    '(?:(?:subacromial|intra-?articular|corticosteroid|cortisone|steroid|ketorolac|toradol|knee|shoulder|joint|hip|wrist|elbow|hyaluronic|synvisc|viscosupplementation) )?(?:injections?|shots?)',
    'injection',
  ],
  [
    'TENS(?: unit)?|transcutaneous electrical nerve stimulat\\w+|(?:electrical )?muscle stimulation|electrical stimulation',
    'tens unit',
  ],
  ['interferential(?: current)?(?: unit| stimulat\\w+| therapy)?|IF unit', 'interferential stimulation'],
  ['(?:extracorporeal )?shock ?wave(?: therapy)?|ESWT', 'shockwave therapy'],
  [
    'pain management (?:physician|specialist|consultation|consult|program|doctor|evaluation|referral|provider)|pain (?:medicine )?specialist|(?:seen by|referred to|referral to|treated by|under the care of|care with) (?:a )?pain management',
    'pain management',
  ],
  [
    'functional restoration(?: program)?|FRP|work hardening|work conditioning|multidisciplinary pain program',
    'functional restoration program',
  ],
  [
    'home exercises?(?: programs?)?|HEP|home (?:stretching|strengthening)(?: program| exercises)?|self[- ]directed exercises?|independent exercise program',
    'home exercise',
  ],
  [
    'psychotherapy|counseling|counselling|cognitive behaviou?ral therapy|CBT|psych(?:ological|iatric)? (?:treatment|therapy|appointments|sessions|care)|biofeedback',
    'psychotherapy',
  ],
  [
    'braces?|bracing|splints?|splinting|orthotics?|orthosis|(?:lumbar|back|wrist|knee) supports?|immobiliz\\w+|boot|sling|cast',
    'bracing',
  ],
  ['activity modifications?|modified activit(?:y|ies)|activity restrictions', 'activity modification'],
  [
    'ice(?:[- ]heat)?(?: therapy)?|heat(?: therapy)?|hot/cold(?: therapy)?|cold therapy(?: unit)?|cryotherapy',
    'ice/heat',
  ],
  ['rest', 'rest'],
  ['stretching', 'stretching'],
  ['traction(?! injur)', 'traction'],
  ['crutches|cane|walker', 'assistive device'],
  ['conservative (?:care|treatments?|therapy|management|measures|modalities)', 'conservative treatment'],
  ['surgery|surgical (?:intervention|treatment)|operation', 'surgery'],
  [
    '(?:medications?|meds|medication management|pharmacotherapy|oral medications?|pain medications?|analgesics|NSAIDs?|anti-?inflammator(?:y|ies)(?: medications?)?|muscle relaxants?|(?<!non-?)opioids?|narcotics|pain pills)(?!\\s+(?:misuse|abuse|efficacy|selection|review|reconciliation|seeking|diversion|dependence))',
    'medications',
  ],
];

export interface Drug {
  readonly generic: string;
  readonly drugClass: string;
}

/** A drug name as the vocabulary keys it: lower case, each run of white space one space. */
function nameKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

interface TrieNode {
  end: boolean;
  readonly next: Map<string, TrieNode>;
}

/**
 * One pattern for many phrases, shaped as a trie ("hydro(?:codone|morphone)"), so the pattern engine tries
 * one branch per character instead of every phrase in turn; at a position the longest phrase wins. A space
 * in a phrase matches any run of white space. Phrases are matched without case.
 */
export function phrasePattern(phrases: readonly string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const p of phrases) {
    let node = root;
    for (const ch of nameKey(p)) {
      let child = node.next.get(ch);
      if (child === undefined) {
        child = { end: false, next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const edge = (ch: string): string => (ch === ' ' ? '\\s+' : ch.replace(/[.*+?^${}()|[\]\\/#-]/g, '\\$&'));
  const gen = (node: TrieNode): string => {
    const alts = [...node.next.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ch, n]) => edge(ch) + gen(n));
    if (alts.length === 0) return '';
    const body = alts.length === 1 ? (alts[0] as string) : `(?:${alts.join('|')})`;
    if (!node.end) return body;
    return alts.length === 1 && body.length === 1 ? `${body}?` : `(?:${alts.length === 1 ? body : alts.join('|')})?`;
  };
  return gen(root);
}

/** Drug products of the vocabulary (src/terminology), by each of their names: generic name and class. */
const DRUG_BY_NAME = new Map<string, Drug>();
for (const c of DRUG_CONCEPTS) {
  if (c.classTerm) continue;
  for (const n of c.names) {
    const key = nameKey(n);
    if (!DRUG_BY_NAME.has(key)) DRUG_BY_NAME.set(key, { generic: c.generic, drugClass: c.drugClass });
  }
}
const DRUG_NAMES_PATTERN = phrasePattern([...DRUG_BY_NAME.keys()]);

/** Classes named instead of a drug ("NSAIDs", "muscle relaxants"). */
const DRUG_CLASSES: readonly (readonly [pattern: string, generic: string, drugClass: string])[] = [
  [
    'NSAIDs?|non-?steroidal anti-?inflammator\\w*(?: drugs?| medications?)?|anti-?inflammator(?:y|ies)(?: medications?)?',
    'nsaid',
    'nsaid',
  ],
  ['(?<!non-?)(?:opioids?|opiates?|narcotics?(?: medications?)?)', 'opioid', 'opioid'],
  ['muscle relaxants?', 'muscle relaxant', 'muscle-relaxant'],
  ['benzodiazepines?', 'benzodiazepine', 'benzodiazepine'],
  ['proton pump inhibitors?|PPIs?', 'proton pump inhibitor', 'ppi'],
  ['antidepressants?', 'antidepressant', 'antidepressant'],
  ['anticonvulsants?|anti-?epilep\\w+ (?:drugs?|medications?)|AEDs?', 'anticonvulsant', 'anticonvulsant'],
  [
    'topical (?:analgesics?|creams?|compounds?|compounded \\w+)|compounded (?:topical )?(?:creams?|analgesics?)',
    'topical analgesic',
    'topical',
  ],
  ['sleep aids?|hypnotics?', 'hypnotic', 'hypnotic'],
];

const DRUG_CLASS_ALT = alternation(DRUG_CLASSES.map(([p, generic]) => [p, generic]));

/** Drug names (as whole words): the vocabulary's products. */
export const DRUG_RE = new RegExp(`\\b(?:${DRUG_NAMES_PATTERN})(?![\\w'’])`, 'gi');
export const DRUG_CLASS_RE = DRUG_CLASS_ALT.re;

/** The product a match of DRUG_RE names. */
export function drugOfMatch(m: RegExpMatchArray): Drug | undefined {
  return DRUG_BY_NAME.get(nameKey(m[0]));
}
export function drugClassOfMatch(m: RegExpMatchArray): Drug | undefined {
  const row = DRUG_CLASSES[entryOf(DRUG_CLASS_ALT, m[0])];
  return row === undefined ? undefined : { generic: row[1], drugClass: row[2] };
}

/**
 * Any drug name or drug class, for "with medication" qualifiers and modality lookups (no groups). A pattern
 * that embeds it after a repeated word (`(?:\\w+\\s+){0,3}?`) should open the group holding it with
 * `(?=[A-Za-z0-9])`: the pattern engine then compiles it in a tenth of the time and size.
 */
export const DRUG_WORDS = [DRUG_NAMES_PATTERN, ...DRUG_CLASSES.map(([p]) => p)].join('|');

/** Surgical procedures, specific before generic. */
export const PROCEDURES: readonly Entry[] = [
  ['(?:anterior cervical )?discectomy and fusion|ACDF', 'fusion'],
  [
    '(?:(?:spinal|lumbar|cervical|posterior|anterior|interbody|instrumented|AP)\\s+)*fusion|arthrodesis|TLIF|PLIF|ALIF|XLIF',
    'fusion',
  ],
  ['(?:micro)?discectomy|diskectomy|microdiskectomy', 'discectomy'],
  ['(?:hemi)?laminectomy|laminotomy|laminoplasty', 'laminectomy'],
  ['foraminotomy', 'foraminotomy'],
  ['subacromial decompression|acromioplasty', 'subacromial decompression'],
  ['(?:AP |spinal |lumbar |cervical )?decompression', 'decompression'],
  ['rotator cuff repair', 'rotator cuff repair'],
  ['(?:labral|SLAP|Bankart) repair|biceps tenodesis|tenodesis', 'labral repair'],
  ['(?:partial |medial |lateral )?men(?:i)?s(?:c)?ectomy|meniscus repair|meniscal repair', 'meniscectomy'],
  ['(?:ACL|anterior cruciate ligament) reconstruction', 'acl reconstruction'],
  ['total knee (?:arthroplasty|replacement)|TKA|TKR|knee (?:arthroplasty|replacement)', 'knee arthroplasty'],
  ['total hip (?:arthroplasty|replacement)|THA|THR|hip (?:arthroplasty|replacement)', 'hip arthroplasty'],
  ['(?:total |reverse )?shoulder (?:arthroplasty|replacement)', 'shoulder arthroplasty'],
  ['carpal tunnel release|CTR', 'carpal tunnel release'],
  ['cubital tunnel release|ulnar nerve transposition', 'cubital tunnel release'],
  ["trigger finger release|(?:de ?quervain'?s? )?release", 'release'],
  ['ORIF|open reduction(?: and)? internal fixation', 'orif'],
  ['hardware removal|removal of hardware', 'hardware removal'],
  ['(?:umbilical |inguinal |ventral )?hernia repair|herniorrhaphy|hernioplasty', 'hernia repair'],
  ['arthroscop(?:y|ic)(?: surgery| debridement| repair)?', 'arthroscopy'],
  ['debridement', 'debridement'],
  ['spinal cord stimulator(?: implant(?:ation)?| trial)?|SCS', 'spinal cord stimulator'],
  ['(?:coronary )?(?:artery )?stent(?:ing|s)?|angioplasty|bypass(?: surgery)?|CABG', 'cardiac procedure'],
  ['amputation', 'amputation'],
  [
    '(?:spine |spinal |back |neck |knee |shoulder |hip |wrist |hand |elbow |foot |ankle )?surger(?:y|ies)|surgical procedures?|operation',
    'surgery',
  ],
];

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  eighteen: 18,
  twenty: 20,
  'twenty-four': 24,
  'twenty four': 24,
  'a dozen': 12,
};
export const NUMBER_WORD_RE = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

export function numberOf(s: string): number | undefined {
  const n = Number(s);
  if (Number.isFinite(n) && s.trim() !== '') return n;
  return NUMBER_WORDS[s.toLowerCase()];
}
