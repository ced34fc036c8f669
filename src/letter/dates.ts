import { monthNumber } from '../domain/months.js';

/** Date reading for letters: numeric US dates (M/D/YY, MM-DD-YYYY) and written ones (February 3, 2006). */

/** Numeric or written date, as a regex source fragment (no capture groups). */
export const DATE_PATTERN = String.raw`(?:\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})(?!\d)|\d{4}-\d{2}-\d{2}|(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})`;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * Reads one date into ISO form. Two-digit years resolve to the latest year not after `pivotYear`
 * (an injury "11/11/94" in a 2016 letter is 1994).
 */
export function toIsoDate(text: string, pivotYear = new Date().getUTCFullYear()): string | undefined {
  const s = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : undefined;
  }
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/.exec(s);
  if (m) {
    const mo = Number(m[1]);
    const d = Number(m[2]);
    let y = Number(m[3]);
    if ((m[3] ?? '').length === 2) {
      const century = Math.floor(pivotYear / 100) * 100;
      y = century + y > pivotYear ? century - 100 + y : century + y;
    }
    return valid(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : undefined;
  }
  m = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const mo = monthNumber(m[1] ?? '');
    const d = Number(m[2]);
    const y = Number(m[3]);
    return mo !== undefined && valid(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : undefined;
  }
  return undefined;
}

/** MM/DD/YYYY, the form of the letter header. */
export function toUsDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}
