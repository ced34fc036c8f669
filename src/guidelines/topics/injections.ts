import type { Criterion, Topic } from '../schema.js';
import {
  chronicPain,
  common,
  conservativeCareTried,
  crit,
  flag,
  LETTERS,
  letters,
  mentions,
  num,
  odg,
  pages,
  present,
  RECALLED,
  recalled,
  topic,
  uncertain,
} from './build.js';

/** Injections and interventional pain procedures. */

const ESI_WORDS = [
  'epidural',
  'esi',
  'transforaminal',
  'interlaminar',
  'caudal',
  'selective nerve root',
  'snrb',
  'nerve root block',
];
/** Epidural adhesiolysis is its own procedure (the request parser calls it "epidural adhesiolysis"). */
const ADHESIOLYSIS_WORDS = ['adhesiolysis', 'lysis of adhesion', 'neuroplasty', 'racz', 'epidural neurolysis'];
const FACET_WORDS = ['facet', 'medial branch', 'mbb', 'zygapophyseal'];
const RF_WORDS = [
  'radiofrequency',
  'rfa',
  'rf ablation',
  'neurotomy',
  'rhizotomy',
  'neurolytic',
  'neurolysis',
  'denervation',
];
const RADICULAR_IMAGING = [
  'nerve root',
  'herniat',
  'protrusion',
  'extrusion',
  'stenosis',
  'impinge',
  'compress',
  'foramin',
];

const radiculopathyOnExam: Criterion = crit(
  'radiculopathy-on-exam',
  'Radiculopathy is documented on physical examination (dermatomal sensory loss, myotomal weakness, reflex change or a positive straight-leg raise), not radiating pain alone',
  {
    anyOf: [
      present('neurological-deficit'),
      present('exam-finding', [
        'sensory-deficit',
        'weakness',
        'reflex-change',
        'straight-leg-raise',
        'spurling',
        'atrophy',
      ]),
    ],
  },
);
const radiculopathyCorroborated: Criterion = crit(
  'corroborated',
  'Imaging or electrodiagnostic testing corroborates nerve-root involvement at the level to be injected',
  {
    anyOf: [present('imaging-result', RADICULAR_IMAGING), present('electrodiagnostic-result', ['radiculopathy'])],
  },
);
const esiConservativeFailed: Criterion = crit(
  'conservative-failed',
  'The radicular pain did not respond to conservative treatment (exercise, physical methods, NSAIDs, muscle relaxants)',
  { anyOf: conservativeCareTried() },
);
const esiRepeat: Criterion = crit(
  'repeat-response',
  'A repeat injection follows at least 50% pain relief lasting 6–8 weeks after the last one, with less medication and better function',
  {
    allOf: [present('pain-relief', ['epidural', 'injection', 'esi'], { min: 50 })],
    anyOf: [present('functional-improvement'), present('treatment-benefit', ['epidural', 'injection', 'esi'])],
  },
  { when: [present('prior-treatment', ['epidural', 'esi'])] },
);
const esiLevels: Criterion = crit(
  'levels',
  'No more than two nerve-root levels (transforaminal) or one interlaminar level are injected in a session, and levels and side are specified',
  { allOf: [flag('levelsSpecified', true), num('levels', { max: 2 })] },
);
const ESI_LIMITS = [
  { measure: 'levels' as const, max: 2, stage: 'per-session' as const, applies: 'transforaminal nerve-root levels' },
  { measure: 'levels' as const, max: 1, stage: 'per-session' as const, applies: 'interlaminar levels' },
  {
    measure: 'relief-percent' as const,
    min: 50,
    stage: 'repeat' as const,
    applies: 'relief after the prior injection',
  },
  { measure: 'relief-weeks' as const, min: 6, max: 8, stage: 'repeat' as const, applies: 'duration of that relief' },
  { measure: 'injections-per-year' as const, max: 4, applies: 'per region, therapeutic phase' },
  { measure: 'injections' as const, max: 2, stage: 'trial' as const, applies: 'diagnostic phase' },
];

const chronicPainInjections: Topic[] = [
  ...chronicPain({
    key: 'epidural-steroid-injections',
    title: 'Epidural steroid injections',
    area: 'injections',
    appliesTo: { kinds: ['injection'], keywords: ESI_WORDS, excludeKeywords: ADHESIOLYSIS_WORDS },
    position: 'conditional',
    positionSummary:
      'Epidural steroid injections are an option for radicular pain to support progress in active treatment: radiculopathy on exam corroborated by imaging or testing, failed conservative care, limited levels, and repeats only after at least 50% relief for 6–8 weeks.',
    criteria: [
      radiculopathyOnExam,
      radiculopathyCorroborated,
      esiConservativeFailed,
      esiLevels,
      esiRepeat,
      crit(
        'part-of-active-program',
        'The injection is part of an active treatment program, since it gives no lasting functional benefit alone',
        { anyOf: [present('home-exercise'), present('prior-treatment', ['therapy', 'exercise'])] },
        { required: false },
      ),
    ],
    limits: ESI_LIMITS,
    rationale:
      'The guideline supports epidural steroid injection only for radiculopathy shown on examination and corroborated by imaging or electrodiagnostic testing after failed conservative care; here {finding}.',
    v2009: { section: 'Epidural steroid injections (ESIs)', pages: [46], verification: RECALLED },
    v2016: {
      section: 'Epidural steroid injections (ESIs)',
      sectionAliases: ['Epidural steroid injections (ESIs), therapeutic'],
      verification: RECALLED,
    },
  }),
  topic('mtus-chronic-pain', '2016', {
    key: 'facet-blocks',
    title: 'Facet joint blocks',
    area: 'injections',
    section: 'Facet blocks',
    sectionAliases: ['Facet joint injections', 'Facet joint intra-articular injections'],
    pages: [82],
    appliesTo: { kinds: ['injection'], keywords: FACET_WORDS, phases: ['chronic'] },
    position: 'conditional',
    positionSummary:
      'When facet pain is suspected, no more than one set of therapeutic intra-articular lumbar facet blocks is recommended; radicular pain argues against a facet source.',
    criteria: [
      crit(
        'non-radicular',
        'The pain is not radicular (no radicular findings, no concurrent request for epidural injection)',
        {
          noneOf: [present('radicular-symptoms'), present('exam-finding', ['straight-leg-raise'])],
        },
      ),
      crit(
        'no-prior-set',
        'No prior set of therapeutic facet injections was done (or its documented result justifies another)',
        {
          noneOf: [present('prior-treatment', FACET_WORDS)],
        },
        // Records mention earlier facet injections when there were some.
        { silentMeansNone: true },
      ),
      crit(
        'facet-findings',
        'Findings suggest facet pain (paravertebral facet tenderness, pain on facet loading)',
        {
          anyOf: [present('exam-finding', ['facet-loading', 'tenderness'])],
        },
        { required: false },
      ),
    ],
    limits: [{ measure: 'injections', max: 1, applies: 'sets of therapeutic intra-articular lumbar facet blocks' }],
    lineage: 'chronic-pain-facet-blocks',
    rationale:
      'The 2016 guideline allows at most one set of therapeutic facet blocks when facet pain is suspected, and radicular pain undermines a facet source; here {finding}.',
    verification: letters('Page 82 of the July 28, 2016 guideline cited in a 2016 letter.'),
  }),
  ...chronicPain({
    key: 'trigger-point-injections',
    title: 'Trigger point injections',
    area: 'injections',
    appliesTo: { kinds: ['injection'], keywords: ['trigger point', 'tpi'] },
    position: 'conditional',
    positionSummary:
      'Trigger point injections are for myofascial pain with documented trigger points (twitch response and referred pain), lasting over three months after failed medical management, without radiculopathy; repeats need over 50% relief for six weeks.',
    criteria: [
      crit('trigger-points', 'Trigger points with a twitch response and referred pain are documented on examination', {
        anyOf: [present('exam-finding', ['trigger-point', 'trigger point', 'twitch'])],
      }),
      crit('no-radiculopathy', 'Radiculopathy is absent (by exam, imaging or testing)', {
        noneOf: [present('neurological-deficit'), present('electrodiagnostic-result', ['radiculopathy'])],
      }),
      crit(
        'failed-care',
        'Symptoms persisted over three months despite stretching, therapy, NSAIDs and muscle relaxants',
        {
          anyOf: conservativeCareTried(),
        },
      ),
      crit(
        'repeat-response',
        'A repeat injection follows more than 50% relief for six weeks with functional improvement, at intervals of at least two months',
        { allOf: [present('pain-relief', ['trigger', 'injection'], { min: 50 })] },
        { when: [present('prior-treatment', ['trigger point'])] },
      ),
      crit(
        'local-anesthetic-only',
        'Only local anesthetic, with or without steroid, is injected, and no more than 3–4 points per session',
        {
          noneOf: [mentions('botox', 'botulinum', 'sarapin', 'traumeel')],
        },
      ),
    ],
    limits: [
      { measure: 'injections', max: 4, stage: 'per-session', applies: 'trigger points per session' },
      { measure: 'relief-percent', min: 50, stage: 'repeat' },
      { measure: 'relief-weeks', min: 6, stage: 'repeat' },
      { measure: 'months-between', min: 2, applies: 'between injections' },
    ],
    rationale:
      'The guideline supports trigger point injections only for documented myofascial trigger points without radiculopathy after failed conservative care; here {finding}.',
    v2009: { section: 'Trigger point injections', pages: [122], verification: RECALLED },
    v2016: { section: 'Trigger point injections', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'botulinum-toxin',
    title: 'Botulinum toxin injections',
    area: 'injections',
    anyPhase: true,
    appliesTo: {
      kinds: ['injection', 'medication'],
      drugClasses: ['botulinum-toxin'],
      keywords: ['botox', 'botulinum', 'myobloc', 'dysport', 'xeomin'],
    },
    position: 'not-recommended',
    positionSummary:
      'Botulinum toxin is not recommended for most chronic pain (myofascial pain, trigger points, tension headache); it is an option for cervical dystonia.',
    criteria: [
      crit('indication', 'An indication it is supported for (cervical dystonia) is documented', {
        anyOf: [present('diagnosis', ['dystonia', 'spasticity'])],
      }),
    ],
    rationale: 'The guideline does not support botulinum toxin for most chronic pain conditions; here {finding}.',
    v2009: {
      section: 'Botulinum toxin (Botox®)',
      sectionAliases: ['Botulinum toxin (Botox)'],
      pages: [25, 26],
      verification: RECALLED,
    },
    v2016: { section: 'Botulinum toxin (Botox®)', sectionAliases: ['Botulinum toxin (Botox)'], verification: RECALLED },
  }),
  ...chronicPain({
    key: 'spinal-cord-stimulators',
    title: 'Spinal cord stimulators',
    area: 'injections',
    appliesTo: {
      kinds: ['surgery', 'injection', 'equipment'],
      keywords: ['spinal cord stimulat', 'scs', 'dorsal column stimulat', 'neurostimulator trial'],
    },
    position: 'conditional',
    positionSummary:
      'Spinal cord stimulation is for selected patients (failed back surgery syndrome, CRPS) after less invasive treatment fails, with a psychological evaluation and a successful trial before implantation.',
    criteria: [
      crit('indication', 'Failed back surgery syndrome or CRPS is documented', {
        anyOf: [
          present('diagnosis', ['failed back', 'post laminectomy', 'crps', 'reflex sympathetic', 'complex regional']),
        ],
      }),
      crit('psych-clearance', 'A psychological evaluation supports the procedure', {
        anyOf: [present('prior-treatment', ['psychological evaluation', 'psych eval', 'psychological clearance'])],
      }),
      crit('less-invasive-failed', 'Less invasive treatment failed', { anyOf: [present('treatment-failure')] }),
      crit(
        'successful-trial',
        'Before a permanent implant, a trial gave substantial relief (about 50% or more) with better function',
        { allOf: [present('pain-relief', ['stimulat', 'trial'], { min: 50 })] },
        { when: [mentions('implant', 'permanent')] },
      ),
    ],
    limits: [{ measure: 'relief-percent', min: 50, stage: 'trial', applies: 'trial before implantation' }],
    rationale:
      'The guideline supports a spinal cord stimulator only for selected diagnoses after psychological evaluation and a successful trial; here {finding}.',
    v2009: { section: 'Spinal cord stimulators (SCS)', pages: pages(105, 107), verification: RECALLED },
    v2016: { section: 'Spinal cord stimulators (SCS)', verification: RECALLED },
  }),
  ...chronicPain({
    key: 'sympathetic-blocks',
    title: 'Sympathetic blocks for CRPS (stellate ganglion, lumbar sympathetic)',
    area: 'injections',
    appliesTo: { kinds: ['injection'], keywords: ['stellate', 'sympathetic block', 'lumbar sympathetic'] },
    position: 'conditional',
    positionSummary:
      'Sympathetic blocks have a limited role, mainly to diagnose sympathetically mediated pain in CRPS and to help a patient take part in therapy; repeats only with continued functional gains.',
    criteria: [
      crit('crps', 'CRPS (or sympathetically mediated pain) is documented', {
        anyOf: [present('diagnosis', ['crps', 'reflex sympathetic', 'complex regional', 'sympathetic'])],
      }),
      crit('with-therapy', 'The block is an adjunct to active therapy', {
        anyOf: [present('prior-treatment', ['therapy', 'exercise']), present('home-exercise')],
      }),
      crit(
        'repeat-response',
        'Repeat blocks follow documented improvement in pain and function from the previous one',
        {
          anyOf: [
            present('functional-improvement'),
            present('treatment-benefit', ['block', 'stellate', 'sympathetic']),
          ],
        },
        { when: [present('prior-treatment', ['stellate', 'sympathetic'])] },
      ),
    ],
    rationale: 'The guideline gives sympathetic blocks a limited role in CRPS alongside therapy; here {finding}.',
    v2009: {
      section: 'CRPS, sympathetic and epidural blocks',
      sectionAliases: ['Stellate ganglion block', 'Lumbar sympathetic block', 'Regional sympathetic blocks'],
      pages: [39, 40, 57, 103, 104],
      verification: RECALLED,
    },
    v2016: {
      section: 'CRPS, sympathetic and epidural blocks',
      sectionAliases: ['Stellate ganglion block', 'Lumbar sympathetic block'],
      verification: RECALLED,
    },
  }),
];

const acoemInjections: Topic[] = [
  topic('mtus-acoem-low-back', '2004', {
    key: 'epidural-steroid-injections',
    title: 'Low back complaints: epidural steroid injections',
    area: 'injections',
    section: 'Physical Methods',
    pages: [300],
    appliesTo: {
      kinds: ['injection'],
      keywords: ESI_WORDS,
      excludeKeywords: ADHESIOLYSIS_WORDS,
      bodyParts: ['lumbar spine'],
    },
    position: 'conditional',
    positionSummary:
      'Epidural steroid injections may give short-term relief of leg pain and sensory deficit from nerve-root compression, but no significant long-term functional benefit and no reduced need for surgery.',
    criteria: [radiculopathyOnExam, radiculopathyCorroborated, esiConservativeFailed, esiLevels, esiRepeat],
    limits: ESI_LIMITS,
    rationale:
      'The MTUS ACOEM low back chapter gives epidural injections only a short-term role for nerve-root compression, and the specific criteria (radiculopathy on exam, corroboration, failed conservative care) come from the Chronic Pain guidelines and ODG; here {finding}.',
    verification: letters('“Physical Methods” (page 300) cited with ODG epidural criteria in 2017 letters.'),
  }),
  topic('mtus-acoem-low-back', '2004', {
    key: 'facet-injections',
    title: 'Low back complaints: facet joint injections and medial branch blocks',
    area: 'injections',
    section: 'Physical Methods',
    sectionAliases: ['Summary', 'Table 12-8'],
    pages: [300, 301, 309],
    // The chapter is silent on the criteria for a diagnostic medial branch block: those come from ODG
    // (the evidence search moves down a tier), while therapeutic facet injections stay here.
    appliesTo: {
      kinds: ['injection'],
      keywords: FACET_WORDS,
      excludeKeywords: ['medial branch', 'mbb', 'diagnostic'],
      bodyParts: ['lumbar spine'],
    },
    position: 'insufficient-evidence',
    positionSummary:
      'Facet injections of steroid and anesthetic are of questionable merit and therapeutic facet injections are not recommended for low back pain; the chapter does not rule out diagnostic medial branch blocks, whose criteria come from ODG.',
    criteria: [
      crit('non-radicular', 'The pain is non-radicular; radicular findings point away from a facet source', {
        noneOf: [present('radicular-symptoms'), present('exam-finding', ['straight-leg-raise'])],
      }),
      crit(
        'diagnostic-not-therapeutic',
        'The block is diagnostic (a medial branch block before possible neurotomy), not a therapeutic facet injection',
        { anyOf: [mentions('medial branch', 'diagnostic', 'mbb')] },
      ),
    ],
    rationale:
      'The MTUS ACOEM low back chapter finds little support for facet injections and does not recommend therapeutic ones; here {finding}.',
    verification: letters('Page 300 and Table 12-8 (page 309) cited for facet injections and medial branch blocks.'),
  }),
  topic('mtus-acoem-low-back', '2004', {
    key: 'radiofrequency-neurotomy',
    title: 'Low back complaints: facet radiofrequency neurotomy',
    area: 'injections',
    section: 'Physical Methods',
    sectionAliases: ['Summary'],
    pages: [300, 301],
    appliesTo: { kinds: ['injection', 'surgery'], keywords: RF_WORDS, bodyParts: ['lumbar spine'] },
    position: 'insufficient-evidence',
    positionSummary:
      'Lumbar facet neurotomy gives mixed results; it should follow appropriate investigation including controlled medial branch blocks.',
    criteria: [
      crit('positive-mbb', 'A diagnostic medial branch block at the same levels gave a clear positive response', {
        anyOf: [
          present('pain-relief', ['medial branch', 'mbb', 'facet'], { min: 70 }),
          present('treatment-benefit', ['medial branch', 'mbb']),
        ],
      }),
    ],
    rationale:
      'The MTUS ACOEM low back chapter calls lumbar neurotomy unproven and requires positive diagnostic blocks first; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-acoem-neck', '2004', {
    key: 'radiofrequency-neurotomy',
    title: 'Neck complaints: facet injections and radiofrequency neurotomy',
    area: 'injections',
    section: 'Initial Care',
    sectionAliases: ['Physical Methods', 'Summary'],
    pages: [174, 175],
    appliesTo: { kinds: ['injection'], keywords: [...FACET_WORDS, ...RF_WORDS], bodyParts: ['cervical spine'] },
    position: 'conditional',
    positionSummary:
      'Cervical facet injections have no proven benefit; limited evidence supports radiofrequency neurotomy for cervical facet pain after a positive response to diagnostic blocks.',
    criteria: [
      crit('non-radicular', 'Neck pain is non-radicular', { noneOf: [present('radicular-symptoms')] }),
      crit(
        'positive-block',
        'For neurotomy, diagnostic blocks at the same levels gave a clear positive response',
        { anyOf: [present('pain-relief', ['medial branch', 'facet', 'block'], { min: 70 })] },
        { when: [mentions(...RF_WORDS)] },
      ),
    ],
    rationale: 'The MTUS ACOEM neck chapter gives facet procedures a limited role; here {finding}.',
    verification: uncertain('Recalled from the 2004 neck chapter; not seen in a letter.'),
  }),
  topic('mtus-acoem-shoulder', '2004', {
    key: 'injections',
    title: 'Shoulder complaints: corticosteroid injections',
    area: 'injections',
    section: 'Initial Care',
    sectionAliases: ['Summary', 'Physical Methods'],
    pages: [204, 213],
    appliesTo: {
      kinds: ['injection'],
      keywords: [
        'subacromial',
        'steroid injection',
        'cortisone',
        'corticosteroid',
        'joint injection',
        'intra articular',
      ],
      bodyParts: ['shoulder'],
    },
    position: 'recommended',
    positionSummary:
      'A subacromial injection of anesthetic and corticosteroid is recommended for rotator cuff inflammation, impingement or small tears, two or three injections as part of an exercise program.',
    criteria: [
      crit('indication', 'Impingement, rotator cuff tendinitis or a small tear is documented', {
        anyOf: [
          present('diagnosis', ['impingement', 'rotator cuff', 'tendin', 'bursitis']),
          present('exam-finding', ['impingement-sign']),
        ],
      }),
      crit('number', 'No more than two or three injections in all', {
        noneOf: [present('prior-treatment', ['shoulder injection', 'subacromial', 'cortisone'], { minCount: 3 })],
      }),
      common.homeExercise(),
    ],
    limits: [{ measure: 'injections', max: 3, stage: 'total', applies: 'subacromial corticosteroid injections' }],
    rationale:
      'The MTUS ACOEM shoulder chapter supports a few subacromial injections with exercise for impingement; here {finding}.',
    verification: recalled(
      'Pages recalled; a 2017 letter relied on an injection being planned when judging a shoulder MRI.',
    ),
  }),
  topic('mtus-acoem-knee', '2004', {
    key: 'injections',
    title: 'Knee complaints: aspiration and cortisone injections',
    area: 'injections',
    section: 'Initial Care',
    sectionAliases: ['Summary'],
    pages: [339],
    appliesTo: {
      kinds: ['injection'],
      keywords: ['cortisone', 'steroid', 'corticosteroid', 'aspiration', 'joint injection', 'intra articular'],
      bodyParts: ['knee'],
    },
    position: 'conditional',
    positionSummary:
      'Aspiration and cortisone injections are not routinely indicated for knee complaints; they have a role for specific conditions such as symptomatic osteoarthritis or a tense effusion.',
    criteria: [
      crit('indication', 'A specific indication (symptomatic osteoarthritis, effusion, bursitis) is documented', {
        anyOf: [
          present('diagnosis', ['osteoarthritis', 'arthritis', 'bursitis', 'effusion']),
          present('exam-finding', ['effusion']),
        ],
      }),
    ],
    rationale: 'The MTUS ACOEM knee chapter does not support routine knee injections; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-acoem-hand', '2004', {
    key: 'injections',
    title: 'Forearm, wrist and hand: corticosteroid injection (carpal tunnel, tendinitis)',
    area: 'injections',
    section: 'Initial Care',
    sectionAliases: ['Summary', 'Physical Methods'],
    pages: [265, 272],
    appliesTo: {
      kinds: ['injection'],
      keywords: ['cortisone', 'steroid', 'corticosteroid', 'carpal tunnel injection', 'trigger finger'],
      bodyParts: ['wrist', 'hand', 'forearm'],
    },
    position: 'conditional',
    positionSummary:
      'A corticosteroid injection is an option for mild or moderate carpal tunnel syndrome or De Quervain’s tenosynovitis after splinting and medication fail.',
    criteria: [
      crit('indication', 'Carpal tunnel syndrome, De Quervain’s or trigger finger is documented', {
        anyOf: [present('diagnosis', ['carpal tunnel', 'quervain', 'trigger finger', 'tenosynovitis'])],
      }),
      common.failedConservativeCare('splinting and medication'),
    ],
    rationale: 'The MTUS ACOEM hand chapter supports an injection after splinting and medication fail; here {finding}.',
    verification: RECALLED,
  }),
  topic('acoem-practice-guidelines', '3rd', {
    key: 'facet-injections',
    chapter: 'low-back',
    title: 'ACOEM Low Back Disorders: facet joint injections',
    area: 'injections',
    section: 'Facet joint injections',
    sectionAliases: ['Therapeutic facet joint injections', 'Low Back Disorders'],
    pages: [607],
    appliesTo: {
      kinds: ['injection'],
      keywords: FACET_WORDS,
      excludeKeywords: ['medial branch', 'mbb', 'diagnostic'],
      bodyParts: ['lumbar spine'],
    },
    position: 'not-recommended',
    positionSummary:
      'Therapeutic facet joint injections are not recommended for low back pain, including any radicular pain syndrome.',
    criteria: [common.notRecommended(['facet'], 'therapeutic facet injections')],
    rationale: 'The ACOEM Low Back Disorders chapter does not recommend therapeutic facet injections; here {finding}.',
    verification: letters('Page 607 of the third edition cited alongside the MTUS in a 2016 letter.'),
  }),
];

const odgInjections: Topic[] = [
  odg('low-back', {
    key: 'epidural-steroid-injections',
    title: 'ODG low back: epidural steroid injections',
    area: 'injections',
    section: 'Epidural steroid injections (ESIs), therapeutic',
    sectionAliases: [
      'Epidural steroid injections (ESIs)',
      'Epidural Steroid Injection (ESI)',
      'Epidural steroid injections',
    ],
    appliesTo: {
      kinds: ['injection'],
      keywords: ESI_WORDS,
      excludeKeywords: ADHESIOLYSIS_WORDS,
      bodyParts: ['lumbar spine', 'thoracic spine'],
    },
    position: 'conditional',
    positionSummary:
      'ESIs are for short-term treatment of radicular pain: radiculopathy (from disc herniation, not stenosis alone) on exam corroborated by imaging or testing, after failed conservative care; not on the same day as facet or SI injections.',
    criteria: [
      radiculopathyOnExam,
      radiculopathyCorroborated,
      esiConservativeFailed,
      esiLevels,
      esiRepeat,
      crit(
        'not-same-day',
        'The injection is not combined on the same day with facet, medial branch or sacroiliac injections',
        { noneOf: [mentions('facet', 'medial branch', 'sacroiliac')] },
        { required: false },
      ),
    ],
    limits: [
      ...ESI_LIMITS,
      { measure: 'relief-percent', min: 50, max: 70, stage: 'repeat', applies: 'relief threshold for repeats' },
    ],
    rationale:
      'ODG supports epidural steroid injection only for radiculopathy documented on exam and corroborated by imaging or testing after failed conservative care; here {finding}.',
    verification: LETTERS,
  }),
  odg('neck', {
    key: 'epidural-steroid-injections',
    title: 'ODG neck: cervical epidural steroid injections',
    area: 'injections',
    section: 'Epidural steroid injection (ESI)',
    sectionAliases: ['Epidural steroid injections (ESIs)'],
    appliesTo: {
      kinds: ['injection'],
      keywords: ESI_WORDS,
      excludeKeywords: ADHESIOLYSIS_WORDS,
      bodyParts: ['cervical spine'],
    },
    position: 'conditional',
    positionSummary:
      'Cervical ESIs follow the lumbar criteria—radiculopathy on exam, corroborated, after failed conservative care—with particular caution about risk; repeats only after documented response.',
    criteria: [radiculopathyOnExam, radiculopathyCorroborated, esiConservativeFailed, esiLevels, esiRepeat],
    limits: ESI_LIMITS,
    rationale:
      'ODG supports cervical epidural injection only for corroborated radiculopathy after failed conservative care; here {finding}.',
    verification: RECALLED,
  }),
  odg('low-back', {
    key: 'facet-diagnostic-blocks',
    title: 'ODG low back: diagnostic facet blocks (medial branch blocks)',
    area: 'injections',
    section: 'Facet joint diagnostic blocks (injections)',
    sectionAliases: [
      'Diagnostic Facet Blocks',
      'Facet joint medial branch blocks',
      'Facet medial branch blocks',
      'Facet medical branch blocks',
      'Facet joint pain, signs & symptoms',
    ],
    appliesTo: { kinds: ['injection'], keywords: FACET_WORDS, bodyParts: ['lumbar spine', 'thoracic spine'] },
    position: 'conditional',
    positionSummary:
      'One set of diagnostic medial branch blocks is supported for non-radicular low back pain with facet findings, at no more than two levels bilaterally, after 4–6 weeks of failed conservative care, when no fusion or surgery is planned at those levels.',
    criteria: [
      crit('non-radicular', 'The pain is non-radicular: no radicular findings and a negative straight-leg raise', {
        noneOf: [
          present('radicular-symptoms'),
          present('exam-finding', ['straight-leg-raise']),
          present('neurological-deficit'),
        ],
      }),
      crit('facet-findings', 'Examination shows tenderness over the facets or pain on facet loading', {
        anyOf: [present('exam-finding', ['facet-loading', 'tenderness'])],
      }),
      crit('levels', 'No more than two levels (bilaterally) are blocked, and the levels are specified', {
        allOf: [flag('levelsSpecified', true), num('levels', { max: 2 })],
      }),
      crit('conservative-failed', 'At least 4–6 weeks of conservative care (home exercise, therapy, NSAIDs) failed', {
        anyOf: conservativeCareTried(),
      }),
      crit(
        'no-fusion-or-surgery',
        'No fusion exists or is planned at the levels blocked',
        { noneOf: [present('surgery-planned'), present('surgery-history', ['fusion'])] },
        { silentMeansNone: true },
      ),
      crit(
        'one-diagnostic-set',
        'This is the single diagnostic set; a second set needs a documented positive response to the first',
        { allOf: [present('pain-relief', ['medial branch', 'mbb', 'facet'], { min: 70 })] },
        { when: [present('prior-treatment', FACET_WORDS)] },
      ),
    ],
    limits: [
      { measure: 'levels', max: 2, stage: 'per-session', applies: 'bilateral levels' },
      { measure: 'weeks-of-conservative-care', min: 4, max: 6 },
      { measure: 'relief-percent', min: 70, applies: 'positive diagnostic response, for the anesthetic’s duration' },
      { measure: 'injections', max: 1, applies: 'sets of diagnostic medial branch blocks' },
    ],
    rationale:
      'ODG supports one set of diagnostic medial branch blocks for non-radicular facet pain at no more than two levels after 4–6 weeks of failed conservative care; here {finding}.',
    verification: LETTERS,
  }),
  odg('low-back', {
    key: 'facet-intra-articular',
    title: 'ODG low back: therapeutic intra-articular facet injections',
    area: 'injections',
    section: 'Facet joint intra-articular injections (therapeutic blocks)',
    sectionAliases: ['Facet joint injections, therapeutic', 'Therapeutic facet joint injections'],
    appliesTo: {
      kinds: ['injection'],
      keywords: ['intra articular facet', 'facet joint injection', 'facet injection'],
      bodyParts: ['lumbar spine'],
    },
    position: 'not-recommended',
    positionSummary:
      'Therapeutic intra-articular facet injections are not recommended; if one is used and helps, the next step is medial branch block and neurotomy, with at most one therapeutic injection.',
    criteria: [
      crit('no-prior-therapeutic', 'No therapeutic facet injection has been done before', {
        noneOf: [present('prior-treatment', FACET_WORDS)],
      }),
      crit('non-radicular', 'The pain is non-radicular', { noneOf: [present('radicular-symptoms')] }),
    ],
    limits: [{ measure: 'injections', max: 1, applies: 'therapeutic intra-articular injections' }],
    rationale: 'ODG does not recommend therapeutic facet injections; here {finding}.',
    verification: RECALLED,
  }),
  odg('low-back', {
    key: 'facet-radiofrequency-neurotomy',
    title: 'ODG low back: facet radiofrequency neurotomy',
    area: 'injections',
    section: 'Facet joint radiofrequency neurotomy',
    sectionAliases: ['Radiofrequency neurotomy', 'Radiofrequency ablation'],
    appliesTo: { kinds: ['injection', 'surgery'], keywords: RF_WORDS, bodyParts: ['lumbar spine', 'thoracic spine'] },
    position: 'conditional',
    positionSummary:
      'Neurotomy follows a facet diagnosis confirmed by medial branch block, at no more than two levels at once; repeats no sooner than six months and only after at least 50% relief for 12 weeks, with a plan of active care.',
    criteria: [
      crit('positive-mbb', 'A medial branch block at the same levels gave at least 70% relief', {
        allOf: [present('pain-relief', ['medial branch', 'mbb', 'facet', 'block'], { min: 70 })],
      }),
      crit('levels', 'No more than two joint levels are treated at one time', {
        allOf: [flag('levelsSpecified', true), num('levels', { max: 2 })],
      }),
      crit(
        'repeat',
        'A repeat follows at least 50% relief lasting 12 weeks or more, at least six months after the last procedure',
        { allOf: [present('pain-relief', ['radiofrequency', 'rfa', 'neurotomy', 'ablation'], { min: 50 })] },
        { when: [present('prior-treatment', RF_WORDS)] },
      ),
      crit(
        'active-care-plan',
        'A plan of active conservative care goes with the procedure',
        {
          anyOf: [present('home-exercise'), present('prior-treatment', ['therapy', 'exercise'])],
        },
        { required: false },
      ),
    ],
    limits: [
      { measure: 'levels', max: 2, stage: 'per-session', applies: 'joint levels' },
      { measure: 'relief-percent', min: 50, stage: 'repeat' },
      { measure: 'relief-weeks', min: 12, stage: 'repeat' },
      { measure: 'months-between', min: 6 },
      { measure: 'procedures-per-year', max: 3 },
    ],
    rationale:
      'ODG supports facet neurotomy only after a positive medial branch block, at no more than two levels; here {finding}.',
    verification: recalled('The two-level limit was verified against a public quotation of ODG; the rest is recalled.'),
  }),
  odg('neck', {
    key: 'facet-diagnostic-blocks',
    title: 'ODG neck: diagnostic facet blocks',
    area: 'injections',
    section: 'Facet joint diagnostic blocks',
    sectionAliases: ['Facet joint medial branch blocks'],
    appliesTo: { kinds: ['injection'], keywords: FACET_WORDS, bodyParts: ['cervical spine'] },
    position: 'conditional',
    positionSummary:
      'One set of diagnostic medial branch blocks is supported for non-radicular cervical pain with facet findings, at no more than two levels, after 4–6 weeks of failed conservative care.',
    criteria: [
      crit('non-radicular', 'The pain is non-radicular', {
        noneOf: [present('radicular-symptoms'), present('neurological-deficit')],
      }),
      crit('levels', 'No more than two levels are blocked', { allOf: [num('levels', { max: 2 })] }),
      crit('conservative-failed', 'At least 4–6 weeks of conservative care failed', {
        anyOf: conservativeCareTried(),
      }),
    ],
    limits: [
      { measure: 'levels', max: 2, stage: 'per-session' },
      { measure: 'weeks-of-conservative-care', min: 4, max: 6 },
    ],
    rationale:
      'ODG supports one diagnostic set of cervical medial branch blocks for non-radicular facet pain; here {finding}.',
    verification: RECALLED,
  }),
  odg('neck', {
    key: 'facet-radiofrequency-neurotomy',
    title: 'ODG neck: facet radiofrequency neurotomy',
    area: 'injections',
    section: 'Facet joint radiofrequency neurotomy',
    appliesTo: { kinds: ['injection', 'surgery'], keywords: RF_WORDS, bodyParts: ['cervical spine'] },
    position: 'conditional',
    positionSummary:
      'Cervical neurotomy follows a positive diagnostic medial branch block, at no more than two levels, with repeats only after sustained relief.',
    criteria: [
      crit('positive-mbb', 'A diagnostic block at the same levels gave at least 70% relief', {
        allOf: [present('pain-relief', ['medial branch', 'mbb', 'facet', 'block'], { min: 70 })],
      }),
      crit('levels', 'No more than two levels are treated', { allOf: [num('levels', { max: 2 })] }),
    ],
    limits: [{ measure: 'levels', max: 2, stage: 'per-session' }],
    rationale: 'ODG supports cervical neurotomy only after a positive diagnostic block; here {finding}.',
    verification: RECALLED,
  }),
  odg('hip', {
    key: 'sacroiliac-joint-blocks',
    title: 'ODG hip and pelvis: sacroiliac joint blocks',
    area: 'injections',
    section: 'Sacroiliac joint blocks',
    sectionAliases: ['Sacroiliac joint injections (SJI)', 'SI joint injections', 'Sacroiliac injections'],
    appliesTo: { kinds: ['injection'], keywords: ['sacroiliac', 'si joint', 'sij'], excludeKeywords: RF_WORDS },
    position: 'conditional',
    positionSummary:
      'SI joint blocks need at least three positive provocative tests, other pain generators addressed, 4–6 weeks of failed aggressive conservative care, and fluoroscopy; repeats only after more than 70% relief for six weeks.',
    criteria: [
      crit(
        'provocative-tests',
        'At least three positive SI provocative tests are documented (e.g., compression, distraction, thigh thrust, Gaenslen, FABER)',
        {
          anyOf: [
            present('exam-finding', ['sacroiliac', 'faber', 'gaenslen', 'thigh thrust', 'patrick', 'si joint'], {
              minCount: 3,
            }),
          ],
        },
      ),
      crit('conservative-failed', 'At least 4–6 weeks of aggressive conservative care failed', {
        anyOf: conservativeCareTried(),
      }),
      crit(
        'other-generators',
        'Other pain generators (disc, facet, radicular) have been addressed',
        {
          noneOf: [present('radicular-symptoms')],
        },
        { required: false },
      ),
      crit(
        'repeat',
        'A repeat block follows more than 70% relief lasting at least six weeks, at least two months apart',
        { allOf: [present('pain-relief', ['sacroiliac', 'si joint', 'injection'], { min: 70 })] },
        { when: [present('prior-treatment', ['sacroiliac', 'si joint'])] },
      ),
    ],
    limits: [
      { measure: 'weeks-of-conservative-care', min: 4, max: 6 },
      { measure: 'relief-percent', min: 80, applies: 'positive diagnostic block' },
      { measure: 'relief-percent', min: 70, stage: 'repeat' },
      { measure: 'relief-weeks', min: 6, stage: 'repeat' },
      { measure: 'injections-per-year', max: 4 },
    ],
    rationale:
      'ODG supports SI joint blocks only with three positive provocative tests after failed conservative care; here {finding}.',
    verification: uncertain(
      'Recalled; later ODG editions narrowed therapeutic SI injections to inflammatory sacroiliitis.',
    ),
  }),
  odg('hip', {
    key: 'sacroiliac-radiofrequency',
    title: 'ODG hip and pelvis: sacroiliac joint radiofrequency neurotomy',
    area: 'injections',
    section: 'Sacroiliac joint radiofrequency neurotomy',
    appliesTo: { kinds: ['injection', 'surgery'], keywords: RF_WORDS, bodyParts: ['sacroiliac', 'hip'] },
    position: 'not-recommended',
    positionSummary:
      'Radiofrequency neurotomy of the SI joint is not recommended; evidence is limited and conflicting.',
    criteria: [common.notRecommended(RF_WORDS, 'SI joint neurotomy')],
    rationale: 'ODG does not recommend SI joint neurotomy; here {finding}.',
    verification: RECALLED,
  }),
  odg('knee', {
    key: 'platelet-rich-plasma',
    title: 'ODG knee: platelet-rich plasma',
    area: 'injections',
    section: 'Platelet-rich plasma (PRP)',
    sectionAliases: ['Platelet-rich plasma'],
    appliesTo: { kinds: ['injection'], keywords: ['platelet rich', 'prp'], bodyParts: ['knee', 'leg'] },
    position: 'conditional',
    positionSummary:
      'PRP is recommended only for narrow indications: significantly symptomatic knee osteoarthritis or refractory patellar tendinopathy.',
    criteria: [
      crit('indication', 'Significantly symptomatic osteoarthritis or refractory patellar tendinopathy is documented', {
        anyOf: [present('diagnosis', ['osteoarthritis', 'arthritis', 'patellar tendin', 'jumper'])],
      }),
    ],
    rationale:
      'ODG supports PRP for the knee only for osteoarthritis or refractory patellar tendinopathy; here {finding}.',
    verification: LETTERS,
  }),
  odg('elbow', {
    key: 'platelet-rich-plasma',
    title: 'ODG elbow: platelet-rich plasma',
    area: 'injections',
    section: 'Platelet-rich plasma (PRP)',
    appliesTo: { kinds: ['injection'], keywords: ['platelet rich', 'prp'], bodyParts: ['elbow'] },
    position: 'insufficient-evidence',
    positionSummary:
      'PRP for lateral epicondylitis is under study; at most a single injection after 6 months of failed conservative care.',
    criteria: [
      crit('epicondylitis', 'Chronic lateral epicondylitis is documented', {
        anyOf: [present('diagnosis', ['epicondyl'])],
      }),
      common.failedConservativeCare(),
    ],
    rationale: 'ODG regards PRP for the elbow as under study; here {finding}.',
    verification: uncertain('Recalled; ODG’s position changed over editions.'),
  }),
  odg('shoulder', {
    key: 'platelet-rich-plasma',
    title: 'ODG shoulder: platelet-rich plasma',
    area: 'injections',
    section: 'Platelet-rich plasma (PRP)',
    appliesTo: { kinds: ['injection'], keywords: ['platelet rich', 'prp'], bodyParts: ['shoulder'] },
    position: 'not-recommended',
    positionSummary: 'PRP is not recommended for rotator cuff disorders or other shoulder conditions.',
    criteria: [common.notRecommended(['platelet rich', 'prp'], 'PRP for the shoulder')],
    rationale: 'ODG does not recommend PRP for the shoulder; here {finding}.',
    verification: RECALLED,
  }),
  odg('knee', {
    key: 'corticosteroid-injections',
    title: 'ODG knee: corticosteroid injections',
    area: 'injections',
    section: 'Corticosteroid injections',
    appliesTo: {
      kinds: ['injection'],
      keywords: ['cortisone', 'corticosteroid', 'steroid injection', 'kenalog', 'depo medrol'],
      bodyParts: ['knee'],
    },
    position: 'conditional',
    positionSummary:
      'Corticosteroid injections are for short-term relief of symptomatic knee osteoarthritis not controlled by conservative care; repeats only with documented response, a few a year at most.',
    criteria: [
      crit('osteoarthritis', 'Symptomatic knee osteoarthritis is documented', {
        anyOf: [present('diagnosis', ['osteoarthritis', 'arthritis'])],
      }),
      common.failedConservativeCare(),
      crit(
        'prior-response',
        'A repeat injection follows documented benefit from the last one',
        { anyOf: [present('treatment-benefit', ['injection', 'cortisone', 'steroid'])] },
        { when: [present('prior-treatment', ['cortisone', 'steroid injection', 'knee injection'])] },
      ),
    ],
    limits: [{ measure: 'injections-per-year', max: 3 }],
    rationale:
      'ODG supports knee steroid injections for symptomatic osteoarthritis after failed conservative care; here {finding}.',
    verification: RECALLED,
  }),
  odg('knee', {
    key: 'hyaluronic-acid',
    title: 'ODG knee: hyaluronic acid (viscosupplement) injections',
    area: 'injections',
    section: 'Hyaluronic acid injections',
    sectionAliases: ['Viscosupplementation'],
    appliesTo: {
      kinds: ['injection', 'medication'],
      keywords: [
        'hyaluronic',
        'synvisc',
        'orthovisc',
        'euflexxa',
        'supartz',
        'monovisc',
        'gel one',
        'viscosupplement',
        'hyalgan',
      ],
    },
    position: 'conditional',
    positionSummary:
      'Hyaluronic acid injections are an option for severe knee osteoarthritis that has not responded to at least three months of conservative care, including aspiration and steroid injection; not for other knee conditions.',
    criteria: [
      crit('severe-oa', 'Severe symptomatic knee osteoarthritis is documented (clinical and imaging)', {
        anyOf: [
          present('diagnosis', ['osteoarthritis', 'arthritis']),
          present('imaging-result', ['osteoarthritis', 'degenerative', 'joint space']),
        ],
      }),
      crit('conservative-failed', 'Three months or more of conservative care, including steroid injection, failed', {
        anyOf: [present('treatment-failure', ['injection', 'steroid', 'cortisone', 'nsaid', 'therapy'])],
      }),
      crit(
        'repeat',
        'A repeat series follows significant relief lasting six months or more',
        { anyOf: [present('treatment-benefit', ['hyaluronic', 'synvisc', 'viscosupplement'])] },
        { when: [present('prior-treatment', ['hyaluronic', 'synvisc', 'viscosupplement', 'orthovisc'])] },
      ),
    ],
    limits: [{ measure: 'months-of-conservative-care', min: 3 }],
    rationale:
      'ODG supports hyaluronic acid injections only for severe knee osteoarthritis after failed conservative care; here {finding}.',
    verification: RECALLED,
  }),
  odg('low-back', {
    key: 'adhesiolysis',
    title: 'ODG low back: percutaneous adhesiolysis (epidural neuroplasty)',
    area: 'injections',
    section: 'Adhesiolysis, percutaneous',
    sectionAliases: ['Epidural neuroplasty', 'Epidural adhesiolysis', 'Lysis of epidural adhesions'],
    appliesTo: {
      kinds: ['injection', 'surgery'],
      keywords: ['neuroplasty', 'adhesiolysis', 'lysis of adhesion', 'racz', 'epidural neurolysis'],
    },
    position: 'not-recommended',
    positionSummary:
      'Percutaneous adhesiolysis (epidural neuroplasty or neurolysis) is not recommended; the literature does not support it.',
    criteria: [common.notRecommended(['neuroplasty', 'adhesiolysis', 'lysis', 'racz'], 'percutaneous adhesiolysis')],
    rationale: 'ODG does not recommend percutaneous adhesiolysis; here {finding}.',
    verification: LETTERS,
  }),
  odg('head', {
    key: 'occipital-nerve-block',
    title: 'ODG head: greater occipital nerve block',
    area: 'injections',
    section: 'Greater occipital nerve block (GONB)',
    sectionAliases: ['Occipital nerve block'],
    appliesTo: { kinds: ['injection'], keywords: ['occipital nerve', 'gonb', 'occipital block'] },
    position: 'insufficient-evidence',
    positionSummary:
      'Occipital nerve blocks are under study; evidence for headache treatment is limited and conflicting.',
    criteria: [
      crit(
        'occipital-neuralgia',
        'Occipital neuralgia or cervicogenic headache with failed conservative care is documented',
        {
          anyOf: [present('diagnosis', ['occipital neuralgia', 'cervicogenic'])],
        },
      ),
      common.failedConservativeCare(),
    ],
    rationale: 'ODG regards occipital nerve blocks as under study; here {finding}.',
    verification: RECALLED,
  }),
];

export const INJECTION_TOPICS: readonly Topic[] = [...chronicPainInjections, ...acoemInjections, ...odgInjections];
