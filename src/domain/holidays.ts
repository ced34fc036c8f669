import { z } from 'zod';
import { addCalendarDays, type CalendarDate, dayNumber, dayOfWeek, fromDayNumber } from './clock-dates.js';

/**
 * California holiday tables for the IMR clocks, written by hand from the statutes because the
 * `date-holidays` package's US-CA data match neither calendar the deadlines use (it has the federal
 * Juneteenth from 2022, lacks Lincoln Day and Native American Day, and moves Saturday holidays to
 * Friday where state offices do not). Two calendars matter:
 *
 * 1. **State holidays** — what a "business day" / "working day" skips. LC 4600.4(b) (in force
 *    2020-01-01): a normal business day is not a Saturday, a Sunday, a day the Governor declares an
 *    official state holiday, or a holiday on the CalHR website. CalHR lists the eleven state-employee
 *    holidays of Gov. Code 19853: New Year's Day, Dr. Martin Luther King Jr. Day, Presidents' Day,
 *    Cesar Chavez Day, Memorial Day, Independence Day, Labor Day, Veterans Day, Thanksgiving, the day
 *    after, Christmas. A Sunday holiday is observed the Monday after (Gov. Code 6700(b)); a Saturday
 *    holiday is not moved (employees get holiday credit) except Veterans Day, observed the Friday before
 *    (CalHR page, 2026 list). Lincoln Day, Juneteenth and Native American Day are only *optional*
 *    days for state employees (Gov. Code 19853), so state offices stay open.
 *
 * 2. **Judicial holidays** (CCP 135) — what CCP 12a skips when a calendar-day period's last day
 *    falls on a holiday: every Saturday, every Gov. Code 6700 holiday except Lunar New Year, Diwali,
 *    Genocide Remembrance Day, Admission Day and Columbus Day, plus the day after Thanksgiving.
 *    Courts observe a Saturday holiday the Friday before and a Sunday holiday the Monday after
 *    (Judicial Council designation; e.g. Independence Day 2026 observed Friday July 3).
 *    History: Columbus Day was a judicial holiday through 2021; 2021 legislation replaced it with
 *    Native American Day (fourth Friday of September), first observed 2022; Juneteenth (AB 1655,
 *    2022) is a state and judicial holiday from 2023.
 *
 * Days the Governor declares, or any other whole-day closure of the DWC (CCP 12b), are passed in as
 * `extraClosedDays` of {@link californiaCalendar}. Rules were checked against published lists through
 * 2026 (CalHR 2026; California courts 2024–2026); later years follow the same statutes.
 */

export const HolidayName = z.enum([
  'new-years-day',
  'martin-luther-king-jr-day',
  'lincoln-day',
  'presidents-day',
  'cesar-chavez-day',
  'memorial-day',
  'juneteenth',
  'independence-day',
  'labor-day',
  'native-american-day',
  'columbus-day',
  'veterans-day',
  'thanksgiving-day',
  'day-after-thanksgiving',
  'christmas-day',
]);
export type HolidayName = z.infer<typeof HolidayName>;

export const HOLIDAY_LABELS: Record<HolidayName, string> = {
  'new-years-day': "New Year's Day",
  'martin-luther-king-jr-day': 'Dr. Martin Luther King, Jr. Day',
  'lincoln-day': 'Lincoln Day',
  'presidents-day': "Presidents' Day",
  'cesar-chavez-day': 'Cesar Chavez Day',
  'memorial-day': 'Memorial Day',
  juneteenth: 'Juneteenth',
  'independence-day': 'Independence Day',
  'labor-day': 'Labor Day',
  'native-american-day': 'Native American Day',
  'columbus-day': 'Columbus Day',
  'veterans-day': 'Veterans Day',
  'thanksgiving-day': 'Thanksgiving Day',
  'day-after-thanksgiving': 'Day after Thanksgiving',
  'christmas-day': 'Christmas Day',
};

export interface Holiday {
  /** The day offices (state list) or courts (judicial list) are closed for it. */
  readonly date: CalendarDate;
  readonly name: HolidayName;
  /** The statutory date; differs from `date` when a weekend holiday is observed on a weekday. */
  readonly actualDate: CalendarDate;
  readonly observed: boolean;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function ymd(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The n-th given weekday (0 = Sunday) of a month, n from 1. */
function nthWeekday(year: number, month: number, weekday: number, n: number): CalendarDate {
  const first = ymd(year, month, 1);
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  return addCalendarDays(first, offset + (n - 1) * 7);
}

/** The last given weekday of a month. */
function lastWeekday(year: number, month: number, weekday: number): CalendarDate {
  const lastDay = fromDayNumber(dayNumber(ymd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1)) - 1);
  const back = (dayOfWeek(lastDay) - weekday + 7) % 7;
  return addCalendarDays(lastDay, -back);
}

const MONDAY = 1;
const THURSDAY = 4;
const FRIDAY = 5;

interface HolidayRule {
  readonly name: HolidayName;
  readonly on: (year: number) => CalendarDate;
  /** On the state list (Gov. Code 19853 via CalHR; LC 4600.4(b)). */
  readonly state: boolean;
  /** Years it is a judicial holiday (CCP 135), inclusive; absent = never. */
  readonly judicial?: { readonly from?: number; readonly to?: number };
}

const ALWAYS = {} as const;

const RULES: readonly HolidayRule[] = [
  { name: 'new-years-day', on: (y) => ymd(y, 1, 1), state: true, judicial: ALWAYS },
  { name: 'martin-luther-king-jr-day', on: (y) => nthWeekday(y, 1, MONDAY, 3), state: true, judicial: ALWAYS },
  { name: 'lincoln-day', on: (y) => ymd(y, 2, 12), state: false, judicial: ALWAYS },
  { name: 'presidents-day', on: (y) => nthWeekday(y, 2, MONDAY, 3), state: true, judicial: ALWAYS },
  { name: 'cesar-chavez-day', on: (y) => ymd(y, 3, 31), state: true, judicial: ALWAYS },
  { name: 'memorial-day', on: (y) => lastWeekday(y, 5, MONDAY), state: true, judicial: ALWAYS },
  { name: 'juneteenth', on: (y) => ymd(y, 6, 19), state: false, judicial: { from: 2023 } },
  { name: 'independence-day', on: (y) => ymd(y, 7, 4), state: true, judicial: ALWAYS },
  { name: 'labor-day', on: (y) => nthWeekday(y, 9, MONDAY, 1), state: true, judicial: ALWAYS },
  { name: 'native-american-day', on: (y) => nthWeekday(y, 9, FRIDAY, 4), state: false, judicial: { from: 2022 } },
  { name: 'columbus-day', on: (y) => nthWeekday(y, 10, MONDAY, 2), state: false, judicial: { to: 2021 } },
  { name: 'veterans-day', on: (y) => ymd(y, 11, 11), state: true, judicial: ALWAYS },
  { name: 'thanksgiving-day', on: (y) => nthWeekday(y, 11, THURSDAY, 4), state: true, judicial: ALWAYS },
  {
    name: 'day-after-thanksgiving',
    on: (y) => addCalendarDays(nthWeekday(y, 11, THURSDAY, 4), 1),
    state: true,
    judicial: ALWAYS,
  },
  { name: 'christmas-day', on: (y) => ymd(y, 12, 25), state: true, judicial: ALWAYS },
];

/** State offices: Sunday → Monday for every holiday; Saturday → Friday only for Veterans Day. */
function stateObservance(name: HolidayName, actual: CalendarDate): CalendarDate {
  const dow = dayOfWeek(actual);
  if (dow === 0) return addCalendarDays(actual, 1);
  if (dow === 6 && name === 'veterans-day') return addCalendarDays(actual, -1);
  return actual;
}

/** Courts: Saturday → Friday before, Sunday → Monday after. */
function judicialObservance(actual: CalendarDate): CalendarDate {
  const dow = dayOfWeek(actual);
  if (dow === 0) return addCalendarDays(actual, 1);
  if (dow === 6) return addCalendarDays(actual, -1);
  return actual;
}

function inYears(range: { readonly from?: number; readonly to?: number }, year: number): boolean {
  return (range.from === undefined || year >= range.from) && (range.to === undefined || year <= range.to);
}

type Kind = 'state' | 'judicial';

function build(kind: Kind, year: number): readonly Holiday[] {
  const out: Holiday[] = [];
  // A holiday of one year can be observed in the next or previous one (New Year's Day on a Saturday
  // is observed by the courts on December 31), so look at the neighbouring years too.
  for (const ruleYear of [year - 1, year, year + 1]) {
    for (const rule of RULES) {
      if (kind === 'state' ? !rule.state : rule.judicial === undefined || !inYears(rule.judicial, ruleYear)) continue;
      const actualDate = rule.on(ruleYear);
      const date = kind === 'state' ? stateObservance(rule.name, actualDate) : judicialObservance(actualDate);
      if (Number(date.slice(0, 4)) !== year) continue;
      out.push({ date, name: rule.name, actualDate, observed: date !== actualDate });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * State holidays closing state offices in `year` (Gov. Code 19853, CalHR list; LC 4600.4(b)). A
 * Saturday holiday other than Veterans Day is listed on its Saturday (offices stay open on Friday).
 */
export function stateHolidays(year: number): readonly Holiday[] {
  return build('state', year);
}

/** Judicial holidays (CCP 135) on the days courts close in `year`, weekend holidays moved to weekdays. */
export function judicialHolidays(year: number): readonly Holiday[] {
  return build('judicial', year);
}

/** The two questions the clocks ask of a calendar. */
export interface BusinessCalendar {
  /** LC 4600.4(b): not Saturday, Sunday, a state holiday, or a declared closure. */
  isBusinessDay(date: CalendarDate): boolean;
  /**
   * CCP 12a: a "holiday" for extending a period whose last day it is — every Saturday and Sunday
   * (CCP 10), every judicial holiday (CCP 135), and every day the state office is closed (CCP 12b:
   * state holidays and declared closures).
   */
  isCcp12aHoliday(date: CalendarDate): boolean;
}

export interface CalendarOptions {
  /** Whole-day closures beyond the statutes: days the Governor declares, emergency closures (CCP 12b). */
  readonly extraClosedDays?: readonly CalendarDate[];
}

/** The California calendar, memoizing each year's tables. */
export function californiaCalendar(options: CalendarOptions = {}): BusinessCalendar {
  const extra = new Set(options.extraClosedDays ?? []);
  const stateByYear = new Map<number, ReadonlySet<CalendarDate>>();
  const judicialByYear = new Map<number, ReadonlySet<CalendarDate>>();
  const lookup = (cache: Map<number, ReadonlySet<CalendarDate>>, kind: Kind, date: CalendarDate): boolean => {
    const year = Number(date.slice(0, 4));
    let set = cache.get(year);
    if (set === undefined) {
      set = new Set(build(kind, year).map((h) => h.date));
      cache.set(year, set);
    }
    return set.has(date);
  };
  const isStateClosure = (date: CalendarDate): boolean => extra.has(date) || lookup(stateByYear, 'state', date);
  return {
    isBusinessDay: (date) => {
      const dow = dayOfWeek(date);
      return dow !== 0 && dow !== 6 && !isStateClosure(date);
    },
    isCcp12aHoliday: (date) => {
      const dow = dayOfWeek(date);
      return dow === 0 || dow === 6 || isStateClosure(date) || lookup(judicialByYear, 'judicial', date);
    },
  };
}

/** The statutory California calendar without declared closures. */
export const CALIFORNIA_CALENDAR: BusinessCalendar = californiaCalendar();
