import { z } from 'zod';

/**
 * Calendar arithmetic for the IMR clocks. Pure: nothing here reads the system clock; `Intl` is used
 * only to read an instant in California local time (the day-counted deadlines run on the IMRO's and
 * the DWC's calendar, which is California's).
 */

export const CALIFORNIA_TIME_ZONE = 'America/Los_Angeles';

/** A real calendar day, ISO `YYYY-MM-DD` (2024-02-30 is refused). */
export const CalendarDate = z.iso.date();
export type CalendarDate = z.infer<typeof CalendarDate>;

/** A moment, ISO 8601 with `Z` or an offset (`2024-03-04T09:30:00-08:00`). */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** When something happened: known to the day (a date) or to the minute (an instant). */
export const When = z.union([CalendarDate, Instant]);
export type When = z.infer<typeof When>;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a calendar date; the basis of all day arithmetic here. */
export function dayNumber(date: CalendarDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromDayNumber(days: number): CalendarDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** `to - from` in calendar days (negative when `to` is earlier). */
export function calendarDaysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return new Date(dayNumber(date) * DAY_MS).getUTCDay();
}

export function isWeekend(date: CalendarDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** The same day `months` calendar months earlier, clamped to the month's length (03-31 → 02-29). */
export function subtractMonths(date: CalendarDate, months: number): CalendarDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const first = new Date(Date.UTC(year, month - 1 - months, 1));
  const length = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, length)))
    .toISOString()
    .slice(0, 10);
}

/** The later of two dates. */
export function laterDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

/** The earlier of two dates. */
export function earlierDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

/** True when the event is known to the minute, not only to the day. */
export function hasTime(when: When): when is Instant {
  return when.length > 10;
}

const californiaDay = new Intl.DateTimeFormat('en-US', {
  timeZone: CALIFORNIA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The California calendar day on which an event happened. */
export function localDateOf(when: When): CalendarDate {
  if (!hasTime(when)) return when;
  const parts = californiaDay.formatToParts(new Date(Date.parse(when)));
  const part = (type: 'year' | 'month' | 'day'): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Milliseconds since the epoch of an instant. */
export function instantMs(instant: Instant): number {
  return Date.parse(instant);
}

export function instantFromMs(ms: number): Instant {
  return new Date(ms).toISOString();
}

/** Adds whole hours to an instant. */
export function addHours(instant: Instant, hours: number): Instant {
  return instantFromMs(instantMs(instant) + hours * 3_600_000);
}

/**
 * Whether `event` happened after `reference`. Two instants compare exactly; when either is known
 * only to the day, they compare by California calendar day (same day is not "after").
 */
export function happenedAfter(event: When, reference: When): boolean {
  if (hasTime(event) && hasTime(reference)) return instantMs(event) > instantMs(reference);
  return localDateOf(event) > localDateOf(reference);
}

/** The earlier of two events (by instant when both carry times, else by California day). */
export function earlierWhen(a: When, b: When): When {
  return happenedAfter(a, b) ? b : a;
}

/** The later of two events (by instant when both carry times, else by California day). */
export function laterWhen(a: When, b: When): When {
  return happenedAfter(b, a) ? b : a;
}
