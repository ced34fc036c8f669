import type { Topic } from '../schema.js';
import { EQUIPMENT_TOPICS } from './equipment.js';
import { IMAGING_TOPICS } from './imaging.js';
import { INJECTION_TOPICS } from './injections.js';
import { MEDICATION_TOPICS } from './medications.js';
import { PHYSICAL_MEDICINE_TOPICS } from './physical-medicine.js';
import { PROGRAM_TOPICS } from './programs.js';
import { SURGERY_TOPICS } from './surgery.js';

/** Topics by area, in declaration order (earlier topics win ties in selection and citation lookup). */
export const TOPICS_BY_AREA = {
  medications: MEDICATION_TOPICS,
  'physical-medicine': PHYSICAL_MEDICINE_TOPICS,
  injections: INJECTION_TOPICS,
  'imaging-and-electrodiagnostics': IMAGING_TOPICS,
  'surgery-and-surgical-services': SURGERY_TOPICS,
  equipment: EQUIPMENT_TOPICS,
  'programs-care-and-consultations': PROGRAM_TOPICS,
} as const;

/** Every topic of the knowledge base. */
export const ALL_TOPICS: readonly Topic[] = Object.values(TOPICS_BY_AREA).flat();

const BY_ID = new Map(ALL_TOPICS.map((t) => [t.id, t]));

export function topicById(id: string): Topic | undefined {
  return BY_ID.get(id);
}
