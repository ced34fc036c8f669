/** Human-readable output of suite results. */
import { type Check, isMeasured, type Ratio, type Row, type SuiteResult } from './types.js';

const LABEL_WIDTH = 22;

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const one = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 7,350 / 45.2 / 0.83: about three significant figures, never fewer than the integer part. */
export function formatRate(n: number): string {
  if (n >= 100) return int.format(n);
  if (n >= 10) return one.format(n);
  return n.toFixed(2);
}

function mark(c: Check): string {
  return c.met ? '✓' : '✗';
}

function formatCheck(c: Check): string {
  return `(target ${c.op === '>=' ? '≥' : '≤'} ${c.limit >= 100 ? int.format(c.limit) : one.format(c.limit)}) ${mark(c)}`;
}

function formatRatio(r: Ratio): string {
  return `${r.name} ${r.value.toFixed(2)}×${r.target === undefined ? '' : ` ${formatCheck(r.target)}`}`;
}

function formatRow(row: Row): string {
  const label = `  ${row.label.padEnd(LABEL_WIDTH)}`;
  if (!isMeasured(row)) return `${label}${row.unavailable}`;
  const rate = `${formatRate(row.itemsPerSecond.median)} ${row.unit}/s`.padStart(18);
  const mb = `${formatRate(row.mbPerSecond.median)} MB/s`.padStart(14);
  const range = `[${formatRate(row.itemsPerSecond.min)}–${formatRate(row.itemsPerSecond.max)}]`.padEnd(18);
  const extras: string[] = [];
  if (row.target !== undefined) extras.push(formatCheck(row.target));
  for (const r of row.ratios ?? []) extras.push(formatRatio(r));
  if (row.note !== undefined) extras.push(row.note);
  return `${label}${rate}${mb}   ${range} ${extras.join('   ')}`.trimEnd();
}

export function formatSuite(result: SuiteResult): string {
  const lines = [`${result.name} (${result.title})`];
  lines.push(`  ${''.padEnd(LABEL_WIDTH)}${'median'.padStart(18)}${'median'.padStart(14)}   [min–max rate]`);
  for (const row of result.rows) lines.push(formatRow(row));
  for (const note of result.notes) lines.push(`  · ${note}`);
  return lines.join('\n');
}

/** Every target in a result: on rows and on their ratios. */
export function checks(result: SuiteResult): Check[] {
  const out: Check[] = [];
  for (const row of result.rows) {
    if (!isMeasured(row)) continue;
    if (row.target !== undefined) out.push(row.target);
    for (const r of row.ratios ?? []) if (r.target !== undefined) out.push(r.target);
  }
  return out;
}
