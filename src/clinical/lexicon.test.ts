import { describe, expect, it } from 'vitest';
import { DRUG_CONCEPTS } from '../terminology/drugs.js';
import { readClinical } from './extract.js';
import { DRUG_RE, drugOfMatch, phrasePattern } from './lexicon.js';

/** The first concept of the vocabulary each name belongs to (a name may be listed under two). */
function firstConcepts(): Map<string, { generic: string; drugClass: string }> {
  const out = new Map<string, { generic: string; drugClass: string }>();
  for (const c of DRUG_CONCEPTS) {
    if (c.classTerm) continue;
    for (const n of c.names) {
      const key = n.toLowerCase().replace(/\s+/g, ' ');
      if (!out.has(key)) out.set(key, { generic: c.generic, drugClass: c.drugClass });
    }
  }
  return out;
}

describe('the reader takes its drugs from the vocabulary (src/terminology)', () => {
  it('reads every product name of the vocabulary, whole, as its concept and class', () => {
    const wrong: string[] = [];
    for (const [name, concept] of firstConcepts()) {
      const text = `Medications include ${name} daily.`;
      DRUG_RE.lastIndex = 0;
      const found = [...text.matchAll(DRUG_RE)];
      const m = found[0];
      const d = m === undefined ? undefined : drugOfMatch(m);
      if (found.length !== 1 || m?.[0].toLowerCase() !== name || d?.generic !== concept.generic)
        wrong.push(`${name} → ${found.map((x) => x[0]).join(', ')} ${d?.generic ?? '-'}`);
      else expect(d.drugClass).toBe(concept.drugClass);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['She takes Lorcet for pain.', 'hydrocodone/acetaminophen'],
    ['He was started on Xtampza.', 'oxycodone'],
    ['Percocet was refilled.', 'oxycodone/acetaminophen'],
    ['He takes Vicoprofen twice a day.', 'hydrocodone/ibuprofen'],
    ['Ultracet helps her pain.', 'tramadol/acetaminophen'],
  ])('"%s" names %s', (text, generic) => {
    const uses = readClinical(text).facts.filter((f) => f.kind === 'medication-use');
    expect(uses.map((f) => f.value)).toEqual([generic]);
  });

  it('matches a name across a line break and the longest name at a place', () => {
    const re = new RegExp(`\\b(?:${phrasePattern(['vicodin', 'vicodin es', 'norco'])})(?![\\w'’])`, 'gi');
    expect([...'Vicodin\nES and NORCO, vicodinx'.matchAll(re)].map((m) => m[0])).toEqual(['Vicodin\nES', 'NORCO']);
  });

  it('reads a procedure that names its drug as the procedure', () => {
    const f = readClinical('He has tried Synvisc injections.').facts.filter((x) => x.kind === 'prior-treatment');
    expect(f.map((x) => x.value)).toEqual(['viscosupplementation']);
  });
});
