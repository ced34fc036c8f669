import type { Criterion, Topic } from '../schema.js';
import {
  common,
  conservativeCareTried,
  crit,
  LETTERS,
  letters,
  mentions,
  odg,
  present,
  RECALLED,
  recalled,
  topic,
} from './build.js';

/** Imaging and electrodiagnostic studies. */

const MRI = ['mri', 'magnetic resonance', 'mr arthrogram', 'arthrogram'];
const CT = ['ct', 'computed tomography', 'cat scan', 'myelogram', 'ct myelo'];
const XRAY = ['x ray', 'xray', 'x rays', 'radiograph', 'plain film', 'xr'];
const ADVANCED = [...MRI, ...CT, 'bone scan'];
const EDX = ['emg', 'ncv', 'ncs', 'nerve conduction', 'electromyograph', 'electrodiagnostic'];

const repeatImaging = (what: string): Criterion =>
  crit(
    'repeat-justified',
    `A repeat ${what} is justified by a significant change in symptoms or findings suggesting significant pathology`,
    { anyOf: [present('red-flag'), present('neurological-deficit', ['new', 'progress', 'worse'])] },
    { when: [present('imaging-result', ['mri', 'ct'])] },
  );

const failedCareUnlessRedFlag = (weeks: string): Criterion =>
  crit(
    'failed-conservative-care',
    `Without a red flag, symptoms persisted despite ${weeks} of conservative care, and that care is documented`,
    {
      // Symptoms that continue after care the record lists count as persisting despite it: summaries
      // rarely say "failed", they list the care and then the current complaints.
      anyOf: conservativeCareTried(),
    },
    { when: [{ fact: 'red-flag', expect: 'absent' }] },
  );

const surgeryOrProcedureUnlessRedFlag: Criterion = crit(
  'surgery-considered',
  'Without a red flag, the patient would consider surgery or an invasive procedure and the study would change the plan',
  { anyOf: [present('surgery-planned'), mentions('injection', 'pre op', 'preoperative')] },
  { when: [{ fact: 'red-flag', expect: 'absent' }] },
);

/** The four-part imaging test of the 2004 neck and shoulder chapters. */
const fourPartImagingIndication: Criterion = crit(
  'indication',
  'One imaging indication is documented: an emerging red flag; objective signs of tissue damage or nerve dysfunction; no progress in a strengthening program intended to avert surgery; or a need to define anatomy before an invasive procedure',
  {
    anyOf: [
      present('red-flag'),
      present('neurological-deficit'),
      present('exam-finding', ['weakness', 'sensory-deficit', 'reflex-change', 'atrophy', 'instability']),
      present('electrodiagnostic-result'),
      // No progress in a strengthening programme counts only where it was meant to avert surgery, which
      // the surgery-planned prong already covers: failed therapy alone is not an imaging indication.
      present('surgery-planned'),
    ],
  },
);

const acoemImaging: Topic[] = [
  topic('mtus-acoem-low-back', '2004', {
    key: 'special-studies-imaging',
    title: 'Low back complaints: MRI and CT (special studies)',
    area: 'imaging',
    section: 'Special Studies',
    sectionAliases: [
      'Diagnostic Criteria',
      'Summary',
      'Table 12-8',
      'Special Studies and Diagnostic and Treatment Considerations',
    ],
    pages: [303, 304, 308, 309],
    appliesTo: { kinds: ['imaging'], keywords: ADVANCED, bodyParts: ['lumbar spine'], excludeKeywords: XRAY },
    position: 'conditional',
    positionSummary:
      'Lumbar MRI or CT is for red flags, or for unequivocal objective signs of nerve compromise in a patient who has not responded to treatment and would consider surgery; equivocal findings call for electrodiagnostic testing first.',
    criteria: [
      crit(
        'nerve-compromise-or-red-flag',
        'Unequivocal objective findings of specific nerve compromise on neurologic examination, or a red flag, are documented',
        {
          anyOf: [
            present('red-flag'),
            present('neurological-deficit'),
            present('exam-finding', ['weakness', 'sensory-deficit', 'reflex-change', 'atrophy', 'straight-leg-raise']),
          ],
        },
      ),
      failedCareUnlessRedFlag('about a month or more'),
      surgeryOrProcedureUnlessRedFlag,
      repeatImaging('MRI'),
    ],
    limits: [{ measure: 'weeks-of-conservative-care', min: 4, applies: 'before imaging without red flags' }],
    rationale:
      'The MTUS ACOEM low back chapter supports imaging for red flags or for clear objective nerve compromise after failed conservative care when surgery is an option; here {finding}.',
    verification: letters(
      '“Special Studies” is the section letters cite for lumbar MRI; pages 303–304 and Table 12-8 recalled.',
    ),
  }),
  topic('mtus-acoem-low-back', '2004', {
    key: 'radiographs',
    title: 'Low back complaints: plain x-rays',
    area: 'imaging',
    section: 'Special Studies',
    sectionAliases: ['Summary'],
    pages: [303],
    appliesTo: { kinds: ['imaging'], keywords: XRAY, bodyParts: ['lumbar spine', 'thoracic spine'] },
    position: 'conditional',
    positionSummary:
      'Lumbar x-rays are not recommended in the first month without red flags (fracture, tumor, infection); they may help when symptoms persist beyond four to six weeks.',
    criteria: [
      crit('indication', 'A red flag is present, or symptoms persisted beyond about four to six weeks', {
        anyOf: [present('red-flag'), { chronicity: ['subacute', 'chronic'] }],
      }),
    ],
    limits: [{ measure: 'weeks', min: 4, applies: 'symptom duration before x-rays without red flags' }],
    rationale: 'The MTUS ACOEM low back chapter limits early x-rays to red flags; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-acoem-neck', '2004', {
    key: 'special-studies-imaging',
    title: 'Neck and upper back complaints: imaging (special studies)',
    area: 'imaging',
    section: 'Special Studies',
    sectionAliases: ['Summary', 'Table 8-8', 'Special Studies and Diagnostic and Treatment Considerations'],
    pages: [177, 178, 182],
    appliesTo: {
      kinds: ['imaging'],
      keywords: [...ADVANCED, ...XRAY],
      bodyParts: ['cervical spine', 'thoracic spine'],
    },
    position: 'conditional',
    positionSummary:
      'Imaging of the neck or upper back needs one of four reasons: an emerging red flag, objective signs of tissue damage or nerve dysfunction, no progress in a strengthening program intended to avert surgery, or defining anatomy before an invasive procedure; MRI for neural tissue, CT for bone.',
    criteria: [
      fourPartImagingIndication,
      failedCareUnlessRedFlag('several weeks'),
      crit(
        'modality-fits',
        'The modality fits the question (CT for bony injury, MRI for neural and soft tissue)',
        { anyOf: [present('red-flag'), present('neurological-deficit'), present('imaging-result')] },
        { required: false },
      ),
      repeatImaging('study'),
    ],
    rationale:
      'The MTUS ACOEM neck chapter supports imaging only for a red flag, objective neurologic dysfunction, failure of a strengthening program, or before an invasive procedure; here {finding}.',
    verification: letters(
      'The four criteria are quoted in 2017 letters under “Special Studies”; pages 177–178 recalled.',
    ),
  }),
  topic('mtus-acoem-shoulder', '2004', {
    key: 'special-studies-imaging',
    title: 'Shoulder complaints: imaging (special studies)',
    area: 'imaging',
    section: 'Special Studies',
    sectionAliases: ['Summary', 'Special Studies and Diagnostic and Treatment Considerations'],
    pages: [207, 208, 209],
    appliesTo: { kinds: ['imaging'], keywords: [...ADVANCED, ...XRAY, 'ultrasound'], bodyParts: ['shoulder'] },
    position: 'conditional',
    positionSummary:
      'Shoulder imaging needs an emerging red flag, objective signs of tissue damage or neurovascular dysfunction, no progress in a strengthening program intended to avert surgery, or defining anatomy before an invasive procedure such as an injection.',
    criteria: [fourPartImagingIndication, failedCareUnlessRedFlag('four to six weeks'), repeatImaging('shoulder MRI')],
    limits: [{ measure: 'weeks-of-conservative-care', min: 4, max: 6 }],
    rationale:
      'The MTUS ACOEM shoulder chapter supports imaging for red flags, failed strengthening, or anatomy before a procedure; here {finding}.',
    verification: letters(
      'Cited as “Special Studies” (and “Summary”); an MRI before a planned subacromial injection was upheld as supported.',
    ),
  }),
  topic('mtus-acoem-knee', '2004', {
    key: 'special-studies-mri',
    title: 'Knee complaints: MRI (special studies, diagnostic criteria)',
    area: 'imaging',
    section: 'Special Studies',
    sectionAliases: ['Diagnostic Criteria', 'Table 13-2', 'Summary'],
    pages: [335, 336, 341, 342, 343],
    appliesTo: { kinds: ['imaging'], keywords: ADVANCED, bodyParts: ['knee', 'leg'], excludeKeywords: XRAY },
    position: 'conditional',
    positionSummary:
      'Knee MRI can confirm a meniscal or ligament tear, but only when surgery is being considered and the suspected lesion is stated; imaging without that risks false positives.',
    criteria: [
      crit(
        'suspected-lesion',
        'The record states what is suspected (meniscal or ligament tear, internal derangement) and why',
        {
          anyOf: [
            present('diagnosis', ['menisc', 'ligament', 'acl', 'derangement', 'tear', 'osteochondral']),
            present('exam-finding', ['mcmurray', 'instability', 'effusion', 'locking', 'lachman']),
          ],
        },
      ),
      crit('surgery-considered', 'Surgery is being considered, and the MRI would change the plan', {
        anyOf: [present('surgery-planned')],
      }),
      failedCareUnlessRedFlag('a period'),
    ],
    rationale:
      'The MTUS ACOEM knee chapter supports MRI to confirm a suspected tear only when surgery is being considered; here {finding}.',
    verification: letters('Table 13-2 (pages 335–336) and “Special Studies” cited for knee MRI in 2017 letters.'),
  }),
  topic('mtus-acoem-knee', '2004', {
    key: 'radiographs',
    title: 'Knee complaints: x-rays (Ottawa knee rules)',
    area: 'imaging',
    section: 'Special Studies',
    pages: [341],
    appliesTo: { kinds: ['imaging'], keywords: XRAY, bodyParts: ['knee', 'leg'] },
    position: 'conditional',
    positionSummary:
      'After knee trauma, x-rays follow the Ottawa rules (effusion within a day, fibular head or patellar tenderness, inability to bear weight for four steps or flex to 90°); most knee problems need none.',
    criteria: [
      crit('indication', 'Trauma with an Ottawa criterion, a red flag, or persistent symptoms is documented', {
        anyOf: [
          present('red-flag'),
          present('exam-finding', ['effusion', 'tenderness']),
          present('functional-limitation', ['bear weight', 'walk']),
        ],
      }),
    ],
    rationale: 'The MTUS ACOEM knee chapter limits x-rays to the Ottawa criteria or red flags; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-acoem-ankle', '2004', {
    key: 'special-studies-imaging',
    title: 'Ankle and foot complaints: imaging (special studies)',
    area: 'imaging',
    section: 'Special Studies',
    sectionAliases: ['Summary', 'Diagnostic Criteria'],
    appliesTo: { kinds: ['imaging'], keywords: [...ADVANCED, ...XRAY], bodyParts: ['ankle', 'foot'] },
    position: 'conditional',
    positionSummary:
      'Ankle and foot x-rays follow the Ottawa rules after trauma; MRI is for a specific suspected lesion (occult fracture, osteochondral injury, tendon tear) after normal x-rays when it would change treatment.',
    criteria: [
      crit('suspected-lesion', 'A specific lesion is suspected and, for MRI, plain films were nondiagnostic', {
        anyOf: [
          present('red-flag'),
          present('diagnosis', ['fracture', 'osteochondral', 'tendon tear', 'tear', 'neuroma']),
          present('imaging-result', ['x-ray', 'x ray', 'radiograph']),
        ],
      }),
      failedCareUnlessRedFlag('several weeks'),
    ],
    rationale:
      'The MTUS ACOEM ankle and foot chapter supports imaging for a specific suspected lesion; here {finding}.',
    verification: letters('Cited as “Summary” and “Special Studies, Diagnostic Criteria”; pages not seen in letters.'),
  }),
  topic('mtus-acoem-hand', '2004', {
    key: 'special-studies-imaging',
    title: 'Forearm, wrist and hand complaints: imaging (special studies)',
    area: 'imaging',
    section: 'Special Studies',
    sectionAliases: ['Diagnostic Criteria', 'Summary'],
    pages: [268, 269],
    appliesTo: { kinds: ['imaging'], keywords: [...ADVANCED, ...XRAY], bodyParts: ['forearm', 'wrist', 'hand'] },
    position: 'conditional',
    positionSummary:
      'Wrist and hand imaging is for red flags or after four to six weeks of unresolved symptoms; MRI for a specific suspected lesion such as occult scaphoid fracture.',
    criteria: [
      crit('indication', 'A red flag or a specific suspected lesion is documented', {
        anyOf: [present('red-flag'), present('diagnosis', ['fracture', 'scaphoid', 'ligament', 'tfcc', 'tear'])],
      }),
      failedCareUnlessRedFlag('four to six weeks'),
    ],
    rationale:
      'The MTUS ACOEM hand chapter supports imaging for red flags or a specific suspected lesion; here {finding}.',
    verification: RECALLED,
  }),
];

const odgImaging: Topic[] = [
  odg('low-back', {
    key: 'mri',
    title: 'ODG low back: MRI',
    area: 'imaging',
    section: 'MRIs (magnetic resonance imaging)',
    sectionAliases: [
      'MRI',
      'Magnetic resonance imaging',
      'Indications for imaging -- Magnetic resonance imaging',
      'CT (computed tomography)',
    ],
    appliesTo: {
      kinds: ['imaging'],
      keywords: ADVANCED,
      bodyParts: ['lumbar spine', 'thoracic spine'],
      excludeKeywords: XRAY,
    },
    position: 'conditional',
    positionSummary:
      'Lumbar MRI for trauma with neurologic deficit, suspected cancer or infection, radiculopathy after at least a month of conservative care (sooner for severe or progressive deficit), prior surgery, cauda equina or myelopathy; repeats only for significant change.',
    criteria: [
      crit(
        'indication',
        'One ODG indication is documented (red flag, trauma with deficit, radiculopathy after a month of care, prior back surgery, myelopathy)',
        {
          anyOf: [
            present('red-flag'),
            present('neurological-deficit'),
            present('radicular-symptoms'),
            present('surgery-history', ['lumbar', 'back', 'spine']),
          ],
        },
      ),
      failedCareUnlessRedFlag('at least a month'),
      repeatImaging('MRI'),
    ],
    limits: [{ measure: 'weeks-of-conservative-care', min: 4, applies: 'for radiculopathy without severe deficit' }],
    rationale:
      'ODG supports lumbar MRI for red flags or for radiculopathy after a month of conservative care; here {finding}.',
    verification: letters('Cited by claims administrators for lumbar MRI.'),
  }),
  odg('neck', {
    key: 'mri',
    title: 'ODG neck: MRI',
    area: 'imaging',
    section: 'Magnetic resonance imaging (MRI)',
    sectionAliases: ['MRI', 'Indications for imaging -- MRI'],
    appliesTo: { kinds: ['imaging'], keywords: MRI, bodyParts: ['cervical spine'] },
    position: 'conditional',
    positionSummary:
      'Cervical MRI for chronic neck pain with neurologic signs or symptoms after three months of conservative care, red flags, or trauma with neurologic deficit.',
    criteria: [
      crit('indication', 'Neurologic signs or symptoms, a red flag, or trauma with deficit is documented', {
        anyOf: [present('red-flag'), present('neurological-deficit'), present('radicular-symptoms')],
      }),
      failedCareUnlessRedFlag('conservative care'),
      repeatImaging('MRI'),
    ],
    rationale:
      'ODG supports cervical MRI for neurologic findings after conservative care or red flags; here {finding}.',
    verification: RECALLED,
  }),
  odg('neck', {
    key: 'ct',
    title: 'ODG neck: CT',
    area: 'imaging',
    section: 'Computed tomography (CT)',
    sectionAliases: ['CT (computed tomography)', 'Indications for imaging -- CT', 'Computed Tomography (CT)'],
    appliesTo: { kinds: ['imaging'], keywords: CT, bodyParts: ['cervical spine'] },
    position: 'conditional',
    positionSummary:
      'Cervical CT is indicated mainly for trauma: suspected injury with tenderness, paresthesias or impaired consciousness, or known injury with abnormal or equivocal plain films.',
    criteria: [
      crit(
        'trauma-indication',
        'Cervical trauma is suspected or known, with tenderness, neurologic symptoms, altered consciousness, or abnormal plain films',
        {
          anyOf: [
            present('red-flag'),
            present('imaging-result', ['fracture', 'abnormal']),
            present('diagnosis', ['fracture', 'trauma']),
          ],
        },
      ),
    ],
    rationale: 'ODG supports cervical CT for trauma with suspected bony injury; here {finding}.',
    verification: LETTERS,
  }),
  odg('shoulder', {
    key: 'mri',
    title: 'ODG shoulder: MRI',
    area: 'imaging',
    section: 'Magnetic resonance imaging (MRI)',
    sectionAliases: ['MRI', 'Indications for imaging -- Magnetic resonance imaging', 'MRI shoulder'],
    appliesTo: { kinds: ['imaging'], keywords: MRI, bodyParts: ['shoulder'] },
    position: 'conditional',
    positionSummary:
      'Shoulder MRI for acute trauma with suspected cuff tear or impingement (over 40, normal x-rays), subacute pain with suspected instability or labral tear, or red flags such as weakness and atrophy; repeats only for significant change.',
    criteria: [
      crit(
        'indication',
        'A suspected cuff tear, impingement, instability or labral tear with normal x-rays, or a red flag (weakness, atrophy), is documented',
        {
          anyOf: [
            present('red-flag'),
            present('exam-finding', ['weakness', 'atrophy', 'impingement-sign', 'instability']),
            present('diagnosis', ['rotator cuff', 'tear', 'labral', 'instability', 'impingement']),
          ],
        },
      ),
      crit('response-to-care', 'The response to conservative care is documented, or surgery is being considered', {
        anyOf: [...conservativeCareTried(), present('surgery-planned')],
      }),
      repeatImaging('shoulder MRI'),
    ],
    rationale: 'ODG supports shoulder MRI for a suspected tear or instability, or red flags; here {finding}.',
    verification: LETTERS,
  }),
  odg('knee', {
    key: 'mri',
    title: 'ODG knee: MRI',
    area: 'imaging',
    section: 'MRI’s (magnetic resonance imaging)',
    sectionAliases: ['MRIs (magnetic resonance imaging)', 'MRI', 'Magnetic resonance imaging'],
    appliesTo: { kinds: ['imaging'], keywords: MRI, bodyParts: ['knee', 'leg'] },
    position: 'conditional',
    positionSummary:
      'Knee MRI when internal derangement is suspected: acute trauma with suspected tear, or non-traumatic pain with normal x-rays and suspected derangement; not routinely for osteoarthritis.',
    criteria: [
      crit(
        'derangement-suspected',
        'Internal derangement (meniscal or ligament tear) is suspected from history and examination',
        {
          anyOf: [
            present('diagnosis', ['menisc', 'ligament', 'derangement', 'tear']),
            present('exam-finding', ['mcmurray', 'instability', 'effusion', 'locking']),
          ],
        },
      ),
    ],
    rationale: 'ODG supports knee MRI when internal derangement is suspected; here {finding}.',
    verification: LETTERS,
  }),
  odg('elbow', {
    key: 'mri',
    title: 'ODG elbow: MRI',
    area: 'imaging',
    section: 'Magnetic resonance imaging (MRI)',
    sectionAliases: ['MRI', 'Elbow Procedure Summary'],
    appliesTo: { kinds: ['imaging'], keywords: MRI, bodyParts: ['elbow'] },
    position: 'conditional',
    positionSummary:
      'Elbow MRI is for chronic elbow pain with nondiagnostic plain films when a specific lesion is suspected (loose body, osteochondral injury, nerve entrapment or mass, chronic epicondylitis, collateral ligament or biceps tear).',
    criteria: [
      crit('plain-films', 'Plain films were taken and were nondiagnostic', {
        anyOf: [present('imaging-result', ['x-ray', 'x ray', 'radiograph', 'plain film'])],
      }),
      crit('specific-lesion', 'A specific lesion is suspected on examination', {
        anyOf: [
          present('diagnosis', [
            'osteochondral',
            'loose body',
            'entrapment',
            'epicondyl',
            'ligament',
            'biceps',
            'mass',
          ]),
        ],
      }),
    ],
    rationale:
      'ODG supports elbow MRI only after nondiagnostic plain films with a specific suspected lesion; here {finding}.',
    verification: letters('Applied in a 2017 letter that found the MTUS silent on elbow MRI.'),
  }),
  odg('forearm-wrist-hand', {
    key: 'mri',
    title: 'ODG forearm, wrist and hand: MRI',
    area: 'imaging',
    section: 'MRI’s (magnetic resonance imaging)',
    sectionAliases: ['MRI'],
    appliesTo: { kinds: ['imaging'], keywords: MRI, bodyParts: ['forearm', 'wrist', 'hand'] },
    position: 'conditional',
    positionSummary:
      'Wrist MRI for acute trauma with suspected scaphoid fracture or ligament tear after normal x-rays, or chronic pain with suspected soft-tissue or ligament injury.',
    criteria: [
      crit('indication', 'A suspected occult fracture, ligament or TFCC tear, or mass is documented after x-rays', {
        anyOf: [present('diagnosis', ['scaphoid', 'fracture', 'ligament', 'tfcc', 'kienbock', 'mass', 'tear'])],
      }),
    ],
    rationale: 'ODG supports wrist MRI for a specific suspected lesion after x-rays; here {finding}.',
    verification: RECALLED,
  }),
  odg('ankle-foot', {
    key: 'mri',
    title: 'ODG ankle and foot: MRI',
    area: 'imaging',
    section: 'Magnetic resonance imaging (MRI)',
    sectionAliases: ['MRI'],
    appliesTo: { kinds: ['imaging'], keywords: MRI, bodyParts: ['ankle', 'foot'] },
    position: 'conditional',
    positionSummary:
      'Ankle or foot MRI for chronic pain with normal x-rays and a suspected osteochondral injury, tendon tear, tarsal tunnel or Morton’s neuroma, or an occult fracture.',
    criteria: [
      crit('indication', 'A specific suspected lesion after normal x-rays is documented', {
        anyOf: [present('diagnosis', ['osteochondral', 'tendon', 'tear', 'tarsal tunnel', 'neuroma', 'fracture'])],
      }),
    ],
    rationale: 'ODG supports foot and ankle MRI for a specific suspected lesion after x-rays; here {finding}.',
    verification: RECALLED,
  }),
  odg('hip', {
    key: 'mri',
    title: 'ODG hip and pelvis: MRI',
    area: 'imaging',
    section: 'MRI (magnetic resonance imaging)',
    appliesTo: { kinds: ['imaging'], keywords: MRI, bodyParts: ['hip'] },
    position: 'conditional',
    positionSummary:
      'Hip MRI for suspected osteonecrosis, occult or stress fracture, labral tear, soft-tissue injury or tumour when x-rays are nondiagnostic.',
    criteria: [
      crit('indication', 'A specific suspected lesion with nondiagnostic x-rays is documented', {
        anyOf: [
          present('diagnosis', ['osteonecrosis', 'avascular', 'fracture', 'labral', 'tear', 'tumor', 'dysplasia']),
        ],
      }),
    ],
    rationale: 'ODG supports hip MRI for a specific suspected lesion; here {finding}.',
    verification: RECALLED,
  }),
  odg('head', {
    key: 'ct-mri',
    title: 'ODG head: CT and MRI of the brain',
    area: 'imaging',
    section: 'MRI (magnetic resonance imaging)',
    sectionAliases: ['CT (computed tomography)'],
    appliesTo: { kinds: ['imaging'], keywords: [...MRI, ...CT], bodyParts: ['head'] },
    position: 'conditional',
    positionSummary:
      'Head CT for acute trauma; MRI to assess persistent symptoms after head injury when CT is unrevealing or to follow a known lesion.',
    criteria: [
      crit('indication', 'Head trauma with neurologic findings or persistent unexplained symptoms is documented', {
        anyOf: [
          present('red-flag'),
          present('neurological-deficit'),
          present('diagnosis', ['concussion', 'head injury', 'skull fracture', 'tbi']),
        ],
      }),
    ],
    rationale: 'ODG supports head imaging for trauma with neurologic findings or persistent symptoms; here {finding}.',
    verification: RECALLED,
  }),
  odg('low-back', {
    key: 'trigger-point-impedance-imaging',
    title: 'ODG low back: trigger point impedance imaging',
    area: 'imaging',
    section: 'Trigger point impedance imaging (TPII)',
    sectionAliases: ['Trigger Point Impedance Imaging (TPII)', 'Trigger point impedance imaging'],
    appliesTo: { kinds: ['imaging', 'other', 'electrodiagnostic'], keywords: ['impedance imaging', 'tpii'] },
    position: 'not-recommended',
    positionSummary: 'Trigger point impedance imaging is not recommended.',
    criteria: [common.notRecommended(['impedance', 'tpii'], 'trigger point impedance imaging')],
    rationale: 'ODG does not recommend trigger point impedance imaging; here {finding}.',
    verification: LETTERS,
  }),
];

const radiculopathyNotObvious: Criterion = crit(
  'not-clinically-obvious',
  'Radiculopathy is not already clinically obvious (clear exam findings with concordant imaging make EMG unnecessary)',
  { noneOf: [present('electrodiagnostic-result')] },
  { required: false },
);

const edx: Topic[] = [
  topic('mtus-chronic-pain', '2016', {
    key: 'electrodiagnostic-testing',
    title: 'Electrodiagnostic testing (EMG/NCS)',
    area: 'electrodiagnostics',
    section: 'Electrodiagnostic testing (EMG/NCS)',
    sectionAliases: ['EMGs (electromyography)', 'Nerve conduction studies (NCS)'],
    appliesTo: { kinds: ['electrodiagnostic'], keywords: EDX, priority: 2 },
    position: 'conditional',
    positionSummary:
      'EMG and NCS are separate tests used to localize focal nerve entrapment or radiculopathy; EMG after about a month of conservative care unless radiculopathy is already obvious; lower-limb NCS not when symptoms are presumed radicular; NCS for clinical carpal tunnel in surgical candidates.',
    criteria: [
      crit(
        'neurologic-findings',
        'Neurologic symptoms or deficits suggesting entrapment or radiculopathy are documented in each limb tested',
        {
          anyOf: [
            present('neurological-deficit'),
            present('radicular-symptoms'),
            present('exam-finding', ['tinel', 'phalen', 'sensory-deficit', 'weakness', 'reflex-change']),
          ],
        },
      ),
      crit('conservative-first', 'About a month of conservative care failed first', {
        anyOf: conservativeCareTried(),
      }),
      radiculopathyNotObvious,
      crit(
        'lower-ncs',
        'Lower-limb nerve conduction studies are requested only when peripheral neuropathy or entrapment, not radiculopathy, is suspected',
        { anyOf: [present('diagnosis', ['neuropathy', 'entrapment', 'tarsal tunnel', 'peroneal'])] },
        {
          // Request words keep '/', so "EMG/NCV" names neither "ncv" nor "ncs" at a word start.
          when: [
            mentions('lower', 'leg', 'legs', 'lumbar'),
            mentions('ncv', 'ncs', 'nerve conduction', 'emg/ncv', 'emg/ncs', 'emg/nct'),
          ],
        },
      ),
      crit(
        'upper-cts',
        'For the upper limbs, clinical signs of carpal tunnel or other entrapment and surgical candidacy are documented when NCS is sought for it',
        {
          anyOf: [
            present('exam-finding', ['tinel', 'phalen']),
            present('diagnosis', ['carpal tunnel', 'cubital', 'entrapment']),
            present('surgery-planned'),
          ],
        },
        { required: false, when: [mentions('upper', 'arm', 'arms', 'hand', 'wrist')] },
      ),
    ],
    limits: [{ measure: 'weeks-of-conservative-care', min: 4, applies: 'before EMG for radiculopathy' }],
    rationale:
      'The 2016 guideline supports electrodiagnostic testing to localize focal neurologic findings after conservative care, not when radiculopathy is already clear, and not lower-limb NCS for presumed radicular symptoms; here {finding}.',
    verification: LETTERS,
  }),
  topic('mtus-acoem-low-back', '2004', {
    key: 'special-studies-emg',
    title: 'Low back complaints: EMG (special studies)',
    area: 'electrodiagnostics',
    section: 'Special Studies',
    sectionAliases: ['Summary'],
    pages: [303],
    appliesTo: { kinds: ['electrodiagnostic'], keywords: EDX, bodyParts: ['lumbar spine', 'lower extremity'] },
    position: 'conditional',
    positionSummary:
      'EMG, including H-reflex, may identify subtle focal neurologic dysfunction in low back pain lasting more than three or four weeks; it is not needed when findings are unequivocal.',
    criteria: [
      crit('symptom-duration', 'Symptoms have lasted more than three to four weeks', {
        anyOf: [{ chronicity: ['subacute', 'chronic'] }],
      }),
      crit('subtle-findings', 'Neurologic findings are present but equivocal (subtle focal dysfunction)', {
        anyOf: [
          present('radicular-symptoms'),
          present('neurological-deficit'),
          present('exam-finding', ['sensory-deficit', 'weakness', 'reflex-change']),
        ],
      }),
      radiculopathyNotObvious,
    ],
    limits: [{ measure: 'weeks', min: 3, max: 4, applies: 'symptom duration before EMG' }],
    rationale:
      'The MTUS ACOEM low back chapter supports EMG for subtle neurologic findings lasting more than three to four weeks; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-acoem-neck', '2004', {
    key: 'special-studies-emg',
    title: 'Neck and upper back complaints: EMG/NCV (special studies)',
    area: 'electrodiagnostics',
    section: 'Special Studies',
    sectionAliases: ['Summary'],
    pages: [178],
    appliesTo: { kinds: ['electrodiagnostic'], keywords: EDX, bodyParts: ['cervical spine', 'upper extremity'] },
    position: 'conditional',
    positionSummary:
      'EMG and NCV may identify subtle focal neurologic dysfunction in neck or arm symptoms lasting more than three or four weeks, and help when the neurologic exam is equivocal before imaging.',
    criteria: [
      crit('symptom-duration', 'Neck or arm symptoms have lasted more than three to four weeks', {
        anyOf: [{ chronicity: ['subacute', 'chronic'] }],
      }),
      crit('neurologic-findings', 'Neurologic symptoms or equivocal findings are documented', {
        anyOf: [
          present('radicular-symptoms'),
          present('neurological-deficit'),
          present('exam-finding', ['sensory-deficit', 'weakness', 'tinel', 'phalen']),
        ],
      }),
    ],
    limits: [{ measure: 'weeks', min: 3, max: 4, applies: 'symptom duration before EMG/NCV' }],
    rationale:
      'The MTUS ACOEM neck chapter supports EMG/NCV for subtle neurologic findings lasting more than three to four weeks; here {finding}.',
    verification: letters('The three-to-four-week rule is quoted in a 2017 letter.'),
  }),
  topic('mtus-acoem-hand', '2004', {
    key: 'nerve-conduction',
    title: 'Forearm, wrist and hand: nerve conduction studies for carpal tunnel',
    area: 'electrodiagnostics',
    section: 'Special Studies',
    sectionAliases: ['Diagnostic Criteria', 'Summary'],
    pages: [261, 268, 270],
    appliesTo: {
      kinds: ['electrodiagnostic'],
      keywords: EDX,
      bodyParts: ['wrist', 'hand', 'forearm', 'upper extremity'],
    },
    position: 'conditional',
    positionSummary:
      'Nerve conduction testing confirms carpal tunnel syndrome in patients with clinical findings, especially before surgery; EMG is usually not needed.',
    criteria: [
      crit('clinical-findings', 'Clinical findings of carpal tunnel or another entrapment are documented', {
        anyOf: [
          present('exam-finding', ['tinel', 'phalen', 'sensory-deficit', 'atrophy']),
          present('diagnosis', ['carpal tunnel', 'cubital', 'entrapment']),
        ],
      }),
      common.failedConservativeCare('splinting or other conservative care', false),
    ],
    rationale:
      'The MTUS ACOEM hand chapter supports nerve conduction testing to confirm clinically suspected carpal tunnel syndrome; here {finding}.',
    verification: recalled('Section cited by a claims administrator (“Diagnostic Criteria”); pages recalled.'),
  }),
  odg('low-back', {
    key: 'emg',
    title: 'ODG low back: EMG',
    area: 'electrodiagnostics',
    section: 'EMGs (electromyography)',
    sectionAliases: ['EMG'],
    appliesTo: {
      kinds: ['electrodiagnostic'],
      keywords: ['emg', 'electromyograph'],
      bodyParts: ['lumbar spine', 'lower extremity'],
    },
    position: 'conditional',
    positionSummary:
      'EMG may give unequivocal evidence of radiculopathy after a month of conservative care; it is not needed when radiculopathy is already clinically obvious.',
    criteria: [
      crit('conservative-first', 'About a month of conservative care failed', {
        anyOf: conservativeCareTried(),
      }),
      radiculopathyNotObvious,
    ],
    limits: [{ measure: 'weeks-of-conservative-care', min: 4 }],
    rationale:
      'ODG supports EMG after a month of conservative care when radiculopathy is not already clear; here {finding}.',
    verification: RECALLED,
  }),
  odg('low-back', {
    key: 'nerve-conduction-studies',
    title: 'ODG low back: nerve conduction studies',
    area: 'electrodiagnostics',
    section: 'Nerve conduction studies (NCS)',
    appliesTo: {
      kinds: ['electrodiagnostic'],
      keywords: ['ncv', 'ncs', 'nerve conduction'],
      bodyParts: ['lumbar spine', 'lower extremity'],
    },
    position: 'not-recommended',
    positionSummary:
      'Lower-limb nerve conduction studies are not recommended when symptoms are presumed radicular; they are for suspected peripheral neuropathy or entrapment.',
    criteria: [
      crit('neuropathy-suspected', 'Peripheral neuropathy or entrapment (not radiculopathy) is suspected', {
        anyOf: [present('diagnosis', ['neuropathy', 'entrapment', 'tarsal tunnel', 'peroneal'])],
      }),
    ],
    rationale: 'ODG does not support lower-limb NCS for presumed radicular symptoms; here {finding}.',
    verification: RECALLED,
  }),
  odg('carpal-tunnel', {
    key: 'electrodiagnostic-studies',
    title: 'ODG carpal tunnel: electrodiagnostic studies',
    area: 'electrodiagnostics',
    section: 'Electrodiagnostic studies (EDS)',
    sectionAliases: ['Electromyography (EMG)', 'Nerve conduction studies (NCS)'],
    appliesTo: {
      kinds: ['electrodiagnostic'],
      keywords: EDX,
      bodyParts: ['wrist', 'hand', 'forearm', 'upper extremity', 'elbow'],
    },
    position: 'conditional',
    positionSummary:
      'Electrodiagnostic studies are recommended for suspected carpal tunnel syndrome in surgical candidates, and to separate entrapment from radiculopathy or plexus injury when findings overlap.',
    criteria: [
      crit(
        'entrapment-suspected',
        'Findings suggest entrapment (numbness in a nerve distribution, Tinel or Phalen signs, weakness)',
        {
          anyOf: [
            present('exam-finding', ['tinel', 'phalen', 'sensory-deficit', 'weakness']),
            present('neurological-deficit'),
            present('diagnosis', ['carpal tunnel', 'cubital', 'entrapment']),
          ],
        },
      ),
    ],
    rationale: 'ODG supports electrodiagnostic studies when entrapment is suspected on examination; here {finding}.',
    verification: letters('Cited with the AANEM policy in a 2017 letter that found EMG and NCS both necessary.'),
  }),
  topic('other-guideline', 'current', {
    key: 'aanem-electrodiagnostic-policy',
    title: 'AANEM recommended policy for electrodiagnostic medicine',
    area: 'electrodiagnostics',
    section: 'AANEM Recommended Policy for Electrodiagnostic Medicine',
    appliesTo: { kinds: ['electrodiagnostic'], keywords: EDX },
    position: 'recommended',
    positionSummary:
      'Except in unusual circumstances, EMG and nerve conduction studies are performed together in one evaluation by a qualified physician, when medically indicated.',
    criteria: [
      crit('indicated', 'Neurologic symptoms or deficits make the study medically indicated', {
        anyOf: [
          present('neurological-deficit'),
          present('radicular-symptoms'),
          present('exam-finding', ['sensory-deficit', 'weakness', 'tinel', 'phalen']),
        ],
      }),
    ],
    rationale:
      'The AANEM policy supports EMG with nerve conduction studies when neurologic findings make them indicated; here {finding}.',
    verification: LETTERS,
  }),
  odg('head', {
    key: 'eeg',
    title: 'ODG head: EEG',
    area: 'electrodiagnostics',
    section: 'EEG (electroencephalography)',
    sectionAliases: ['Electroencephalography', 'EEG (neurofeedback)', 'EEG'],
    appliesTo: { kinds: ['electrodiagnostic', 'other', 'imaging'], keywords: ['eeg', 'electroencephalogra', 'qeeg'] },
    position: 'conditional',
    positionSummary:
      'EEG has no routine role right after a head injury; it may help if the patient does not improve, or worsens, once first assessed and stabilized (for example when seizures are suspected).',
    criteria: [
      crit(
        'failure-to-improve',
        'The patient failed to improve or deteriorated after initial assessment and stabilization, or seizures are suspected',
        {
          // Findings at the injury (a fracture, a loss of consciousness) are the starting point, not a failure to improve.
          anyOf: [present('diagnosis', ['seizure', 'epilep']), present('neurological-deficit')],
        },
      ),
    ],
    rationale: 'ODG supports EEG only when a head-injured patient fails to improve or deteriorates; here {finding}.',
    verification: LETTERS,
  }),
];

export const IMAGING_TOPICS: readonly Topic[] = [...acoemImaging, ...odgImaging, ...edx];
