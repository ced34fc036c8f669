import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ClinicalDoc } from './document.js';
import { readClinical } from './extract.js';

/**
 * ClinicalDoc.scan skips a pattern when none of its gate words occurs in the text, so every match of a
 * gated pattern must contain one of them. Strings are generated from each pattern (its lookarounds and
 * word boundaries dropped, since the generator lacks them: a wider language), and every match of the
 * real pattern in one must contain a gate word. The patterns and gates are those readClinical uses.
 */

interface Gated {
  readonly re: RegExp;
  readonly gate: readonly string[];
}

function gatedPatterns(): Gated[] {
  const seen = new Map<RegExp, Gated>();
  const spy = vi.spyOn(ClinicalDoc.prototype, 'scan');
  spy.mockImplementation(function (this: ClinicalDoc, re, _fn, gate) {
    if (gate !== undefined && !seen.has(re)) seen.set(re, { re, gate });
  });
  try {
    readClinical('Pain 7/10. MRI showed stenosis.');
  } finally {
    spy.mockRestore();
  }
  return [...seen.values()];
}

/** The pattern without lookarounds and \b, which the string generator does not support. */
function widen(source: string): string {
  let out = '';
  let k = 0;
  while (k < source.length) {
    const rest = source.slice(k);
    if (rest.startsWith('\\b')) {
      k += 2;
      continue;
    }
    if (/^\(\?<?[=!]/.test(rest)) {
      k = closing(source, k) + 1;
      continue;
    }
    if (source[k] === '\\') {
      out += source.slice(k, k + 2);
      k += 2;
      continue;
    }
    if (source[k] === '[') {
      const end = classEnd(source, k);
      out += source.slice(k, end + 1);
      k = end + 1;
      continue;
    }
    out += source[k];
    k++;
  }
  return out;
}

function classEnd(source: string, open: number): number {
  let k = open + 1;
  while (k < source.length && source[k] !== ']') k += source[k] === '\\' ? 2 : 1;
  return k;
}

/** Index of the parenthesis closing the one at `open`. */
function closing(source: string, open: number): number {
  let depth = 0;
  let k = open;
  while (k < source.length) {
    const c = source[k];
    if (c === '\\') k += 2;
    else if (c === '[') k = classEnd(source, k) + 1;
    else {
      if (c === '(') depth++;
      if (c === ')' && --depth === 0) return k;
      k++;
    }
  }
  throw new Error(`unbalanced pattern: ${source}`);
}

describe('scan gates', () => {
  const patterns = gatedPatterns();

  it('are collected from the reader (the test sees its patterns)', () => {
    expect(patterns.length).toBeGreaterThan(40);
  });

  it.each(patterns.map((p) => [p.re.source.slice(0, 70), p] as const))(
    'every match of %s contains a gate word',
    (_name, { re, gate }) => {
      const wide = new RegExp(widen(re.source), re.flags.replace(/[gi]/g, ''));
      let matched = 0;
      fc.assert(
        fc.property(fc.stringMatching(wide, { size: 'small' }), (s) => {
          const probe = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
          for (const m of s.matchAll(probe)) {
            if (m[0] === '') continue;
            matched++;
            const lower = m[0].toLowerCase();
            expect(
              gate.some((g) => lower.includes(g)),
              `"${m[0]}" holds none of ${gate.join(', ')}`,
            ).toBe(true);
          }
        }),
        { numRuns: 500 },
      );
      expect(matched).toBeGreaterThan(0);
    },
  );
});
