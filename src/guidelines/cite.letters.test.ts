import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, projectRoot, seedsDir } from '../../test/shared-data.js';
import type { Citation, Letter } from '../domain/letter.js';
import { matchCitation } from './cite.js';
import { normalize } from './text.js';
import { ALL_TOPICS } from './topics/index.js';

/**
 * The knowledge base against real determination letters: every MTUS citation a reviewer wrote must
 * resolve to a topic of the guideline it names. Letters are read through the public `imr letter parse`
 * contract (src/guidelines may not import src/letter), and nothing here is keyed to a particular letter.
 */

const corpus = corpusDir();
const seeds = seedsDir();

function letterFiles(): string[] {
  const files: string[] = [];
  for (const dir of [corpus, seeds]) {
    if (dir === undefined) continue;
    for (const f of readdirSync(dir)) if (f.endsWith('.txt')) files.push(join(dir, f));
  }
  return files.sort();
}

function parseLetters(files: string[]): Letter[] {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'src/cli/entry.ts'), 'letter', 'parse', ...files],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return run.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Letter | { error: unknown })
    .filter((x): x is Letter => !('error' in x));
}

/** Which MTUS source a citation's words name, decided independently of the lookup under test. */
const MTUS_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/opioid treatment/, 'mtus-opioids'],
  [/chronic pain/, 'mtus-chronic-pain'],
  [/acupuncture/, 'mtus-acupuncture'],
  [/postsurgical|post surgical/, 'mtus-postsurgical'],
  [/general approaches|acoem chapter [1-7]\b/, 'mtus-acoem-general'],
  [/neck and upper back complaints|chapter 8\b/, 'mtus-acoem-neck'],
  [/shoulder complaints|chapter 9\b/, 'mtus-acoem-shoulder'],
  [/elbow complaints|chapter 10\b/, 'mtus-acoem-elbow'],
  [/forearm wrist and hand complaints|chapter 11\b/, 'mtus-acoem-hand'],
  [/low back complaints|chapter 12\b/, 'mtus-acoem-low-back'],
  [/knee complaints|chapter 13\b/, 'mtus-acoem-knee'],
  [/ankle and foot complaints|chapter 14\b/, 'mtus-acoem-ankle'],
  [/stress related conditions|chapter 15\b/, 'mtus-acoem-stress'],
];

function expectedMtusSource(c: Citation): string | undefined {
  const text = normalize(c.text);
  return MTUS_NAMES.find(([re]) => re.test(text))?.[1];
}

const files = letterFiles();
const letters = files.length > 0 ? parseLetters(files) : [];
const reviewerCitations = letters.flatMap((l) => l.items.flatMap((i) => i.reviewerBasis.citations));

describe.skipIf(files.length === 0)('real letters: reviewer citations resolve to topics', () => {
  it('parses the letters through the public parse command', () => {
    expect(letters.length).toBe(files.length);
    expect(reviewerCitations.length).toBeGreaterThan(100);
  });

  it('resolves at least 90% of MTUS reviewer citations to a topic of the named guideline and edition', () => {
    const mtus = reviewerCitations.filter((c) => c.source === 'MTUS');
    const misses: string[] = [];
    let sectionLevel = 0;
    for (const c of mtus) {
      const m = matchCitation(c);
      const expected = expectedMtusSource(c);
      const year = normalize(c.text).match(/\b(?:19|20)\d{2}\b/)?.[0];
      const editionOk = year === undefined || m === undefined || m.edition.year === Number(year);
      if (m === undefined || expected === undefined || m.source.id !== expected || !editionOk) {
        misses.push(`${c.text} | ${c.sections ?? ''} → ${m?.topic.id ?? 'none'}`);
        continue;
      }
      if (m.level !== 'source') sectionLevel++;
    }
    const coverage = (mtus.length - misses.length) / mtus.length;
    console.info(
      `MTUS reviewer citations: ${mtus.length}; resolved to the named guideline: ${(coverage * 100).toFixed(1)}%; ` +
        `by section or page: ${((sectionLevel / mtus.length) * 100).toFixed(1)}%`,
    );
    expect(misses.length / mtus.length, misses.join('\n')).toBeLessThanOrEqual(0.1);
    expect(sectionLevel / mtus.length).toBeGreaterThanOrEqual(0.85);
  });

  it('resolves at least 90% of non-MTUS reviewer citations to a lower-tier source', () => {
    const non = reviewerCitations.filter((c) => c.source === 'Non-MTUS');
    const resolved = non.filter((c) => {
      const m = matchCitation(c);
      return m !== undefined && m.source.tier > 1;
    });
    console.info(
      `Non-MTUS reviewer citations: ${non.length}; resolved: ${((resolved.length / non.length) * 100).toFixed(1)}%`,
    );
    expect(resolved.length / non.length).toBeGreaterThanOrEqual(0.9);
  });

  it('resolves every claims-administrator citation to the guideline it names', () => {
    const all = letters.flatMap((l) => l.items.flatMap((i) => i.claimsAdministratorBasis.citations));
    const unresolved = all.filter((c) => matchCitation(c) === undefined).map((c) => c.text);
    expect(unresolved.length / all.length, unresolved.join('\n')).toBeLessThanOrEqual(0.1);
  });

  it('copies no run of eight words from a letter into the knowledge base', () => {
    const shingles = new Set<string>();
    for (const l of letters) {
      for (const item of l.items) {
        const words = normalize(item.rationale).split(' ');
        for (let i = 0; i + 8 <= words.length; i++) shingles.add(words.slice(i, i + 8).join(' '));
      }
    }
    const copied: string[] = [];
    for (const t of ALL_TOPICS) {
      for (const text of [t.positionSummary, t.rationale, ...t.criteria.map((c) => c.text)]) {
        const words = normalize(text).split(' ');
        for (let i = 0; i + 8 <= words.length; i++) {
          const run = words.slice(i, i + 8).join(' ');
          if (shingles.has(run)) copied.push(`${t.id}: ${run}`);
        }
      }
    }
    expect(copied).toEqual([]);
  });
});
