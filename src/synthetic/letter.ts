import { type Basis, type Citation, Letter, type LetterItem } from '../domain/letter.js';
import { monthName } from '../domain/months.js';
import { inForce, sourceById } from '../guidelines/sources.js';
import { type BasisAuthor, formatBasis } from '../letter/format-basis.js';
import { Rng } from './rng.js';

/**
 * Synthetic Final Determination Letters for tests, benchmarks and demo data. Everything here is
 * invented (vocabulary, clinical sentences, rationales); the guideline names are the public titles
 * only. The same seed always gives the same letter.
 */

// ---------------------------------------------------------------------------------------------
// Dates (day numbers since 1970-01-01, UTC)

const DAY_MS = 86_400_000;
function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** MM/DD/YYYY. */
function usDate(day: number): string {
  const [y, m, d] = isoOf(day).split('-');
  return `${m}/${d}/${y}`;
}

/** A date as clinical notes write it: 03/14/2016, 3-14-16 or March 14, 2016. */
function proseDate(r: Rng, day: number): string {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  const roll = r.float();
  if (roll < 0.4) return `${String(m).padStart(2, '0')}/${String(dd).padStart(2, '0')}/${y}`;
  if (roll < 0.65) return `${m}-${dd}-${String(y % 100).padStart(2, '0')}`;
  return `${monthName(m) ?? 'January'} ${dd}, ${y}`;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const STATES = [
  'California',
  'Arizona',
  'Colorado',
  'Connecticut',
  'Florida',
  'Georgia',
  'Illinois',
  'Maryland',
  'Massachusetts',
  'Michigan',
  'Minnesota',
  'Nevada',
  'New Jersey',
  'New York',
  'North Carolina',
  'Ohio',
  'Oregon',
  'Pennsylvania',
  'Tennessee',
  'Texas',
  'Virginia',
  'Washington',
  'Wisconsin',
];

const SPECIALTIES = [
  'Orthopaedic Surgery',
  'Physical Medicine & Rehabilitation',
  'Internal Medicine',
  'Family Practice',
  'Anesthesiology',
  'Neurology',
  'Psychiatry',
  'Occupational Medicine',
  'Preventive Medicine',
  'Neurological Surgery',
  'Emergency Medicine',
  'Rheumatology',
  'Chiropractic',
  'Psychology',
  'Acupuncture',
];

const SUBSPECIALTIES = [
  'Pain Medicine',
  'Spine Surgery',
  'Sports Medicine',
  'Hand Surgery',
  'Interventional Spine',
  'Addiction Medicine',
];

const OCCUPATIONS = [
  'warehouse worker',
  'delivery driver',
  'registered nurse',
  'carpenter',
  'cashier',
  'custodian',
  'correctional officer',
  'farm laborer',
  'electrician',
  'home health aide',
  'machine operator',
  'bus driver',
  'landscaper',
  'line cook',
  'forklift operator',
];

const MECHANISMS = [
  'lifting a heavy box',
  'a fall from a ladder',
  'repetitive keyboard work',
  'slipping on a wet floor',
  'a motor vehicle collision while on duty',
  'pulling a loaded pallet jack',
  'restraining a combative patient',
  'twisting while carrying lumber',
  'repetitive overhead reaching',
];

const DIAGNOSES = [
  'lumbar disc displacement',
  'lumbar radiculopathy',
  'cervical strain',
  'right shoulder impingement syndrome',
  'left carpal tunnel syndrome',
  'chronic pain syndrome',
  'right knee medial meniscus tear',
  'lateral epicondylitis',
  'myofascial pain',
  'thoracic sprain',
  'post-laminectomy syndrome',
  'depressive disorder secondary to chronic pain',
  'insomnia related to pain',
  'sacroiliac joint dysfunction',
];

const TREATMENTS_TO_DATE = [
  'physical therapy',
  'chiropractic care',
  'acupuncture',
  'a home exercise program',
  'activity modification',
  'oral anti-inflammatory medication',
  'a lumbar epidural steroid injection',
  'topical analgesics',
  'a TENS unit',
  'modified duty',
  'cognitive behavioral therapy',
];

const WORK_STATUS = [
  'temporary total disability',
  'modified duty with no lifting over 15 pounds',
  'full duty',
  'permanent and stationary status with future medical care',
  'modified duty limited to four hours a day',
];

const LEVELS = ['L3-L4', 'L4-L5', 'L5-S1', 'C4-C5', 'C5-C6', 'C6-C7', 'T11-T12'];

type Region = 'lowback' | 'neck' | 'shoulder' | 'knee' | 'hand' | 'elbow' | 'ankle';

interface BodyPart {
  readonly name: string;
  readonly region: Region;
}

const BODY_PARTS: readonly BodyPart[] = [
  { name: 'lumbar spine', region: 'lowback' },
  { name: 'cervical spine', region: 'neck' },
  { name: 'thoracic spine', region: 'lowback' },
  { name: 'right shoulder', region: 'shoulder' },
  { name: 'left shoulder', region: 'shoulder' },
  { name: 'right knee', region: 'knee' },
  { name: 'left knee', region: 'knee' },
  { name: 'right wrist', region: 'hand' },
  { name: 'left wrist', region: 'hand' },
  { name: 'right elbow', region: 'elbow' },
  { name: 'left ankle', region: 'ankle' },
];

/** A guideline a citation can point at: MTUS with section names and a page range, or a Non-MTUS text. */
interface GuideSource {
  readonly text: string;
  readonly sections?: readonly string[];
  readonly pages?: readonly [number, number];
}

/** The families cite the Chronic Pain guidelines by this name; `dated` puts in the edition in force. */
const CPMTG = 'Chronic Pain Medical Treatment Guidelines';
const OPIOID_GUIDELINES = 'Opioid Treatment Guidelines';

/** The edition of an MTUS source in force on a day (src/guidelines/sources.json), or undefined. */
function editionYear(sourceId: string, iso: string): number | undefined {
  const source = sourceById(sourceId);
  return source?.editions.find((e) => inForce(e, iso))?.year;
}

/**
 * A request's MTUS sources as a letter decided on `iso` cites them: the Chronic Pain guidelines of the
 * edition in force (2009 until 28 July 2016, then 2016), and the Opioids guidelines only from their
 * effective date — no 2015 letter cites a 2016 guideline.
 */
function dated(draft: RequestDraft, iso: string): RequestDraft {
  const chronic = editionYear('mtus-chronic-pain', iso);
  const opioids = editionYear('mtus-opioids', iso);
  const mtus = draft.mtus.flatMap((g): GuideSource[] => {
    if (g.text === CPMTG) return chronic === undefined ? [] : [{ ...g, text: `${CPMTG} ${chronic}` }];
    if (g.text === OPIOID_GUIDELINES)
      return opioids === undefined ? [] : [{ ...g, text: `${OPIOID_GUIDELINES} ${opioids}` }];
    return [g];
  });
  return { ...draft, mtus };
}

const REGION_MTUS: Readonly<Record<Region, GuideSource>> = {
  lowback: {
    text: 'Low Back Complaints 2004',
    sections: ['Special Studies', 'Physical Methods', 'Surgical Considerations', 'Initial Care'],
    pages: [298, 310],
  },
  neck: {
    text: 'Neck and Upper Back Complaints 2004',
    sections: ['Special Studies', 'Initial Care', 'Surgical Considerations'],
    pages: [174, 186],
  },
  shoulder: {
    text: 'Shoulder Complaints 2004',
    sections: ['Special Studies', 'Initial Care', 'Surgical Considerations'],
    pages: [204, 214],
  },
  knee: { text: 'Knee Complaints 2004', sections: ['Special Studies', 'Surgical Considerations'], pages: [338, 347] },
  hand: {
    text: 'Forearm, Wrist and Hand Complaints 2004',
    sections: ['Special Studies', 'Diagnostic Criteria', 'Surgical Considerations'],
    pages: [268, 273],
  },
  elbow: { text: 'Elbow Disorders 2007', sections: ['Diagnostic Criteria', 'Initial Care'], pages: [17, 42] },
  ankle: { text: 'Ankle and Foot Complaints 2004', sections: ['Special Studies', 'Initial Care'], pages: [370, 376] },
};

const REGION_ODG: Readonly<Record<Region, string>> = {
  lowback: 'Official Disability Guidelines (ODG), Low Back chapter',
  neck: 'Official Disability Guidelines (ODG), Neck and Upper Back chapter',
  shoulder: 'Official Disability Guidelines (ODG), Shoulder chapter',
  knee: 'Official Disability Guidelines (ODG), Knee & Leg chapter',
  hand: 'Official Disability Guidelines (ODG), Forearm, Wrist & Hand chapter',
  elbow: 'Official Disability Guidelines (ODG), Elbow chapter',
  ankle: 'Official Disability Guidelines (ODG), Ankle & Foot chapter',
};

// ---------------------------------------------------------------------------------------------
// Requests

type Kind = 'drug' | 'therapy' | 'diagnostic' | 'procedure' | 'device' | 'service';

interface RequestDraft {
  readonly kind: Kind;
  readonly request: string;
  /** Short noun for rationales ("opioid therapy", "imaging"). */
  readonly noun: string;
  readonly mtus: readonly GuideSource[];
  readonly nonMtus: readonly string[];
  /** Guideline position in our own words, one or two sentences. */
  readonly position: readonly string[];
  /** The modified-UR variant, when the request has a countable quantity. */
  readonly modified?: { readonly original: string; readonly authorized: string; readonly remaining: string };
}

interface Ctx {
  readonly r: Rng;
  /** The day of the UR decision (day number), for dates of service in requests. */
  readonly urDay: number;
}

type Family = (ctx: Ctx) => RequestDraft;

const opioid: Family = ({ r }) => {
  const name = r.pick(['Norco 10/325mg', 'Norco 5/325mg', 'Oxycodone 10mg', 'Tramadol ER 150mg', 'Tapentadol 50mg']);
  const qty = r.pick([30, 60, 90, 120]);
  const refills = r.chance(0.2) ? ` with ${r.int(1, 3)} refills` : '';
  const half = qty / 2;
  return {
    kind: 'drug',
    request: `${name} #${qty}${refills}`,
    noun: 'opioid therapy',
    mtus: [
      {
        text: CPMTG,
        sections: ['Opioids, criteria for use', 'Opioids for chronic pain', 'Opioids, long-term assessment'],
        pages: [74, 96],
      },
      { text: OPIOID_GUIDELINES, sections: ['Chronic opioid treatment: maintenance'] },
    ],
    nonMtus: ['Official Disability Guidelines (ODG), Pain (Chronic) chapter, Opioids'],
    position: [
      'Ongoing opioid therapy is supported only when each visit documents a meaningful gain in function, a reduction in pain and monitoring for misuse.',
      'The guidelines advise a taper when function does not improve despite continued use.',
    ],
    modified: { original: `${name} #${qty}`, authorized: `${name} #${half}`, remaining: `${name} #${half}` },
  };
};

const oralDrug: Family = ({ r }) => {
  const d = r.pick([
    {
      name: 'Cyclobenzaprine 7.5mg',
      noun: 'a muscle relaxant',
      section: 'Muscle relaxants (for pain)',
      pages: [63, 66] as const,
    },
    {
      name: 'Tizanidine 4mg',
      noun: 'a muscle relaxant',
      section: 'Muscle relaxants (for pain)',
      pages: [63, 66] as const,
    },
    {
      name: 'Methocarbamol 750mg',
      noun: 'a muscle relaxant',
      section: 'Muscle relaxants (for pain)',
      pages: [63, 66] as const,
    },
    {
      name: 'Naproxen sodium 550mg',
      noun: 'an anti-inflammatory',
      section: 'NSAIDs (non-steroidal anti-inflammatory drugs)',
      pages: [67, 73] as const,
    },
    {
      name: 'Meloxicam 15mg',
      noun: 'an anti-inflammatory',
      section: 'NSAIDs (non-steroidal anti-inflammatory drugs)',
      pages: [67, 73] as const,
    },
    {
      name: 'Omeprazole 20mg',
      noun: 'a proton pump inhibitor',
      section: 'NSAIDs, GI symptoms & cardiovascular risk',
      pages: [68, 69] as const,
    },
    {
      name: 'Pantoprazole 40mg',
      noun: 'a proton pump inhibitor',
      section: 'NSAIDs, GI symptoms & cardiovascular risk',
      pages: [68, 69] as const,
    },
    {
      name: 'Gabapentin 600mg',
      noun: 'an anticonvulsant',
      section: 'Antiepilepsy drugs (AEDs)',
      pages: [16, 22] as const,
    },
    {
      name: 'Duloxetine 60mg',
      noun: 'an antidepressant',
      section: 'Antidepressants for chronic pain',
      pages: [13, 16] as const,
    },
  ]);
  const qty = r.pick([30, 60, 90]);
  const refills = r.chance(0.25) ? ` with ${r.int(1, 3)} refills` : '';
  return {
    kind: 'drug',
    request: `${d.name} #${qty}${refills}`,
    noun: d.noun,
    mtus: [{ text: CPMTG, sections: [d.section], pages: d.pages }],
    nonMtus: ['Official Disability Guidelines (ODG), Pain (Chronic) chapter'],
    position: [
      `The guidelines accept ${d.noun} when the indication is documented and the benefit is reassessed at follow-up.`,
      'Long-term use without a documented response is not supported.',
    ],
    modified: {
      original: `${d.name} #${qty}`,
      authorized: `${d.name} #${qty / 2}`,
      remaining: `${d.name} #${qty / 2}`,
    },
  };
};

const sleepAid: Family = ({ r }) => {
  const name = r.pick(['Zolpidem 10mg', 'Eszopiclone 2mg', 'Temazepam 15mg']);
  return {
    kind: 'drug',
    request: `${name} #${r.pick([15, 30])}`,
    noun: 'a sedative hypnotic',
    mtus: [],
    nonMtus: ['Official Disability Guidelines (ODG), Pain (Chronic) chapter, Insomnia treatment'],
    position: [
      'Sedative hypnotics are suggested for short courses of two to six weeks after sleep hygiene has been addressed.',
    ],
  };
};

const topical: Family = ({ r }) => {
  const name = r.pick([
    'Lidocaine 5% patch #30',
    'Diclofenac 1% gel 100g',
    'Ketoprofen 20% cream 120g',
    'Compounded cream (flurbiprofen 20%/lidocaine 5%) 180g',
    'Capsaicin 0.075% cream 60g',
  ]);
  const refills = r.chance(0.35) ? ` with ${r.int(1, 3)} refills` : '';
  return {
    kind: 'drug',
    request: `${name}${refills}`,
    noun: 'a topical analgesic',
    mtus: [{ text: CPMTG, sections: ['Topical analgesics', 'Lidoderm (lidocaine patch)'], pages: [111, 113] }],
    nonMtus: ['Official Disability Guidelines (ODG), Pain (Chronic) chapter, Topical analgesics'],
    position: [
      'Topical analgesics are considered largely experimental and are reserved for neuropathic pain after first-line oral agents have failed.',
      'A compounded product with any ingredient that is not recommended is itself not recommended.',
    ],
  };
};

const therapy: Family = ({ r }) => {
  const part = r.pick(BODY_PARTS);
  const kind = r.pick([
    { name: 'Physical therapy', section: 'Physical medicine', pages: [98, 99] as const, text: CPMTG },
    { name: 'Aquatic therapy', section: 'Aquatic therapy', pages: [22, 22] as const, text: CPMTG },
    { name: 'Chiropractic treatment', section: 'Manual therapy & manipulation', pages: [58, 60] as const, text: CPMTG },
    {
      name: 'Acupuncture',
      section: 'Acupuncture frequency and duration',
      pages: [8, 9] as const,
      text: 'Acupuncture Medical Treatment Guidelines 2007',
    },
    { name: 'Occupational therapy', section: 'Physical medicine', pages: [98, 99] as const, text: CPMTG },
  ]);
  const sessions = r.pick([8, 12, 18]);
  const form = r.int(0, 2);
  const request =
    form === 0
      ? `${kind.name} ${r.pick(['2x6', '3x4', '2x4', '1x6'])} for the ${part.name}`
      : form === 1
        ? `${kind.name} for the ${part.name}, ${sessions} sessions`
        : `${kind.name} twice weekly for six weeks for the ${part.name}`;
  const authorized = sessions / 2;
  return {
    kind: 'therapy',
    request,
    noun: kind.name.toLowerCase(),
    mtus: [{ text: kind.text, sections: [kind.section], pages: kind.pages }, REGION_MTUS[part.region]],
    nonMtus: ['Official Disability Guidelines (ODG), Physical Medicine Guidelines', REGION_ODG[part.region]],
    position: [
      'The guidelines allow a short trial of supervised visits followed by a home program, with further visits only when the trial produced objective functional gains.',
      'For myalgia and neuritis the recommended course is nine to ten visits over eight weeks.',
    ],
    modified: {
      original: `${kind.name} for the ${part.name}, ${sessions} sessions`,
      authorized: `${kind.name} for the ${part.name}, ${authorized} sessions`,
      remaining: `${kind.name} for the ${part.name}, ${sessions - authorized} sessions`,
    },
  };
};

const imaging: Family = ({ r }) => {
  const part = r.pick(BODY_PARTS);
  const study = r.pick([
    `MRI of the ${part.name} without contrast`,
    `MRI of the ${part.name} with and without contrast`,
    `CT scan of the ${part.name}`,
    `X-ray of the ${part.name}, 3 views`,
    `Repeat MRI of the ${part.name}`,
  ]);
  return {
    kind: 'diagnostic',
    request: study,
    noun: 'imaging',
    mtus: [REGION_MTUS[part.region]],
    nonMtus: [`${REGION_ODG[part.region]}, Indications for imaging`],
    position: [
      'Advanced imaging is reserved for red flag findings, clear signs of nerve compromise on examination, or planning of a procedure the patient is willing to undergo.',
      'Repeat imaging needs a significant change in symptoms or findings.',
    ],
  };
};

const electro: Family = ({ r }) => {
  const limb = r.pick([
    'bilateral lower extremities',
    'bilateral upper extremities',
    'right upper extremity',
    'left lower extremity',
  ]);
  const region: Region = limb.includes('lower') ? 'lowback' : 'neck';
  return {
    kind: 'diagnostic',
    request: `${r.pick(['EMG/NCV', 'Electromyography and nerve conduction studies', 'NCS'])} of the ${limb}`,
    noun: 'electrodiagnostic testing',
    mtus: [REGION_MTUS[region]],
    nonMtus: [`${REGION_ODG[region]}, Electrodiagnostic studies`],
    position: [
      'Electrodiagnostic testing can help identify subtle focal neurologic dysfunction when symptoms have lasted longer than three to four weeks.',
      'It is not needed when radiculopathy is already clinically obvious.',
    ],
  };
};

const injection: Family = ({ r }) => {
  const level = r.pick(LEVELS.filter((l) => l.startsWith('L')));
  const cLevel = r.pick(LEVELS.filter((l) => l.startsWith('C')));
  const d = r.pick([
    {
      request: `Lumbar epidural steroid injection at ${level}`,
      region: 'lowback' as Region,
      section: 'Epidural steroid injections (ESIs)',
    },
    {
      request: `Right ${level} transforaminal epidural steroid injection`,
      region: 'lowback' as Region,
      section: 'Epidural steroid injections (ESIs)',
    },
    {
      request: `Bilateral ${level} medial branch blocks`,
      region: 'lowback' as Region,
      section: 'Facet joint injections',
    },
    {
      request: `Cervical epidural steroid injection at ${cLevel}`,
      region: 'neck' as Region,
      section: 'Epidural steroid injections (ESIs)',
    },
    {
      request: 'Right shoulder subacromial corticosteroid injection',
      region: 'shoulder' as Region,
      section: 'Injections',
    },
    { request: 'Left knee hyaluronic acid injection series of 3', region: 'knee' as Region, section: 'Injections' },
  ]);
  return {
    kind: 'procedure',
    request: d.request,
    noun: 'the injection',
    mtus: [{ text: CPMTG, sections: [d.section], pages: [46, 46] }, REGION_MTUS[d.region]],
    nonMtus: [`${REGION_ODG[d.region]}, ${d.section}`],
    position: [
      'Injections are supported when radicular findings on examination are confirmed by imaging or electrodiagnostic testing and conservative care has failed.',
      'A repeat block needs at least half relief lasting six to eight weeks after the prior one.',
    ],
  };
};

const surgery: Family = ({ r }) => {
  const d = r.pick([
    { request: 'Right shoulder arthroscopy with subacromial decompression', region: 'shoulder' as Region },
    { request: 'Left carpal tunnel release', region: 'hand' as Region },
    { request: `Anterior cervical discectomy and fusion at ${r.pick(['C5-C6', 'C6-C7'])}`, region: 'neck' as Region },
    { request: 'Right knee arthroscopic partial medial meniscectomy', region: 'knee' as Region },
    { request: `${r.pick(['L4-L5', 'L5-S1'])} microdiscectomy`, region: 'lowback' as Region },
    { request: 'Preoperative medical clearance with EKG and chest X-ray', region: 'lowback' as Region },
  ]);
  const mtus = REGION_MTUS[d.region];
  return {
    kind: 'procedure',
    request: d.request,
    noun: 'surgery',
    mtus: [{ text: mtus.text, sections: ['Surgical Considerations'], ...(mtus.pages ? { pages: mtus.pages } : {}) }],
    nonMtus: [`${REGION_ODG[d.region]}, Indications for surgery`],
    position: [
      'Surgical referral is indicated when activity limitation persists for more than a month, conservative care has failed and imaging shows a lesion that surgery is known to help.',
    ],
  };
};

const equipment: Family = ({ r }) => {
  const d = r.pick([
    {
      request: 'TENS unit, 30-day trial',
      section: 'TENS, chronic pain (transcutaneous electrical nerve stimulation)',
      pages: [114, 116] as const,
    },
    {
      request: 'Interferential stimulator unit, purchase',
      section: 'Interferential current stimulation (ICS)',
      pages: [118, 120] as const,
    },
    { request: 'Lumbar support brace', section: 'Lumbar supports', pages: [301, 301] as const },
    { request: 'Cold therapy unit, 7-day rental', section: 'Continuous-flow cryotherapy', pages: [203, 203] as const },
    { request: 'Home cervical traction unit', section: 'Traction', pages: [173, 174] as const },
  ]);
  return {
    kind: 'device',
    request: d.request,
    noun: 'the device',
    mtus: [{ text: CPMTG, sections: [d.section], pages: d.pages }],
    nonMtus: ['Official Disability Guidelines (ODG), Durable medical equipment (DME)'],
    position: [
      'Devices are supported only as an adjunct to an active program of functional restoration and after a documented trial shows benefit.',
    ],
  };
};

const program: Family = ({ r, urDay }) => {
  const d = r.pick([
    {
      request: 'Functional restoration program, 80 hours',
      section: 'Chronic pain programs (functional restoration programs)',
      pages: [30, 34] as const,
      noun: 'the program',
    },
    {
      request: 'Cognitive behavioral therapy, 6 sessions',
      section: 'Behavioral interventions',
      pages: [23, 23] as const,
      noun: 'psychotherapy',
    },
    { request: 'Urine drug screen', section: 'Drug testing', pages: [43, 43] as const, noun: 'drug testing' },
    {
      request: `Retrospective urine toxicology screen (DOS ${usDate(urDay - r.int(7, 60))})`,
      section: 'Drug testing',
      pages: [43, 43] as const,
      noun: 'drug testing',
    },
    {
      request: 'Psychological evaluation',
      section: 'Psychological evaluations',
      pages: [100, 101] as const,
      noun: 'the evaluation',
    },
    {
      request: 'Home health care 4 hours a day for 2 weeks',
      section: 'Home health services',
      pages: [51, 51] as const,
      noun: 'home health care',
    },
  ]);
  return {
    kind: 'service',
    request: d.request,
    noun: d.noun,
    mtus: [{ text: CPMTG, sections: [d.section], pages: d.pages }],
    nonMtus: ['Official Disability Guidelines (ODG), Pain (Chronic) chapter'],
    position: [
      `The guidelines support ${d.noun} when the records show a specific indication and a plan to measure its effect.`,
    ],
  };
};

const consult: Family = ({ r }) => ({
  kind: 'service',
  request: r.pick([
    'Follow-up visit with pain management',
    'Orthopedic spine surgery consultation',
    'Referral to a hand surgeon',
    'Neurology consultation',
  ]),
  noun: 'the consultation',
  mtus: [
    {
      text: 'General Approaches 2004',
      sections: ['Independent Medical Examinations and Consultations'],
      pages: [127, 127],
    },
  ],
  nonMtus: ['Official Disability Guidelines (ODG), Pain (Chronic) chapter, Office visits'],
  position: [
    'A referral is appropriate when the diagnosis is uncertain or complex, or when the plan would benefit from additional expertise.',
  ],
});

/** Families weighted roughly as requests occur in published decisions. */
const FAMILIES: readonly Family[] = [
  opioid,
  opioid,
  oralDrug,
  oralDrug,
  oralDrug,
  sleepAid,
  topical,
  topical,
  therapy,
  therapy,
  therapy,
  imaging,
  imaging,
  electro,
  injection,
  injection,
  surgery,
  equipment,
  program,
  consult,
];
const MODIFIABLE: readonly Family[] = [opioid, oralDrug, therapy];

// ---------------------------------------------------------------------------------------------
// Bases

function pageList(r: Rng, range: readonly [number, number]): number[] {
  const first = r.int(range[0], range[1]);
  return r.chance(0.35) && first < range[1] ? [first, first + 1] : [first];
}

function mtusCitation(r: Rng, g: GuideSource, author: BasisAuthor): Citation {
  const roll = r.float();
  const sections = g.sections !== undefined && g.sections.length > 0 ? g.sections : undefined;
  // Reviewers cite pages more often than claims administrators.
  if (g.pages !== undefined && roll < (author === 'reviewer' ? 0.35 : 0.15)) {
    return { source: 'MTUS', text: g.text, pages: pageList(r, g.pages) };
  }
  if (sections !== undefined && roll < 0.8) {
    return { source: 'MTUS', text: g.text, sections: r.sample(sections, r.chance(0.2) ? 2 : 1).join(', ') };
  }
  return { source: 'MTUS', text: g.text };
}

function makeBasis(r: Rng, draft: RequestDraft, author: BasisAuthor): Basis {
  const roll = r.float();
  const none = author === 'claims-administrator' ? 0.12 : 0.05;
  const onlyOutside = draft.mtus.length === 0 || roll < none + (author === 'claims-administrator' ? 0.18 : 0.12);
  let citations: Citation[];
  let usedMtus: boolean;
  if (roll < none) {
    citations = [];
    usedMtus = false;
  } else if (onlyOutside) {
    citations = [{ source: 'Non-MTUS', text: r.pick(draft.nonMtus) }];
    usedMtus = false;
  } else {
    const n = draft.mtus.length > 1 && r.chance(0.3) ? 2 : 1;
    citations = r.sample(draft.mtus, n).map((g) => mtusCitation(r, g, author));
    if (r.chance(0.3)) citations.push({ source: 'Non-MTUS', text: r.pick(draft.nonMtus) });
    usedMtus = true;
  }
  const basis: Basis = { usedMtus, citations, raw: '' };
  return { ...basis, raw: formatBasis(basis, author) };
}

// ---------------------------------------------------------------------------------------------
// Prose

interface Story {
  readonly age: number;
  readonly sex: 'male' | 'female';
  readonly injuryDay: number;
  readonly urDay: number;
  readonly occupation: string;
  readonly diagnoses: readonly string[];
  readonly part: BodyPart;
  readonly level: string;
}

function between(r: Rng, from: number, to: number): number {
  return to <= from ? from : r.int(from, to);
}

/** "a", "a and b", "a, b and c". */
function listText(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1] ?? ''}`;
}

function summarySentences(r: Rng, s: Story, requests: readonly string[]): string[] {
  const pron = s.sex === 'male' ? 'He' : 'She';
  const poss = s.sex === 'male' ? 'his' : 'her';
  const visit = () => proseDate(r, between(r, s.injuryDay + 20, s.urDay - 3));
  const pain = () => r.int(3, 9);
  const first = r.pick([
    `The injured worker is a ${s.age} year old ${s.sex} ${s.occupation} who was injured at work on ${proseDate(r, s.injuryDay)} after ${r.pick(MECHANISMS)}.`,
    `This ${s.age}-year-old ${s.sex} reported an industrial injury on ${proseDate(r, s.injuryDay)} while working as a ${s.occupation}.`,
    `The patient is a ${s.age} year old ${s.sex} with a date of injury of ${proseDate(r, s.injuryDay)}.`,
  ]);
  const middle = [
    `Diagnoses include ${listText(s.diagnoses)}.`,
    `On ${visit()}, ${pron.toLowerCase()} reported ${s.part.name} pain rated ${pain()}/10, worse with prolonged sitting and bending.`,
    `Pain was rated ${pain()} out of 10 with medication and ${Math.min(10, pain() + 2)} out of 10 without medication at the visit of ${visit()}.`,
    `Current medications include ${r.pick(['Norco 10/325mg', 'Tramadol 50mg', 'Naproxen 550mg'])} ${r.pick(['twice daily', 'every 6 hours as needed', 'three times a day'])} and ${r.pick(['Gabapentin 300mg at bedtime', 'Omeprazole 20mg daily', 'Cyclobenzaprine 7.5mg at night'])}.`,
    `An MRI dated ${visit()} showed a ${r.int(2, 6)} mm disc protrusion at ${s.level} with ${r.pick(['mild', 'moderate'])} foraminal narrowing.`,
    `Examination showed tenderness over the ${s.part.name}, range of motion limited to ${r.int(30, 140)} degrees and ${r.pick(['a positive straight leg raise on the right', 'intact sensation', 'diminished sensation in the L5 dermatome', 'a positive Tinel sign at the wrist', 'a positive Hawkins test'])}.`,
    `Treatment to date has included ${r.sample(TREATMENTS_TO_DATE, 3).join(', ')} and ${r.pick(TREATMENTS_TO_DATE)}.`,
    `${pron} remains on ${r.pick(WORK_STATUS)}.`,
    `A urine drug screen collected on ${visit()} was ${r.pick(['consistent', 'inconsistent'])} with the prescribed medications.`,
    `${pron} stated that ${poss} ability to walk and do household chores had ${r.pick(['improved slightly', 'not changed', 'declined'])} since the last visit.`,
    `The treating physician noted pre- and post-injury differences in ${poss} tolerance for standing.`,
    `Electrodiagnostic testing on ${visit()} was read as ${r.pick(['normal', 'showing mild median neuropathy at the wrist', 'showing chronic L5 radiculopathy'])}.`,
  ];
  const n = r.int(1, 8);
  const out = [first, ...r.sample(middle, n)];
  out.push(`Utilization review on ${proseDate(r, s.urDay)} non-certified ${listText(requests)}.`);
  return out;
}

function rationaleSentences(r: Rng, s: Story, draft: RequestDraft, request: string, upheld: boolean): string[] {
  const poss = s.sex === 'male' ? 'his' : 'her';
  const date = () => proseDate(r, between(r, s.injuryDay + 20, s.urDay - 1));
  const against: Record<Kind, string[]> = {
    drug: [
      'There is no documentation of a recent urine drug screen or a review of the state prescription database.',
      'The notes do not record the dose taken, side effects or how long the relief lasts.',
      'The quantity requested exceeds what the guidelines allow without a reassessment.',
      'The medication has been prescribed for far longer than the short course the guidelines describe.',
    ],
    therapy: [
      `The patient has already completed ${r.int(8, 24)} visits of supervised care without documented objective gains.`,
      'The request exceeds the number of visits the guidelines allow for this condition.',
      `The records do not explain why ${poss} symptoms have not responded to a home program.`,
    ],
    diagnostic: [
      'The examination does not show focal neurologic deficits that would change management.',
      'No red flag condition is described and no procedure is planned based on the result.',
      `A prior study from ${date()} already covers the same region and nothing has changed since.`,
    ],
    procedure: [
      'There is no documented trial and failure of conservative care for at least six weeks.',
      `The examination and imaging findings do not correlate at ${s.level}.`,
      'The response to the previous procedure is not quantified.',
    ],
    device: [
      'No trial period or measurable functional goals are documented.',
      'The device is not part of an active program of functional restoration.',
    ],
    service: [
      'The records do not describe how the result would change the treatment plan.',
      'The indication for the request is not stated in the progress notes.',
    ],
  };
  const favor: Record<Kind, string[]> = {
    drug: [
      `The treating physician documented a ${r.int(30, 60)}% reduction in pain and better tolerance for walking with ${draft.noun}.`,
      'A signed treatment agreement and consistent drug screens are on file.',
      'The quantity requested allows reassessment at the next visit.',
    ],
    therapy: [
      'The patient has not had supervised therapy for this body part in the past year.',
      'The request fits within the number of visits the guidelines allow.',
    ],
    diagnostic: [
      `Progressive weakness and new numbness were documented on ${date()}.`,
      'Surgery is being considered and the result will guide the plan.',
    ],
    procedure: [
      `Conservative care including ${r.pick(TREATMENTS_TO_DATE)} has failed over more than six weeks.`,
      `Imaging from ${date()} shows findings at ${s.level} that match the examination.`,
    ],
    device: ['A one-month trial produced documented gains in sitting and walking tolerance.'],
    service: ['The treating physician explained how the result would guide further care.'],
  };
  const position = draft.position.slice(0, r.int(1, draft.position.length));
  const pool = (upheld ? against : favor)[draft.kind];
  const facts = r.sample(pool, r.int(0, Math.min(pool.length, 5 - position.length)));
  const conclusion = upheld
    ? r.pick([
        `Therefore, the request for ${request} is not medically necessary.`,
        `Given the above, ${request} is not medically necessary at this time.`,
      ])
    : r.pick([
        `Therefore, the request for ${request} is medically necessary.`,
        `Given these findings, ${request} is medically necessary and appropriate.`,
      ]);
  return [...position, ...facts, conclusion];
}

// ---------------------------------------------------------------------------------------------

/** What a synthetic letter tells of the worker, for records written to go with it (records.ts). */
export interface SyntheticStory {
  readonly age: number;
  readonly sex: 'male' | 'female';
  readonly injuryDate: string;
  readonly urDate: string;
  readonly occupation: string;
  readonly diagnoses: readonly string[];
  readonly bodyPart: string;
  readonly level: string;
}

export interface SyntheticLetterOptions {
  /**
   * The day of the UR decision, for a letter made to go with a case of today (the demo): its summary's
   * visit, injury and UR dates then fall around that day instead of 2015–2017.
   */
  readonly urDecisionDate?: string;
}

/** A realistic random letter, entirely invented; deterministic in `seed`; always valid `Letter`. */
export function syntheticLetter(seed: number): Letter {
  return syntheticLetterWithStory(seed).letter;
}

/** The letter and the story behind it (age, sex, dates, diagnoses), so records can agree with it. */
export function syntheticLetterWithStory(
  seed: number,
  options: SyntheticLetterOptions = {},
): { letter: Letter; story: SyntheticStory } {
  const r = new Rng(seed);

  // Decided between 2015 and November 2017, while the MTUS editions sources.json encodes were in force.
  let assignedDay = dayOf('2015-01-01') + r.int(0, dayOf('2017-10-20') - dayOf('2015-01-01'));
  // Expedited review is rare (every sampled 2016 letter was standard) and decided within days.
  const expedited = r.chance(0.02);
  let decisionDay = assignedDay + (expedited ? r.int(1, 3) : r.int(14, 39));
  let receivedDay = assignedDay - r.int(0, 20);
  let urDay = receivedDay - r.int(0, 30);
  if (options.urDecisionDate !== undefined) {
    const shift = dayOf(options.urDecisionDate) - urDay;
    assignedDay += shift;
    decisionDay += shift;
    receivedDay += shift;
    urDay += shift;
  }
  const injuryDay = urDay - r.int(30, 3650);
  const year = new Date(assignedDay * DAY_MS).getUTCFullYear();

  const licensure = r.chance(0.6)
    ? ['California', ...r.sample(STATES.slice(1), r.int(0, 3))]
    : r.sample(STATES, r.int(1, 4));
  const reviewer = {
    licensure,
    specialties: r.sample(SPECIALTIES, r.pick([1, 1, 2, 2, 3])),
    subspecialties: r.chance(0.2) ? r.sample(SUBSPECIALTIES, r.chance(0.15) ? 2 : 1) : [],
  };

  const story: Story = {
    age: r.int(20, 75),
    sex: r.chance(0.55) ? 'male' : 'female',
    injuryDay,
    urDay,
    occupation: r.pick(OCCUPATIONS),
    diagnoses: r.sample(DIAGNOSES, r.int(1, 4)),
    part: r.pick(BODY_PARTS),
    level: r.pick(LEVELS),
  };

  const nItems = r.pick([1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6]);
  const items: LetterItem[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; items.length < nItems && attempt < 50; attempt++) {
    const modify = r.chance(1 / 6);
    const draft = dated(r.pick(modify ? MODIFIABLE : FAMILIES)({ r, urDay }), isoOf(decisionDay));
    const mod = modify ? draft.modified : undefined;
    const request = mod?.remaining ?? draft.request;
    if (seen.has(request.toLowerCase())) continue;
    seen.add(request.toLowerCase());
    const decision = r.chance(0.85) ? 'Upheld' : 'Overturned';
    items.push({
      request,
      ...(mod ? { originalRequest: mod.original, authorizedPortion: mod.authorized } : {}),
      decision,
      claimsAdministratorBasis: makeBasis(r, draft, 'claims-administrator'),
      reviewerBasis: makeBasis(r, draft, 'reviewer'),
      rationale: rationaleSentences(r, story, draft, request, decision === 'Upheld').join(' '),
    });
  }

  const requests = items.map((i) => i.originalRequest ?? i.request);
  const letter: Letter = {
    case: {
      caseNumber: `CM${String(year % 100).padStart(2, '0')}-${String(r.int(0, 9_999_999)).padStart(7, '0')}`,
      dateAssigned: isoOf(assignedDay),
      decisionDate: isoOf(decisionDay),
      urDenialDate: isoOf(urDay),
      priority: expedited ? 'Expedited' : 'Standard',
      applicationReceived: isoOf(receivedDay),
    },
    reviewer,
    patient: { age: story.age, sex: story.sex, injuryDate: isoOf(injuryDay) },
    clinicalSummary: summarySentences(r, story, requests).join(' '),
    items,
  };
  return {
    letter: Letter.parse(letter),
    story: {
      age: story.age,
      sex: story.sex,
      injuryDate: isoOf(injuryDay),
      urDate: isoOf(urDay),
      occupation: story.occupation,
      diagnoses: story.diagnoses,
      bodyPart: story.part.name,
      level: story.level,
    },
  };
}
