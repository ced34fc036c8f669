import type { Criterion, Topic, TopicMatcher } from '../schema.js';
import {
  absent,
  age,
  chronicPain,
  common,
  crit,
  flag,
  ingredient,
  LETTERS,
  letters,
  num,
  odg,
  pages,
  present,
  RECALLED,
  recalled,
  region,
  topic,
  uncertain,
} from './build.js';

/** Drug lists shared by several topics (generic names, lower case; brands as keywords). */
export const OPIOIDS = [
  'hydrocodone',
  'oxycodone',
  'morphine',
  'tramadol',
  'tapentadol',
  'hydromorphone',
  'oxymorphone',
  'methadone',
  'fentanyl',
  'codeine',
  'meperidine',
  'levorphanol',
];
const OPIOID_BRANDS = [
  'norco',
  'vicodin',
  'lortab',
  'percocet',
  'oxycontin',
  'ultram',
  'ultracet',
  'nucynta',
  'kadian',
  'ms contin',
  'dilaudid',
  'opana',
  'duragesic',
  'trezix',
  'opioid',
  'opiate',
];
const MUSCLE_RELAXANTS = [
  'cyclobenzaprine',
  'tizanidine',
  'carisoprodol',
  'methocarbamol',
  'metaxalone',
  'orphenadrine',
  'baclofen',
  'chlorzoxazone',
  'dantrolene',
];
const NSAIDS = [
  'ibuprofen',
  'naproxen',
  'diclofenac',
  'meloxicam',
  'celecoxib',
  'etodolac',
  'nabumetone',
  'ketoprofen',
  'indomethacin',
  'piroxicam',
  'oxaprozin',
  'ketorolac',
  'fenoprofen',
  'flurbiprofen',
  'sulindac',
  'diflunisal',
  'salsalate',
];
const FIRST_LINE_NEUROPATHIC = [
  'gabapentin',
  'pregabalin',
  'neurontin',
  'lyrica',
  'amitriptyline',
  'nortriptyline',
  'duloxetine',
  'cymbalta',
  'antidepressant',
  'anticonvulsant',
];
const BENZODIAZEPINES = [
  'diazepam',
  'alprazolam',
  'lorazepam',
  'clonazepam',
  'temazepam',
  'chlordiazepoxide',
  'oxazepam',
];
const LONG_TERM = ['month', 'year', 'long-term', 'long term', 'chronic'];
const NEUROPATHIC_DIAGNOSES = ['neuropath', 'neuralgia', 'radiculopathy', 'radiculitis', 'crps', 'nerve'];

/** Topical ingredients the Chronic Pain guidelines name as not recommended, or as lacking support, for topical use. */
export const TOPICAL_NOT_SUPPORTED = [
  'gabapentin',
  'pregabalin',
  'baclofen',
  'cyclobenzaprine',
  'orphenadrine',
  'methocarbamol',
  'tizanidine',
  'carisoprodol',
  'ketoprofen',
  'flurbiprofen',
  'amitriptyline',
  'dextromethorphan',
  'tramadol',
  'bupivacaine',
  'dexamethasone',
  'ketamine',
  'clonidine',
];
const NON_PATCH_FORMS = ['cream', 'gel', 'lotion', 'ointment', 'solution', 'spray', 'liquid', 'jelly'];

const OPIOID_MATCH: Pick<TopicMatcher, 'drugClasses' | 'drugs' | 'keywords' | 'route'> = {
  drugClasses: ['opioid'],
  drugs: OPIOIDS,
  keywords: OPIOID_BRANDS,
  route: 'systemic',
};

// --- criteria reused by several topics ---------------------------------------------------------------

const opioidAnalgesia: Criterion = crit(
  'analgesia',
  'Meaningful benefit from the opioid is documented: pain relief quantified (scores with and without it, or a percentage), not only pain levels, or a functional gain the record attributes to it',
  {
    anyOf: [
      present('pain-relief'),
      present('pain-score', undefined, { qualifiers: ['with-medication'] }),
      // "Improved function and pain" is the test for continuing; reviewers accept a benefit the
      // treating physician documents as functional and ties to the drug itself.
      present('functional-improvement', undefined, { aboutRequest: true }),
    ],
  },
);
const opioidFunction: Criterion = crit(
  'activity',
  'Objective functional benefit is documented (specific ADLs, activity tolerance, return to or staying at work)',
  { anyOf: [present('functional-improvement'), present('work-status', ['full-duty', 'modified-duty'])] },
);
const opioidMonitoring: Criterion = crit(
  'misuse-monitoring',
  'Adherence is monitored (recent urine drug test, CURES report, treatment agreement) and no aberrant behaviour or inconsistent result is left unaddressed',
  {
    // The fourth of the "four A's": a documented absence of aberrant drug-taking behaviour also counts.
    anyOf: [present('urine-drug-screen'), present('opioid-agreement'), absent('aberrant-behavior')],
    noneOf: [present('aberrant-behavior'), present('urine-drug-screen', undefined, { qualifiers: ['inconsistent'] })],
  },
);
const nonOpioidFailed: Criterion = crit(
  'non-opioid-failed',
  'Non-opioid analgesics and non-drug care were tried first and did not control the pain, or are contraindicated',
  {
    anyOf: [
      present('treatment-failure', [
        'nsaid',
        'acetaminophen',
        'anti-inflammator',
        'non-opioid',
        'medication',
        'gabapentin',
      ]),
      present('side-effects', ['nsaid', 'anti-inflammator']),
    ],
  },
);
const relaxantForSpasm: Criterion = crit(
  'acute-exacerbation',
  'An acute flare-up of pain or muscle spasm is documented on examination',
  {
    anyOf: [present('exam-finding', ['spasm']), present('diagnosis', ['spasm', 'exacerbation', 'flare'])],
  },
);
const relaxantShortCourse: Criterion = crit(
  'short-course',
  'The amount requested is a short course of about two to three weeks, and the patient is not already on long-term muscle relaxant use',
  {
    allOf: [num('supplyDays', { max: 21 })],
    noneOf: [present('medication-use', MUSCLE_RELAXANTS, { qualifiers: LONG_TERM })],
  },
);
const topicalIngredients: Criterion = crit(
  'each-ingredient-supported',
  'Every ingredient is one the guideline supports for topical use; a single unsupported drug or class (e.g., gabapentin, baclofen, cyclobenzaprine, ketoprofen, lidocaine other than the patch) makes the whole product unsupported',
  {
    noneOf: [
      ingredient({ generics: TOPICAL_NOT_SUPPORTED }),
      ingredient({ generics: ['lidocaine'], forms: NON_PATCH_FORMS }),
    ],
  },
);
const topicalFirstLineFailed: Criterion = crit(
  'first-line-failed',
  'Oral first-line agents (antidepressant and anticonvulsant for neuropathic pain, or an oral NSAID) failed, were not tolerated, or are contraindicated',
  {
    anyOf: [
      present('treatment-failure', [...FIRST_LINE_NEUROPATHIC, 'nsaid', 'oral', 'medication']),
      present('side-effects', ['oral', 'nsaid', 'gastr', 'stomach']),
      present('gi-risk'),
    ],
  },
);
const topicalIndication: Criterion = crit(
  'indication',
  'The pain is of a kind topical products are supported for: localized neuropathic pain, or osteoarthritis or tendinitis of a joint suited to topical treatment',
  {
    anyOf: [
      present('diagnosis', [...NEUROPATHIC_DIAGNOSES, 'osteoarthritis', 'arthritis', 'tendinitis', 'tendonitis']),
      present('radicular-symptoms'),
    ],
  },
);
const neuropathicPain: Criterion = crit(
  'neuropathic-pain',
  'Neuropathic pain is documented (radicular findings, neuropathy, post-herpetic neuralgia, CRPS), not purely mechanical or axial pain',
  {
    anyOf: [
      present('diagnosis', NEUROPATHIC_DIAGNOSES),
      present('radicular-symptoms'),
      present('neurological-deficit'),
      present('exam-finding', ['sensory-deficit', 'allodynia']),
    ],
  },
);
const responseToAdjuvant: Criterion = crit(
  'documented-response',
  'For continued use, at least moderate pain relief (about 30% or more) and functional benefit are documented, with side effects reviewed',
  { anyOf: [present('pain-relief', undefined, { min: 30 }), present('functional-improvement')] },
  { when: [present('medication-use')] },
);

// --- topics -------------------------------------------------------------------------------------------

const chronicPainMedications: Topic[] = [
  ...chronicPain({
    key: 'medications-chronic-pain',
    title: 'Medications for chronic pain: general principles',
    area: 'medications',
    appliesTo: { kinds: ['medication'] },
    position: 'conditional',
    positionSummary:
      'Medications are chosen for the type of pain, started one at a time, and continued only when each one is shown to help both pain and function.',
    criteria: [common.analgesiaFromMedication(), common.functionFromMedication(), common.quantitySpecified()],
    rationale:
      'The guideline supports a medication for chronic pain only when its own effect on pain and function is recorded; here {finding}.',
    v2009: {
      section: 'Medications for chronic pain',
      pages: [60, 61],
      verification: letters('Cited with pages 60, 78, 86 for an opioid refill in an older letter.'),
    },
    v2016: { section: 'Medications for chronic pain', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'acetaminophen',
    title: 'Acetaminophen',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['acetaminophen'],
      drugs: ['acetaminophen'],
      keywords: ['tylenol'],
    },
    position: 'recommended',
    positionSummary:
      'A first-line option for mild to moderate pain, notably osteoarthritis, provided the total daily dose stays within the hepatotoxicity ceiling.',
    criteria: [
      crit('daily-dose', 'The total daily acetaminophen from all products stays within 4 g', {
        noneOf: [present('side-effects', ['liver', 'hepat'])],
      }),
      common.quantitySpecified(),
    ],
    limits: [{ measure: 'grams-per-day', max: 4, applies: 'acetaminophen from all products combined' }],
    rationale: 'The guideline supports acetaminophen as a first-line analgesic at safe daily doses; here {finding}.',
    v2009: { section: 'Acetaminophen (APAP)', pages: [11, 12], verification: RECALLED },
    v2016: { section: 'Acetaminophen (APAP)', verification: RECALLED },
  }),
  topic('mtus-chronic-pain', '2009', {
    key: 'opioids-ongoing',
    title: 'Opioids: ongoing management and when to continue',
    area: 'medications',
    section: 'Opioids, ongoing management',
    sectionAliases: [
      'Opioids, criteria for use',
      'Criteria for use of opioids',
      'Opioids, long-term assessment',
      'Opioids, when to continue',
      'Opioids for chronic pain',
      'Opioids, pain treatment agreement',
      'Opioids, specific drug list',
      'Opioids',
    ],
    pages: [78, 79, 80, 88, 89],
    lineage: 'opioids-ongoing',
    // Letters cite the general opioid sections for tramadol as for any opioid, as with the 2016 guideline.
    appliesTo: { kinds: ['medication'], ...OPIOID_MATCH, phases: ['chronic'], priority: 2 },
    position: 'conditional',
    positionSummary:
      'Opioids for chronic pain continue only with documented pain relief and functional gain (or return to work), monitoring for misuse and side effects, one prescriber, and the lowest effective dose.',
    criteria: [
      opioidAnalgesia,
      opioidFunction,
      opioidMonitoring,
      common.sideEffectsReviewed(),
      crit(
        'single-prescriber',
        'Prescriptions come from one prescriber and one pharmacy, with no sign of early refills or escalation',
        { noneOf: [present('aberrant-behavior', ['prescriber', 'pharmac', 'early refill', 'escalat'])] },
        { required: false },
      ),
      crit(
        'specialist-if-no-progress',
        'If pain and function have not improved after about three months, a pain-management consultation has been sought',
        { anyOf: [present('prior-treatment', ['pain management', 'pain specialist'])] },
        { required: false, when: [absent('functional-improvement')] },
      ),
      common.quantitySpecified(),
    ],
    limits: [
      { measure: 'months', max: 3, applies: 'time without improvement before a pain-specialist consultation' },
      { measure: 'months', max: 6, applies: 'interval for measuring function with a numeric or validated scale' },
    ],
    rationale:
      'The guideline allows opioids to continue only when the record shows meaningful pain relief and functional benefit with monitoring for misuse and side effects; here {finding}.',
    verification: letters('Section names and pages 78, 80, 88–89 as cited in letters; pages 76–80 cover the criteria.'),
  }),
  topic('mtus-chronic-pain', '2009', {
    key: 'opioids-initiation',
    title: 'Opioids: before and at the start of a trial',
    area: 'medications',
    section: 'Opioids, criteria for use',
    sectionAliases: [
      'Opioids, initiating therapy',
      'Steps to take before a therapeutic trial of opioids',
      'Opioids, screening for risk of addiction (tests)',
    ],
    pages: [76, 77],
    lineage: 'opioids-initiation',
    appliesTo: { kinds: ['medication'], ...OPIOID_MATCH, phases: ['chronic'] },
    position: 'conditional',
    positionSummary:
      'An opioid trial for chronic pain follows failure of non-opioid analgesics, with baseline pain and function, agreed functional goals, and an assessment of misuse risk.',
    criteria: [
      nonOpioidFailed,
      crit('baseline', 'Baseline pain and function are recorded so that the trial can be judged', {
        anyOf: [present('pain-score'), present('functional-limitation')],
      }),
      crit(
        'risk-assessed',
        'Risk of misuse is assessed (history, screening, a baseline drug test) and a treatment agreement is in place',
        { anyOf: [present('urine-drug-screen'), present('opioid-agreement')] },
        { required: false },
      ),
      common.quantitySpecified(),
    ],
    rationale:
      'The guideline supports starting opioids for chronic pain only after non-opioid care fails and risk and baseline function are documented; here {finding}.',
    verification: letters('Section name as cited in letters; pages 76–77 recalled.'),
  }),
  topic('mtus-chronic-pain', '2009', {
    key: 'opioids-dosing',
    title: 'Opioids: dosing and the morphine-equivalent ceiling',
    area: 'medications',
    section: 'Opioids, dosing',
    sectionAliases: ['Opioid dosing', 'Opioids, dosing calculator'],
    pages: [86, 87],
    lineage: 'opioids-dosing',
    appliesTo: {
      kinds: ['medication'],
      ...OPIOID_MATCH,
      // Not 'med': keywords match at a word start, and "Medrol" or "medication" are no dosing request.
      keywords: ['morphine equivalent'],
      phases: ['chronic'],
    },
    position: 'conditional',
    positionSummary:
      'The total daily dose of all opioids together should rarely exceed 120 mg oral morphine equivalents, and then only after pain-management consultation.',
    criteria: [
      crit(
        'med-threshold',
        'The combined daily dose of all opioids, in oral morphine equivalents, stays at or below 120 mg, or a pain specialist has been consulted',
        {
          anyOf: [num('medMgPerDay', { max: 120 }), present('prior-treatment', ['pain management', 'pain specialist'])],
        },
      ),
    ],
    limits: [{ measure: 'med-mg-per-day', max: 120, applies: 'all opioids combined' }],
    rationale:
      'The guideline keeps total opioid dose at or below 120 mg morphine equivalents without specialist input; here {finding}.',
    verification: letters('Cited with pages 60, 78, 86 in an older letter; the 120 mg ceiling is recalled.'),
  }),
  topic('mtus-chronic-pain', '2009', {
    key: 'opioids-discontinuation',
    title: 'Opioids: when to discontinue, and weaning',
    area: 'medications',
    section: 'Opioids, when to discontinue',
    sectionAliases: ['Weaning of medications', 'Opioids, weaning', 'Weaning, opioids (specific guidelines)'],
    pages: [79, 80, 124],
    lineage: 'opioids-weaning',
    appliesTo: { kinds: ['medication', 'program'], ...OPIOID_MATCH, keywords: ['wean', 'taper'], phases: ['chronic'] },
    position: 'conditional',
    positionSummary:
      'Opioids should be tapered or stopped when function does not improve, side effects are intolerable, or misuse appears; long-term users are weaned gradually, not stopped abruptly.',
    criteria: [
      crit(
        'no-discontinuation-trigger',
        'No reason to stop is documented: no lack of functional improvement, no intolerable side effects, no diversion, forgery, overdose or multiple prescribers',
        {
          noneOf: [
            present('aberrant-behavior', ['divers', 'forg', 'overdose', 'prescriber', 'pharmac']),
            present('side-effects', ['intolerable', 'severe']),
          ],
        },
      ),
    ],
    rationale:
      'When continued opioids are not supported, the guideline calls for a gradual taper rather than an abrupt stop; here {finding}.',
    verification: RECALLED,
  }),
  ...chronicPain({
    key: 'tramadol',
    title: 'Tramadol',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugs: ['tramadol'],
      keywords: ['ultram', 'ultracet', 'tramadol'],
      route: 'systemic',
    },
    position: 'conditional',
    positionSummary:
      'Tramadol, a centrally acting synthetic opioid, is not a first-line oral analgesic; continued use needs the same documentation as other opioids.',
    criteria: [nonOpioidFailed, opioidAnalgesia, opioidFunction, opioidMonitoring, common.quantitySpecified()],
    rationale:
      'The guideline treats tramadol as an opioid that needs documented relief, function and monitoring to continue; here {finding}.',
    v2009: {
      section: 'Tramadol (Ultram)',
      sectionAliases: ['Tramadol (Ultram®)'],
      pages: [113],
      verification: RECALLED,
    },
    v2016: { section: 'Tramadol (Ultram)', verification: letters('Cited by a claims administrator in 2017.') },
  }),
  ...chronicPain({
    key: 'opioid-induced-constipation',
    title: 'Opioid-induced constipation treatment',
    area: 'medications',
    anyPhase: true,
    appliesTo: {
      kinds: ['medication', 'surgical-associated'],
      drugClasses: ['laxative'],
      drugs: [
        'docusate',
        'senna',
        'sennosides',
        'lubiprostone',
        'naloxegol',
        'methylnaltrexone',
        'polyethylene glycol',
        'bisacodyl',
        'lactulose',
        'linaclotide',
      ],
      keywords: ['colace', 'senokot', 'amitiza', 'movantik', 'relistor', 'miralax', 'laxative', 'stool softener'],
    },
    position: 'recommended',
    positionSummary:
      'When an opioid is needed for more than a few days, preventing and treating constipation (laxatives, fluids, fibre, activity) is recommended.',
    criteria: [
      crit(
        'opioid-in-use',
        'An opioid is being taken, or is planned for more than a few days (for example after surgery)',
        { anyOf: [present('medication-use', OPIOIDS), flag('associatedSurgery', true)] },
      ),
      common.quantitySpecified(),
    ],
    rationale: 'The guideline supports a laxative when opioids are used for more than a few days; here {finding}.',
    v2009: {
      section: 'Opioids, criteria for use',
      sectionAliases: ['Opioids, initiating therapy'],
      pages: [77],
      verification: recalled('The 2009 edition addresses constipation prophylaxis within opioid initiation.'),
    },
    v2016: { section: 'Opioid-induced constipation treatment', verification: LETTERS },
  }),
  ...chronicPain({
    key: 'muscle-relaxants',
    title: 'Muscle relaxants',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['muscle-relaxant'],
      drugs: MUSCLE_RELAXANTS,
      keywords: ['zanaflex', 'robaxin', 'skelaxin', 'norflex', 'lioresal', 'parafon', 'muscle relaxant'],
      route: 'systemic',
    },
    position: 'conditional',
    positionSummary:
      'Non-sedating muscle relaxants are a second-line, short-term option for acute exacerbations of chronic low back pain; benefit fades and long-term use is not supported.',
    criteria: [
      relaxantForSpasm,
      relaxantShortCourse,
      crit(
        'first-line-tried',
        'First-line analgesics (an NSAID or acetaminophen) were used first',
        {
          anyOf: [
            present('medication-use', [...NSAIDS, 'acetaminophen', 'nsaid']),
            present('treatment-failure', ['nsaid', 'acetaminophen', 'anti-inflammator']),
          ],
        },
        { required: false },
      ),
      common.analgesiaFromMedication(),
      common.functionFromMedication(),
      common.quantitySpecified(),
    ],
    limits: [{ measure: 'weeks', max: 3, stage: 'total', applies: 'short course for an acute exacerbation' }],
    rationale:
      'The guideline supports muscle relaxants only briefly, as a second-line option for an acute flare; here {finding}.',
    v2009: {
      section: 'Muscle relaxants (for pain)',
      sectionAliases: ['Muscle relaxants', 'Antispasticity/Antispasmodic drugs', 'Tizanidine (Zanaflex)'],
      pages: pages(63, 66),
      verification: letters('Cited with pages 63–64 in older letters.'),
      // The 2009 letters cite the class section for cyclobenzaprine too; its own page is a supporting cite.
      priority: 2,
    },
    v2016: {
      section: 'Muscle relaxants (for pain)',
      sectionAliases: ['Muscle relaxants', 'Tizanidine (Zanaflex)'],
      verification: LETTERS,
    },
  }),
  ...chronicPain({
    key: 'cyclobenzaprine',
    title: 'Cyclobenzaprine',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugs: ['cyclobenzaprine'],
      keywords: ['flexeril', 'fexmid', 'amrix', 'cyclobenzaprine'],
      route: 'systemic',
    },
    position: 'conditional',
    positionSummary:
      'Cyclobenzaprine is an option only as a short course: its effect is greatest in the first days, adding it to other agents is not recommended, and use beyond two to three weeks is not supported.',
    criteria: [relaxantForSpasm, relaxantShortCourse, common.quantitySpecified()],
    limits: [{ measure: 'weeks', max: 3, stage: 'total', applies: 'course of cyclobenzaprine (2–3 weeks)' }],
    rationale: 'The guideline limits cyclobenzaprine to a short course of two to three weeks; here {finding}.',
    v2009: { section: 'Cyclobenzaprine (Flexeril)', pages: [41, 42], verification: RECALLED },
    v2016: { section: 'Cyclobenzaprine (Flexeril)', verification: LETTERS },
  }),
  ...chronicPain({
    key: 'carisoprodol',
    title: 'Carisoprodol',
    area: 'medications',
    appliesTo: { kinds: ['medication'], drugs: ['carisoprodol'], keywords: ['soma', 'carisoprodol'] },
    position: 'not-recommended',
    positionSummary:
      'Carisoprodol is not recommended: it is metabolized to meprobamate, carries abuse potential, and is not meant for long-term use.',
    criteria: [
      crit(
        'guideline-supports',
        'The guideline supports this drug, or the record documents an exceptional reason to depart from it',
        { noneOf: [ingredient({ generics: ['carisoprodol'] })] },
      ),
    ],
    rationale: 'The guideline does not recommend carisoprodol; here {finding}.',
    v2009: { section: 'Carisoprodol (Soma)', pages: [29], verification: RECALLED },
    v2016: { section: 'Carisoprodol (Soma)', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'nsaids',
    title: 'NSAIDs (oral anti-inflammatory drugs)',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['nsaid', 'cox2-inhibitor'],
      drugs: NSAIDS,
      keywords: ['motrin', 'advil', 'naprosyn', 'anaprox', 'aleve', 'mobic', 'celebrex', 'relafen', 'lodine', 'daypro'],
      route: 'systemic',
    },
    position: 'recommended',
    positionSummary:
      'Oral anti-inflammatories are a first-line option to reduce pain so activity can resume, at the lowest dose for the shortest time; long-term use needs documented benefit and monitoring.',
    criteria: [
      crit(
        'benefit-from-prior-use',
        'For continued use, relief of pain and a functional gain from the NSAID are documented',
        { anyOf: [present('pain-relief'), present('functional-improvement')] },
        { when: [present('medication-use', NSAIDS)] },
      ),
      crit(
        'risk-assessed',
        'Gastrointestinal, cardiovascular and renal risk is considered for ongoing use',
        { anyOf: [present('gi-risk'), absent('gi-risk')] },
        { required: false },
      ),
      crit(
        'no-duplicate-class',
        'The patient is not already taking another NSAID without a stated reason for two at once',
        { noneOf: [present('medication-use', NSAIDS, { otherThanRequest: true })] },
        { silentMeansNone: true },
      ),
      common.quantitySpecified(),
    ],
    rationale:
      'The guideline supports NSAIDs at the lowest dose for the shortest period, with continued use tied to documented benefit; here {finding}.',
    v2009: {
      section: 'NSAIDs (non-steroidal anti-inflammatory drugs)',
      sectionAliases: ['Anti-inflammatory medications', 'NSAIDs, specific drug list & adverse effects', 'NSAIDs'],
      pages: [22, 67, 68],
      verification: recalled('Page 22 (anti-inflammatory medications) verified against a public copy; 67–68 recalled.'),
    },
    v2016: {
      section: 'NSAIDs (non-steroidal anti-inflammatory drugs)',
      sectionAliases: ['Anti-inflammatory medications', 'NSAIDs, specific drug list & adverse effects', 'NSAIDs'],
      verification: LETTERS,
    },
  }),
  ...chronicPain({
    key: 'nsaids-gi-risk',
    title: 'NSAIDs and GI risk: proton-pump inhibitors and gastroprotection',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['ppi', 'h2-blocker'],
      drugs: [
        'omeprazole',
        'pantoprazole',
        'esomeprazole',
        'lansoprazole',
        'rabeprazole',
        'dexlansoprazole',
        'famotidine',
        'ranitidine',
        'misoprostol',
      ],
      keywords: [
        'prilosec',
        'protonix',
        'nexium',
        'prevacid',
        'aciphex',
        'dexilant',
        'pepcid',
        'zantac',
        'cytotec',
        'ppi',
      ],
    },
    position: 'conditional',
    positionSummary:
      'A PPI (or misoprostol) with an NSAID is for patients at intermediate or high GI risk—over 65, prior ulcer or bleeding, aspirin, steroid or anticoagulant use, high-dose or multiple NSAIDs; without such risk it is not indicated.',
    criteria: [
      crit(
        'gi-risk',
        'A GI risk factor or GI symptoms are documented (age over 65, prior ulcer or bleeding, aspirin, corticosteroid or anticoagulant use, high-dose or multiple NSAIDs, dyspepsia)',
        {
          anyOf: [
            present('gi-risk'),
            age({ min: 66 }),
            present('medication-use', ['aspirin', 'prednisone', 'warfarin', 'apixaban', 'rivaroxaban', 'clopidogrel']),
          ],
          noneOf: [absent('gi-risk')],
        },
      ),
      crit(
        'nsaid-in-use',
        'The patient takes an NSAID (or another drug) that the gastroprotection is meant to cover',
        { anyOf: [present('medication-use', [...NSAIDS, 'nsaid', 'aspirin'])] },
        { required: false },
      ),
      common.quantitySpecified(),
    ],
    limits: [{ measure: 'months', max: 12, applies: 'PPI use beyond a year is linked to hip fracture risk' }],
    rationale:
      'The guideline supports a proton-pump inhibitor only for patients with GI risk factors who take NSAIDs; here {finding}.',
    v2009: { section: 'NSAIDs, GI symptoms & cardiovascular risk', pages: [68, 69], verification: RECALLED },
    v2016: {
      section: 'NSAIDs, GI symptoms & cardiovascular risk',
      sectionAliases: ['Proton pump inhibitors (PPIs)'],
      verification: uncertain('2016 section name assumed to carry over from 2009.'),
    },
  }),
  ...chronicPain({
    key: 'ketorolac',
    title: 'Ketorolac',
    area: 'medications',
    appliesTo: { kinds: ['medication', 'injection'], drugs: ['ketorolac'], keywords: ['toradol', 'ketorolac'] },
    position: 'not-recommended',
    positionSummary:
      'Ketorolac is for short-term management of moderately severe acute pain (five days at most in all) and is not indicated for minor or chronic painful conditions.',
    criteria: [
      crit(
        'acute-severe-pain',
        'The pain is acute and moderately severe, and the total course (injection plus any oral doses) stays within five days',
        { anyOf: [present('diagnosis', ['acute']), present('pain-score', undefined, { min: 7 })] },
      ),
    ],
    limits: [{ measure: 'days', max: 5, applies: 'total ketorolac course, all routes' }],
    rationale: 'The guideline does not support ketorolac for chronic pain; here {finding}.',
    v2009: { section: 'NSAIDs, specific drug list & adverse effects', pages: [72], verification: RECALLED },
    v2016: {
      section: 'NSAIDs, specific drug list & adverse effects',
      verification: uncertain('2016 section name assumed to carry over from 2009.'),
    },
  }),
  ...chronicPain({
    key: 'nsaid-monitoring',
    title: 'Laboratory monitoring for long-term NSAID (and other drug) therapy',
    area: 'laboratory',
    anyPhase: true,
    appliesTo: {
      kinds: ['laboratory'],
      keywords: [
        'cbc',
        'complete blood count',
        'cmp',
        'metabolic panel',
        'chemistry',
        'liver function',
        'lft',
        'hepatic',
        'renal function',
        'creatinine',
        'bmp',
        'blood work',
        'labs',
      ],
      surgicalContext: 'excluded',
    },
    position: 'conditional',
    positionSummary:
      'Periodic blood counts and chemistry (renal and liver function) are recommended for patients on long-term NSAIDs; laboratory tests should be tied to a drug or condition that needs them.',
    criteria: [
      crit(
        'monitored-drug',
        'The patient takes a drug that needs laboratory monitoring (an NSAID long term, or another such drug)',
        {
          anyOf: [present('medication-use', [...NSAIDS, 'nsaid', 'acetaminophen', 'tizanidine'])],
        },
      ),
    ],
    limits: [{ measure: 'weeks', min: 4, max: 8, applies: 'first check after starting long-term NSAID therapy' }],
    rationale: 'The guideline supports laboratory monitoring for patients on long-term NSAIDs; here {finding}.',
    v2009: { section: 'NSAIDs, specific drug list & adverse effects', pages: [70], verification: RECALLED },
    v2016: {
      section: 'NSAIDs, specific drug list & adverse effects',
      verification: uncertain('2016 section name assumed to carry over from 2009.'),
    },
  }),
];

const TOPICAL_KINDS: TopicMatcher['kinds'] = ['medication', 'compounded-topical'];

const topicals: Topic[] = [
  ...chronicPain({
    key: 'topical-analgesics',
    title: 'Topical analgesics',
    area: 'medications',
    appliesTo: {
      kinds: TOPICAL_KINDS,
      drugClasses: [
        'topical-nsaid',
        'topical-anesthetic',
        'capsaicin',
        'topical-salicylate',
        'topical-muscle-relaxant',
      ],
      keywords: ['topical', 'cream', 'gel', 'ointment', 'lotion', 'patch'],
      route: 'topical',
    },
    position: 'conditional',
    positionSummary:
      'Topical analgesics are largely experimental: an option mainly for neuropathic pain after antidepressant and anticonvulsant trials fail, and any product with a non-recommended drug or class is not recommended.',
    criteria: [topicalIndication, topicalFirstLineFailed, topicalIngredients, common.quantitySpecified()],
    rationale:
      'The guideline supports topical analgesics mainly for neuropathic pain after first-line oral agents fail, and only when every ingredient is supported; here {finding}.',
    v2009: { section: 'Topical analgesics', pages: pages(111, 113), verification: RECALLED },
    v2016: { section: 'Topical analgesics', verification: LETTERS },
  }),
  ...chronicPain({
    key: 'topical-compounded',
    title: 'Compounded topical analgesics',
    area: 'medications',
    appliesTo: {
      kinds: TOPICAL_KINDS,
      drugClasses: ['compounded'],
      keywords: ['compound', 'compounded', 'cream base'],
      route: 'topical',
      priority: 2,
    },
    position: 'not-recommended',
    positionSummary:
      'Compounded topical products are not recommended: most ingredients lack evidence, combining them has not been shown to help, and one non-recommended ingredient makes the whole product unsupported.',
    criteria: [topicalIngredients, topicalFirstLineFailed, topicalIndication, common.quantitySpecified()],
    rationale:
      'The guideline does not support a compounded product when any ingredient is not recommended for topical use; here {finding}.',
    v2009: {
      section: 'Topical analgesics, compounded',
      sectionAliases: ['Compound drugs', 'Compounded drugs', 'Topical Analgesics – Compounded'],
      pages: [111],
      verification: recalled('The DWC compounded-topicals paragraph on page 111 was verified against a public copy.'),
    },
    v2016: {
      section: 'Topical analgesics, compounded',
      // Compounded products are discussed under the general topical analgesics section too.
      sectionAliases: ['Compound drugs', 'Compounded drugs', 'Topical analgesics'],
      verification: LETTERS,
    },
  }),
  ...chronicPain({
    key: 'topical-nsaids',
    title: 'Topical NSAIDs',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['topical-nsaid'],
      drugs: ['diclofenac', 'ketoprofen', 'flurbiprofen'],
      keywords: ['voltaren gel', 'flector', 'pennsaid', 'diclofenac gel'],
      route: 'topical',
      maxDrugs: 1,
    },
    position: 'conditional',
    positionSummary:
      'Topical NSAIDs are for short-term treatment of osteoarthritis or tendinitis in joints suited to topical therapy; they are not supported for the spine, hip or shoulder, or for neuropathic pain.',
    criteria: [
      crit(
        'joint-suited',
        'The treated area is a joint suited to topical treatment (knee, elbow, hand, wrist, ankle, foot), not the spine, hip or shoulder',
        {
          anyOf: [region('knee', 'elbow', 'hand', 'wrist', 'ankle', 'foot')],
          noneOf: [region('lumbar spine', 'cervical spine', 'thoracic spine', 'hip', 'shoulder')],
        },
      ),
      crit('indication', 'Osteoarthritis or tendinitis of that joint is documented', {
        anyOf: [present('diagnosis', ['osteoarthritis', 'arthritis', 'tendinitis', 'tendonitis'])],
      }),
      crit(
        'approved-agent',
        'The NSAID is one approved for topical use (diclofenac); ketoprofen and flurbiprofen are not supported topically',
        { noneOf: [ingredient({ generics: ['ketoprofen', 'flurbiprofen'] })] },
      ),
      crit(
        'oral-not-suitable',
        'The record explains why a topical rather than an oral NSAID is needed (intolerance, contraindication, GI risk)',
        { anyOf: [present('side-effects', ['nsaid', 'oral', 'gastr']), present('gi-risk')] },
        { required: false },
      ),
      common.quantitySpecified(),
    ],
    limits: [
      { measure: 'weeks', min: 4, max: 12, applies: 'osteoarthritis or tendinitis' },
      {
        measure: 'grams-per-day',
        max: 32,
        applies: 'diclofenac 1% gel, all joints (8 g per lower-extremity joint, 4 g per upper-extremity joint)',
      },
    ],
    rationale:
      'The guideline supports topical NSAIDs only short term for osteoarthritis or tendinitis of joints suited to topical use; here {finding}.',
    v2009: {
      section: 'Topical analgesics',
      sectionAliases: ['Non-steroidal antinflammatory agents (NSAIDs)', 'Voltaren Gel (diclofenac)'],
      pages: [111, 112],
      verification: RECALLED,
    },
    v2016: {
      section: 'Topical analgesics',
      sectionAliases: ['Non-steroidal antinflammatory agents (NSAIDs)', 'Voltaren Gel (diclofenac)'],
      verification: letters('The 2016 text adds acute sprains and strains, short term (1–2 weeks).'),
      override: {
        criteria: [
          crit(
            'joint-suited',
            'The treated area is a joint or soft tissue suited to topical treatment, not the spine, hip or shoulder',
            { noneOf: [region('lumbar spine', 'cervical spine', 'thoracic spine', 'hip', 'shoulder')] },
          ),
          crit(
            'indication',
            'Osteoarthritis or tendinitis of a suitable joint, or an acute sprain or strain, is documented',
            {
              anyOf: [
                present('diagnosis', ['osteoarthritis', 'arthritis', 'tendinitis', 'tendonitis', 'sprain', 'strain']),
              ],
            },
          ),
          crit(
            'approved-agent',
            'The NSAID is one approved for topical use (diclofenac); ketoprofen and flurbiprofen are not supported topically',
            { noneOf: [ingredient({ generics: ['ketoprofen', 'flurbiprofen'] })] },
          ),
          common.quantitySpecified(),
        ],
        limits: [
          { measure: 'weeks', max: 2, applies: 'acute sprain or strain' },
          { measure: 'weeks', min: 4, max: 12, applies: 'osteoarthritis or tendinitis' },
        ],
      },
    },
  }),
  ...chronicPain({
    key: 'lidocaine-patch',
    title: 'Topical lidocaine (Lidoderm patch)',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['topical-anesthetic'],
      drugs: ['lidocaine'],
      keywords: ['lidoderm', 'lidocaine'],
      route: 'topical',
      maxDrugs: 1,
    },
    position: 'conditional',
    positionSummary:
      'Topical lidocaine is an option only as the dermal patch, for localized peripheral neuropathic pain after a first-line agent (tricyclic, SNRI or gabapentin/pregabalin); other forms and non-neuropathic pain are not supported.',
    criteria: [
      neuropathicPain,
      crit(
        'first-line-tried',
        'A first-line neuropathic agent (tricyclic, SNRI, gabapentin or pregabalin) was tried first',
        {
          anyOf: [
            present('treatment-failure', FIRST_LINE_NEUROPATHIC),
            present('medication-use', FIRST_LINE_NEUROPATHIC),
          ],
        },
      ),
      crit('patch-form', 'The product is the lidocaine patch; creams, gels, lotions and ointments are not supported', {
        noneOf: [ingredient({ generics: ['lidocaine'], forms: NON_PATCH_FORMS })],
      }),
      common.functionFromMedication(),
      common.quantitySpecified(),
    ],
    rationale:
      'The guideline supports only the lidocaine patch, for localized neuropathic pain after first-line agents; here {finding}.',
    v2009: { section: 'Lidoderm (lidocaine patch)', pages: [56, 57], verification: RECALLED },
    v2016: {
      section: 'Lidoderm (lidocaine patch)',
      // Topical lidocaine is also addressed within the general topical analgesics section.
      sectionAliases: ['Topical analgesics'],
      verification: letters('Cited by a claims administrator in 2017.'),
    },
  }),
  ...chronicPain({
    key: 'capsaicin',
    title: 'Topical capsaicin',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['capsaicin'],
      drugs: ['capsaicin'],
      keywords: ['capsaicin', 'zostrix', 'qutenza'],
      route: 'topical',
      maxDrugs: 1,
    },
    position: 'conditional',
    positionSummary:
      'Topical capsaicin is an option only for patients who have not responded to, or cannot tolerate, other treatments; 0.025% is used for osteoarthritis and higher strengths mainly for neuropathic conditions.',
    criteria: [
      crit('other-treatments-failed', 'Other treatments failed or were not tolerated', {
        anyOf: [present('treatment-failure'), present('side-effects')],
      }),
      crit('strength-and-amount', 'The strength and quantity of the product are stated', {
        allOf: [flag('quantityUnspecified', false)],
      }),
    ],
    limits: [
      { measure: 'strength-percent', max: 0.025, applies: 'osteoarthritis' },
      {
        measure: 'strength-percent',
        max: 0.075,
        applies: 'post-herpetic neuralgia, diabetic neuropathy, post-mastectomy pain',
      },
    ],
    rationale:
      'The guideline supports capsaicin only after other treatments fail or are not tolerated; here {finding}.',
    v2009: { section: 'Capsaicin, topical', pages: [28, 29], verification: RECALLED },
    v2016: {
      section: 'Capsaicin, topical (chili pepper/cayenne pepper)',
      sectionAliases: ['Capsaicin, topical'],
      verification: letters('Cited by a claims administrator in 2017.'),
    },
  }),
  ...chronicPain({
    key: 'salicylate-topicals',
    title: 'Topical salicylates',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['topical-salicylate'],
      drugs: ['methyl salicylate', 'trolamine salicylate'],
      keywords: ['salonpas', 'bengay', 'icy hot', 'methyl salicylate', 'salicylate'],
      route: 'topical',
    },
    position: 'recommended',
    positionSummary:
      'Topical salicylates such as methyl salicylate are recommended; they relieve chronic musculoskeletal pain better than placebo.',
    criteria: [common.quantitySpecified()],
    rationale: 'The guideline recommends topical salicylates for chronic musculoskeletal pain; here {finding}.',
    v2009: { section: 'Salicylate topicals', pages: [105], verification: RECALLED },
    v2016: { section: 'Salicylate topicals', verification: RECALLED },
  }),
];

const adjuvants: Topic[] = [
  ...chronicPain({
    key: 'antiepilepsy-drugs',
    title: 'Anti-epilepsy drugs (anticonvulsants) for pain',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['anticonvulsant'],
      drugs: [
        'topiramate',
        'carbamazepine',
        'oxcarbazepine',
        'lamotrigine',
        'levetiracetam',
        'lacosamide',
        'zonisamide',
      ],
      keywords: ['topamax', 'tegretol', 'trileptal', 'lamictal', 'keppra', 'anticonvulsant'],
      route: 'systemic',
    },
    position: 'recommended',
    positionSummary:
      'Anti-epilepsy drugs are a first-line option for neuropathic pain; response is judged by pain relief (30% moderate, 50% good) and function, with a switch or combination when relief is under 30%.',
    criteria: [neuropathicPain, responseToAdjuvant, common.sideEffectsReviewed(), common.quantitySpecified()],
    limits: [
      {
        measure: 'relief-percent',
        min: 30,
        applies: 'moderate response; below it, switch or add another first-line agent',
      },
      { measure: 'relief-percent', min: 50, applies: 'good response' },
    ],
    rationale:
      'The guideline supports anti-epilepsy drugs for neuropathic pain when the response is documented; here {finding}.',
    v2009: {
      section: 'Antiepilepsy drugs (AEDs)',
      sectionAliases: ['Anti-epilepsy drugs (AEDs)', 'Anti-epilepsy drugs (AEDs) for pain', 'Topiramate (Topamax)'],
      pages: pages(16, 22),
      verification: RECALLED,
    },
    v2016: {
      section: 'Anti-epilepsy drugs (AEDs)',
      sectionAliases: ['Antiepilepsy drugs (AEDs)', 'Anti-epilepsy drugs (AEDs) for pain'],
      verification: RECALLED,
    },
  }),
  ...chronicPain({
    key: 'gabapentin',
    title: 'Gabapentin',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugs: ['gabapentin'],
      keywords: ['neurontin', 'gralise', 'horizant', 'gabapentin'],
      route: 'systemic',
    },
    position: 'recommended',
    positionSummary:
      'Gabapentin is effective for diabetic neuropathy and post-herpetic neuralgia and is considered first-line for neuropathic pain; after titration, continued use needs documented relief and function.',
    criteria: [neuropathicPain, responseToAdjuvant, common.quantitySpecified()],
    limits: [
      { measure: 'weeks', min: 3, max: 8, stage: 'trial', applies: 'titration for an adequate trial' },
      { measure: 'weeks', min: 1, max: 2, stage: 'trial', applies: 'at the maximum tolerated dose' },
    ],
    rationale: 'The guideline supports gabapentin for neuropathic pain with documented response; here {finding}.',
    v2009: { section: 'Gabapentin (Neurontin)', pages: [18, 19], verification: RECALLED },
    v2016: { section: 'Gabapentin (Neurontin)', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'pregabalin',
    title: 'Pregabalin',
    area: 'medications',
    appliesTo: { kinds: ['medication'], drugs: ['pregabalin'], keywords: ['lyrica', 'pregabalin'], route: 'systemic' },
    position: 'recommended',
    positionSummary:
      'Pregabalin is approved for diabetic neuropathy, post-herpetic neuralgia and fibromyalgia; other uses need a neuropathic rationale and documented response.',
    criteria: [neuropathicPain, responseToAdjuvant, common.quantitySpecified()],
    rationale:
      'The guideline supports pregabalin for neuropathic pain and fibromyalgia with documented response; here {finding}.',
    v2009: { section: 'Pregabalin (Lyrica)', pages: [19, 20], verification: RECALLED },
    v2016: { section: 'Pregabalin (Lyrica)', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'antidepressants',
    title: 'Antidepressants for chronic pain',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['antidepressant'],
      drugs: [
        'amitriptyline',
        'nortriptyline',
        'desipramine',
        'imipramine',
        'doxepin',
        'venlafaxine',
        'milnacipran',
        'sertraline',
        'fluoxetine',
        'paroxetine',
        'citalopram',
        'escitalopram',
        'bupropion',
        'trazodone',
        'mirtazapine',
      ],
      keywords: [
        'elavil',
        'pamelor',
        'effexor',
        'savella',
        'zoloft',
        'prozac',
        'paxil',
        'celexa',
        'lexapro',
        'wellbutrin',
      ],
      route: 'systemic',
    },
    position: 'recommended',
    positionSummary:
      'Antidepressants are first-line for neuropathic pain and an option for non-neuropathic pain, tricyclics usually first; efficacy is judged on pain, function, other analgesic use, sleep and mood. SSRIs are not recommended for pain itself.',
    criteria: [
      crit(
        'indication',
        'Neuropathic pain, or depression or another psychiatric condition the drug treats, is documented',
        {
          anyOf: [
            present('diagnosis', [...NEUROPATHIC_DIAGNOSES, 'depress', 'anxiety', 'fibromyalgia']),
            present('psychological-symptoms'),
            present('radicular-symptoms'),
          ],
        },
      ),
      crit(
        'documented-response',
        'For continued use, benefit on pain, function, sleep or mood is documented',
        {
          anyOf: [
            present('pain-relief'),
            present('functional-improvement'),
            present('treatment-benefit', ['antidepressant']),
          ],
        },
        { when: [present('medication-use')] },
      ),
      common.quantitySpecified(),
    ],
    rationale:
      'The guideline supports antidepressants for neuropathic pain (and for coexisting depression) with documented benefit; here {finding}.',
    v2009: {
      section: 'Antidepressants for chronic pain',
      sectionAliases: ['SSRIs (selective serotonin reuptake inhibitors)', 'Tricyclic antidepressants'],
      pages: pages(13, 16),
      verification: RECALLED,
    },
    v2016: {
      section: 'Antidepressants for chronic pain',
      sectionAliases: ['SSRIs (selective serotonin reuptake inhibitors)'],
      verification: RECALLED,
    },
  }),
  ...chronicPain({
    key: 'duloxetine',
    title: 'Duloxetine',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugs: ['duloxetine'],
      keywords: ['cymbalta', 'duloxetine'],
      route: 'systemic',
    },
    position: 'conditional',
    positionSummary:
      'Duloxetine is approved for diabetic neuropathy (first-line there), fibromyalgia and depression; evidence for radiculopathy is lacking.',
    criteria: [
      crit('indication', 'Diabetic neuropathy, fibromyalgia, depression or other neuropathic pain is documented', {
        anyOf: [
          present('diagnosis', [...NEUROPATHIC_DIAGNOSES, 'fibromyalgia', 'depress', 'anxiety']),
          present('psychological-symptoms'),
        ],
      }),
      responseToAdjuvant,
      common.quantitySpecified(),
    ],
    rationale:
      'The guideline supports duloxetine for its approved indications with documented benefit; here {finding}.',
    v2009: { section: 'Duloxetine (Cymbalta)', pages: [43, 44], verification: RECALLED },
    v2016: { section: 'Duloxetine (Cymbalta)', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'benzodiazepines',
    title: 'Benzodiazepines',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['benzodiazepine'],
      drugs: BENZODIAZEPINES,
      keywords: ['valium', 'xanax', 'ativan', 'klonopin', 'restoril', 'benzodiazepine'],
    },
    position: 'conditional',
    positionSummary:
      'Long-term benzodiazepine use is not supported: benefit over time is unproven, dependence is a risk, tolerance builds quickly, and most guidelines cap use at four weeks.',
    criteria: [
      crit(
        'indication',
        'A condition suited to a brief benzodiazepine course (acute anxiety, panic or agitation) is documented; musculoskeletal pain alone does not qualify',
        {
          anyOf: [
            present('psychological-symptoms', ['anxiety', 'panic', 'agitation']),
            present('diagnosis', ['anxiety', 'panic']),
          ],
        },
      ),
      crit(
        'short-term',
        'The course is four weeks or less and the patient is not already on long-term benzodiazepine use',
        {
          allOf: [num('supplyDays', { max: 28 })],
          noneOf: [present('medication-use', BENZODIAZEPINES, { qualifiers: LONG_TERM })],
        },
      ),
      crit(
        'no-opioid-combination',
        'The benzodiazepine is not combined with opioids or other CNS depressants without a documented reason (overdose risk)',
        { noneOf: [present('medication-use', OPIOIDS)] },
        { required: false },
      ),
      common.quantitySpecified(),
    ],
    limits: [{ measure: 'weeks', max: 4, stage: 'total', applies: 'benzodiazepine use' }],
    rationale:
      'The guideline does not support benzodiazepines beyond a short course of about four weeks; here {finding}.',
    v2009: { section: 'Benzodiazepines', pages: [24], verification: RECALLED },
    v2016: {
      section: 'Benzodiazepines',
      sectionAliases: ['Benzodiazepine dependence, maintenance', 'Benzodiazepine dependence'],
      verification: LETTERS,
    },
  }),
  ...chronicPain({
    key: 'barbiturate-analgesics',
    title: 'Barbiturate-containing analgesic agents (butalbital)',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['barbiturate-analgesic'],
      drugs: ['butalbital'],
      keywords: ['fioricet', 'fiorinal', 'esgic', 'butalbital'],
    },
    position: 'not-recommended',
    positionSummary:
      'Barbiturate-containing analgesics are not recommended for chronic pain: the risk of overuse and rebound headache outweighs any clinically important benefit.',
    criteria: [
      crit(
        'guideline-supports',
        'The guideline supports this drug, or the record documents an exceptional reason to depart from it',
        { noneOf: [ingredient({ generics: ['butalbital'] })] },
      ),
    ],
    rationale: 'The guideline does not recommend barbiturate-containing analgesics for chronic pain; here {finding}.',
    v2009: {
      section: 'Barbiturate-containing analgesic agents (BCAs)',
      sectionAliases: ['Barbiturate-containing analgesic agents'],
      pages: [23],
      verification: letters('Section cited by a claims administrator in 2017; page 23 recalled.'),
    },
    v2016: {
      section: 'Barbiturate-containing analgesic agents (BCAs)',
      sectionAliases: ['Barbiturate-containing analgesic agents'],
      verification: RECALLED,
    },
  }),
  ...chronicPain({
    key: 'glucosamine',
    title: 'Glucosamine and chondroitin',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['supplement'],
      drugs: ['glucosamine', 'chondroitin'],
      keywords: ['glucosamine', 'chondroitin', 'cosamin'],
    },
    position: 'recommended',
    positionSummary: 'An option for moderate arthritis pain, especially knee osteoarthritis (glucosamine sulfate).',
    criteria: [
      crit('knee-osteoarthritis', 'Osteoarthritis, especially of the knee, is documented', {
        anyOf: [present('diagnosis', ['osteoarthritis', 'arthritis', 'degenerative joint'])],
      }),
      common.quantitySpecified(),
    ],
    rationale: 'The guideline supports glucosamine for osteoarthritis, especially of the knee; here {finding}.',
    v2009: { section: 'Glucosamine (and Chondroitin Sulfate)', pages: [50], verification: RECALLED },
    v2016: { section: 'Glucosamine (and Chondroitin Sulfate)', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'buprenorphine',
    title: 'Buprenorphine',
    area: 'medications',
    appliesTo: {
      kinds: ['medication'],
      drugs: ['buprenorphine'],
      keywords: ['suboxone', 'subutex', 'butrans', 'belbuca', 'zubsolv', 'buprenorphine'],
      priority: 1,
    },
    position: 'conditional',
    positionSummary:
      'Buprenorphine is recommended for treating opiate addiction and is an option for chronic pain, especially after detoxification in patients with a history of opiate addiction.',
    criteria: [
      crit(
        'indication',
        'Opioid dependence or addiction, or chronic pain after detoxification in a patient with that history, is documented',
        {
          anyOf: [
            present('diagnosis', ['opioid dependence', 'opioid use disorder', 'addiction', 'dependence']),
            present('aberrant-behavior'),
          ],
        },
      ),
      opioidMonitoring,
      common.quantitySpecified(),
    ],
    rationale:
      'The guideline supports buprenorphine for opioid addiction and selected chronic pain after detoxification; here {finding}.',
    v2009: { section: 'Buprenorphine', pages: [26, 27], verification: RECALLED },
    v2016: { section: 'Buprenorphine', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'testosterone',
    title: 'Testosterone replacement for opioid-related hypogonadism',
    area: 'medications',
    appliesTo: {
      kinds: ['medication', 'laboratory'],
      drugClasses: ['hormone'],
      drugs: ['testosterone'],
      keywords: ['androgel', 'testosterone', 'testim', 'axiron'],
    },
    position: 'conditional',
    positionSummary:
      'Testosterone replacement is recommended only in limited cases: patients on long-term, high-dose opioids with documented low testosterone and symptoms of hypogonadism.',
    criteria: [
      crit('long-term-opioids', 'The patient has been on long-term, high-dose opioids', {
        anyOf: [present('medication-use', OPIOIDS, { qualifiers: LONG_TERM })],
      }),
      crit('low-testosterone', 'Hypogonadism with low testosterone on laboratory testing is documented', {
        anyOf: [present('diagnosis', ['hypogonadism', 'low testosterone'])],
      }),
    ],
    rationale:
      'The guideline supports testosterone replacement only for documented opioid-related hypogonadism; here {finding}.',
    v2009: {
      section: 'Testosterone replacement for hypogonadism (related to opioids)',
      pages: [110],
      verification: RECALLED,
    },
    v2016: { section: 'Testosterone replacement for hypogonadism (related to opioids)', verification: RECALLED },
  }),
];

const OPIOIDS_TG = 'mtus-opioids';
const OPIOIDS_TG_ED = '2016';

const opioidsGuideline: Topic[] = [
  topic(OPIOIDS_TG, OPIOIDS_TG_ED, {
    key: 'maintenance',
    title: 'Maintenance of chronic opioid treatment (the four A’s)',
    area: 'medications',
    section: '3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment',
    sectionAliases: ['Maintenance of Chronic Opioid Treatment'],
    lineage: 'opioids-ongoing',
    appliesTo: {
      kinds: ['medication'],
      ...OPIOID_MATCH,
      phases: ['chronic'],
      surgicalContext: 'excluded',
      priority: 2,
    },
    position: 'conditional',
    positionSummary:
      'Chronic opioid treatment continues only while the four A’s are documented at each visit—meaningful analgesia, better function, no severe adverse effects, no aberrant behaviour—with visits at least every three months.',
    criteria: [
      opioidAnalgesia,
      opioidFunction,
      crit('adverse-effects', 'Whether the opioid causes significant adverse effects is documented', {
        anyOf: [present('side-effects'), absent('side-effects')],
        noneOf: [present('side-effects', ['severe', 'intolerable', 'sedation', 'respiratory'])],
      }),
      opioidMonitoring,
      common.quantitySpecified(),
    ],
    limits: [
      { measure: 'months', max: 3, applies: 'interval between face-to-face visits during maintenance' },
      {
        measure: 'med-mg-per-day',
        max: 80,
        applies: 'above this dose for 6 months or more, attempt to wean below it twice a year',
      },
      {
        measure: 'relief-percent',
        min: 30,
        applies:
          'meaningful pain relief as reviewers commonly read it (a reviewers’ yardstick, not a number in the text)',
      },
    ],
    rationale:
      'The Opioids Treatment Guidelines continue chronic opioid treatment only when the four A’s are documented at each visit; here {finding}. Any weaning should follow the tapering section rather than an abrupt stop.',
    verification: LETTERS,
  }),
  topic(OPIOIDS_TG, OPIOIDS_TG_ED, {
    key: 'initiating-chronic',
    title: 'Initiating and monitoring chronic opioid treatment',
    area: 'medications',
    section:
      '3.3 Opioids for Chronic Pain and Chronic Opioid Treatment: Initiating and Monitoring Chronic Opioid Treatment',
    sectionAliases: [
      '3.3.1.1 Opioids for Chronic Pain and Chronic Opioid Treatment: Screening for Risk of Addiction or Adverse Events, Prior to Chronic Opioid Treatment: Screening for Drug Misuse/Abuse',
      '3.3.1.2 Opioids for Chronic Pain and Chronic Opioid Treatment: Screening for Risk of Addiction or Adverse Events, Prior to Chronic Opioid Treatment: Screening for Alcohol Misuse/Abuse',
      '3.3.4 Opioids for Chronic Pain and Chronic Opioid Treatment: Use of CURES to Ensure Safe and Effective Opioid Use',
      '3.3.5 Opioids for Chronic Pain and Chronic Opioid Treatment: Use of Tools to Monitor Patients on Chronic Opioid Treatment',
      'Screening for Risk of Addiction or Adverse Events',
    ],
    lineage: 'opioids-initiation',
    appliesTo: { kinds: ['medication'], ...OPIOID_MATCH, phases: ['chronic'], surgicalContext: 'excluded' },
    position: 'conditional',
    positionSummary:
      'Before chronic opioid treatment: screen for misuse and addiction risk, check CURES, document failure of non-opioid care, set functional goals and start a time-limited trial.',
    criteria: [
      nonOpioidFailed,
      crit('risk-screening', 'Screening for drug and alcohol misuse and a CURES check are documented', {
        anyOf: [present('urine-drug-screen'), present('opioid-agreement')],
      }),
      crit(
        'baseline-and-goals',
        'Baseline pain and function and functional goals for the trial are recorded',
        { anyOf: [present('pain-score'), present('functional-limitation')] },
        { required: false },
      ),
      common.quantitySpecified(),
    ],
    rationale:
      'The Opioids Treatment Guidelines start chronic opioid treatment only after risk screening and failure of non-opioid care; here {finding}.',
    verification: LETTERS,
  }),
  topic(OPIOIDS_TG, OPIOIDS_TG_ED, {
    key: 'chronic-overview',
    title: 'Chronic opioid treatment: overview of recommendations',
    area: 'medications',
    section:
      '3. Opioids for Chronic Pain and Chronic Opioid Treatment: Overview of Recommendations Regarding Chronic Opioid Treatment',
    sectionAliases: ['Overview of Recommendations Regarding Chronic Opioid Treatment'],
    appliesTo: { kinds: ['medication'], ...OPIOID_MATCH, phases: ['chronic'], surgicalContext: 'excluded' },
    position: 'conditional',
    positionSummary:
      'Chronic opioid treatment is not a first choice: it follows failure of non-opioid treatment, with close follow-up of pain and function and pain-management input when there is no progress.',
    criteria: [nonOpioidFailed, opioidAnalgesia, opioidFunction, common.quantitySpecified()],
    rationale:
      'The Opioids Treatment Guidelines reserve chronic opioid treatment for patients in whom non-opioid care failed and benefit is documented; here {finding}.',
    verification: LETTERS,
  }),
  topic(OPIOIDS_TG, OPIOIDS_TG_ED, {
    key: 'subacute',
    title: 'Opioids for subacute pain (1–3 months)',
    area: 'medications',
    section: '2. Opioids for Subacute Pain',
    sectionAliases: ['Opioids for Subacute Pain'],
    appliesTo: { kinds: ['medication'], ...OPIOID_MATCH, phases: ['subacute'], surgicalContext: 'excluded' },
    position: 'conditional',
    positionSummary:
      'Past the first month, opioid use belongs inside a multidisciplinary plan (graded exercise, activity coaching, CBT and similar), with documented response to earlier opioids and failure of non-opioid medication.',
    criteria: [
      nonOpioidFailed,
      crit('response-documented', 'The response (pain and function) to the opioid already given is documented', {
        anyOf: [present('pain-relief'), present('functional-improvement')],
      }),
      crit(
        'active-plan',
        'The opioid is part of an active, multidisciplinary plan (exercise, therapy, coaching), not a stand-alone treatment',
        {
          anyOf: [
            present('prior-treatment', ['therapy', 'exercise', 'acupuncture', 'cognitive']),
            present('home-exercise'),
          ],
        },
      ),
      common.quantitySpecified(),
    ],
    rationale:
      'For subacute pain the Opioids Treatment Guidelines support opioids only with documented response inside an active plan; here {finding}.',
    verification: LETTERS,
  }),
  topic(OPIOIDS_TG, OPIOIDS_TG_ED, {
    key: 'acute',
    title: 'Opioids for acute pain (first month)',
    area: 'medications',
    section: '1. Opioids for Acute Pain',
    sectionAliases: ['Opioids for Acute Pain'],
    appliesTo: { kinds: ['medication'], ...OPIOID_MATCH, phases: ['acute'], surgicalContext: 'excluded' },
    position: 'conditional',
    positionSummary:
      'For acute pain, opioids are for severe pain that non-opioid analgesics do not control, at the lowest dose for a few days, generally not more than about two weeks.',
    criteria: [
      crit('severe-pain', 'Severe pain not controlled by non-opioid analgesics is documented', {
        anyOf: [present('pain-score', undefined, { min: 7 }), present('treatment-failure', ['nsaid', 'acetaminophen'])],
      }),
      crit('short-supply', 'The supply is short (a few days, generally not more than two weeks)', {
        allOf: [num('supplyDays', { max: 14 })],
      }),
      common.quantitySpecified(),
    ],
    limits: [{ measure: 'weeks', max: 2, applies: 'acute opioid supply' }],
    rationale:
      'For acute pain the Opioids Treatment Guidelines support a short opioid course only when non-opioid analgesics fail; here {finding}.',
    verification: uncertain('Section number inferred from “1.4” in the letters; the two-week figure is recalled.'),
  }),
  topic(OPIOIDS_TG, OPIOIDS_TG_ED, {
    key: 'post-operative',
    title: 'Opioids for post-operative pain',
    area: 'surgical-associated',
    section: '1.4 Opioids for Acute Pain: Opioids for Post-operative Pain',
    sectionAliases: ['Opioids for Post-operative Pain'],
    appliesTo: { kinds: ['medication', 'surgical-associated'], ...OPIOID_MATCH, surgicalContext: 'required' },
    position: 'recommended',
    positionSummary:
      'After surgery, opioids are supported for a limited time alongside non-opioid analgesics, generally not beyond two to three weeks after less extensive procedures.',
    criteria: [
      common.surgeryCertified(),
      crit(
        'limited-supply',
        'The supply covers the immediate post-operative period (not beyond two to three weeks for lesser procedures)',
        {
          allOf: [num('supplyDays', { max: 21 })],
        },
      ),
      common.quantitySpecified(),
    ],
    limits: [{ measure: 'weeks', max: 3, applies: 'less extensive procedures' }],
    rationale:
      'The Opioids Treatment Guidelines support a limited post-operative opioid supply with non-opioid analgesics; here {finding}.',
    verification: LETTERS,
  }),
  topic(OPIOIDS_TG, OPIOIDS_TG_ED, {
    key: 'urine-drug-testing',
    title: 'Urine drug testing during opioid treatment',
    area: 'laboratory',
    section: '3.3.6 Opioids for Chronic Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT)',
    sectionAliases: ['Use of Urine Drug Testing (UDT)'],
    lineage: 'urine-drug-testing',
    appliesTo: {
      kinds: ['laboratory'],
      keywords: ['urine', 'uds', 'udt', 'drug screen', 'drug test', 'toxicology', 'tox screen'],
    },
    position: 'recommended',
    positionSummary:
      'Drug testing is part of monitoring patients on opioids—at baseline, then at a frequency matched to risk—to check adherence and detect non-prescribed substances.',
    criteria: [
      crit(
        'on-controlled-substances',
        'The patient takes opioids or other controlled substances, or a trial is planned',
        {
          anyOf: [present('medication-use', [...OPIOIDS, ...BENZODIAZEPINES, 'opioid'])],
        },
      ),
      crit(
        'frequency-matches-risk',
        'When a recent test exists, a repeat is justified by risk: aberrant behaviour, an inconsistent result, or a high-risk history',
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
      'The Opioids Treatment Guidelines support drug testing for patients on opioids at a frequency set by risk; here {finding}.',
    verification: LETTERS,
  }),
  topic(OPIOIDS_TG, OPIOIDS_TG_ED, {
    key: 'dosing-threshold',
    title: 'Opioid titration and the 80 mg MED threshold',
    area: 'medications',
    section: '3.3.8 Opioids for Chronic Pain and Chronic Opioid Treatment: Opioid Titration and Dosing Threshold',
    sectionAliases: ['Opioid Titration and Dosing Threshold'],
    lineage: 'opioids-dosing',
    appliesTo: {
      kinds: ['medication'],
      ...OPIOID_MATCH,
      // Not 'med': keywords match at a word start, and "Medrol" or "medication" are no dosing request.
      keywords: ['morphine equivalent'],
      phases: ['chronic'],
    },
    position: 'conditional',
    positionSummary:
      'Doses above 80 mg/day morphine equivalents call for added caution and, after six months at that level, attempts twice a year to wean below it.',
    criteria: [
      crit(
        'med-threshold',
        'The combined daily dose stays at or below 80 mg morphine equivalents, or the record shows why it is higher and that weaning has been attempted',
        { anyOf: [num('medMgPerDay', { max: 80 }), present('prior-treatment', ['wean', 'taper', 'pain management'])] },
      ),
    ],
    limits: [{ measure: 'med-mg-per-day', max: 80, applies: 'all opioids combined' }],
    rationale:
      'The Opioids Treatment Guidelines call for caution and weaning attempts above 80 mg/day morphine equivalents; here {finding}.',
    verification: letters('The 80 mg/day MED weaning rule is quoted in a 2017 letter.'),
  }),
  topic(OPIOIDS_TG, OPIOIDS_TG_ED, {
    key: 'tapering',
    title: 'Tapering opioids',
    area: 'medications',
    section: '4.1 Tapering Opioids: Indications for Tapering Opioids',
    sectionAliases: ['4.2 Tapering Opioids: Methods for Tapering Opioids', 'Tapering opioids', 'Tapering Opioids'],
    lineage: 'opioids-weaning',
    appliesTo: { kinds: ['medication', 'program'], ...OPIOID_MATCH, keywords: ['wean', 'taper'] },
    position: 'conditional',
    positionSummary:
      'Tapering is indicated when the four A’s are not met, with misuse, or at the patient’s request; after more than two weeks of use, doses come down gradually while withdrawal is watched for.',
    criteria: [
      crit(
        'no-taper-indication',
        'No indication for tapering is documented (lack of benefit, severe adverse effects, aberrant behaviour, patient request)',
        {
          noneOf: [present('aberrant-behavior'), present('side-effects', ['severe', 'intolerable'])],
        },
      ),
    ],
    limits: [{ measure: 'weeks', max: 2, applies: 'use beyond which opioids must not be stopped abruptly' }],
    rationale:
      'Where continued opioids are not supported, the Opioids Treatment Guidelines call for a gradual taper; here {finding}.',
    verification: LETTERS,
  }),
];

const GENERAL = 'mtus-acoem-general';

const acoemMedications: Topic[] = [
  topic(GENERAL, '2004', {
    key: 'initial-medications',
    title: 'Initial approaches to treatment: medications in the acute phase',
    area: 'medications',
    section: 'Initial Approaches to Treatment',
    sectionAliases: ['Table 3-1', 'Medications'],
    pages: [47, 48, 49],
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['nsaid', 'acetaminophen', 'muscle-relaxant', 'opioid', 'cox2-inhibitor'],
      route: 'systemic',
      phases: ['acute', 'subacute'],
    },
    position: 'recommended',
    positionSummary:
      'Early after injury, acetaminophen and NSAIDs are recommended first; muscle relaxants and opioids are short-term options when first-line analgesics do not control pain.',
    criteria: [
      crit(
        'first-line-first',
        'For a muscle relaxant or opioid, first-line analgesics (acetaminophen or an NSAID) were tried or are contraindicated',
        {
          anyOf: [
            present('treatment-failure', ['nsaid', 'acetaminophen']),
            present('medication-use', [...NSAIDS, 'acetaminophen']),
          ],
        },
        { when: [ingredient({ classes: ['muscle-relaxant', 'opioid'] })] },
      ),
      crit(
        'short-course',
        'A muscle relaxant or opioid is requested as a short course',
        { allOf: [num('supplyDays', { max: 21 })] },
        { when: [ingredient({ classes: ['muscle-relaxant', 'opioid'] })] },
      ),
      common.quantitySpecified(),
    ],
    rationale:
      'The MTUS ACOEM initial-treatment chapter recommends acetaminophen and NSAIDs first and other agents only briefly; here {finding}.',
    verification: letters('Table 3-1 on page 49 cited for a first-time NSAID; page 48 for physical methods.'),
  }),
  topic('mtus-acoem-neck', '2004', {
    key: 'medications',
    title: 'Neck and upper back complaints: medications',
    area: 'medications',
    section: 'Summary',
    sectionAliases: ['Table 8-8', 'Initial Care'],
    pages: [181],
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['nsaid', 'acetaminophen', 'cox2-inhibitor'],
      route: 'systemic',
      bodyParts: ['cervical spine', 'thoracic spine'],
      phases: ['acute', 'subacute'],
    },
    position: 'recommended',
    positionSummary: 'For neck and upper back complaints, acetaminophen and NSAIDs are recommended.',
    criteria: [common.quantitySpecified()],
    rationale: 'The MTUS ACOEM neck chapter recommends NSAIDs for neck and upper back complaints; here {finding}.',
    verification: letters('Table 8-8, page 181, cited for a first-time NSAID.'),
  }),
  topic('mtus-acoem-low-back', '2004', {
    key: 'medications',
    title: 'Low back complaints: medications',
    area: 'medications',
    section: 'Summary',
    sectionAliases: ['Table 12-8', 'Initial Care'],
    pages: [308],
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['nsaid', 'acetaminophen', 'muscle-relaxant', 'opioid', 'cox2-inhibitor'],
      route: 'systemic',
      bodyParts: ['lumbar spine'],
      phases: ['acute', 'subacute'],
    },
    position: 'conditional',
    positionSummary:
      'For acute low back complaints, acetaminophen or NSAIDs come first; muscle relaxants are an optional short course and opioids only briefly if needed.',
    criteria: [
      crit(
        'short-course',
        'A muscle relaxant or opioid is requested as a short course',
        { allOf: [num('supplyDays', { max: 14 })] },
        { when: [ingredient({ classes: ['muscle-relaxant', 'opioid'] })] },
      ),
      common.quantitySpecified(),
    ],
    rationale:
      'The MTUS ACOEM low back chapter supports first-line analgesics and only brief use of other agents; here {finding}.',
    verification: RECALLED,
  }),
];

const PAIN = 'pain';

const odgMedications: Topic[] = [
  odg(PAIN, {
    key: 'topical-analgesics',
    title: 'ODG: topical analgesics',
    area: 'medications',
    section: 'Topical analgesics',
    sectionAliases: ['Topical Analgesics', 'Salicylate topicals', 'Capsaicin, topical'],
    appliesTo: {
      kinds: TOPICAL_KINDS,
      drugClasses: ['topical-nsaid', 'topical-anesthetic', 'capsaicin', 'topical-salicylate', 'compounded'],
      keywords: ['topical', 'cream', 'gel', 'ointment', 'lotion', 'patch', 'salonpas'],
      route: 'topical',
    },
    position: 'conditional',
    positionSummary:
      'ODG likewise treats topical analgesics as largely experimental: mainly for neuropathic pain after antidepressants and anticonvulsants fail; lidocaine only as the patch; capsaicin only after other treatments fail.',
    criteria: [topicalIndication, topicalFirstLineFailed, topicalIngredients, common.quantitySpecified()],
    rationale:
      'ODG supports topical analgesics mainly for neuropathic pain after first-line agents fail, with every ingredient supported; here {finding}.',
    verification: letters(
      'Used by reviewers for topicals in the acute phase, where the Chronic Pain guidelines do not apply.',
    ),
  }),
  odg(PAIN, {
    key: 'lidocaine-patch',
    title: 'ODG: Lidoderm (lidocaine patch)',
    area: 'medications',
    section: 'Lidoderm (lidocaine patch)',
    appliesTo: { kinds: TOPICAL_KINDS, drugs: ['lidocaine'], keywords: ['lidoderm'], route: 'topical' },
    position: 'conditional',
    positionSummary:
      'The lidocaine patch is for localized peripheral neuropathic pain after a first-line agent has been tried; not for non-neuropathic pain.',
    criteria: [neuropathicPain, topicalIngredients, common.quantitySpecified()],
    rationale:
      'ODG supports the lidocaine patch only for localized neuropathic pain after first-line agents; here {finding}.',
    verification: letters('Cited by a claims administrator in 2017.'),
  }),
  odg(PAIN, {
    key: 'muscle-relaxants',
    title: 'ODG: muscle relaxants and cyclobenzaprine',
    area: 'medications',
    section: 'Muscle relaxants (for pain)',
    sectionAliases: ['Cyclobenzaprine (Flexeril)'],
    appliesTo: { kinds: ['medication'], drugClasses: ['muscle-relaxant'], drugs: MUSCLE_RELAXANTS, route: 'systemic' },
    position: 'conditional',
    positionSummary:
      'Muscle relaxants are a second-line, short-term option for acute exacerbations; cyclobenzaprine no longer than two to three weeks.',
    criteria: [relaxantForSpasm, relaxantShortCourse, common.quantitySpecified()],
    limits: [{ measure: 'weeks', max: 3, applies: 'short course' }],
    rationale: 'ODG supports muscle relaxants only as a short course for an acute flare; here {finding}.',
    verification: letters('“Cyclobenzaprine (Flexeril)” cited by a claims administrator in 2017.'),
  }),
  odg(PAIN, {
    key: 'nsaids',
    title: 'ODG: NSAIDs',
    area: 'medications',
    section: 'NSAIDs (non-steroidal anti-inflammatory drugs)',
    appliesTo: { kinds: ['medication'], drugClasses: ['nsaid', 'cox2-inhibitor'], drugs: NSAIDS, route: 'systemic' },
    position: 'recommended',
    positionSummary:
      'NSAIDs are recommended at the lowest dose for the shortest period for osteoarthritis and back pain flares.',
    criteria: [common.quantitySpecified()],
    rationale: 'ODG supports NSAIDs at the lowest dose for the shortest period; here {finding}.',
    verification: RECALLED,
  }),
  odg(PAIN, {
    key: 'proton-pump-inhibitors',
    title: 'ODG: proton pump inhibitors',
    area: 'medications',
    section: 'Proton pump inhibitors (PPIs)',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['ppi', 'h2-blocker'],
      keywords: ['ppi', 'prilosec', 'omeprazole'],
    },
    position: 'conditional',
    positionSummary:
      'PPIs are for patients at risk of GI events who take NSAIDs; routine use without risk factors is not supported.',
    criteria: [
      crit('gi-risk', 'A GI risk factor or GI symptoms are documented', {
        anyOf: [present('gi-risk'), age({ min: 66 })],
        noneOf: [absent('gi-risk')],
      }),
    ],
    rationale: 'ODG supports a PPI only for patients with GI risk; here {finding}.',
    verification: RECALLED,
  }),
  odg(PAIN, {
    key: 'opioids',
    title: 'ODG: opioids',
    area: 'medications',
    section: 'Opioids, criteria for use',
    sectionAliases: [
      'Opioids, specific drug list',
      'Opioids for chronic pain',
      'Opioids, long-term assessment',
      'Opioids',
    ],
    appliesTo: { kinds: ['medication'], ...OPIOID_MATCH },
    position: 'conditional',
    positionSummary:
      'Opioids are for moderate to severe pain after non-opioid care, continued only with documented pain relief, function and monitoring for misuse.',
    criteria: [opioidAnalgesia, opioidFunction, opioidMonitoring, common.quantitySpecified()],
    rationale: 'ODG supports opioids only with documented relief, function and monitoring; here {finding}.',
    verification: letters('“Opioids, specific drug list” cited by a claims administrator in 2017.'),
  }),
  odg(PAIN, {
    key: 'opioid-induced-constipation',
    title: 'ODG: opioid-induced constipation treatment',
    area: 'medications',
    section: 'Opioid-induced constipation treatment',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['laxative'],
      keywords: ['colace', 'docusate', 'senna', 'laxative'],
    },
    position: 'recommended',
    positionSummary: 'Prophylactic treatment of constipation is recommended when opioids are started.',
    criteria: [
      crit('opioid-in-use', 'An opioid is being taken or planned', {
        anyOf: [present('medication-use', OPIOIDS), flag('associatedSurgery', true)],
      }),
    ],
    rationale: 'ODG supports laxatives when opioids are used; here {finding}.',
    verification: letters('Cited by a claims administrator in 2017.'),
  }),
  odg(PAIN, {
    key: 'benzodiazepines',
    title: 'ODG: benzodiazepines',
    area: 'medications',
    section: 'Benzodiazepines',
    appliesTo: { kinds: ['medication'], drugClasses: ['benzodiazepine'], drugs: BENZODIAZEPINES },
    position: 'not-recommended',
    positionSummary:
      'Benzodiazepines are not recommended for acute or chronic pain; long-term use is not recommended because of dependence and tolerance.',
    criteria: [
      crit(
        'indication',
        'The benzodiazepine is for a documented psychiatric indication (acute anxiety, panic), not for pain',
        { anyOf: [present('psychological-symptoms', ['anxiety', 'panic', 'agitation'])] },
      ),
      crit('short-term', 'The course is short (four weeks or less)', { allOf: [num('supplyDays', { max: 28 })] }),
    ],
    limits: [{ measure: 'weeks', max: 4, applies: 'benzodiazepine use' }],
    rationale: 'ODG does not support benzodiazepines for acute or chronic pain; here {finding}.',
    verification: letters('Used by reviewers for the acute phase, where the Chronic Pain guidelines do not apply.'),
  }),
  odg(PAIN, {
    key: 'barbiturate-analgesics',
    title: 'ODG: barbiturate-containing analgesic agents',
    area: 'medications',
    section: 'Barbiturate-containing analgesic agents (BCAs)',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['barbiturate-analgesic'],
      drugs: ['butalbital'],
      keywords: ['fioricet', 'fiorinal', 'esgic', 'butalbital'],
    },
    position: 'not-recommended',
    positionSummary:
      'Barbiturate-containing analgesics are not recommended for chronic pain; even in acute headache, overuse and rebound headache are risks.',
    criteria: [
      crit(
        'guideline-supports',
        'The guideline supports this drug, or the record documents an exceptional reason to depart from it',
        { noneOf: [ingredient({ generics: ['butalbital'] })] },
      ),
      common.quantitySpecified(),
    ],
    rationale: 'ODG does not support barbiturate-containing analgesics; here {finding}.',
    verification: LETTERS,
  }),
  odg(PAIN, {
    key: 'insomnia-treatment',
    title: 'ODG: insomnia treatment (hypnotics)',
    area: 'medications',
    section: 'Insomnia treatment',
    sectionAliases: ['Insomnia', 'Eszopiclone (Lunesta)', 'Sedative hypnotics'],
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['sleep-aid'],
      drugs: ['eszopiclone', 'zaleplon', 'ramelteon', 'suvorexant', 'temazepam', 'doxepin'],
      keywords: ['lunesta', 'sonata', 'rozerem', 'belsomra', 'silenor', 'sleep aid', 'hypnotic'],
    },
    position: 'conditional',
    positionSummary:
      'Hypnotics are for short-term use after the causes of insomnia are evaluated and sleep hygiene addressed; the specific sleep complaint and next-day function should be documented.',
    criteria: [
      crit(
        'sleep-disturbance',
        'A sleep disturbance is documented with its features (onset, maintenance, quality, next-day function)',
        {
          anyOf: [present('sleep-disturbance')],
        },
      ),
      crit(
        'causes-evaluated',
        'Causes of the insomnia were evaluated and sleep hygiene addressed before or alongside the hypnotic',
        { anyOf: [present('prior-treatment', ['sleep hygiene', 'cognitive', 'cbt'])] },
        { required: false },
      ),
      crit('short-term', 'The hypnotic is for short-term use, not nightly use for months', {
        allOf: [num('supplyDays', { max: 42 })],
        noneOf: [
          present('medication-use', ['zolpidem', 'eszopiclone', 'zaleplon', 'ambien'], { qualifiers: LONG_TERM }),
        ],
      }),
      common.quantitySpecified(),
    ],
    limits: [{ measure: 'weeks', min: 2, max: 6, applies: 'short-term hypnotic use' }],
    rationale: 'ODG supports hypnotics only short term after the insomnia is evaluated; here {finding}.',
    verification: recalled(
      'The MTUS 2009 did not address hypnotics; whether the 2016 Chronic Pain guidelines do is not verified.',
    ),
  }),
  odg(PAIN, {
    key: 'zolpidem',
    title: 'ODG: zolpidem',
    area: 'medications',
    section: 'Zolpidem (Ambien)',
    sectionAliases: ['Zolpidem'],
    appliesTo: { kinds: ['medication'], drugs: ['zolpidem'], keywords: ['ambien', 'zolpidem', 'edluar', 'intermezzo'] },
    position: 'conditional',
    positionSummary:
      'Zolpidem is for short-term treatment of insomnia, generally two to six weeks; long-term use is not recommended.',
    criteria: [
      crit('sleep-disturbance', 'A sleep disturbance is documented', { anyOf: [present('sleep-disturbance')] }),
      crit('short-term', 'The course is short (about two to six weeks) and not part of months of nightly use', {
        allOf: [num('supplyDays', { max: 42 })],
        noneOf: [present('medication-use', ['zolpidem', 'ambien'], { qualifiers: LONG_TERM })],
      }),
      common.quantitySpecified(),
    ],
    limits: [{ measure: 'weeks', min: 2, max: 6, applies: 'zolpidem course' }],
    rationale: 'ODG limits zolpidem to short-term use; here {finding}.',
    verification: RECALLED,
  }),
  odg(PAIN, {
    key: 'medical-food',
    title: 'ODG: medical food',
    area: 'medications',
    section: 'Medical food',
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['medical-food'],
      keywords: ['theramine', 'sentra', 'gabadone', 'trepadone', 'appetrex', 'hypertensa', 'medical food'],
    },
    position: 'not-recommended',
    positionSummary:
      'A medical food must serve the dietary management of a disease with distinct nutritional needs established by medical evaluation; products marketed for pain, sleep or appetite do not qualify.',
    criteria: [
      crit(
        'distinct-nutritional-need',
        'A disease with distinctive nutritional requirements, established by medical evaluation, is documented',
        {
          anyOf: [present('diagnosis', ['deficiency', 'malabsorption', 'malnutrition'])],
        },
      ),
    ],
    rationale: 'ODG does not support medical foods for chronic pain; here {finding}.',
    verification: RECALLED,
  }),
  odg(PAIN, {
    key: 'antiemetics',
    title: 'ODG: antiemetics for opioid nausea',
    area: 'medications',
    section: 'Antiemetics (for opioid nausea)',
    sectionAliases: ['Ondansetron (Zofran)'],
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['antiemetic'],
      drugs: ['ondansetron', 'promethazine', 'metoclopramide', 'prochlorperazine'],
      keywords: ['zofran', 'phenergan', 'reglan', 'compazine'],
    },
    position: 'not-recommended',
    positionSummary:
      'Antiemetics are not recommended for nausea from chronic opioid use; ondansetron is approved for nausea after chemotherapy, radiation or surgery.',
    criteria: [
      crit(
        'approved-indication',
        'The nausea has an indication the drug is approved for (post-operative, chemotherapy or radiation, acute gastroenteritis), not chronic opioid use',
        {
          anyOf: [
            flag('associatedSurgery', true),
            present('diagnosis', ['gastroenteritis', 'chemotherapy', 'radiation']),
          ],
        },
      ),
    ],
    rationale: 'ODG does not support antiemetics for opioid-related nausea; here {finding}.',
    verification: RECALLED,
  }),
  odg(PAIN, {
    key: 'urine-drug-testing',
    title: 'ODG: urine drug testing frequency',
    area: 'laboratory',
    section: 'Urine drug testing (UDT)',
    sectionAliases: ['Drug testing', 'Urine drug testing'],
    appliesTo: { kinds: ['laboratory'], keywords: ['urine', 'uds', 'udt', 'drug screen', 'drug test', 'toxicology'] },
    position: 'recommended',
    positionSummary:
      'Testing frequency follows risk: low risk within six months of starting and then yearly; moderate risk two to three times a year; high risk up to monthly. Confirmatory testing only for unexpected results.',
    criteria: [
      crit('on-controlled-substances', 'The patient takes opioids or other controlled substances', {
        anyOf: [present('medication-use', [...OPIOIDS, ...BENZODIAZEPINES, 'opioid'])],
      }),
      crit(
        'frequency-matches-risk',
        'The testing frequency matches the documented risk level; a confirmatory test follows only an unexpected point-of-care result',
        {
          anyOf: [
            present('aberrant-behavior'),
            present('urine-drug-screen', undefined, { qualifiers: ['inconsistent'] }),
          ],
        },
        { when: [present('urine-drug-screen')] },
      ),
    ],
    limits: [
      { measure: 'procedures-per-year', max: 1, applies: 'low risk, after a test within 6 months of starting' },
      { measure: 'procedures-per-year', max: 3, applies: 'moderate risk' },
      { measure: 'procedures-per-year', max: 12, applies: 'high risk' },
    ],
    rationale: 'ODG sets urine drug test frequency by risk; here {finding}.',
    verification: RECALLED,
  }),
  odg(PAIN, {
    key: 'genetic-testing-opioid',
    title: 'ODG: genetic testing for opioid abuse risk',
    area: 'laboratory',
    section: 'Genetic testing for potential opioid abuse',
    sectionAliases: ['Cytokine DNA testing'],
    appliesTo: {
      kinds: ['laboratory'],
      keywords: ['genetic', 'genotyp', 'pharmacogen', 'dna', 'cyp450', 'cytochrome'],
    },
    position: 'not-recommended',
    positionSummary:
      'Genetic testing for opioid abuse risk or metabolism is not recommended; the evidence does not support it.',
    criteria: [common.notRecommended(['genetic', 'genotyp', 'pharmacogen', 'dna'], 'genetic testing')],
    rationale: 'ODG does not support genetic testing for opioid risk; here {finding}.',
    verification: RECALLED,
  }),
];

const otherMedications: Topic[] = [
  topic('peer-reviewed', 'current', {
    key: 'pde5-inhibitors',
    title: 'Phosphodiesterase-5 inhibitors (sildenafil, tadalafil)',
    area: 'medications',
    section: 'Sildenafil: Drug information',
    sectionAliases: ['Tadalafil: Drug information', 'Phosphodiesterase-5 inhibitors'],
    appliesTo: {
      kinds: ['medication'],
      drugClasses: ['pde5-inhibitor'],
      drugs: ['sildenafil', 'tadalafil', 'vardenafil'],
      keywords: ['viagra', 'cialis', 'levitra', 'erectile'],
    },
    position: 'conditional',
    positionSummary:
      'PDE-5 inhibitors are approved for erectile dysfunction (sildenafil also for pulmonary arterial hypertension); the MTUS and ODG are silent, so coverage rests on a documented, injury-related diagnosis and a specific dose and amount.',
    criteria: [
      crit(
        'diagnosis',
        'Erectile dysfunction (or another approved indication) related to the injury or its treatment is documented',
        {
          anyOf: [present('diagnosis', ['erectile', 'sexual dysfunction', 'hypogonadism', 'pulmonary hypertension'])],
        },
      ),
      common.quantitySpecified(),
    ],
    rationale:
      'The MTUS and ODG do not address this drug; drug references support it for its approved indications when dose and amount are specified; here {finding}.',
    verification: letters('A 2016 letter relied on a clinical drug reference because the MTUS and ODG are silent.'),
  }),
];

export const MEDICATION_TOPICS: readonly Topic[] = [
  ...opioidsGuideline,
  ...chronicPainMedications,
  ...topicals,
  ...adjuvants,
  ...acoemMedications,
  ...odgMedications,
  ...otherMedications,
];
