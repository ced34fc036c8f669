/**
 * The shapes every bench suite returns. A suite measures; `bench/run.ts` prints and writes
 * `bench/out/results.json`. Times are seconds, rates are per second, MB is 10^6 bytes.
 */

/** Median, fastest and slowest over the timed rounds. */
export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** A target on a figure: `value op limit` must hold. */
export interface Check {
  readonly op: '>=' | '<=';
  readonly limit: number;
  readonly met: boolean;
}

/** This row against a baseline row measured in the same run (`value` = this / baseline, as `name` says). */
export interface Ratio {
  readonly name: string;
  readonly value: number;
  /** How the ratio was formed, e.g. "median over rounds of paired per-round time ratios". */
  readonly method: string;
  readonly target?: Check;
}

export interface MeasuredRow {
  readonly label: string;
  /** What one item is: "letters". */
  readonly unit: string;
  /** Items and input bytes handled in one timed round. */
  readonly itemsPerRound: number;
  readonly bytesPerRound: number;
  readonly rounds: number;
  readonly secondsPerRound: Stats;
  readonly itemsPerSecond: Stats;
  readonly mbPerSecond: Stats;
  /** A target on `itemsPerSecond.median`. */
  readonly target?: Check;
  readonly ratios?: readonly Ratio[];
  readonly note?: string;
}

/** A row that could not be measured here (e.g. the baseline tool is not installed). */
export interface UnavailableRow {
  readonly label: string;
  readonly unavailable: string;
}

export type Row = MeasuredRow | UnavailableRow;

export interface SuiteResult {
  readonly name: string;
  /** One line shown above the table, e.g. "55 dev letters × 182". */
  readonly title: string;
  readonly rows: readonly Row[];
  /** Where the input came from, what each baseline includes, anything a reader must know. */
  readonly notes: readonly string[];
  /** Extra figures for the JSON file only. */
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface BenchContext {
  /** The project directory (holds package.json). */
  readonly projectRoot: string;
  /** `--name` arguments without the dashes, e.g. `synthetic`. */
  readonly flags: ReadonlySet<string>;
}

/** What each `bench/suites/*.ts` exports as `suite`. */
export interface Suite {
  readonly name: string;
  readonly description: string;
  run(ctx: BenchContext): Promise<SuiteResult>;
}

export function isMeasured(row: Row): row is MeasuredRow {
  return !('unavailable' in row);
}
