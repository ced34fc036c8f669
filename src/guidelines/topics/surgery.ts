import type { BodyRegion, Criterion, Topic } from '../schema.js';
import {
  age,
  CONSERVATIVE_CARE,
  common,
  crit,
  flag,
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

/** Surgery, services tied to a surgery, and postsurgical physical medicine. */

const procedureSpecified: Criterion = crit(
  'procedure-specified',
  'The request names the specific procedure(s), levels and side, rather than an open-ended operation',
  { noneOf: [mentions('possible', 'versus', 'vs', 'unspecified', 'and or')] },
  { required: false },
);

const imagingLesion = (values: string[], what: string): Criterion =>
  crit('imaging-lesion', `Imaging shows ${what} that matches the clinical findings`, {
    anyOf: [present('imaging-result', values)],
  });

const acoemSurgery: Topic[] = [
  topic('mtus-acoem-low-back', '2004', {
    key: 'surgical-considerations-decompression',
    title: 'Low back complaints: discectomy, laminectomy and decompression',
    area: 'surgery',
    section: 'Surgical Considerations',
    sectionAliases: ['Summary', 'Table 12-8'],
    pages: [305, 306, 307],
    appliesTo: {
      kinds: ['surgery'],
      keywords: [
        'discectomy',
        'microdiscectomy',
        'laminectomy',
        'laminotomy',
        'foraminotomy',
        'decompression',
        'hemilaminectomy',
      ],
      bodyParts: ['lumbar spine'],
    },
    position: 'conditional',
    positionSummary:
      'Surgical referral needs severe, disabling leg symptoms in a distribution matching imaging, activity limits for more than a month or extreme progression, clear clinical, imaging and electrophysiologic evidence of a lesion that surgery helps, and failed conservative care.',
    criteria: [
      common.objectiveNeuroDeficit(),
      imagingLesion(
        ['herniat', 'extrusion', 'protrusion', 'stenosis', 'nerve root', 'compress'],
        'nerve-root compression at the level',
      ),
      common.failedConservativeCare(),
      crit('duration', 'Activity has been limited by leg symptoms for more than a month, or symptoms are progressing', {
        anyOf: [{ chronicity: ['subacute', 'chronic'] }, present('red-flag')],
      }),
      procedureSpecified,
    ],
    limits: [{ measure: 'months', min: 1, applies: 'activity limitation from radiating leg pain before referral' }],
    rationale:
      'The MTUS ACOEM low back chapter supports decompression only with matching clinical, imaging and electrophysiologic evidence after failed conservative care; here {finding}.',
    verification: letters('“Surgical Considerations” cited by claims administrators; pages 305–307 recalled.'),
  }),
  topic('mtus-acoem-low-back', '2004', {
    key: 'surgical-considerations-fusion',
    title: 'Low back complaints: spinal fusion',
    area: 'surgery',
    section: 'Surgical Considerations',
    sectionAliases: ['Summary'],
    pages: [307],
    appliesTo: {
      kinds: ['surgery'],
      keywords: [
        'fusion',
        'arthrodesis',
        'tlif',
        'plif',
        'alif',
        'xlif',
        'interbody',
        'instrumentation',
        'pedicle screw',
      ],
      bodyParts: ['lumbar spine'],
    },
    position: 'conditional',
    positionSummary:
      'Except for fracture or dislocation, fusion is not usually considered in the first three months; it may help instability after decompression at a level of degenerative spondylolisthesis; no good evidence supports fusion for spondylosis without instability.',
    criteria: [
      crit('instability', 'Instability or spondylolisthesis (or fracture/dislocation) is documented on imaging', {
        anyOf: [
          present('imaging-result', ['instability', 'spondylolisthesis', 'listhesis', 'fracture', 'translation']),
          present('exam-finding', ['instability']),
        ],
      }),
      crit('beyond-three-months', 'Symptoms have lasted beyond three months, unless there is fracture or dislocation', {
        anyOf: [{ chronicity: ['chronic'] }, present('red-flag')],
      }),
      common.failedConservativeCare(),
    ],
    limits: [{ measure: 'months', min: 3, applies: 'before fusion, except fracture or dislocation' }],
    rationale:
      'The MTUS ACOEM low back chapter supports fusion only for instability or fracture, not for degenerative disease alone; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-acoem-neck', '2004', {
    key: 'surgical-considerations',
    title: 'Neck and upper back complaints: surgical considerations',
    area: 'surgery',
    section: 'Surgical Considerations',
    sectionAliases: ['Summary'],
    pages: [179, 180],
    appliesTo: {
      kinds: ['surgery'],
      keywords: [
        'discectomy',
        'fusion',
        'acdf',
        'laminectomy',
        'laminoplasty',
        'foraminotomy',
        'arthroplasty',
        'disc replacement',
      ],
      bodyParts: ['cervical spine'],
    },
    position: 'conditional',
    positionSummary:
      'Cervical surgery needs persistent, severe, disabling arm symptoms, activity limits over a month or progression, clear clinical, imaging and electrophysiologic evidence of a lesion surgery helps, and unresolved radicular symptoms after conservative care.',
    criteria: [
      common.objectiveNeuroDeficit(),
      imagingLesion(['herniat', 'stenosis', 'nerve root', 'compress', 'myelopathy', 'cord'], 'neural compression'),
      common.failedConservativeCare(),
      procedureSpecified,
    ],
    rationale:
      'The MTUS ACOEM neck chapter supports surgery only for clear, concordant neural compression after failed conservative care; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-acoem-shoulder', '2004', {
    key: 'surgical-considerations',
    title: 'Shoulder complaints: surgical considerations (arthroscopy, decompression, cuff repair)',
    area: 'surgery',
    section: 'Surgical Considerations',
    sectionAliases: ['Summary'],
    pages: [209, 210, 211],
    appliesTo: {
      kinds: ['surgery'],
      keywords: [
        'arthroscopy',
        'rotator cuff repair',
        'subacromial decompression',
        'acromioplasty',
        'distal clavicle',
        'mumford',
        'labral',
        'slap',
        'capsular release',
        'tenodesis',
        'debridement',
        'shoulder surgery',
      ],
      bodyParts: ['shoulder'],
    },
    position: 'conditional',
    positionSummary:
      'Shoulder surgery needs a red flag, or activity limits for more than four months with a surgical lesion, failure to gain motion and strength with exercise, and clear clinical and imaging evidence; impingement needs 3–6 months of care including injections first; full-thickness cuff tears go to repair.',
    criteria: [
      crit(
        'failed-care',
        'Three to six months of conservative care (exercise, therapy, and for impingement corticosteroid injections) failed',
        {
          anyOf: [present('treatment-failure', [...CONSERVATIVE_CARE, 'cortisone'])],
        },
      ),
      crit('limitation', 'Night pain, activity limitation for more than four months, or weakness is documented', {
        anyOf: [
          present('functional-limitation'),
          present('exam-finding', ['weakness', 'impingement-sign', 'rom-limited']),
          present('sleep-disturbance'),
        ],
      }),
      imagingLesion(
        ['tear', 'impingement', 'labral', 'full thickness', 'rotator cuff'],
        'a lesion surgery can address',
      ),
      procedureSpecified,
    ],
    limits: [
      { measure: 'months', min: 4, applies: 'activity limitation before surgical referral' },
      { measure: 'months-of-conservative-care', min: 3, max: 6, applies: 'impingement, including injections' },
    ],
    rationale:
      'The MTUS ACOEM shoulder chapter supports surgery for a clear surgical lesion after three to six months of failed conservative care; here {finding}.',
    verification: letters(
      '“Surgical Considerations” cited in 2017 letters; the 4-month and 3–6-month figures are applied there.',
    ),
  }),
  topic('mtus-acoem-knee', '2004', {
    key: 'surgical-considerations',
    title: 'Knee complaints: surgical considerations (arthroscopy, meniscectomy)',
    area: 'surgery',
    section: 'Surgical Considerations',
    sectionAliases: ['Summary'],
    pages: [343, 344, 345],
    appliesTo: {
      kinds: ['surgery'],
      keywords: [
        'arthroscopy',
        'meniscectomy',
        'menisc',
        'chondroplasty',
        'debridement',
        'acl',
        'cruciate',
        'lateral release',
        'synovectomy',
      ],
      bodyParts: ['knee'],
    },
    position: 'conditional',
    positionSummary:
      'Arthroscopic meniscectomy works best with clear evidence of a tear—mechanical symptoms, focused exam signs and a consistent MRI—after activity limits beyond a month and failed exercise; less benefit with degenerative change.',
    criteria: [
      crit(
        'mechanical-symptoms',
        'Mechanical symptoms (locking, catching, giving way, recurrent effusion) and focused exam signs are documented',
        {
          anyOf: [
            present('exam-finding', ['mcmurray', 'effusion', 'locking', 'joint line', 'instability']),
            present('diagnosis', ['locking', 'mechanical']),
          ],
        },
      ),
      imagingLesion(['menisc', 'tear', 'ligament', 'acl'], 'a tear'),
      common.failedConservativeCare('exercise and other conservative care (therapy, injections)'),
      crit(
        'not-degenerative',
        'The knee is not predominantly degenerative (osteoarthritis lessens benefit)',
        {
          noneOf: [present('imaging-result', ['osteoarthritis', 'degenerative joint', 'tricompartmental'])],
        },
        { required: false },
      ),
      procedureSpecified,
    ],
    limits: [{ measure: 'months', min: 1, applies: 'activity limitation before referral' }],
    rationale:
      'The MTUS ACOEM knee chapter supports arthroscopy for a clear mechanical lesion after failed conservative care; here {finding}.',
    verification: letters(
      'Cited in 2017 letters; one letter paraphrased the limitation as over three months, the chapter is recalled as over one month.',
    ),
  }),
  topic('mtus-acoem-hand', '2004', {
    key: 'surgical-considerations',
    title: 'Forearm, wrist and hand complaints: carpal tunnel release and other surgery',
    area: 'surgery',
    section: 'Surgical Considerations',
    sectionAliases: ['Summary', 'Table 11-7'],
    pages: [270, 272, 273],
    appliesTo: {
      kinds: ['surgery'],
      keywords: ['carpal tunnel release', 'ctr', 'carpal tunnel', 'trigger finger release', 'quervain', 'release'],
      bodyParts: ['wrist', 'hand', 'forearm'],
    },
    position: 'conditional',
    positionSummary:
      'Carpal tunnel release needs positive clinical findings confirmed by nerve conduction testing; mild cases do less well, moderate or severe cases better than with splinting.',
    criteria: [
      crit(
        'clinical-findings',
        'Clinical findings of carpal tunnel syndrome are documented (Tinel, Phalen, sensory loss)',
        {
          anyOf: [
            present('exam-finding', ['tinel', 'phalen', 'sensory-deficit', 'atrophy']),
            present('diagnosis', ['carpal tunnel']),
          ],
        },
      ),
      crit('ncs-confirmed', 'Nerve conduction testing confirms the diagnosis', {
        anyOf: [present('electrodiagnostic-result', ['carpal tunnel', 'median'])],
      }),
      common.failedConservativeCare('splinting and other conservative care'),
    ],
    rationale:
      'The MTUS ACOEM hand chapter supports carpal tunnel release only with clinical findings confirmed by nerve conduction testing; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-acoem-ankle', '2004', {
    key: 'surgical-considerations',
    title: 'Ankle and foot complaints: surgical considerations',
    area: 'surgery',
    section: 'Surgical Considerations',
    sectionAliases: ['Summary'],
    appliesTo: {
      kinds: ['surgery'],
      keywords: ['surgery', 'arthroscopy', 'repair', 'release', 'fasciotomy', 'osteotomy', 'orif'],
      bodyParts: ['ankle', 'foot'],
    },
    position: 'conditional',
    positionSummary:
      'Ankle or foot surgery is considered for activity limits over a month without improvement, failed exercise programs, and clear clinical and imaging evidence of a lesion surgery helps.',
    criteria: [
      common.failedConservativeCare(),
      imagingLesion(['tear', 'fracture', 'osteochondral', 'instability', 'rupture'], 'a surgical lesion'),
      procedureSpecified,
    ],
    rationale:
      'The MTUS ACOEM ankle and foot chapter supports surgery for a clear surgical lesion after failed conservative care; here {finding}.',
    verification: uncertain('Recalled; not seen in a letter.'),
  }),
];

const odgSurgery: Topic[] = [
  odg('low-back', {
    key: 'discectomy-laminectomy',
    title: 'ODG low back: discectomy/laminectomy',
    area: 'surgery',
    section: 'Discectomy/laminectomy',
    sectionAliases: ['Laminectomy', 'Microdiscectomy'],
    appliesTo: {
      kinds: ['surgery'],
      keywords: ['discectomy', 'microdiscectomy', 'laminectomy', 'laminotomy', 'foraminotomy', 'decompression'],
      bodyParts: ['lumbar spine'],
    },
    position: 'conditional',
    positionSummary:
      'Discectomy needs objective radiculopathy at a specific root (motor, sensory or reflex findings), concordant imaging of root compression, and conservative care including activity modification, drug therapy and therapy or manual care.',
    criteria: [
      common.objectiveNeuroDeficit(),
      imagingLesion(
        ['herniat', 'nerve root', 'compress', 'lateral recess', 'stenosis'],
        'compression of the matching root',
      ),
      common.failedConservativeCare(),
    ],
    rationale:
      'ODG supports discectomy only for objective radiculopathy with concordant imaging after conservative care; here {finding}.',
    verification: RECALLED,
  }),
  odg('low-back', {
    key: 'fusion',
    title: 'ODG low back: spinal fusion',
    area: 'surgery',
    section: 'Fusion (spinal)',
    sectionAliases: ['Spinal fusion', 'Patient selection criteria for lumbar spinal fusion'],
    appliesTo: {
      kinds: ['surgery'],
      keywords: ['fusion', 'arthrodesis', 'tlif', 'plif', 'alif', 'xlif', 'interbody'],
      bodyParts: ['lumbar spine'],
    },
    position: 'conditional',
    positionSummary:
      'Fusion is for spondylolisthesis with a pars defect, shown instability, revision, infection, tumour or deformity, once pain generators are identified, physical medicine is done, a psychosocial screen is passed, disease spans two levels at most and the patient is six weeks smoke-free.',
    criteria: [
      crit(
        'indication',
        'An accepted indication is documented (instability on flexion-extension films, spondylolisthesis, revision, infection, tumour, deformity)',
        {
          anyOf: [present('imaging-result', ['instability', 'spondylolisthesis', 'listhesis', 'pars', 'translation'])],
        },
      ),
      crit('psych-screen', 'A psychosocial screen was done and confounders were addressed', {
        anyOf: [present('prior-treatment', ['psychological evaluation', 'psych eval', 'psychological screen'])],
      }),
      crit('levels', 'Pathology is limited to two levels', { allOf: [num('levels', { max: 2 })] }),
      crit('no-smoking', 'The patient has not smoked for at least six weeks before surgery', {
        noneOf: [present('diagnosis', ['tobacco', 'smok', 'nicotine'])],
      }),
      common.failedConservativeCare('all physical medicine and manual therapy'),
    ],
    limits: [
      { measure: 'levels', max: 2 },
      { measure: 'weeks', min: 6, applies: 'without smoking before surgery' },
    ],
    rationale:
      'ODG supports fusion only for instability or other specific indications after psychosocial screening and failed care; here {finding}.',
    verification: RECALLED,
  }),
  odg('neck', {
    key: 'cervical-fusion',
    title: 'ODG neck: anterior cervical discectomy and fusion',
    area: 'surgery',
    section: 'Fusion, anterior cervical',
    sectionAliases: ['Discectomy-laminectomy-laminoplasty', 'ACDF'],
    appliesTo: {
      kinds: ['surgery'],
      keywords: ['acdf', 'fusion', 'discectomy', 'laminoplasty', 'laminectomy'],
      bodyParts: ['cervical spine'],
    },
    position: 'conditional',
    positionSummary:
      'Cervical discectomy and fusion need radiculopathy or myelopathy on exam with concordant imaging after failed conservative care (about 6–8 weeks, unless progressive deficit).',
    criteria: [
      common.objectiveNeuroDeficit(),
      imagingLesion(['herniat', 'stenosis', 'compress', 'nerve root', 'cord'], 'concordant neural compression'),
      common.failedConservativeCare(),
    ],
    rationale:
      'ODG supports cervical fusion for concordant radiculopathy or myelopathy after failed care; here {finding}.',
    verification: uncertain('Recalled; not seen in a letter.'),
  }),
  odg('shoulder', {
    key: 'impingement-surgery',
    title: 'ODG shoulder: surgery for impingement (acromioplasty)',
    area: 'surgery',
    section: 'Surgery for impingement syndrome',
    sectionAliases: ['Acromioplasty', 'Subacromial decompression'],
    appliesTo: {
      kinds: ['surgery'],
      keywords: ['acromioplasty', 'subacromial decompression', 'sad', 'impingement', 'arthroscopy'],
      bodyParts: ['shoulder'],
    },
    position: 'conditional',
    positionSummary:
      'Acromioplasty needs 3–6 months of conservative care, pain with active arc and at night, weakness or tenderness, a positive impingement sign relieved by anesthetic injection, and imaging showing impingement.',
    criteria: [
      crit('conservative', 'Three to six months of conservative care (including injections) failed', {
        anyOf: [present('treatment-failure', [...CONSERVATIVE_CARE, 'cortisone'])],
      }),
      crit(
        'signs',
        'A positive impingement sign with temporary relief from an anesthetic injection, and arc or night pain, are documented',
        {
          anyOf: [present('exam-finding', ['impingement-sign', 'hawkins', 'neer'])],
        },
      ),
      imagingLesion(['impingement', 'acromi', 'tendin', 'bursitis'], 'impingement'),
    ],
    limits: [{ measure: 'months-of-conservative-care', min: 3, max: 6 }],
    rationale:
      'ODG supports acromioplasty after 3–6 months of failed care with positive impingement findings; here {finding}.',
    verification: RECALLED,
  }),
  odg('shoulder', {
    key: 'rotator-cuff-repair',
    title: 'ODG shoulder: rotator cuff repair',
    area: 'surgery',
    section: 'Surgery for rotator cuff repair',
    sectionAliases: ['Rotator cuff repair'],
    appliesTo: { kinds: ['surgery'], keywords: ['rotator cuff repair', 'cuff repair', 'rcr'], bodyParts: ['shoulder'] },
    position: 'conditional',
    positionSummary:
      'Full-thickness cuff repair needs shoulder pain, weakness on elevation or abduction and imaging of a cuff tear, with cervical pathology and frozen shoulder excluded; partial tears follow the impingement criteria.',
    criteria: [
      crit('weakness', 'Weakness on abduction or inability to elevate the arm is documented', {
        anyOf: [present('exam-finding', ['weakness'])],
      }),
      imagingLesion(['full thickness', 'tear', 'rotator cuff'], 'a rotator cuff tear'),
    ],
    rationale: 'ODG supports cuff repair for a documented tear with weakness; here {finding}.',
    verification: RECALLED,
  }),
  odg('knee', {
    key: 'meniscectomy',
    title: 'ODG knee: meniscectomy',
    area: 'surgery',
    section: 'Meniscectomy',
    sectionAliases: ['Indications for surgery -- Meniscectomy', 'Indications for surgery', 'Knee arthroscopy'],
    appliesTo: { kinds: ['surgery'], keywords: ['meniscectomy', 'menisc', 'arthroscopy'], bodyParts: ['knee'] },
    position: 'conditional',
    positionSummary:
      'Meniscectomy needs conservative care (not required for a locked knee), at least two subjective findings (pain, swelling, giving way, locking), at least two objective findings (McMurray, joint-line tenderness, effusion, limited motion, crepitus) and an MRI tear.',
    criteria: [
      common.failedConservativeCare('therapy, medication or activity modification'),
      crit(
        'objective-findings',
        'At least two objective findings (McMurray, joint-line tenderness, effusion, limited motion, locking, crepitus)',
        {
          anyOf: [
            present('exam-finding', ['mcmurray', 'joint line', 'tenderness', 'effusion', 'rom-limited', 'crepitus'], {
              minCount: 2,
            }),
          ],
        },
      ),
      imagingLesion(['menisc', 'tear'], 'a meniscal tear'),
    ],
    rationale:
      'ODG supports meniscectomy with symptoms, signs and an MRI tear after conservative care; here {finding}.',
    verification: letters('“Indications for surgery” cited by a claims administrator for knee arthroscopy.'),
  }),
  odg('knee', {
    key: 'chondroplasty',
    title: 'ODG knee: chondroplasty and arthroscopy for osteoarthritis',
    area: 'surgery',
    section: 'Chondroplasty',
    sectionAliases: ['Arthroscopic surgery for osteoarthritis', 'Diagnostic arthroscopy'],
    appliesTo: {
      kinds: ['surgery'],
      keywords: ['chondroplasty', 'debridement', 'lavage', 'diagnostic arthroscopy'],
      bodyParts: ['knee'],
    },
    position: 'conditional',
    positionSummary:
      'Chondroplasty needs a chondral defect on MRI with joint pain and effusion after failed conservative care; arthroscopic lavage and debridement for osteoarthritis are not recommended.',
    criteria: [
      crit('not-osteoarthritis', 'The procedure is not lavage or debridement for osteoarthritis', {
        noneOf: [present('diagnosis', ['osteoarthritis', 'degenerative joint'])],
      }),
      imagingLesion(['chondral', 'cartilage', 'defect'], 'a chondral defect'),
      common.failedConservativeCare(),
    ],
    rationale: 'ODG supports chondroplasty for a focal defect but not arthroscopy for osteoarthritis; here {finding}.',
    verification: RECALLED,
  }),
  odg('knee', {
    key: 'knee-arthroplasty',
    title: 'ODG knee: knee joint replacement',
    area: 'surgery',
    section: 'Knee joint replacement',
    sectionAliases: ['Total knee arthroplasty'],
    appliesTo: {
      kinds: ['surgery'],
      keywords: ['arthroplasty', 'knee replacement', 'tka', 'tkr', 'unicompartmental'],
      bodyParts: ['knee'],
    },
    position: 'conditional',
    positionSummary:
      'Knee replacement needs failed conservative care (exercise, medication, injections), limited motion and night or daily pain with functional limits, age over 50 and BMI under 40 as a rule, and imaging of osteoarthritis.',
    criteria: [
      common.failedConservativeCare('exercise, medication and injections'),
      crit('limitation', 'Limited range of motion and pain that limits function are documented', {
        anyOf: [present('functional-limitation'), present('exam-finding', ['rom-limited'])],
      }),
      imagingLesion(['osteoarthritis', 'degenerative', 'joint space', 'bone on bone'], 'osteoarthritis'),
      crit(
        'age',
        'The patient is over 50 (or an exception is explained)',
        { anyOf: [age({ min: 50 })] },
        { required: false },
      ),
    ],
    rationale:
      'ODG supports knee replacement for imaged osteoarthritis with functional limits after failed care; here {finding}.',
    verification: RECALLED,
  }),
  odg('knee', {
    key: 'acl-reconstruction',
    title: 'ODG knee: anterior cruciate ligament reconstruction',
    area: 'surgery',
    section: 'Anterior cruciate ligament (ACL) reconstruction',
    appliesTo: { kinds: ['surgery'], keywords: ['acl', 'cruciate'], bodyParts: ['knee'] },
    position: 'conditional',
    positionSummary:
      'ACL reconstruction needs instability (giving way) with a positive Lachman or pivot shift and an MRI tear, after therapy when appropriate.',
    criteria: [
      crit(
        'instability',
        'Giving way or instability with a positive Lachman, drawer or pivot-shift test is documented',
        {
          anyOf: [present('exam-finding', ['instability', 'lachman', 'drawer', 'pivot'])],
        },
      ),
      imagingLesion(['acl', 'cruciate'], 'an ACL tear'),
    ],
    rationale: 'ODG supports ACL reconstruction for documented instability with an MRI tear; here {finding}.',
    verification: RECALLED,
  }),
  odg('carpal-tunnel', {
    key: 'carpal-tunnel-release',
    title: 'ODG carpal tunnel: carpal tunnel release surgery',
    area: 'surgery',
    section: 'Carpal tunnel release surgery (CTR)',
    appliesTo: {
      kinds: ['surgery'],
      keywords: ['carpal tunnel release', 'ctr', 'carpal tunnel'],
      bodyParts: ['wrist', 'hand'],
    },
    position: 'conditional',
    positionSummary:
      'Release for severe CTS (thenar atrophy or severe weakness with positive studies), or for non-severe CTS with two or more symptoms, two or more exam findings, positive electrodiagnostic studies and at least three conservative measures (splinting, activity change, analgesia, exercise, injection).',
    criteria: [
      crit(
        'exam-findings',
        'Two or more examination findings of CTS are documented (Tinel, Phalen, compression test, sensory loss, thenar weakness)',
        {
          anyOf: [
            present('exam-finding', ['tinel', 'phalen', 'sensory-deficit', 'atrophy', 'weakness'], { minCount: 2 }),
          ],
        },
      ),
      crit('eds-positive', 'Electrodiagnostic studies are positive', {
        anyOf: [present('electrodiagnostic-result', ['carpal tunnel', 'median'])],
      }),
      crit(
        'conservative',
        'At least three conservative measures were tried (night splint for a month, activity change, analgesia, exercise, injection)',
        {
          anyOf: [present('treatment-failure', ['splint', 'brace', 'bracing', 'injection', 'therapy', 'medication'])],
        },
      ),
    ],
    limits: [{ measure: 'months-of-conservative-care', min: 1, applies: 'night splinting and activity modification' }],
    rationale:
      'ODG supports carpal tunnel release with exam findings, positive studies and failed conservative care; here {finding}.',
    verification: RECALLED,
  }),
  odg('hip', {
    key: 'hip-arthroplasty',
    title: 'ODG hip: arthroplasty',
    area: 'surgery',
    section: 'Arthroplasty',
    sectionAliases: ['Hip arthroplasty', 'Total hip arthroplasty'],
    appliesTo: {
      kinds: ['surgery'],
      keywords: ['arthroplasty', 'hip replacement', 'tha', 'thr', 'resurfacing'],
      bodyParts: ['hip'],
    },
    position: 'conditional',
    positionSummary:
      'Hip replacement needs failed conservative care, limited motion and pain limiting function, and imaging of osteoarthritis or osteonecrosis.',
    criteria: [
      common.failedConservativeCare(),
      imagingLesion(
        ['osteoarthritis', 'degenerative', 'osteonecrosis', 'avascular', 'joint space'],
        'advanced joint disease',
      ),
    ],
    rationale: 'ODG supports hip replacement for imaged joint disease after failed care; here {finding}.',
    verification: RECALLED,
  }),
];

// --- services tied to a surgery ------------------------------------------------------------------------

const odgSurgicalAssociated: Topic[] = [
  odg('low-back', {
    key: 'preoperative-testing-general',
    title: 'ODG: preoperative testing and clearance (general)',
    area: 'surgical-associated',
    section: 'Preoperative testing, general',
    sectionAliases: ['Preoperative testing', 'Preoperative medical clearance'],
    appliesTo: {
      kinds: ['surgical-associated', 'imaging', 'consultation', 'laboratory', 'other'],
      keywords: ['chest x ray', 'cxr', 'clearance', 'history and physical', 'preoperative testing', 'pre op testing'],
      surgicalContext: 'required',
    },
    position: 'conditional',
    positionSummary:
      'Preoperative testing is guided by history, comorbidities and examination, not done routinely; a chest x-ray is reasonable for patients at risk of pulmonary complications when results would change management.',
    criteria: [
      common.surgeryCertified(),
      crit(
        'risk-based',
        'Age, comorbidities (heart, lung, kidney disease, diabetes, hypertension, obesity) or the planned anesthesia make the test or clearance relevant',
        {
          anyOf: [
            age({ min: 50 }),
            present('diagnosis', [
              'hypertension',
              'diabetes',
              'obesity',
              'copd',
              'asthma',
              'cardiac',
              'coronary',
              'renal',
              'smok',
            ]),
          ],
        },
      ),
    ],
    rationale: 'ODG ties preoperative testing to the patient’s history, comorbidities and examination; here {finding}.',
    verification: letters(
      'Cited in 2017 letters for a pre-operative chest x-ray; clearance requests fell with the surgery.',
    ),
  }),
  odg('low-back', {
    key: 'preoperative-lab-testing',
    title: 'ODG: preoperative laboratory testing',
    area: 'surgical-associated',
    section: 'Preoperative lab testing',
    sectionAliases: ['Preoperative laboratory testing'],
    appliesTo: {
      kinds: ['surgical-associated', 'laboratory'],
      keywords: [
        'cbc',
        'cmp',
        'bmp',
        'pt ptt',
        'ptt',
        'inr',
        'coagulation',
        'urinalysis',
        'ua',
        'labs',
        'glucose',
        'a1c',
        'electrolytes',
        'creatinine',
      ],
      surgicalContext: 'required',
    },
    position: 'conditional',
    positionSummary:
      'Preoperative labs follow the patient, not a routine panel: blood count for anemia risk or expected blood loss; electrolytes and creatinine for chronic disease or relevant drugs; coagulation for bleeding history or anticoagulants; urinalysis for urologic procedures or implanted material.',
    criteria: [
      common.surgeryCertified(),
      crit(
        'cbc',
        'For a blood count: a condition raising anemia risk, or significant blood loss is expected',
        {
          anyOf: [age({ min: 65 }), present('diagnosis', ['anemia', 'renal', 'hypertension', 'obesity', 'diabetes'])],
        },
        { when: [mentions('cbc', 'complete blood count', 'hemoglobin')] },
      ),
      crit(
        'chemistry',
        'For electrolytes and creatinine: chronic disease, or drugs that affect electrolytes or kidney function',
        {
          anyOf: [
            present('diagnosis', ['hypertension', 'diabetes', 'renal', 'kidney', 'cardiac']),
            present('medication-use', ['diuretic', 'lisinopril', 'losartan', 'nsaid', 'hydrochlorothiazide']),
          ],
        },
        { when: [mentions('cmp', 'bmp', 'electrolytes', 'creatinine', 'chemistry')] },
      ),
      crit(
        'coagulation',
        'For coagulation studies: a bleeding history, a condition predisposing to bleeding, or anticoagulant use',
        {
          anyOf: [
            present('diagnosis', ['bleeding', 'coagul', 'liver', 'hemophilia']),
            present('medication-use', ['warfarin', 'coumadin', 'apixaban', 'rivaroxaban', 'heparin', 'anticoagulant']),
          ],
        },
        { when: [mentions('pt', 'ptt', 'inr', 'coagulation')] },
      ),
      crit(
        'urinalysis',
        'For urinalysis: a urologic procedure or implantation of foreign material (e.g., mesh, hardware)',
        {
          anyOf: [
            mentions('mesh', 'implant', 'hardware', 'arthroplasty', 'fusion'),
            present('diagnosis', ['urinary', 'hernia']),
          ],
        },
        { when: [mentions('urinalysis', 'ua')] },
      ),
    ],
    rationale:
      'ODG supports each preoperative laboratory test only for the specific risks it addresses; here {finding}.',
    verification: letters('The per-test indications (CBC, CMP, PT/PTT, urinalysis) are applied in 2017 letters.'),
  }),
  odg('low-back', {
    key: 'preoperative-ecg',
    title: 'ODG: preoperative electrocardiogram',
    area: 'surgical-associated',
    section: 'Preoperative electrocardiogram (ECG)',
    sectionAliases: ['Preoperative EKG'],
    appliesTo: {
      kinds: ['surgical-associated', 'electrodiagnostic', 'other'],
      keywords: ['ekg', 'ecg', 'electrocardiogram'],
      surgicalContext: 'required',
    },
    position: 'conditional',
    positionSummary:
      'A preoperative ECG is for patients having high-risk surgery, or intermediate-risk surgery with cardiac risk factors; not for low-risk procedures.',
    criteria: [
      common.surgeryCertified(),
      crit(
        'cardiac-risk',
        'Cardiac risk factors (heart disease, diabetes, renal disease, cerebrovascular disease) or a higher-risk procedure are documented',
        {
          anyOf: [
            present('diagnosis', ['cardiac', 'coronary', 'heart', 'diabetes', 'renal', 'stroke', 'hypertension']),
            age({ min: 65 }),
          ],
        },
      ),
    ],
    rationale: 'ODG supports a preoperative ECG only for higher-risk surgery or cardiac risk factors; here {finding}.',
    verification: RECALLED,
  }),
  odg('knee', {
    key: 'continuous-flow-cryotherapy',
    title: 'ODG: continuous-flow cryotherapy after surgery',
    area: 'surgical-associated',
    section: 'Continuous-flow cryotherapy',
    sectionAliases: ['Cryotherapy'],
    appliesTo: {
      kinds: ['equipment', 'surgical-associated'],
      keywords: [
        'cryotherapy',
        'cold therapy unit',
        'cryo',
        'polar care',
        'game ready',
        'ice machine',
        'cold compression',
      ],
    },
    position: 'conditional',
    positionSummary:
      'Continuous-flow cryotherapy is an option after surgery for up to seven days, including home use; not for non-surgical treatment.',
    criteria: [
      common.surgeryCertified(),
      crit('up-to-seven-days', 'Use is limited to about seven days after surgery', {
        allOf: [num('supplyDays', { max: 7 })],
      }),
    ],
    limits: [{ measure: 'days', max: 7, applies: 'post-operative use' }],
    rationale: 'ODG supports continuous-flow cryotherapy only for about seven days after surgery; here {finding}.',
    verification: RECALLED,
  }),
  odg('shoulder', {
    key: 'continuous-flow-cryotherapy',
    title: 'ODG shoulder: continuous-flow cryotherapy',
    area: 'surgical-associated',
    section: 'Continuous-flow cryotherapy',
    appliesTo: {
      kinds: ['equipment', 'surgical-associated'],
      keywords: ['cryotherapy', 'cold therapy unit', 'cryo', 'polar care', 'game ready', 'ice machine'],
      bodyParts: ['shoulder'],
    },
    position: 'conditional',
    positionSummary:
      'After shoulder surgery, continuous-flow cryotherapy is an option for up to seven days; not for non-surgical care.',
    criteria: [
      common.surgeryCertified(),
      crit('up-to-seven-days', 'Use is limited to about seven days after surgery', {
        allOf: [num('supplyDays', { max: 7 })],
      }),
    ],
    limits: [{ measure: 'days', max: 7, applies: 'post-operative use' }],
    rationale: 'ODG supports cryotherapy for about seven days after shoulder surgery; here {finding}.',
    verification: RECALLED,
  }),
  odg('knee', {
    key: 'continuous-passive-motion',
    title: 'ODG knee: continuous passive motion',
    area: 'surgical-associated',
    section: 'Continuous passive motion (CPM)',
    appliesTo: {
      kinds: ['equipment', 'surgical-associated'],
      keywords: ['cpm', 'continuous passive motion'],
      bodyParts: ['knee', 'leg'],
    },
    position: 'conditional',
    positionSummary:
      'CPM is an option in the acute hospital after knee replacement or ACL reconstruction, and at home for up to 17 days after knee replacement in patients at risk of a stiff knee or unable to do therapy.',
    criteria: [
      common.surgeryCertified(),
      crit(
        'indication',
        'The surgery is a knee replacement, ACL reconstruction or cartilage repair, and home use is for a patient at risk of stiffness',
        {
          anyOf: [
            mentions('arthroplasty', 'replacement', 'tka', 'acl', 'cartilage'),
            present('surgery-planned', ['arthroplasty', 'replacement', 'acl']),
          ],
        },
      ),
      crit('duration', 'Home use stays within about 17 days', { allOf: [num('supplyDays', { max: 21 })] }),
    ],
    limits: [{ measure: 'days', max: 17, applies: 'home use after knee replacement' }],
    rationale: 'ODG supports CPM only after specific knee surgeries and for a limited period; here {finding}.',
    verification: uncertain('Day counts recalled; ODG has revised its CPM criteria.'),
  }),
  odg('shoulder', {
    key: 'continuous-passive-motion',
    title: 'ODG shoulder: continuous passive motion',
    area: 'surgical-associated',
    section: 'Continuous passive motion (CPM)',
    appliesTo: {
      kinds: ['equipment', 'surgical-associated'],
      keywords: ['cpm', 'continuous passive motion'],
      bodyParts: ['shoulder'],
    },
    position: 'not-recommended',
    positionSummary:
      'CPM is not recommended after shoulder surgery or for rotator cuff problems; it is an option for adhesive capsulitis, up to four weeks.',
    criteria: [
      crit('adhesive-capsulitis', 'Adhesive capsulitis is the indication', {
        anyOf: [present('diagnosis', ['adhesive capsulitis', 'frozen shoulder'])],
      }),
    ],
    limits: [{ measure: 'weeks', max: 4, applies: 'adhesive capsulitis' }],
    rationale: 'ODG does not support CPM after shoulder surgery; here {finding}.',
    verification: RECALLED,
  }),
  odg('shoulder', {
    key: 'postoperative-sling',
    title: 'ODG shoulder: postoperative abduction pillow sling and shoulder brace',
    area: 'surgical-associated',
    section: 'Postoperative abduction pillow sling',
    sectionAliases: ['Immobilization', 'Sling'],
    appliesTo: {
      kinds: ['equipment', 'surgical-associated'],
      keywords: ['sling', 'abduction pillow', 'shoulder brace', 'immobilizer', 'ultrasling'],
      bodyParts: ['shoulder'],
      surgicalContext: 'required',
    },
    position: 'conditional',
    positionSummary:
      'An abduction pillow sling is an option after open repair of large or massive rotator cuff tears; not after arthroscopic repair of small tears or decompression alone.',
    criteria: [
      common.surgeryCertified(),
      crit('large-repair', 'The surgery is an open repair of a large or massive rotator cuff tear', {
        anyOf: [
          mentions('rotator cuff repair', 'cuff repair'),
          present('imaging-result', ['massive', 'large', 'full thickness']),
        ],
      }),
    ],
    rationale: 'ODG supports an abduction sling only after repair of large cuff tears; here {finding}.',
    verification: RECALLED,
  }),
  odg('knee', {
    key: 'venous-thrombosis',
    title: 'ODG knee: venous thrombosis prophylaxis devices',
    area: 'surgical-associated',
    section: 'Venous thrombosis',
    sectionAliases: ['Compression garments', 'Deep vein thrombosis (DVT) prophylaxis'],
    appliesTo: {
      kinds: ['equipment', 'surgical-associated', 'medication'],
      keywords: [
        'dvt',
        'compression device',
        'scd',
        'sequential compression',
        'vasopneumatic',
        'thrombosis',
        'compression stockings',
      ],
    },
    position: 'conditional',
    positionSummary:
      'Thrombosis prophylaxis is based on the patient’s risk (major lower-limb surgery, immobility, prior clot, obesity); mechanical devices at home need a documented risk.',
    criteria: [
      common.surgeryCertified(),
      crit(
        'risk',
        'A thrombosis risk is documented (major hip or knee surgery, prior clot, immobility, obesity, hormone use)',
        {
          anyOf: [
            present('diagnosis', ['thrombosis', 'dvt', 'embolism', 'obesity', 'clot']),
            mentions('arthroplasty', 'replacement', 'fracture'),
          ],
        },
      ),
    ],
    rationale: 'ODG ties DVT prophylaxis to documented risk; here {finding}.',
    verification: uncertain('Recalled; not seen in a letter.'),
  }),
  odg('low-back', {
    key: 'postoperative-back-brace',
    title: 'ODG low back: postoperative back brace (fusion)',
    area: 'surgical-associated',
    section: 'Back brace, post operative (fusion)',
    appliesTo: {
      kinds: ['equipment', 'surgical-associated'],
      keywords: ['brace', 'lso', 'tlso', 'orthosis', 'corset'],
      bodyParts: ['lumbar spine', 'thoracic spine'],
      surgicalContext: 'required',
    },
    position: 'insufficient-evidence',
    positionSummary:
      'A brace after fusion is under study; it may be used selectively, for example multilevel fusion or poor bone quality.',
    criteria: [
      common.surgeryCertified(),
      crit('fusion', 'The surgery is a fusion', {
        anyOf: [mentions('fusion'), present('surgery-planned', ['fusion'])],
      }),
    ],
    rationale: 'ODG regards a postoperative back brace as under study, used selectively after fusion; here {finding}.',
    verification: RECALLED,
  }),
  odg('low-back', {
    key: 'hospital-length-of-stay',
    title: 'ODG: hospital length of stay after surgery',
    area: 'surgical-associated',
    section: 'Hospital length of stay (LOS)',
    appliesTo: {
      kinds: ['surgical-associated', 'other'],
      keywords: ['inpatient', 'length of stay', 'hospital stay', 'overnight stay', 'day stay', 'admission'],
      surgicalContext: 'required',
    },
    position: 'conditional',
    positionSummary:
      'Length of stay follows ODG benchmarks for the procedure (discectomy usually outpatient; lumbar fusion about three days; knee arthroscopy outpatient; knee replacement about three days).',
    criteria: [
      common.surgeryCertified(),
      crit(
        'within-benchmark',
        'The requested stay is within the benchmark for the procedure, or a complication or comorbidity justifies more',
        {
          anyOf: [num('supplyDays', { max: 3 }), present('diagnosis', ['complication'])],
        },
      ),
    ],
    limits: [
      { measure: 'days', max: 3, applies: 'lumbar fusion (median)' },
      { measure: 'days', max: 1, applies: 'discectomy' },
      { measure: 'days', max: 3, applies: 'knee replacement' },
    ],
    rationale: 'ODG sets inpatient stay by procedure benchmarks; here {finding}.',
    verification: uncertain('Benchmarks recalled; check the ODG tables.'),
  }),
];

// --- postsurgical physical medicine (8 CCR 9792.24.3) ------------------------------------------------------

const POSTOP_THERAPY_KEYWORDS = ['physical therap', 'occupational therap', 'therapy', 'rehab', 'pt', 'ot'];
/** Pre-operative tests and other services that mention "PT" (prothrombin time) or "therapy" but are not therapy. */
const NOT_THERAPY = [
  'ptt',
  'inr',
  'labs',
  'lab',
  'cbc',
  'urinalysis',
  'x ray',
  'clearance',
  'ekg',
  'ecg',
  'cryotherapy',
  'cold therapy',
  'norco',
  'colace',
];

function postsurgical(p: {
  key: string;
  title: string;
  section: string;
  bodyParts: BodyRegion[];
  procedureWords: string[];
  visits: number;
  weeks: number;
  months: number;
  minVisits?: number;
  verification: Topic['verification'];
}): Topic {
  const course = p.minVisits === undefined ? `${p.visits} visits` : `${p.minVisits}–${p.visits} visits`;
  const initial = Math.ceil(p.visits / 2);
  return topic('mtus-postsurgical', '2009', {
    key: p.key,
    title: `Postsurgical physical medicine: ${p.title}`,
    area: 'surgical-associated',
    section: p.section,
    sectionAliases: p.procedureWords.length > 0 ? [p.title] : ['Postsurgical Treatment Guidelines'],
    appliesTo: {
      kinds: ['therapy', 'surgical-associated'],
      keywords: [...POSTOP_THERAPY_KEYWORDS, ...p.procedureWords],
      bodyParts: p.bodyParts,
      surgicalContext: 'required',
      excludeKeywords: NOT_THERAPY,
    },
    position: 'recommended',
    positionSummary: `After ${p.title}, the general course is ${course} over ${p.weeks} weeks within a ${p.months}-month postsurgical period; the first authorization is half the course, more with functional improvement.`,
    criteria: [
      common.surgeryCertified(),
      crit(
        'initial-course',
        `An initial authorization covers about half the general course (about ${initial} visits)`,
        {
          anyOf: [num('sessions', { max: initial })],
        },
        { when: [flag('additional', false)] },
      ),
      crit(
        'within-general-course',
        `Visits in all stay within the general course (${course}) and the ${p.months}-month period`,
        {
          allOf: [num('sessionsWithPrior', { max: p.visits })],
        },
      ),
      common.functionalImprovementFromPrior(
        ['therapy', 'physical therapy', 'occupational therapy'],
        'postoperative therapy',
      ),
    ],
    limits: [
      { measure: 'visits', max: p.visits, stage: 'total', applies: 'general course' },
      { measure: 'weeks', max: p.weeks, applies: 'general course' },
      { measure: 'months', max: p.months, applies: 'postsurgical physical medicine period' },
      { measure: 'visits', max: initial, stage: 'initial', applies: 'initial course (half the general course)' },
    ],
    rationale: `The Postsurgical Treatment Guidelines allow ${course} over ${p.weeks} weeks after ${p.title}, starting with half; here {finding}.`,
    verification: p.verification,
  });
}

const postsurgicalTherapy: Topic[] = [
  postsurgical({
    key: 'meniscectomy',
    title: 'knee meniscectomy',
    section: 'Knee',
    bodyParts: ['knee'],
    procedureWords: ['meniscectomy', 'arthroscopy'],
    visits: 12,
    weeks: 12,
    months: 6,
    verification: recalled(
      '12 visits over 12 weeks within 6 months verified against a public summary; section name recalled.',
    ),
  }),
  postsurgical({
    key: 'acl-reconstruction',
    title: 'ACL reconstruction',
    section: 'Knee',
    bodyParts: ['knee'],
    procedureWords: ['acl', 'cruciate'],
    visits: 24,
    weeks: 16,
    months: 6,
    verification: RECALLED,
  }),
  postsurgical({
    key: 'knee-arthroplasty',
    title: 'knee arthroplasty',
    section: 'Knee',
    bodyParts: ['knee'],
    procedureWords: ['arthroplasty', 'knee replacement', 'tka'],
    visits: 24,
    weeks: 10,
    months: 4,
    verification: RECALLED,
  }),
  postsurgical({
    key: 'rotator-cuff',
    title: 'rotator cuff repair or acromioplasty',
    section: 'Shoulder',
    bodyParts: ['shoulder'],
    procedureWords: ['rotator cuff', 'acromioplasty', 'decompression', 'arthroscopy'],
    visits: 24,
    weeks: 14,
    months: 6,
    verification: RECALLED,
  }),
  postsurgical({
    key: 'carpal-tunnel-release',
    title: 'carpal tunnel release',
    section: 'Carpal Tunnel Syndrome',
    bodyParts: ['wrist', 'hand'],
    procedureWords: ['carpal tunnel', 'ctr'],
    minVisits: 3,
    visits: 8,
    weeks: 5,
    months: 3,
    verification: RECALLED,
  }),
  postsurgical({
    key: 'lumbar-discectomy',
    title: 'lumbar discectomy or laminectomy',
    section: 'Low Back',
    bodyParts: ['lumbar spine'],
    procedureWords: ['discectomy', 'laminectomy', 'decompression'],
    visits: 16,
    weeks: 8,
    months: 6,
    verification: RECALLED,
  }),
  postsurgical({
    key: 'lumbar-fusion',
    title: 'lumbar fusion',
    section: 'Low Back',
    bodyParts: ['lumbar spine'],
    procedureWords: ['fusion'],
    visits: 34,
    weeks: 16,
    months: 6,
    verification: RECALLED,
  }),
  postsurgical({
    key: 'cervical-fusion',
    title: 'cervical fusion',
    section: 'Neck & Upper Back',
    bodyParts: ['cervical spine'],
    procedureWords: ['fusion', 'acdf', 'discectomy'],
    visits: 24,
    weeks: 16,
    months: 6,
    verification: uncertain('Visit numbers recalled, not verified against 9792.24.3.'),
  }),
  postsurgical({
    key: 'hip-arthroplasty',
    title: 'hip arthroplasty',
    section: 'Hip, Pelvis and Thigh',
    bodyParts: ['hip'],
    procedureWords: ['arthroplasty', 'hip replacement'],
    visits: 24,
    weeks: 10,
    months: 4,
    verification: uncertain('Visit numbers recalled, not verified against 9792.24.3.'),
  }),
  topic('mtus-postsurgical', '2009', {
    key: 'general',
    title: 'Postsurgical physical medicine: general rules',
    area: 'surgical-associated',
    section: 'Postsurgical Treatment Guidelines',
    sectionAliases: ['General principles', 'Postsurgical physical medicine'],
    appliesTo: {
      kinds: ['therapy', 'surgical-associated'],
      keywords: POSTOP_THERAPY_KEYWORDS,
      surgicalContext: 'required',
      excludeKeywords: NOT_THERAPY,
    },
    position: 'recommended',
    positionSummary:
      'Postsurgical therapy starts with an initial course of half the general course for the procedure; more needs functional improvement, all within the postsurgical period (six months for unlisted surgery). These visits fall outside the 24-visit cap.',
    criteria: [
      common.surgeryCertified(),
      common.functionalImprovementFromPrior(
        ['therapy', 'physical therapy', 'occupational therapy'],
        'postoperative therapy',
      ),
      common.quantitySpecified(),
    ],
    limits: [{ measure: 'months', max: 6, applies: 'postsurgical period for surgery not listed' }],
    rationale:
      'The Postsurgical Treatment Guidelines authorize half the general course first and more only with functional improvement; here {finding}.',
    verification: recalled(
      'General rules verified against public summaries; letters of the corpus tie these items to the surgery.',
    ),
  }),
];

export const SURGERY_TOPICS: readonly Topic[] = [
  ...acoemSurgery,
  ...odgSurgery,
  ...odgSurgicalAssociated,
  ...postsurgicalTherapy,
];
