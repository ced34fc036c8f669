import type { Topic } from '../schema.js';
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
  topic,
  uncertain,
} from './build.js';

/** Diagnoses (the clinical reader's canonical keys) of structural pathology a specialist or surgeon treats. */
const STRUCTURAL_DIAGNOSES = [
  'disc herniation',
  'spinal stenosis',
  'spondylolisthesis',
  'rotator cuff disorder',
  'labral tear',
  'meniscal tear',
  'ligament tear',
  'osteoarthritis',
  'carpal tunnel syndrome',
  'cubital tunnel syndrome',
  'fracture',
  'hernia',
];
/** Programs, home care, psychological care, consultations and visits, other laboratory tests. */

const FRP_WORDS = [
  'functional restoration',
  'frp',
  'chronic pain program',
  'pain program',
  'multidisciplinary',
  'interdisciplinary',
  'hcp',
];
const PSYCH_TX = [
  'psychotherapy',
  'cognitive behavioral',
  'cbt',
  'psychological treatment',
  'counseling',
  'psychotherapist',
];

const programs: Topic[] = [
  ...chronicPain({
    key: 'functional-restoration-programs',
    title: 'Functional restoration (chronic pain) programs',
    area: 'programs',
    appliesTo: { kinds: ['program', 'consultation'], keywords: FRP_WORDS },
    position: 'conditional',
    positionSummary:
      'A functional restoration program needs a baseline evaluation with functional testing, failed prior treatment, major loss of function, no surgical option, motivation to change and negative predictors addressed; generally up to 20 full days, reassessed at two weeks.',
    criteria: [
      crit('evaluation', 'An adequate evaluation with baseline functional testing has been done', {
        anyOf: [
          present('prior-treatment', [
            'functional restoration evaluation',
            'multidisciplinary evaluation',
            'frp evaluation',
            'functional capacity',
          ]),
        ],
      }),
      crit(
        'prior-failed',
        'Previous methods of treating the chronic pain failed and no other option is likely to bring significant improvement',
        {
          anyOf: [present('treatment-failure')],
        },
      ),
      crit(
        'loss-of-function',
        'Significant loss of ability to function independently because of chronic pain is documented',
        {
          anyOf: [present('functional-limitation'), present('work-status', ['off-work'])],
        },
      ),
      crit('not-surgical', 'The patient is not a candidate for surgery or other clearly warranted treatment', {
        noneOf: [present('surgery-planned')],
      }),
      crit(
        'motivation',
        'Motivation to change, including willingness to forgo secondary gains, is documented',
        {
          anyOf: [present('psychological-symptoms', ['motivat'])],
        },
        { required: false },
      ),
      crit(
        'progress-after-two-weeks',
        'Beyond two weeks, subjective and objective gains are documented',
        { anyOf: [present('functional-improvement')] },
        { when: [present('prior-treatment', FRP_WORDS)] },
      ),
      crit('duration', 'The program requested is within about 20 full-day sessions (or part-day equivalent)', {
        allOf: [num('sessionsWithPrior', { max: 20 })],
      }),
    ],
    limits: [
      { measure: 'days', max: 20, stage: 'total', applies: 'full-day sessions' },
      { measure: 'weeks', max: 2, stage: 'trial', applies: 'before documented subjective and objective gains' },
      { measure: 'visits', max: 10, stage: 'trial', applies: 'trial when avoiding controversial surgery' },
    ],
    rationale:
      'The guideline supports a functional restoration program only after a baseline evaluation for a patient with significant functional loss, failed treatment and no surgical option, within about 20 days; here {finding}.',
    v2009: {
      section: 'Chronic pain programs (functional restoration programs)',
      sectionAliases: ['Functional restoration programs (FRPs)', 'Chronic pain programs'],
      pages: [30, 31, 32, 33, 34, 49],
      verification: RECALLED,
    },
    v2016: {
      section: 'Chronic pain programs (functional restoration programs)',
      sectionAliases: ['Functional restoration programs (FRPs)', 'Chronic pain programs'],
      verification: RECALLED,
    },
  }),
  ...chronicPain({
    key: 'work-conditioning',
    title: 'Work conditioning and work hardening',
    area: 'programs',
    anyPhase: true,
    appliesTo: { kinds: ['program', 'therapy'], keywords: ['work conditioning', 'work hardening'] },
    position: 'conditional',
    positionSummary:
      'Work conditioning or hardening is for a worker whose limits keep them from a medium-or-heavier job, who improved then plateaued in therapy, is not a surgical candidate, has a defined return-to-work goal, and is within two years of injury; up to four weeks, with gains shown within 1–2 weeks.',
    criteria: [
      crit(
        'job-demands',
        'Functional limits prevent safe performance of a job of medium or higher demand (an FCE may show this)',
        {
          anyOf: [present('functional-limitation'), present('work-status', ['off-work', 'modified-duty'])],
        },
      ),
      crit(
        'therapy-plateau',
        'An adequate trial of physical or occupational therapy improved function and then plateaued',
        {
          anyOf: [
            present('treatment-benefit', ['therapy']),
            present('prior-treatment', ['physical therapy', 'occupational therapy']),
          ],
        },
      ),
      crit('not-surgical', 'The worker is not a candidate for surgery or other clearly warranted treatment', {
        noneOf: [present('surgery-planned')],
      }),
      crit('return-to-work-goal', 'A specific return-to-work goal agreed by employer and employee is documented', {
        anyOf: [present('work-status')],
      }),
      crit(
        'time-since-injury',
        'The worker is no more than two years past the date of injury',
        { anyOf: [{ chronicity: ['acute', 'subacute', 'chronic'] }] },
        { required: false },
      ),
      crit(
        'no-repeat',
        'The worker has not already completed the same or a similar rehabilitation program for this injury',
        {
          noneOf: [present('prior-treatment', ['work conditioning', 'work hardening', 'functional restoration'])],
        },
      ),
    ],
    limits: [
      { measure: 'years-since-injury', max: 2 },
      { measure: 'weeks', max: 4, stage: 'total', applies: 'consecutive program' },
      { measure: 'weeks', min: 1, max: 2, stage: 'trial', applies: 'before documented compliance and gains' },
      { measure: 'hours-per-day', min: 4, applies: 'participation' },
      { measure: 'days-per-week', min: 3, max: 5, applies: 'participation' },
    ],
    rationale:
      'The guideline supports work conditioning for a worker with a defined return-to-work goal who plateaued in therapy and can tolerate the program; here {finding}.',
    v2009: { section: 'Work conditioning, work hardening', pages: [125, 126], verification: RECALLED },
    v2016: {
      section: 'Work conditioning, work hardening',
      verification: letters('Cited by a claims administrator in 2017.'),
    },
  }),
  ...chronicPain({
    key: 'detoxification',
    title: 'Detoxification (medication weaning programs)',
    area: 'programs',
    appliesTo: { kinds: ['program'], keywords: ['detox', 'detoxification', 'weaning program', 'rapid detox'] },
    position: 'conditional',
    positionSummary:
      'Detoxification is recommended when there are intolerable side effects, lack of response, aberrant behaviour, refractory psychiatric illness, or lack of functional improvement on the drug.',
    criteria: [
      crit(
        'indication',
        'An indication is documented: intolerable side effects, no response, aberrant behaviour, refractory comorbid psychiatric illness, or no functional improvement',
        {
          anyOf: [
            present('side-effects'),
            present('aberrant-behavior'),
            present('treatment-failure', ['opioid', 'medication']),
            present('psychological-symptoms'),
          ],
        },
      ),
    ],
    rationale:
      'The guideline supports detoxification when medication is ineffective, poorly tolerated or misused; here {finding}.',
    v2009: { section: 'Detoxification', pages: [42], verification: RECALLED },
    v2016: { section: 'Detoxification', verification: RECALLED },
  }),
  odg('low-back', {
    key: 'gym-memberships',
    title: 'ODG: gym memberships',
    area: 'programs',
    section: 'Gym memberships',
    sectionAliases: ['Gym membership'],
    appliesTo: {
      kinds: ['program', 'equipment', 'other', 'therapy'],
      keywords: ['gym', 'health club', 'ymca', 'pool membership', 'membership'],
    },
    position: 'not-recommended',
    positionSummary:
      'Gym memberships are not medical treatment unless a documented, periodically revised home exercise program has failed and specific equipment is needed, with supervision by medical professionals.',
    criteria: [
      crit(
        'home-program-failed',
        'A supervised home exercise program, periodically reassessed and revised, has failed',
        {
          anyOf: [present('treatment-failure', ['home exercise', 'exercise'])],
        },
      ),
      crit('equipment-need', 'A specific need for equipment unavailable at home is documented', {
        anyOf: [present('functional-limitation', ['equipment', 'pool'])],
      }),
      crit('supervised', 'The use will be monitored and administered by medical professionals', {
        anyOf: [mentions('supervised', 'monitored')],
      }),
    ],
    rationale:
      'ODG does not regard gym memberships as medical treatment without a failed, supervised home program and a specific equipment need; here {finding}.',
    verification: RECALLED,
  }),
  odg('low-back', {
    key: 'work-conditioning',
    title: 'ODG: work conditioning visits',
    area: 'programs',
    section: 'Work conditioning, work hardening',
    appliesTo: { kinds: ['program', 'therapy'], keywords: ['work conditioning', 'work hardening'] },
    position: 'conditional',
    positionSummary:
      'Work conditioning amounts to an extension of physical therapy: about 10 visits over 8 weeks, with return-to-work goals.',
    criteria: [crit('visits', 'No more than about 10 visits are requested', { allOf: [num('sessions', { max: 10 })] })],
    limits: [
      { measure: 'visits', max: 10 },
      { measure: 'weeks', max: 8 },
    ],
    rationale: 'ODG supports about 10 work-conditioning visits over 8 weeks; here {finding}.',
    verification: uncertain('Visit numbers recalled (research notes row R/U).'),
  }),
];

const homeCare: Topic[] = [
  topic('mtus-chronic-pain', '2009', {
    key: 'home-health-services',
    title: 'Home health services',
    area: 'home-care',
    section: 'Home health services',
    sectionAliases: ['Home health care services'],
    pages: [51],
    lineage: 'chronic-pain-home-health-services',
    appliesTo: { kinds: ['home-care'] },
    position: 'conditional',
    positionSummary:
      'Home health services are only for otherwise recommended medical treatment for homebound patients, part-time or intermittent (generally up to 35 hours a week); homemaker services and personal care alone are not medical treatment.',
    criteria: [
      crit('homebound', 'The patient is homebound', {
        anyOf: [present('functional-limitation', ['homebound', 'leave home', 'bedbound', 'confined'])],
      }),
      crit(
        'medical-treatment',
        'The services include medical (skilled) treatment, not only homemaker or personal care',
        {
          anyOf: [mentions('nursing', 'wound', 'skilled', 'physical therapy', 'infusion', 'dressing')],
        },
      ),
      crit('hours', 'Hours are part-time or intermittent (about 35 a week at most) and specified', {
        allOf: [num('hoursPerWeek', { max: 35 })],
      }),
    ],
    limits: [{ measure: 'hours-per-week', max: 35 }],
    rationale:
      'The 2009 guideline supports home health only for medical treatment of homebound patients, part-time; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-chronic-pain', '2016', {
    key: 'home-health-services',
    title: 'Home health services',
    area: 'home-care',
    section: 'Home health services',
    sectionAliases: ['Home health care services'],
    pages: [89, 90],
    lineage: 'chronic-pain-home-health-services',
    appliesTo: { kinds: ['home-care'] },
    position: 'conditional',
    positionSummary:
      'Home health care is supported short term after major surgery or hospitalization, or longer for patients who would otherwise need inpatient care, for homebound patients; domestic and personal care may be included alongside skilled care, with a justified plan.',
    criteria: [
      crit(
        'homebound',
        'The patient is homebound: leaving home needs help (device, transport, another person) or is inadvisable, and is a major effort',
        {
          anyOf: [
            present('functional-limitation', [
              'homebound',
              'leave home',
              'bedbound',
              'confined',
              'wheelchair',
              'walker',
            ]),
          ],
        },
      ),
      crit(
        'justification',
        'The physician documents the condition with objective functional deficits and the activities they prevent',
        {
          anyOf: [present('functional-limitation')],
        },
      ),
      crit(
        'services-specified',
        'The kinds of service, their frequency and duration, and the level of licensure needed are specified',
        {
          allOf: [flag('quantityUnspecified', false), flag('frequencySpecified', true)],
        },
      ),
      crit(
        'in-home-evaluation',
        'For care beyond 60 days, an in-home evaluation by a nurse, therapist or other qualified professional sets the scope of care',
        { anyOf: [present('prior-treatment', ['home health evaluation', 'in-home evaluation', 'home assessment'])] },
        { required: false },
      ),
    ],
    limits: [{ measure: 'days', max: 60, applies: 'before an in-home evaluation is needed' }],
    rationale:
      'The 2016 guideline supports home health services for homebound patients with documented deficits and a specified plan of services; here {finding}.',
    verification: letters(
      'Pages 89–90 of the 2016 guideline cited in a 2017 letter; differs from the 2009 text on domestic care.',
    ),
  }),
  odg('knee', {
    key: 'skilled-nursing-facility',
    title: 'ODG: skilled nursing facility and home health criteria',
    area: 'home-care',
    section: 'Skilled nursing facility (SNF) care',
    sectionAliases: ['Home Health Services', 'Home health services', 'Criteria for skilled nursing facility'],
    appliesTo: {
      kinds: ['home-care', 'program', 'other'],
      keywords: [
        'skilled nursing',
        'snf',
        'inpatient rehab',
        'rehabilitation facility',
        'acute rehab',
        'subacute facility',
      ],
    },
    position: 'conditional',
    positionSummary:
      'A skilled nursing facility stay follows a hospital stay (of at least three days) for patients who need daily skilled nursing or rehabilitation they cannot get at home, with functional improvement expected.',
    criteria: [
      crit(
        'hospitalized',
        'A recent hospitalization (at least three days) for a major procedure or condition is documented',
        {
          anyOf: [present('surgery-history'), mentions('hospital', 'admission')],
        },
      ),
      crit('daily-skilled-need', 'A need for daily skilled nursing or rehabilitation is documented', {
        anyOf: [present('functional-limitation'), present('neurological-deficit')],
      }),
    ],
    rationale:
      'ODG supports a skilled nursing facility only after hospitalization for patients with daily skilled needs; here {finding}.',
    verification: letters('Cited by a claims administrator for home aide services in 2017.'),
  }),
  odg('knee', {
    key: 'transportation',
    title: 'ODG: transportation to appointments',
    area: 'other',
    section: 'Transportation (to & from appointments)',
    sectionAliases: ['Transportation'],
    appliesTo: { kinds: ['other', 'home-care'], keywords: ['transportation', 'transport', 'taxi', 'ride'] },
    position: 'conditional',
    positionSummary:
      'Transportation to medical appointments in the same community is recommended for patients whose disabilities prevent self-transport.',
    criteria: [
      crit('cannot-self-transport', 'A disability that prevents driving or using public transport is documented', {
        anyOf: [present('functional-limitation', ['drive', 'driving', 'transport', 'walk', 'ambulat'])],
      }),
    ],
    rationale: 'ODG supports transportation only when the patient cannot get to appointments unaided; here {finding}.',
    verification: RECALLED,
  }),
];

const psychological: Topic[] = [
  ...chronicPain({
    key: 'behavioral-interventions',
    title: 'Behavioural interventions (CBT) for chronic pain',
    area: 'psychological',
    appliesTo: {
      kinds: ['psychological', 'therapy'],
      keywords: [...PSYCH_TX, 'behavioral intervention', 'pain psychology'],
    },
    position: 'recommended',
    positionSummary:
      'Screen for delayed recovery; if physical medicine alone has not helped after four weeks, add CBT: a trial of 3–4 visits over two weeks, then up to 6–10 visits over 5–6 weeks with objective functional improvement.',
    criteria: [
      crit(
        'indication',
        'Risk factors for delayed recovery, or lack of progress with physical medicine alone, are documented',
        {
          anyOf: [present('psychological-symptoms'), present('treatment-failure', ['therapy', 'physical therapy'])],
        },
      ),
      crit(
        'trial-size',
        'A first course is a trial of about 3–4 visits',
        { anyOf: [num('sessions', { max: 4 })] },
        { when: [flag('additional', false)] },
      ),
      common.functionalImprovementFromPrior(['cognitive', 'cbt', 'psychotherapy', 'psychological'], 'psychotherapy'),
      crit('total', 'Visits in all stay within about 10', { allOf: [num('sessionsWithPrior', { max: 10 })] }),
    ],
    limits: [
      { measure: 'visits', min: 3, max: 4, stage: 'trial' },
      { measure: 'weeks', max: 2, stage: 'trial' },
      { measure: 'visits', min: 6, max: 10, stage: 'total', applies: 'with objective functional improvement' },
      { measure: 'weeks', min: 5, max: 6, stage: 'total' },
    ],
    rationale:
      'The guideline supports a CBT trial of 3–4 visits and up to 6–10 with objective functional improvement; here {finding}.',
    v2009: {
      section: 'Behavioral interventions',
      sectionAliases: ['Cognitive behavioral therapy (CBT)', 'Cognitive behavioral therapy'],
      pages: [23],
      verification: RECALLED,
    },
    v2016: {
      section: 'Behavioral interventions',
      sectionAliases: ['Cognitive behavioral therapy (CBT)', 'Cognitive behavioral therapy'],
      verification: RECALLED,
    },
  }),
  ...chronicPain({
    key: 'psychological-evaluations',
    title: 'Psychological evaluations',
    area: 'psychological',
    anyPhase: true,
    appliesTo: {
      kinds: ['psychological', 'consultation'],
      keywords: [
        'psychological evaluation',
        'psych eval',
        'psychological testing',
        'psychiatric evaluation',
        'psych consult',
        'psychological consult',
        'psychometric',
      ],
    },
    position: 'recommended',
    positionSummary:
      'Psychological evaluation is recommended when a psychological condition appears to affect recovery or participation in rehabilitation, and before specified interventions (spinal fusion, spinal cord stimulator, implantable pumps, functional restoration).',
    criteria: [
      crit(
        'indication',
        'A psychological condition affecting recovery is suspected, or an intervention that requires clearance is planned',
        {
          anyOf: [
            present('psychological-symptoms'),
            present('sleep-disturbance'),
            present('surgery-planned'),
            mentions('stimulator', 'fusion', 'pump', 'functional restoration'),
          ],
        },
      ),
      common.notDuplicate(),
    ],
    rationale:
      'The guideline supports psychological evaluation when psychological factors affect recovery or before specified interventions; here {finding}.',
    v2009: { section: 'Psychological evaluations', pages: [100, 101], verification: RECALLED },
    v2016: { section: 'Psychological evaluations', verification: LETTERS },
  }),
  ...chronicPain({
    key: 'psychological-treatment',
    title: 'Psychological treatment (including intensive or partial-hospital care)',
    area: 'psychological',
    anyPhase: true,
    appliesTo: {
      kinds: ['psychological', 'program'],
      keywords: [
        ...PSYCH_TX,
        'partial hospitalization',
        'day treatment',
        'intensive outpatient',
        'psychiatric treatment',
        'psychological intervention',
      ],
    },
    position: 'recommended',
    positionSummary:
      'Psychological treatment is recommended for appropriately identified patients, stepped from self-management to brief therapy to intensive multidisciplinary care when pain persists despite continued therapy including psychological care.',
    criteria: [
      crit(
        'indication',
        'A psychological condition affecting pain, function or recovery is documented (depression, anxiety, PTSD, fear-avoidance)',
        {
          anyOf: [
            present('psychological-symptoms'),
            present('diagnosis', ['depress', 'anxiety', 'ptsd', 'adjustment', 'stress']),
          ],
        },
      ),
      crit(
        'step-up-justified',
        'Intensive care (partial hospitalization, day treatment) follows persistence of symptoms despite outpatient care, or severity (e.g., suicidal thoughts) requires it',
        {
          anyOf: [
            present('treatment-failure', ['psych', 'therapy', 'counsel', 'medication']),
            present('psychological-symptoms', ['suicid', 'homicid', 'severe']),
          ],
        },
        { when: [mentions('partial hospitalization', 'day treatment', 'intensive')] },
      ),
      // Intensive care is the step taken when outpatient care did not help: the step-up criterion judges it.
      common.functionalImprovementFromPrior(
        ['psychotherapy', 'psychological', 'cbt', 'counsel'],
        'psychological treatment',
        ['partial hospitalization', 'day treatment', 'intensive'],
      ),
    ],
    rationale:
      'The guideline supports psychological treatment in steps, with intensive care when symptoms persist or are severe; here {finding}.',
    v2009: { section: 'Psychological treatment', pages: [101, 102], verification: RECALLED },
    v2016: {
      section: 'Psychological treatment',
      verification: letters('Cited with “Psychological evaluations” for partial hospitalization in 2017.'),
    },
  }),
  ...chronicPain({
    key: 'biofeedback',
    title: 'Biofeedback',
    area: 'psychological',
    appliesTo: { kinds: ['psychological', 'therapy'], keywords: ['biofeedback', 'neurofeedback'] },
    position: 'conditional',
    positionSummary:
      'Biofeedback is not a stand-alone treatment; it may be an option in a CBT program, with a trial of 3–4 visits over two weeks and up to 6–10 with objective improvement.',
    criteria: [
      crit('with-cbt', 'Biofeedback is part of a cognitive behavioural program', {
        anyOf: [present('prior-treatment', ['cognitive', 'cbt', 'psychotherapy'])],
      }),
      crit(
        'trial-size',
        'A first course is about 3–4 visits',
        { anyOf: [num('sessions', { max: 4 })] },
        { when: [flag('additional', false)] },
      ),
    ],
    limits: [
      { measure: 'visits', max: 4, stage: 'trial' },
      { measure: 'visits', max: 10, stage: 'total' },
    ],
    rationale: 'The guideline supports biofeedback only within a CBT program; here {finding}.',
    v2009: { section: 'Biofeedback', pages: [24, 25], verification: RECALLED },
    v2016: { section: 'Biofeedback', verification: RECALLED },
  }),
  topic('mtus-acoem-stress', '2004', {
    key: 'general-approach',
    title: 'Stress-related conditions: general approach and referral',
    area: 'psychological',
    section: 'General Approach',
    sectionAliases: ['Referral', 'Treatment', 'Follow-up'],
    pages: [398],
    appliesTo: {
      kinds: ['psychological', 'consultation', 'program'],
      keywords: ['psychiatr', 'psycholog', 'stress', 'anxiety', 'depression', 'ptsd', ...PSYCH_TX],
    },
    position: 'conditional',
    positionSummary:
      'Stress-related conditions are managed with a symptom-focused plan by the primary physician; specialty referral is appropriate for significant psychopathology, serious comorbidity, or symptoms that persist despite treatment.',
    criteria: [
      crit(
        'referral-indication',
        'Significant psychopathology, serious comorbidity, or symptoms persisting despite primary treatment are documented',
        {
          anyOf: [
            present('psychological-symptoms'),
            present('diagnosis', ['depress', 'anxiety', 'ptsd', 'adjustment']),
          ],
        },
      ),
    ],
    rationale:
      'The MTUS ACOEM stress-related conditions chapter supports specialist care for significant or persisting psychological symptoms; here {finding}.',
    verification: recalled('Section cited by a claims administrator; page 398 recalled.'),
  }),
  odg('mental', {
    key: 'psychotherapy',
    title: 'ODG mental illness and stress: psychotherapy and cognitive therapy',
    area: 'psychological',
    section: 'Psychotherapy guidelines',
    sectionAliases: [
      'Cognitive therapy for depression',
      'Cognitive therapy for PTSD',
      'Cognitive behavioral therapy (CBT)',
    ],
    appliesTo: { kinds: ['psychological', 'program'], keywords: [...PSYCH_TX, 'psychiatr'] },
    position: 'recommended',
    positionSummary:
      'For psychiatric diagnoses, an initial trial of about six visits, then up to 13–20 visits with evidence of objective improvement; up to 50 for severe major depression or PTSD when progress is made.',
    criteria: [
      crit('diagnosis', 'A psychiatric diagnosis (depression, anxiety, PTSD) is documented', {
        anyOf: [present('diagnosis', ['depress', 'anxiety', 'ptsd', 'adjustment']), present('psychological-symptoms')],
      }),
      crit(
        'trial-size',
        'A first course is about six visits',
        { anyOf: [num('sessions', { max: 6 })] },
        { when: [flag('additional', false)] },
      ),
      common.functionalImprovementFromPrior(['psychotherapy', 'psychological', 'cbt', 'counsel'], 'psychotherapy'),
    ],
    limits: [
      { measure: 'visits', max: 6, stage: 'trial' },
      { measure: 'visits', min: 13, max: 20, stage: 'total', applies: 'with objective improvement' },
      { measure: 'visits', max: 50, stage: 'total', applies: 'severe major depression or PTSD with progress' },
    ],
    rationale: 'ODG supports psychotherapy as a six-visit trial extended with objective improvement; here {finding}.',
    verification: uncertain('Visit numbers recalled; the chapter is cited without a section by claims administrators.'),
  }),
];

const consultations: Topic[] = [
  topic('mtus-chronic-pain', '2016', {
    key: 'office-visits',
    title: 'Office visits and referrals',
    area: 'consultations',
    section: 'Office visits',
    sectionAliases: ['Office visit', 'Follow-up visits'],
    lineage: 'office-visits',
    appliesTo: {
      kinds: ['consultation'],
      keywords: [
        'consult',
        'referral',
        'refer',
        'evaluation',
        'eval',
        'visit',
        'follow up',
        're exam',
        'reexam',
        'office',
        'specialist',
        'surgeon',
        'toc',
        'transfer of care',
      ],
      priority: 0.5,
    },
    position: 'conditional',
    positionSummary:
      'Whether an office visit or referral is needed is decided case by case, from the complaints and findings, how stable the condition is, and the physician’s judgment; referral fits when the treating physician needs help with diagnosis or treatment.',
    criteria: [
      crit(
        'clinical-need',
        'Symptoms, findings or a clinical question justify the visit or referral (e.g., neurologic findings or imaging pathology for a surgical opinion)',
        {
          anyOf: [
            present('neurological-deficit'),
            present('imaging-result'),
            present('red-flag'),
            present('functional-limitation'),
            present('treatment-failure'),
            // A structural diagnosis that surgery or a specialist treats is itself a clinical question.
            present('diagnosis', undefined, { qualifiers: STRUCTURAL_DIAGNOSES }),
          ],
        },
      ),
      common.notDuplicate(),
    ],
    rationale:
      'The 2016 guideline leaves office visits and referrals to individual need and physician judgment, based on symptoms, findings and stability; here {finding}.',
    verification: letters(
      'Cited in 2017 letters for specialist evaluations, a therapy evaluation and surgical consultations.',
    ),
  }),
  odg('pain', {
    key: 'office-visits',
    title: 'ODG: office visits',
    area: 'consultations',
    section: 'Office visits',
    appliesTo: { kinds: ['consultation'] },
    position: 'conditional',
    positionSummary:
      'Office visits are determined by need—the patient’s concerns, signs and symptoms, stability and medications (e.g., opioids need regular follow-up); there is no set number.',
    criteria: [
      crit(
        'clinical-need',
        'The visit is justified by symptoms, findings, stability or medications that need monitoring',
        {
          anyOf: [
            present('functional-limitation'),
            present('medication-use'),
            present('neurological-deficit'),
            present('red-flag'),
          ],
        },
      ),
    ],
    rationale: 'ODG ties office visits to individual clinical need; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-acoem-general', '2004', {
    key: 'consultations',
    title: 'Independent medical examinations and consultations (referral)',
    area: 'consultations',
    section: 'Independent Medical Examinations and Consultations',
    sectionAliases: ['Referral', 'Consultation', 'Chapter 7'],
    pages: [127],
    appliesTo: {
      kinds: ['consultation'],
      keywords: ['consult', 'referral', 'refer', 'evaluation', 'specialist', 'second opinion', 'surgeon', 'eval'],
    },
    position: 'conditional',
    positionSummary:
      'The treating physician may refer to a specialist when the diagnosis is uncertain or extremely complex, psychosocial factors are present, or the plan would benefit from additional expertise.',
    criteria: [
      crit(
        'reason-for-referral',
        'The diagnosis is uncertain or complex, psychosocial factors are present, or treatment needs another specialty’s expertise',
        {
          anyOf: [
            present('treatment-failure'),
            present('neurological-deficit'),
            present('imaging-result'),
            present('psychological-symptoms'),
            present('surgery-planned'),
          ],
        },
      ),
      common.notDuplicate(),
    ],
    rationale:
      'The MTUS ACOEM general chapter supports referral when the diagnosis is uncertain or complex or the plan needs added expertise; here {finding}.',
    verification: recalled(
      'Chapter 7, page 127, is commonly cited for referrals; not in this corpus, which cites “Office visits”.',
    ),
  }),
  topic('mtus-acoem-general', '2004', {
    key: 'functional-capacity-evaluation',
    title: 'Functional capacity evaluation',
    area: 'consultations',
    section: 'General Approach to Initial Assessment and Documentation',
    sectionAliases: ['Independent Medical Examinations and Consultations', 'Functional capacity evaluation'],
    pages: [137, 138],
    appliesTo: { kinds: ['consultation', 'other', 'program'], keywords: ['functional capacity', 'fce'] },
    position: 'conditional',
    positionSummary:
      'A functional capacity evaluation may be ordered when a more precise picture of capabilities than the physical exam gives is needed, for example to set work restrictions or a return-to-work plan.',
    criteria: [
      crit(
        'work-question',
        'A specific work or return-to-work question needs a more precise measure of capacity than the exam provides',
        {
          anyOf: [present('work-status'), present('functional-limitation')],
        },
      ),
    ],
    rationale:
      'The MTUS ACOEM general chapter allows an FCE when precise capacities are needed for work decisions; here {finding}.',
    verification: letters('Section name cited in a 2017 letter; pages 137–138 (Chapter 7) recalled.'),
  }),
  odg('fitness', {
    key: 'functional-capacity-evaluation',
    title: 'ODG fitness for duty: functional capacity evaluation',
    area: 'consultations',
    section: 'Functional capacity evaluation (FCE)',
    sectionAliases: ['Functional capacity evaluation', 'Guidelines for performing an FCE'],
    appliesTo: { kinds: ['consultation', 'other', 'program'], keywords: ['functional capacity', 'fce'] },
    position: 'conditional',
    positionSummary:
      'An FCE is for case management when return-to-work attempts have failed, precautions or fitness are disputed, or injuries need detailed study of abilities, with the worker at or near maximum medical improvement; not to check effort alone.',
    criteria: [
      crit(
        'failed-return-or-conflict',
        'Prior return-to-work attempts failed, or precautions or fitness for modified work are in conflict',
        {
          anyOf: [present('work-status', ['off-work', 'failed']), present('treatment-failure', ['return to work'])],
        },
      ),
      crit('near-mmi', 'The worker is at or near maximum medical improvement, with other conditions clarified', {
        anyOf: [
          present('diagnosis', ['maximum medical improvement', 'mmi', 'permanent and stationary']),
          mentions('mmi', 'p s'),
        ],
      }),
    ],
    rationale:
      'ODG supports an FCE near maximum medical improvement when return to work has failed or fitness is disputed; here {finding}.',
    verification: LETTERS,
  }),
];

const otherLaboratory: Topic[] = [
  ...chronicPain({
    key: 'drug-testing',
    title: 'Urine drug testing',
    area: 'laboratory',
    anyPhase: true,
    appliesTo: {
      kinds: ['laboratory'],
      keywords: ['urine', 'uds', 'udt', 'drug screen', 'drug test', 'toxicology', 'tox screen'],
    },
    position: 'recommended',
    positionSummary:
      'Drug testing is an option to check for illegal drugs, before an opioid trial and during treatment; frequent random screens are a step against misuse in patients at risk.',
    criteria: [
      crit('on-controlled-substances', 'The patient takes or will start opioids or other controlled substances', {
        anyOf: [
          present('medication-use', [
            'hydrocodone',
            'oxycodone',
            'tramadol',
            'morphine',
            'opioid',
            'norco',
            'benzodiazepine',
          ]),
        ],
      }),
      crit(
        'frequency-matches-risk',
        'With a recent test on file, a repeat is justified by risk or aberrant behaviour',
        {
          anyOf: [
            present('aberrant-behavior'),
            present('urine-drug-screen', undefined, { qualifiers: ['inconsistent'] }),
          ],
        },
        { when: [present('urine-drug-screen')] },
      ),
    ],
    rationale:
      'The guideline supports drug testing for patients on controlled substances at a frequency matched to risk; here {finding}.',
    v2009: {
      section: 'Drug testing',
      sectionAliases: ['Opioids, steps to avoid misuse/addiction', 'Urine drug testing'],
      pages: [43, 94, 95],
      verification: RECALLED,
    },
    v2016: {
      section: 'Urine drug testing',
      sectionAliases: ['Drug testing', 'Urine drug testing (UDT)'],
      verification: uncertain('2016 section name assumed from the ODG pain chapter it adapts.'),
    },
  }),
  ...chronicPain({
    key: 'cytokine-dna-testing',
    title: 'Cytokine DNA testing',
    area: 'laboratory',
    anyPhase: true,
    appliesTo: { kinds: ['laboratory'], keywords: ['cytokine', 'dna test', 'dna testing'] },
    position: 'not-recommended',
    positionSummary: 'Cytokine DNA testing for pain is not recommended; no current evidence supports it.',
    criteria: [common.notRecommended(['cytokine', 'dna'], 'cytokine DNA testing')],
    rationale: 'The guideline does not recommend cytokine DNA testing; here {finding}.',
    v2009: { section: 'Cytokine DNA testing (for pain)', pages: [42], verification: RECALLED },
    v2016: { section: 'Cytokine DNA testing (for pain)', verification: RECALLED },
  }),
];

export const PROGRAM_TOPICS: readonly Topic[] = [
  ...programs,
  ...homeCare,
  ...psychological,
  ...consultations,
  ...otherLaboratory,
];
