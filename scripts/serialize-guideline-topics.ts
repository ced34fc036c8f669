/**
 * One-off migration: writes the topics the TypeScript builders produce (src/guidelines/topics/*.ts) to
 * the data files src/guidelines/topics/<chapter>.json, with each criterion's silence rule stated.
 * Deleted with the builder modules once the data files are the one source.
 */
import { writeFileSync } from 'node:fs';
import { impliedIfSilent, type Topic } from '../src/guidelines/schema.js';
import { EQUIPMENT_TOPICS } from '../src/guidelines/topics/equipment.js';
import { IMAGING_TOPICS } from '../src/guidelines/topics/imaging.js';
import { INJECTION_TOPICS } from '../src/guidelines/topics/injections.js';
import { MEDICATION_TOPICS } from '../src/guidelines/topics/medications.js';
import { PHYSICAL_MEDICINE_TOPICS } from '../src/guidelines/topics/physical-medicine.js';
import { PROGRAM_TOPICS } from '../src/guidelines/topics/programs.js';
import { SURGERY_TOPICS } from '../src/guidelines/topics/surgery.js';
import { formatDataJson } from './data-json.js';

const CHAPTERS: readonly { chapter: string; title: string; topics: readonly Topic[] }[] = [
  { chapter: 'medications', title: 'Medications', topics: MEDICATION_TOPICS },
  { chapter: 'physical-medicine', title: 'Physical medicine', topics: PHYSICAL_MEDICINE_TOPICS },
  { chapter: 'injections', title: 'Injections', topics: INJECTION_TOPICS },
  { chapter: 'imaging-and-electrodiagnostics', title: 'Imaging and electrodiagnostics', topics: IMAGING_TOPICS },
  { chapter: 'surgery-and-surgical-services', title: 'Surgery and surgical services', topics: SURGERY_TOPICS },
  { chapter: 'equipment', title: 'Equipment', topics: EQUIPMENT_TOPICS },
  {
    chapter: 'programs-care-and-consultations',
    title: 'Programmes, care and consultations',
    topics: PROGRAM_TOPICS,
  },
];

const ABOUT =
  'Guideline topics as data, validated at start-up by TopicsFile (src/guidelines/schema.ts). Our own paraphrase: cite by name, section and page; never copy guideline or letter text. Each criterion states ifSilent: what a record silent on its evidence means. docs/guidelines/ is generated from these files (npm run docs:guidelines).';

/** Keys in reading order: what and where first, then position, matching, criteria, numbers, wording. */
const TOPIC_KEYS = [
  'id',
  'title',
  'area',
  'sourceId',
  'edition',
  'chapter',
  'section',
  'sectionAliases',
  'pages',
  'lineage',
  'verification',
  'position',
  'positionSummary',
  'appliesTo',
  'criteria',
  'limits',
  'rationale',
] as const;
const CRITERION_KEYS = ['id', 'text', 'required', 'ifSilent', 'when', 'unlessRequestMentions', 'evidence'] as const;

function ordered(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  for (const k of Object.keys(o)) if (!(k in out) && o[k] !== undefined) throw new Error(`unexpected key ${k}`);
  return out;
}

function topicData(t: Topic): Record<string, unknown> {
  const criteria = t.criteria.map((c) => {
    const { silentMeansNone: _, ...rest } = c;
    return ordered({ ...rest, ifSilent: impliedIfSilent(c) }, CRITERION_KEYS);
  });
  return ordered({ ...t, criteria }, TOPIC_KEYS);
}

for (const { chapter, title, topics } of CHAPTERS) {
  const file = new URL(`../src/guidelines/topics/${chapter}.json`, import.meta.url);
  writeFileSync(file, formatDataJson({ chapter, title, about: ABOUT, topics: topics.map(topicData) }));
  console.log(`wrote ${chapter}.json (${topics.length} topics)`);
}
