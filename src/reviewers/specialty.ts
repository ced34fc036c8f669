import { foldText } from '../domain/consolidation.js';
import { describeItemNeed, itemNeedsOf } from './needs.js';
import type { BodySystem, CaseNeeds, ItemNeed, Reviewer, Specialty, TreatmentKind } from './reviewer.js';

/**
 * How well a reviewer's specialties fit the disputed treatment. LC 139.5(d)(4)(A) asks for a
 * reviewer "knowledgeable" in treating the condition and in the proposed treatment; the IMRO
 * selects by "expertise in the same or similar specialties" (letter boilerplate, fact sheet §2.1).
 * The weights below are our judgment, written as data: fit to the kind of treatment times fit to
 * the body system. Examples the tables encode: spine injections → PM&R, pain medicine,
 * anesthesiology, orthopedics; psychological treatment → psychiatry, psychology; chiropractic →
 * chiropractors; surgery → the surgical specialty of that body system.
 */

export const SPECIALTY_LABELS: Record<Specialty, string> = {
  'occupational-medicine': 'Occupational Medicine',
  'family-medicine': 'Family Medicine',
  'internal-medicine': 'Internal Medicine',
  'preventive-medicine': 'Preventive Medicine',
  'emergency-medicine': 'Emergency Medicine',
  'physical-medicine-rehabilitation': 'Physical Medicine & Rehabilitation',
  'pain-medicine': 'Pain Medicine',
  anesthesiology: 'Anesthesiology',
  'sports-medicine': 'Sports Medicine',
  'orthopedic-surgery': 'Orthopedic Surgery',
  'hand-surgery': 'Hand Surgery',
  neurosurgery: 'Neurological Surgery',
  'plastic-surgery': 'Plastic Surgery',
  'general-surgery': 'General Surgery',
  neurology: 'Neurology',
  psychiatry: 'Psychiatry',
  psychology: 'Psychology',
  rheumatology: 'Rheumatology',
  radiology: 'Radiology',
  chiropractic: 'Chiropractic',
  acupuncture: 'Acupuncture',
  podiatry: 'Podiatry',
  dentistry: 'Dentistry',
  optometry: 'Optometry',
  ophthalmology: 'Ophthalmology',
  otolaryngology: 'Otolaryngology',
  dermatology: 'Dermatology',
  cardiology: 'Cardiology',
  pulmonology: 'Pulmonary Disease',
  gastroenterology: 'Gastroenterology',
  urology: 'Urology',
  'obstetrics-gynecology': 'Obstetrics & Gynecology',
  'infectious-disease': 'Infectious Disease',
  endocrinology: 'Endocrinology',
};

type Weights = Partial<Record<Specialty, number>>;

const MEDICATION: Weights = {
  'pain-medicine': 1,
  'occupational-medicine': 0.9,
  'family-medicine': 0.9,
  'internal-medicine': 0.9,
  'physical-medicine-rehabilitation': 0.9,
  psychiatry: 0.9,
  anesthesiology: 0.8,
  neurology: 0.8,
  rheumatology: 0.8,
  'preventive-medicine': 0.7,
  'infectious-disease': 0.7,
  endocrinology: 0.7,
  cardiology: 0.7,
  pulmonology: 0.7,
  gastroenterology: 0.7,
  dermatology: 0.7,
  'emergency-medicine': 0.6,
  'sports-medicine': 0.6,
  ophthalmology: 0.6,
  dentistry: 0.6,
  'orthopedic-surgery': 0.5,
  podiatry: 0.5,
};

const SURGEONS: Weights = {
  'orthopedic-surgery': 1,
  'hand-surgery': 1,
  neurosurgery: 1,
  'plastic-surgery': 1,
  'general-surgery': 1,
  podiatry: 1,
  ophthalmology: 1,
  otolaryngology: 1,
  urology: 1,
  'obstetrics-gynecology': 1,
  dentistry: 1,
};

/** Fit of each specialty to a kind of treatment, 0–1 (absent = 0). */
export const KIND_FIT: Record<TreatmentKind, Weights> = {
  medication: MEDICATION,
  'compounded-topical': { ...MEDICATION, psychiatry: 0.2, dermatology: 0.8 },
  therapy: {
    'physical-medicine-rehabilitation': 1,
    'occupational-medicine': 0.9,
    'sports-medicine': 0.9,
    'orthopedic-surgery': 0.8,
    'hand-surgery': 0.8,
    'family-medicine': 0.7,
    'pain-medicine': 0.7,
    chiropractic: 0.6,
    podiatry: 0.6,
    neurology: 0.6,
    rheumatology: 0.6,
    'preventive-medicine': 0.6,
    'internal-medicine': 0.5,
    neurosurgery: 0.5,
    'emergency-medicine': 0.4,
  },
  acupuncture: {
    acupuncture: 1,
    'physical-medicine-rehabilitation': 0.7,
    'pain-medicine': 0.7,
    'occupational-medicine': 0.7,
    'family-medicine': 0.6,
    'internal-medicine': 0.5,
    anesthesiology: 0.5,
    chiropractic: 0.5,
    'sports-medicine': 0.5,
  },
  chiropractic: {
    chiropractic: 1,
    'physical-medicine-rehabilitation': 0.7,
    'occupational-medicine': 0.6,
    'sports-medicine': 0.6,
    'orthopedic-surgery': 0.5,
    'family-medicine': 0.5,
    'pain-medicine': 0.5,
  },
  injection: {
    'pain-medicine': 1,
    'physical-medicine-rehabilitation': 1,
    anesthesiology: 1,
    'orthopedic-surgery': 0.9,
    'sports-medicine': 0.8,
    'hand-surgery': 0.8,
    podiatry: 0.8,
    neurosurgery: 0.7,
    rheumatology: 0.7,
    'occupational-medicine': 0.6,
    neurology: 0.6,
    radiology: 0.6,
    ophthalmology: 0.6,
    'family-medicine': 0.5,
    'internal-medicine': 0.4,
    dermatology: 0.3,
  },
  imaging: {
    'orthopedic-surgery': 1,
    radiology: 1,
    neurosurgery: 0.9,
    neurology: 0.9,
    'physical-medicine-rehabilitation': 0.9,
    'sports-medicine': 0.9,
    'hand-surgery': 0.9,
    'occupational-medicine': 0.8,
    podiatry: 0.8,
    'family-medicine': 0.7,
    'internal-medicine': 0.7,
    'pain-medicine': 0.7,
    rheumatology: 0.7,
    ophthalmology: 0.7,
    'emergency-medicine': 0.6,
    dentistry: 0.6,
    chiropractic: 0.5,
    'preventive-medicine': 0.5,
  },
  electrodiagnostic: {
    'physical-medicine-rehabilitation': 1,
    neurology: 1,
    'hand-surgery': 0.7,
    'occupational-medicine': 0.6,
    'orthopedic-surgery': 0.6,
    neurosurgery: 0.6,
    'pain-medicine': 0.6,
    'sports-medicine': 0.5,
    'family-medicine': 0.4,
    'internal-medicine': 0.4,
    podiatry: 0.4,
  },
  surgery: { ...SURGEONS, 'pain-medicine': 0.6, anesthesiology: 0.3 },
  'surgical-associated': {
    ...Object.fromEntries(Object.keys(SURGEONS).map((s) => [s, 0.9])),
    'internal-medicine': 0.7,
    'family-medicine': 0.7,
    'occupational-medicine': 0.7,
    'physical-medicine-rehabilitation': 0.7,
    anesthesiology: 0.6,
    cardiology: 0.5,
    'emergency-medicine': 0.4,
  },
  equipment: {
    'physical-medicine-rehabilitation': 1,
    'occupational-medicine': 0.9,
    'orthopedic-surgery': 0.9,
    'sports-medicine': 0.8,
    'pain-medicine': 0.8,
    podiatry: 0.8,
    'hand-surgery': 0.8,
    'family-medicine': 0.7,
    'internal-medicine': 0.6,
    rheumatology: 0.6,
    'preventive-medicine': 0.6,
    chiropractic: 0.5,
    neurology: 0.5,
  },
  program: {
    'physical-medicine-rehabilitation': 1,
    'pain-medicine': 1,
    'occupational-medicine': 0.9,
    psychology: 0.6,
    anesthesiology: 0.6,
    psychiatry: 0.5,
    'family-medicine': 0.5,
    'orthopedic-surgery': 0.5,
    'sports-medicine': 0.5,
    'internal-medicine': 0.4,
    chiropractic: 0.4,
  },
  consultation: {
    'occupational-medicine': 0.9,
    'family-medicine': 0.9,
    'internal-medicine': 0.9,
    'physical-medicine-rehabilitation': 0.9,
    'pain-medicine': 0.9,
    'orthopedic-surgery': 0.9,
    'hand-surgery': 0.9,
    neurosurgery: 0.9,
    neurology: 0.9,
    psychiatry: 0.9,
    rheumatology: 0.9,
    ophthalmology: 0.9,
    dentistry: 0.9,
    dermatology: 0.9,
    otolaryngology: 0.9,
    cardiology: 0.9,
    pulmonology: 0.9,
    gastroenterology: 0.9,
    urology: 0.9,
    'obstetrics-gynecology': 0.9,
    'infectious-disease': 0.9,
    endocrinology: 0.9,
    psychology: 0.8,
    'sports-medicine': 0.8,
    podiatry: 0.8,
    'general-surgery': 0.8,
    'plastic-surgery': 0.8,
    'preventive-medicine': 0.7,
    anesthesiology: 0.7,
    optometry: 0.7,
    'emergency-medicine': 0.6,
    chiropractic: 0.5,
    acupuncture: 0.4,
    radiology: 0.4,
  },
  laboratory: {
    'occupational-medicine': 0.9,
    'family-medicine': 0.9,
    'internal-medicine': 0.9,
    'pain-medicine': 0.9,
    'physical-medicine-rehabilitation': 0.8,
    'preventive-medicine': 0.8,
    'infectious-disease': 0.8,
    endocrinology: 0.8,
    rheumatology: 0.7,
    cardiology: 0.7,
    gastroenterology: 0.7,
    pulmonology: 0.7,
    anesthesiology: 0.6,
    psychiatry: 0.6,
    'emergency-medicine': 0.6,
  },
  'home-care': {
    'physical-medicine-rehabilitation': 1,
    'internal-medicine': 0.8,
    'family-medicine': 0.8,
    'occupational-medicine': 0.8,
    neurology: 0.6,
    'orthopedic-surgery': 0.5,
    'preventive-medicine': 0.5,
  },
  psychological: {
    psychiatry: 1,
    psychology: 1,
    neurology: 0.4,
    'pain-medicine': 0.4,
    'family-medicine': 0.3,
    'internal-medicine': 0.3,
    'occupational-medicine': 0.3,
    'physical-medicine-rehabilitation': 0.3,
  },
  other: {
    'occupational-medicine': 0.6,
    'family-medicine': 0.6,
    'internal-medicine': 0.6,
    'physical-medicine-rehabilitation': 0.6,
    'preventive-medicine': 0.5,
    'emergency-medicine': 0.5,
    'pain-medicine': 0.5,
  },
};

/** Specialties that treat work injuries anywhere in the musculoskeletal body. */
const GENERALISTS: Weights = {
  'occupational-medicine': 0.9,
  'family-medicine': 0.8,
  'internal-medicine': 0.8,
  'physical-medicine-rehabilitation': 0.8,
  'pain-medicine': 0.8,
  'preventive-medicine': 0.7,
  'emergency-medicine': 0.6,
  anesthesiology: 0.6,
  'sports-medicine': 0.6,
};

/** Fit of each specialty to a body system, 0–1; where `generalists`, absent specialties take GENERALISTS. */
export const BODY_FIT: Record<BodySystem, { readonly fits: Weights; readonly generalists: boolean }> = {
  spine: {
    generalists: true,
    fits: {
      'physical-medicine-rehabilitation': 1,
      'pain-medicine': 1,
      'orthopedic-surgery': 1,
      neurosurgery: 1,
      chiropractic: 1,
      anesthesiology: 0.9,
      neurology: 0.8,
      acupuncture: 0.8,
      radiology: 0.8,
      'sports-medicine': 0.7,
      rheumatology: 0.5,
    },
  },
  'upper-extremity': {
    generalists: true,
    fits: {
      'orthopedic-surgery': 1,
      'sports-medicine': 0.9,
      'physical-medicine-rehabilitation': 0.9,
      radiology: 0.8,
      'hand-surgery': 0.7,
      acupuncture: 0.7,
      'pain-medicine': 0.7,
      rheumatology: 0.6,
      chiropractic: 0.6,
      neurology: 0.5,
      anesthesiology: 0.4,
      'plastic-surgery': 0.3,
    },
  },
  'hand-wrist': {
    generalists: true,
    fits: {
      'hand-surgery': 1,
      'orthopedic-surgery': 1,
      'plastic-surgery': 0.8,
      'physical-medicine-rehabilitation': 0.8,
      radiology: 0.8,
      'sports-medicine': 0.7,
      rheumatology: 0.6,
      neurology: 0.6,
      acupuncture: 0.6,
      'pain-medicine': 0.6,
      chiropractic: 0.4,
    },
  },
  'lower-extremity': {
    generalists: true,
    fits: {
      'orthopedic-surgery': 1,
      'sports-medicine': 0.9,
      'physical-medicine-rehabilitation': 0.9,
      radiology: 0.8,
      acupuncture: 0.7,
      'pain-medicine': 0.7,
      rheumatology: 0.6,
      chiropractic: 0.6,
      neurology: 0.4,
      podiatry: 0.3,
    },
  },
  'foot-ankle': {
    generalists: true,
    fits: {
      podiatry: 1,
      'orthopedic-surgery': 1,
      'sports-medicine': 0.8,
      'physical-medicine-rehabilitation': 0.8,
      radiology: 0.8,
      rheumatology: 0.6,
      'pain-medicine': 0.6,
      acupuncture: 0.6,
      chiropractic: 0.4,
    },
  },
  'head-neurological': {
    generalists: true,
    fits: {
      neurology: 1,
      neurosurgery: 1,
      'physical-medicine-rehabilitation': 0.8,
      'pain-medicine': 0.8,
      radiology: 0.8,
      otolaryngology: 0.6,
      psychiatry: 0.4,
    },
  },
  'mental-health': {
    generalists: false,
    fits: {
      psychiatry: 1,
      psychology: 1,
      'family-medicine': 0.5,
      neurology: 0.4,
      'internal-medicine': 0.4,
      'occupational-medicine': 0.4,
      'pain-medicine': 0.4,
      'physical-medicine-rehabilitation': 0.3,
    },
  },
  'chronic-pain': {
    generalists: true,
    fits: {
      'pain-medicine': 1,
      'physical-medicine-rehabilitation': 1,
      anesthesiology: 0.9,
      'occupational-medicine': 0.9,
      neurology: 0.7,
      rheumatology: 0.7,
      acupuncture: 0.7,
      psychology: 0.6,
      'orthopedic-surgery': 0.6,
      psychiatry: 0.5,
      chiropractic: 0.5,
    },
  },
  eye: {
    generalists: false,
    fits: {
      ophthalmology: 1,
      optometry: 0.9,
      neurology: 0.3,
      'occupational-medicine': 0.3,
      'family-medicine': 0.3,
      'internal-medicine': 0.3,
    },
  },
  dental: { generalists: false, fits: { dentistry: 1, otolaryngology: 0.5, 'plastic-surgery': 0.4 } },
  skin: {
    generalists: false,
    fits: {
      dermatology: 1,
      'plastic-surgery': 0.9,
      'general-surgery': 0.6,
      'occupational-medicine': 0.6,
      'infectious-disease': 0.5,
      'family-medicine': 0.5,
      'internal-medicine': 0.5,
    },
  },
  internal: {
    generalists: false,
    fits: {
      'internal-medicine': 1,
      cardiology: 0.9,
      pulmonology: 0.9,
      gastroenterology: 0.9,
      endocrinology: 0.9,
      'infectious-disease': 0.9,
      'family-medicine': 0.8,
      'occupational-medicine': 0.8,
      urology: 0.8,
      'preventive-medicine': 0.7,
      'obstetrics-gynecology': 0.7,
      'general-surgery': 0.6,
      'emergency-medicine': 0.6,
    },
  },
  other: { generalists: true, fits: {} },
};

/** A specialty at or above this fit counts as "relevant" (knowledgeable; board certification in a relevant area). */
export const RELEVANT_FIT = 0.4;

export interface SpecialtyFit {
  readonly specialty: Specialty;
  readonly via: 'specialty' | 'subspecialty' | 'board-certification';
  /** Fit to the first item's kind of treatment and body system. */
  readonly kindFit: number;
  readonly bodyFit: number;
  /** The fit over the whole case: the mean of its fit to each disputed item. */
  readonly score: number;
  /** Its fit to each disputed item, in item order. */
  readonly perItem: readonly number[];
}

export interface ItemMatch {
  readonly need: ItemNeed;
  /** The reviewer's best specialty for this item and its fit. */
  readonly specialty: Specialty | undefined;
  readonly score: number;
  readonly relevant: boolean;
}

export interface SpecialtyMatch {
  /** The fit over the case, 0–1, two decimals: the mean over the items of the best fit to each. */
  readonly score: number;
  /** Knowledgeable in every disputed item: the best fit to each item reaches RELEVANT_FIT. */
  readonly relevant: boolean;
  /** Every specialty the reviewer holds, best first. */
  readonly fits: readonly SpecialtyFit[];
  /** The best fit to each disputed item, in item order. */
  readonly items: readonly ItemMatch[];
  readonly explanation: string;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function fitParts(specialty: Specialty, kind: TreatmentKind, body: BodySystem): { kindFit: number; bodyFit: number } {
  const bodyTable = BODY_FIT[body];
  return {
    kindFit: KIND_FIT[kind][specialty] ?? 0,
    bodyFit: bodyTable.fits[specialty] ?? (bodyTable.generalists ? (GENERALISTS[specialty] ?? 0) : 0),
  };
}

/** The fit of one specialty to a treatment kind and body system, 0–1. */
export function specialtyFit(specialty: Specialty, kind: TreatmentKind, body: BodySystem): number {
  const { kindFit, bodyFit } = fitParts(specialty, kind, body);
  return round2(kindFit * bodyFit);
}

/** A fit in words, for people: strong, good, adequate, weak. */
export function fitWords(score: number): string {
  if (score >= 0.8) return 'a strong fit';
  if (score >= 0.6) return 'a good fit';
  if (score >= RELEVANT_FIT) return 'an adequate fit';
  return 'not a fit';
}

/**
 * Scores how well the reviewer's specialties, subspecialties and certifications fit the dispute:
 * every disputed item (CaseNeeds.items) is scored, the reviewer must be knowledgeable in each, and
 * the ranking score is the mean of the best fit to each item.
 */
export function specialtyMatch(
  reviewer: Pick<Reviewer, 'specialties' | 'subspecialties' | 'boardCertifications'>,
  need: Pick<CaseNeeds, 'treatmentKind' | 'bodySystem' | 'items'>,
): SpecialtyMatch {
  const needs = itemNeedsOf(need);
  const held: [Specialty, SpecialtyFit['via']][] = [
    ...reviewer.specialties.map((s): [Specialty, SpecialtyFit['via']] => [s, 'specialty']),
    ...reviewer.subspecialties.map((s): [Specialty, SpecialtyFit['via']] => [s, 'subspecialty']),
    ...reviewer.boardCertifications.map((c): [Specialty, SpecialtyFit['via']] => [c.specialty, 'board-certification']),
  ];
  const seen = new Set<Specialty>();
  const fits: SpecialtyFit[] = [];
  const firstNeed = needs[0] as ItemNeed;
  for (const [specialty, via] of held) {
    if (seen.has(specialty)) continue;
    seen.add(specialty);
    const { kindFit, bodyFit } = fitParts(specialty, firstNeed.treatmentKind, firstNeed.bodySystem);
    const perItem = needs.map((n) => specialtyFit(specialty, n.treatmentKind, n.bodySystem));
    const score = round2(perItem.reduce((a, b) => a + b, 0) / perItem.length);
    fits.push({ specialty, via, kindFit, bodyFit, score, perItem });
  }
  fits.sort((a, b) => b.score - a.score || a.specialty.localeCompare(b.specialty));
  const items: ItemMatch[] = needs.map((n, i) => {
    let best: SpecialtyFit | undefined;
    for (const f of fits) if (best === undefined || (f.perItem[i] ?? 0) > (best.perItem[i] ?? 0)) best = f;
    const score = best?.perItem[i] ?? 0;
    return { need: n, specialty: best?.specialty, score, relevant: score >= RELEVANT_FIT };
  });
  const score = round2(items.reduce((a, m) => a + m.score, 0) / items.length);
  const relevant = items.every((m) => m.relevant);
  return { score, relevant, fits, items, explanation: explainMatch(items, fits.length === 0) };
}

function explainMatch(items: readonly ItemMatch[], none: boolean): string {
  if (none) return 'No specialty on record.';
  const parts = items.map((m) =>
    m.specialty === undefined || !m.relevant
      ? `no specialty on record fits ${describeItemNeed(m.need)}`
      : `${SPECIALTY_LABELS[m.specialty]} is ${fitWords(m.score)} for ${describeItemNeed(m.need)}`,
  );
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const SPECIALTY_ALIASES: Readonly<Record<string, Specialty>> = Object.fromEntries(
  (
    [
      ['occupational medicine', 'occupational-medicine'],
      ['occupational and environmental medicine', 'occupational-medicine'],
      ['family medicine', 'family-medicine'],
      ['family practice', 'family-medicine'],
      ['internal medicine', 'internal-medicine'],
      ['preventive medicine', 'preventive-medicine'],
      ['emergency medicine', 'emergency-medicine'],
      ['physical medicine and rehabilitation', 'physical-medicine-rehabilitation'],
      ['physical medicine rehabilitation', 'physical-medicine-rehabilitation'],
      ['pm and r', 'physical-medicine-rehabilitation'],
      ['pmr', 'physical-medicine-rehabilitation'],
      ['physiatry', 'physical-medicine-rehabilitation'],
      ['pain medicine', 'pain-medicine'],
      ['pain management', 'pain-medicine'],
      ['anesthesiology', 'anesthesiology'],
      ['anesthesia', 'anesthesiology'],
      ['sports medicine', 'sports-medicine'],
      ['orthopedic surgery', 'orthopedic-surgery'],
      ['orthopaedic surgery', 'orthopedic-surgery'],
      ['orthopedics', 'orthopedic-surgery'],
      ['orthopaedics', 'orthopedic-surgery'],
      ['hand surgery', 'hand-surgery'],
      ['neurological surgery', 'neurosurgery'],
      ['neurosurgery', 'neurosurgery'],
      ['plastic surgery', 'plastic-surgery'],
      ['plastic and reconstructive surgery', 'plastic-surgery'],
      ['general surgery', 'general-surgery'],
      ['surgery', 'general-surgery'],
      ['neurology', 'neurology'],
      ['psychiatry', 'psychiatry'],
      ['psychiatry and neurology', 'psychiatry'],
      ['psychology', 'psychology'],
      ['clinical psychology', 'psychology'],
      ['psychologist', 'psychology'],
      ['rheumatology', 'rheumatology'],
      ['radiology', 'radiology'],
      ['diagnostic radiology', 'radiology'],
      ['chiropractic', 'chiropractic'],
      ['chiropractor', 'chiropractic'],
      ['chiropractic medicine', 'chiropractic'],
      ['acupuncture', 'acupuncture'],
      ['acupuncturist', 'acupuncture'],
      ['podiatry', 'podiatry'],
      ['podiatrist', 'podiatry'],
      ['podiatric surgery', 'podiatry'],
      ['podiatric medicine', 'podiatry'],
      ['dentistry', 'dentistry'],
      ['dentist', 'dentistry'],
      ['oral and maxillofacial surgery', 'dentistry'],
      ['optometry', 'optometry'],
      ['ophthalmology', 'ophthalmology'],
      ['otolaryngology', 'otolaryngology'],
      ['dermatology', 'dermatology'],
      ['cardiology', 'cardiology'],
      ['cardiovascular disease', 'cardiology'],
      ['pulmonary disease', 'pulmonology'],
      ['pulmonology', 'pulmonology'],
      ['gastroenterology', 'gastroenterology'],
      ['urology', 'urology'],
      ['obstetrics and gynecology', 'obstetrics-gynecology'],
      ['infectious disease', 'infectious-disease'],
      ['endocrinology', 'endocrinology'],
    ] as const
  ).map(([text, specialty]) => [text, specialty]),
);

/** Reads a specialty as letters and registries write it ("Family Practice", "Physical Medicine & Rehabilitation"). */
export function specialtyFromText(text: string): Specialty | undefined {
  return SPECIALTY_ALIASES[foldText(text)];
}
