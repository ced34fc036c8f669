const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/**
 * The month a written name stands for — in full or abbreviated to three letters or more ("Feb.",
 * "Sept", "February") — or undefined.
 */
export function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((full) => full.startsWith(n));
  return i < 0 ? undefined : i + 1;
}

/** The full English name of month 1–12 ("January"), or undefined outside that range. */
export function monthName(month: number): string | undefined {
  const n = MONTH_NAMES[month - 1];
  return n === undefined ? undefined : `${n[0]?.toUpperCase()}${n.slice(1)}`;
}
