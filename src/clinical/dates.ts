import { monthNumber } from '../domain/months.js';
/** Dates as clinical text writes them: 11/14/16, 11-3-2016, October 10, 2015, Dec. 1 2016, 12/2014, 2016-11-03. */

export interface DateMention {
  readonly start: number;
  readonly end: number;
  /** ISO 8601 at the stated precision: YYYY-MM-DD, YYYY-MM or YYYY. */
  readonly iso: string;
  readonly precision: 'day' | 'month' | 'year';
}

const MONTH_WORD =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';

const DATE_RE = new RegExp(
  [
    // 2016-11-03
    '(?<![\\d/-])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d/-])',
    // 11/14/16, 11-3-2016, 11.14.2016
    '(?<![\\d/.-])(\\d{1,2})([/.-])(\\d{1,2})\\5(\\d{4}|\\d{2})(?![\\d/-]|\\.\\d)',
    // October 10, 2015 / Oct. 10 2015 / October 10th, 2015
    `\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`,
    // October 2015
    `\\b${MONTH_WORD},?\\s+(\\d{4})\\b`,
    // 12/2014, 12-2014
    '(?<![\\d/.-])(\\d{1,2})[/-]((?:19|20)\\d{2})(?![\\d/-])',
  ].join('|'),
  'g',
);

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n <= 50 ? 2000 + n : 1900 + n;
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function monthOf(word: string): number | undefined {
  return monthNumber(word);
}

/** Every date in `text`, in order. */
export function findDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  DATE_RE.lastIndex = 0;
  for (const m of text.matchAll(DATE_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (validDay(y, mo, d)) out.push({ start, end, iso: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day' });
    } else if (m[4] !== undefined) {
      const y = fullYear(m[7] ?? '');
      const mo = Number(m[4]);
      const d = Number(m[6]);
      if (validDay(y, mo, d)) out.push({ start, end, iso: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day' });
    } else if (m[8] !== undefined) {
      const mo = monthOf(m[8]);
      const y = Number(m[10]);
      const d = Number(m[9]);
      if (mo !== undefined && validDay(y, mo, d))
        out.push({ start, end, iso: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day' });
    } else if (m[11] !== undefined) {
      const mo = monthOf(m[11]);
      const y = Number(m[12]);
      if (mo !== undefined && y >= 1900 && y <= 2100)
        out.push({ start, end, iso: `${y}-${pad(mo)}`, precision: 'month' });
    } else if (m[13] !== undefined) {
      const mo = Number(m[13]);
      const y = Number(m[14]);
      if (mo >= 1 && mo <= 12) out.push({ start, end, iso: `${y}-${pad(mo)}`, precision: 'month' });
    }
  }
  return out;
}

/** The first date in `text`, or a bare year ("in 2005", "since 2014") when no fuller date is there. */
export function firstDate(text: string): DateMention | undefined {
  const found = findDates(text)[0];
  if (found) return found;
  const y = /\b(?:in|since|from|of|circa|around|during)\s+((?:19|20)\d{2})\b/i.exec(text);
  if (y?.[1] === undefined) return undefined;
  const start = y.index + y[0].length - 4;
  return { start, end: start + 4, iso: y[1], precision: 'year' };
}

/** Days from `a` to `b` (ISO dates of any precision; a partial date counts from its first day). */
export function daysBetween(a: string, b: string): number {
  const t = (iso: string): number => {
    const [y = '1970', m = '01', d = '01'] = iso.split('-');
    return Date.UTC(Number(y), Number(m) - 1, Number(d));
  };
  return Math.round((t(b) - t(a)) / 86_400_000);
}
