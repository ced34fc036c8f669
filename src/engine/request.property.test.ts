import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRUG_INDEX } from './drugs.js';
import { parseRequest } from './request.js';
import { ParsedRequest } from './request-types.js';

/** Every name in the lexicon, as a lookup key (lower case, words separated by one space). */
const NAMES = [...DRUG_INDEX.keys()];

const FREQUENCIES = [
  { text: 'twice daily', perDay: 2 },
  { text: 'three times a day', perDay: 3 },
  { text: 'every 6 hours', perDay: 4 },
  { text: 'every 8 hours as needed', perDay: 3, asNeeded: true },
  { text: 'BID', perDay: 2 },
  { text: 'once a day', perDay: 1 },
  { text: 'at bedtime', perDay: 1 },
] as const;

const THERAPIES = [
  'Physical therapy',
  'Occupational therapy',
  'Acupuncture',
  'Chiropractic care',
  'Aquatic therapy',
  'Massage therapy',
] as const;
const PARTS = [
  ['lumbar spine', 'lumbar spine'],
  ['neck', 'cervical spine'],
  ['knee', 'knee'],
  ['shoulder', 'shoulder'],
  ['wrist', 'wrist'],
  ['ankle', 'ankle'],
] as const;

describe('parseRequest properties', () => {
  it('never throws and always gives schema-valid output', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[\w #/%.,()-]{0,80}$/)),
        (text) => {
          const p = parseRequest(text);
          expect(ParsedRequest.safeParse(p).success).toBe(true);
          expect(p.text).toBe(text);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads back a medication request composed of drug, strength, quantity, refills and frequency', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.integer({ min: 1, max: 800 }),
        fc.option(fc.integer({ min: 1, max: 650 }), { nil: undefined }),
        fc.integer({ min: 1, max: 240 }),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom(...FREQUENCIES),
        (name, mg, second, quantity, refills, frequency) => {
          const entry = DRUG_INDEX.get(name);
          const strength = second === undefined ? `${mg} mg` : `${mg}/${second} mg`;
          const refillText = refills === 0 ? 'no refills' : `with ${refills} refill${refills === 1 ? '' : 's'}`;
          const text = `${name} ${strength} ${frequency.text} #${quantity} ${refillText}`;
          const p = parseRequest(text);
          expect(p.kind).toBe('medication');
          expect(p.drugs[0]?.generic).toBe(entry?.generic);
          expect(p.drugs[0]?.strength).toBe(strength);
          expect(p.quantity).toBe(quantity);
          expect(p.refills).toBe(refills);
          expect(p.frequency?.perDay).toBe(frequency.perDay);
          expect(p.frequency?.asNeeded).toBe('asNeeded' in frequency ? true : undefined);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('reads back a therapy request composed of treatment, schedule, side and body part', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...THERAPIES),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('left', 'right', 'bilateral'),
        fc.constantFrom(...PARTS),
        fc.boolean(),
        (therapy, perWeek, weeks, side, [part, normalized], compact) => {
          const schedule = compact ? `${perWeek}x${weeks}` : `${perWeek} times a week for ${weeks} weeks`;
          const p = parseRequest(`${therapy} ${schedule} to the ${side} ${part}`);
          expect(p.kind).not.toBe('other');
          expect(p.frequency).toMatchObject({ perWeek, weeks });
          expect(p.sessions).toBe(perWeek * weeks);
          expect(p.side).toBe(side);
          expect(p.bodyParts).toEqual([normalized]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads back lumbar levels written in any of the usual ways', () => {
    const lumbar = ['L1', 'L2', 'L3', 'L4', 'L5', 'S1'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.constantFrom('long', 'short', 'slash'), (i, style) => {
        const upper = lumbar[i] as string;
        const lower = lumbar[i + 1] as string;
        const written =
          style === 'long'
            ? `${upper}-${lower}`
            : style === 'short'
              ? `${upper}-${lower.slice(1)}`
              : `${upper}/${lower}`;
        const p = parseRequest(`Epidural steroid injection at ${written}`);
        expect(p.spinalLevels).toEqual([`${upper}-${lower}`]);
        expect(p.bodyParts).toEqual(['lumbar spine']);
      }),
    );
  });
});
