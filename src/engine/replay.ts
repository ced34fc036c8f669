import type { Letter } from '../domain/letter.js';
import type { ItemReview, Recommendation, ReviewInput, ReviewOutput } from './review-types.js';

/** What the engine may see of a published letter: the summary and the requests, nothing decided. */
export function blindInput(letter: Letter): ReviewInput {
  const input: ReviewInput = {
    clinicalSummary: letter.clinicalSummary,
    items: letter.items.map((i) => ({ request: i.request })),
  };
  if (letter.case.caseNumber !== undefined) input.caseNumber = letter.case.caseNumber;
  if (letter.case.decisionDate !== undefined) input.decisionDate = letter.case.decisionDate;
  if (Object.keys(letter.patient).length > 0) input.patient = { ...letter.patient };
  return input;
}

export interface ReplayRow {
  caseNumber?: string;
  request: string;
  kind: string;
  actual: 'Upheld' | 'Overturned';
  recommended: Recommendation;
  topicAgrees: boolean;
  /** The reviewer cited some guideline (topic agreement is measured over these items only). */
  reviewerCited: boolean;
  engineTopic: string;
}

export interface Metrics {
  items: number;
  agreement: number;
  balancedAccuracy: number;
  upheldRecall: number;
  overturnRecall: number;
  overturnPrecision: number;
  /** Over the items whose reviewer cited a guideline. */
  topicAgreement: number;
  referRate: number;
  actualOverturns: number;
  predictedOverturns: number;
}

function ratio(n: number, d: number): number {
  return d === 0 ? Number.NaN : n / d;
}

/** Refer counts against agreement and recall: the engine did not decide. */
export function metrics(rows: readonly ReplayRow[]): Metrics {
  let agree = 0;
  let upheld = 0;
  let upheldHit = 0;
  let over = 0;
  let overHit = 0;
  let predictedOver = 0;
  let topic = 0;
  let cited = 0;
  let refer = 0;
  for (const r of rows) {
    if (r.recommended === r.actual) agree++;
    if (r.actual === 'Upheld') {
      upheld++;
      if (r.recommended === 'Upheld') upheldHit++;
    } else {
      over++;
      if (r.recommended === 'Overturned') overHit++;
    }
    if (r.recommended === 'Overturned') predictedOver++;
    if (r.recommended === 'Refer') refer++;
    if (r.reviewerCited) {
      cited++;
      if (r.topicAgrees) topic++;
    }
  }
  const upheldRecall = ratio(upheldHit, upheld);
  const overturnRecall = ratio(overHit, over);
  const balancedAccuracy =
    Number.isNaN(upheldRecall) || Number.isNaN(overturnRecall)
      ? Number.isNaN(upheldRecall)
        ? overturnRecall
        : upheldRecall
      : (upheldRecall + overturnRecall) / 2;
  return {
    items: rows.length,
    agreement: ratio(agree, rows.length),
    balancedAccuracy,
    upheldRecall,
    overturnRecall,
    overturnPrecision: ratio(overHit, predictedOver),
    topicAgreement: ratio(topic, cited),
    referRate: ratio(refer, rows.length),
    actualOverturns: over,
    predictedOverturns: predictedOver,
  };
}

export interface ReplayDeps {
  review(input: ReviewInput): ReviewOutput;
  /** Whether the engine's topic is the one the reviewer cited. */
  topicAgrees(review: ItemReview, reviewerCitations: Letter['items'][number]['reviewerBasis']['citations']): boolean;
}

export function replayLetter(letter: Letter, deps: ReplayDeps): ReplayRow[] {
  const out = deps.review(blindInput(letter));
  return letter.items.map((item, i) => {
    const r = out.items[i];
    const row: ReplayRow = {
      request: item.request,
      kind: r?.kind ?? 'other',
      actual: item.decision,
      recommended: r?.recommendation ?? 'Refer',
      topicAgrees: r ? deps.topicAgrees(r, item.reviewerBasis.citations) : false,
      reviewerCited: item.reviewerBasis.citations.length > 0,
      engineTopic: r?.topic.id ?? '',
    };
    if (letter.case.caseNumber !== undefined) row.caseNumber = letter.case.caseNumber;
    return row;
  });
}

export interface ReplayReport {
  overall: Metrics;
  byKind: Record<string, Metrics>;
}

export function report(rows: readonly ReplayRow[]): ReplayReport {
  const kinds = new Map<string, ReplayRow[]>();
  for (const r of rows) kinds.set(r.kind, [...(kinds.get(r.kind) ?? []), r]);
  const byKind: Record<string, Metrics> = {};
  for (const [k, list] of [...kinds].sort((a, b) => b[1].length - a[1].length)) byKind[k] = metrics(list);
  return { overall: metrics(rows), byKind };
}

function pct(x: number): string {
  return Number.isNaN(x) ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`;
}

/** A plain-text table of the report, for the terminal and for docs. */
export function formatReport(r: ReplayReport): string {
  const head = `${'kind'.padEnd(22)} ${'items'.padStart(5)}  agree  bal.acc  ovt-prec ovt-rec  topic   refer`;
  const line = (name: string, m: Metrics): string =>
    `${name.padEnd(22)} ${String(m.items).padStart(5)} ${pct(m.agreement)} ${pct(m.balancedAccuracy)}  ${pct(m.overturnPrecision)} ${pct(m.overturnRecall)} ${pct(m.topicAgreement)} ${pct(m.referRate)}`;
  return [head, line('all', r.overall), ...Object.entries(r.byKind).map(([k, m]) => line(k, m))].join('\n');
}
