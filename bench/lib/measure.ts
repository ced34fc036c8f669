import type { Check, MeasuredRow, Ratio, Stats } from './types.js';

/** Seconds on a monotonic clock. */
export function now(): number {
  return performance.now() / 1000;
}

/** Collects garbage before a timed round when node runs with `--expose-gc` (as `npm run bench` does). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function stats(values: readonly number[]): Stats {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export function check(value: number, op: Check['op'], limit: number): Check {
  return { op, limit, met: op === '>=' ? value >= limit : value <= limit };
}

/**
 * A row from per-round times. Rates come from the round times: the median rate is items over the
 * median time, the min rate is items over the slowest round.
 */
export function measuredRow(opts: {
  label: string;
  unit: string;
  itemsPerRound: number;
  bytesPerRound: number;
  seconds: readonly number[];
  minRate?: number;
  ratios?: readonly Ratio[];
  note?: string;
}): MeasuredRow {
  const s = stats(opts.seconds);
  const rate = (sec: number, amount: number) => amount / sec;
  const itemsPerSecond = {
    median: rate(s.median, opts.itemsPerRound),
    min: rate(s.max, opts.itemsPerRound),
    max: rate(s.min, opts.itemsPerRound),
  };
  const mb = opts.bytesPerRound / 1e6;
  return {
    label: opts.label,
    unit: opts.unit,
    itemsPerRound: opts.itemsPerRound,
    bytesPerRound: opts.bytesPerRound,
    rounds: opts.seconds.length,
    secondsPerRound: s,
    itemsPerSecond,
    mbPerSecond: { median: rate(s.median, mb), min: rate(s.max, mb), max: rate(s.min, mb) },
    ...(opts.minRate === undefined ? {} : { target: check(itemsPerSecond.median, '>=', opts.minRate) }),
    ...(opts.ratios === undefined ? {} : { ratios: opts.ratios }),
    ...(opts.note === undefined ? {} : { note: opts.note }),
  };
}

/**
 * `name` = median over rounds of (this round's time / the baseline's time in the same round). Rounds
 * alternate between the two, so pairing cancels most of the drift of a busy machine.
 */
export function pairedRatio(
  name: string,
  seconds: readonly number[],
  baselineSeconds: readonly number[],
  maxRatio?: number,
): Ratio {
  const n = Math.min(seconds.length, baselineSeconds.length);
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) ratios.push((seconds[i] as number) / (baselineSeconds[i] as number));
  const value = median(ratios);
  return {
    name,
    value,
    method: 'median over rounds of paired per-round time ratios (rounds alternate)',
    ...(maxRatio === undefined ? {} : { target: check(value, '<=', maxRatio) }),
  };
}
