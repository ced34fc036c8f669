import type { CASE_STAGE_INFO } from '../api/contract.ts';
import type { CaseStage, ClockView, Urgency } from '../api/types.ts';

/**
 * The domain's stage table (src/domain/case.ts, CASE_STAGE_INFO). The web may take only types from
 * the server, so this is a copy the compiler checks against the domain's literal types: a stage, a
 * label or an open/final flag that differs breaks the web build. Everything below derives from it.
 */
const STAGE_INFO: typeof CASE_STAGE_INFO = {
  received: { label: 'Application received', open: true, final: false },
  'eligibility-review': { label: 'Eligibility review', open: true, final: false },
  ineligible: { label: 'Ineligible', open: false, final: true },
  deferred: { label: 'Deferred (liability dispute)', open: true, final: false },
  eligible: { label: 'Eligible', open: true, final: false },
  assigned: { label: 'Assigned', open: true, final: false },
  'records-requested': { label: 'Records requested', open: true, final: false },
  'records-received': { label: 'Records received', open: true, final: false },
  'in-review': { label: 'In review', open: true, final: false },
  determined: { label: 'Determined', open: true, final: false },
  'letter-issued': { label: 'Letter issued', open: false, final: false },
  closed: { label: 'Closed', open: false, final: true },
  terminated: { label: 'Terminated', open: false, final: true },
  withdrawn: { label: 'Withdrawn', open: false, final: true },
};
const ALL_STAGES = Object.keys(STAGE_INFO) as CaseStage[];

/** Stage names as people say them. */
export const STAGE_LABEL = Object.fromEntries(ALL_STAGES.map((s) => [s, STAGE_INFO[s].label])) as Record<
  CaseStage,
  string
>;

/** Stages with work still due (the domain's `open`): the queue's default. */
export const OPEN_STAGES: readonly CaseStage[] = ALL_STAGES.filter((s) => STAGE_INFO[s].open);

/** The rest: no work due (an issued letter waits only to be closed). */
export const ENDED_STAGES: readonly CaseStage[] = ALL_STAGES.filter((s) => !STAGE_INFO[s].open);

/** Open stages before a determination (the domain's BEFORE_DECISION_STAGES). */
export const BEFORE_DECISION_STAGES: readonly CaseStage[] = OPEN_STAGES.filter((s) => s !== 'determined');

export const CASE_SOURCE_LABEL: Record<'intake' | 'import', string> = {
  intake: 'decided through the desk',
  import: 'imported published letters',
};

const dateFmt = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const timeFmt = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'America/Los_Angeles',
  timeZoneName: 'short',
});

/** `2024-03-01` → `Mar 1, 2024`; an instant → date and California time. */
export function formatDate(value: string | undefined | null): string {
  if (value === undefined || value === null || value === '') return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dateFmt.format(new Date(`${value}T00:00:00Z`));
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : timeFmt.format(d);
}

const dayFmt = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'America/Los_Angeles',
});

/** The California day of a date or instant: `Mar 1, 2024`. */
export function formatDay(value: string | undefined | null): string {
  if (value === undefined || value === null || value === '') return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dayFmt.format(d);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`;
}

export const URGENCY: Record<Urgency, { label: string; tone: 'bad' | 'warn' | 'ok' | 'neutral' }> = {
  overdue: { label: 'Overdue', tone: 'bad' },
  'due-soon': { label: 'Due soon', tone: 'warn' },
  'on-track': { label: 'On track', tone: 'ok' },
  'no-deadline': { label: 'No deadline', tone: 'neutral' },
};

export const CLOCK_STATUS: Record<
  ClockView['status'],
  { label: string; tone: 'bad' | 'warn' | 'ok' | 'neutral' | 'info' }
> = {
  'not-started': { label: 'Not started', tone: 'neutral' },
  pending: { label: 'Running', tone: 'info' },
  met: { label: 'Met', tone: 'ok' },
  late: { label: 'Late', tone: 'bad' },
  stopped: { label: 'Stopped', tone: 'neutral' },
};

/** When a clock runs out, in words: "Mar 4, 2024" or the instant for hour clocks. */
export function clockDue(c: ClockView | null | undefined): string {
  if (c === null || c === undefined) return '—';
  if (c.dueAt !== undefined) return formatDate(c.dueAt);
  return formatDate(c.dueDate);
}

/** Abbreviations that stay in capitals when a code is turned into words (`ur-organization` → "UR organization"). */
const ACRONYMS = new Set([
  'ur',
  'imr',
  'imro',
  'icd',
  'pdf',
  'qme',
  'ame',
  'mtus',
  'odg',
  'acoem',
  'wcab',
  'eams',
  'npi',
  'dme',
  'noarfi',
  'qa',
]);

export function titleCase(s: string): string {
  return s
    .replace(/[-_]/g, ' ')
    .replace(/\b[a-z]+\b/g, (w) => (ACRONYMS.has(w) ? w.toUpperCase() : w))
    .replace(/^\w/, (m) => m.toUpperCase());
}
