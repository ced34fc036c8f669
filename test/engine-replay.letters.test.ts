import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metrics, type ReplayRow, replayLetter } from '../src/engine/replay.js';
import { reviewCase, topicAgrees } from '../src/engine/review.js';
import { parseLetterText } from '../src/letter/parse-text.js';
import { corpusDir, seedsDir } from './shared-data.js';

/**
 * The engine against real published letters, blind (summary and requests only). The expected answers
 * are the reviewers' own decisions and citations, read from the letters at run time; nothing here names
 * a case. Without ../shared (a developer machine) these skip; in CI its absence fails the run.
 */
function replayDir(dir: string): ReplayRow[] {
  const rows: ReplayRow[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const parsed = parseLetterText(readFileSync(join(dir, f), 'utf8'));
    if (!parsed.ok) throw new Error(`${f}: ${parsed.error.code}`);
    rows.push(...replayLetter(parsed.value, { review: reviewCase, topicAgrees }));
  }
  return rows;
}

const seeds = seedsDir();
const corpus = corpusDir();

describe.skipIf(seeds === undefined)('seed letters, replayed blind', () => {
  const rows = seeds ? replayDir(seeds) : [];

  it('decides every seed item as its reviewer did', () => {
    expect(rows.length).toBeGreaterThanOrEqual(11);
    const misses = rows.filter((r) => r.recommended !== r.actual).map((r) => `${r.request}: ${r.recommended}`);
    expect(misses).toEqual([]);
  });

  it('cites the guideline topic the reviewer cited for every seed item that cites one', () => {
    const misses = rows.filter((r) => r.reviewerCited && !r.topicAgrees).map((r) => `${r.request}: ${r.engineTopic}`);
    expect(misses).toEqual([]);
  });
});

describe.skipIf(corpus === undefined)('dev corpus, replayed blind', () => {
  // Floors, not targets: they catch a change that makes the engine worse on letters it has seen. The
  // targets are on unseen letters (docs/replay-validation.md). The balanced-accuracy floor went down from
  // 0.82 when the burden of documentation came in (src/engine/assess.ts): rules written from these letters
  // had overturned on routine statements alone, which the held-aside letters showed does not generalize.
  it('keeps agreement, balanced accuracy and topic agreement above their floors, and never refers', () => {
    const m = metrics(corpus ? replayDir(corpus) : []);
    expect(m.items).toBe(126);
    expect(m.balancedAccuracy).toBeGreaterThanOrEqual(0.7);
    expect(m.agreement).toBeGreaterThanOrEqual(0.91);
    expect(m.topicAgreement).toBeGreaterThanOrEqual(0.85);
    expect(m.referRate).toBeLessThanOrEqual(0.1);
  });
});
