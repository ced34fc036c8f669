import { describe, expect, it } from 'vitest';
import { panelDecision } from './panel.js';

describe('panelDecision (LC 4610.6(e))', () => {
  it('lets the majority decide', () => {
    expect(panelDecision(['Upheld', 'Upheld', 'Overturned'], { adApprovedPanel: true })).toEqual({
      ok: true,
      value: { decision: 'Upheld', upheld: 2, overturned: 1, rule: 'majority' },
    });
    expect(panelDecision(['Overturned', 'Overturned', 'Upheld'], { adApprovedPanel: true })).toMatchObject({
      ok: true,
      value: { decision: 'Overturned', rule: 'majority' },
    });
  });

  it('gives an even split to the treatment (Overturned)', () => {
    expect(panelDecision(['Upheld', 'Overturned'], { adApprovedPanel: true })).toMatchObject({
      ok: true,
      value: { decision: 'Overturned', rule: 'even-split-favours-service' },
    });
  });

  it('passes a single reviewer’s decision through', () => {
    expect(panelDecision(['Upheld'], { adApprovedPanel: false })).toMatchObject({
      ok: true,
      value: { decision: 'Upheld', rule: 'single-reviewer' },
    });
  });

  it('refuses a panel the AD did not approve, and an empty one', () => {
    const unapproved = panelDecision(['Upheld', 'Upheld'], { adApprovedPanel: false });
    expect(unapproved.ok).toBe(false);
    if (!unapproved.ok) expect(unapproved.error.message).toContain('9792.10.6(c)');
    expect(panelDecision([], { adApprovedPanel: true }).ok).toBe(false);
  });
});
