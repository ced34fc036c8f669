import type { CaseNeeds, ExclusionReason, Party, RankedReviewer, ReviewerInput, Workload } from '../reviewers/index.js';
import { exclusionInWords, Reviewer, rankReviewers, specialtyMatch } from '../reviewers/index.js';

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

/** How one chosen reviewer fits, in words: specialty fit per item, open reviews, license. No names. */
function chosenInWords(p: RankedReviewer): string {
  return (
    `${p.qualification.match.explanation.replace(/\.$/, '')}; ${p.workload.open} of ${p.workload.capacity} open reviews; ` +
    `${p.californiaLicensed ? 'licensed in California' : 'licensed outside California only'}`
  );
}

const ORDINAL = ['First', 'Second', 'Third', 'Fourth', 'Fifth'];

function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Why these reviewers, in plain words and without names or ids (it is stored with the assignment and
 * the audit trail): how each chosen reviewer fits, and why better-placed ones were passed over.
 */
export function explainSelection(selection: Selection): string {
  const chosen =
    selection.picked.length === 1
      ? `Chosen automatically as the best-ranked qualified reviewer without a conflict of interest: ${chosenInWords(selection.picked[0] as RankedReviewer)}.`
      : `Chosen automatically, a panel of ${selection.picked.length} reviewers. ${selection.picked
          .map((p, i) => `${ORDINAL[i] ?? 'Another'} member — ${chosenInWords(p)}`)
          .join('. ')}.`;
  const passed = selection.screened.filter((s) => s.outcome !== 'picked');
  if (passed.length === 0) {
    return `${chosen} ${counted(selection.candidates, 'reviewer was', 'reviewers were')} considered, in order of specialty fit, workload and California license; none better placed was passed over.`;
  }
  const why = new Map<string, number>();
  for (const s of passed) {
    const words =
      s.outcome === 'needs-conflict-review'
        ? "whose possible conflict of interest needs a person's look"
        : `who ${s.reasons.map(exclusionInWords).join('; ')}`;
    why.set(words, (why.get(words) ?? 0) + 1);
  }
  const groups = [...why].map(([w, n]) => `${n === 1 ? 'one' : n} ${n === 1 ? w : plural(w)}`);
  return `${chosen} ${counted(passed.length, 'better-placed reviewer was', 'better-placed reviewers were')} passed over: ${groups.join('; ')}.`;
}

const PLURAL: Readonly<Record<string, string>> = { has: 'have', holds: 'hold', practices: 'practice' };

/** "who has …" → "who have …" for a group of reviewers (the verbs exclusionInWords begins with). */
function plural(words: string): string {
  return words.replace(
    /(^who |, | and |; )(already )?(has|holds|practices)\b/g,
    (_m, pre: string, already: string | undefined, verb: string) => `${pre}${already ?? ''}${PLURAL[verb] ?? verb}`,
  );
}

/** A coordinator's named choice, in plain words and without names or ids. */
export function explainNamed(chosen: readonly RankedReviewer[]): string {
  const each = chosen.map(chosenInWords).join('; and ');
  return (
    `Named by the coordinator: ${each}. Qualified and screened against every party` +
    (chosen.some((r) => r.needsConflictReview)
      ? '; the coordinator looked at the possible conflict and confirmed it does not disqualify.'
      : '.')
  );
}

export function describeReason(r: ExclusionReason): string {
  return exclusionInWords(r);
}
