import { describe, expect, it } from 'vitest';
import {
  type Addressee,
  DEMO_LETTERHEAD,
  layoutDeterminationCopy,
  layoutNoticeOfAssignment,
  layoutNoticeOfIneligibility,
} from './correspondence.js';
import { renderPagesText } from './render-text.js';
import { letter, reference, to } from './test-correspondence.js';

/**
 * Golden text of each document the organization sends, for one invented case (names, claim number and
 * addresses made up here). The files under golden/ are what the renderer prints; a change to the wording
 * or layout shows as a diff to review (`npx vitest run -u` rewrites them).
 */

const date = '2026-02-12';
const text = (pages: ReturnType<typeof layoutNoticeOfAssignment>) => renderPagesText(pages);

describe('notice of assignment and request for information', () => {
  const notice = (a: Addressee) =>
    layoutNoticeOfAssignment({
      letterhead: DEMO_LETTERHEAD,
      date: '2026-01-22',
      addressee: a,
      reference,
      assignedOn: '2026-01-22',
      priority: 'standard',
      items: [
        { request: 'MRI of the lumbar spine without contrast' },
        {
          request: 'Hydrocodone/acetaminophen 5/325 mg #30',
          originalRequest: 'Hydrocodone/acetaminophen 5/325 mg #90',
          authorizedPortion: 'Hydrocodone/acetaminophen 5/325 mg #60',
        },
      ],
      recordsDue: '2026-02-06',
    });

  it.each(Object.keys(to))('to the %s', async (role) => {
    await expect(text(notice(to[role] as Addressee))).toMatchFileSnapshot(`golden/notice-of-assignment.${role}.txt`);
  });

  it('asks the claims administrator for the records, and tells the others what they may send', () => {
    const ca = text(notice(to['claims-administrator'] as Addressee));
    const employee = text(notice(to.employee as Addressee));
    expect(ca).toMatch(/^\s*REQUEST FOR INFORMATION$/m);
    expect(ca).toContain('February 6, 2026');
    expect(employee).not.toMatch(/^\s*REQUEST FOR INFORMATION$/m);
    expect(employee).toContain('INFORMATION YOU MAY SEND');
    expect(employee).toContain('48 Sample Court');
  });
});

describe('notice of ineligibility', () => {
  it('states the reasons and the right to appeal', async () => {
    const pages = layoutNoticeOfIneligibility({
      letterhead: DEMO_LETTERHEAD,
      date: '2026-01-27',
      addressee: to.employee as Addressee,
      reference,
      reasons: [
        {
          message: 'The application was received after the filing period had ended.',
          source: 'LC 4610.5(h)(1)',
        },
      ],
      items: [],
    });
    const t = text(pages);
    await expect(t).toMatchFileSnapshot('golden/notice-of-ineligibility.employee.txt');
    expect(t).toContain('after the filing period');
    expect(t).toMatch(/within 30 days/);
  });
});

describe('the Final Determination Letter copies', () => {
  const party = (a: Addressee) =>
    text(
      layoutDeterminationCopy({
        letterhead: DEMO_LETTERHEAD,
        letter,
        cover: { addressee: a, reference, date },
        signed: true,
      }),
    );

  it.each(Object.keys(to))('the copy for the %s', async (role) => {
    await expect(party(to[role] as Addressee)).toMatchFileSnapshot(`golden/determination.${role}.txt`);
  });

  it('the public copy: no cover, no signature, appeal notice and page numbers', async () => {
    const t = text(layoutDeterminationCopy({ letterhead: DEMO_LETTERHEAD, letter, signed: false }));
    await expect(t).toMatchFileSnapshot('golden/determination.public.txt');
    expect(t).not.toContain('Testperson');
    expect(t).not.toContain('WC-55-901733');
    expect(t).not.toContain('Sincerely');
    expect(t).toContain('YOUR RIGHT TO APPEAL');
  });

  it('every copy differs as it must: addressee, role paragraph; every page numbered "Page i of n"', () => {
    const copies = Object.values(to).map(party);
    expect(new Set(copies).size).toBe(copies.length);
    for (const c of copies) {
      const pages = c.split('\f');
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((p, i) => {
        expect(p.trimEnd().split('\n').at(-1)?.trim()).toBe(`Page ${i + 1} of ${pages.length}`);
      });
      expect(c).toContain('CM26-0004217');
      expect(c).toContain('Marisol Q. Testperson');
      expect(c).toContain('WC-55-901733');
      expect(c).toContain(DEMO_LETTERHEAD.signatoryName);
      expect(c.replace(/\s+/g, ' ')).toContain('within 30 days of the date this determination was mailed');
    }
    expect(party(to['claims-administrator'] as Addressee).replace(/\s+/g, ' ')).toContain('within five working days');
    expect(party(to.representative as Addressee)).toContain('Madeup & Partners');
  });
});
