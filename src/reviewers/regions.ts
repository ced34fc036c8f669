import type { BodySystem } from './reviewer.js';

/**
 * Diagnosis codes → body regions, as data. The DWC Form IMR names a primary diagnosis (ICD-10-CM, or
 * ICD-9-CM on old forms) for each disputed treatment (fact sheet §1.3); a request such as "Norco
 * 10/325 #60" names no body part, but its diagnosis M54.5 (low back pain) does. The table maps
 * ICD-10-CM chapters, categories and a few subcategories to the region a reviewer must know and to
 * the body system the specialty tables (specialty.ts) score. The most specific entry wins: a
 * five-character prefix over a category, a category over a range of categories.
 *
 * Codes are compared without the dot and in capitals ("m54.5" → "M545").
 */

export interface IcdRegion {
  /** A code prefix ("M545", "S83") or an inclusive range of three-character categories ("S40-S49"). */
  readonly codes: string;
  /** The region in plain words, as the assignment page shows it ("lumbar spine"). */
  readonly region: string;
  readonly bodySystem: BodySystem;
}

export const ICD10_REGIONS: readonly IcdRegion[] = [
  // Spine (ICD-10-CM chapter 13, dorsopathies M40–M54; injuries of the neck, thorax, lower back)
  { codes: 'M40-M43', region: 'spine', bodySystem: 'spine' },
  { codes: 'M45-M49', region: 'spine', bodySystem: 'spine' },
  { codes: 'M4802', region: 'cervical spine', bodySystem: 'spine' },
  { codes: 'M4806', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: 'M4807', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: 'M47812', region: 'cervical spine', bodySystem: 'spine' },
  { codes: 'M47816', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: 'M47817', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: 'M50', region: 'cervical spine', bodySystem: 'spine' },
  { codes: 'M51', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: 'M53', region: 'spine', bodySystem: 'spine' },
  { codes: 'M54', region: 'spine', bodySystem: 'spine' },
  { codes: 'M5412', region: 'cervical spine', bodySystem: 'spine' },
  { codes: 'M5414', region: 'thoracic spine', bodySystem: 'spine' },
  { codes: 'M5415', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: 'M5416', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: 'M5417', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: 'M542', region: 'cervical spine', bodySystem: 'spine' },
  { codes: 'M543', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: 'M544', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: 'M545', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: 'M546', region: 'thoracic spine', bodySystem: 'spine' },
  { codes: 'M961', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: 'S12-S14', region: 'cervical spine', bodySystem: 'spine' },
  { codes: 'S22-S24', region: 'thoracic spine', bodySystem: 'spine' },
  { codes: 'S32-S34', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: 'S390', region: 'lumbar spine', bodySystem: 'spine' },
  // Shoulder, upper arm, elbow, forearm
  { codes: 'M75', region: 'shoulder', bodySystem: 'upper-extremity' },
  { codes: 'M770', region: 'elbow', bodySystem: 'upper-extremity' },
  { codes: 'M771', region: 'elbow', bodySystem: 'upper-extremity' },
  { codes: 'M2551', region: 'shoulder', bodySystem: 'upper-extremity' },
  { codes: 'M2552', region: 'elbow', bodySystem: 'upper-extremity' },
  { codes: 'M1901', region: 'shoulder', bodySystem: 'upper-extremity' },
  { codes: 'S40-S49', region: 'shoulder and upper arm', bodySystem: 'upper-extremity' },
  { codes: 'S50-S59', region: 'elbow and forearm', bodySystem: 'upper-extremity' },
  { codes: 'G562', region: 'elbow', bodySystem: 'upper-extremity' },
  // Wrist and hand
  { codes: 'S60-S69', region: 'wrist and hand', bodySystem: 'hand-wrist' },
  { codes: 'G560', region: 'wrist and hand', bodySystem: 'hand-wrist' },
  { codes: 'M18', region: 'thumb', bodySystem: 'hand-wrist' },
  { codes: 'M653', region: 'hand', bodySystem: 'hand-wrist' },
  { codes: 'M654', region: 'wrist', bodySystem: 'hand-wrist' },
  { codes: 'M2553', region: 'wrist', bodySystem: 'hand-wrist' },
  { codes: 'M2554', region: 'hand', bodySystem: 'hand-wrist' },
  { codes: 'M1903', region: 'wrist', bodySystem: 'hand-wrist' },
  { codes: 'M1904', region: 'hand', bodySystem: 'hand-wrist' },
  // Hip, thigh, knee, lower leg
  { codes: 'M16', region: 'hip', bodySystem: 'lower-extremity' },
  { codes: 'M17', region: 'knee', bodySystem: 'lower-extremity' },
  { codes: 'M22-M23', region: 'knee', bodySystem: 'lower-extremity' },
  { codes: 'M2555', region: 'hip', bodySystem: 'lower-extremity' },
  { codes: 'M2556', region: 'knee', bodySystem: 'lower-extremity' },
  { codes: 'S70-S79', region: 'hip and thigh', bodySystem: 'lower-extremity' },
  { codes: 'S80-S89', region: 'knee and lower leg', bodySystem: 'lower-extremity' },
  { codes: 'S83', region: 'knee', bodySystem: 'lower-extremity' },
  // Ankle and foot
  { codes: 'S90-S99', region: 'ankle and foot', bodySystem: 'foot-ankle' },
  { codes: 'M722', region: 'foot', bodySystem: 'foot-ankle' },
  { codes: 'M2557', region: 'ankle and foot', bodySystem: 'foot-ankle' },
  { codes: 'M1907', region: 'ankle and foot', bodySystem: 'foot-ankle' },
  // Head and nervous system
  { codes: 'S00-S09', region: 'head', bodySystem: 'head-neurological' },
  { codes: 'S06', region: 'brain (head injury)', bodySystem: 'head-neurological' },
  { codes: 'G43-G44', region: 'headache', bodySystem: 'head-neurological' },
  { codes: 'R51', region: 'headache', bodySystem: 'head-neurological' },
  { codes: 'G50-G59', region: 'peripheral nerves', bodySystem: 'head-neurological' },
  // Pain as a diagnosis (chronic pain, complex regional pain syndrome, fibromyalgia)
  { codes: 'G89', region: 'chronic pain', bodySystem: 'chronic-pain' },
  { codes: 'G90', region: 'complex regional pain', bodySystem: 'chronic-pain' },
  { codes: 'M797', region: 'widespread pain', bodySystem: 'chronic-pain' },
  // Mental health and sleep
  { codes: 'F01-F99', region: 'mental health', bodySystem: 'mental-health' },
  { codes: 'G47', region: 'sleep', bodySystem: 'mental-health' },
  // Eye, teeth, skin
  { codes: 'H00-H59', region: 'eye', bodySystem: 'eye' },
  { codes: 'S05', region: 'eye', bodySystem: 'eye' },
  { codes: 'K00-K14', region: 'teeth and jaw', bodySystem: 'dental' },
  { codes: 'M26', region: 'jaw', bodySystem: 'dental' },
  { codes: 'S02', region: 'face and jaw', bodySystem: 'dental' },
  { codes: 'L00-L99', region: 'skin', bodySystem: 'skin' },
  { codes: 'T20-T32', region: 'skin (burns)', bodySystem: 'skin' },
  // Internal organs
  { codes: 'I00-I99', region: 'heart and circulation', bodySystem: 'internal' },
  { codes: 'J00-J99', region: 'lungs', bodySystem: 'internal' },
  { codes: 'K20-K95', region: 'digestive system', bodySystem: 'internal' },
  { codes: 'N00-N99', region: 'kidneys and bladder', bodySystem: 'internal' },
  { codes: 'E00-E89', region: 'metabolism', bodySystem: 'internal' },
];

/**
 * ICD-9-CM codes still seen on forms for injuries before October 2015 (categories only; the codes are
 * numeric, so ranges compare as numbers).
 */
export const ICD9_REGIONS: readonly IcdRegion[] = [
  { codes: '720-724', region: 'spine', bodySystem: 'spine' },
  { codes: '7222', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: '7224', region: 'cervical spine', bodySystem: 'spine' },
  { codes: '7231', region: 'cervical spine', bodySystem: 'spine' },
  { codes: '7242', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: '7243', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: '7244', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: '846-847', region: 'spine', bodySystem: 'spine' },
  { codes: '8472', region: 'lumbar spine', bodySystem: 'spine' },
  { codes: '8470', region: 'cervical spine', bodySystem: 'spine' },
  { codes: '726', region: 'shoulder', bodySystem: 'upper-extremity' },
  { codes: '840-841', region: 'shoulder and elbow', bodySystem: 'upper-extremity' },
  { codes: '842', region: 'wrist and hand', bodySystem: 'hand-wrist' },
  { codes: '354', region: 'wrist and hand', bodySystem: 'hand-wrist' },
  { codes: '843-844', region: 'hip and knee', bodySystem: 'lower-extremity' },
  { codes: '836', region: 'knee', bodySystem: 'lower-extremity' },
  { codes: '845', region: 'ankle and foot', bodySystem: 'foot-ankle' },
  { codes: '290-319', region: 'mental health', bodySystem: 'mental-health' },
  { codes: '338', region: 'chronic pain', bodySystem: 'chronic-pain' },
];

export interface DiagnosisRegion {
  /** The code as given. */
  readonly code: string;
  readonly region: string;
  readonly bodySystem: BodySystem;
}

/** "m54.5 " → "M545"; undefined for text that is not shaped like an ICD code. */
export function normalizeIcd(code: string): string | undefined {
  const c = code.trim().toUpperCase().replace(/\./g, '');
  return /^[A-Z0-9]{3,8}$/.test(c) ? c : undefined;
}

function rangeMatch(codes: string, c: string, numeric: boolean): number {
  const [from, to] = codes.split('-');
  if (to === undefined || from === undefined) return c.startsWith(codes) ? codes.length : -1;
  const head = c.slice(0, from.length);
  if (head.length < from.length) return -1;
  const inside = numeric ? Number(head) >= Number(from) && Number(head) <= Number(to) : head >= from && head <= to;
  // A range is less specific than a category of the same length.
  return inside ? from.length - 0.5 : -1;
}

/** The body region of a diagnosis code, or undefined when the table has no entry for it. */
export function regionOfDiagnosis(code: string): DiagnosisRegion | undefined {
  const c = normalizeIcd(code);
  if (c === undefined) return undefined;
  const numeric = /^\d/.test(c);
  const table = numeric ? ICD9_REGIONS : ICD10_REGIONS;
  let best: IcdRegion | undefined;
  let bestLength = -1;
  for (const entry of table) {
    const length = rangeMatch(entry.codes, c, numeric);
    if (length > bestLength) {
      best = entry;
      bestLength = length;
    }
  }
  return best === undefined ? undefined : { code: code.trim(), region: best.region, bodySystem: best.bodySystem };
}
