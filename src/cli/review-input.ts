import { toIsoDate } from '../letter/dates.js';

/**
 * Lenient reading of an `imr review` input, as a person writes it: sex as M, F, male, female (any case),
 * dates as 2/3/2006, 02-03-06 or February 3, 2006, ages as "45". Each change is reported so the caller
 * can see what was read; anything that cannot be read is left as it is for the schema to refuse.
 */
export interface Normalized {
  readonly input: unknown;
  readonly notes: readonly string[];
}

const SEX: Readonly<Record<string, 'male' | 'female'>> = { m: 'male', male: 'male', f: 'female', female: 'female' };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isoDate(value: unknown, field: string, notes: string[]): unknown {
  if (typeof value !== 'string' || /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const iso = toIsoDate(value);
  if (iso === undefined) return value;
  notes.push(`${field}: read "${value}" as ${iso}`);
  return iso;
}

export function normalizeReviewInput(raw: unknown): Normalized {
  if (!isRecord(raw)) return { input: raw, notes: [] };
  const notes: string[] = [];
  const out: Record<string, unknown> = { ...raw };
  if ('decisionDate' in out) out.decisionDate = isoDate(out.decisionDate, 'decisionDate', notes);
  if (isRecord(out.patient)) {
    const p: Record<string, unknown> = { ...out.patient };
    if (typeof p.sex === 'string') {
      const sex = SEX[p.sex.trim().toLowerCase()];
      if (sex !== undefined && sex !== p.sex) {
        notes.push(`patient.sex: read "${p.sex}" as ${sex}`);
        p.sex = sex;
      }
    }
    if (typeof p.age === 'string' && /^\s*\d{1,3}\s*$/.test(p.age)) {
      notes.push(`patient.age: read "${p.age}" as ${Number(p.age)}`);
      p.age = Number(p.age);
    }
    if ('injuryDate' in p) p.injuryDate = isoDate(p.injuryDate, 'patient.injuryDate', notes);
    out.patient = p;
  }
  if (Array.isArray(out.documents)) {
    out.documents = out.documents.map((d, i) =>
      isRecord(d) && 'date' in d ? { ...d, date: isoDate(d.date, `documents[${i}].date`, notes) } : d,
    );
  }
  return { input: out, notes };
}
