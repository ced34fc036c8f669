import type { z } from 'zod';
import type { BodyPartConcept, BodyPartSpan, RegionWords } from '../schema.js';

/**
 * Body parts as requests name them, each with the regions it lies in. A part with no region ("spine"
 * alone, "jaw") is still read, so that its words are not taken for something else, but no region-specific
 * guideline topic applies to it. Checked against BodyPartConcept when the vocabulary loads.
 */
export const BODY_PART_DATA: readonly z.input<typeof BodyPartConcept>[] = [
  {
    part: 'lumbar spine',
    regions: ['lumbar spine'],
    terms: [
      'lumbar',
      'lumbar spine|region|area',
      'lumbosacral',
      'lumbosacral spine',
      'l spine',
      'ls spine',
      'low back',
      'lower back',
      'back',
      'lumbar paraspinal|paraspinals',
    ],
  },
  {
    part: 'cervical spine',
    regions: ['cervical spine'],
    terms: ['cervical', 'cervical spine|region', 'c spine', 'neck'],
  },
  {
    part: 'thoracic spine',
    regions: ['thoracic spine'],
    terms: ['thoracic', 'thoracic spine|region', 't spine', 'mid back', 'middle back', 'upper back', 'dorsal spine'],
  },
  {
    part: 'spine',
    regions: [],
    terms: ['spine', 'spinal', 'paraspinal', 'paraspinals'],
  },
  {
    part: 'sacroiliac joint',
    regions: ['sacroiliac'],
    terms: ['sacroiliac', 'sacroiliac joint', 'si joint'],
    bothSides: ['sacroiliac joints', 'si joints'],
  },
  {
    part: 'shoulder',
    regions: ['shoulder'],
    terms: ['shoulder', 'rotator cuff', 'subacromial', 'acromioclavicular', 'ac joint', 'glenohumeral'],
    bothSides: ['shoulders'],
  },
  {
    part: 'elbow',
    regions: ['elbow'],
    terms: ['elbow', 'cubital tunnel', 'epicondyle', 'epicondylitis', 'olecranon'],
    bothSides: ['elbows'],
  },
  {
    part: 'forearm',
    regions: ['forearm'],
    terms: ['forearm'],
    bothSides: ['forearms'],
  },
  {
    part: 'wrist',
    regions: ['wrist'],
    terms: ['wrist', 'carpal', 'carpal tunnel'],
    bothSides: ['wrists'],
  },
  {
    part: 'hand',
    regions: ['hand'],
    terms: ['hand', 'palm'],
    bothSides: ['hands'],
  },
  {
    part: 'finger',
    regions: ['hand'],
    terms: ['finger|fingers', 'trigger finger', 'digit|digits'],
  },
  {
    part: 'thumb',
    regions: ['hand'],
    terms: ['thumb|thumbs'],
  },
  {
    part: 'hip',
    regions: ['hip'],
    terms: ['hip', 'hip joint'],
    bothSides: ['hips'],
  },
  {
    part: 'thigh',
    regions: [],
    terms: ['thigh'],
    bothSides: ['thighs'],
  },
  {
    part: 'knee',
    regions: ['knee'],
    terms: ['knee', 'meniscus', 'meniscal', 'patella', 'patellar', 'acl', 'mcl'],
    bothSides: ['knees'],
  },
  {
    part: 'leg',
    regions: ['leg'],
    terms: ['leg', 'calf', 'shin', 'lower leg'],
    bothSides: ['legs', 'calves'],
  },
  {
    part: 'ankle',
    regions: ['ankle'],
    terms: ['ankle', 'achilles'],
    bothSides: ['ankles'],
  },
  {
    part: 'foot',
    regions: ['foot'],
    terms: ['foot', 'heel', 'plantar', 'plantar fascia'],
    bothSides: ['feet', 'heels'],
  },
  {
    part: 'toe',
    regions: ['foot'],
    terms: ['toe|toes'],
  },
  {
    part: 'head',
    regions: ['head'],
    terms: ['head', 'cranial', 'brain', 'skull', 'scalp'],
  },
  {
    part: 'jaw',
    regions: [],
    terms: ['jaw', 'tmj', 'temporomandibular'],
  },
  {
    part: 'face',
    regions: [],
    terms: ['face', 'facial'],
  },
  {
    part: 'eye',
    regions: [],
    terms: ['eye|eyes'],
  },
  {
    part: 'chest',
    regions: ['chest'],
    terms: ['chest', 'rib|ribs', 'thorax', 'chest wall'],
  },
  {
    part: 'abdomen',
    regions: ['abdomen'],
    terms: ['abdomen', 'abdominal'],
  },
  {
    part: 'pelvis',
    regions: ['hip'],
    terms: ['pelvis', 'pelvic'],
  },
  {
    part: 'buttock',
    regions: [],
    terms: ['buttock|buttocks', 'gluteal'],
  },
  {
    part: 'groin',
    regions: ['hip'],
    terms: ['groin', 'inguinal'],
  },
  {
    part: 'coccyx',
    regions: [],
    terms: ['coccyx', 'tailbone'],
  },
  {
    part: 'sacrum',
    regions: [],
    terms: ['sacrum', 'sacral'],
  },
  {
    part: 'upper extremity',
    regions: ['upper extremity'],
    // "UE", "U/E", "RUE", "LUE": the abbreviations records and requests use for an arm.
    terms: ['upper extremity|limb|arm', 'arm', 'ue', 'u e', 'rue', 'lue'],
    bothSides: ['upper extremities|limbs', 'bue', 'bues', 'both arms', 'arms', 'ues'],
  },
  {
    part: 'lower extremity',
    regions: ['lower extremity'],
    // "LE", "L/E", "RLE", "LLE": the abbreviations records and requests use for a leg.
    terms: ['lower extremity|limb', 'le', 'l e', 'rle', 'lle'],
    bothSides: ['lower extremities|limbs', 'ble', 'bles', 'both legs', 'les'],
  },
  {
    part: 'ear',
    regions: ['ear'],
    terms: ['ear', 'inner|middle|outer ear', 'ear canal', 'tinnitus', 'hearing', 'auditory'],
    bothSides: ['ears'],
  },
  {
    part: 'teeth',
    regions: [],
    terms: ['teeth', 'tooth', 'dental'],
  },
];

/** Words that name parts of two regions at once. */
export const BODY_PART_SPANS: readonly z.input<typeof BodyPartSpan>[] = [
  { terms: ['thoracolumbar', 'thoracolumbar spine'], parts: ['thoracic spine', 'lumbar spine'] },
  { terms: ['cervicothoracic', 'cervicothoracic spine'], parts: ['cervical spine', 'thoracic spine'] },
  {
    terms: [
      'upper and lower extremities|limbs',
      'lower and upper extremities|limbs',
      'all four extremities|limbs',
      'four extremities|limbs',
      'all extremities|limbs',
    ],
    parts: ['upper extremity', 'lower extremity'],
  },
];

/**
 * Region words for free text (a diagnosis in the record, a request that names no part), matched at a word
 * start (stems allowed). Listed in the order regions are reported.
 */
export const REGION_WORD_DATA: z.input<typeof RegionWords> = {
  'thoracic spine': ['thoracic', 'upper back', 'mid back', 'middle back', 't spine', 'dorsal spine'],
  'lumbar spine': ['lumbar', 'low back', 'lower back', 'lumbosacral', 'l spine', 'ls spine', 'back'],
  'cervical spine': ['cervical', 'neck', 'c spine'],
  sacroiliac: ['sacroiliac', 'si joint'],
  head: ['head', 'headache', 'concussion', 'skull', 'scalp', 'brain', 'cranial', 'migraine'],
  shoulder: ['shoulder', 'rotator cuff', 'acromi', 'glenohumeral', 'clavic', 'subacromial', 'ac joint'],
  elbow: ['elbow', 'epicondyl', 'olecranon', 'cubital', 'radial head'],
  forearm: ['forearm'],
  wrist: ['wrist', 'carpal', 'scaphoid', 'de quervain', 'dequervain'],
  hand: ['hand', 'finger', 'thumb', 'digit', 'palm'],
  hip: ['hip', 'groin', 'inguinal', 'pelvis', 'pelvic', 'femoral', 'acetabul'],
  knee: ['knee', 'menisc', 'patell', 'acl', 'mcl', 'cruciate'],
  leg: ['leg', 'calf', 'calves', 'tibia', 'shin'],
  ankle: ['ankle', 'achilles', 'malleol'],
  foot: ['foot', 'feet', 'plantar', 'toe', 'heel', 'metatars'],
  'upper extremity': ['upper extremit', 'upper limb', 'arm', 'arms', 'bue'],
  'lower extremity': ['lower extremit', 'lower limb', 'legs', 'ble'],
  chest: ['chest', 'rib', 'thorax'],
  abdomen: ['abdomen', 'abdominal', 'hernia'],
  // "ear" alone would also start "early": free text names the ear by these.
  ear: [
    'ears',
    'inner ear',
    'middle ear',
    'outer ear',
    'ear canal',
    'left ear',
    'right ear',
    'tinnitus',
    'auditory',
    'hearing loss',
    'hearing aid',
  ],
};
