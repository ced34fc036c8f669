import { describe, expect, it } from 'vitest';
import { findBodyParts, findSpinalLevels, regionOfLevel } from './body-parts.js';
import { tokenize } from './phrases.js';

const parts = (text: string) => findBodyParts(tokenize(text));

describe('findBodyParts', () => {
  it('normalizes regions and drops a bare "spine" when a region is named', () => {
    expect(parts('low back and neck').bodyParts).toEqual(['lumbar spine', 'cervical spine']);
    expect(parts('thoracolumbar spine').bodyParts).toEqual(['thoracic spine', 'lumbar spine']);
    expect(parts('carpal tunnel').bodyParts).toEqual(['wrist']);
    expect(parts('spine surgeon').bodyParts).toEqual(['spine']);
    expect(parts('no anatomy here').bodyParts).toEqual([]);
  });

  it('reads the side, L and R only before a part, and plurals of paired parts as both sides', () => {
    expect(parts('left knee').side).toBe('left');
    expect(parts('R wrist').side).toBe('right');
    expect(parts('L4 R').side).toBeUndefined();
    expect(parts('left and right elbows').side).toBe('bilateral');
    expect(parts('B/L shoulders').side).toBe('bilateral');
    expect(parts('both feet').side).toBe('bilateral');
    expect(parts('knees').side).toBe('bilateral');
    expect(parts('right knees').side).toBe('right');
    expect(parts('knee').side).toBeUndefined();
  });
});

describe('findSpinalLevels', () => {
  it.each([
    ['L4-L5', ['L4-L5']],
    ['L4-5 and L5-S1', ['L4-L5', 'L5-S1']],
    ['L5-1', ['L5-S1']],
    ['C7-1', ['C7-T1']],
    ['L3 to L5', ['L3-L4', 'L4-L5']],
    ['L3, L4, L5', ['L3', 'L4', 'L5']],
    ['C5/6', ['C5-C6']],
    ['T12-L1', ['T12-L1']],
    ['C8 radiculopathy', ['C8']],
  ] as const)('%s → %j', (text, levels) => {
    expect(findSpinalLevels(text)).toEqual(levels);
  });

  it('finds nothing in words, strengths or impossible levels', () => {
    expect(findSpinalLevels('CL4 L9 T13 vitamin C 500mg 10% C5%')).toEqual([]);
  });

  it('names the region of a level', () => {
    expect([regionOfLevel('C5-C6'), regionOfLevel('T7'), regionOfLevel('L5-S1')]).toEqual([
      'cervical spine',
      'thoracic spine',
      'lumbar spine',
    ]);
  });
});
