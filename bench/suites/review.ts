/**
 * The decision-support engine: disputed items reviewed per second on one core (target ≥ 1,000), with
 * the ratio to parsing the same letters in the same run. Each round reviews every letter's blind input
 * (summary and requests) and, in alternation, parses the same letters' text.
 */
import { blindInput } from '../../src/engine/replay.js';
import { reviewCase } from '../../src/engine/review.js';
import type { ReviewInput } from '../../src/engine/review-types.js';
import { parseLetterText } from '../../src/letter/index.js';
import { loadLetterCorpus, type TextLetter } from '../lib/letter-corpus.js';
import { collectGarbage, measuredRow, now, pairedRatio } from '../lib/measure.js';
import type { BenchContext, Suite, SuiteResult } from '../lib/types.js';

const ROUNDS = 5;
const REPEAT = 4;
const TARGET_ITEMS_PER_SECOND = 1_000;

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

function measure(label: string, texts: readonly TextLetter[], notes: readonly string[]): SuiteResult {
  const inputs: ReviewInput[] = [];
  for (const t of texts) {
    const parsed = parseLetterText(t.text);
    if (parsed.ok) inputs.push(blindInput(parsed.value));
  }
  const items = inputs.reduce((n, i) => n + i.items.length, 0) * REPEAT;
  const bytes = texts.reduce((n, t) => n + t.bytes, 0) * REPEAT;
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
  reviewRound();
  parseRound();
  const reviewSeconds: number[] = [];
  const parseSeconds: number[] = [];
  let checksum = 0;
  for (let round = 0; round < ROUNDS; round++) {
    collectGarbage();
    let t0 = now();
    checksum += reviewRound();
    reviewSeconds.push(now() - t0);
    collectGarbage();
    t0 = now();
    checksum += parseRound();
    parseSeconds.push(now() - t0);
  }
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
    ],
    notes: [
      ...notes,
      `Each review reads the record, parses each request, selects topics and evaluates criteria (checksum ${checksum}).`,
    ],
    data: {},
  };
}
