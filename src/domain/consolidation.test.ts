import { describe, expect, it } from 'vitest';
import {
  type ConsolidationApplication,
  type ConsolidationSuggestions,
  normalizeLooseDate,
  normalizePersonName,
  normalizeTreatment,
  SUGGESTION_MESSAGES,
  suggestConsolidation,
} from './consolidation.js';

type Input = Parameters<typeof suggestConsolidation>[0][number];

const first: Input = {
  id: 'app-1',
  receivedAt: '2024-02-01T10:00:00-08:00',
  employee: { name: 'Smith, John A.', dateOfBirth: '04/12/1970' },
  requestingPhysician: { name: 'Jane Doe, M.D.' },
  injuryDate: '03/05/2016',
  urDecisionDate: '01/10/2024',
  treatments: ['Norco 10/325mg #90'],
};

function suggest(apps: Input[]): ConsolidationSuggestions {
  const result = suggestConsolidation(apps);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('normalization', () => {
  it('reads a person name the same way in its usual spellings', () => {
    for (const spelling of ['Smith, John A., M.D.', 'Dr. John Smith', 'JOHN SMITH JR.', 'Smith Jr., John']) {
      expect(normalizePersonName(spelling), spelling).toBe('john smith');
    }
    expect(normalizePersonName('José García-López')).toBe('jose garcia lopez');
    expect(normalizePersonName('Minh Do')).toBe('minh do');
    expect(normalizePersonName(' , ')).toBeUndefined();
  });

  it('reads dates in the formats forms use and refuses impossible ones', () => {
    for (const text of ['2016-03-05', '03/05/2016', '3-5-16', 'March 5, 2016', 'Mar. 5 2016', '5 March 2016']) {
      expect(normalizeLooseDate(text), text).toBe('2016-03-05');
    }
    expect(normalizeLooseDate('02/30/2016')).toBeUndefined();
    expect(normalizeLooseDate('13/01/2016')).toBeUndefined();
    expect(normalizeLooseDate('soon')).toBeUndefined();
  });

  it('reads treatments alike across spacing and punctuation', () => {
    expect(normalizeTreatment('Norco 10/325mg #90')).toBe(normalizeTreatment('norco 10/325 mg, #90'));
    expect(normalizeTreatment('Norco 10/325mg #90')).not.toBe(normalizeTreatment('Norco 10/325mg #60'));
  });
});

describe('consolidation (8 CCR 9792.10.4)', () => {
  const second: Input = {
    ...first,
    id: 'app-2',
    receivedAt: '2024-02-03',
    employee: { name: 'John Smith', dateOfBirth: '1970-04-12' },
    requestingPhysician: { name: 'Dr. Jane Doe' },
    injuryDate: '2016-03-05',
    urDecisionDate: '2024-01-20',
    treatments: ['Physical therapy 2x6 lumbar spine'],
  };

  it('groups the same employee, physician and date of injury written differently', () => {
    const s = suggest([second, first]);
    expect(s.groups).toEqual([
      {
        applicationIds: ['app-1', 'app-2'],
        injuryDate: '2016-03-05',
        reasons: ['same-employee', 'same-requesting-physician', 'same-date-of-injury'],
      },
    ]);
    expect(s.duplicates).toEqual([]);
  });

  it('does not group a different date of injury or a different physician', () => {
    expect(suggest([first, { ...second, injuryDate: '2016-03-06' }]).groups).toEqual([]);
    expect(suggest([first, { ...second, requestingPhysician: { name: 'Ann Lee, DO' } }]).groups).toEqual([]);
  });

  it('matches physicians by NPI when both give one, whatever the name', () => {
    const s = suggest([
      { ...first, requestingPhysician: { name: 'J. Doe', npi: '1234567893' } },
      { ...second, requestingPhysician: { name: 'Jane Q. Doe-Roe', npi: '1234567893' } },
    ]);
    expect(s.groups).toHaveLength(1);
  });

  it('keeps people with the same name but different dates of birth apart', () => {
    const s = suggest([first, { ...second, employee: { name: 'John Smith', dateOfBirth: '1981-01-01' } }]);
    expect(s.groups).toEqual([]);
  });

  it('does not guess which person an application without a date of birth belongs to', () => {
    const s = suggest([
      first,
      { ...second, employee: { name: 'John Smith', dateOfBirth: '1981-01-01' } },
      { ...second, id: 'app-3', employee: { name: 'John Smith' }, treatments: ['TENS unit'] },
    ]);
    expect(s.unmatched).toEqual([{ applicationId: 'app-3', reasons: ['birth-date-ambiguous'] }]);
  });

  it('lists an application whose date of injury cannot be read as unmatched', () => {
    const s = suggest([first, { ...second, injuryDate: 'last spring' }]);
    expect(s.unmatched).toEqual([{ applicationId: 'app-2', reasons: ['injury-date-unreadable'] }]);
  });
});

describe('duplicates', () => {
  it('recognizes the same employee, UR decision date and treatments as a duplicate of the earlier one', () => {
    const again: Input = {
      ...first,
      id: 'app-9',
      receivedAt: '2024-02-05',
      employee: { name: 'John Smith' },
      urDecisionDate: '2024-01-10',
      treatments: ['norco 10/325 mg, #90'],
    };
    const s = suggest([again, first]);
    expect(s.duplicates).toEqual([
      { originalId: 'app-1', duplicateId: 'app-9', reasons: ['same-employee-ur-date-and-treatments'] },
    ]);
    expect(s.groups).toEqual([]);
  });

  it('recognizes an identical document even when the fields were keyed differently', () => {
    const s = suggest([
      { ...first, documentHash: 'sha256:abc' },
      { ...first, id: 'app-2', receivedAt: '2024-02-02', employee: { name: 'Jon Smyth' }, documentHash: 'sha256:abc' },
    ]);
    expect(s.duplicates).toEqual([{ originalId: 'app-1', duplicateId: 'app-2', reasons: ['same-document'] }]);
  });

  it('does not call different treatments from the same UR decision duplicates', () => {
    const s = suggest([first, { ...first, id: 'app-2', receivedAt: '2024-02-02', treatments: ['MRI lumbar spine'] }]);
    expect(s.duplicates).toEqual([]);
    expect(s.groups[0]?.applicationIds).toEqual(['app-1', 'app-2']);
  });

  it('never puts a name in its suggestions', () => {
    const s = suggest([first, { ...first, id: 'app-2', receivedAt: '2024-02-02' }]);
    expect(JSON.stringify(s).toLowerCase()).not.toMatch(/smith|doe/);
  });
});

describe('input', () => {
  it('refuses repeated ids and missing treatments', () => {
    expect(suggestConsolidation([first, first]).ok).toBe(false);
    const noTreatments = { ...first, treatments: [] } as unknown as ConsolidationApplication;
    const result = suggestConsolidation([noTreatments]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('IMR_VALIDATION');
  });

  it('has a message for every reason', () => {
    for (const message of Object.values(SUGGESTION_MESSAGES)) expect(message.length).toBeGreaterThan(10);
  });
});
