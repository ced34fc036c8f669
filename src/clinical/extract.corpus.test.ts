import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, seedsDir } from '../../test/shared-data.js';
import { setScanGates } from './document.js';
import { readClinical } from './extract.js';
import { Fact, type FactKind } from './types.js';

/**
 * Every dev-corpus and seed letter's clinical summary, as the raw text between the two headings (hard-wrapped,
 * page breaks and double spacing included). The letter parser is another module, so the summary is cut here.
 */
function loadSummaries(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const dir of [corpusDir(), seedsDir()]) {
    if (dir === undefined) continue;
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .sort()) {
      const raw = readFileSync(join(dir, f), 'utf8');
      const m = /CLINICAL CASE SUMMARY([\s\S]*?)IMR ISSUES/.exec(raw);
      if (m?.[1] !== undefined) out.push({ name: f, text: m[1] });
    }
  }
  return out;
}

const summaries = loadSummaries();

describe.skipIf(summaries.length === 0)('clinical reader over every real summary', () => {
  const records = summaries.map((s) => ({ name: s.name, record: readClinical(s.text) }));

  it('reads a summary out of every letter', () => {
    expect(summaries.length).toBeGreaterThanOrEqual(55);
  });

  it('every fact is well-formed and its evidence is the text at its offsets', () => {
    for (const { name, record } of records) {
      for (const f of record.facts) {
        expect(Fact.safeParse(f).success, name).toBe(true);
        expect(f.evidence.start, name).toBeGreaterThanOrEqual(0);
        expect(f.evidence.end, name).toBeLessThanOrEqual(record.text.length);
        expect(f.evidence.end, name).toBeGreaterThan(f.evidence.start);
        expect(f.evidence.quote, name).toBe(record.text.slice(f.evidence.start, f.evidence.end));
      }
      for (const s of record.sentences) expect(s.text, name).toBe(record.text.slice(s.start, s.end));
    }
  });

  it('finds an exam finding or a prior treatment in at least 90% of summaries', () => {
    const withFacts = records.filter(({ record }) =>
      record.facts.some((f) => f.kind === 'exam-finding' || f.kind === 'prior-treatment'),
    );
    expect(withFacts.length / records.length).toBeGreaterThanOrEqual(0.9);
  });

  it('finds a diagnosis and the time since injury in nearly every summary', () => {
    const share = (kind: FactKind): number =>
      records.filter(({ record }) => record.facts.some((f) => f.kind === kind)).length / records.length;
    expect(share('diagnosis')).toBeGreaterThanOrEqual(0.9);
    expect(share('chronicity')).toBeGreaterThanOrEqual(0.9);
    expect(share('pain-score')).toBeGreaterThanOrEqual(0.4);
  });

  it('uses most fact kinds somewhere in the corpus, negated and affirmed', () => {
    const all = records.flatMap(({ record }) => record.facts);
    const kinds = new Set(all.map((f) => f.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(20);
    const exam = all.filter((f) => f.kind === 'exam-finding');
    expect(exam.some((f) => f.negated)).toBe(true);
    expect(exam.some((f) => !f.negated)).toBe(true);
  });

  it('keyword gates change nothing: every summary reads the same with them off', () => {
    setScanGates(false);
    try {
      for (const { name, record } of records) {
        const ungated = readClinical(record.text);
        expect(ungated.facts, name).toEqual(record.facts);
      }
    } finally {
      setScanGates(true);
    }
  });
});
