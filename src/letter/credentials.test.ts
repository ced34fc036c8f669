import { describe, expect, it } from 'vitest';
import { canonicalSpecialty, parseCredentials } from './credentials.js';

describe('parseCredentials', () => {
  it('reads the list form, with and without spaces after commas', () => {
    expect(
      parseCredentials(
        'Credentials: State(s) of Licensure: Ohio,New Mexico Certification(s)/Specialty: Surgery, Hand & Wrist Surgery',
      ),
    ).toEqual({
      licensure: ['Ohio', 'New Mexico'],
      specialties: ['Surgery', 'Hand & Wrist Surgery'],
      subspecialties: [],
    });
  });

  it('reads the sentence form with a subspecialty', () => {
    expect(
      parseCredentials(
        'The expert reviewer is Board Certified in Physical Medicine Rehab, has a subspecialty in Interventional spine and is licensed to practice in Oregon and Maine. More text.',
      ),
    ).toEqual({
      licensure: ['Oregon', 'Maine'],
      specialties: ['Physical Medicine and Rehabilitation'],
      subspecialties: ['Interventional spine'],
    });
  });

  it('reads the sentence form without a subspecialty', () => {
    expect(
      parseCredentials('The reviewer is Board Certified in Neurology and is licensed to practice in Texas.'),
    ).toEqual({
      licensure: ['Texas'],
      specialties: ['Neurology'],
      subspecialties: [],
    });
  });

  it('returns empty lists when no credentials are given', () => {
    expect(parseCredentials('Nothing about the reviewer here.')).toEqual({
      licensure: [],
      specialties: [],
      subspecialties: [],
    });
  });
});

describe('canonicalSpecialty', () => {
  it('expands the abbreviated board name and leaves others alone', () => {
    expect(canonicalSpecialty('Physical Medicine Rehab')).toBe('Physical Medicine and Rehabilitation');
    expect(canonicalSpecialty('Physical Medicine & Rehabilitation')).toBe('Physical Medicine & Rehabilitation');
    expect(canonicalSpecialty('Family  Practice')).toBe('Family Practice');
  });
});
