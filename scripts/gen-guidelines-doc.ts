/**
 * Writes docs/guidelines/<chapter>.md (one per topic data file) and docs/guidelines/README.md from the
 * knowledge base (`npm run docs:guidelines`), so a clinician can read and correct the rules without
 * reading JSON or TypeScript. src/guidelines/guidelines-doc.test.ts fails when the committed pages drift
 * from the data.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deadWords, unrateable } from '../src/guidelines/fact-values.js';
import type {
  Condition,
  Criterion,
  FactCondition,
  FactKind,
  IfSilent,
  Limit,
  LimitMeasure,
  Position,
  RequestFlag,
  RequestNumber,
  Topic,
  Verification,
} from '../src/guidelines/schema.js';
import { impliedIfSilent } from '../src/guidelines/schema.js';
import { chapterOf, editionOf, SOURCES, sourceById } from '../src/guidelines/sources.js';
import { TOPIC_CHAPTERS, type TopicChapter } from '../src/guidelines/topics/index.js';

export const GUIDELINES_DOC_DIR = fileURLToPath(new URL('../docs/guidelines/', import.meta.url));

const HEADER = (source: string): string =>
  `<!-- generated — do not edit. Source: ${source}; regenerate with \`npm run docs:guidelines\`. -->`;

// ---------------------------------------------------------------------------------------------------
// Words for the data's closed sets (Record<Union, …>: a new value breaks the build until it has words)
// ---------------------------------------------------------------------------------------------------

const FACT_WORDS: Record<FactKind, string> = {
  'pain-score': 'a pain score',
  'pain-relief': 'pain relief (a reduction, usually a percentage)',
  'functional-improvement': 'functional improvement',
  'functional-limitation': 'a functional limitation',
  'medication-use': 'current use of a medication',
  'side-effects': 'side effects',
  'prior-treatment': 'prior treatment',
  'treatment-benefit': 'benefit from a prior treatment',
  'treatment-failure': 'failure of (or no benefit from) a prior treatment',
  'exam-finding': 'an examination finding',
  'radicular-symptoms': 'radicular symptoms',
  'neurological-deficit': 'a neurological deficit',
  'imaging-result': 'an imaging study or its result',
  'electrodiagnostic-result': 'an electrodiagnostic study or its result',
  'red-flag': 'a red flag for serious pathology',
  'surgery-history': 'a past surgery',
  'surgery-planned': 'a planned surgery',
  'work-status': 'a work status',
  'urine-drug-screen': 'a urine drug screen',
  'opioid-agreement': 'an opioid treatment agreement',
  'aberrant-behavior': 'aberrant drug-related behavior',
  'home-exercise': 'a home exercise program',
  chronicity: 'how long the condition has lasted',
  diagnosis: 'a diagnosis',
  'psychological-symptoms': 'psychological symptoms',
  'sleep-disturbance': 'a sleep disturbance',
  'gi-risk': 'gastrointestinal symptoms or risk factors',
};

const NUMBER_WORDS: Record<RequestNumber, string> = {
  sessions: 'sessions or visits requested',
  sessionsWithPrior: 'sessions requested plus those already documented as done',
  quantity: 'quantity requested',
  supplyDays: 'days the requested supply lasts',
  refills: 'refills requested',
  levels: 'spinal levels requested',
  weeks: 'weeks requested',
  perWeek: 'sessions per week requested',
  perDay: 'doses per day requested',
  hoursPerWeek: 'hours per week requested',
  strengthPercent: 'strength (%) of a topical ingredient',
  medMgPerDay: 'daily morphine equivalents (mg), requested plus concurrent opioids',
};

const FLAG_WORDS: Record<RequestFlag, readonly [whenTrue: string, whenFalse: string]> = {
  quantityUnspecified: ['the request leaves the quantity unspecified', 'the request states the quantity'],
  frequencySpecified: ['the request states a frequency or number of sessions', 'the request states no frequency'],
  bodyPartSpecified: ['the request names the body part', 'the request names no body part'],
  levelsSpecified: ['the request names the spinal levels', 'the request names no spinal level'],
  sideSpecified: ['the request names the side', 'the request names no side'],
  retrospective: ['the request is retrospective', 'the request is prospective'],
  associatedSurgery: ['the request is tied to a surgery', 'the request is not tied to a surgery'],
  additional: [
    'the request continues a treatment (additional, refill, or the drug is already taken)',
    'the request is a first course',
  ],
  asNeeded: ['the request is for use as needed', 'the request is not for use as needed'],
  rentalOrPurchaseSpecified: ['the request says rental or purchase', 'the request does not say rental or purchase'],
};

const POSITION_WORDS: Record<Position, string> = {
  recommended: 'recommended',
  conditional: 'recommended under conditions',
  'not-recommended': 'not recommended',
  'insufficient-evidence': 'insufficient evidence to recommend',
};

const VERIFICATION_WORDS: Record<Verification['status'], string> = {
  letters:
    'LETTERS — section (and pages, where given) as real determination letters cite it; criteria follow the reasoning in those letters. Not yet re-read against the guideline text.',
  recalled:
    'RECALLED — from the research notes, not yet seen in a letter nor checked against the guideline text. Check before relying on it alone.',
  uncertain: 'UNCERTAIN — do not rely on it alone until checked against the guideline text.',
};

const MEASURE_WORDS: Record<LimitMeasure, string> = {
  visits: 'visits',
  weeks: 'weeks',
  days: 'days',
  months: 'months',
  'visits-per-week': 'visits per week',
  levels: 'levels',
  injections: 'injections',
  'injections-per-year': 'injections per year',
  'med-mg-per-day': 'mg morphine equivalents per day',
  'hours-per-week': 'hours per week',
  'hours-per-day': 'hours per day',
  'days-per-week': 'days per week',
  'relief-percent': '% pain relief',
  'relief-weeks': 'weeks of relief',
  'grams-per-day': 'grams per day',
  'strength-percent': '% strength',
  'weeks-of-conservative-care': 'weeks of conservative care',
  'months-of-conservative-care': 'months of conservative care',
  'years-since-injury': 'years since injury',
  'age-years': 'years of age',
  'months-between': 'months between procedures',
  'procedures-per-year': 'procedures per year',
};

// ---------------------------------------------------------------------------------------------------
// Conditions and criteria in words
// ---------------------------------------------------------------------------------------------------

function code(words: readonly string[]): string {
  return words.map((w) => `“${w}”`).join(', ');
}

function bounds(min: number | undefined, max: number | undefined, unit = ''): string {
  if (min !== undefined && max !== undefined) return `${min}–${max}${unit}`;
  if (min !== undefined) return `at least ${min}${unit}`;
  return `at most ${max}${unit}`;
}

function factWords(c: FactCondition): string {
  const parts = [FACT_WORDS[c.fact]];
  if (c.values) parts.push(`naming one of ${code(c.values)}`);
  if (c.qualifiers) parts.push(`qualified as one of ${code(c.qualifiers)}`);
  if (c.min !== undefined || c.max !== undefined) parts.push(`with a value of ${bounds(c.min, c.max)}`);
  if (c.minCount !== undefined) parts.push(`counted at least ${c.minCount} times`);
  if (c.aboutRequest) parts.push('in a statement naming the requested drug (or “medication”)');
  if (c.otherThanRequest) parts.push('about a drug other than the one requested');
  const what = parts.join(', ');
  return c.expect === 'present'
    ? `the record documents ${what}`
    : `the record states there is no ${what.replace(/^an? /, '')}`;
}

/** One condition in words. */
export function conditionWords(c: Condition): string {
  if ('fact' in c) return factWords(c);
  if ('request' in c && 'expect' in c) return FLAG_WORDS[c.request][c.expect ? 0 : 1];
  if ('request' in c) return `the ${NUMBER_WORDS[c.request]} is ${bounds(c.min, c.max)}`;
  if ('requestMentions' in c) return `the request names one of ${code(c.requestMentions)}`;
  if ('bodyPart' in c) return `the request concerns the ${c.bodyPart.join(', or ')}`;
  if ('ingredient' in c) {
    const { classes, generics, forms } = c.ingredient;
    const what = [
      classes ? `of class ${classes.join(' or ')}` : '',
      generics ? `one of ${code(generics)}` : '',
      forms ? `as ${forms.join(' or ')}` : '',
    ]
      .filter((s) => s !== '')
      .join(', ');
    return c.expect === 'present' ? `a requested drug is ${what}` : `no requested drug is ${what}`;
  }
  if ('chronicity' in c) return `the condition is ${c.chronicity.join(' or ')}`;
  if ('age' in c) return `the patient's age is ${bounds(c.age.min, c.age.max, ' years')}`;
  if (c.context === 'surgery-certified') {
    return c.expect ? 'the surgery this service supports is certified' : 'the surgery is not certified';
  }
  return c.expect ? 'the same service is already authorized' : 'the same service is not already authorized';
}

const SILENCE_WORDS: Record<IfSilent, (required: boolean) => string> = {
  'not-documented': (required) =>
    required
      ? 'not documented — and, the criterion being required, that counts against the request.'
      : 'not documented; the criterion is optional, so silence alone does not decide the request.',
  met: () => 'met — these are things a record mentions only when they exist, so silence means none.',
  'request-decides': () => 'no effect — the request itself answers this criterion.',
};

/** What the clinical reader cannot supply for this criterion (src/guidelines/fact-values.ts). */
function readerCheck(c: Criterion): string[] {
  const e = c.evidence;
  const facts = [...(c.when ?? []), ...(e.anyOf ?? []), ...(e.allOf ?? []), ...(e.noneOf ?? [])].filter(
    (x): x is FactCondition => 'fact' in x,
  );
  const out: string[] = [];
  for (const f of facts) {
    const why = unrateable(f);
    if (why !== undefined) {
      out.push(`   - **Reader check: cannot be rated as written** — ${why}.`);
      continue;
    }
    const dead = deadWords(f);
    const words = [...dead.values, ...dead.qualifiers];
    if (words.length > 0) {
      out.push(`   - Reader check: the clinical reader never produces ${code(words)} for ${FACT_WORDS[f.fact]}.`);
    }
  }
  return out;
}

function criterionLines(c: Criterion, n: number): string[] {
  const e = c.evidence;
  const lines = [`${n}. **${c.text}** \`${c.id}\` — ${c.required ? 'required' : 'optional'}`];
  if (c.when) {
    const when = c.when.map((w) =>
      'fact' in w && w.expect === 'absent' ? `${conditionWords(w)} (silence counts as none)` : conditionWords(w),
    );
    lines.push(
      `   - Applies only when ${when.join('; and ')}. A record silent on this leaves the criterion not applicable.`,
    );
  }
  if (c.unlessRequestMentions) {
    lines.push(`   - Not applicable when the request names one of ${code(c.unlessRequestMentions)}.`);
  }
  if (e.anyOf) lines.push(`   - Met by any one of: ${e.anyOf.map(conditionWords).join('; or ')}.`);
  if (e.allOf) lines.push(`   - Needs all of: ${e.allOf.map(conditionWords).join('; and ')}.`);
  if (e.noneOf) lines.push(`   - Unmet if any of: ${e.noneOf.map(conditionWords).join('; or ')}.`);
  lines.push(`   - If the record is silent: ${SILENCE_WORDS[impliedIfSilent(c)](c.required)}`);
  lines.push(...readerCheck(c));
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// Topics and pages
// ---------------------------------------------------------------------------------------------------

/** Pages as ranges: 46, 48–50. */
export function pageRanges(pages: readonly number[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < pages.length) {
    const start = pages[i] as number;
    let end = start;
    while (pages[i + 1] === end + 1) end = pages[++i] as number;
    out.push(end === start ? String(start) : `${start}–${end}`);
    i++;
  }
  return out.join(', ');
}

function limitWords(l: Limit): string {
  const stage = l.stage === undefined ? '' : ` (${l.stage})`;
  const applies = l.applies === undefined ? '' : ` — ${l.applies}`;
  return `${bounds(l.min, l.max)} ${MEASURE_WORDS[l.measure]}${stage}${applies}`;
}

function sourceLine(t: Topic): string {
  const source = sourceById(t.sourceId);
  const edition = source === undefined ? undefined : editionOf(source, t.edition);
  const chapter = source === undefined ? undefined : chapterOf(source, t.chapter);
  if (source === undefined || edition === undefined) return `${t.sourceId} ${t.edition} (unknown source)`;
  const parts = [`${source.name} (${source.citationSource}, tier ${source.tier}, ${source.licence})`];
  if (chapter !== undefined) parts.push(`${chapter.name} chapter`);
  parts.push(edition.label);
  return parts.join(' — ');
}

function inForceLine(t: Topic): string {
  const source = sourceById(t.sourceId);
  const edition = source === undefined ? undefined : editionOf(source, t.edition);
  if (edition === undefined) return 'unknown';
  const to = edition.effectiveTo === undefined ? 'no end date' : `through ${edition.effectiveTo}`;
  return `requests from ${edition.effectiveFrom}, ${to}${source?.regulation ? ` (${source.regulation})` : ''}`;
}

function otherEditions(t: Topic, all: readonly Topic[]): string | undefined {
  if (t.lineage === undefined) return undefined;
  const others = all.filter((o) => o.lineage === t.lineage && o.id !== t.id).map((o) => `\`${o.id}\``);
  return others.length === 0 ? undefined : others.join(', ');
}

function appliesToLine(t: Topic): string {
  const a = t.appliesTo;
  const parts = [`${a.kinds.join(', ')} requests`];
  const names = [
    a.drugClasses ? `drug classes ${a.drugClasses.join(', ')}` : '',
    a.drugs ? `drugs ${a.drugs.join(', ')}` : '',
    a.keywords ? `words ${code(a.keywords)}` : '',
  ].filter((s) => s !== '');
  if (names.length > 0) parts.push(`naming ${names.join('; or ')}`);
  if (a.route) parts.push(`${a.route} route`);
  if (a.bodyParts) parts.push(`for the ${a.bodyParts.join(', ')}`);
  if (a.phases) parts.push(`in the ${a.phases.join(' or ')} phase`);
  if (a.surgicalContext === 'required') parts.push('tied to a surgery');
  if (a.surgicalContext === 'excluded') parts.push('not tied to a surgery');
  if (a.excludeKeywords) parts.push(`not naming ${code(a.excludeKeywords)}`);
  if (a.maxDrugs !== undefined) parts.push(`at most ${a.maxDrugs} drug(s) per request`);
  return parts.join('; ');
}

function anchor(t: Topic): string {
  return t.id.replace(/[^a-z0-9-]/g, '');
}

function topicSection(t: Topic, all: readonly Topic[]): string[] {
  const lines = [`### ${t.title}`, '', `<a id="${anchor(t)}"></a>\`${t.id}\``, ''];
  const v = t.verification;
  lines.push(`- **Verification:** ${VERIFICATION_WORDS[v.status]}${v.note ? ` Note: ${v.note}` : ''}`);
  lines.push(`- **Source:** ${sourceLine(t)}`);
  lines.push(`- **In force:** ${inForceLine(t)}`);
  const others = otherEditions(t, all);
  if (others !== undefined) lines.push(`- **Other editions of this topic:** ${others}`);
  lines.push(`- **Section:** ${t.section}`);
  if (t.sectionAliases) lines.push(`- **Also cited as:** ${t.sectionAliases.join('; ')}`);
  lines.push(`- **Pages:** ${t.pages ? pageRanges(t.pages) : 'not recorded'}`);
  lines.push(`- **Position:** ${POSITION_WORDS[t.position]} — ${t.positionSummary}`);
  lines.push(`- **Applies to:** ${appliesToLine(t)}`);
  lines.push('', '**Criteria**', '');
  if (t.criteria.length === 0) lines.push('None: the topic carries the position only.');
  for (const [i, c] of t.criteria.entries()) lines.push(...criterionLines(c, i + 1));
  if (t.limits.length > 0) {
    lines.push('', '**Numbers the guideline sets**', '');
    for (const l of t.limits) lines.push(`- ${limitWords(l)}`);
  }
  lines.push('', `**Rationale wording:** ${t.rationale}`, '');
  if (t.reviewNotes) {
    lines.push('**Open questions for review**', '');
    for (const note of t.reviewNotes) lines.push(`- ${note}`);
    lines.push('');
  }
  return lines;
}

function verificationCounts(topics: readonly Topic[]): string {
  const n = (s: Verification['status']): number => topics.filter((t) => t.verification.status === s).length;
  return `${n('letters')} seen in letters, ${n('recalled')} recalled, ${n('uncertain')} uncertain`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** One chapter's page. Pure: the test calls it. */
export function renderChapterDoc(chapter: TopicChapter, all: readonly Topic[]): string {
  const topics = chapter.topics;
  const lines = [
    HEADER(`src/guidelines/topics/${chapter.chapter}.json`),
    '',
    `# ${chapter.title}`,
    '',
    `${topics.length} topics: ${verificationCounts(topics)}. Criteria and positions are our own paraphrase;`,
    'the guideline itself is cited by name, section and page. To correct a topic, edit its entry in',
    `\`src/guidelines/topics/${chapter.chapter}.json\` and regenerate this page.`,
    '',
    'How a criterion is rated: **met** on affirmative evidence in the clinical record (or the request);',
    '**unmet** when the record states the opposite or a defeater; **not documented** when the record is',
    'silent; **not applicable** when its conditions do not hold. All required criteria met → the engine',
    'recommends overturning the denial; a required criterion unmet or not documented → upholding it.',
    '',
    '| Topic | Source and edition | Section | Pages | Position | Verification |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const t of topics) {
    const source = sourceById(t.sourceId);
    const edition = source === undefined ? undefined : editionOf(source, t.edition);
    lines.push(
      `| [${cell(t.title)}](#${anchor(t)}) | ${cell(edition?.citeAs ?? t.sourceId)} | ${cell(t.section)} | ${
        t.pages ? pageRanges(t.pages) : '—'
      } | ${POSITION_WORDS[t.position]} | ${t.verification.status} |`,
    );
  }
  lines.push('', '## Topics', '');
  for (const t of topics) lines.push(...topicSection(t, all));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The index page. */
export function renderIndexDoc(chapters: readonly TopicChapter[]): string {
  const all = chapters.flatMap((c) => c.topics);
  const lines = [
    HEADER('src/guidelines/topics/*.json and src/guidelines/sources.json'),
    '',
    '# Guideline knowledge base',
    '',
    `${all.length} topics (${verificationCounts(all)}), ${all.reduce((n, t) => n + t.criteria.length, 0)} criteria.`,
    'Each page lists, per topic, the guideline source and edition in force, section, pages, position,',
    'each criterion in words with the evidence that rates it and what a silent record means, and how far',
    'the topic is verified. Topics still **recalled** or **uncertain** have not been checked against the',
    'guideline text: they are the first to review.',
    '',
    '| Chapter | Topics | Letters | Recalled | Uncertain |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const c of chapters) {
    const n = (s: Verification['status']): number => c.topics.filter((t) => t.verification.status === s).length;
    lines.push(
      `| [${c.title}](${c.chapter}.md) | ${c.topics.length} | ${n('letters')} | ${n('recalled')} | ${n('uncertain')} |`,
    );
  }
  lines.push(
    '',
    '## Sources and editions',
    '',
    'From `src/guidelines/sources.json`. Tier is the step of the Medical Evidence Search Sequence (8 CCR',
    '9792.21.1): 1 = MTUS, 2 = ACOEM or ODG when the MTUS is silent, 3 = other guidelines, 4 = studies.',
    '',
    '| Source | Tier | Cited as | License | Edition | In force (request dates) | Topics |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const s of SOURCES) {
    for (const e of s.editions) {
      const n = all.filter((t) => t.sourceId === s.id && t.edition === e.id).length;
      const to = e.effectiveTo ?? 'no end date';
      lines.push(
        `| ${cell(s.name)} | ${s.tier} | ${s.citationSource} | ${s.licence} | ${cell(e.label)} | ${e.effectiveFrom} – ${to} | ${n} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Every page by file name. */
export function renderGuidelineDocs(chapters: readonly TopicChapter[] = TOPIC_CHAPTERS): Map<string, string> {
  const all = chapters.flatMap((c) => c.topics);
  const pages = new Map<string, string>([['README.md', renderIndexDoc(chapters)]]);
  for (const c of chapters) pages.set(`${c.chapter}.md`, renderChapterDoc(c, all));
  return pages;
}

function isMain(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && fileURLToPath(import.meta.url) === resolve(entry);
}

if (isMain()) {
  mkdirSync(GUIDELINES_DOC_DIR, { recursive: true });
  const pages = renderGuidelineDocs();
  for (const f of readdirSync(GUIDELINES_DOC_DIR)) if (!pages.has(f)) rmSync(join(GUIDELINES_DOC_DIR, f));
  for (const [file, text] of pages) writeFileSync(join(GUIDELINES_DOC_DIR, file), text);
  console.log(`wrote ${pages.size} pages to ${GUIDELINES_DOC_DIR}`);
}
