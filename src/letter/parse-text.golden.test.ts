import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, seedsDir } from '../../test/shared-data.js';
import { Letter } from '../domain/letter.js';
import { parseLetterFile } from './load.js';
import { parseLetterText } from './parse-text.js';

/** Text compared as the golden files intend: whitespace collapsed, case and trailing punctuation ignored. */
function norm(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[\s.,;:]+$/, '');
}

/** Every field of `expected` must match `actual`; returns the mismatching paths. */
function mismatches(actual: unknown, expected: unknown, path: string, out: string[]): string[] {
  if (typeof expected === 'string') {
    if (typeof actual !== 'string' || norm(actual) !== norm(expected))
      out.push(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    } else {
      for (const [i, e] of expected.entries()) mismatches(actual[i], e, `${path}[${i}]`, out);
    }
  } else if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') {
      out.push(`${path}: missing object`);
      return out;
    }
    const a = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) {
      if (key === 'rationaleStartsWith') {
        if (!norm(String(a.rationale)).startsWith(norm(String(value))))
          out.push(`${path}.rationale does not start with ${JSON.stringify(value)}`);
      } else if (key === 'rationaleEndsWith') {
        if (!norm(String(a.rationale)).endsWith(norm(String(value))))
          out.push(`${path}.rationale does not end with ${JSON.stringify(value)}`);
      } else if (key !== 'file') {
        mismatches(a[key], value, `${path}.${key}`, out);
      }
    }
    // A citation must not carry pages or sections the golden file does not have.
    if (path.includes('.citations[')) {
      for (const key of Object.keys(a)) {
        if (!(key in expected)) out.push(`${path}.${key}: unexpected ${JSON.stringify(a[key])}`);
      }
    }
  } else if (actual !== expected) {
    out.push(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  }
  return out;
}

const seeds = seedsDir();

// Skips only on a machine without ../shared (CI fails instead: see test/shared-data.ts).
describe.skipIf(seeds === undefined)('golden: seed letters match their hand-checked parses', () => {
  const dir = seeds as string;
  const files = seeds
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];

  it('has seed letters to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', (file) => {
    const expected: unknown = JSON.parse(readFileSync(join(dir, 'expected', file.replace(/\.txt$/, '.json')), 'utf8'));
    const result = parseLetterText(readFileSync(join(dir, file), 'utf8'), { file });
    if (!result.ok) throw new Error(`${file}: ${result.error.code} ${result.error.message}`);
    expect(Letter.safeParse(result.value).success).toBe(true);
    expect(mismatches(result.value, expected, '$', [])).toEqual([]);
  });
});

/** Decided items counted straight from the text, independently of the parser: "…: Upheld" at a line end. */
function countDecisions(text: string): number {
  return text.match(/:[ \t]*\r?\n?[ \t\f]*(Upheld|Overturned)[ \t]*$/gm)?.length ?? 0;
}

const corpus = corpusDir();

describe.skipIf(corpus === undefined)('dev corpus: every letter parses from PDF and from text alike', () => {
  const dir = corpus as string;
  const stems = corpus
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => f.slice(0, -4))
        .sort()
    : [];

  it('has letters to check', () => {
    expect(stems.length).toBeGreaterThan(0);
  });

  it.each(stems)('%s', async (stem) => {
    const text = await parseLetterFile(join(dir, `${stem}.txt`));
    const pdf = await parseLetterFile(join(dir, `${stem}.pdf`));
    if ('error' in text) throw new Error(`text: ${text.error.code} ${text.error.message}`);
    if ('error' in pdf) throw new Error(`pdf: ${pdf.error.code} ${pdf.error.message}`);
    const { file: _a, ...fromText } = text.letter;
    const { file: _b, ...fromPdf } = pdf.letter;
    expect(fromPdf).toEqual(fromText);
    expect(Letter.safeParse(text.letter).success).toBe(true);
    expect(text.letter.items.length).toBe(countDecisions(readFileSync(join(dir, `${stem}.txt`), 'utf8')));
    // The header carries the case number, and the reviewer and patient are read.
    expect(text.letter.case.caseNumber).toMatch(/^[A-Z]{2}\d{2}-\d+$/);
    expect(text.letter.reviewer.specialties.length).toBeGreaterThan(0);
    expect(text.letter.reviewer.licensure.length).toBeGreaterThan(0);
    expect(text.letter.patient.age).toBeGreaterThan(0);
    for (const item of text.letter.items) {
      expect(item.rationale.length).toBeGreaterThan(40);
      expect(item.request).not.toMatch(/guideline:|Decision rationale/i);
    }
  });
});
