/**
 * The decision-support engine: disputed items reviewed per second on one core (target ≥ 1,000), with
 * the ratio to parsing the same letters in the same run. Each round reviews every letter's blind input
 * (summary and requests) and, in alternation, parses the same letters' text. Two more rows time the two
 * largest parts of a review on the same inputs, so that a change in the review rate can be traced: the
 * clinical reader on each record, and topic selection for each request. A last pair of rows reviews one
 * large case — a record of 1 MB after the assembly has left repeats out (target ≤ 2 s), and the same
 * case cut to a tenth of it — so that the time per record, and whether it grows faster than the record,
 * are measured in the same rounds.
 */
import { assembleRecord, type RecordDocument } from '../../src/clinical/assemble.js';
import { readClinical } from '../../src/clinical/extract.js';
import { blindInput } from '../../src/engine/replay.js';
import { parseRequest } from '../../src/engine/request.js';
import { phasesOf, reviewCase } from '../../src/engine/review.js';
import type { ReviewInput } from '../../src/engine/review-types.js';
import { type TopicQuery, topicsFor } from '../../src/guidelines/select.js';
import { parseLetterText } from '../../src/letter/index.js';
import { syntheticLetter } from '../../src/synthetic/letter.js';
import { loadLetterCorpus, type TextLetter } from '../lib/letter-corpus.js';
import { check, collectGarbage, measuredRow, now, pairedRatio } from '../lib/measure.js';
import type { BenchContext, Suite, SuiteResult } from '../lib/types.js';

const ROUNDS = 5;
const REPEAT = 4;
const TARGET_ITEMS_PER_SECOND = 1_000;
/** Where a letter has no decision date (the engine then takes the latest date in the record). */
const FALLBACK_DATE = '2017-01-01';
/** The large record: this many characters read after the assembly leaves repeated passages out. */
const LARGE_RECORD_CHARS = 1_000_000;
const LARGE_RECORD_SECONDS = 2;

/**
 * One case with a large record: the summary of an invented letter and, as documents, the summaries of
 * further invented letters until the assembled record (repeats left out) holds `chars` characters. The
 * requests are the first letter's. Invented text, so the row runs with or without the dev corpus.
 */
export function largeCase(chars: number): { input: ReviewInput; bytes: number; assembled: number } {
  const base = blindInput(syntheticLetter(1));
  const documents: RecordDocument[] = [];
  let assembled = assembleRecord(base.clinicalSummary, documents).text.length;
  for (let seed = 2; assembled < chars; seed += 64) {
    // a batch at a time, then assemble again to see how much of it was new
    for (let k = 0; k < 64; k++) {
      const letter = syntheticLetter(seed + k);
      documents.push({ title: `Progress report ${seed + k}`, text: letter.clinicalSummary });
    }
    assembled = assembleRecord(base.clinicalSummary, documents).text.length;
  }
  // drop documents from the end while the record stays large enough
  while (documents.length > 1) {
    const fewer = assembleRecord(base.clinicalSummary, documents.slice(0, -1)).text.length;
    if (fewer < chars) break;
    documents.pop();
    assembled = fewer;
  }
  const input: ReviewInput = { ...base, documents };
  const bytes =
    Buffer.byteLength(base.clinicalSummary, 'utf8') +
    documents.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
  return { input, bytes, assembled };
}

export const suite: Suite = {
  name: 'review',
  description: 'reviewCase on blind inputs from letters (items/s) vs parseLetterText on the same letters',
  async run(ctx: BenchContext): Promise<SuiteResult> {
    const corpus = await loadLetterCorpus(ctx.projectRoot, ctx.flags.has('synthetic'));
    try {
      return measure(corpus.label, corpus.texts, corpus.notes);
    } finally {
      await corpus.dispose();
    }
  },
};

/** The topic queries a review makes for a case's requests (its first choice for each). */
function topicQueries(input: ReviewInput): TopicQuery[] {
  const date = input.decisionDate ?? FALLBACK_DATE;
  const injuryDate = input.patient?.injuryDate;
  const record = readClinical(input.clinicalSummary, { referenceDate: date, ...(injuryDate ? { injuryDate } : {}) });
  const phases = phasesOf(injuryDate, date, record.facts);
  const phase = phases.includes('postsurgical') ? 'postsurgical' : phases[0];
  return input.items.map((item) => {
    const r = parseRequest(item.request, { referenceDate: date });
    return {
      kind: r.kind,
      text: r.text,
      modality: r.modality,
      drugs: r.drugs,
      bodyParts: r.bodyParts,
      phase,
      date,
      associatedSurgery: r.associatedSurgery,
    };
  });
}

function measure(label: string, texts: readonly TextLetter[], notes: readonly string[]): SuiteResult {
  const inputs: ReviewInput[] = [];
  for (const t of texts) {
    const parsed = parseLetterText(t.text);
    if (parsed.ok) inputs.push(blindInput(parsed.value));
  }
  const queries = inputs.flatMap(topicQueries);
  const items = inputs.reduce((n, i) => n + i.items.length, 0) * REPEAT;
  const bytes = texts.reduce((n, t) => n + t.bytes, 0) * REPEAT;
  const summaryBytes = inputs.reduce((n, i) => n + Buffer.byteLength(i.clinicalSummary, 'utf8'), 0) * REPEAT;
  const reviewRound = (): number => {
    let recommended = 0;
    for (let r = 0; r < REPEAT; r++) for (const i of inputs) recommended += reviewCase(i).items.length;
    return recommended;
  };
  const parseRound = (): number => {
    let ok = 0;
    for (let r = 0; r < REPEAT; r++) for (const t of texts) if (parseLetterText(t.text).ok) ok++;
    return ok;
  };
  const readRound = (): number => {
    let facts = 0;
    for (let r = 0; r < REPEAT; r++) for (const i of inputs) facts += readClinical(i.clinicalSummary).facts.length;
    return facts;
  };
  const selectRound = (): number => {
    let topics = 0;
    for (let r = 0; r < REPEAT; r++) for (const q of queries) topics += topicsFor(q).topics.length;
    return topics;
  };
  const large = largeCase(LARGE_RECORD_CHARS);
  const tenth = largeCase(LARGE_RECORD_CHARS / 10);
  const largeRound = (): number => reviewCase(large.input).items.length;
  const tenthRound = (): number => reviewCase(tenth.input).items.length;
  const rounds = [reviewRound, parseRound, readRound, selectRound, largeRound, tenthRound];
  for (const round of rounds) round();
  const seconds: number[][] = rounds.map(() => []);
  let checksum = 0;
  for (let r = 0; r < ROUNDS; r++) {
    rounds.forEach((round, k) => {
      collectGarbage();
      const t0 = now();
      checksum += round();
      seconds[k]?.push(now() - t0);
    });
  }
  const [
    reviewSeconds = [],
    parseSeconds = [],
    readSeconds = [],
    selectSeconds = [],
    largeSeconds = [],
    tenthSeconds = [],
  ] = seconds;
  const slowestLarge = Math.max(...largeSeconds);
  const mb = (n: number): string => (n / 1e6).toFixed(2);
  const letters = texts.length * REPEAT;
  return {
    name: suite.name,
    title: `${label} × ${REPEAT} per round (${items} items)`,
    rows: [
      measuredRow({
        label: 'review (items)',
        unit: 'items',
        itemsPerRound: items,
        bytesPerRound: bytes,
        seconds: reviewSeconds,
        minRate: TARGET_ITEMS_PER_SECOND,
        ratios: [pairedRatio('review/parse time', reviewSeconds, parseSeconds)],
      }),
      measuredRow({
        label: 'parse the same letters',
        unit: 'letters',
        itemsPerRound: letters,
        bytesPerRound: bytes,
        seconds: parseSeconds,
      }),
      measuredRow({
        label: '· read the records',
        unit: 'records',
        itemsPerRound: inputs.length * REPEAT,
        bytesPerRound: summaryBytes,
        seconds: readSeconds,
        ratios: [pairedRatio('read/review time', readSeconds, reviewSeconds)],
      }),
      measuredRow({
        label: '· select topics',
        unit: 'requests',
        itemsPerRound: queries.length * REPEAT,
        bytesPerRound: 0,
        seconds: selectSeconds,
        ratios: [pairedRatio('select/review time', selectSeconds, reviewSeconds)],
      }),
      measuredRow({
        label: 'review a 1 MB record',
        unit: 'records',
        itemsPerRound: 1,
        bytesPerRound: large.bytes,
        seconds: largeSeconds,
        ratios: [
          {
            name: `time/${LARGE_RECORD_SECONDS}s`,
            value: slowestLarge / LARGE_RECORD_SECONDS,
            method: `the slowest round's review of the large record over the ${LARGE_RECORD_SECONDS} s limit`,
            target: check(slowestLarge / LARGE_RECORD_SECONDS, '<=', 1),
          },
          pairedRatio('1 MB review/parse time', largeSeconds, parseSeconds),
        ],
        note: `${mb(large.bytes)} MB given in ${large.input.documents?.length ?? 0} documents, ${mb(large.assembled)} MB read after repeats are left out, ${large.input.items.length} items`,
      }),
      measuredRow({
        label: '· the same case at 0.1 MB',
        unit: 'records',
        itemsPerRound: 1,
        bytesPerRound: tenth.bytes,
        seconds: tenthSeconds,
        ratios: [pairedRatio('1 MB/0.1 MB time', largeSeconds, tenthSeconds)],
        note: `${mb(tenth.assembled)} MB read; a time ratio near 10 means the review grows with the record, not faster`,
      }),
    ],
    notes: [
      ...notes,
      `Each review reads the record, parses each request, selects topics and evaluates criteria (checksum ${checksum}).`,
      'The · rows are parts of a review on the same inputs: the clinical reader on each summary, and topic selection for each request (its first choice, as the engine asks).',
    ],
    data: {},
  };
}
