import { describe, expect, it } from 'vitest';
import { EQUIPMENT_TOPICS } from './equipment.js';
import { IMAGING_TOPICS } from './imaging.js';
import { TOPICS_BY_AREA } from './index.js';
import { INJECTION_TOPICS } from './injections.js';
import { MEDICATION_TOPICS } from './medications.js';
import { PHYSICAL_MEDICINE_TOPICS } from './physical-medicine.js';
import { PROGRAM_TOPICS } from './programs.js';
import { SURGERY_TOPICS } from './surgery.js';

/**
 * Migration check, kept only while the TypeScript builders still exist: the data files, as loaded and
 * validated, hold exactly the topics the builders produced (same order, same content).
 */
const BUILT = {
  medications: MEDICATION_TOPICS,
  'physical-medicine': PHYSICAL_MEDICINE_TOPICS,
  injections: INJECTION_TOPICS,
  'imaging-and-electrodiagnostics': IMAGING_TOPICS,
  'surgery-and-surgical-services': SURGERY_TOPICS,
  equipment: EQUIPMENT_TOPICS,
  'programs-care-and-consultations': PROGRAM_TOPICS,
} as const;

describe('topics data files', () => {
  it.each(Object.entries(BUILT))('%s.json deep-equals what the builders produced', (name, built) => {
    const loaded = TOPICS_BY_AREA[name as keyof typeof BUILT];
    expect(loaded.map((t) => t.id)).toEqual(built.map((t) => t.id));
    for (const [i, t] of loaded.entries()) expect(t, t.id).toStrictEqual(built[i]);
  });
});
