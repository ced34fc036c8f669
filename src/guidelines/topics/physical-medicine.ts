import type { Criterion, Topic } from '../schema.js';
import {
  chronicPain,
  common,
  crit,
  flag,
  LETTERS,
  letters,
  mentions,
  num,
  odg,
  present,
  RECALLED,
  recalled,
  region,
  topic,
  uncertain,
} from './build.js';

/** Physical medicine: therapy visits, manipulation, acupuncture, massage and the passive modalities. */

const PT_WORDS = [
  'physical therapy',
  'occupational therapy',
  'therapy',
  'physiotherapy',
  'therapeutic exercise',
  'rehab',
];
const PT_KEYWORDS = [
  'physical therap',
  'occupational therap',
  'physiotherapy',
  'pt',
  'ot',
  'therapeutic exercise',
  'rehabilitation',
  'physical medicine',
];
const MANIPULATION_WORDS = ['chiropractic', 'manipulation', 'manual therapy', 'chiro'];

const visitsWithinCourse = (max: number, what: string): Criterion =>
  crit(
    'visits-within-guideline',
    `Visits already done plus those requested stay within the guideline's course for ${what} (about ${max})`,
    { allOf: [num('sessionsWithPrior', { max })] },
  );

const STATUTORY_CAP = {
  measure: 'visits' as const,
  max: 24,
  stage: 'total' as const,
  applies:
    'Labor Code 4604.5(c): per discipline per industrial injury (injuries from 2004), unless the employer agrees in writing; postsurgical visits excluded',
};

const chronicPainPhysicalMedicine: Topic[] = [
  ...chronicPain({
    key: 'physical-medicine',
    title: 'Physical medicine (physical and occupational therapy)',
    area: 'physical-medicine',
    appliesTo: { kinds: ['therapy'], keywords: PT_KEYWORDS, surgicalContext: 'excluded' },
    position: 'recommended',
    positionSummary:
      'Active therapy is recommended, with frequency fading from up to three visits a week to one or less plus a home program; passive modalities only early and briefly; more visits need objective functional improvement.',
    criteria: [
      visitsWithinCourse(10, 'the diagnosis (9–10 visits for myalgia, 8–10 for neuritis or radiculitis, 24 for CRPS)'),
      common.functionalImprovementFromPrior(PT_WORDS, 'therapy'),
      crit(
        'active-and-transitioning',
        'The plan emphasizes active exercise and, after a completed course, a transition to self-directed home exercise rather than more supervised visits',
        { anyOf: [present('home-exercise')] },
        { required: false, when: [present('prior-treatment', PT_WORDS, { minCount: 6 })] },
      ),
      crit('body-part-and-goals', 'The body part, frequency and duration are stated, with functional goals', {
        allOf: [flag('bodyPartSpecified', true), flag('quantityUnspecified', false)],
      }),
      common.notDuplicate(),
    ],
    limits: [
      { measure: 'visits', min: 9, max: 10, applies: 'myalgia and myositis, unspecified' },
      { measure: 'weeks', max: 8, applies: 'myalgia and myositis, unspecified' },
      { measure: 'visits', min: 8, max: 10, applies: 'neuralgia, neuritis and radiculitis, unspecified' },
      { measure: 'weeks', max: 4, applies: 'neuralgia, neuritis and radiculitis, unspecified' },
      { measure: 'visits', max: 24, applies: 'reflex sympathetic dystrophy (CRPS)' },
      { measure: 'weeks', max: 16, applies: 'reflex sympathetic dystrophy (CRPS)' },
      { measure: 'visits-per-week', max: 3, applies: 'starting frequency, fading to one or less' },
      STATUTORY_CAP,
    ],
    rationale:
      'The guideline supports about 9–10 therapy visits for myalgia or 8–10 for radiculitis, fading to a home program, with more only after objective functional improvement; here {finding}.',
    v2009: {
      section: 'Physical Medicine',
      sectionAliases: ['Physical medicine treatment', 'Physical therapy'],
      pages: [98, 99],
      verification: letters('Cited as “Physical Medicine”, pages 98–99, in older letters.'),
    },
    v2016: {
      section: 'Physical medicine treatment',
      sectionAliases: ['Physical Medicine', 'Physical therapy', 'Occupational therapy'],
      verification: letters('Visit numbers (9–10/8 weeks; 8–10/4 weeks; CRPS 24/16 weeks) quoted in 2017 letters.'),
    },
  }),
  ...chronicPain({
    key: 'aquatic-therapy',
    title: 'Aquatic therapy',
    area: 'physical-medicine',
    appliesTo: {
      kinds: ['therapy', 'program'],
      keywords: ['aquatic', 'aqua therapy', 'pool therapy', 'hydrotherapy', 'water therapy'],
    },
    position: 'conditional',
    positionSummary:
      'Aquatic therapy is an optional form of exercise where reduced weight bearing is desirable (for example extreme obesity); visit numbers follow physical medicine.',
    criteria: [
      crit(
        'reduced-weight-bearing',
        'A reason that land-based therapy is unsuitable and reduced weight bearing is needed is documented',
        {
          anyOf: [present('diagnosis', ['obesity', 'morbid', 'weight bearing', 'fracture', 'arthritis'])],
        },
      ),
      visitsWithinCourse(10, 'the diagnosis'),
      common.functionalImprovementFromPrior(['aquatic', 'pool', 'therapy'], 'aquatic therapy'),
    ],
    limits: [{ measure: 'visits', max: 10, applies: 'as for physical medicine (myalgia)' }, STATUTORY_CAP],
    rationale:
      'The guideline supports aquatic therapy only when reduced weight bearing is needed, within physical-medicine visit numbers; here {finding}.',
    v2009: { section: 'Aquatic therapy', pages: [22], verification: RECALLED },
    v2016: { section: 'Aquatic therapy', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'exercise',
    title: 'Exercise (including home exercise programs)',
    area: 'physical-medicine',
    appliesTo: {
      kinds: ['therapy', 'program', 'equipment'],
      keywords: ['home exercise', 'exercise program', 'exercise'],
    },
    position: 'recommended',
    positionSummary:
      'Exercise is recommended for chronic pain; no single regimen is shown to be better than another, and a self-directed home program is expected.',
    criteria: [common.quantitySpecified()],
    rationale: 'The guideline recommends exercise without preferring a particular regimen; here {finding}.',
    v2009: { section: 'Exercise', pages: [46, 47], verification: RECALLED },
    v2016: { section: 'Exercise', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'manual-therapy',
    title: 'Manual therapy and manipulation (chiropractic)',
    area: 'physical-medicine',
    appliesTo: {
      kinds: ['chiropractic', 'therapy', 'consultation'],
      keywords: ['chiropractic', 'chiropract', 'manipulation', 'manual therapy', 'spinal adjustment', 'mobilization'],
      surgicalContext: 'excluded',
      // The MTUS section that counts manipulation visits: more specific than a chapter's physical methods.
      priority: 2,
    },
    position: 'conditional',
    positionSummary:
      'Manipulation is recommended for chronic musculoskeletal pain when it yields measurable functional gains: a trial of about 6 visits over 2 weeks, then up to 18 over 6–8 weeks with objective improvement; not for maintenance, and not for the knee, ankle/foot or forearm/wrist/hand.',
    criteria: [
      crit(
        'region-supported',
        'The region treated is one where manipulation is supported: not the knee, ankle or foot, forearm, wrist or hand (carpal tunnel), and the elbow is not addressed',
        {
          noneOf: [
            region('knee', 'ankle', 'foot', 'forearm', 'wrist', 'hand', 'elbow'),
            present('diagnosis', ['carpal tunnel']),
          ],
        },
      ),
      crit(
        'trial-size',
        'A first course is a trial of no more than about 6 visits over 2 weeks',
        { anyOf: [num('sessions', { max: 6 })] },
        { when: [flag('additional', false)] },
      ),
      common.functionalImprovementFromPrior(MANIPULATION_WORDS, 'chiropractic care'),
      crit(
        'total-within-18',
        'With documented improvement, the total stays within about 18 visits over 6–8 weeks',
        { allOf: [num('sessionsWithPrior', { max: 18 })] },
        { when: [present('prior-treatment', MANIPULATION_WORDS)] },
      ),
      crit(
        'flare-up',
        'For a flare-up, the success of prior care is re-evaluated; once back at work, 1–2 visits every 4–6 months',
        {
          anyOf: [
            present('treatment-benefit', MANIPULATION_WORDS),
            present('work-status', ['full-duty', 'modified-duty']),
          ],
        },
        { when: [mentions('flare', 'recurrence', 're exam', 'reexam')] },
      ),
      crit(
        'not-maintenance',
        'The care is not elective or maintenance care, and is not duplicated by concurrent therapies',
        { noneOf: [mentions('maintenance')] },
      ),
      common.quantitySpecified(),
    ],
    limits: [
      { measure: 'visits', max: 6, stage: 'trial', applies: 'therapeutic trial' },
      { measure: 'weeks', max: 2, stage: 'trial', applies: 'therapeutic trial' },
      { measure: 'visits', max: 18, stage: 'total', applies: 'with objective functional improvement' },
      { measure: 'weeks', min: 6, max: 8, stage: 'total', applies: 'with objective functional improvement' },
      { measure: 'visits', min: 4, max: 6, applies: 'treatments expected to produce an effect' },
      {
        measure: 'visits',
        min: 1,
        max: 2,
        stage: 'maintenance',
        applies: 'per 4–6 months after return to work, for recurrences',
      },
      STATUTORY_CAP,
    ],
    rationale:
      'The guideline supports a manipulation trial of about 6 visits over 2 weeks and up to 18 over 6–8 weeks only with objective functional improvement; here {finding}.',
    v2009: {
      section: 'Manual therapy & manipulation',
      sectionAliases: ['Manipulation', 'Chiropractic'],
      pages: [58, 59, 60],
      verification: RECALLED,
    },
    v2016: {
      section: 'Manual therapy & manipulation',
      sectionAliases: ['Manipulation', 'Chiropractic'],
      verification: letters(
        'Trial 6 visits/2 weeks, up to 18 over 6–8 weeks, effect within 4–6 treatments and flare-up rules quoted in 2017 letters.',
      ),
    },
  }),
  ...chronicPain({
    key: 'massage',
    title: 'Massage therapy',
    area: 'physical-medicine',
    appliesTo: {
      kinds: ['therapy', 'chiropractic', 'acupuncture'],
      keywords: ['massage', 'myofascial release', 'soft tissue mobilization', 'soft tissue'],
    },
    position: 'conditional',
    positionSummary:
      'Massage is an option only as an adjunct to other recommended treatment such as exercise, limited to 4–6 visits in most cases; its benefits last only during treatment.',
    criteria: [
      crit('adjunct', 'Massage is an adjunct to an active program (exercise, therapy), not a stand-alone treatment', {
        anyOf: [present('home-exercise'), present('prior-treatment', ['therapy', 'exercise'])],
      }),
      crit('visits', 'No more than about 4–6 visits in all are requested', {
        allOf: [num('sessionsWithPrior', { max: 6 })],
      }),
      common.quantitySpecified(),
    ],
    limits: [{ measure: 'visits', min: 4, max: 6, applies: 'most cases' }],
    rationale: 'The guideline supports massage only as an adjunct to exercise, for about 4–6 visits; here {finding}.',
    v2009: {
      section: 'Massage therapy',
      pages: [60],
      verification: recalled('The 4–6 visit limit is confirmed by a public summary of the 2009 guideline.'),
    },
    v2016: { section: 'Massage therapy', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'ultrasound-therapeutic',
    title: 'Therapeutic ultrasound',
    area: 'physical-medicine',
    appliesTo: {
      kinds: ['therapy'],
      keywords: ['ultrasound therapy', 'therapeutic ultrasound', 'pulsed ultrasound', 'ultrasound', 'phonophoresis'],
    },
    position: 'not-recommended',
    positionSummary:
      'Therapeutic ultrasound is not recommended: there is little evidence that it works better than placebo for pain, musculoskeletal injury or soft-tissue healing.',
    criteria: [common.notRecommended(['ultrasound', 'phonophoresis'], 'therapeutic ultrasound')],
    rationale: 'The guideline does not recommend therapeutic ultrasound; here {finding}.',
    v2009: { section: 'Ultrasound, therapeutic', pages: [123], verification: RECALLED },
    v2016: { section: 'Ultrasound, therapeutic', verification: LETTERS },
  }),
  ...chronicPain({
    key: 'low-level-laser',
    title: 'Low-level laser therapy (including infrared laser)',
    area: 'physical-medicine',
    appliesTo: {
      kinds: ['therapy', 'acupuncture'],
      keywords: ['laser', 'lllt', 'cold laser', 'infrared laser', 'infrared acupuncture', 'photobiomodulation'],
    },
    position: 'not-recommended',
    positionSummary: 'Low-level laser therapy, including infrared lasers, is not recommended for chronic pain.',
    criteria: [common.notRecommended(['laser', 'lllt', 'infrared'], 'low-level laser therapy')],
    rationale: 'The guideline does not recommend low-level laser therapy; here {finding}.',
    v2009: { section: 'Low-level laser therapy (LLLT)', pages: [57], verification: RECALLED },
    v2016: { section: 'Low-Level Laser Therapy (LLLT)', verification: LETTERS },
  }),
  ...chronicPain({
    key: 'tens',
    title: 'TENS for chronic pain',
    area: 'physical-medicine',
    appliesTo: {
      kinds: ['equipment', 'therapy'],
      keywords: [
        'tens',
        'transcutaneous electrical',
        'electrical stimulation',
        'electrical muscle stimulation',
        'e stim',
        'estim',
        'electrotherapy',
        'electrodes',
        'tens supplies',
      ],
      // Units the parser also calls electrical stimulation, with sections of their own.
      excludeKeywords: ['microcurrent', 'galvanic'],
      surgicalContext: 'excluded',
    },
    position: 'conditional',
    positionSummary:
      'TENS is not a primary treatment; a one-month home trial may be considered as an adjunct to evidence-based functional restoration, for pain of three months or more after other modalities fail, before any purchase.',
    criteria: [
      crit(
        'adjunct-to-restoration',
        'The unit will be used as an adjunct to an active functional-restoration program (exercise, therapy)',
        {
          anyOf: [
            present('home-exercise'),
            present('prior-treatment', ['therapy', 'exercise', 'functional restoration']),
          ],
        },
      ),
      crit(
        'other-modalities-failed',
        'Pain has lasted three months or more and other appropriate modalities, including medication, failed',
        {
          anyOf: [present('treatment-failure')],
        },
      ),
      crit(
        'one-month-trial',
        'Before purchase, a one-month rental trial documents how often the unit was used and its effect on pain and function',
        { anyOf: [present('treatment-benefit', ['tens', 'electrical'])] },
        { when: [mentions('purchase', 'buy')] },
      ),
      crit('goals-and-terms', 'Short- and long-term goals, rental or purchase, duration and body part are stated', {
        allOf: [flag('rentalOrPurchaseSpecified', true), flag('bodyPartSpecified', true)],
      }),
      crit(
        'supplies-for-approved-unit',
        'Supplies are requested only for a unit that is approved and documented as used with benefit',
        { anyOf: [present('treatment-benefit', ['tens', 'electrical'])] },
        { when: [mentions('electrodes', 'supplies', 'batteries')] },
      ),
    ],
    limits: [
      { measure: 'days', max: 30, stage: 'trial', applies: 'home rental trial' },
      { measure: 'months', min: 3, applies: 'pain duration before a trial' },
    ],
    rationale:
      'The guideline supports TENS only as a one-month home trial alongside functional restoration, with purchase after a documented benefit; here {finding}.',
    v2009: {
      section: 'TENS, chronic pain (transcutaneous electrical nerve stimulation)',
      sectionAliases: ['Transcutaneous electrotherapy', 'TENS for chronic pain', 'TENS'],
      pages: [114, 115, 116],
      verification: RECALLED,
    },
    v2016: {
      section: 'TENS, chronic pain (transcutaneous electrical nerve stimulation)',
      sectionAliases: ['Transcutaneous electrotherapy', 'TENS'],
      verification: LETTERS,
    },
  }),
  ...chronicPain({
    key: 'tens-postoperative',
    title: 'TENS for post-operative pain',
    area: 'surgical-associated',
    anyPhase: true,
    appliesTo: {
      kinds: ['equipment', 'therapy', 'surgical-associated'],
      keywords: ['tens', 'transcutaneous electrical'],
      surgicalContext: 'required',
    },
    position: 'conditional',
    positionSummary: 'TENS is an option for acute post-operative pain in the first 30 days after surgery.',
    criteria: [
      common.surgeryCertified(),
      crit('within-30-days', 'Use is limited to the first 30 days after surgery', {
        allOf: [num('supplyDays', { max: 30 })],
      }),
    ],
    limits: [{ measure: 'days', max: 30, applies: 'after surgery' }],
    rationale: 'The guideline supports TENS for up to 30 days after surgery; here {finding}.',
    v2009: {
      section: 'TENS, post operative pain (transcutaneous electrical nerve stimulation)',
      pages: [116],
      verification: RECALLED,
    },
    v2016: {
      section: 'TENS, post operative pain (transcutaneous electrical nerve stimulation)',
      verification: RECALLED,
    },
  }),
  ...chronicPain({
    key: 'interferential',
    title: 'Interferential current stimulation',
    area: 'physical-medicine',
    appliesTo: { kinds: ['equipment', 'therapy'], keywords: ['interferential', 'ifc', 'if unit', 'ics unit'] },
    position: 'conditional',
    positionSummary:
      'Interferential stimulation is not recommended as an isolated intervention; it may be tried for a month, with return to work, exercise and medication, when pain is poorly controlled by medication or limits exercise.',
    criteria: [
      crit(
        'selection',
        'Pain is poorly controlled because medication is ineffective or not tolerated, there is a substance-abuse history, or pain limits post-operative or acute rehabilitation',
        {
          anyOf: [present('treatment-failure', ['medication']), present('side-effects'), present('aberrant-behavior')],
        },
      ),
      crit('not-isolated', 'It is used with recommended treatment (work, exercise, medication), not alone', {
        anyOf: [present('home-exercise'), present('prior-treatment', ['therapy', 'exercise'])],
      }),
      crit(
        'trial-result',
        'A one-month trial showed better function, less pain and less medication before purchase',
        { anyOf: [present('treatment-benefit', ['interferential'])] },
        { when: [mentions('purchase')] },
      ),
    ],
    limits: [{ measure: 'days', max: 30, stage: 'trial', applies: 'trial before purchase' }],
    rationale:
      'The guideline does not support interferential stimulation alone, and allows a one-month trial only for selected patients; here {finding}.',
    v2009: {
      section: 'Interferential Current Stimulation (ICS)',
      pages: [118, 119, 120],
      verification: recalled('Patient-selection criteria verified against a public copy of the 2009 text.'),
    },
    v2016: { section: 'Interferential Current Stimulation (ICS)', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'nmes',
    title: 'Neuromuscular electrical stimulation (NMES)',
    area: 'physical-medicine',
    appliesTo: {
      kinds: ['equipment', 'therapy'],
      keywords: ['neuromuscular electrical', 'nmes', 'electrical muscle stimulation', 'ems unit'],
    },
    position: 'not-recommended',
    positionSummary: 'NMES is not recommended for chronic pain; its use is in post-stroke rehabilitation.',
    criteria: [common.notRecommended(['neuromuscular electrical', 'nmes', 'muscle stimulat'], 'NMES')],
    rationale: 'The guideline does not recommend NMES for chronic pain; here {finding}.',
    v2009: { section: 'Neuromuscular electrical stimulation (NMES devices)', pages: [121], verification: RECALLED },
    v2016: { section: 'Neuromuscular electrical stimulation (NMES devices)', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'h-wave',
    title: 'H-wave stimulation',
    area: 'physical-medicine',
    appliesTo: { kinds: ['equipment', 'therapy'], keywords: ['h wave', 'hwave', 'hwt'] },
    position: 'conditional',
    positionSummary:
      'H-wave is not an isolated treatment; a one-month home trial may be considered for diabetic neuropathic pain or chronic soft-tissue inflammation, with functional restoration, after therapy, medication and TENS have failed.',
    criteria: [
      crit('tens-failed', 'Conservative care including therapy, medication and a TENS trial failed', {
        anyOf: [present('treatment-failure', ['tens'])],
      }),
      crit('indication', 'Diabetic neuropathic pain or chronic soft-tissue inflammation is documented', {
        anyOf: [present('diagnosis', ['neuropath', 'inflammation', 'tendinitis', 'myofascial'])],
      }),
    ],
    limits: [{ measure: 'days', max: 30, stage: 'trial', applies: 'home trial' }],
    rationale:
      'The guideline supports H-wave only as a one-month trial after TENS and other care fail; here {finding}.',
    v2009: { section: 'H-wave stimulation (HWT)', pages: [117, 118], verification: RECALLED },
    v2016: { section: 'H-wave stimulation (HWT)', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'microcurrent',
    title: 'Microcurrent electrical stimulation (MENS)',
    area: 'physical-medicine',
    appliesTo: {
      kinds: ['equipment', 'therapy'],
      keywords: ['microcurrent', 'mens unit', 'frequency specific microcurrent'],
    },
    position: 'not-recommended',
    positionSummary: 'Microcurrent electrical stimulation is not recommended.',
    criteria: [common.notRecommended(['microcurrent', 'mens'], 'microcurrent stimulation')],
    rationale: 'The guideline does not recommend microcurrent stimulation; here {finding}.',
    v2009: { section: 'Microcurrent electrical stimulation (MENS devices)', pages: [120], verification: RECALLED },
    v2016: { section: 'Microcurrent electrical stimulation (MENS devices)', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'galvanic-stimulation',
    title: 'Galvanic stimulation',
    area: 'physical-medicine',
    appliesTo: { kinds: ['equipment', 'therapy'], keywords: ['galvanic'] },
    position: 'not-recommended',
    positionSummary: 'Galvanic stimulation is considered investigational and is not recommended.',
    criteria: [common.notRecommended(['galvanic'], 'galvanic stimulation')],
    rationale: 'The guideline does not recommend galvanic stimulation; here {finding}.',
    v2009: { section: 'Galvanic stimulation', pages: [117], verification: RECALLED },
    v2016: { section: 'Galvanic stimulation', verification: RECALLED },
  }),
];

const acupuncture: Topic[] = [
  topic('mtus-acupuncture', '2007', {
    key: 'acupuncture',
    title: 'Acupuncture and electroacupuncture',
    area: 'physical-medicine',
    section: 'Acupuncture Medical Treatment Guidelines',
    sectionAliases: ['Acupuncture', 'Acupuncture with electrical stimulation', 'Electroacupuncture', '9792.24.1'],
    appliesTo: {
      kinds: ['acupuncture', 'therapy'],
      keywords: [
        'acupuncture',
        'electroacupuncture',
        'electro acupuncture',
        'elect acupuncture',
        'acupressure',
        'cupping',
      ],
    },
    position: 'conditional',
    positionSummary:
      'Acupuncture may be used where pain medication is being cut back or cannot be tolerated, or alongside physical rehabilitation or surgery; gains should appear within 3–6 treatments given 1–3 times weekly over 1–2 months, and more treatments need functional improvement.',
    criteria: [
      crit(
        'indication',
        'Medication is being cut back or cannot be tolerated, or the acupuncture accompanies physical rehabilitation or surgery',
        {
          anyOf: [
            present('side-effects'),
            present('treatment-failure', ['medication']),
            present('medication-use', undefined, {
              qualifiers: ['reduced', 'decreased', 'tapering', 'weaning', 'stopped'],
            }),
            present('home-exercise'),
            present('prior-treatment', ['physical therapy', 'therapy', 'exercise', 'rehab']),
            present('surgery-planned'),
            present('surgery-history'),
          ],
        },
      ),
      crit(
        'initial-trial',
        'A first course asks for no more than the 3–6 treatments expected to produce functional improvement',
        { anyOf: [num('sessions', { max: 6 })] },
        { when: [flag('additional', false)] },
      ),
      common.functionalImprovementFromPrior(['acupuncture'], 'acupuncture (the extension condition)'),
      crit('frequency', 'The frequency is 1–3 sessions a week and the course fits within 1–2 months', {
        anyOf: [num('perWeek', { max: 3 })],
      }),
      common.quantitySpecified(),
    ],
    limits: [
      { measure: 'visits', min: 3, max: 6, stage: 'initial', applies: 'time to produce functional improvement' },
      { measure: 'visits-per-week', min: 1, max: 3, applies: 'frequency' },
      { measure: 'months', min: 1, max: 2, applies: 'optimum duration' },
    ],
    rationale:
      'The Acupuncture Medical Treatment Guidelines allow a first 3–6 treatments where medication is being cut back or is not tolerated, or alongside rehabilitation, and more only with documented functional improvement; here {finding}.',
    verification: letters(
      'Cited without section; 3–6 treatments, 1–3 a week, 1–2 months and the extension rule are applied in 2017 letters.',
    ),
  }),
];

const acoemPhysicalMedicine: Topic[] = [
  topic('mtus-acoem-general', '2004', {
    key: 'physical-methods',
    title: 'Initial approaches to treatment: physical methods',
    area: 'physical-medicine',
    section: 'Initial Approaches to Treatment',
    sectionAliases: ['Physical Methods', 'Physical treatment methods'],
    pages: [48],
    appliesTo: {
      kinds: ['therapy', 'chiropractic'],
      keywords: PT_KEYWORDS,
      phases: ['acute', 'subacute'],
      surgicalContext: 'excluded',
    },
    position: 'conditional',
    positionSummary:
      'Early physical therapy is supported when the therapist has a specific diagnosis and the prescription states treatment goals; passive modalities are brief, and the aim is a home program.',
    criteria: [
      crit('goals-stated', 'The prescription states a specific diagnosis and clear treatment goals', {
        allOf: [flag('bodyPartSpecified', true)],
      }),
      common.functionalImprovementFromPrior(PT_WORDS, 'therapy'),
      crit(
        'initial-trial-size',
        'An initial trial is of modest size (about six visits), with more contingent on response',
        { anyOf: [num('sessions', { max: 6 })] },
        { when: [flag('additional', false)] },
      ),
      common.quantitySpecified(),
    ],
    limits: [STATUTORY_CAP],
    rationale:
      'The MTUS ACOEM initial-treatment chapter supports early therapy with a specific diagnosis and stated goals; here {finding}.',
    verification: letters('Page 48 cited for the value of therapy goals; applied to acute therapy requests.'),
  }),
  topic('mtus-acoem-knee', '2004', {
    key: 'initial-care',
    title: 'Knee complaints: initial care and therapy visits',
    area: 'physical-medicine',
    section: 'Initial Care',
    sectionAliases: ['Table 13-3', 'Physical Methods'],
    pages: [338, 339],
    appliesTo: {
      kinds: ['therapy'],
      keywords: PT_KEYWORDS,
      bodyParts: ['knee', 'leg'],
      phases: ['acute', 'subacute'],
      surgicalContext: 'excluded',
    },
    position: 'conditional',
    positionSummary:
      'For knee complaints, a few supervised visits for education, counseling and review of a home exercise program are supported; further formal therapy needs functional gains and goals.',
    criteria: [
      crit(
        'home-program-focus',
        'Visits serve education and transition to home exercise, not ongoing passive care',
        {
          anyOf: [present('home-exercise')],
        },
        { required: false },
      ),
      common.functionalImprovementFromPrior(PT_WORDS, 'therapy'),
      common.quantitySpecified(),
    ],
    rationale:
      'The MTUS ACOEM knee chapter supports a few visits to teach a home program, with more only after functional improvement; here {finding}.',
    verification: letters('Table 13-3, page 338, cited for knee therapy visits.'),
  }),
  topic('mtus-acoem-neck', '2004', {
    key: 'initial-care',
    title: 'Neck and upper back complaints: initial care and physical methods',
    area: 'physical-medicine',
    section: 'Initial Care',
    sectionAliases: ['Physical Methods'],
    pages: [173, 174, 175],
    appliesTo: {
      kinds: ['therapy', 'chiropractic', 'equipment'],
      keywords: [...PT_KEYWORDS, 'collar', 'traction', 'heat', 'ice', 'cold pack'],
      bodyParts: ['cervical spine', 'thoracic spine'],
      phases: ['acute', 'subacute'],
      surgicalContext: 'excluded',
    },
    position: 'conditional',
    positionSummary:
      'For neck complaints, early activity and home exercise with a few instructional visits are supported; at-home heat or cold is as good as clinic modalities; collars beyond a day or two and passive care are not.',
    criteria: [
      common.functionalImprovementFromPrior(PT_WORDS, 'therapy'),
      common.homeExercise(),
      common.quantitySpecified(),
    ],
    rationale:
      'The MTUS ACOEM neck chapter favours early activity and home exercise over passive care; here {finding}.',
    verification: recalled('Section cited by claims administrators; pages 173–175 recalled.'),
  }),
  topic('mtus-acoem-shoulder', '2004', {
    key: 'initial-care',
    title: 'Shoulder complaints: initial care and physical methods',
    area: 'physical-medicine',
    section: 'Initial Care',
    sectionAliases: ['Physical Methods'],
    pages: [203, 204],
    appliesTo: {
      kinds: ['therapy'],
      keywords: PT_KEYWORDS,
      bodyParts: ['shoulder'],
      phases: ['acute', 'subacute'],
      surgicalContext: 'excluded',
    },
    position: 'conditional',
    positionSummary:
      'For shoulder complaints, instruction in a home exercise program for range of motion and strength is the core; a few supervised visits are supported and passive modalities are brief.',
    criteria: [
      common.functionalImprovementFromPrior(PT_WORDS, 'therapy'),
      common.homeExercise(),
      common.quantitySpecified(),
    ],
    rationale: 'The MTUS ACOEM shoulder chapter centres care on a home exercise program; here {finding}.',
    verification: recalled('Section cited by claims administrators; pages recalled.'),
  }),
  topic('mtus-acoem-low-back', '2004', {
    key: 'physical-methods',
    title: 'Low back complaints: physical methods (therapy, manipulation, modalities)',
    area: 'physical-medicine',
    section: 'Physical Methods',
    sectionAliases: ['Initial Care'],
    pages: [298, 299, 300],
    appliesTo: {
      kinds: ['therapy', 'chiropractic'],
      keywords: [
        ...PT_KEYWORDS,
        'manipulation',
        'chiropractic',
        'traction',
        'heat',
        'ice',
        'ultrasound',
        'electrical stimulation',
      ],
      bodyParts: ['lumbar spine'],
      phases: ['acute', 'subacute'],
      surgicalContext: 'excluded',
    },
    position: 'conditional',
    positionSummary:
      'For low back complaints, low-stress aerobic and home exercise are supported; manipulation is an option in the first month without radiculopathy; passive modalities (traction, ultrasound, TENS) have no proven lasting benefit.',
    criteria: [
      crit(
        'passive-modality',
        'The request is for active exercise or early manipulation, not passive modalities such as traction, ultrasound or electrical stimulation',
        { noneOf: [mentions('traction', 'ultrasound', 'electrical stimulation', 'diathermy')] },
      ),
      common.functionalImprovementFromPrior([...PT_WORDS, 'chiropractic', 'manipulation'], 'care'),
      common.quantitySpecified(),
    ],
    rationale:
      'The MTUS ACOEM low back chapter supports exercise and early manipulation but not passive modalities; here {finding}.',
    verification: letters('“Physical Methods” cited by claims administrators for therapy and modality requests.'),
  }),
  topic('mtus-acoem-elbow', '2007', {
    key: 'manipulation-and-therapy',
    title: 'Elbow complaints: manipulation and therapy',
    area: 'physical-medicine',
    section: 'Recommendations',
    sectionAliases: ['Radial Head Fracture', 'Physical Methods'],
    appliesTo: {
      kinds: ['chiropractic', 'therapy'],
      keywords: [...PT_KEYWORDS, ...MANIPULATION_WORDS],
      bodyParts: ['elbow'],
      // The elbow chapter speaks to this joint; the chronic pain manual therapy section only in general.
      priority: 2,
    },
    position: 'not-recommended',
    positionSummary:
      'The elbow chapter makes no recommendation for manipulation of the elbow; therapy should be brief and lead to a home program.',
    criteria: [common.notRecommended(['chiropract', 'manipulation'], 'manipulation of the elbow')],
    rationale: 'The MTUS ACOEM elbow chapter does not recommend manipulation for the elbow; here {finding}.',
    verification: letters('Cited with “Radial Head Fracture” for chiropractic care of the elbow.'),
  }),
  topic('mtus-acoem-shoulder', '2004', {
    key: 'eswt',
    title: 'Shoulder: extracorporeal shock wave therapy for calcifying tendinitis',
    area: 'physical-medicine',
    section: 'Physical Methods',
    pages: [203],
    appliesTo: { kinds: ['therapy'], keywords: ['shock wave', 'shockwave', 'eswt'], bodyParts: ['shoulder'] },
    position: 'conditional',
    positionSummary:
      'Some evidence supports high-energy shock wave therapy for calcifying tendinitis of the shoulder; not for other shoulder conditions.',
    criteria: [
      crit('calcific-tendinitis', 'Calcifying tendinitis of the shoulder is documented', {
        anyOf: [
          present('diagnosis', ['calcific', 'calcifying']),
          present('imaging-result', ['calcific', 'calcification']),
        ],
      }),
      common.quantitySpecified(),
    ],
    rationale:
      'The MTUS ACOEM shoulder chapter supports shock wave therapy only for calcifying tendinitis; here {finding}.',
    verification: uncertain('Recalled from the 2004 shoulder chapter; not seen in a letter.'),
  }),
];

const odgPhysicalMedicine: Topic[] = [
  odg('physical-medicine', {
    key: 'physical-therapy-guidelines',
    title: 'ODG physical therapy guidelines (Preface)',
    area: 'physical-medicine',
    section: 'Physical Therapy Guidelines',
    sectionAliases: ['Physical Medicine Guidelines', 'Preface'],
    appliesTo: { kinds: ['therapy'], keywords: PT_KEYWORDS, surgicalContext: 'excluded' },
    position: 'recommended',
    positionSummary:
      'Therapy frequency fades from up to three visits a week to one or less plus a home program; a six-visit clinical trial comes first, with more visits only if it shows objective improvement.',
    criteria: [
      crit(
        'six-visit-trial',
        'A first course is a clinical trial of about six visits before more are considered',
        { anyOf: [num('sessions', { max: 6 })] },
        { when: [flag('additional', false)] },
      ),
      common.functionalImprovementFromPrior(PT_WORDS, 'therapy'),
      common.homeExercise(),
    ],
    limits: [{ measure: 'visits', max: 6, stage: 'trial', applies: 'clinical trial before continuing' }],
    rationale: 'ODG supports a six-visit trial, then fading frequency and a home program; here {finding}.',
    verification: letters('Cited by claims administrators for therapy requests.'),
  }),
  odg('low-back', {
    key: 'physical-therapy',
    title: 'ODG low back: physical therapy',
    area: 'physical-medicine',
    section: 'Physical therapy (PT)',
    sectionAliases: ['Physical therapy', 'Physical Therapy'],
    appliesTo: {
      kinds: ['therapy'],
      keywords: PT_KEYWORDS,
      bodyParts: ['lumbar spine', 'thoracic spine'],
      surgicalContext: 'excluded',
    },
    position: 'recommended',
    positionSummary:
      'For lumbar sprain or disc disorder without myelopathy, about 10 visits over 8 weeks; radiculopathy 10–12 visits over 8 weeks.',
    criteria: [
      visitsWithinCourse(12, 'the low back diagnosis'),
      common.functionalImprovementFromPrior(PT_WORDS, 'therapy'),
    ],
    limits: [
      { measure: 'visits', max: 10, applies: 'lumbar sprain/strain; disc disorder without myelopathy' },
      { measure: 'weeks', max: 8, applies: 'lumbar sprain/strain; disc disorder without myelopathy' },
      { measure: 'visits', min: 10, max: 12, applies: 'sciatica/radiculitis' },
    ],
    rationale:
      'ODG supports about 10 therapy visits over 8 weeks for low back sprain or disc disorder; here {finding}.',
    verification: recalled('Visit numbers from the research notes (R/U).'),
  }),
  odg('neck', {
    key: 'physical-therapy',
    title: 'ODG neck: physical therapy',
    area: 'physical-medicine',
    section: 'Physical therapy (PT)',
    sectionAliases: ['Physical therapy'],
    appliesTo: {
      kinds: ['therapy'],
      keywords: PT_KEYWORDS,
      bodyParts: ['cervical spine'],
      surgicalContext: 'excluded',
    },
    position: 'recommended',
    positionSummary:
      'For cervical sprain or strain, about 10 visits over 8 weeks; for disc disorders or radiculitis, 10–12 visits over 8 weeks.',
    criteria: [
      visitsWithinCourse(12, 'the neck diagnosis'),
      common.functionalImprovementFromPrior(PT_WORDS, 'therapy'),
    ],
    limits: [
      { measure: 'visits', max: 10, applies: 'cervical sprain/strain' },
      { measure: 'weeks', max: 8 },
    ],
    rationale: 'ODG supports about 10 therapy visits over 8 weeks for neck sprain; here {finding}.',
    verification: uncertain('Visit numbers recalled, not checked against ODG.'),
  }),
  odg('shoulder', {
    key: 'physical-therapy',
    title: 'ODG shoulder: physical therapy',
    area: 'physical-medicine',
    section: 'Physical therapy',
    appliesTo: { kinds: ['therapy'], keywords: PT_KEYWORDS, bodyParts: ['shoulder'], surgicalContext: 'excluded' },
    position: 'recommended',
    positionSummary:
      'For shoulder sprain, rotator cuff syndrome or impingement, about 10 visits over 8 weeks; adhesive capsulitis up to 16 visits over 8 weeks.',
    criteria: [
      visitsWithinCourse(10, 'the shoulder diagnosis'),
      common.functionalImprovementFromPrior(PT_WORDS, 'therapy'),
    ],
    limits: [
      { measure: 'visits', max: 10, applies: 'sprain/strain, rotator cuff syndrome, impingement' },
      { measure: 'visits', max: 16, applies: 'adhesive capsulitis' },
    ],
    rationale: 'ODG supports about 10 therapy visits over 8 weeks for most shoulder conditions; here {finding}.',
    verification: recalled('Visit numbers from the research notes (R/U).'),
  }),
  odg('knee', {
    key: 'physical-medicine',
    title: 'ODG knee: physical medicine',
    area: 'physical-medicine',
    section: 'Physical medicine treatment',
    sectionAliases: ['Physical Medicine Topic', 'Physical therapy', 'Physical medicine'],
    appliesTo: { kinds: ['therapy'], keywords: PT_KEYWORDS, bodyParts: ['knee', 'leg'], surgicalContext: 'excluded' },
    position: 'recommended',
    positionSummary:
      'For knee sprain or strain, about 12 visits over 8 weeks; non-operative meniscus tear or chondromalacia about 9 visits over 8 weeks; then a self-directed home program.',
    criteria: [
      visitsWithinCourse(12, 'the knee diagnosis'),
      common.functionalImprovementFromPrior(PT_WORDS, 'therapy'),
      common.homeExercise(),
    ],
    limits: [
      { measure: 'visits', max: 12, applies: 'knee sprain/strain' },
      { measure: 'weeks', max: 8, applies: 'knee sprain/strain' },
      { measure: 'visits', max: 9, applies: 'meniscus tear (non-operative), chondromalacia' },
    ],
    rationale:
      'ODG supports about 12 therapy visits over 8 weeks for knee sprain, then a home program; here {finding}.',
    verification: letters('12 visits over 8 weeks for knee sprain applied in a 2017 letter.'),
  }),
  odg('head', {
    key: 'physical-therapy',
    title: 'ODG head: physical therapy for headache',
    area: 'physical-medicine',
    section: 'Physical therapy',
    appliesTo: { kinds: ['therapy'], keywords: PT_KEYWORDS, bodyParts: ['head'], surgicalContext: 'excluded' },
    position: 'conditional',
    positionSummary: 'For headache, a course of about 6 visits over 6 weeks is supported.',
    criteria: [visitsWithinCourse(6, 'headache')],
    limits: [
      { measure: 'visits', max: 6, applies: 'headache' },
      { measure: 'weeks', max: 6, applies: 'headache' },
    ],
    rationale: 'ODG supports about 6 therapy visits over 6 weeks for headache; here {finding}.',
    verification: letters('6 visits over 6 weeks for headache applied in a 2017 letter.'),
  }),
  odg('forearm-wrist-hand', {
    key: 'physical-therapy',
    title: 'ODG forearm, wrist and hand: physical therapy',
    area: 'physical-medicine',
    section: 'Physical/Occupational therapy',
    sectionAliases: ['Physical therapy', 'Occupational therapy'],
    appliesTo: {
      kinds: ['therapy'],
      keywords: PT_KEYWORDS,
      bodyParts: ['forearm', 'wrist', 'hand'],
      surgicalContext: 'excluded',
    },
    position: 'recommended',
    positionSummary:
      'For wrist or hand sprain, about 9 visits over 8 weeks; fractures vary by type; then a home program.',
    criteria: [
      visitsWithinCourse(9, 'the wrist or hand diagnosis'),
      common.functionalImprovementFromPrior(PT_WORDS, 'therapy'),
    ],
    limits: [{ measure: 'visits', max: 9, applies: 'wrist/hand sprain' }],
    rationale: 'ODG supports about 9 therapy visits for wrist or hand sprain; here {finding}.',
    verification: uncertain('Visit numbers recalled, not checked against ODG.'),
  }),
  odg('elbow', {
    key: 'physical-therapy',
    title: 'ODG elbow: physical therapy',
    area: 'physical-medicine',
    section: 'Physical therapy',
    appliesTo: { kinds: ['therapy'], keywords: PT_KEYWORDS, bodyParts: ['elbow'], surgicalContext: 'excluded' },
    position: 'recommended',
    positionSummary: 'For lateral epicondylitis or elbow sprain, about 8 visits over 5 weeks, then a home program.',
    criteria: [
      visitsWithinCourse(8, 'the elbow diagnosis'),
      common.functionalImprovementFromPrior(PT_WORDS, 'therapy'),
    ],
    limits: [{ measure: 'visits', max: 8, applies: 'lateral epicondylitis, sprain' }],
    rationale: 'ODG supports about 8 therapy visits for elbow conditions; here {finding}.',
    verification: uncertain('Visit numbers recalled, not checked against ODG.'),
  }),
  odg('ankle-foot', {
    key: 'physical-therapy',
    title: 'ODG ankle and foot: physical therapy',
    area: 'physical-medicine',
    section: 'Physical therapy',
    appliesTo: { kinds: ['therapy'], keywords: PT_KEYWORDS, bodyParts: ['ankle', 'foot'], surgicalContext: 'excluded' },
    position: 'recommended',
    positionSummary: 'For ankle sprain, about 9 visits over 8 weeks; plantar fasciitis about 6 visits over 4 weeks.',
    criteria: [
      visitsWithinCourse(9, 'the ankle or foot diagnosis'),
      common.functionalImprovementFromPrior(PT_WORDS, 'therapy'),
    ],
    limits: [
      { measure: 'visits', max: 9, applies: 'ankle sprain' },
      { measure: 'visits', max: 6, applies: 'plantar fasciitis' },
    ],
    rationale: 'ODG supports a short therapy course for ankle and foot conditions; here {finding}.',
    verification: uncertain('Visit numbers recalled, not checked against ODG.'),
  }),
  odg('low-back', {
    key: 'manipulation',
    title: 'ODG low back: manipulation',
    area: 'physical-medicine',
    section: 'Manipulation',
    appliesTo: {
      kinds: ['chiropractic', 'therapy'],
      keywords: MANIPULATION_WORDS,
      bodyParts: ['lumbar spine', 'thoracic spine'],
    },
    position: 'conditional',
    positionSummary:
      'Manipulation for low back pain: a trial of 6 visits over 2 weeks, up to 18 over 6–8 weeks with objective improvement; maintenance care is not necessary.',
    criteria: [
      crit(
        'trial-size',
        'A first course is a trial of about 6 visits',
        { anyOf: [num('sessions', { max: 6 })] },
        { when: [flag('additional', false)] },
      ),
      common.functionalImprovementFromPrior(MANIPULATION_WORDS, 'chiropractic care'),
      common.quantitySpecified(),
    ],
    limits: [
      { measure: 'visits', max: 6, stage: 'trial' },
      { measure: 'visits', max: 18, stage: 'total', applies: 'with objective functional improvement' },
    ],
    rationale:
      'ODG supports a six-visit manipulation trial and up to 18 visits with objective improvement; here {finding}.',
    verification: letters('Cited by claims administrators for chiropractic requests.'),
  }),
  odg('neck', {
    key: 'manipulation',
    title: 'ODG neck: manipulation',
    area: 'physical-medicine',
    section: 'Manipulation',
    appliesTo: { kinds: ['chiropractic', 'therapy'], keywords: MANIPULATION_WORDS, bodyParts: ['cervical spine'] },
    position: 'conditional',
    positionSummary:
      'Manipulation for neck pain: a trial of about 6 visits across 2–3 weeks, then, with objective improvement, a total of up to 18 visits across 6–8 weeks.',
    criteria: [
      crit(
        'trial-size',
        'A first course is a trial of about 6 visits',
        { anyOf: [num('sessions', { max: 6 })] },
        { when: [flag('additional', false)] },
      ),
      common.functionalImprovementFromPrior(MANIPULATION_WORDS, 'chiropractic care'),
    ],
    limits: [
      { measure: 'visits', max: 6, stage: 'trial' },
      { measure: 'visits', max: 18, stage: 'total' },
    ],
    rationale:
      'ODG supports a short manipulation trial for neck pain, continued only with objective improvement; here {finding}.',
    verification: uncertain('Neck numbers recalled (research notes row U).'),
  }),
  odg('low-back', {
    key: 'shock-wave-therapy',
    title: 'ODG low back and neck: shock wave therapy',
    area: 'physical-medicine',
    section: 'Shock wave therapy',
    sectionAliases: [
      'Extracorporeal shock wave therapy (ESWT)',
      'Criteria for use of Extracorporeal Shock Wave Therapy (ESWT)',
      'Extracorporeal shockwave therapy',
    ],
    appliesTo: {
      kinds: ['therapy', 'other'],
      keywords: ['shock wave', 'shockwave', 'eswt'],
      bodyParts: ['lumbar spine', 'thoracic spine', 'cervical spine'],
    },
    position: 'not-recommended',
    positionSummary:
      'Shock wave therapy is not recommended for back or neck pain; the evidence does not show it works.',
    criteria: [common.notRecommended(['shock wave', 'shockwave', 'eswt'], 'shock wave therapy for the spine')],
    rationale: 'ODG does not recommend shock wave therapy for back or neck pain; here {finding}.',
    verification: LETTERS,
  }),
  odg('shoulder', {
    key: 'eswt',
    title: 'ODG shoulder: extracorporeal shock wave therapy',
    area: 'physical-medicine',
    section: 'Extracorporeal shock wave therapy (ESWT)',
    appliesTo: { kinds: ['therapy', 'other'], keywords: ['shock wave', 'shockwave', 'eswt'], bodyParts: ['shoulder'] },
    position: 'conditional',
    positionSummary:
      'Shock wave therapy is an option for calcifying tendinitis of the shoulder after six months of failed conservative care; not for other shoulder disorders.',
    criteria: [
      crit('calcific-tendinitis', 'Calcifying tendinitis is documented', {
        anyOf: [
          present('diagnosis', ['calcific', 'calcifying']),
          present('imaging-result', ['calcific', 'calcification']),
        ],
      }),
      common.failedConservativeCare(),
    ],
    limits: [{ measure: 'months-of-conservative-care', min: 6 }],
    rationale:
      'ODG supports shock wave therapy only for calcifying tendinitis after failed conservative care; here {finding}.',
    verification: RECALLED,
  }),
  odg('elbow', {
    key: 'eswt',
    title: 'ODG elbow: extracorporeal shock wave therapy',
    area: 'physical-medicine',
    section: 'Extracorporeal shockwave therapy (ESWT)',
    appliesTo: { kinds: ['therapy', 'other'], keywords: ['shock wave', 'shockwave', 'eswt'], bodyParts: ['elbow'] },
    position: 'not-recommended',
    positionSummary:
      'Shock wave therapy is not recommended for lateral epicondylitis; benefit over placebo is not shown.',
    criteria: [common.notRecommended(['shock wave', 'shockwave', 'eswt'], 'shock wave therapy for the elbow')],
    rationale: 'ODG does not recommend shock wave therapy for the elbow; here {finding}.',
    verification: RECALLED,
  }),
  odg('ankle-foot', {
    key: 'eswt',
    title: 'ODG ankle and foot: extracorporeal shock wave therapy',
    area: 'physical-medicine',
    section: 'Extracorporeal shock wave therapy (ESWT)',
    appliesTo: {
      kinds: ['therapy', 'other'],
      keywords: ['shock wave', 'shockwave', 'eswt'],
      bodyParts: ['ankle', 'foot'],
    },
    position: 'conditional',
    positionSummary:
      'Shock wave therapy is an option for chronic plantar fasciitis after about six months of failed standard treatment.',
    criteria: [
      crit('plantar-fasciitis', 'Chronic plantar fasciitis is documented', {
        anyOf: [present('diagnosis', ['plantar fasci'])],
      }),
      common.failedConservativeCare(),
    ],
    limits: [{ measure: 'months-of-conservative-care', min: 6 }],
    rationale:
      'ODG supports shock wave therapy for chronic plantar fasciitis after failed standard care; here {finding}.',
    verification: uncertain('Recalled; ODG has changed its position on plantar fasciitis over editions.'),
  }),
  odg('low-back', {
    key: 'hyperstimulation-analgesia',
    title: 'ODG low back: hyperstimulation analgesia',
    area: 'physical-medicine',
    section: 'Hyperstimulation analgesia',
    sectionAliases: ['Localized intense neurostimulation therapy (LINT)'],
    appliesTo: {
      kinds: ['therapy', 'other', 'equipment'],
      keywords: ['hyperstimulation', 'neurostimulation therapy', 'lint'],
    },
    position: 'not-recommended',
    positionSummary:
      'Hyperstimulation analgesia (localized intense neurostimulation) is not recommended until high-quality studies support it.',
    criteria: [common.notRecommended(['hyperstimulation', 'neurostimulation', 'lint'], 'hyperstimulation analgesia')],
    rationale: 'ODG does not recommend hyperstimulation analgesia; here {finding}.',
    verification: LETTERS,
  }),
  odg('low-back', {
    key: 'infrared-therapy',
    title: 'ODG low back: infrared therapy',
    area: 'physical-medicine',
    section: 'Infrared therapy (IR)',
    appliesTo: { kinds: ['therapy', 'equipment'], keywords: ['infrared'], excludeKeywords: ['laser', 'acupuncture'] },
    position: 'not-recommended',
    positionSummary:
      'Infrared therapy is not recommended over other heat therapies; at most a limited trial for acute low back pain as an adjunct to exercise.',
    criteria: [
      crit('adjunct-acute', 'The use is a limited trial for acute low back pain alongside an exercise program', {
        allOf: [{ chronicity: ['acute'] }],
        anyOf: [present('home-exercise'), present('prior-treatment', ['therapy', 'exercise'])],
      }),
    ],
    rationale: 'ODG does not support infrared therapy over ordinary heat; here {finding}.',
    verification: RECALLED,
  }),
  odg('neck', {
    key: 'traction',
    title: 'ODG neck: traction (home units)',
    area: 'equipment',
    section: 'Traction',
    appliesTo: { kinds: ['equipment', 'therapy'], keywords: ['traction'], bodyParts: ['cervical spine'] },
    position: 'conditional',
    positionSummary:
      'Patient-controlled home cervical traction is an option for radicular symptoms, used with a home exercise program; powered or clinic traction is not.',
    criteria: [
      crit('radicular', 'Radicular neck symptoms are documented', {
        anyOf: [present('radicular-symptoms'), present('neurological-deficit')],
      }),
      common.homeExercise(true),
    ],
    rationale:
      'ODG supports home cervical traction only for radicular symptoms alongside home exercise; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-acoem-low-back', '2004', {
    key: 'traction',
    title: 'Low back complaints: traction',
    area: 'equipment',
    section: 'Physical Methods',
    pages: [300],
    appliesTo: {
      kinds: ['equipment', 'therapy'],
      keywords: ['traction', 'decompression unit', 'spinal decompression'],
      bodyParts: ['lumbar spine'],
    },
    position: 'not-recommended',
    positionSummary: 'Traction has not been shown to help low back pain and is not recommended.',
    criteria: [common.notRecommended(['traction', 'decompression'], 'lumbar traction')],
    rationale: 'The MTUS ACOEM low back chapter does not recommend traction; here {finding}.',
    verification: RECALLED,
  }),
];

export const PHYSICAL_MEDICINE_TOPICS: readonly Topic[] = [
  ...acupuncture,
  ...chronicPainPhysicalMedicine,
  ...acoemPhysicalMedicine,
  ...odgPhysicalMedicine,
];
