import { describe, expect, it } from 'vitest';
import { parseBasis, parsePages } from './basis.js';

describe('parsePages', () => {
  it('reads lists with and without spaces', () => {
    expect(parsePages('63,64')).toEqual([63, 64]);
    expect(parsePages('98, 99')).toEqual([98, 99]);
    expect(parsePages('60, 78, 86')).toEqual([60, 78, 86]);
  });
  it('expands ranges', () => {
    expect(parsePages('88-89')).toEqual([88, 89]);
    expect(parsePages('12-14, 20')).toEqual([12, 13, 14, 20]);
  });
  it('does not expand a backwards or absurd range', () => {
    expect(parsePages('90-12')).toEqual([90]);
    expect(parsePages('1-900')).toEqual([1]);
  });
});

describe('parseBasis', () => {
  it('reads an edition with sections', () => {
    const b = parseBasis('Decision based on MTUS Widget Pain Treatment 2016, Section(s): Alpha, beta (gamma).');
    expect(b).toEqual({
      usedMtus: true,
      citations: [{ source: 'MTUS', text: 'Widget Pain Treatment 2016', sections: 'Alpha, beta (gamma)' }],
      raw: 'Decision based on MTUS Widget Pain Treatment 2016, Section(s): Alpha, beta (gamma).',
    });
  });

  it('reads pages in the older form, with the period doubled', () => {
    const b = parseBasis('Decision based on MTUS Chronic Pain Treatment Guidelines Topic when to stop Page(s): 41..');
    expect(b.citations).toEqual([
      { source: 'MTUS', text: 'Chronic Pain Treatment Guidelines Topic when to stop', pages: [41] },
    ]);
  });

  it('splits several MTUS editions joined by ", and" but keeps a title that has one', () => {
    const b = parseBasis(
      'Decision based on MTUS Elbow, Hip, and Knee Complaints 2004, Section(s): Summary, and Chronic Pain Medical Treatment 2016, Section(s): Facet blocks.',
    );
    expect(b.citations).toEqual([
      { source: 'MTUS', text: 'Elbow, Hip, and Knee Complaints 2004', sections: 'Summary' },
      { source: 'MTUS', text: 'Chronic Pain Medical Treatment 2016', sections: 'Facet blocks' },
    ]);
  });

  it('reads MTUS and non-MTUS citations in one basis', () => {
    const b = parseBasis(
      'Decision based on MTUS Low Back Complaints 2004. Decision based on Non- MTUS Citation Some Guideline (SG), Back Chapter.',
    );
    expect(b.usedMtus).toBe(true);
    expect(b.citations).toEqual([
      { source: 'MTUS', text: 'Low Back Complaints 2004' },
      { source: 'Non-MTUS', text: 'Some Guideline (SG), Back Chapter' },
    ]);
  });

  it('marks a basis outside the MTUS as not using it, even when it names the MTUS', () => {
    expect(
      parseBasis('The Expert Reviewer did not base their decision on the MTUS. Decision based on MTUS Thing 2004.')
        .usedMtus,
    ).toBe(false);
    const outside = parseBasis(
      'The Claims Administrator based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation X Guide, Topic.',
    );
    expect(outside.usedMtus).toBe(false);
    expect(outside.citations).toEqual([{ source: 'Non-MTUS', text: 'X Guide, Topic' }]);
  });

  it('returns no citations when none were cited', () => {
    const b = parseBasis('The Claims Administrator did not cite any medical evidence for its decision.');
    expect(b).toMatchObject({ usedMtus: false, citations: [] });
  });
});
