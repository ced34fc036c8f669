import type { ParsedRequest } from './request-types.js';

/**
 * Oral morphine milligram equivalents (MME) per milligram of each opioid, the conversion factors the
 * CDC published with its 2016 opioid prescribing guideline (the table most state guidelines, the MTUS
 * Opioids Treatment Guidelines among them, refer to). Transdermal fentanyl is per microgram an hour.
 * Methadone's factor rises with the dose; the lowest (4, up to 20 mg a day) is used, so the figure never
 * overstates it. Buprenorphine has no agreed factor and is left out.
 */
const MME_PER_MG: Readonly<Record<string, number>> = {
  codeine: 0.15,
  dihydrocodeine: 0.25,
  fentanyl: 2.4,
  hydrocodone: 1,
  hydromorphone: 4,
  levorphanol: 11,
  meperidine: 0.1,
  methadone: 4,
  morphine: 1,
  oxycodone: 1.5,
  oxymorphone: 3,
  pentazocine: 0.37,
  tapentadol: 0.4,
  tramadol: 0.1,
};

/** The first opioid ingredient of a generic name ("hydrocodone/acetaminophen" → hydrocodone) and its factor. */
function opioidIngredient(generic: string): { name: string; factor: number; index: number } | undefined {
  const parts = generic.toLowerCase().split('/');
  for (const [index, part] of parts.entries()) {
    const name = part.trim().split(/\s+/)[0] ?? '';
    const factor = MME_PER_MG[name];
    if (factor !== undefined) return { name, factor, index };
  }
  return undefined;
}

/** Milligrams (or micrograms an hour for a patch) of the ingredient at `index` in a strength like "10/325 mg". */
function strengthOf(strength: string | undefined, index: number): number | undefined {
  if (strength === undefined) return undefined;
  const numbers = strength.split('/').map((s) => Number.parseFloat(s.replace(/,/g, '')));
  const n = numbers[index] ?? (numbers.length === 1 ? numbers[0] : undefined);
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Units taken a day: from the frequency ("1-2 every 4-6 hours" at its most), else the count over the supply. */
function unitsPerDay(r: ParsedRequest): number | undefined {
  const perDay = r.frequency?.perDay;
  if (perDay !== undefined && perDay > 0) return perDay * (r.frequency?.unitsPerDose ?? 1);
  if (r.quantity !== undefined && r.supplyDays !== undefined && r.supplyDays > 0) return r.quantity / r.supplyDays;
  return undefined;
}

/**
 * The daily dose of the requested opioids in oral morphine milligram equivalents, at the highest rate the
 * request allows; undefined when no opioid is requested or the strength or daily amount is not stated.
 * A transdermal patch is dosed continuously: its strength (mcg/h) times the factor, whatever the count.
 */
export function requestedMme(r: ParsedRequest): number | undefined {
  let total = 0;
  let found = false;
  for (const d of r.drugs) {
    const opioid = opioidIngredient(d.generic);
    if (!opioid) continue;
    const mg = strengthOf(d.strength, opioid.index);
    if (mg === undefined) return undefined;
    const patch = /patch|transdermal/i.test(`${d.form ?? ''} ${r.text}`) && opioid.name === 'fentanyl';
    const units = patch ? 1 : unitsPerDay(r);
    if (units === undefined) return undefined;
    total += mg * units * opioid.factor;
    found = true;
  }
  return found ? Math.round(total * 10) / 10 : undefined;
}
