import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-run.js';

/**
 * `imr review` on a hand-written case: a treating physician's progress report (PR-2) and the UR denial
 * of the two requests. The record states no functional benefit from the opioid and documents a focal
 * L5 deficit; the UR decision's own words (argument, not clinical fact) must not rate a criterion.
 */
const PR2 = [
  "PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)",
  'Date of service: 09/14/2016',
  'SUBJECTIVE: The patient returns for follow up of low back pain radiating into the left leg with numbness of the',
  'left foot. Pain is 7/10. He takes Norco 10/325 three times a day. There is no documentation of functional',
  'improvement with the opioid. He is not working.',
  'OBJECTIVE: Lumbar range of motion is limited. Sensation is decreased in the left L5 dermatome. EHL strength is',
  '4/5 on the left. The left Achilles reflex is reduced. Straight leg raise is positive on the left at 40 degrees.',
  'ASSESSMENT: Lumbar radiculopathy, left L5.',
  'PLAN: Continue Norco 10/325 #90. Request MRI of the lumbar spine.',
].join('\n');

const UR = [
  'UTILIZATION REVIEW DETERMINATION',
  'The request for MRI of the lumbar spine is non-certified. There is insufficient evidence of red flags.',
  'The records failed to indicate any objective functional benefit from Norco.',
  'The request for Norco 10/325 #90 is modified for weaning.',
].join('\n');

/** The same report as PDF text: other line breaks, a page footer line. */
const PR2_AS_PDF = `${PR2.replace(/\. /g, '.\n').replace(/ the /g, ' the\n')}\n\nPage 1 of 1`;

interface Output {
  items: {
    request: string;
    criteria: { id: string; text: string; status: string; evidence: { quote: string }[] }[];
  }[];
}

async function review(file: string): Promise<Output> {
  const r = await runCli(['review', file]);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Output;
}

let dir = '';
const caseWith = (documents: { title?: string; text: string }[]): string => {
  const file = join(dir, `case-${documents.length}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      caseNumber: 'SYN-CTX-1',
      decisionDate: '2016-10-01',
      patient: { age: 47, sex: 'male', injuryDate: '2014-03-10' },
      clinicalSummary:
        'The injured worker is a 47 year old man who hurt his low back lifting a pallet on 03/10/2014 and has taken Norco for two years.',
      documents,
      items: [{ request: 'Norco 10/325mg #90' }, { request: 'MRI of the lumbar spine' }],
    }),
  );
  return file;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'imr-review-context-'));
});

const item = (out: Output, request: RegExp): Output['items'][number] => {
  const found = out.items.find((i) => request.test(i.request));
  if (found === undefined) throw new Error(`no item ${request}`);
  return found;
};
const quotes = (c: { evidence: { quote: string }[] }): string[] => c.evidence.map((e) => e.quote);
const urSentences = UR.split('\n').slice(1);

describe('imr review reads who says what', () => {
  it("does not rate the opioid's functional benefit met from a negated statement or the UR's words", async () => {
    const out = await review(
      caseWith([
        { title: 'PR-2 progress report', text: PR2 },
        { title: 'Utilization review determination', text: UR },
      ]),
    );
    const norco = item(out, /norco/i);
    const functional = norco.criteria.filter((c) => /function|activit/i.test(`${c.id} ${c.text}`));
    expect(functional.length).toBeGreaterThan(0);
    for (const c of functional) expect(c.status).not.toBe('met');
    for (const c of norco.criteria) for (const q of quotes(c)) expect(urSentences).not.toContain(q);
  });

  it("cites the neurological findings, not the UR's words, for the imaging topic's nerve-compromise criterion", async () => {
    const out = await review(
      caseWith([
        { title: 'PR-2 progress report', text: PR2 },
        { title: 'Utilization review determination', text: UR },
      ]),
    );
    const mri = item(out, /mri/i);
    const neuro = mri.criteria.find((c) => /nerve|neurolog/i.test(c.text));
    expect(neuro).toBeDefined();
    if (neuro === undefined) return;
    const cited = quotes(neuro).join(' | ');
    expect(cited).not.toMatch(/insufficient evidence of red flags/i);
    expect(cited).toMatch(/L5 dermatome/);
    expect(cited).toMatch(/EHL strength/);
    expect(cited).toMatch(/Achilles reflex/);
    expect(cited).toMatch(/Straight leg raise is positive/);
    expect(neuro.status).toBe('met');
  });

  it('quotes a report uploaded twice (as PDF text and as typed text) once', async () => {
    const out = await review(
      caseWith([
        { title: 'PR-2 progress report', text: PR2 },
        { title: 'PR-2 progress report (PDF)', text: PR2_AS_PDF },
        { title: 'Utilization review determination', text: UR },
      ]),
    );
    const mri = item(out, /mri/i);
    const neuro = mri.criteria.find((c) => /nerve|neurolog/i.test(c.text));
    const cited = (neuro === undefined ? [] : quotes(neuro)).map((q) => q.replace(/\s+/g, ' '));
    expect(cited.length).toBeGreaterThanOrEqual(4);
    expect(new Set(cited).size).toBe(cited.length);
  });
});
