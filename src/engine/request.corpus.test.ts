import { describe, expect, it } from 'vitest';
import { letterRequests } from '../../test/letter-requests.js';
import { DRUG_INDEX } from './drugs.js';
import { tokenize } from './phrases.js';
import { parseRequest } from './request.js';
import { type ParsedRequest, ParsedRequest as ParsedRequestSchema } from './request-types.js';

/**
 * Every request of the real letters (dev corpus and seeds), read by general properties: nothing
 * here is keyed to a letter or a request. `letterRequests()` is empty on a machine without the
 * letters (the suite then skips) and throws in CI when they are missing.
 */
const requests = letterRequests();
const parsed: { text: string; p: ParsedRequest }[] = requests.map((r) => ({
  text: r.text,
  p: parseRequest(r.text, r.decisionDate ? { referenceDate: r.decisionDate } : {}),
}));

const NUMBER_WORD: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const numberOf = (w: string): number => NUMBER_WORD[w.toLowerCase()] ?? Number(w);

/** The requests whose text matches `re`, with the match. */
function matching(re: RegExp): { text: string; p: ParsedRequest; m: RegExpExecArray }[] {
  const out: { text: string; p: ParsedRequest; m: RegExpExecArray }[] = [];
  for (const x of parsed) {
    const m = re.exec(x.text);
    if (m) out.push({ ...x, m });
  }
  return out;
}

describe.skipIf(requests.length === 0)('parseRequest over every request of the real letters', () => {
  it('reads the corpus: over a hundred requests', () => {
    expect(requests.length).toBeGreaterThan(100);
  });

  it('places at least 95% of the requests in a kind other than "other"', () => {
    const other = parsed.filter((x) => x.p.kind === 'other');
    expect(other.length / parsed.length, other.map((x) => x.text).join(' | ')).toBeLessThanOrEqual(0.05);
  });

  it('gives every medication at least one drug of a known class', () => {
    const meds = parsed.filter((x) => x.p.kind === 'medication' || x.p.serviceKind === 'medication');
    expect(meds.length).toBeGreaterThan(10);
    for (const { text, p } of meds)
      expect(
        p.drugs.some((d) => d.drugClass !== 'unknown'),
        text,
      ).toBe(true);
  });

  it('gives every compounded topical at least two ingredients with percentages', () => {
    const compounds = parsed.filter((x) => x.p.kind === 'compounded-topical');
    for (const { text, p } of compounds) {
      expect(p.drugs.filter((d) => d.percent !== undefined).length, text).toBeGreaterThanOrEqual(2);
    }
  });

  it('resolves every lexicon name that occurs as a word to its generic name', () => {
    let seen = 0;
    for (const { text, p } of parsed) {
      const words = tokenize(text).words;
      for (let i = 0; i < words.length; i++) {
        const m = DRUG_INDEX.matchAt(words, i);
        if (!m) continue;
        seen++;
        expect(
          p.drugs.map((d) => d.generic),
          text,
        ).toContain(m.value.generic);
      }
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('reads "#N" as the quantity when the text has exactly one', () => {
    const found = parsed.filter((x) => (x.text.match(/#\s*\d+/g) ?? []).length === 1);
    expect(found.length).toBeGreaterThan(10);
    for (const { text, p } of found) expect(p.quantity, text).toBe(Number(/#\s*(\d+)/.exec(text)?.[1]));
  });

  it('reads a strength written right after a drug name', () => {
    let checked = 0;
    for (const { text, p, m } of matching(/\b([A-Z][a-z]+)\s+(\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)*)\s*mg\b/)) {
      const drug = p.drugs.find((d) => d.name.toLowerCase() === (m[1] ?? '').toLowerCase());
      if (!drug) continue; // the capitalized word is not a drug name ("Capsule 30.5/30/16mg")
      checked++;
      expect(drug.strength, text).toBe(`${m[2]} mg`);
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('reads "with N refill(s)" and "N refills of"', () => {
    const found = matching(/\b(?:with\s+)?(\d+|one|two|three|four|five|six)\s+refills?\b/i);
    expect(found.length).toBeGreaterThan(2);
    for (const { text, p, m } of found) expect(p.refills, text).toBe(numberOf(m[1] ?? ''));
  });

  it('reads every spinal level named', () => {
    const found = matching(/\b[CTL]\d{1,2}\b/);
    expect(found.length).toBeGreaterThan(3);
    for (const { text, p } of found) {
      expect(p.spinalLevels.length, text).toBeGreaterThan(0);
      for (const level of text.match(/\b[CTLS]\d{1,2}\b/g) ?? []) {
        expect(
          p.spinalLevels.some((l) => l.split('-').includes(level)),
          `${text}: ${level}`,
        ).toBe(true);
      }
    }
  });

  it('sets the side named: left, right, or bilateral for both', () => {
    expect(parsed.filter((x) => /\b(?:left|right|bilateral)\b/i.test(x.text)).length).toBeGreaterThan(10);
    for (const { text, p } of parsed) {
      const left = /\bleft\b/i.test(text);
      const right = /\bright\b/i.test(text);
      const both = /\bbilateral\b/i.test(text) || (left && right);
      if (both) expect(p.side, text).toBe('bilateral');
      else if (left) expect(p.side, text).toBe('left');
      else if (right) expect(p.side, text).toBe('right');
    }
  });

  it('reads contrast', () => {
    const found = matching(/\bwithout\s+(?:contrast|dye)\b/i);
    expect(found.length).toBeGreaterThan(3);
    for (const { text, p } of found) expect(p.contrast, text).toBe('without');
  });

  it('reads "N times a week for/times M weeks" and derives the sessions of a visit-based treatment', () => {
    const found = matching(
      /\b(\d+|one|two|three|four|five)\s+times\s+(?:a|per)\s+week\s+(?:for|times)\s+(\d+|two|three|four|five|six|eight)\s+weeks\b/i,
    );
    expect(found.length).toBeGreaterThan(3);
    for (const { text, p, m } of found) {
      expect(p.frequency?.perWeek, text).toBe(numberOf(m[1] ?? ''));
      expect(p.frequency?.weeks, text).toBe(numberOf(m[2] ?? ''));
      if (!/\bsessions?\b|\bvisits?\b/i.test(text) && p.kind !== 'home-care') {
        expect(p.sessions, text).toBe(numberOf(m[1] ?? '') * numberOf(m[2] ?? ''));
      }
    }
  });

  it('reads a number of sessions or visits written before them, in words or figures (not a rate a week)', () => {
    const found = matching(
      /^(?:[A-Za-z ]+\s)?\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[a-z-]+\s+){0,2}(?:sessions|visits)\b(?!\s+(?:a|per|each)\s+week)/i,
    );
    expect(found.length).toBeGreaterThan(5);
    for (const { text, p, m } of found) expect(p.sessions, text).toBe(numberOf(m[1] ?? ''));
  });

  it('reads a date of service as a retrospective date', () => {
    const found = matching(/\bDOS\b/);
    expect(found.length).toBeGreaterThan(1);
    for (const { text, p } of found) expect(p.retrospective?.date, text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('reads a service named as associated with surgery, or before or after it, as surgical-associated', () => {
    const found = matching(/^\s*(?:associated surgical service|pre-?op|post-?op)/i);
    expect(found.length).toBeGreaterThan(3);
    for (const { text, p } of found) {
      expect(p.kind, text).toBe('surgical-associated');
      expect(p.serviceKind, text).not.toBe('other');
    }
  });

  it('marks quantities written as unspecified', () => {
    const found = matching(/\bunspecified\b/i);
    expect(found.length).toBeGreaterThan(1);
    for (const { text, p } of found) expect(p.quantityUnspecified, text).toBe(true);
  });

  it('gives only schema-valid output', () => {
    for (const { text, p } of parsed) expect(ParsedRequestSchema.safeParse(p).success, text).toBe(true);
  });
});
