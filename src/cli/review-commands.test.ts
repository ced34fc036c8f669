import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderLetterText } from '../letter/render-text.js';
import { syntheticLetter } from '../synthetic/letter.js';
import { runCli } from './test-run.js';

const run = (args: string[], stdin?: string) => runCli(args, stdin === undefined ? {} : { stdin });

const summary =
  'The patient is a 40 year old male with low back pain since a fall on 02/01/2016. No radicular symptoms.';
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'imr-review-'));
  writeFileSync(
    join(dir, 'case.json'),
    JSON.stringify({
      caseNumber: 'SYN-9',
      decisionDate: '2016-12-01',
      clinicalSummary: summary,
      items: [{ request: 'Norco 10/325mg #90' }],
    }),
  );
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ items: [] }));
  for (let s = 1; s <= 3; s++) writeFileSync(join(dir, `letter-${s}.txt`), renderLetterText(syntheticLetter(s)));
});

describe('imr review', () => {
  it('prints a recommendation per item', async () => {
    const r = await run(['review', join(dir, 'case.json')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { caseNumber: string; items: { recommendation: string }[] };
    expect(out.caseNumber).toBe('SYN-9');
    expect(out.items).toHaveLength(1);
    expect(['Upheld', 'Overturned', 'Refer']).toContain(out.items[0]?.recommendation);
  });

  it('refuses input that does not match the contract with a coded error', async () => {
    const r = await run(['review', join(dir, 'bad.json')]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.err).error.code).toBe('IMR_REVIEW_INPUT_INVALID');
  });

  it('--jsonl answers one line per input line, in order, echoing the case number', async () => {
    const lines = [
      JSON.stringify({ caseNumber: 'A', clinicalSummary: summary, items: [{ request: 'MRI of the lumbar spine' }] }),
      'not json',
      JSON.stringify({ caseNumber: 'C', clinicalSummary: summary, items: [] }),
      JSON.stringify({
        caseNumber: 'D',
        clinicalSummary: summary,
        items: [{ request: 'Physical therapy 2x6 lumbar' }],
      }),
    ];
    const r = await run(['review', '--jsonl'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(1);
    const out = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { caseNumber?: string; error?: { code: string }; items?: unknown[] });
    expect(out.map((o) => o.caseNumber)).toEqual(['A', undefined, 'C', 'D']);
    expect(out.map((o) => o.error?.code ?? 'ok')).toEqual(['ok', 'IMR_JSON_INVALID', 'IMR_REVIEW_INPUT_INVALID', 'ok']);
  });
});

describe('imr replay', () => {
  it('reports agreement over letters reviewed blind', async () => {
    const r = await run(['replay', '--json', dir]);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out) as {
      letters: number;
      overall: { items: number; agreement: number; referRate: number };
    };
    expect(rep.letters).toBe(3);
    expect(rep.overall.items).toBe([1, 2, 3].reduce((n, s) => n + syntheticLetter(s).items.length, 0));
    expect(rep.overall.agreement).toBeGreaterThanOrEqual(0);
    expect(rep.overall.agreement).toBeLessThanOrEqual(1);
  });
});
