import { describe, expect, it } from 'vitest';
import { bodySystemFromParts } from './needs.js';
import { BodySystem, Specialty, TreatmentKind } from './reviewer.js';
import {
  BODY_FIT,
  KIND_FIT,
  RELEVANT_FIT,
  SPECIALTY_LABELS,
  specialtyFit,
  specialtyFromText,
  specialtyMatch,
} from './specialty.js';

const holding = (...specialties: Specialty[]) => ({ specialties, subspecialties: [], boardCertifications: [] });

describe('specialty fit', () => {
  it('fits spine injections to PM&R, pain medicine, anesthesiology and orthopedics best', () => {
    const need = { treatmentKind: 'injection', bodySystem: 'spine' } as const;
    for (const s of [
      'physical-medicine-rehabilitation',
      'pain-medicine',
      'anesthesiology',
      'orthopedic-surgery',
    ] as const) {
      expect(specialtyFit(s, need.treatmentKind, need.bodySystem), s).toBeGreaterThanOrEqual(0.9);
    }
    expect(specialtyFit('occupational-medicine', 'injection', 'spine')).toBeLessThan(0.9);
    expect(specialtyFit('psychiatry', 'injection', 'spine')).toBe(0);
  });

  it('fits psychological treatment to psychiatry and psychology, not to a chiropractor', () => {
    expect(specialtyFit('psychiatry', 'psychological', 'mental-health')).toBe(1);
    expect(specialtyFit('psychology', 'psychological', 'mental-health')).toBe(1);
    expect(specialtyFit('chiropractic', 'psychological', 'mental-health')).toBe(0);
  });

  it('fits chiropractic treatment to chiropractors first', () => {
    const chiro = specialtyFit('chiropractic', 'chiropractic', 'spine');
    expect(chiro).toBe(1);
    for (const s of Specialty.options) {
      if (s !== 'chiropractic') expect(specialtyFit(s, 'chiropractic', 'spine')).toBeLessThan(chiro);
    }
  });

  it('fits surgery only to the surgical specialty of that body system', () => {
    expect(specialtyFit('orthopedic-surgery', 'surgery', 'spine')).toBe(1);
    expect(specialtyFit('neurosurgery', 'surgery', 'spine')).toBe(1);
    expect(specialtyFit('hand-surgery', 'surgery', 'spine')).toBe(0);
    expect(specialtyFit('hand-surgery', 'surgery', 'hand-wrist')).toBe(1);
    expect(specialtyFit('podiatry', 'surgery', 'foot-ankle')).toBe(1);
    expect(specialtyFit('podiatry', 'surgery', 'lower-extremity')).toBeLessThan(RELEVANT_FIT);
    expect(specialtyFit('occupational-medicine', 'surgery', 'spine')).toBe(0);
    expect(specialtyFit('family-medicine', 'surgery', 'lower-extremity')).toBe(0);
  });

  it('lets generalists review medication for musculoskeletal injuries', () => {
    for (const s of ['occupational-medicine', 'family-medicine', 'internal-medicine'] as const) {
      expect(specialtyFit(s, 'medication', 'spine')).toBeGreaterThanOrEqual(RELEVANT_FIT);
    }
  });

  it('keeps every weight between 0 and 1 and covers every kind and body system', () => {
    for (const kind of TreatmentKind.options) {
      for (const w of Object.values(KIND_FIT[kind])) expect(w >= 0 && w <= 1).toBe(true);
    }
    for (const body of BodySystem.options) {
      for (const w of Object.values(BODY_FIT[body].fits)) expect(w >= 0 && w <= 1).toBe(true);
    }
    for (const s of Specialty.options) expect(SPECIALTY_LABELS[s].length).toBeGreaterThan(0);
  });
});

describe('specialtyMatch', () => {
  it('scores the best of a reviewer’s specialties and explains it', () => {
    const m = specialtyMatch(holding('family-medicine', 'pain-medicine'), {
      treatmentKind: 'injection',
      bodySystem: 'spine',
    });
    expect(m.score).toBe(1);
    expect(m.relevant).toBe(true);
    expect(m.fits[0]?.specialty).toBe('pain-medicine');
    expect(m.explanation).toContain('Pain Medicine');
  });

  it('counts subspecialties and board certifications too', () => {
    const m = specialtyMatch(
      {
        specialties: ['internal-medicine'],
        subspecialties: ['rheumatology'],
        boardCertifications: [{ board: 'ABPN', specialty: 'psychiatry', status: 'current' }],
      },
      { treatmentKind: 'psychological', bodySystem: 'mental-health' },
    );
    expect(m.fits.map((f) => [f.specialty, f.via])).toContainEqual(['psychiatry', 'board-certification']);
    expect(m.score).toBe(1);
  });

  it('is not relevant when nothing fits, and says so when nothing is on record', () => {
    expect(specialtyMatch(holding('dermatology'), { treatmentKind: 'surgery', bodySystem: 'spine' }).relevant).toBe(
      false,
    );
    expect(specialtyMatch(holding(), { treatmentKind: 'surgery', bodySystem: 'spine' }).explanation).toContain(
      'No specialty',
    );
  });
});

describe('reading registry text', () => {
  it('maps the specialties letters print', () => {
    expect(specialtyFromText('Family Practice')).toBe('family-medicine');
    expect(specialtyFromText('Physical Medicine & Rehabilitation')).toBe('physical-medicine-rehabilitation');
    expect(specialtyFromText('Orthopaedic Surgery')).toBe('orthopedic-surgery');
    expect(specialtyFromText('Chiropractor')).toBe('chiropractic');
    expect(specialtyFromText('Astrology')).toBeUndefined();
  });

  it('maps engine body parts to body systems', () => {
    expect(bodySystemFromParts(['lumbar spine'])).toBe('spine');
    expect(bodySystemFromParts(['right wrist'])).toBe('hand-wrist');
    expect(bodySystemFromParts(['knee'])).toBe('lower-extremity');
    expect(bodySystemFromParts(['left ankle'])).toBe('foot-ankle');
    expect(bodySystemFromParts([])).toBe('other');
  });
});
