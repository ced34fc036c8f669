/**
 * The decision-support engine: disputed items reviewed per second on one core (target ≥ 1,000), with
 * the ratio to parsing the same letters in the same run. Each round reviews every letter's blind input
 * (summary and requests) and, in alternation, parses the same letters' text. Two more rows time the two
 * largest parts of a review on the same inputs, so that a change in the review rate can be traced: the
 * clinical reader on each record, and topic selection for each request.
 */
import { readClinical } from '../../src/clinical/extract.js';
import { blindInput } from '../../src/engine/replay.js';
import { parseRequest } from '../../src/engine/request.js';
import { phasesOf, reviewCase } from '../../src/engine/review.js';
import type { ReviewInput } from '../../src/engine/review-types.js';
import { type TopicQuery, topicsFor } from '../../src/guidelines/select.js';
import { parseLetterText } from '../../src/letter/index.js';
import { loadLetterCorpus, type TextLetter } from '../lib/letter-corpus.js';
import { collectGarbage, measuredRow, now, pairedRatio } from '../lib/measure.js';
import type { BenchContext, Suite, SuiteResult } from '../lib/types.js';

const ROUNDS = 5;
const REPEAT = 4;
const TARGET_ITEMS_PER_SECOND = 1_000;
/** Where a letter has no decision date (the engine then takes the latest date in the record). */
const FALLBACK_DATE = '2017-01-01';

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
  const rounds = [reviewRound, parseRound, readRound, selectRound];
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
  const [reviewSeconds = [], parseSeconds = [], readSeconds = [], selectSeconds = []] = seconds;
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
    ],
    notes: [
      ...notes,
      `Each review reads the record, parses each request, selects topics and evaluates criteria (checksum ${checksum}).`,
      'The · rows are parts of a review on the same inputs: the clinical reader on each summary, and topic selection for each request (its first choice, as the engine asks).',
    ],
    data: {},
  };
}
