import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSourcesFile, SOURCES, SOURCES_FILE_URL } from './sources.js';

/** sources.json: what an edit must keep valid, and what a bad edit reports. */

const text = readFileSync(SOURCES_FILE_URL, 'utf8');
const file = JSON.parse(text) as { sources: Record<string, unknown>[] };

describe('guideline sources data', () => {
  it('loads every source of the file, in order', () => {
    expect(SOURCES.map((s) => s.id)).toEqual(file.sources.map((s) => s.id));
  });

  it('rejects a duplicate source id, a tier outside the search sequence, and text that is not JSON', () => {
    const first = file.sources[0] as Record<string, unknown>;
    expect(() => parseSourcesFile(JSON.stringify({ sources: [first, first] }))).toThrow(/unique/);
    expect(() => parseSourcesFile(JSON.stringify({ sources: [{ ...first, tier: 5 }] }))).toThrow(
      /sources\.json[\s\S]*tier/,
    );
    expect(() => parseSourcesFile('{')).toThrow(/not valid JSON/);
  });
});
