import { describe, expect, it } from 'vitest';
import { readClinical } from '../clinical/extract.js';
import type { Fact } from '../clinical/types.js';
import { agrees, BANK, type Statement } from './topic-cases/test-sentences.js';

/**
 * The sentence bank says what each sentence states; the clinical reader must agree. A statement is read
 * as a certain fact of the record; its negation trap is read as the declared denial, and never as the
 * statement itself.
 */

function read(text: string): Fact[] {
  return readClinical(text, { referenceDate: '2017-03-01' }).facts.filter(
    (f) => !f.uncertain && f.context !== 'review',
  );
}

function show(facts: readonly Fact[]): string {
  return facts.map((f) => `${f.negated ? 'no ' : ''}${f.kind}=${String(f.value)}/${f.qualifier ?? ''}`).join('; ');
}

const positive = (s: Statement): boolean => s.negated !== true;

describe.each(BANK.map((e) => [e.name, e] as const))('sentence bank: %s', (_name, e) => {
  it(`reads "${e.says}" as stated`, () => {
    const facts = read(e.says);
    for (const s of e.saysFacts)
      expect(
        facts.some((f) => agrees(f, s)),
        `${JSON.stringify(s)} in ${show(facts)}`,
      ).toBe(true);
  });

  it(`reads the trap "${e.denies}" as declared, not as the statement`, () => {
    const facts = read(e.denies);
    for (const s of e.deniesFacts)
      expect(
        facts.some((f) => agrees(f, s)),
        `${JSON.stringify(s)} in ${show(facts)}`,
      ).toBe(true);
    // What the statement asserts (and the trap does not declare) is not read from the trap.
    const stated = e.saysFacts
      .filter(positive)
      .filter((s) => !e.deniesFacts.some((d) => positive(d) && d.kind === s.kind));
    for (const s of stated)
      expect(
        facts.some((f) => agrees(f, s)),
        `${JSON.stringify(s)} in ${show(facts)}`,
      ).toBe(false);
  });
});
