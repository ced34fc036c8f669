import { DRUG_FORM_WORDS, DRUG_FORMS } from '../terminology/drug-classes.js';
import { modalityRules } from '../terminology/modalities.js';
import { blankAlternatives } from '../terminology/text.js';
import { findBodyParts, findSpinalLevels, regionOfLevel } from './body-parts.js';
import { DRUG_INDEX, type DrugEntry, type DrugForm, nearestDrug } from './drugs.js';
import { type NormalizedText, normalizeText, originalSlice, PhraseIndex, type Tokens, tokenize } from './phrases.js';
import type { DrugMention, Frequency, ParsedRequest, RequestKind } from './request-types.js';

/**
 * The request parser: one disputed item's request ("Norco 10/325 mg #90 with 2 refills", "Physical
 * therapy 2x6 for the lumbar spine", "Associated surgical service: Shoulder brace") read into its
 * parts — kind of treatment, drugs, amounts, schedule, body parts, levels, dates. Everything is
 * general: vocabularies of treatments, drugs and anatomy, and the ways amounts and schedules are
 * written; nothing is keyed to a particular letter.
 */

export interface ParseRequestOptions {
  /** ISO date the request is read against (the letter's decision date): two-digit years resolve to or before its year. */
  readonly referenceDate?: string;
}

// ---------------------------------------------------------------- treatments

interface TreatmentRule {
  readonly kind: RequestKind;
  readonly modality: string;
  /** A word that names the kind only loosely ("therapy", "evaluation", "injection"): any specific match outranks it. */
  readonly generic: boolean;
}

/** The modality vocabulary (src/terminology) as a phrase index. */
function buildTreatments(): PhraseIndex<TreatmentRule> {
  const index = new PhraseIndex<TreatmentRule>();
  for (const { kind, modality, generic, phrases } of modalityRules()) {
    const rule: TreatmentRule = { kind, modality, generic };
    for (const phrase of phrases) index.add(phrase, rule);
  }
  return index;
}

/** Every treatment phrase → its kind and modality. */
export const TREATMENT_INDEX: PhraseIndex<TreatmentRule> = buildTreatments();

/** Words right after a physical-medicine modality that make it a device ("cryotherapy unit", "traction device"). */
const DEVICE_WORDS = new Set([
  'unit',
  'units',
  'device',
  'devices',
  'machine',
  'machines',
  'stimulator',
  'rental',
  'purchase',
  'kit',
  'supplies',
  'system',
]);
/** The injection a drug names when the request says only "injection" ("Synvisc injection"), by drug group. */
const INJECTION_BY_GROUP: Readonly<Record<string, string>> = {
  viscosupplement: 'viscosupplementation',
  corticosteroid: 'corticosteroid injection',
  'botulinum-toxin': 'botulinum toxin injection',
};
/** Services that exist only around an operation: surgical-associated even without a label. */
const SURGERY_SERVICES: ReadonlySet<string> = new Set(['assistant surgeon', 'inpatient stay', 'anesthesia']);
/** Surgical procedure words the lexicon lacks: "-ectomy", "-otomy", "-plasty"… */
const PROCEDURE_WORD = /^[a-z]{4,}(?:ectomy|otomy|ostomy|plasty|pexy|desis|rrhaphy|scopy)$/;

// ---------------------------------------------------------------- patterns

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)`;
const STRENGTH = new RegExp(
  String.raw`(?<![\w.\/-])(${NUM})((?:\s*\/\s*${NUM}|-(?:\d+(?:\.\d+)?))*)\s*((?:mg|mcg|µg|ug|gm|g|iu|units?|meq)\s*\/\s*(?:\d+(?:\.\d+)?\s*)?(?:ml|gm|g|hr|h|actuation|spray|dose|kg)|mg|mcg|µg|ug|gm|grams?|g|ml|cc|%|iu|units?|meq)(?![a-z])`,
  'gi',
);
/** A number with slashes right after a drug name, without a unit: "Norco 10/325 #90". */
const BARE_STRENGTH = /(?<![\w./])(\d+(?:\.\d+)?(?:\s*\/\s*\d+(?:\.\d+)?){1,3})(?![\w./%])/g;
/** Package sizes written like strengths ("120 gm", "250 ml"): amounts, not strengths. */
const AMOUNT_UNIT = /^(?:gm|grams?|g|ml|cc)$/i;
/** Units that make a bare number a drug strength, for names the lexicon lacks. */
const DRUG_UNIT = /^(?:mg|mcg|µg|ug|%|ml|iu|meq|gm|g)/i;

const RETRO = /\bretro(?:spective(?:ly)?|active(?:ly)?)?\b/i;
const DATE = String.raw`(?:\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})(?![\d/%]|\s*mg)|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})`;
const DOS = new RegExp(
  String.raw`\b(?:dos|d\.o\.s\.?|dates?\s+of\s+service|service\s+dates?|dispensed\s+on|provided\s+on|performed\s+on|administered\s+on)\s*[:=-]?\s*(?:on\s+)?(${DATE})`,
  'i',
);
const ANY_DATE = new RegExp(String.raw`(?<![\d./])(${DATE})`, 'i');
const LEADING_RETRO =
  /^\s*(?:(?:retrospective(?:ly)?|retro(?:active(?:ly)?)?|prospective)\b\s*(?:(?:request|review)\s+(?:for|of)\s+)?[:,-]?\s*)/i;
/** A request that is one of the services around an operation, named at its start. */
const ASSOCIATED_PREFIX =
  /^\s*(?:(?:associated|assoc\.?)\s+surg(?:ical|ery)?\s+(?:services?|items?|requests?|procedures?)|surg(?:ical|ery)\s+associated\s+services?|(?:pre|post|peri)[\s-]?op(?:erative(?:ly)?)?|(?:pre|post)[\s-]?surg(?:ical|ery))\b\s*[:-]?\s*/i;
const ASSOCIATED_ANYWHERE =
  /\b(?:(?:pre|post|peri|intra)[\s-]?op(?:erative(?:ly)?)?|post[\s-]?surg(?:ical|ery)|associated\s+surg\w*|surg(?:ical|ery)\s+associated|assistant\s+surgeon|surg(?:ical|ery)\s+assist\w*|co[\s-]?surgeon|(?:inpatient|hospital|overnight)\s+(?:stay|admission)|length\s+of\s+stay|medical\s+clearance|pre[\s-]?admission)\b/i;
/** Imaging that only guides another procedure ("fluoroscopically guided", "under ultrasound guidance"). */
const GUIDANCE =
  /\b(?:(?:ultrasound|sonographic(?:ally)?|fluoroscopic(?:ally)?|fluoroscopy|fluoro|ct|computed\s+tomography|image|imaging|x[\s-]?ray|radiographic(?:ally)?)[\s-]+guid(?:ed|ance)|under\s+(?:ultrasound|fluoroscop\w*|ct|image|imaging)(?:\s+guidance)?|with\s+(?:ultrasound|fluoroscop\w*|ct|image)\s+guidance|with\s+fluoroscopy)\b/gi;

const NxM =
  /\b([1-7])\s*(?:x|times)\s*(\d{1,2})(?:\s*(?:weeks?|wks?))?\b(?!\s*(?:%|mg|mcg|ml|cm|mm|g\b|hours?|hrs?|days?|months?|mins?|minutes?|per\b|a\s+(?:day|week)|\/|x\b|times|weekly|daily|visits?|sessions?))/gi;
const PER_WEEK =
  /\b(?:\d+\s*(?:-|to|or)\s*)?(\d+)\s*(?:x|times?|visits?|sessions?|treatments?|days?)\s*(?:(?:a|per|each|every|\/|in\s+a)\s*)?(?:weekly|week|wk)s?\b/gi;
const PER_WEEK_WORD = /\b(once|twice|thrice)\s*(?:(?:a|per|each|every)\s*)?(?:weekly|week|wk)\b/gi;
const WEEKLY = /\bweekly\b/gi;
const WEEKS =
  /\b(?:(?:for|x|times|over|during|by)\s*)?(?:(?:a\s+)?(?:total|period)\s+of\s+)?(\d+)[\s-]*(?:weeks?|wks?)\b/gi;
const MONTHS = /\b(?:for|x|times|over|during)\s*(\d+)[\s-]*(?:months?|mos?)\b/gi;
const PER_DAY = /\b(?:\d+\s*(?:-|to|or)\s*)?(\d+)\s*(?:x|times?)\s*(?:(?:a|per|each|every|\/)\s*)?(?:day|daily)\b/gi;
const PER_DAY_WORD = /\b(once|twice|thrice)\s*(?:(?:a|per|each|every)\s*)?(?:day|daily)\b/gi;
const PER_DAY_ABBREV =
  /\b(bid|b\.i\.d\.?|tid|t\.i\.d\.?|qid|q\.i\.d\.?|qd|q\.d\.?|qam|qpm|qhs|q\.h\.s\.?|hs|h\.s\.?|daily|nightly|every\s+(?:day|night|morning|evening)|at\s+(?:bedtime|night)|before\s+bed(?:time)?)(?![a-z])/gi;
const EVERY_HOURS = /\b(?:every|q)\s*(\d+)(?:\s*(?:-|to|or)\s*(\d+))?\s*(?:hours?|hrs?|h)\b/gi;
const HOURS_PER_DAY = /\b(\d+(?:\.\d+)?)\s*(?:hours?|hrs?)\s*(?:(?:a|per|each|\/)\s*)?(?:day|daily)\b/gi;
const DAYS = /\b(?:(?:for|x|times|over|during)\s*)?(\d+)[\s-]*days?\b(?!\s*(?:a|per)\s+week)(?!\s*supply)/gi;
const AS_NEEDED = /\b(?:as\s+needed|prn|p\.r\.n\.?|when\s+needed|if\s+needed|as\s+required)(?![a-z])/gi;
const DOSE_UNITS = '(?:tabs?|tablets?|caps?|capsules?|pills?|patch(?:es)?|puffs?|sprays?|pumps?)';
const UNITS_PER_DOSE = new RegExp(
  String.raw`(?<![\d./])(\d+(?:\.\d+)?)(?:\s*(?:-|to|or)\s*(\d+(?:\.\d+)?))?\s*${DOSE_UNITS}\b`,
  'gi',
);
const DOSE_BEFORE = /\b(?:take|takes|taking|apply|applies|use|inhale|chew|dose|sig)\s*:?\s*$/i;
const DOSE_AFTER =
  /^\s*,?\s*(?:by\s+mouth|orally|po\b|p\.o\.|sublingual|topically|daily|every|q\s*\d|q\.?\s*(?:am|pm|hs)|twice|once|three|at\s+bedtime|nightly|qhs|bid|tid|qid|per\s+day|a\s+day|prn|as\s+needed|\d+\s*(?:x|times)|times)/i;

const SUPPLY =
  /\b(?:(\d+)|an?)[\s-]*(months?|mos?|weeks?|wks?|days?)['’]?s?\s*(?:supply|coverage|worth|prescription)\b/gi;
const SUPPLY_FOR = /\bsupply\s+(?:for|of)\s+(\d+)\s*(months?|weeks?|days?)\b/gi;

const NO_REFILLS = /\b(?:no|without|zero|0)\s+refills?\b|\brefills?\s*[:=]?\s*(?:none|no|0)\b/gi;
const REFILLS_BEFORE = /(?:\b(?:with|plus)\s+|\+\s*|\bx\s*|\b)(\d+)\s*(?:additional\s+)?refills?\b/gi;
const REFILLS_AFTER = /\brefills?\s*(?:[:=x]|of|times|number)?\s*(\d+)\b(?!\s*(?:mg|%|tabs?))/gi;

const SESSIONS_BEFORE =
  /\b(\d+)[\s-]+(?:(?!(?:weeks?|days?|months?|hours?|hrs?|per|times?|x|mg|refills?)\b)[a-z][a-z'-]*\s+){0,3}?(?:sessions?|visits?|treatments?|appointments?)\b/gi;
const SESSIONS_AFTER =
  /\b(?:sessions?|visits?|treatments?)\s*(?:[:,#=x]|of|total(?:\s+of)?|number)?\s*(\d+)\b(?!\s*(?:x\b|times|per\b|a\s+week|weeks?|wks?|days?|months?|mins?|minutes?|hours?|hrs?|%|mg|-|to\b|or\b))/gi;

const QTY_HASH = /#\s*(\d{1,3}(?:,\d{3})+|\d+)(?![\d./]|\s*(?:mg|%))/g;
const QTY_LABEL =
  /\b(?:qty|quantity|quant|disp|dispense|dispensed|count|no\.)\s*[:#.=]?\s*(\d+)\b(?![\d./]|\s*(?:mg|%))/gi;
const QTY_X =
  /(?<![\w./])x\s*(\d+)\b(?!\s*(?:%|mg|mcg|ml|g\b|weeks?|wks?|days?|months?|hours?|hrs?|mins?|minutes?|per\b|a\s+(?:day|week)|\/|times|x\b|refills?))/gi;
const QTY_TIMES = /\btimes\s+(\d+)\b(?!\s*(?:weeks?|wks?|days?|months?|hours?|per\b|a\s+(?:day|week)|x\b|times))/gi;
const QTY_COUNT =
  /\b(\d+)\s+(?:[a-z][a-z-]*\s+){0,2}?(?:injections?|blocks?|shots?|braces?|pairs?|boxes|tubes?|bottles?|containers?|jars?|kits?|packs?|splints?|scans?|units?|patch(?:es)?|tablets?|tabs?|capsules?|caps?|pills?|pads?|vials?|syringes?)\b/gi;
const QTY_LEADING =
  /^(\d+)\s+(?!(?:x|times?|refills?|sessions?|visits?|treatments?|months?|weeks?|days?|hours?|hrs?|years?|mg|mcg|ml|g|%|percent|prescriptions?|requests?|rx|retrospective|prospective|unknown|unspecified|views?)\b)(?=[a-z])/i;

const UNSPECIFIED =
  /\b(?:unspecified|unknown|undetermined|unstated|not\s+specified|indeterminate)\s+(?:quantity|number|amount|count|supply|duration|(?:[a-z-]+\s+){0,2}(?:sessions|visits|treatments))\b|\b(?:quantity|number|amount|qty)\s+(?:unspecified|unknown|not\s+specified|not\s+stated|undetermined)\b/i;
const ADDITIONAL =
  /\b(?:additional|continued|continue|continuing|continuation|ongoing|repeat(?:ed)?(?!\s+(?:dose|doses|dosing|if|as|every|in)\b)|re[\s-]?exam(?:ination)?s?|re[\s-]?eval(?:uation)?s?|further|extension\s+of|more)\b/i;
const CONTRAST_BOTH =
  /\b(?:with\s+and\s+without|with\s*\/\s*without|w\s*\/\s*(?:and\s+)?w\s*\/?\s*o|w\s*\/\s*wo|with\s*&\s*without|with\s+or\s+without)\s+(?:iv\s+)?(?:contrast|dye|gadolinium|gad)\b/i;
const CONTRAST_WITHOUT =
  /\b(?:without|w\s*\/\s*o|wo|no)\s+(?:iv\s+)?(?:contrast|dye|gadolinium|gad)\b|\bnon[\s-]?contrast(?:ed)?\b|\bcontrast[\s-]free\b|\bunenhanced\b/i;
const CONTRAST_WITH =
  /\b(?:with|w\s*\/)\s*(?:iv\s+)?(?:contrast|dye|gadolinium|gad)\b|\bcontrast[\s-]enhanced\b|\barthrogra(?:m|phy)\b|\bgadolinium\b/i;
const UNSPECIFIED_CUES = ['unspec', 'unknown', 'undeterm', 'unstated', 'not spec', 'indetermin'];
const CONTRAST_CUES = ['contrast', 'dye', 'gad', 'arthrogra', 'enhanced'];
const ADDITIONAL_CUES = ['addition', 'contin', 'ongoing', 'repeat', 're', 'further', 'extension', 'more'];
const COMPOUNDED = /\bcompound(?:ed|ing|s)?\b/i;
const TOPICAL_VEHICLE =
  /\b(?:cream|creams|gel|ointment|lotion|base|topical|transdermal|liniment|emollient|salve|compound(?:ed)?)\b/i;

const WEEK_CUES = ['week', 'wk'];
const DAY_CUES = ['day', 'daily'];
const ABBREV_CUES = [
  'bid',
  'b.i.d',
  'tid',
  't.i.d',
  'qid',
  'q.i.d',
  'qd',
  'q.d',
  'qam',
  'qpm',
  'qhs',
  'q.h.s',
  'daily',
  'nightly',
  'every',
  'bed',
  'night',
  'hs',
  'h.s',
];
const DOSE_CUES = ['tab', 'cap', 'pill', 'patch', 'puff', 'spray', 'pump'];
const SESSION_CUES = ['session', 'visit', 'treatment', 'appointment'];
/** Quantity patterns in order of trust, each with the words one of which it needs. */
const QUANTITY_PATTERNS: readonly (readonly [RegExp, readonly string[] | undefined])[] = [
  [QTY_HASH, ['#']],
  [QTY_LABEL, ['qty', 'quant', 'disp', 'count', 'no.']],
  [QTY_X, ['x']],
  [QTY_TIMES, ['times']],
  [QTY_COUNT, undefined],
];

// ---------------------------------------------------------------- drug words

/** Words that continue a drug name as written: release forms and salts ("Tramadol ER", "Orphenadrine Citrate"). */
const NAME_TAIL = new Set(
  'er xr sr cr ir dr la xl ec odt ds cd xt hcl hydrochloride sodium potassium citrate tartrate bitartrate succinate besylate maleate mesylate sulfate phosphate acetate hyclate fumarate extended release delayed immediate controlled sustained'.split(
    ' ',
  ),
);
/** Words never taken for an unknown drug's name. */
const NOT_A_DRUG = new Set(
  `${[...NAME_TAIL].join(' ')} retrospective retro prospective request prescription rx refill refills of for the and with a an to in on at by per as supply month months day days week weeks one tab tabs tablet tablets cap caps capsule capsules oral orally topical cream gel patch patches ointment lotion solution suspension po mouth take qty quantity post pre op medication medications medicine dose doses compound compounded container bottle tube unspecified unknown additional continued new generic brand strength unit units dos date service times x mg mcg ml iu percent base plus or each every daily twice once use apply`.split(
    ' ',
  ),
);

/** Form words and topical forms, from the vocabulary. */
const FORM_WORDS: ReadonlyMap<string, DrugForm> = new Map(
  DRUG_FORMS.flatMap((form) => DRUG_FORM_WORDS[form].words.map((w) => [w, form] as const)),
);
const TOPICAL_FORMS: ReadonlySet<DrugForm> = new Set(DRUG_FORMS.filter((form) => DRUG_FORM_WORDS[form].topical));
const VEHICLE_FORM = /\b(cream|gel|ointment|lotion)\b/i;

// ---------------------------------------------------------------- helpers

type Span = readonly [number, number];

/** Spans of the normalized text already read, so that one number is not read twice. */
class Taken {
  readonly #spans: Span[] = [];
  add(start: number, end: number): void {
    this.#spans.push([start, end]);
  }
  free(start: number, end: number): boolean {
    for (const [s, e] of this.#spans) if (start < e && s < end) return false;
    return true;
  }
}

/** The request text being read: normalized, lower-cased for cheap cue checks, and what is already read. */
interface Reading {
  readonly t: string;
  readonly lower: string;
  readonly digits: boolean;
  readonly taken: Taken;
}

/** Whether any cue occurs in the text: a cheap test that lets most patterns be skipped. */
function cued(r: Reading, cues: readonly string[]): boolean {
  for (const c of cues) if (r.lower.includes(c)) return true;
  return false;
}

/**
 * The first match of a global regex that does not overlap text already read; `cues` (any must
 * occur) and `needsDigit` skip the regex on text that cannot match.
 */
function firstFree(re: RegExp, r: Reading, cues?: readonly string[], needsDigit = false): RegExpExecArray | undefined {
  if ((needsDigit && !r.digits) || (cues && !cued(r, cues))) return undefined;
  re.lastIndex = 0;
  for (let m = re.exec(r.t); m !== null; m = re.exec(r.t)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    if (r.taken.free(m.index, m.index + m[0].length)) return m;
  }
  return undefined;
}

function num(s: string | undefined): number {
  return s === undefined ? Number.NaN : Number(s.replace(/,/g, ''));
}

const MONTH_NUMBER: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function isoDate(text: string, pivotYear: number): string | undefined {
  let y: number;
  let mo: number;
  let d: number;
  const numeric = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/.exec(text);
  if (numeric) {
    mo = Number(numeric[1]);
    d = Number(numeric[2]);
    y = Number(numeric[3]);
    if ((numeric[3] ?? '').length === 2) {
      y += Math.floor(pivotYear / 100) * 100;
      if (y > pivotYear) y -= 100;
    }
  } else {
    const written = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(text);
    if (!written) return undefined;
    mo = MONTH_NUMBER[(written[1] ?? '').toLowerCase()] ?? 0;
    d = Number(written[2]);
    y = Number(written[3]);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function pivotYearOf(referenceDate: string | undefined): number {
  const y = referenceDate ? Number(/^(\d{4})-\d{2}-\d{2}/.exec(referenceDate)?.[1]) : Number.NaN;
  return Number.isFinite(y) ? y : new Date().getUTCFullYear();
}

function strengthText(m: RegExpExecArray): string {
  const amount = `${m[1] ?? ''}${(m[2] ?? '').replace(/\s+/g, '').replace(/-/g, '/')}`;
  const unit = (m[3] ?? '').toLowerCase().replace(/\s+/g, '');
  return unit === '%' ? `${amount}%` : `${amount} ${unit}`;
}

// ---------------------------------------------------------------- drugs

interface Mention {
  entry: DrugEntry;
  /** Token range of the name, and its span in the normalized text. */
  at: number;
  length: number;
  start: number;
  end: number;
  /** Where the mention's own text ends: past a synonym in parentheses ("Tramadol (Ultram)"). */
  reach: number;
}

interface StrengthFound {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly percent?: number;
  readonly drugUnit: boolean;
  /** A package size ("120 gm"), kept only as a sign that a word before it may be a drug. */
  readonly amount: boolean;
  /** No unit written ("10/325"): taken only right after a name. */
  readonly bare?: boolean;
}

/** Tokens that continue a strength after a number ("3 mg", "1/1 mg", "10 %"). */
const STRENGTH_UNIT = /^(?:mg|mcg|µg|ug|g|gm|gram|grams|ml|milligrams?|micrograms?|%|iu|units?)$/;

function findMentions(tokens: Tokens, taken: Taken, text: string): Mention[] {
  const found: Mention[] = [];
  // A name ending in a number ("Tylenol 3") is not that product when a unit follows ("Tylenol 3 mg").
  const accept = (at: number, length: number): boolean => {
    if (!/^\d+$/.test(tokens.words[at + length - 1] ?? '')) return true;
    const stop = tokens.ends[at + length - 1] ?? 0;
    const after = text.slice(stop, stop + 1);
    return !(after === '/' || after === '.' || STRENGTH_UNIT.test(tokens.words[at + length] ?? ''));
  };
  for (const m of DRUG_INDEX.scan(tokens.words, 0, tokens.words.length, accept)) {
    let length = m.length;
    while (NAME_TAIL.has(tokens.words[m.at + length] ?? '')) length++;
    const start = tokens.starts[m.at] ?? 0;
    const end = tokens.ends[m.at + length - 1] ?? start;
    found.push({ entry: m.value, at: m.at, length, start, end, reach: end });
  }
  // One drug named twice — "Tramadol (Ultram)", "Lidoderm (lidocaine patch)" — is one mention.
  const merged: Mention[] = [];
  for (const m of found) {
    const same = merged.find((p) => p.entry.generic === m.entry.generic);
    if (same) {
      if (m.at - (same.at + same.length) <= 2) same.reach = Math.max(same.reach, m.end);
      continue;
    }
    merged.push(m);
  }
  for (const m of found) taken.add(m.start, m.end);
  // A combination product named beside its ingredients ("lidocaine 3%/menthol 1% (Lidothol)") adds
  // nothing: the ingredients, with their strengths, stand for it.
  const generics = new Set(merged.map((m) => m.entry.generic));
  return merged.filter((m) => {
    const parts = m.entry.generic.split('/');
    return parts.length < 2 || !parts.every((p) => generics.has(p));
  });
}

/** Each mention's strength: the first unused one after its name, else one just before it ("10% ketoprofen"). */
function assignStrengths(
  mentions: readonly Mention[],
  strengths: readonly StrengthFound[],
): (StrengthFound | undefined)[] {
  const used = new Set<StrengthFound>();
  return mentions.map((mention, i) => {
    const next = mentions[i + 1];
    const limit = Math.min(next?.start ?? Number.POSITIVE_INFINITY, mention.reach + 48);
    const usable = (s: StrengthFound): boolean => !used.has(s) && !s.amount;
    const found =
      strengths.find((s) => usable(s) && s.start >= mention.end && s.start < limit) ??
      strengths.find((s) => usable(s) && !s.bare && s.end <= mention.start && mention.start - s.end <= 3);
    if (found) used.add(found);
    return found;
  });
}

function formFor(mention: Mention, next: Mention | undefined, tokens: Tokens): DrugForm | undefined {
  const limit = Math.min(next?.start ?? Number.POSITIVE_INFINITY, mention.reach + 40);
  for (let i = mention.at + mention.length; i < tokens.words.length; i++) {
    if ((tokens.starts[i] ?? 0) >= limit) break;
    const form = FORM_WORDS.get(tokens.words[i] ?? '');
    if (form) return form;
  }
  return mention.entry.form;
}

/** Acetaminophen doses that make "hydrocodone 10/325" the combination product. */
const ACETAMINOPHEN_DOSES = new Set(['300', '325', '500', '650', '660', '750']);

/** The acetaminophen combination of an opioid named alone but dosed as a combination ("Hydrocodone 10/325"). */
function withAcetaminophen(entry: DrugEntry, strength: StrengthFound | undefined): DrugEntry | undefined {
  if (!strength || entry.generic.includes('/')) return undefined;
  const parts = strength.text.split(/[\s/]/);
  if (parts.length < 2 || !ACETAMINOPHEN_DOSES.has(parts[1] ?? '')) return undefined;
  const combined = DRUG_INDEX.get(`${entry.generic} acetaminophen`);
  return combined?.drugClass === entry.drugClass ? combined : undefined;
}

/** A word before a strength that the lexicon does not know ("Zorvex 20 mg"): an unknown or misspelt drug. */
function unknownDrug(tokens: Tokens, strength: StrengthFound): { at: number; entry: DrugEntry } | undefined {
  let i = tokens.starts.findIndex((s) => s >= strength.start) - 1;
  if (i < -1) i = tokens.words.length - 1;
  for (let back = 0; back < 4 && i >= 0; back++, i--) {
    const w = tokens.words[i] ?? '';
    if (NOT_A_DRUG.has(w) || !/^[a-z][a-z-]{2,}$/.test(w)) continue;
    if (TREATMENT_INDEX.matchAt(tokens.words, i) || findBodyParts(tokens, i, i + 1).bodyParts.length > 0)
      return undefined;
    const near = nearestDrug(w);
    return { at: i, entry: near ? near.entry : { generic: w, drugClass: 'unknown' } };
  }
  return undefined;
}

// ---------------------------------------------------------------- frequency

interface FrequencyParts {
  perWeek?: number;
  weeks?: number;
  perDay?: number;
  days?: number;
  asNeeded?: boolean;
  hoursPerDay?: number;
  unitsPerDose?: number;
  months?: number;
  start: number;
  end: number;
}

/** One way of writing a part of a schedule: the pattern, when to try it, and what a match sets. */
interface SchedulePattern {
  readonly re: RegExp;
  readonly cues?: readonly string[];
  readonly needsDigit?: boolean;
  /** Tried only while this part is still unread. */
  readonly unless?: (f: FrequencyParts) => boolean;
  readonly read: (m: RegExpExecArray) => Partial<Omit<FrequencyParts, 'start' | 'end'>>;
}

const timesOf = (w: string | undefined): number =>
  /^\d/.test(w ?? '')
    ? num(w)
    : (({ once: 1, twice: 2, thrice: 3 } as Record<string, number>)[(w ?? '').toLowerCase()] ?? 1);

/** In order: the first match of each pattern is read, unless an earlier one already set its part. */
const SCHEDULE: readonly SchedulePattern[] = [
  {
    re: NxM,
    cues: ['x', 'times'],
    needsDigit: true,
    read: (m) => ({ perWeek: num(m[1]), weeks: num(m[2]) }),
  },
  {
    re: PER_WEEK,
    cues: WEEK_CUES,
    needsDigit: true,
    unless: (f) => f.perWeek !== undefined,
    read: (m) => ({ perWeek: num(m[1]) }),
  },
  {
    re: PER_WEEK_WORD,
    cues: WEEK_CUES,
    unless: (f) => f.perWeek !== undefined,
    read: (m) => ({ perWeek: timesOf(m[1]) }),
  },
  { re: WEEKLY, cues: ['weekly'], unless: (f) => f.perWeek !== undefined, read: () => ({ perWeek: 1 }) },
  {
    re: WEEKS,
    cues: WEEK_CUES,
    needsDigit: true,
    unless: (f) => f.weeks !== undefined,
    read: (m) => ({ weeks: num(m[1]) }),
  },
  {
    re: MONTHS,
    cues: ['mo'],
    needsDigit: true,
    unless: (f) => f.weeks !== undefined,
    read: (m) => ({ months: num(m[1]) }),
  },
  { re: HOURS_PER_DAY, cues: DAY_CUES, needsDigit: true, read: (m) => ({ hoursPerDay: num(m[1]) }) },
  { re: PER_DAY, cues: DAY_CUES, needsDigit: true, read: (m) => ({ perDay: num(m[1]) }) },
  {
    re: PER_DAY_WORD,
    cues: ['once', 'twice', 'thrice'],
    unless: (f) => f.perDay !== undefined,
    read: (m) => ({ perDay: timesOf(m[1]) }),
  },
  {
    re: EVERY_HOURS,
    cues: ['every', 'q'],
    needsDigit: true,
    unless: (f) => f.perDay !== undefined,
    read: (m) => {
      const hours = num(m[1]);
      if (!(hours > 0)) return {};
      // The most doses a day; a dose every 72 hours is a third of one.
      return { perDay: hours <= 24 ? Math.floor(24 / hours) : Math.round((24 / hours) * 100) / 100 };
    },
  },
  {
    re: PER_DAY_ABBREV,
    cues: ABBREV_CUES,
    unless: (f) => f.perDay !== undefined,
    read: (m) => {
      const a = (m[1] ?? '').toLowerCase().replace(/[.\s]/g, '');
      return { perDay: a === 'bid' ? 2 : a === 'tid' ? 3 : a === 'qid' ? 4 : 1 };
    },
  },
  { re: DAYS, cues: ['day'], needsDigit: true, read: (m) => ({ days: num(m[1]) }) },
  { re: AS_NEEDED, cues: ['need', 'prn', 'p.r.n', 'required'], read: () => ({ asNeeded: true }) },
];

function readFrequency(r: Reading): FrequencyParts {
  const { t, taken } = r;
  const f: FrequencyParts = { start: Number.POSITIVE_INFINITY, end: -1 };
  const note = (m: RegExpExecArray): void => {
    const end = m.index + m[0].length;
    taken.add(m.index, end);
    f.start = Math.min(f.start, m.index + (m[0].length - m[0].trimStart().length));
    f.end = Math.max(f.end, end);
  };
  for (const p of SCHEDULE) {
    if (p.unless?.(f)) continue;
    const m = firstFree(p.re, r, p.cues, p.needsDigit);
    if (!m) continue;
    Object.assign(f, p.read(m));
    note(m);
  }
  if (!r.digits || !cued(r, DOSE_CUES)) return f;
  UNITS_PER_DOSE.lastIndex = 0;
  for (let d = UNITS_PER_DOSE.exec(t); d !== null; d = UNITS_PER_DOSE.exec(t)) {
    const end = d.index + d[0].length;
    if (!taken.free(d.index, end)) continue;
    const before = t.slice(Math.max(0, d.index - 16), d.index);
    if (/[#]\s*$|\b(?:disp\w*|qty|quantity)\W*$/i.test(before)) continue;
    if (!DOSE_BEFORE.test(before) && !DOSE_AFTER.test(t.slice(end, end + 24))) continue;
    f.unitsPerDose = Math.max(num(d[1]), num(d[2] ?? d[1]));
    note(d);
    break;
  }
  return f;
}

function toFrequency(raw: string, norm: NormalizedText, f: FrequencyParts, weekly: boolean): Frequency | undefined {
  if (f.end < 0) return undefined;
  const out: Frequency = { text: originalSlice(raw, norm, f.start, f.end) };
  if (f.perWeek !== undefined) out.perWeek = f.perWeek;
  if (f.weeks !== undefined) out.weeks = f.weeks;
  else if (f.months !== undefined && (weekly || f.perWeek !== undefined)) out.weeks = Math.round((f.months * 52) / 12);
  if (f.perDay !== undefined) out.perDay = f.perDay;
  if (f.days !== undefined) out.days = f.days;
  else if (f.months !== undefined && out.weeks === undefined) out.days = f.months * 30;
  if (f.asNeeded) out.asNeeded = true;
  if (f.hoursPerDay !== undefined) out.hoursPerDay = f.hoursPerDay;
  if (f.unitsPerDose !== undefined) out.unitsPerDose = f.unitsPerDose;
  return out;
}

// ---------------------------------------------------------------- kind

/** Kinds counted in visits: their quantity is a number of sessions, and frequency × weeks gives one. */
const SESSION_KINDS: ReadonlySet<RequestKind> = new Set<RequestKind>([
  'therapy',
  'acupuncture',
  'chiropractic',
  'psychological',
  'home-care',
  'program',
]);

interface KindChoice {
  kind: RequestKind;
  modality?: string;
}

function chooseKind(
  tokens: Tokens,
  from: number,
  skip: ReadonlySet<number>,
  firstDrugAt: number | undefined,
): KindChoice | undefined {
  const words = skip.size === 0 ? tokens.words : tokens.words.map((w, i) => (skip.has(i) ? '' : w));
  const matches = TREATMENT_INDEX.scan(words, from);
  const specific = matches.filter((m) => !m.value.generic);
  const generic = matches.filter((m) => m.value.generic);

  const injection = matches.find((m) => m.value.kind === 'injection');
  if (firstDrugAt !== undefined && injection) {
    const best = specific.find((m) => m.value.kind === 'injection') ?? injection;
    return { kind: 'injection', modality: best.value.modality };
  }
  let chosen = specific[0];
  if (firstDrugAt !== undefined && (chosen === undefined || firstDrugAt < chosen.at)) return undefined;
  chosen ??= generic[0];
  if (!chosen) {
    for (let i = from; i < words.length; i++) {
      const w = words[i] ?? '';
      if (PROCEDURE_WORD.test(w)) return { kind: 'surgery', modality: w };
    }
    return undefined;
  }
  const { kind, modality } = chosen.value;
  const after = chosen.at + chosen.length;
  if (kind === 'therapy' && (DEVICE_WORDS.has(words[after] ?? '') || DEVICE_WORDS.has(words[after + 1] ?? ''))) {
    return { kind: 'equipment', modality: `${modality} unit` };
  }
  if (kind === 'electrodiagnostic' && (modality === 'emg' || modality === 'ncv')) {
    const other = modality === 'emg' ? 'ncv' : 'emg';
    if (matches.some((m) => m.value.modality === other)) return { kind, modality: 'emg/ncv' };
  }
  // A consultation with a psychologist or psychiatrist is psychological care.
  if (kind === 'consultation' && (modality === 'consultation' || modality === 'evaluation')) {
    const psych = matches.find((m) => m.value.kind === 'psychological');
    if (psych) return { kind: 'psychological', modality: 'psychological evaluation' };
  }
  // A specific word of the same kind names the treatment better than a generic one that came first
  // ("labs: CBC"), or than the name of the kind itself ("chiropractic manipulation", "referral to a
  // spine surgeon").
  if (chosen.value.generic || modality === kind) {
    const named = (m: (typeof matches)[number]): boolean =>
      m.value.kind === kind && m !== chosen && m.value.modality !== kind && m.value.modality !== 'evaluation';
    const better = specific.find(named) ?? (modality === kind ? generic.find(named) : undefined);
    if (better) return { kind, modality: better.value.modality };
  }
  return { kind, modality };
}

// ---------------------------------------------------------------- the parser

/**
 * Reads a request into its parts. Never throws and never fails: what it cannot read it leaves out,
 * and a request it cannot place at all has kind 'other'. Fast enough to run per item without a
 * cache (tens of microseconds).
 */
export function parseRequest(text: string, opts: ParseRequestOptions = {}): ParsedRequest {
  const raw = typeof text === 'string' ? text : '';
  // What the request is offered in place of ("in lieu of physical therapy") is not read as the request.
  const norm = normalizeText(blankAlternatives(raw));
  const t = norm.text;
  const tokens = tokenize(t);
  const taken = new Taken();
  const lower = t.toLowerCase();
  const r: Reading = { t, lower, digits: /\d/.test(t), taken };
  const pivotYear = pivotYearOf(opts.referenceDate);

  // Retrospective, and its date of service.
  let retrospective: { date?: string } | undefined;
  const dos = cued(r, ['dos', 'd.o.s', 'service', 'dispensed', 'provided', 'performed', 'administered'])
    ? DOS.exec(t)
    : null;
  if (dos) taken.add(dos.index, dos.index + dos[0].length);
  if (dos || (lower.includes('retro') && RETRO.test(t))) {
    let date = dos?.[1] ? isoDate(dos[1], pivotYear) : undefined;
    if (!date) {
      const any = ANY_DATE.exec(t);
      if (any?.[1]) {
        date = isoDate(any[1], pivotYear);
        taken.add(any.index, any.index + any[0].length);
      }
    }
    retrospective = date ? { date } : {};
  }

  // Where the request proper begins: after "Retrospective", and after an associated-surgery label.
  const lead = LEADING_RETRO.exec(t)?.[0].length ?? 0;
  const prefix = ASSOCIATED_PREFIX.exec(t.slice(lead));
  const bodyStart = lead + (prefix?.[0].length ?? 0);
  const associated =
    prefix !== null || (cued(r, ['op', 'surg', 'stay', 'admission', 'clearance']) && ASSOCIATED_ANYWHERE.test(t));
  let kindFrom = tokens.starts.findIndex((s) => s >= bodyStart);
  if (kindFrom < 0) kindFrom = tokens.words.length;

  // Drug names, then strengths.
  const mentions = findMentions(tokens, taken, t);
  const strengths: StrengthFound[] = [];
  STRENGTH.lastIndex = r.digits ? 0 : t.length;
  for (let m = STRENGTH.exec(t); m !== null; m = STRENGTH.exec(t)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!taken.free(start, end)) continue;
    const unit = m[3] ?? '';
    const found: StrengthFound = {
      start,
      end,
      text: strengthText(m),
      drugUnit: DRUG_UNIT.test(unit),
      amount: AMOUNT_UNIT.test(unit) && !m[2] && num(m[1]) >= 10,
      ...(unit === '%' ? { percent: num(m[1]) } : {}),
    };
    strengths.push(found);
    taken.add(start, end);
  }

  BARE_STRENGTH.lastIndex = mentions.length > 0 && t.includes('/') ? 0 : t.length;
  for (let m = BARE_STRENGTH.exec(t); m !== null; m = BARE_STRENGTH.exec(t)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!taken.free(start, end) || !mentions.some((d) => start >= d.end && start - d.reach <= 12)) continue;
    strengths.push({ start, end, text: (m[1] ?? '').replace(/\s+/g, ''), drugUnit: true, amount: false, bare: true });
    taken.add(start, end);
  }
  strengths.sort((a, b) => a.start - b.start);

  const freq = readFrequency(r);

  let supplyDays: number | undefined;
  const supply =
    firstFree(SUPPLY, r, ['supply', 'coverage', 'worth', 'prescription']) ?? firstFree(SUPPLY_FOR, r, ['supply']);
  if (supply) {
    const n = supply[1] === undefined ? 1 : num(supply[1]);
    const unit = (supply[2] ?? '').toLowerCase();
    supplyDays = n * (unit.startsWith('m') ? 30 : unit.startsWith('w') ? 7 : 1);
    taken.add(supply.index, supply.index + supply[0].length);
  }

  let refills: number | undefined;
  const none = firstFree(NO_REFILLS, r, ['refill']);
  if (none) {
    refills = 0;
    taken.add(none.index, none.index + none[0].length);
  } else {
    const count = firstFree(REFILLS_BEFORE, r, ['refill'], true) ?? firstFree(REFILLS_AFTER, r, ['refill'], true);
    if (count) {
      refills = num(count[1]);
      taken.add(count.index, count.index + count[0].length);
    }
  }

  let sessions: number | undefined;
  const s = firstFree(SESSIONS_BEFORE, r, SESSION_CUES, true) ?? firstFree(SESSIONS_AFTER, r, SESSION_CUES, true);
  if (s) {
    sessions = num(s[1]);
    taken.add(s.index, s.index + s[0].length);
  }

  let quantity: number | undefined;
  for (const [re, cues] of QUANTITY_PATTERNS) {
    const q = firstFree(re, r, cues, true);
    if (q) {
      quantity = num(q[1]);
      taken.add(q.index, q.index + q[0].length);
      break;
    }
  }
  if (quantity === undefined) {
    const q = QTY_LEADING.exec(t.slice(bodyStart));
    if (q && taken.free(bodyStart, bodyStart + q[0].length)) quantity = num(q[1]);
  }

  // The kind of treatment.
  const skip = new Set<number>();
  GUIDANCE.lastIndex = cued(r, ['guid', 'fluoro']) ? 0 : t.length;
  for (let g = GUIDANCE.exec(t); g !== null; g = GUIDANCE.exec(t)) {
    const gEnd = g.index + g[0].length;
    tokens.starts.forEach((st, i) => {
      if (st >= g.index && st < gEnd) skip.add(i);
    });
  }
  // "PT" and "OT" are therapies only when written in capitals ("pt" is as often the patient).
  tokens.words.forEach((w, i) => {
    if ((w === 'pt' || w === 'ot') && t.slice(tokens.starts[i], tokens.ends[i]) !== w.toUpperCase()) skip.add(i);
  });
  const bodyMentions = mentions.filter((m) => m.at >= kindFrom);
  let choice = chooseKind(tokens, kindFrom, skip, bodyMentions[0]?.at);
  let drugMentions = mentions;
  const drugStrengths = strengths.filter((x) => x.drugUnit && !x.bare);
  if (!choice && mentions.length === 0 && drugStrengths[0]) {
    const unknown = unknownDrug(tokens, drugStrengths[0]);
    if (unknown) {
      const start = tokens.starts[unknown.at] ?? 0;
      let length = 1;
      while (NAME_TAIL.has(tokens.words[unknown.at + length] ?? '')) length++;
      const end = tokens.ends[unknown.at + length - 1] ?? start;
      drugMentions = [{ entry: unknown.entry, at: unknown.at, length, start, end, reach: end }];
    }
  }
  let kind: RequestKind;
  if (choice) kind = choice.kind;
  else if (drugMentions.length > 0) {
    const distinct = drugMentions.length;
    const withPercent = assignStrengths(drugMentions, strengths).filter((x) => x?.percent !== undefined);
    const compounded = COMPOUNDED.test(t) || (distinct >= 2 && (withPercent.length >= 2 || TOPICAL_VEHICLE.test(t)));
    kind = compounded ? 'compounded-topical' : 'medication';
    choice = { kind };
  } else if (COMPOUNDED.test(t) && TOPICAL_VEHICLE.test(t.replace(COMPOUNDED, ''))) {
    kind = 'compounded-topical';
  } else kind = 'other';
  if (choice?.kind === 'injection' && choice.modality === 'injection') {
    const byDrug = drugMentions
      .map((m) => (m.entry.group === undefined ? undefined : INJECTION_BY_GROUP[m.entry.group]))
      .find((x) => x !== undefined);
    if (byDrug) choice.modality = byDrug;
  }

  // Drugs with strength and form.
  // The form of a compound is written once, after its last ingredient or as its base.
  const lastMention = drugMentions[drugMentions.length - 1];
  const vehicle =
    kind === 'compounded-topical'
      ? ((lastMention && formFor(lastMention, undefined, tokens)) ??
        (VEHICLE_FORM.exec(t)?.[1]?.toLowerCase() as DrugForm | undefined))
      : undefined;
  const assigned = assignStrengths(drugMentions, strengths);
  const drugs: DrugMention[] = drugMentions.map((m, i) => {
    const next = drugMentions[i + 1];
    const strength = assigned[i];
    const form = formFor(m, next, tokens) ?? vehicle;
    // Only a generic named alone ("hydrocodone 10/325") stands for the combination; a brand is its own product.
    const namedAsGeneric = t
      .slice(m.start, m.end)
      .toLowerCase()
      .startsWith(m.entry.generic.split('/')[0] ?? m.entry.generic);
    const entry = (namedAsGeneric ? withAcetaminophen(m.entry, strength) : undefined) ?? m.entry;
    let drugClass = entry.drugClass;
    const topical =
      (form !== undefined && TOPICAL_FORMS.has(form)) ||
      kind === 'compounded-topical' ||
      strength?.percent !== undefined ||
      (lower.includes('topical') && /\btopical(?:ly)?\b/.test(lower));
    if (drugClass === 'nsaid' && topical) drugClass = 'topical-nsaid';
    const d: DrugMention = { name: originalSlice(raw, norm, m.start, m.end), generic: entry.generic, drugClass };
    if (strength) d.strength = strength.text;
    if (strength?.percent !== undefined) d.percent = strength.percent;
    if (form) d.form = form;
    return d;
  });

  // Where, which side, which levels.
  const where = findBodyParts(tokens);
  const bodyParts = [...where.bodyParts];
  const spinalLevels = r.digits ? findSpinalLevels(t) : [];
  if (spinalLevels.length > 0 && !bodyParts.some((p) => p.endsWith(' spine'))) {
    for (const level of spinalLevels) {
      const region = regionOfLevel(level);
      if (!bodyParts.includes(region)) bodyParts.push(region);
    }
    const bare = bodyParts.indexOf('spine');
    if (bare >= 0) bodyParts.splice(bare, 1);
  }

  const modality = choice?.modality;
  const frequency = toFrequency(raw, norm, freq, SESSION_KINDS.has(choice?.kind ?? kind));
  const serviceKind = kind;
  const aroundSurgery = modality !== undefined && SURGERY_SERVICES.has(modality);
  if (prefix !== null || (associated && (kind !== 'surgery' || aroundSurgery))) kind = 'surgical-associated';

  const sessionKind = SESSION_KINDS.has(serviceKind);
  if (sessions === undefined && sessionKind) {
    if (frequency?.perWeek !== undefined && frequency.weeks !== undefined)
      sessions = frequency.perWeek * frequency.weeks;
    else if (quantity !== undefined) sessions = quantity;
  }

  const out: ParsedRequest = { text: raw, kind, drugs, bodyParts, spinalLevels };
  if (modality !== undefined) out.modality = modality;
  if (quantity !== undefined) out.quantity = quantity;
  if (cued(r, UNSPECIFIED_CUES) && UNSPECIFIED.test(t)) out.quantityUnspecified = true;
  if (refills !== undefined) out.refills = refills;
  if (frequency) out.frequency = frequency;
  if (sessions !== undefined) out.sessions = sessions;
  if (supplyDays !== undefined) out.supplyDays = supplyDays;
  if (where.side) out.side = where.side;
  const contrast = !cued(r, CONTRAST_CUES)
    ? undefined
    : CONTRAST_BOTH.test(t)
      ? 'with-and-without'
      : CONTRAST_WITHOUT.test(t)
        ? 'without'
        : CONTRAST_WITH.test(t)
          ? 'with'
          : undefined;
  if (contrast) out.contrast = contrast;
  if (retrospective) out.retrospective = retrospective;
  if (kind === 'surgical-associated') {
    out.associatedSurgery = true;
    out.serviceKind = serviceKind;
  }
  if (cued(r, ADDITIONAL_CUES) && ADDITIONAL.test(t)) out.additional = true;
  return out;
}
