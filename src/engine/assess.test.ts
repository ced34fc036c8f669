import { describe, expect, it } from 'vitest';
import type { Fact } from '../clinical/types.js';
import type { Criterion } from '../guidelines/schema.js';
import { assess, criterionBasis, probabilityOf, rated, scoreOf } from './assess.js';
import type { CriterionResult } from './review-types.js';

const span = (start: number) => ({ quote: `q${start}`, start, end: start + 5 });
const fact = (kind: Fact['kind'], start: number, extra: Partial<Fact> = {}): Fact => ({
  kind,
  negated: false,
  uncertain: false,
  evidence: span(start),
  ...extra,
});
const result = (id: string, status: CriterionResult['status'], evidence: number[] = []): CriterionResult => ({
  id,
  text: `criterion ${id} text`,
  status,
  required: true,
  evidence: evidence.map(span),
});

const failedCare: Criterion = {
  id: 'failed-care',
  text: 'Conservative care failed or was given',
  required: true,
  evidence: {
    anyOf: [
      { fact: 'treatment-failure', expect: 'present' },
      { fact: 'prior-treatment', expect: 'present' },
    ],
  },
};
const neuro: Criterion = {
  id: 'neuro',
  text: 'A neurological deficit is documented',
  required: true,
  evidence: { anyOf: [{ fact: 'neurological-deficit', expect: 'present' }] },
};
const opioidInUse: Criterion = {
  id: 'opioid-in-use',
  text: 'An opioid is being taken',
  required: true,
  evidence: { anyOf: [{ fact: 'medication-use', expect: 'present', values: ['opioid'] }] },
};
const noFusion: Criterion = {
  id: 'no-fusion',
  text: 'No fusion at the level',
  required: true,
  evidence: { noneOf: [{ fact: 'surgery-history', expect: 'present', values: ['fusion'] }] },
  silentMeansNone: true,
};
const quantity: Criterion = {
  id: 'quantity',
  text: 'The quantity is within limits',
  required: true,
  evidence: { allOf: [{ request: 'quantity', max: 90 }] },
};
const recommended = { position: 'recommended' as const };

describe('criterionBasis', () => {
  it('calls a criterion clinical when any evidence is a fact, request when only the request decides it', () => {
    expect(criterionBasis(failedCare)).toBe('clinical');
    expect(criterionBasis(quantity)).toBe('request');
    expect(criterionBasis({ evidence: { allOf: [{ context: 'surgery-certified', expect: true }] } })).toBe('case');
  });
});

describe('assess: the burden of documentation', () => {
  it('does not overturn on a listed course of treatment alone (routine, thin)', () => {
    const facts = [fact('prior-treatment', 10, { value: 'physical therapy' })];
    const a = assess(recommended, [rated(result('failed-care', 'met', [10]), failedCare)], facts);
    expect(a.support).toMatchObject({ specific: 0, thin: 1 });
    expect(a.recommendation).toBe('Upheld');
  });

  it('holds a complaint of radiating pain or tingling thin, and a deficit found on examination specific', () => {
    // The MTUS ACOEM spine chapters ask for objective findings on examination before special studies
    // (Low Back Complaints, Special Studies, p. 303; Neck and Upper Back Complaints, p. 178): a patient's
    // report that pain travels down a limb is what nearly every spine record says.
    const neuroSigns: Criterion = {
      id: 'neuro-signs',
      text: 'Neurologic symptoms or deficits are documented',
      required: true,
      evidence: {
        anyOf: [
          { fact: 'radicular-symptoms', expect: 'present' },
          { fact: 'exam-finding', expect: 'present', values: ['sensory-deficit'] },
        ],
      },
    };
    const complaint = [fact('radicular-symptoms', 30, { value: 'radiating pain' })];
    const onComplaint = assess(recommended, [rated(result('neuro-signs', 'met', [30]), neuroSigns)], complaint);
    expect(onComplaint.support).toMatchObject({ specific: 0, thin: 1 });
    expect(onComplaint.recommendation).toBe('Upheld');
    const examined = [...complaint, fact('exam-finding', 40, { value: 'sensory-deficit' })];
    const onExam = assess(recommended, [rated(result('neuro-signs', 'met', [30, 40]), neuroSigns)], examined);
    expect(onExam.support).toMatchObject({ specific: 1, thin: 0 });
    expect(onExam.recommendation).toBe('Overturned');
  });

  it('overturns when a required criterion is affirmed by a specific finding', () => {
    const facts = [fact('neurological-deficit', 20, { value: 'focal-deficit' })];
    const a = assess(recommended, [rated(result('neuro', 'met', [20]), neuro)], facts);
    expect(a.support.specific).toBe(1);
    expect(a.recommendation).toBe('Overturned');
    expect(a.probability).toBeGreaterThan(0.5);
  });

  it('takes a routine fact as specific when the criterion asks for nothing more (an opioid in use)', () => {
    const facts = [fact('medication-use', 30, { value: 'opioid' })];
    const a = assess(recommended, [rated(result('opioid-in-use', 'met', [30]), opioidInUse)], facts);
    expect(a.support.specific).toBe(1);
  });

  it('takes a diagnosis as specific when the criterion asks for particular ones, routine when any will do', () => {
    const anyDiagnosis: Criterion = {
      id: 'dx',
      text: 'A diagnosis is documented',
      required: true,
      evidence: {
        anyOf: [
          { fact: 'diagnosis', expect: 'present' },
          { fact: 'red-flag', expect: 'present' },
        ],
      },
    };
    const structural: Criterion = {
      id: 'dx',
      text: 'A structural diagnosis is documented',
      required: true,
      evidence: {
        anyOf: [
          { fact: 'diagnosis', expect: 'present', qualifiers: ['meniscal tear'] },
          { fact: 'red-flag', expect: 'present' },
        ],
      },
    };
    const facts = [fact('diagnosis', 50, { value: 'medial meniscus tear', qualifier: 'meniscal tear' })];
    expect(assess(recommended, [rated(result('dx', 'met', [50]), anyDiagnosis)], facts).support).toMatchObject({
      specific: 0,
      thin: 1,
    });
    expect(assess(recommended, [rated(result('dx', 'met', [50]), structural)], facts).support).toMatchObject({
      specific: 1,
      thin: 0,
    });
  });

  it('counts defeaters met by silence as no support, and ruled out in words as support', () => {
    const silent = assess(recommended, [rated(result('no-fusion', 'met'), noFusion)], []);
    expect(silent.support).toMatchObject({ specific: 0, thin: 0 });
    expect(silent.recommendation).toBe('Upheld');
    const said = assess(
      recommended,
      [rated(result('no-fusion', 'met', [40]), noFusion)],
      [fact('surgery-history', 40, { negated: true })],
    );
    expect(said.support.specific).toBe(1);
  });

  it('upholds whenever a required criterion is undocumented or unmet, however strong the rest', () => {
    const facts = [fact('neurological-deficit', 20)];
    for (const status of ['not-documented', 'unmet'] as const) {
      const a = assess(
        recommended,
        [rated(result('neuro', 'met', [20]), neuro), rated(result('quantity', status), quantity)],
        facts,
      );
      expect(a.recommendation).toBe('Upheld');
    }
  });

  it('upholds a treatment the guideline does not recommend, and refers when there is no topic', () => {
    const facts = [fact('neurological-deficit', 20)];
    const criteria = [rated(result('neuro', 'met', [20]), neuro)];
    expect(assess({ position: 'not-recommended' }, criteria, facts).recommendation).toBe('Upheld');
    const none = assess(undefined, [], facts);
    expect(none.recommendation).toBe('Refer');
    expect(none.confidence).toBe(0);
  });

  it('gives a probability that rises with support and falls with gaps', () => {
    const base = { thin: 0, notDocumented: 0, unmet: 0, caseMet: 0, notRecommended: false };
    const p = (s: Partial<typeof base> & { specific?: number }) =>
      probabilityOf(scoreOf({ ...base, specific: 0, ...s }));
    expect(p({ specific: 2 })).toBeGreaterThan(p({ specific: 1 }));
    expect(p({ specific: 1 })).toBeGreaterThan(p({ thin: 1 }));
    expect(p({ thin: 1 })).toBeGreaterThan(p({ notDocumented: 1 }));
    expect(p({ notDocumented: 1 })).toBeGreaterThan(p({ unmet: 1 }));
  });
});
