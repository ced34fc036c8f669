import type { CaseNeeds, ExclusionReason, Party, RankedReviewer, ReviewerInput, Workload } from '../reviewers/index.js';
import { Reviewer, rankReviewers, specialtyMatch } from '../reviewers/index.js';

/**
 * Choosing reviewers without screening the whole registry for every case. `rankReviewers` orders the
 * qualified, conflict-free candidates by specialty fit, workload, California license, open
 * assignments and id; qualification and the conflict screen only remove candidates, never reorder
 * them. So: order every candidate by those keys first (cheap: a specialty match and a license check),
 * then hand candidates to `rankReviewers` one at a time in that order until enough pass. The pick is
 * the one `rankReviewers` over the whole registry would put first (a property test holds it to that);
 * only the candidates before it are screened, which is what makes assignment fast on a large registry.
 *
 * A candidate whose screen needs a person's judgment (`needsConflictReview`) is passed over by the
 * automatic choice and listed, so a coordinator can confirm and assign them by name.
 */

export interface Candidate {
  readonly input: ReviewerInput;
  /** The input as the reviewer schema parsed it; undefined when it does not parse. */
  readonly parsed: Reviewer | undefined;
}

export function candidateOf(input: ReviewerInput): Candidate {
  const parsed = Reviewer.safeParse(input);
  return { input, parsed: parsed.success ? parsed.data : undefined };
}

export interface ScreenedCandidate {
  readonly reviewerId: string;
  /** Position in the pre-order (1 = the best on specialty fit and workload). */
  readonly order: number;
  readonly outcome: 'picked' | 'needs-conflict-review' | 'excluded';
  readonly reasons: readonly ExclusionReason[];
}

export interface Selection {
  readonly picked: readonly RankedReviewer[];
  /** Candidates handed to the screen, in order, with what became of them. */
  readonly screened: readonly ScreenedCandidate[];
  /** Candidates left out before screening (invalid record, no workload data, at capacity, previous reviewer). */
  readonly prefiltered: readonly { readonly reviewerId: string; readonly reasons: readonly ExclusionReason[] }[];
  readonly candidates: number;
}

interface Keyed {
  readonly candidate: Candidate;
  readonly id: string;
  readonly score: number;
  readonly utilisation: number;
  readonly california: boolean;
  readonly open: number;
}

function californiaLicensed(r: Reviewer, asOf: string): boolean {
  return r.licences.some(
    (l) =>
      l.state === 'CA' && l.status === 'active' && !l.restricted && (l.expiresOn === undefined || l.expiresOn >= asOf),
  );
}

/** The order of rank.ts `compare`. */
function compare(a: Keyed, b: Keyed): number {
  return (
    b.score - a.score ||
    a.utilisation - b.utilisation ||
    Number(b.california) - Number(a.california) ||
    a.open - b.open ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Up to `count` reviewers for a case, best first: each qualified, conflict-free and not needing a
 * conflict review. Fewer than `count` when the registry runs out.
 */
export function selectReviewers(
  candidates: readonly Candidate[],
  needs: CaseNeeds,
  parties: readonly Party[],
  workload: Readonly<Record<string, Workload>>,
  count: number,
  excludeReviewerIds: readonly string[] = [],
): Selection {
  const excluded = new Set(excludeReviewerIds);
  const prefiltered: { reviewerId: string; reasons: ExclusionReason[] }[] = [];
  const keyed: Keyed[] = [];
  candidates.forEach((candidate, index) => {
    const parsed = candidate.parsed;
    const id = parsed?.id ?? (candidate.input.id === '' ? `#${index}` : candidate.input.id);
    if (parsed === undefined) {
      prefiltered.push({
        reviewerId: id,
        reasons: [{ kind: 'invalid-record', message: 'The reviewer record is incomplete.' }],
      });
      return;
    }
    const reasons: ExclusionReason[] = [];
    if (excluded.has(id)) reasons.push({ kind: 'previous-reviewer' });
    const load = workload[id];
    if (load === undefined) reasons.push({ kind: 'no-workload-data' });
    else if (load.open >= load.capacity)
      reasons.push({ kind: 'at-capacity', open: load.open, capacity: load.capacity });
    if (reasons.length > 0 || load === undefined) {
      prefiltered.push({ reviewerId: id, reasons });
      return;
    }
    keyed.push({
      candidate,
      id,
      score: specialtyMatch(parsed, needs).score,
      utilisation: load.open / load.capacity,
      california: californiaLicensed(parsed, needs.asOf),
      open: load.open,
    });
  });
  keyed.sort(compare);

  const picked: RankedReviewer[] = [];
  const screened: ScreenedCandidate[] = [];
  for (const [i, k] of keyed.entries()) {
    if (picked.length >= count) break;
    const one = rankReviewers(
      [k.candidate.input],
      { needs, parties: [...parties] },
      { [k.id]: workload[k.id] as Workload },
    );
    if (!one.ok) throw new Error(`rankReviewers refused a case that selectReviewers accepted: ${one.error.code}`);
    const top = one.value.ranked[0];
    if (top === undefined) {
      screened.push({
        reviewerId: k.id,
        order: i + 1,
        outcome: 'excluded',
        reasons: one.value.excluded[0]?.reasons ?? [],
      });
      continue;
    }
    if (top.matchScore !== k.score || top.californiaLicensed !== k.california) {
      throw new Error('selectReviewers pre-order disagrees with rankReviewers (specialty score or license)');
    }
    if (top.needsConflictReview) {
      screened.push({ reviewerId: k.id, order: i + 1, outcome: 'needs-conflict-review', reasons: [] });
      continue;
    }
    screened.push({ reviewerId: k.id, order: i + 1, outcome: 'picked', reasons: [] });
    picked.push({ ...top, rank: picked.length + 1 });
  }
  return { picked, screened, prefiltered, candidates: candidates.length };
}

/** One line, no names: why these reviewers (ids, ranks, criteria and roles only). */
export function explainSelection(selection: Selection): string {
  const picked = selection.picked.map(
    (p) =>
      `reviewer ${p.reviewerId} (specialty fit ${p.matchScore.toFixed(2)}, ${p.workload.open}/${p.workload.capacity} open, ${p.californiaLicensed ? 'California license' : 'licensed outside California'})`,
  );
  const passed = selection.screened
    .filter((s) => s.outcome !== 'picked')
    .map(
      (s) =>
        `${s.reviewerId}: ${s.outcome === 'excluded' ? s.reasons.map(describeReason).join('; ') : 'conflict screen needs a person'}`,
    );
  return (
    `Chose ${picked.join(' and ')} from ${selection.candidates} reviewers, in order of specialty fit, workload and California license` +
    (passed.length === 0 ? '; no better-placed reviewer was passed over.' : `; passed over: ${passed.join(' | ')}.`)
  );
}

export function describeReason(r: ExclusionReason): string {
  switch (r.kind) {
    case 'invalid-record':
      return 'incomplete record';
    case 'previous-reviewer':
      return 'reviewed this case before';
    case 'unqualified':
      return `unqualified (${r.failed.map((c) => c.criterion).join(', ')})`;
    case 'conflict':
      return `conflict of interest (${[...new Set(r.hits.map((h) => `${h.rule} with ${h.partyRole}`))].join(', ')})`;
    case 'no-workload-data':
      return 'no workload data';
    case 'at-capacity':
      return `at capacity (${r.open}/${r.capacity})`;
  }
}
