import type { Chapter, Edition, Source } from './schema.js';

/**
 * Guideline sources as data. Shared code reads their properties (tier, editions and dates, licence,
 * how letters name them); nothing branches on a source id.
 *
 * Dates: the 2009 MTUS set took effect July 18, 2009; the DWC 2016 Chronic Pain and Opioids guidelines
 * apply to requests made on or after July 29, 2016; ACOEM guidelines were incorporated into the MTUS for
 * services on or after Dec 1, 2017 (not encoded here: see `undatedEdition` and topicsFor's fallback).
 */

const ACOEM_2004_PUBLISHER =
  'American College of Occupational and Environmental Medicine (ACOEM), Occupational Medicine Practice Guidelines, 2nd edition (2004), adopted into the MTUS';
const DWC = 'California Division of Workers’ Compensation (DWC)';

/** One ACOEM 2004 clinical-topic chapter as adopted into the MTUS (8 CCR 9792.22–9792.23.8). */
function acoem2004Chapter(p: {
  id: string;
  slug: string;
  chapter: string;
  title: string;
  regulation: string;
  letterNames: string[];
  edition?: { year: number; effectiveFrom: string; note: string };
}): Source {
  const year = p.edition?.year ?? 2004;
  const edition: Edition = {
    id: String(year),
    label: `ACOEM Practice Guidelines 2nd ed., ${p.chapter}: ${p.title}${year === 2004 ? '' : ` (${year} revision)`}`,
    citeAs: `${p.title} ${year}`,
    year,
    effectiveFrom: p.edition?.effectiveFrom ?? '2007-06-15',
    effectiveTo: '2017-11-30',
    idPrefix: `acoem-${year}-${p.slug}`,
    ...(p.edition ? { note: p.edition.note } : {}),
  };
  return {
    id: p.id,
    name: `MTUS ${p.title} (ACOEM ${p.chapter})`,
    publisher: ACOEM_2004_PUBLISHER,
    tier: 1,
    citationSource: 'MTUS',
    licence: 'licensed—cite only',
    regulation: p.regulation,
    editions: [edition],
    undatedEdition: String(year),
    chapterImpliesSource: false,
    letterNames: p.letterNames,
    citeSections: true,
    shortName: `the MTUS ACOEM ${p.title} chapter`,
  };
}

const ODG_CHAPTERS: Chapter[] = [
  { id: 'pain', name: 'Pain (Chronic)', citeAs: 'Pain Chapter', letterNames: ['pain chronic', 'pain chapter', 'pain'] },
  {
    id: 'low-back',
    name: 'Low Back – Lumbar & Thoracic (Acute & Chronic)',
    citeAs: 'Low Back Chapter',
    letterNames: ['low back', 'lumbar and thoracic', 'lumbar thoracic'],
  },
  {
    id: 'neck',
    name: 'Neck and Upper Back (Acute & Chronic)',
    citeAs: 'Neck and Upper Back Chapter',
    letterNames: ['neck and upper back', 'neck upper back', 'neck'],
  },
  { id: 'shoulder', name: 'Shoulder (Acute & Chronic)', citeAs: 'Shoulder Chapter', letterNames: ['shoulder'] },
  { id: 'elbow', name: 'Elbow (Acute & Chronic)', citeAs: 'Elbow Chapter', letterNames: ['elbow'] },
  {
    id: 'forearm-wrist-hand',
    name: 'Forearm, Wrist, & Hand (Acute & Chronic)',
    citeAs: 'Forearm, Wrist, & Hand Chapter',
    letterNames: ['forearm wrist and hand', 'forearm wrist hand', 'wrist', 'hand'],
  },
  {
    id: 'carpal-tunnel',
    name: 'Carpal Tunnel Syndrome (Acute & Chronic)',
    citeAs: 'Carpal Tunnel Syndrome Chapter',
    letterNames: ['carpal tunnel syndrome', 'carpal tunnel'],
  },
  {
    id: 'knee',
    name: 'Knee & Leg (Acute & Chronic)',
    citeAs: 'Knee & Leg Chapter',
    letterNames: ['knee and leg', 'knee'],
  },
  {
    id: 'ankle-foot',
    name: 'Ankle & Foot (Acute & Chronic)',
    citeAs: 'Ankle & Foot Chapter',
    letterNames: ['ankle and foot', 'ankle', 'foot'],
  },
  {
    id: 'hip',
    name: 'Hip & Pelvis (Acute & Chronic)',
    citeAs: 'Hip & Pelvis Chapter',
    letterNames: ['hip and pelvis', 'hip'],
  },
  { id: 'head', name: 'Head (trauma, headaches, etc.)', citeAs: 'Head Chapter', letterNames: ['head'] },
  {
    id: 'mental',
    name: 'Mental Illness & Stress',
    citeAs: 'Mental Illness & Stress Chapter',
    letterNames: ['mental illness and stress', 'mental illness', 'mental health'],
  },
  { id: 'fitness', name: 'Fitness for Duty', citeAs: 'Fitness for Duty Chapter', letterNames: ['fitness for duty'] },
  {
    id: 'physical-medicine',
    name: 'Preface: Physical Therapy Guidelines',
    citeAs: 'Preface, Physical Therapy Guidelines',
    letterNames: ['physical therapy guidelines', 'physical medicine guidelines', 'preface'],
  },
];

const ACOEM_CURRENT_CHAPTERS: Chapter[] = [
  {
    id: 'low-back',
    name: 'Low Back Disorders',
    citeAs: 'Low Back Disorders',
    letterNames: ['low back disorders', 'low back'],
  },
  {
    id: 'cervical-thoracic',
    name: 'Cervical and Thoracic Spine Disorders',
    citeAs: 'Cervical and Thoracic Spine Disorders',
    letterNames: ['cervical and thoracic spine', 'neck'],
  },
  { id: 'shoulder', name: 'Shoulder Disorders', citeAs: 'Shoulder Disorders', letterNames: ['shoulder'] },
  { id: 'elbow', name: 'Elbow Disorders', citeAs: 'Elbow Disorders', letterNames: ['elbow'] },
  {
    id: 'hand-wrist-forearm',
    name: 'Hand, Wrist, and Forearm Disorders',
    citeAs: 'Hand, Wrist, and Forearm Disorders',
    letterNames: ['hand wrist and forearm', 'wrist'],
  },
  { id: 'knee', name: 'Knee Disorders', citeAs: 'Knee Disorders', letterNames: ['knee'] },
  { id: 'chronic-pain', name: 'Chronic Pain', citeAs: 'Chronic Pain', letterNames: ['chronic pain'] },
  { id: 'opioids', name: 'Opioids', citeAs: 'Opioids', letterNames: ['opioids', 'opioid'] },
];

export const SOURCES: readonly Source[] = [
  {
    id: 'mtus-chronic-pain',
    name: 'MTUS Chronic Pain Medical Treatment Guidelines',
    publisher: `${DWC}; Part 2 adapted with permission from the ODG Pain (Chronic) chapter`,
    tier: 1,
    citationSource: 'MTUS',
    licence: 'public regulation',
    regulation: '8 CCR 9792.24.2',
    editions: [
      {
        id: '2009',
        label: 'Chronic Pain Medical Treatment Guidelines (DWC, May 2009)',
        citeAs: 'Chronic Pain Medical Treatment 2009',
        year: 2009,
        effectiveFrom: '2009-07-18',
        effectiveTo: '2016-07-28',
        idPrefix: 'chronic-pain-2009',
        note: 'Adapted from the ODG pain chapter of Oct 23, 2008; page numbers are those letters cite.',
      },
      {
        id: '2016',
        label: 'Chronic Pain Medical Treatment Guidelines (DWC, July 28, 2016)',
        citeAs: 'Chronic Pain Medical Treatment 2016',
        year: 2016,
        effectiveFrom: '2016-07-29',
        effectiveTo: '2017-11-30',
        idPrefix: 'chronic-pain-2016',
        note: 'A DWC modification of the 2014 ODG pain chapter with its own pagination; applies to chronic pain (3 months or more).',
      },
    ],
    undatedEdition: '2009',
    chapterImpliesSource: false,
    letterNames: ['chronic pain medical treatment', 'chronic pain treatment', 'chronic pain guidelines', 'cpmtg'],
    citeSections: true,
    shortName: 'the MTUS Chronic Pain Medical Treatment Guidelines',
  },
  {
    id: 'mtus-opioids',
    name: 'MTUS Opioids Treatment Guidelines',
    publisher: DWC,
    tier: 1,
    citationSource: 'MTUS',
    licence: 'public regulation',
    regulation: '8 CCR 9792.24.4',
    editions: [
      {
        id: '2016',
        label: 'Opioids Treatment Guidelines (DWC, July 28, 2016)',
        citeAs: 'Opioid Treatment 2016',
        year: 2016,
        effectiveFrom: '2016-07-29',
        effectiveTo: '2017-11-30',
        idPrefix: 'opioids-2016',
      },
    ],
    undatedEdition: '2016',
    chapterImpliesSource: false,
    letterNames: ['opioid treatment', 'opioids treatment'],
    citeSections: true,
    shortName: 'the MTUS Opioids Treatment Guidelines',
  },
  {
    id: 'mtus-acupuncture',
    name: 'MTUS Acupuncture Medical Treatment Guidelines',
    publisher: DWC,
    tier: 1,
    citationSource: 'MTUS',
    licence: 'public regulation',
    regulation: '8 CCR 9792.24.1',
    editions: [
      {
        id: '2007',
        label: 'Acupuncture Medical Treatment Guidelines (2007)',
        citeAs: 'Acupuncture Treatment 2007',
        year: 2007,
        effectiveFrom: '2007-06-15',
        idPrefix: 'acupuncture-2007',
      },
    ],
    undatedEdition: '2007',
    chapterImpliesSource: false,
    letterNames: ['acupuncture treatment', 'acupuncture medical treatment'],
    citeSections: false,
    shortName: 'the MTUS Acupuncture Medical Treatment Guidelines',
  },
  {
    id: 'mtus-postsurgical',
    name: 'MTUS Postsurgical Treatment Guidelines',
    publisher: DWC,
    tier: 1,
    citationSource: 'MTUS',
    licence: 'public regulation',
    regulation: '8 CCR 9792.24.3',
    editions: [
      {
        id: '2009',
        label: 'Postsurgical Treatment Guidelines (2009)',
        citeAs: 'Postsurgical Treatment 2009',
        year: 2009,
        effectiveFrom: '2009-07-18',
        idPrefix: 'postsurgical-2009',
        note: 'Citation form recalled, not yet seen in a letter of the corpus.',
      },
    ],
    undatedEdition: '2009',
    chapterImpliesSource: false,
    letterNames: ['postsurgical treatment', 'post surgical treatment', 'postsurgical guidelines'],
    citeSections: true,
    shortName: 'the MTUS Postsurgical Treatment Guidelines',
  },
  acoem2004Chapter({
    id: 'mtus-acoem-general',
    slug: 'general',
    chapter: 'Chapters 1–7',
    title: 'General Approaches',
    regulation: '8 CCR 9792.22',
    letterNames: [
      'general approaches',
      'acoem chapter 1',
      'acoem chapter 2',
      'acoem chapter 3',
      'acoem chapter 5',
      'acoem chapter 7',
      'acoem ch 3',
      'acoem ch 7',
    ],
  }),
  acoem2004Chapter({
    id: 'mtus-acoem-neck',
    slug: 'neck',
    chapter: 'Chapter 8',
    title: 'Neck and Upper Back Complaints',
    regulation: '8 CCR 9792.23.1',
    letterNames: ['neck and upper back complaints', 'acoem chapter 8', 'acoem ch 8'],
  }),
  acoem2004Chapter({
    id: 'mtus-acoem-shoulder',
    slug: 'shoulder',
    chapter: 'Chapter 9',
    title: 'Shoulder Complaints',
    regulation: '8 CCR 9792.23.2',
    letterNames: ['shoulder complaints', 'acoem chapter 9', 'acoem ch 9'],
  }),
  acoem2004Chapter({
    id: 'mtus-acoem-elbow',
    slug: 'elbow',
    chapter: 'Chapter 10',
    title: 'Elbow Complaints',
    regulation: '8 CCR 9792.23.3',
    letterNames: ['elbow complaints', 'elbow disorders revised 2007', 'acoem chapter 10', 'acoem ch 10'],
    edition: {
      year: 2007,
      effectiveFrom: '2009-07-18',
      note: 'Letters cite "Elbow Complaints 2007"; the date the 2007 revision entered the MTUS is not verified.',
    },
  }),
  acoem2004Chapter({
    id: 'mtus-acoem-hand',
    slug: 'hand',
    chapter: 'Chapter 11',
    title: 'Forearm, Wrist, and Hand Complaints',
    regulation: '8 CCR 9792.23.4',
    letterNames: ['forearm wrist and hand complaints', 'acoem chapter 11', 'acoem ch 11'],
  }),
  acoem2004Chapter({
    id: 'mtus-acoem-low-back',
    slug: 'low-back',
    chapter: 'Chapter 12',
    title: 'Low Back Complaints',
    regulation: '8 CCR 9792.23.5',
    letterNames: ['low back complaints', 'acoem chapter 12', 'acoem ch 12'],
  }),
  acoem2004Chapter({
    id: 'mtus-acoem-knee',
    slug: 'knee',
    chapter: 'Chapter 13',
    title: 'Knee Complaints',
    regulation: '8 CCR 9792.23.6',
    letterNames: ['knee complaints', 'acoem chapter 13', 'acoem ch 13'],
  }),
  acoem2004Chapter({
    id: 'mtus-acoem-ankle',
    slug: 'ankle',
    chapter: 'Chapter 14',
    title: 'Ankle and Foot Complaints',
    regulation: '8 CCR 9792.23.7',
    letterNames: ['ankle and foot complaints', 'acoem chapter 14', 'acoem ch 14'],
  }),
  acoem2004Chapter({
    id: 'mtus-acoem-stress',
    slug: 'stress',
    chapter: 'Chapter 15',
    title: 'Stress-Related Conditions',
    regulation: '8 CCR 9792.23.8',
    letterNames: ['stress related conditions', 'acoem chapter 15', 'acoem ch 15'],
  }),
  {
    id: 'odg',
    name: 'Official Disability Guidelines (ODG), Treatment in Workers’ Compensation',
    publisher: 'Work Loss Data Institute',
    tier: 2,
    citationSource: 'Non-MTUS',
    licence: 'licensed—cite only',
    editions: [
      {
        id: 'online',
        label: 'ODG online edition (continuously updated)',
        citeAs: 'Official Disability Guidelines (ODG)',
        year: 2016,
        effectiveFrom: '2003-01-01',
        idPrefix: 'odg',
        note: 'Letters cite the online edition, sometimes with an update date; content changes often.',
      },
    ],
    undatedEdition: 'online',
    chapters: ODG_CHAPTERS,
    chapterImpliesSource: true,
    letterNames: ['official disability guidelines', 'official disability guideline', 'odg'],
    citeSections: false,
    shortName: 'the Official Disability Guidelines (ODG)',
  },
  {
    id: 'acoem-practice-guidelines',
    name: 'ACOEM Occupational Medicine Practice Guidelines (3rd edition and later, outside the MTUS)',
    publisher: 'American College of Occupational and Environmental Medicine (ACOEM); Reed Group MDGuidelines',
    tier: 2,
    citationSource: 'Non-MTUS',
    licence: 'licensed—cite only',
    editions: [
      {
        id: '3rd',
        label: 'ACOEM Practice Guidelines, 3rd edition (2011) and online updates',
        citeAs: 'ACOEM Occupational Medicine Practice Guidelines, 3rd ed.',
        year: 2011,
        effectiveFrom: '2011-01-01',
        idPrefix: 'acoem-3rd',
      },
    ],
    undatedEdition: '3rd',
    chapters: ACOEM_CURRENT_CHAPTERS,
    chapterImpliesSource: false,
    letterNames: [
      'acoem occupational medicine practice guidelines',
      'occupational medicine practice guidelines',
      'acoem practice guidelines',
      'american college of occupational and environmental medicine',
      'mdguidelines',
      'acoem',
    ],
    citeSections: false,
    shortName: 'the ACOEM Practice Guidelines',
  },
  {
    id: 'other-guideline',
    name: 'Other nationally recognized evidence-based guideline',
    publisher: 'various (professional societies, state guidelines, the National Guideline Clearinghouse)',
    tier: 3,
    citationSource: 'Non-MTUS',
    licence: 'licensed—cite only',
    editions: [
      {
        id: 'current',
        label: 'most current version',
        citeAs: 'Other Medical Treatment Guidelines',
        year: 2016,
        effectiveFrom: '1990-01-01',
        idPrefix: 'other-guideline',
      },
    ],
    undatedEdition: 'current',
    chapterImpliesSource: false,
    letterNames: [
      'aanem',
      'american association of neuromuscular',
      'national guideline clearinghouse',
      'guideline gov',
      'american academy of',
      'american society of',
      'north american spine society',
      'other medical treatment guidelines',
    ],
    citeSections: false,
    shortName: 'a nationally recognized guideline',
  },
  {
    id: 'peer-reviewed',
    name: 'Peer-reviewed medical literature and clinical drug references',
    publisher: 'various (journals, FDA labelling, clinical references such as UpToDate)',
    tier: 4,
    citationSource: 'Non-MTUS',
    licence: 'licensed—cite only',
    editions: [
      {
        id: 'current',
        label: 'current literature',
        citeAs: 'Peer-reviewed literature',
        year: 2016,
        effectiveFrom: '1990-01-01',
        idPrefix: 'literature',
      },
    ],
    undatedEdition: 'current',
    chapterImpliesSource: false,
    letterNames: [
      'peer reviewed literature',
      'uptodate',
      'up to date',
      'journal',
      'et al',
      'fda',
      'pubmed',
      'cochrane',
      'medscape',
      'micromedex',
      'lexicomp',
    ],
    citeSections: false,
    shortName: 'the peer-reviewed literature',
  },
];

const BY_ID = new Map(SOURCES.map((s) => [s.id, s]));

export function sourceById(id: string): Source | undefined {
  return BY_ID.get(id);
}

export function editionOf(source: Source, editionId: string): Edition | undefined {
  return source.editions.find((e) => e.id === editionId);
}

export function chapterOf(source: Source, chapterId: string | undefined): Chapter | undefined {
  return chapterId === undefined ? undefined : source.chapters?.find((c) => c.id === chapterId);
}

/** Whether an edition applies on an ISO date (request date). */
export function inForce(edition: Edition, isoDate: string): boolean {
  return edition.effectiveFrom <= isoDate && (edition.effectiveTo === undefined || isoDate <= edition.effectiveTo);
}
