import { describe, expect, it } from 'vitest';
import { exclusionInWords, pickReviewer, type Ranking, rankReviewers, type Workload } from './rank.js';
import type { ReviewerInput } from './reviewer.js';

function md(
  id: string,
  specialty: NonNullable<ReviewerInput['specialties']>[number],
  extra: Partial<ReviewerInput> = {},
): ReviewerInput {
  return {
    id,
    name: `Reviewer ${id}`,
    profession: 'medical-doctor',
    licences: [{ state: 'CA', status: 'active', restricted: false }],
    boardCertifications: [{ board: 'board', specialty, status: 'current' }],
    specialties: [specialty],
    activePracticeSince: '2008-01-01',
    weeklyClinicalHours: 30,
    ...extra,
  };
}

const caseInfo: Parameters<typeof rankReviewers>[1] = {
  needs: { treatmentKind: 'injection', bodySystem: 'spine', asOf: '2024-06-01' },
  parties: [
    { role: 'insurer', name: 'Zenith Insurance Company' },
    { role: 'requesting-physician', name: 'Robin Patel, MD' },
  ],
};

const load = (open: number, capacity = 10): Workload => ({ open, capacity });

function rank(candidates: ReviewerInput[], workload: Record<string, Workload>, extra = {}): Ranking {
  const r = rankReviewers(candidates, { ...caseInfo, ...extra }, workload);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('rankReviewers', () => {
  it('ranks by specialty fit first, then by workload', () => {
    const r = rank(
      [
        md('om', 'occupational-medicine'),
        md('pmr-busy', 'physical-medicine-rehabilitation'),
        md('pain', 'pain-medicine'),
      ],
      { om: load(0), 'pmr-busy': load(8), pain: load(2) },
    );
    expect(r.ranked.map((x) => [x.rank, x.reviewerId])).toEqual([
      [1, 'pain'],
      [2, 'pmr-busy'],
      [3, 'om'],
    ]);
    expect(r.excluded).toEqual([]);
  });

  it('balances workload by open assignments against capacity, then prefers a California license', () => {
    const r = rank(
      [
        md('a', 'pain-medicine'),
        md('b', 'pain-medicine'),
        md('nc', 'pain-medicine', { licences: [{ state: 'NC', status: 'active', restricted: false }] }),
      ],
      { a: load(4, 16), b: load(2, 4), nc: load(3, 8) },
    );
    // Utilization 0.25, 0.375, 0.5 — not raw open counts (which would put b first).
    expect(r.ranked.map((x) => x.reviewerId)).toEqual(['a', 'nc', 'b']);
    const tie = rank(
      [
        md('nc', 'pain-medicine', { licences: [{ state: 'NC', status: 'active', restricted: false }] }),
        md('ca', 'pain-medicine'),
      ],
      { nc: load(1), ca: load(1) },
    );
    expect(tie.ranked.map((x) => x.reviewerId)).toEqual(['ca', 'nc']);
  });

  it('excludes the unqualified, the conflicted, the full and the previous reviewer, each with its reasons', () => {
    const r = rank(
      [
        md('qme', 'pain-medicine', { qme: { certified: true } }),
        md('insurer-staff', 'pain-medicine', {
          affiliations: [{ kind: 'organization', name: 'The Zenith Insurance Co.', relationship: 'employment' }],
        }),
        md('full', 'pain-medicine'),
        md('before', 'pain-medicine'),
        md('nodata', 'pain-medicine'),
        md('ok', 'anesthesiology'),
      ],
      { qme: load(0), 'insurer-staff': load(0), full: load(5, 5), before: load(0), ok: load(9) },
      { excludeReviewerIds: ['before'] },
    );
    expect(r.ranked.map((x) => x.reviewerId)).toEqual(['ok']);
    const why = Object.fromEntries(r.excluded.map((e) => [e.reviewerId, e.reasons.map((x) => x.kind)]));
    expect(why).toEqual({
      qme: ['unqualified'],
      'insurer-staff': ['conflict'],
      full: ['at-capacity'],
      before: ['previous-reviewer'],
      nodata: ['no-workload-data'],
    });
    const qme = r.excluded.find((e) => e.reviewerId === 'qme')?.reasons[0];
    expect(qme?.kind === 'unqualified' && qme.failed.map((c) => c.criterion)).toEqual(['not-a-qme']);
    const conflict = r.excluded.find((e) => e.reviewerId === 'insurer-staff')?.reasons[0];
    expect(conflict?.kind === 'conflict' && conflict.hits[0]?.partyRole).toBe('insurer');
  });

  it('keeps a reviewer whose only hit needs review, flagged', () => {
    const r = rank(
      [
        md('spouse', 'pain-medicine', {
          affiliations: [
            { kind: 'person', name: 'Sam Lee', relation: 'spouse', organization: { name: 'Zenith Insurance' } },
          ],
        }),
      ],
      { spouse: load(0) },
    );
    expect(r.ranked[0]).toMatchObject({ reviewerId: 'spouse', needsConflictReview: true });
  });

  it('ranks every clear reviewer before any whose screen needs a look, whatever the specialty fit', () => {
    const spouse = md('spouse', 'pain-medicine', {
      affiliations: [
        { kind: 'person', name: 'Sam Lee', relation: 'spouse', organization: { name: 'Zenith Insurance' } },
      ],
    });
    const r = rank([spouse, md('om', 'occupational-medicine')], { spouse: load(0), om: load(5) });
    // Pain medicine fits a spine injection better than occupational medicine, yet comes second.
    expect(r.ranked.map((x) => [x.reviewerId, x.needsConflictReview])).toEqual([
      ['om', false],
      ['spouse', true],
    ]);
    expect(r.ranked[1]?.matchScore).toBeGreaterThan(r.ranked[0]?.matchScore ?? 1);
    // Nor is such a reviewer picked automatically.
    const alone = pickReviewer(rank([spouse], { spouse: load(0) }));
    expect(alone.ok).toBe(false);
  });

  it('says why a reviewer is left out in plain words, without ids or criterion codes', () => {
    const r = rank(
      [
        md('qme', 'pain-medicine', { qme: { certified: true } }),
        md('insurer-staff', 'pain-medicine', {
          affiliations: [{ kind: 'organization', name: 'Zenith Insurance Co.', relationship: 'employment' }],
        }),
        md('full', 'pain-medicine'),
      ],
      { qme: load(0), 'insurer-staff': load(0), full: load(10) },
    );
    const words = Object.fromEntries(
      r.excluded.map((x) => [x.reviewerId, x.reasons.map((y) => exclusionInWords(y)).join('; ')]),
    );
    expect(words).toEqual({
      qme: 'holds a current QME certification, which the law bars from IMR (LC 139.5(d)(4)(D))',
      'insurer-staff': 'has a conflict of interest with the insurer',
      full: 'already has 10 open reviews, the most allowed (10)',
    });
  });

  it('excludes an invalid record without failing the whole ranking', () => {
    const r = rank([{ ...md('bad', 'pain-medicine'), weeklyClinicalHours: -1 }, md('good', 'pain-medicine')], {
      bad: load(0),
      good: load(0),
    });
    expect(r.ranked.map((x) => x.reviewerId)).toEqual(['good']);
    expect(r.excluded[0]?.reasons[0]?.kind).toBe('invalid-record');
  });

  it('refuses an invalid case', () => {
    expect(rankReviewers([], { ...caseInfo, needs: { ...caseInfo.needs, asOf: 'soon' } }, {}).ok).toBe(false);
  });
});

describe('pickReviewer', () => {
  it('takes the top-ranked reviewer', () => {
    const r = pickReviewer(rank([md('x', 'pain-medicine')], { x: load(0) }));
    expect(r.ok && r.value.reviewerId).toBe('x');
  });

  it('gives IMR_NO_QUALIFIED_REVIEWER with counts when nobody is left', () => {
    const r = pickReviewer(rank([md('x', 'dermatology')], { x: load(0) }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('IMR_NO_QUALIFIED_REVIEWER');
      expect(r.error.details).toEqual({ candidates: 1, unqualified: 1, conflicted: 0, atCapacity: 0 });
    }
  });
});
