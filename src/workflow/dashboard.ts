import { CASE_STAGE_INFO, type CaseStage, OPEN_STAGES } from '../domain/case.js';
import { calendarDaysBetween } from '../domain/clock-dates.js';
import { Basis, type Decision } from '../domain/letter.js';
import { TreatmentKind } from '../domain/treatment.js';
import { parseRequest } from '../engine/request.js';
import { cases, type Handle } from '../store/index.js';
import { clockedCase } from './case-view.js';

/**
 * The dashboard's aggregates over decided items and cases: volumes per month and stage, timeliness
 * of decisions, and overturn rates by kind of request, by the guideline the reviewer relied on and by
 * the reviewer's specialty — over cases decided through the desk, imported published letters, or
 * both. Counts only: no names, no clinical text.
 */

export interface DashboardFilter {
  readonly from?: string;
  readonly to?: string;
  readonly source: 'all' | 'intake' | 'import';
}

export interface RateRow {
  readonly key: string;
  readonly label: string;
  readonly decided: number;
  readonly overturned: number;
  readonly overturnRate: number;
}

export interface Dashboard {
  readonly volumes: {
    readonly byMonth: readonly { month: string; received: number; decided: number }[];
    readonly byStage: readonly { stage: CaseStage; label: string; count: number }[];
    readonly openCases: number;
    readonly decidedCases: number;
    readonly decidedItems: number;
  };
  readonly timeliness: {
    readonly measured: number;
    readonly onTime: number;
    readonly late: number;
    readonly onTimeRate: number;
    readonly medianDaysToDecision: number | null;
    readonly openOverdue: number;
    readonly byMonth: readonly { month: string; onTime: number; late: number }[];
  };
  readonly overturn: {
    readonly overall: RateRow;
    readonly byKind: readonly RateRow[];
    readonly byGuideline: readonly RateRow[];
    readonly bySpecialty: readonly RateRow[];
  };
}

/** Groups shown by name; the rest are summed into "Other". */
const TOP_GROUPS = 12;

const KIND_LABELS: Record<TreatmentKind, string> = {
  medication: 'Medication',
  'compounded-topical': 'Compounded topical',
  therapy: 'Physical / occupational therapy',
  acupuncture: 'Acupuncture',
  chiropractic: 'Chiropractic',
  injection: 'Injection',
  imaging: 'Imaging',
  electrodiagnostic: 'Electrodiagnostic testing',
  surgery: 'Surgery',
  'surgical-associated': 'Surgery-associated service',
  equipment: 'Equipment (DME)',
  program: 'Program',
  consultation: 'Consultation',
  laboratory: 'Laboratory',
  'home-care': 'Home care',
  psychological: 'Psychological',
  other: 'Other',
};

const kindCache = new Map<string, TreatmentKind>();

/** The kind of a request: the item's category when intake set one, else the engine's request parser. */
function kindOf(request: string, category: string | null): TreatmentKind {
  const given = TreatmentKind.safeParse(category);
  if (given.success) return given.data;
  const hit = kindCache.get(request);
  if (hit !== undefined) return hit;
  const parsed = TreatmentKind.safeParse(parseRequest(request).kind);
  const kind = parsed.success ? parsed.data : 'other';
  if (kindCache.size < 50_000) kindCache.set(request, kind);
  return kind;
}

/** The guideline the reviewer relied on first: its source and title, without pages. */
function guidelineOf(basisJson: string | null): { key: string; label: string } {
  if (basisJson === null) return { key: 'none', label: 'No guideline cited' };
  const basis = Basis.safeParse(JSON.parse(basisJson));
  const first = basis.success ? basis.data.citations[0] : undefined;
  if (first === undefined) return { key: 'none', label: 'No guideline cited' };
  const title = first.text.replace(/\s+/g, ' ').trim();
  return { key: `${first.source}:${title.toLowerCase()}`, label: `${title} (${first.source})` };
}

function specialtyOf(credentialsJson: string | null): { key: string; label: string } {
  if (credentialsJson === null) return { key: 'unknown', label: 'Not stated' };
  const parsed = JSON.parse(credentialsJson) as { specialties?: unknown };
  const first = Array.isArray(parsed.specialties) ? parsed.specialties[0] : undefined;
  return typeof first === 'string' && first.trim() !== ''
    ? { key: first.trim().toLowerCase(), label: first.trim() }
    : { key: 'unknown', label: 'Not stated' };
}

class Tally {
  readonly #rows = new Map<string, { label: string; decided: number; overturned: number }>();
  add(key: string, label: string, decision: Decision): void {
    const row = this.#rows.get(key) ?? { label, decided: 0, overturned: 0 };
    row.decided += 1;
    if (decision === 'Overturned') row.overturned += 1;
    this.#rows.set(key, row);
  }
  rows(top = TOP_GROUPS): RateRow[] {
    const all = [...this.#rows.entries()]
      .map(([key, r]) => rate(key, r.label, r.decided, r.overturned))
      .sort((a, b) => b.decided - a.decided || a.key.localeCompare(b.key));
    if (all.length <= top) return all;
    const rest = all.slice(top);
    const decided = rest.reduce((s, r) => s + r.decided, 0);
    const overturned = rest.reduce((s, r) => s + r.overturned, 0);
    return [...all.slice(0, top), rate('other-groups', `Other (${rest.length} groups)`, decided, overturned)];
  }
}

function rate(key: string, label: string, decided: number, overturned: number): RateRow {
  return { key, label, decided, overturned, overturnRate: decided === 0 ? 0 : overturned / decided };
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export async function dashboard(
  h: Handle,
  filter: DashboardFilter,
  now: string,
  dueSoonDays: number,
): Promise<Dashboard> {
  let decidedQuery = h.db
    .selectFrom('case_items')
    .innerJoin('cases', 'cases.id', 'case_items.case_id')
    .select([
      'case_items.case_id',
      'case_items.decision',
      'case_items.request',
      'case_items.category',
      'case_items.reviewer_basis',
      'cases.reviewer_credentials',
    ])
    .where('case_items.decision', 'is not', null);
  let caseQuery = h.db
    .selectFrom('cases')
    .select(['id', 'stage', 'source', 'received_date', 'decision_date', 'due_date']);
  if (filter.source !== 'all') {
    decidedQuery = decidedQuery.where('cases.source', '=', filter.source);
    caseQuery = caseQuery.where('source', '=', filter.source);
  }
  if (filter.from !== undefined) decidedQuery = decidedQuery.where('cases.decision_date', '>=', filter.from);
  if (filter.to !== undefined) decidedQuery = decidedQuery.where('cases.decision_date', '<=', filter.to);
  const [itemRows, caseRows] = await Promise.all([decidedQuery.execute(), caseQuery.execute()]);

  const inPeriod = (day: string | null) =>
    day !== null && (filter.from === undefined || day >= filter.from) && (filter.to === undefined || day <= filter.to);

  const months = new Map<string, { received: number; decided: number }>();
  const bump = (day: string | null, field: 'received' | 'decided') => {
    if (day === null || !inPeriod(day)) return;
    const m = day.slice(0, 7);
    const row = months.get(m) ?? { received: 0, decided: 0 };
    row[field] += 1;
    months.set(m, row);
  };
  const stageCounts = new Map<CaseStage, number>();
  const days: number[] = [];
  let decidedCases = 0;
  let openOverdue = 0;
  const today = now.slice(0, 10);
  const decidedIntake: number[] = [];
  for (const c of caseRows) {
    bump(c.received_date, 'received');
    bump(c.decision_date, 'decided');
    const stage = c.stage as CaseStage;
    if (CASE_STAGE_INFO[stage]?.open === true) {
      stageCounts.set(stage, (stageCounts.get(stage) ?? 0) + 1);
      if (c.due_date !== null && c.due_date < today) openOverdue += 1;
    }
    if (c.decision_date !== null && inPeriod(c.decision_date)) {
      decidedCases += 1;
      if (c.received_date !== null && c.received_date <= c.decision_date) {
        days.push(calendarDaysBetween(c.received_date, c.decision_date));
      }
      if (c.source === 'intake') decidedIntake.push(c.id);
    }
  }

  // Timeliness: the decision clock of each case decided through the desk (imports carry no timeline).
  let onTime = 0;
  let late = 0;
  const timelyByMonth = new Map<string, { onTime: number; late: number }>();
  for (const id of decidedIntake) {
    const c = await cases.getById(h, id);
    if (c === undefined || c.decisionDate === undefined) continue;
    const decision = (await clockedCase(h, c, now, dueSoonDays)).clocks.clocks.find((k) => k.id === 'decision');
    const month = c.decisionDate.slice(0, 7);
    const row = timelyByMonth.get(month) ?? { onTime: 0, late: 0 };
    if (decision?.status === 'met') {
      onTime += 1;
      row.onTime += 1;
    } else if (decision?.status === 'late') {
      late += 1;
      row.late += 1;
    }
    timelyByMonth.set(month, row);
  }

  const overall = new Tally();
  const byKind = new Tally();
  const byGuideline = new Tally();
  const bySpecialty = new Tally();
  for (const r of itemRows) {
    const decision = r.decision as Decision;
    overall.add('all', 'All decided items', decision);
    const kind = kindOf(r.request, r.category);
    byKind.add(kind, KIND_LABELS[kind], decision);
    const g = guidelineOf(r.reviewer_basis);
    byGuideline.add(g.key, g.label, decision);
    const s = specialtyOf(r.reviewer_credentials);
    bySpecialty.add(s.key, s.label, decision);
  }

  const measured = onTime + late;
  return {
    volumes: {
      byMonth: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, v]) => ({ month, ...v })),
      byStage: OPEN_STAGES.map((stage) => ({
        stage,
        label: CASE_STAGE_INFO[stage].label,
        count: stageCounts.get(stage) ?? 0,
      })),
      openCases: [...stageCounts.values()].reduce((a, b) => a + b, 0),
      decidedCases,
      decidedItems: itemRows.length,
    },
    timeliness: {
      measured,
      onTime,
      late,
      onTimeRate: measured === 0 ? 0 : onTime / measured,
      medianDaysToDecision: median(days),
      openOverdue,
      byMonth: [...timelyByMonth.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, v]) => ({ month, ...v })),
    },
    overturn: {
      overall: overall.rows()[0] ?? rate('all', 'All decided items', 0, 0),
      byKind: byKind.rows(TREATMENT_KIND_COUNT),
      byGuideline: byGuideline.rows(),
      bySpecialty: bySpecialty.rows(),
    },
  };
}

const TREATMENT_KIND_COUNT = TreatmentKind.options.length;

/** The groups the overturn charts break decided items down by. */
export const DASHBOARD_DIMENSIONS = ['kind', 'guideline', 'specialty'] as const;
export type DashboardDimension = (typeof DASHBOARD_DIMENSIONS)[number];

/**
 * The cases with a decided item in one group of an overturn chart (`key` as the dashboard gave it),
 * under the same filter and the same classification as the chart: what its drill-down lists. The
 * "Other (n groups)" row has no cases of its own here (it is a sum of groups, each listed by key).
 */
export async function casesInGroup(
  h: Handle,
  filter: DashboardFilter,
  dimension: DashboardDimension,
  key: string,
): Promise<number[]> {
  let q = h.db
    .selectFrom('case_items')
    .innerJoin('cases', 'cases.id', 'case_items.case_id')
    .select([
      'case_items.case_id',
      'case_items.request',
      'case_items.category',
      'case_items.reviewer_basis',
      'cases.reviewer_credentials',
    ])
    .where('case_items.decision', 'is not', null);
  if (filter.source !== 'all') q = q.where('cases.source', '=', filter.source);
  if (filter.from !== undefined) q = q.where('cases.decision_date', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('cases.decision_date', '<=', filter.to);
  const ids = new Set<number>();
  for (const r of await q.execute()) {
    const k =
      dimension === 'kind'
        ? kindOf(r.request, r.category)
        : dimension === 'guideline'
          ? guidelineOf(r.reviewer_basis).key
          : specialtyOf(r.reviewer_credentials).key;
    if (k === key) ids.add(r.case_id);
  }
  return [...ids].sort((a, b) => a - b);
}
