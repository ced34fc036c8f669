import type { Topic } from '../schema.js';
import {
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

/** Durable medical equipment, braces, supports and home devices (TENS-type units are with physical medicine). */

const BRACE = ['brace', 'splint', 'support', 'orthosis', 'orthotic', 'immobilizer', 'wrap', 'sleeve', 'strap'];

const equipment: Topic[] = [
  odg('knee', {
    key: 'durable-medical-equipment',
    title: 'ODG: durable medical equipment (general)',
    area: 'equipment',
    section: 'Durable medical equipment (DME)',
    sectionAliases: ['DME', 'Exercise equipment'],
    appliesTo: { kinds: ['equipment'] },
    position: 'conditional',
    positionSummary:
      'DME is recommended when there is a medical need and the item meets the Medicare definition: it withstands repeated use, serves a medical purpose, is not useful without illness or injury, and suits home use; bathroom, exercise and environmental items are not DME unless the patient is room-confined.',
    criteria: [
      crit(
        'medical-need',
        'A medical need tied to the diagnosis and a functional deficit the item addresses is documented',
        {
          anyOf: [present('functional-limitation'), present('diagnosis')],
        },
      ),
      crit(
        'is-dme',
        'The item is durable medical equipment rather than a convenience, exercise or environmental item',
        {
          noneOf: [
            mentions(
              'shower chair',
              'tub bench',
              'grab bar',
              'raised toilet',
              'treadmill',
              'exercise bike',
              'recliner',
              'massage chair',
              'air purifier',
            ),
          ],
        },
      ),
      crit(
        'rental-or-purchase',
        'Rental or purchase and the duration of use are specified',
        { allOf: [flag('rentalOrPurchaseSpecified', true)] },
        { required: false },
      ),
    ],
    rationale:
      'ODG supports DME only for a documented medical need with an item that meets the DME definition; here {finding}.',
    verification: recalled('Used by reviewers where the MTUS has no general DME definition.'),
  }),
  odg('knee', {
    key: 'walking-aids',
    title: 'ODG: walking aids (canes, crutches, walkers)',
    area: 'equipment',
    section: 'Walking aids (canes, crutches, braces, orthoses, & walkers)',
    sectionAliases: ['Walking aids', 'Walkers', 'Canes'],
    appliesTo: { kinds: ['equipment'], keywords: ['walker', 'cane', 'crutch', 'rollator', 'walking aid'] },
    position: 'recommended',
    positionSummary:
      'Walking aids are recommended when a gait or weight-bearing problem is documented (osteoarthritis, injury, surgery); the choice should match the deficit.',
    criteria: [
      crit('gait-deficit', 'A gait, balance or weight-bearing limitation is documented', {
        anyOf: [
          present('functional-limitation', ['walk', 'gait', 'balance', 'ambulat', 'weight bearing', 'stand']),
          present('exam-finding', ['antalgic', 'gait']),
        ],
      }),
    ],
    rationale: 'ODG supports walking aids for a documented gait or weight-bearing limitation; here {finding}.',
    verification: RECALLED,
  }),
  odg('knee', {
    key: 'power-mobility-devices',
    title: 'ODG: power mobility devices and wheelchairs',
    area: 'equipment',
    section: 'Power mobility devices (PMDs)',
    sectionAliases: ['Wheelchair', 'Scooter'],
    appliesTo: {
      kinds: ['equipment'],
      keywords: ['scooter', 'power wheelchair', 'motorized', 'wheelchair', 'power chair'],
    },
    position: 'conditional',
    positionSummary:
      'A power mobility device is not recommended if a cane, walker or manual wheelchair would meet the need, or if the patient can propel a manual chair or has a caregiver who can; a manual wheelchair needs a documented in-home mobility deficit.',
    criteria: [
      crit('mobility-deficit', 'A mobility deficit that a cane or walker cannot resolve is documented', {
        anyOf: [present('functional-limitation', ['walk', 'ambulat', 'mobility', 'transfer'])],
      }),
      crit(
        'manual-insufficient',
        'For a power device: the patient cannot propel a manual wheelchair and has no caregiver who can',
        { anyOf: [present('functional-limitation', ['upper-extremity', 'upper extremity', 'arm', 'propel'])] },
        { when: [mentions('power', 'motorized', 'scooter', 'electric')] },
      ),
    ],
    rationale: 'ODG supports power mobility only when simpler aids cannot meet the mobility need; here {finding}.',
    verification: RECALLED,
  }),
  odg('knee', {
    key: 'knee-brace',
    title: 'ODG knee: knee braces',
    area: 'equipment',
    section: 'Knee brace',
    sectionAliases: ['Knee braces', 'Unloader brace'],
    appliesTo: { kinds: ['equipment'], keywords: BRACE, bodyParts: ['knee'] },
    position: 'conditional',
    positionSummary:
      'A knee brace may be used for instability, ligament insufficiency or repair, painful unicompartmental osteoarthritis (unloader), patellar instability or after certain surgery; prefabricated braces are usually enough.',
    criteria: [
      crit(
        'indication',
        'Instability, ligament injury or repair, patellar instability, or unicompartmental osteoarthritis is documented',
        {
          anyOf: [
            present('exam-finding', ['instability', 'lachman', 'drawer']),
            present('diagnosis', ['instability', 'ligament', 'acl', 'mcl', 'patellar', 'osteoarthritis', 'arthritis']),
            flag('associatedSurgery', true),
          ],
        },
      ),
    ],
    rationale:
      'ODG supports a knee brace for instability, ligament injury or unicompartmental arthritis; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-acoem-knee', '2004', {
    key: 'knee-brace',
    title: 'Knee complaints: bracing',
    area: 'equipment',
    section: 'Initial Care',
    sectionAliases: ['Summary'],
    pages: [340],
    appliesTo: { kinds: ['equipment'], keywords: BRACE, bodyParts: ['knee'] },
    position: 'conditional',
    positionSummary:
      'A brace may be used for patellar instability, ACL tear or MCL instability, and is usually needed only when the knee will be stressed under load (climbing ladders, carrying boxes).',
    criteria: [
      crit('indication', 'Patellar instability, ACL tear or MCL instability is documented, with loading demands', {
        anyOf: [
          present('exam-finding', ['instability']),
          present('diagnosis', ['instability', 'acl', 'mcl', 'patellar', 'ligament']),
        ],
      }),
    ],
    rationale:
      'The MTUS ACOEM knee chapter supports a brace for ligament or patellar instability under load; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-acoem-low-back', '2004', {
    key: 'lumbar-supports',
    title: 'Low back complaints: lumbar supports',
    area: 'equipment',
    section: 'Physical Methods',
    sectionAliases: ['Summary'],
    pages: [301],
    appliesTo: {
      kinds: ['equipment'],
      keywords: [
        'lumbar support',
        'back brace',
        'lumbar brace',
        'lso',
        'corset',
        'back support',
        'lumbar belt',
        ...BRACE,
      ],
      bodyParts: ['lumbar spine', 'thoracic spine'],
      surgicalContext: 'excluded',
    },
    position: 'not-recommended',
    positionSummary: 'Lumbar supports give no lasting benefit once the acute phase of symptom relief is over.',
    criteria: [
      crit('acute-phase', 'The support is for the acute phase of symptoms only', {
        anyOf: [{ chronicity: ['acute'] }],
      }),
    ],
    rationale:
      'The MTUS ACOEM low back chapter finds no lasting benefit from lumbar supports beyond the acute phase; here {finding}.',
    verification: letters('“Physical Methods” cited for a lumbar support in a 2017 letter; page 301 recalled.'),
  }),
  odg('low-back', {
    key: 'lumbar-supports',
    title: 'ODG low back: lumbar supports',
    area: 'equipment',
    section: 'Lumbar supports',
    appliesTo: {
      kinds: ['equipment'],
      keywords: ['lumbar support', 'back brace', 'lumbar brace', 'lso', 'corset', 'back support'],
      bodyParts: ['lumbar spine'],
      surgicalContext: 'excluded',
    },
    position: 'conditional',
    positionSummary:
      'Lumbar supports are not recommended for prevention; they are an option for compression fractures, spondylolisthesis or documented instability, and (weak evidence) for acute non-specific low back pain.',
    criteria: [
      crit(
        'indication',
        'Compression fracture, spondylolisthesis or documented instability, or acute low back pain, is documented',
        {
          anyOf: [
            present('diagnosis', ['compression fracture', 'spondylolisthesis', 'instability']),
            { chronicity: ['acute'] },
          ],
        },
      ),
    ],
    rationale: 'ODG supports lumbar supports only for fracture, spondylolisthesis or instability; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-acoem-low-back', '2004', {
    key: 'heat-cold',
    title: 'Low back complaints: heat and cold applications',
    area: 'equipment',
    section: 'Physical Methods',
    sectionAliases: ['Initial Care'],
    pages: [299, 300],
    appliesTo: {
      kinds: ['equipment', 'therapy'],
      keywords: [
        'hot cold',
        'heat',
        'cold pack',
        'ice pack',
        'heating pad',
        'thermotherapy',
        'hot pack',
        'hot and cold',
      ],
      bodyParts: ['lumbar spine'],
      surgicalContext: 'excluded',
    },
    position: 'conditional',
    positionSummary:
      'At-home local applications of heat or cold are as effective as those given by therapists; powered units or clinic modalities need a specific justification.',
    criteria: [
      crit(
        'simple-applications',
        'The request is for simple at-home heat or cold, or a specific reason requires a powered device',
        {
          // A powered device, or heat given as clinic sessions (infrared, diathermy): a passive modality
          // the patient could apply at home.
          noneOf: [
            mentions('unit', 'machine', 'system', 'device', 'infrared', 'diathermy'),
            num('sessions', { min: 1 }),
          ],
        },
      ),
    ],
    rationale:
      'The MTUS ACOEM low back chapter supports simple home heat or cold rather than devices or clinic modalities; here {finding}.',
    verification: RECALLED,
  }),
  odg('low-back', {
    key: 'cold-heat-packs',
    title: 'ODG low back: cold/heat packs',
    area: 'equipment',
    section: 'Cold/heat packs',
    appliesTo: {
      kinds: ['equipment', 'therapy'],
      keywords: ['hot cold', 'heat', 'cold pack', 'ice pack', 'heating pad', 'hot pack'],
      surgicalContext: 'excluded',
    },
    position: 'recommended',
    positionSummary:
      'Cold or heat packs applied at home are an option for acute pain; no evidence supports powered or clinic-applied versions over simple packs.',
    criteria: [
      crit('simple-applications', 'Simple packs rather than a powered unit are requested, or the device is justified', {
        noneOf: [mentions('unit', 'machine', 'system')],
      }),
    ],
    rationale: 'ODG supports simple home cold or heat packs; here {finding}.',
    verification: RECALLED,
  }),
  topic('mtus-acoem-neck', '2004', {
    key: 'cervical-collar',
    title: 'Neck complaints: cervical collars',
    area: 'equipment',
    section: 'Initial Care',
    sectionAliases: ['Summary'],
    pages: [175],
    appliesTo: {
      kinds: ['equipment'],
      keywords: ['collar', 'cervical brace', 'neck brace'],
      bodyParts: ['cervical spine'],
      surgicalContext: 'excluded',
    },
    position: 'not-recommended',
    positionSummary:
      'Cervical collars are not recommended beyond a day or two after injury; prolonged immobilization delays recovery.',
    criteria: [
      common.notRecommended(['collar', 'neck brace', 'cervical brace'], 'a cervical collar beyond the first days'),
    ],
    rationale: 'The MTUS ACOEM neck chapter does not support collars beyond a brief period; here {finding}.',
    verification: RECALLED,
  }),
  odg('neck', {
    key: 'cervical-pillow',
    title: 'ODG neck: cervical pillows',
    area: 'equipment',
    section: 'Pillow',
    sectionAliases: ['Cervical pillow', 'Cervical pillows'],
    appliesTo: { kinds: ['equipment'], keywords: ['pillow'] },
    position: 'conditional',
    positionSummary:
      'A cervical pillow is recommended for use while sleeping together with a daily exercise program; not alone.',
    criteria: [
      crit('with-exercise', 'The patient is in a daily exercise or rehabilitation program the pillow supports', {
        anyOf: [present('home-exercise'), present('prior-treatment', ['therapy', 'exercise'])],
      }),
    ],
    rationale: 'ODG supports a cervical pillow only alongside a daily exercise program; here {finding}.',
    verification: LETTERS,
  }),
  topic('mtus-acoem-hand', '2004', {
    key: 'splints',
    title: 'Forearm, wrist and hand complaints: splints and braces',
    area: 'equipment',
    section: 'Physical Methods',
    sectionAliases: ['Initial Care', 'Summary'],
    pages: [264, 265],
    appliesTo: { kinds: ['equipment'], keywords: BRACE, bodyParts: ['wrist', 'hand', 'forearm'] },
    position: 'conditional',
    positionSummary:
      'Wrist and thumb splints are supported for De Quervain’s tendinitis and for carpal tunnel syndrome (neutral splint, at night) before surgery; prolonged splinting after surgery is not.',
    criteria: [
      crit(
        'indication',
        'Carpal tunnel syndrome, De Quervain’s tendinitis or another condition splinting treats is documented',
        {
          anyOf: [
            present('diagnosis', ['carpal tunnel', 'quervain', 'tendinitis', 'tenosynovitis', 'sprain', 'fracture']),
          ],
        },
      ),
      crit(
        'not-prolonged-postop',
        'After carpal tunnel release, splinting is limited to the first days (prolonged splinting is detrimental compared with home therapy)',
        { allOf: [flag('associatedSurgery', false)] },
        { required: false },
      ),
    ],
    rationale: 'The MTUS ACOEM hand chapter supports splints for carpal tunnel and De Quervain’s; here {finding}.',
    verification: letters('“Physical Methods” cited for wrist braces in a 2017 letter; pages recalled.'),
  }),
  odg('carpal-tunnel', {
    key: 'splinting',
    title: 'ODG carpal tunnel: splinting',
    area: 'equipment',
    section: 'Splinting',
    appliesTo: { kinds: ['equipment'], keywords: BRACE, bodyParts: ['wrist', 'hand'] },
    position: 'conditional',
    positionSummary:
      'Neutral wrist splinting at night is recommended for carpal tunnel syndrome; after release, splinting beyond about 48 hours may be harmful compared with a home program.',
    criteria: [
      crit('cts', 'Carpal tunnel syndrome is documented', {
        anyOf: [present('diagnosis', ['carpal tunnel']), present('exam-finding', ['tinel', 'phalen'])],
      }),
    ],
    limits: [{ measure: 'days', max: 2, applies: 'splinting after carpal tunnel release' }],
    rationale:
      'ODG supports night splinting for carpal tunnel syndrome, not prolonged splinting after release; here {finding}.',
    verification: letters(
      'Cited by a claims administrator; the 48-hour post-release point is applied in a 2017 letter.',
    ),
  }),
  topic('mtus-acoem-elbow', '2007', {
    key: 'immobilization-bracing',
    title: 'Elbow complaints: immobilization, splints and braces',
    area: 'equipment',
    section: 'Recommendations',
    sectionAliases: ['Splinting', 'Immobilization'],
    appliesTo: { kinds: ['equipment'], keywords: BRACE, bodyParts: ['elbow'] },
    position: 'not-recommended',
    positionSummary:
      'Apart from the postoperative period the elbow should not be immobilized, because doing so can worsen pain and stiffness; a counterforce strap is an option for epicondylalgia.',
    criteria: [
      crit(
        'after-surgery-or-strap',
        'The device follows elbow surgery, or is a counterforce strap for epicondylalgia',
        {
          anyOf: [flag('associatedSurgery', true), mentions('counterforce', 'strap', 'band')],
        },
      ),
    ],
    rationale:
      'The MTUS ACOEM elbow chapter advises against immobilizing the elbow except after surgery; here {finding}.',
    verification: LETTERS,
  }),
  odg('elbow', {
    key: 'splinting',
    title: 'ODG elbow: splinting (padding)',
    area: 'equipment',
    section: 'Splinting (padding)',
    sectionAliases: ['Splinting'],
    appliesTo: { kinds: ['equipment'], keywords: BRACE, bodyParts: ['elbow'] },
    position: 'conditional',
    positionSummary:
      'For cubital tunnel syndrome, padding and night splinting to limit elbow flexion are an option; routine bracing is not.',
    criteria: [
      crit('cubital-tunnel', 'Cubital tunnel syndrome (ulnar neuropathy at the elbow) or epicondylitis is documented', {
        anyOf: [present('diagnosis', ['cubital', 'ulnar', 'epicondyl'])],
      }),
    ],
    rationale: 'ODG supports elbow padding or night splints for cubital tunnel syndrome; here {finding}.',
    verification: LETTERS,
  }),
  topic('mtus-acoem-shoulder', '2004', {
    key: 'sling',
    title: 'Shoulder complaints: slings and immobilization',
    area: 'equipment',
    section: 'Initial Care',
    sectionAliases: ['Summary'],
    appliesTo: {
      kinds: ['equipment'],
      keywords: ['sling', 'immobilizer', 'shoulder brace'],
      bodyParts: ['shoulder'],
      surgicalContext: 'excluded',
    },
    position: 'conditional',
    positionSummary:
      'A sling is for brief comfort after acute injury; prolonged immobilization risks a frozen shoulder.',
    criteria: [crit('brief', 'Use is brief, in the acute phase', { anyOf: [{ chronicity: ['acute'] }] })],
    rationale: 'The MTUS ACOEM shoulder chapter supports only brief sling use; here {finding}.',
    verification: uncertain('Recalled; not seen in a letter.'),
  }),
  topic('mtus-acoem-ankle', '2004', {
    key: 'orthotics',
    title: 'Ankle and foot complaints: orthotics and supports',
    area: 'equipment',
    section: 'Physical Methods',
    sectionAliases: ['Initial Care', 'Summary'],
    pages: [370, 371],
    appliesTo: {
      kinds: ['equipment'],
      keywords: ['orthotic', 'orthoses', 'insole', 'heel cup', 'shoe', ...BRACE],
      bodyParts: ['ankle', 'foot'],
    },
    position: 'conditional',
    positionSummary:
      'Rigid orthotics are supported for plantar fasciitis and metatarsalgia; ankle supports for sprains in the acute phase.',
    criteria: [
      crit(
        'indication',
        'Plantar fasciitis, metatarsalgia, an acute sprain, or another condition the device treats is documented',
        {
          anyOf: [
            present('diagnosis', [
              'plantar fasci',
              'metatarsalgia',
              'sprain',
              'flat foot',
              'pes planus',
              'instability',
            ]),
          ],
        },
      ),
    ],
    rationale:
      'The MTUS ACOEM ankle and foot chapter supports orthotics for plantar fasciitis and metatarsalgia; here {finding}.',
    verification: uncertain('Pages recalled; not seen in a letter.'),
  }),
  odg('ankle-foot', {
    key: 'orthotic-devices',
    title: 'ODG ankle and foot: orthotic devices and AFOs',
    area: 'equipment',
    section: 'Orthotic devices',
    sectionAliases: ['Ankle foot orthosis (AFO)', 'Bracing (immobilization)'],
    appliesTo: {
      kinds: ['equipment'],
      keywords: ['orthotic', 'afo', 'ankle foot orthosis', 'insole', ...BRACE],
      bodyParts: ['ankle', 'foot'],
    },
    position: 'conditional',
    positionSummary:
      'Orthoses are recommended for plantar fasciitis and foot pain from rheumatoid arthritis; an AFO is for foot drop; ankle braces for instability.',
    criteria: [
      crit('indication', 'Plantar fasciitis, foot drop, instability or another matching condition is documented', {
        anyOf: [present('diagnosis', ['plantar fasci', 'foot drop', 'instability', 'rheumatoid', 'sprain'])],
      }),
    ],
    rationale: 'ODG supports foot orthoses and AFOs for specific conditions; here {finding}.',
    verification: RECALLED,
  }),
  odg('low-back', {
    key: 'mattress-selection',
    title: 'ODG low back: mattress selection',
    area: 'equipment',
    section: 'Mattress selection',
    sectionAliases: ['Hospital bed'],
    appliesTo: { kinds: ['equipment'], keywords: ['mattress', 'bed', 'hospital bed', 'tempur'] },
    position: 'not-recommended',
    positionSummary:
      'No high-quality evidence supports a specific mattress for low back pain; choice is personal preference, not medical treatment.',
    criteria: [
      crit(
        'medical-bed-need',
        'A medical need for a hospital bed (e.g., bed-confined, positioning needs) is documented',
        {
          anyOf: [present('functional-limitation', ['bed', 'transfer', 'confined'])],
        },
      ),
    ],
    rationale: 'ODG does not support a mattress as medical treatment for back pain; here {finding}.',
    verification: RECALLED,
  }),
  odg('low-back', {
    key: 'bone-growth-stimulators',
    title: 'ODG low back: bone growth stimulators',
    area: 'equipment',
    section: 'Bone growth stimulators (BGS)',
    appliesTo: {
      kinds: ['equipment', 'surgical-associated'],
      keywords: ['bone growth', 'bone stimulator', 'bgs', 'osteogenic'],
    },
    position: 'insufficient-evidence',
    positionSummary:
      'Bone growth stimulators are under study; they may be considered after fusion in patients at risk of failed fusion (prior failed fusion, grade III or worse spondylolisthesis, multilevel fusion, smoking, diabetes, renal disease, alcoholism).',
    criteria: [
      common.surgeryCertified(),
      crit('risk-factor', 'A risk factor for failed fusion is documented', {
        anyOf: [
          present('diagnosis', ['diabetes', 'smok', 'renal', 'alcohol', 'osteoporosis', 'pseudarthrosis']),
          present('surgery-history', ['fusion']),
        ],
      }),
    ],
    rationale: 'ODG considers bone growth stimulators only for fusions at risk of failing; here {finding}.',
    verification: RECALLED,
  }),
];

export const EQUIPMENT_TOPICS: readonly Topic[] = equipment;
