import { describe, expect, it } from 'vitest';
import type { Basis } from '../domain/letter.js';
import { basisText, formatBasis } from './format-basis.js';

const basis = (b: Omit<Basis, 'raw'> & { raw?: string }): Basis => ({ raw: '', ...b });

describe('formatBasis', () => {
  it('says so when nothing was cited, naming the author', () => {
    const b = basis({ usedMtus: false, citations: [] });
    expect(formatBasis(b, 'claims-administrator')).toBe(
      'The Claims Administrator did not cite any medical evidence for its decision.',
    );
    expect(formatBasis(b, 'reviewer')).toBe('The Expert Reviewer did not cite any medical evidence for its decision.');
  });

  it('writes an MTUS citation with sections, with pages, or bare', () => {
    expect(
      formatBasis(
        basis({ usedMtus: true, citations: [{ source: 'MTUS', text: 'Hip Complaints 2004', sections: 'Imaging' }] }),
        'reviewer',
      ),
    ).toBe('Decision based on MTUS Hip Complaints 2004, Section(s): Imaging.');
    expect(
      formatBasis(
        basis({ usedMtus: true, citations: [{ source: 'MTUS', text: 'Pain Guidelines Relaxants', pages: [63, 64] }] }),
        'reviewer',
      ),
    ).toBe('Decision based on MTUS Pain Guidelines Relaxants Page(s): 63, 64.');
    expect(
      formatBasis(basis({ usedMtus: true, citations: [{ source: 'MTUS', text: 'Hip Complaints 2004' }] }), 'reviewer'),
    ).toBe('Decision based on MTUS Hip Complaints 2004.');
  });

  it('joins several MTUS citations with ", and " in one sentence', () => {
    const b = basis({
      usedMtus: true,
      citations: [
        { source: 'MTUS', text: 'Wrist Complaints 2004', sections: 'Special Studies' },
        { source: 'MTUS', text: 'Pain Treatment 2016', sections: 'Splints, braces' },
        { source: 'MTUS', text: 'Acupuncture 2007' },
      ],
    });
    expect(formatBasis(b, 'claims-administrator')).toBe(
      'Decision based on MTUS Wrist Complaints 2004, Section(s): Special Studies, and Pain Treatment 2016, ' +
        'Section(s): Splints, braces, and Acupuncture 2007.',
    );
  });

  it('adds one sentence per Non-MTUS citation after the MTUS sentence', () => {
    const b = basis({
      usedMtus: true,
      citations: [
        { source: 'Non-MTUS', text: 'Invented Guide, Hip chapter' },
        { source: 'MTUS', text: 'Hip Complaints 2004' },
        { source: 'Non-MTUS', text: 'Another Guide' },
      ],
    });
    expect(formatBasis(b, 'reviewer')).toBe(
      'Decision based on MTUS Hip Complaints 2004. Decision based on Non-MTUS Citation Invented Guide, Hip chapter. ' +
        'Decision based on Non-MTUS Citation Another Guide.',
    );
  });

  it('prefixes the outside-of-MTUS sentence when MTUS was not used', () => {
    const b = basis({ usedMtus: false, citations: [{ source: 'Non-MTUS', text: 'Invented Guide (IG), Knee' }] });
    expect(formatBasis(b, 'claims-administrator')).toBe(
      'The Claims Administrator based their decision on recommendation(s) outside of the MTUS Guidelines. ' +
        'Decision based on Non-MTUS Citation Invented Guide (IG), Knee.',
    );
    expect(formatBasis(b, 'reviewer')).toMatch(
      /^The Expert Reviewer based their decision on recommendation\(s\) outside of the MTUS Guidelines\. Decision/,
    );
  });

  it('never doubles the final period and collapses whitespace', () => {
    const b = basis({
      usedMtus: true,
      citations: [{ source: 'Non-MTUS', text: 'Invented  Guide,\n3rd ed., pg. 12.' }],
    });
    expect(formatBasis(b, 'reviewer')).toBe('Decision based on Non-MTUS Citation Invented Guide, 3rd ed., pg. 12.');
    const m = basis({
      usedMtus: true,
      citations: [{ source: 'MTUS', text: 'Hip Complaints 2004', sections: 'Rest.' }],
    });
    expect(formatBasis(m, 'reviewer')).toBe('Decision based on MTUS Hip Complaints 2004, Section(s): Rest.');
  });
});

describe('basisText', () => {
  it('prefers the raw paragraph (whitespace collapsed) and falls back to formatBasis', () => {
    const cited = { usedMtus: true, citations: [{ source: 'MTUS' as const, text: 'Hip Complaints 2004' }] };
    expect(basisText({ ...cited, raw: '  As  written\nin the letter. ' }, 'reviewer')).toBe(
      'As written in the letter.',
    );
    expect(basisText({ ...cited, raw: ' ' }, 'reviewer')).toBe('Decision based on MTUS Hip Complaints 2004.');
  });
});
