import { describe, expect, it } from 'vitest';
import { deadWords, FACT_FIELDS, unrateable } from './fact-values.js';
import { type Condition, type Criterion, FACT_KINDS, type FactCondition } from './schema.js';
import { ALL_TOPICS } from './topics/index.js';

/**
 * Every criterion must be one the clinical reader can rate: a fact condition asking for a kind, word,
 * qualifier, number or count the reader never produces is silent on every record, so the criterion can
 * never be met on that evidence. Known cases wait in a reviewed list, each with what would fix it; the
 * list may only shrink.
 */
const KNOWN_UNRATEABLE: Readonly<Record<string, string>> = {
  'odg-hip.sacroiliac-joint-blocks provocative-tests':
    'asks for three positive provocative tests; the evaluator counts sessions, not distinct findings (src/engine)',
  'odg-knee.meniscectomy objective-findings':
    'asks for two objective findings; the evaluator counts sessions, not distinct findings (src/engine)',
  'odg-carpal-tunnel.carpal-tunnel-release exam-findings':
    'asks for two CTS findings; the evaluator counts sessions, not distinct findings (src/engine)',
  'chronic-pain-2009.home-health-services homebound':
    'the reader names limited activities (walking, general), not homebound status (src/clinical)',
  'chronic-pain-2016.home-health-services homebound':
    'the reader names limited activities (walking, general), not homebound status (src/clinical)',
  'chronic-pain-2009.functional-restoration-programs motivation':
    'the reader does not detect motivation to change (src/clinical psychological symptoms)',
  'chronic-pain-2016.functional-restoration-programs motivation':
    'the reader does not detect motivation to change (src/clinical psychological symptoms)',
  'odg-low-back.gym-memberships equipment-need':
    'the reader does not detect a need for equipment or a pool among functional limitations (src/clinical)',
  'odg-low-back.mattress-selection medical-bed-need':
    'the reader does not detect bed-bound or transfer limits among functional limitations (src/clinical)',
};

function factConditions(c: Criterion): FactCondition[] {
  const e = c.evidence;
  const all: Condition[] = [...(c.when ?? []), ...(e.anyOf ?? []), ...(e.allOf ?? []), ...(e.noneOf ?? [])];
  return all.filter((x): x is FactCondition => 'fact' in x);
}

/** Whether the criterion's evidence can come out met on some record the reader can produce. */
function canBeMet(c: Criterion): boolean {
  const ok = (x: Condition): boolean => !('fact' in x) || unrateable(x) === undefined;
  const e = c.evidence;
  if (c.when !== undefined && !c.when.every(ok)) return false;
  if (e.anyOf !== undefined && !e.anyOf.some(ok)) return false;
  if (e.allOf !== undefined && !e.allOf.every(ok)) return false;
  if (e.anyOf === undefined && e.allOf === undefined && e.noneOf !== undefined) {
    return c.silentMeansNone === true || e.noneOf.some(ok);
  }
  return true;
}

const CRITERIA = ALL_TOPICS.flatMap((t) => t.criteria.map((c) => ({ key: `${t.id} ${c.id}`, c })));

describe('fact value sets', () => {
  it('describes every fact kind the reader produces', () => {
    expect(Object.keys(FACT_FIELDS).sort()).toEqual([...FACT_KINDS].sort());
  });

  it('finds a condition unrateable when it bounds a value the reader does not give as a number', () => {
    expect(unrateable({ fact: 'pain-relief', expect: 'present', min: 50 })).toBeUndefined();
    expect(unrateable({ fact: 'functional-improvement', expect: 'present', min: 2 })).toMatch(/numeric/);
  });

  it('finds a condition unrateable when none of its words can be in any field of the fact', () => {
    expect(unrateable({ fact: 'work-status', expect: 'present', values: ['full-duty', 'failed'] })).toBeUndefined();
    expect(deadWords({ fact: 'work-status', expect: 'present', values: ['full-duty', 'failed'] }).values).toEqual([
      'failed',
    ]);
    expect(unrateable({ fact: 'work-status', expect: 'present', values: ['failed'] })).toMatch(/no work-status fact/);
    expect(unrateable({ fact: 'home-exercise', expect: 'present', values: ['daily'] })).toMatch(/home-exercise/);
  });

  it('accepts any lower-case word for fields that hold the record’s own words, and no upper-case word anywhere', () => {
    expect(unrateable({ fact: 'diagnosis', expect: 'present', values: ['spondylolisthesis'] })).toBeUndefined();
    expect(unrateable({ fact: 'diagnosis', expect: 'present', values: ['CRPS'] })).toMatch(/diagnosis/);
  });

  it('finds a count bound unrateable on facts the reader does not count', () => {
    expect(unrateable({ fact: 'prior-treatment', expect: 'present', minCount: 6 })).toBeUndefined();
    expect(unrateable({ fact: 'exam-finding', expect: 'present', minCount: 2 })).toMatch(/count/);
  });
});

describe('every criterion is rateable by the clinical reader', () => {
  it('asks facts only for kinds, words, qualifiers, numbers and counts the reader produces', () => {
    const found = CRITERIA.flatMap(({ key, c }) =>
      factConditions(c).flatMap((x) => {
        const why = unrateable(x);
        return why === undefined || KNOWN_UNRATEABLE[key] !== undefined ? [] : [`${key}: ${why}`];
      }),
    );
    expect(found).toEqual([]);
  });

  it('can meet every criterion on some record (known exceptions listed with their fix)', () => {
    const never = CRITERIA.filter(({ key, c }) => !canBeMet(c) && KNOWN_UNRATEABLE[key] === undefined);
    expect(never.map((x) => x.key)).toEqual([]);
  });

  it('keeps the known list current: each entry names a criterion that still has an unrateable condition', () => {
    for (const key of Object.keys(KNOWN_UNRATEABLE)) {
      const entry = CRITERIA.find((x) => x.key === key);
      expect(entry, key).toBeDefined();
      expect(
        factConditions(entry?.c as Criterion).some((x) => unrateable(x) !== undefined),
        `${key} is rateable now: remove it from KNOWN_UNRATEABLE`,
      ).toBe(true);
    }
  });
});
