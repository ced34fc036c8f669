import type { Application, Party, PostalAddress, UrDecision } from '../domain/case.js';
import { foldText } from '../domain/consolidation.js';
import type { Basis, Letter, LetterItem } from '../domain/letter.js';
import { monthName } from '../domain/months.js';
import { normalizeOrganizationName } from '../reviewers/index.js';
import { STATE_NAMES } from './registry.js';

/**
 * The public copy of a determination letter: individually identifiable information removed
 * (LC 4610.6(m); FS §1.12, §2.2). The letter JSON itself carries no names (case number, dates, age,
 * sex, date of injury, the reviewer's credentials stay, as in published letters); what can carry
 * them is the free text a person wrote: the clinical summary, the requests, the bases and the
 * rationales. Everything the case records about its parties is searched for there and replaced:
 * names (full, "Last, First", and each name word when capitalized), organization names (with and
 * without the legal form), claim, EAMS, WCIS, NPI and phone numbers (with any separators), e-mail
 * addresses, street address lines, "City, ST" and ZIP codes, the date of birth in the usual
 * spellings; and any e-mail address, US phone number or SSN-shaped number at all.
 */

export const REDACTED = '[REDACTED]';

export interface SensitiveTerms {
  readonly people: readonly string[];
  readonly organizations: readonly string[];
  /** Claim, EAMS, WCIS, NPI, phone numbers: matched with any separators between their characters. */
  readonly identifiers: readonly string[];
  readonly emails: readonly string[];
  readonly addresses: readonly PostalAddress[];
  /** ISO dates (the date of birth). */
  readonly dates: readonly string[];
}

const ORGANIZATION_ROLES = new Set<Party['role']>([
  'employer',
  'claims-administrator',
  'insurer',
  'ur-organization',
  'facility',
  'manufacturer',
]);

/** What the case's records say about its parties. */
export function sensitiveTermsOf(
  parties: readonly Party[],
  application: Application | undefined,
  ur: UrDecision | undefined,
): SensitiveTerms {
  const people: string[] = [];
  const organizations: string[] = [];
  const identifiers: string[] = [];
  const emails: string[] = [];
  const addresses: PostalAddress[] = [];
  const dates: string[] = [];
  const push = (list: string[], v: string | undefined) => {
    if (v !== undefined && v.trim() !== '') list.push(v);
  };
  for (const p of parties) {
    if (ORGANIZATION_ROLES.has(p.role)) push(organizations, p.name);
    else {
      push(people, p.name);
      // A representative may be a firm.
      if (p.role === 'representative') push(organizations, p.name);
    }
    push(organizations, p.organization);
    push(identifiers, p.npi);
    push(identifiers, p.phone);
    push(emails, p.email);
    if (p.address !== undefined) addresses.push(p.address);
  }
  if (application !== undefined) {
    push(people, application.employeeName);
    push(people, application.requestingPhysicianName);
    push(people, application.adjusterName);
    push(organizations, application.employerName);
    push(organizations, application.claimsAdministratorName);
    push(identifiers, application.claimNumber);
    push(identifiers, application.eamsCaseNumber);
    push(identifiers, application.wcisNumber);
    push(identifiers, application.employeePhone);
    push(dates, application.employeeDob);
    if (application.employeeAddress !== undefined) addresses.push(application.employeeAddress);
  }
  if (ur !== undefined) {
    push(people, ur.reviewerName);
    push(organizations, ur.organization);
  }
  return { people, organizations, identifiers, emails, addresses, dates };
}

// ---------------------------------------------------------------------------------------------
// Patterns

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
/**
 * Letters and digits (Latin, Greek, Cyrillic). The expressions run without the `u` flag: with it, a
 * case-insensitive match over Unicode classes costs about a millisecond to compile, per letter.
 */
const WORD = 'A-Za-z0-9\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
/** Whole words only: not inside a longer word or number. */
const START = `(?<![${WORD}])`;
const END = `(?![${WORD}])`;
const SEP = "[\\s,.'’]+";

const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'doctor']);
const SUFFIXES = new Set([
  'md',
  'do',
  'dc',
  'dds',
  'dmd',
  'dpm',
  'od',
  'phd',
  'psyd',
  'pa',
  'np',
  'rn',
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'esq',
  'qme',
  'facs',
]);
const PARTICLES = new Set([
  'de',
  'la',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'le',
  'du',
  'st',
  'al',
  'el',
  'bin',
]);
/** Words of a name as written, without punctuation. */
function words(name: string): string[] {
  return name
    .normalize('NFC')
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, ''))
    .filter((w) => w !== '');
}

/** The words that name the person: titles and degrees dropped. */
function nameWords(name: string): string[] {
  return words(name).filter((w) => {
    const k = foldText(w);
    return !TITLES.has(k) && !SUFFIXES.has(k);
  });
}

function phrase(ws: readonly string[]): string {
  return ws.map(escapeRe).join(SEP);
}

/** Character by character, any separators between: "CLM-000 1" matches "clm0001". */
function spaced(value: string): string | undefined {
  const chars = [...value].filter((ch) => /[\p{L}\p{N}]/u.test(ch));
  if (chars.length < 4) return undefined;
  return chars.map(escapeRe).join('[\\s\\-./()]*');
}

function datePatterns(iso: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return [];
  const [, y = '', mo = '', d = ''] = m;
  const month = Number(mo);
  const day = Number(d);
  const name = monthName(month) ?? '';
  const short = name.slice(0, 3);
  const md = `0?${month}[/.-]0?${day}`;
  return [
    `${y}-${mo}-${d}`,
    `${md}[/.-](?:${y}|${y.slice(2)})`,
    `(?:${name}|${short}\\.?)\\s+0?${day}(?:st|nd|rd|th)?,?\\s+${y}`,
    `0?${day}\\s+(?:${name}|${short}\\.?),?\\s+${y}`,
  ];
}

/** Address patterns, each with the words a text must hold to match it. */
function addressPatterns(a: PostalAddress): { pattern: string; words: string[] }[] {
  const out: { pattern: string; words: string[] }[] = [];
  for (const line of a.lines) {
    const ws = words(line);
    if (ws.length > 0) out.push({ pattern: phrase(ws), words: ws });
  }
  if (a.city !== undefined) {
    const cityWords = words(a.city);
    const states = a.state === undefined ? [] : [a.state, STATE_NAMES[a.state] ?? a.state];
    const tail = [...states.map(escapeRe), ...(a.postalCode === undefined ? [] : [escapeRe(a.postalCode)])];
    if (cityWords.length > 0 && tail.length > 0) {
      out.push({
        pattern: `${phrase(cityWords)},?\\s+(?:${tail.join('|')})(?:\\s+\\d{5}(?:-\\d{4})?)?`,
        words: cityWords,
      });
    }
  }
  if (a.postalCode !== undefined) out.push({ pattern: escapeRe(a.postalCode), words: [a.postalCode] });
  return out;
}

/**
 * The words of an organization's name that tell it apart, as written: those the conflict screen's
 * normalization (src/reviewers `normalizeOrganizationName`) keeps, which drops a leading "The" and
 * trailing legal forms. A word goes only when all of it went ("Smith-Co" stays whole).
 */
function organizationCore(ws: readonly string[]): string[] {
  const tokens = ws.map((w) =>
    foldText(w)
      .split(' ')
      .filter((t) => t !== ''),
  );
  const kept = normalizeOrganizationName(ws.join(' '))
    .split(' ')
    .filter((t) => t !== '');
  // The kept tokens are a run of all the words' tokens: a leading "the" and trailing ones may be gone.
  const start = tokens[0]?.[0] === 'the' ? 1 : 0;
  const end = start + kept.length;
  /** Where each word's tokens begin. */
  const begins: number[] = [];
  let position = 0;
  for (const t of tokens) {
    begins.push(position);
    position += t.length;
  }
  const first = start === 1 && tokens[0]?.length === 1 ? 1 : 0;
  let last = ws.length;
  while (last - 1 > first && (begins[last - 1] as number) >= end) last -= 1;
  return ws.slice(first, last);
}

/** The name as written and its core, each with the word a text must hold to match it. */
function organizationPatterns(name: string): { pattern: string; first: string }[] {
  const ws = words(name);
  if (ws.length === 0) return [];
  const out = [{ pattern: phrase(ws), first: ws[0] as string }];
  const core = organizationCore(ws);
  if (core.length > 0 && core.join(' ') !== ws.join(' ')) out.push({ pattern: phrase(core), first: core[0] as string });
  return out;
}

function personPatterns(name: string): { phrases: string[]; tokens: string[] } {
  const ws = nameWords(name);
  if (ws.length === 0) return { phrases: [], tokens: [] };
  const phrases = [phrase(ws)];
  if (ws.length > 1) {
    const last = ws.at(-1) as string;
    const rest = ws.slice(0, -1);
    phrases.push(`${escapeRe(last)}${SEP}${phrase(rest)}`);
    // First and last without the middle names or initials.
    if (ws.length > 2)
      phrases.push(phrase([ws[0] as string, last]), `${escapeRe(last)}${SEP}${escapeRe(ws[0] as string)}`);
  }
  const tokens: string[] = [];
  for (const w of ws) {
    if ([...w].length < 2 || PARTICLES.has(foldText(w))) continue;
    const lower = w.toLowerCase();
    const title = `${lower.slice(0, 1).toUpperCase()}${lower.slice(1)}`;
    for (const v of new Set([w, title, w.toUpperCase()])) tokens.push(escapeRe(v));
  }
  return { phrases, tokens };
}

const EMAIL = `[${WORD}._%+-]+@[${WORD}.-]+\\.[A-Za-z]{2,}`;
const PHONE = '(?:\\+?1[\\s.-]?)?\\(?\\d{3}\\)?[\\s.-]?\\d{3}[\\s.-]\\d{4}';
const SSN = '\\d{3}-\\d{2}-\\d{4}';

/** A pattern and a cheap test that a text could contain a match at all. */
interface Rule {
  readonly pattern: string;
  readonly caseSensitive: boolean;
  readonly applies: (t: TextViews) => boolean;
}

interface TextViews {
  readonly raw: string;
  readonly lower: string;
  /** Lower case, letters and digits only. */
  readonly squashed: string;
}

const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const hasWords = (ws: readonly string[]) => {
  const lowered = ws.map((w) => w.toLowerCase());
  return (t: TextViews) => lowered.every((w) => t.lower.includes(w));
};

function rulesOf(terms: SensitiveTerms): Rule[] {
  const rules: Rule[] = [
    { pattern: EMAIL, caseSensitive: false, applies: (t) => t.raw.includes('@') },
    { pattern: `${PHONE}|${SSN}`, caseSensitive: false, applies: (t) => /\d{4}/.test(t.raw) },
  ];
  const insensitive = (pattern: string, applies: Rule['applies']) =>
    rules.push({ pattern, caseSensitive: false, applies });
  for (const p of terms.people) {
    const { phrases, tokens } = personPatterns(p);
    const ws = nameWords(p);
    for (const ph of phrases) insensitive(ph, hasWords(ws.length > 2 ? [ws[0] as string, ws.at(-1) as string] : ws));
    for (const t of tokens) {
      const literal = t.replace(/\\(.)/g, '$1');
      rules.push({ pattern: t, caseSensitive: true, applies: (v) => v.raw.includes(literal) });
    }
  }
  for (const o of terms.organizations) {
    for (const { pattern, first } of organizationPatterns(o)) insensitive(pattern, hasWords([first]));
  }
  for (const e of terms.emails) insensitive(escapeRe(e), hasWords([e]));
  for (const id of terms.identifiers) {
    const pattern = spaced(id);
    const key = squash(id);
    if (pattern !== undefined) insensitive(pattern, (t) => t.squashed.includes(key));
  }
  for (const a of terms.addresses) {
    for (const { pattern, words: ws } of addressPatterns(a)) insensitive(pattern, hasWords(ws));
  }
  for (const d of terms.dates) {
    const year = d.slice(2, 4);
    for (const pattern of datePatterns(d)) insensitive(pattern, (t) => t.raw.includes(year));
  }
  return rules;
}

function alternation(patterns: readonly string[], flags: string): RegExp | undefined {
  const unique = [...new Set(patterns)].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return undefined;
  return new RegExp(`${START}(?:${unique.join('|')})${END}`, flags);
}

export type Redactor = (text: string) => string;

/**
 * A function that removes every sensitive term (and any e-mail, phone or SSN) from a text. Only the
 * patterns a text could match are compiled into the expression run over it.
 */
export function compileRedactor(terms: SensitiveTerms): Redactor {
  const rules = rulesOf(terms);
  const compiled = new Map<string, RegExp | undefined>();
  const regexFor = (chosen: readonly Rule[], caseSensitive: boolean): RegExp | undefined => {
    const patterns = chosen.filter((r) => r.caseSensitive === caseSensitive).map((r) => r.pattern);
    const key = `${caseSensitive}\u0000${patterns.join('\u0000')}`;
    if (!compiled.has(key)) compiled.set(key, alternation(patterns, caseSensitive ? 'g' : 'gi'));
    return compiled.get(key);
  };
  const runs = new RegExp(`${escapeRe(REDACTED)}(?:[\\s,.]*${escapeRe(REDACTED)})+`, 'g');
  return (text) => {
    if (text === '') return text;
    const lower = text.toLowerCase();
    const views: TextViews = { raw: text, lower, squashed: squash(text) };
    const chosen = rules.filter((r) => r.applies(views));
    if (chosen.length === 0) return text;
    let out = text;
    for (const re of [regexFor(chosen, false), regexFor(chosen, true)]) {
      if (re !== undefined) out = out.replace(re, REDACTED);
    }
    return out.replace(runs, REDACTED);
  };
}

function redactBasis(b: Basis, r: Redactor): Basis {
  return {
    usedMtus: b.usedMtus,
    citations: b.citations.map((c) => ({
      ...c,
      text: r(c.text),
      ...(c.sections === undefined ? {} : { sections: r(c.sections) }),
    })),
    raw: r(b.raw),
  };
}

function redactItem(item: LetterItem, r: Redactor): LetterItem {
  return {
    request: r(item.request),
    ...(item.originalRequest === undefined ? {} : { originalRequest: r(item.originalRequest) }),
    ...(item.authorizedPortion === undefined ? {} : { authorizedPortion: r(item.authorizedPortion) }),
    decision: item.decision,
    claimsAdministratorBasis: redactBasis(item.claimsAdministratorBasis, r),
    reviewerBasis: redactBasis(item.reviewerBasis, r),
    rationale: r(item.rationale),
  };
}

/** The public copy of a letter: the same letter with every free-text field redacted (and no file name). */
export function redactLetter(letter: Letter, terms: SensitiveTerms): Letter {
  const r = compileRedactor(terms);
  return {
    case: letter.case,
    reviewer: letter.reviewer,
    patient: letter.patient,
    clinicalSummary: r(letter.clinicalSummary),
    items: letter.items.map((i) => redactItem(i, r)),
  };
}
