import type { Fact, FactKind } from '../../clinical/types.js';

/**
 * The sentence bank: for each kind of clinical fact (and each value or qualifier criteria ask for), a
 * sentence of synthetic history in our own words that states the fact, and a negation trap that uses
 * the same words but denies them. Each sentence declares the facts a careful reader takes from it;
 * `test-sentences.test.ts` checks that the clinical reader agrees, and the per-topic tests rate each
 * criterion on records made of these sentences.
 *
 * Declared facts carry the fields the reader fills for that wording (value, qualifier, count, body
 * part); a field left out is not compared. Diagnoses are stated under a "Diagnoses:" heading, which
 * runs to the end of the text, so records put them last.
 */

/** A fact a sentence states, as the reader should produce it. */
export interface Statement {
  readonly kind: FactKind;
  readonly value?: string | number;
  readonly qualifier?: string;
  readonly count?: number;
  readonly bodyPart?: string;
  readonly negated?: true;
}

export interface BankEntry {
  /** What the entry states, for test names ("exam-finding spasm"). */
  readonly name: string;
  readonly says: string;
  readonly saysFacts: readonly Statement[];
  /** Same words, denied (or, for a number, out of range); `deniesFacts` may be empty when nothing is stated. */
  readonly denies: string;
  readonly deniesFacts: readonly Statement[];
}

type Extra = Omit<Statement, 'kind' | 'value'>;

function st(kind: FactKind, value?: string | number, extra: Extra = {}): Statement {
  return { kind, ...(value === undefined ? {} : { value }), ...extra };
}

function no(s: Statement): Statement {
  return { ...s, negated: true };
}

function entry(
  name: string,
  says: string,
  saysFacts: Statement[],
  denies: string,
  deniesFacts: Statement[],
): BankEntry {
  return { name, says, saysFacts, denies, deniesFacts };
}

/** An entry whose denial is its one fact negated (the kind and value; a denial has no count or duration). */
function simple(name: string, says: string, fact: Statement, denies: string): BankEntry {
  const denied: Statement = { kind: fact.kind, ...(fact.value === undefined ? {} : { value: fact.value }) };
  return entry(name, says, [fact], denies, [no(denied)]);
}

const prior = (value: string, extra: Extra = {}): Statement => st('prior-treatment', value, extra);
const benefit = (value: string): Statement => st('treatment-benefit', value);
const failure = (value: string): Statement => st('treatment-failure', value);
const exam = (value: string, extra: Extra = {}): Statement => st('exam-finding', value, extra);
const dx = (value: string, extra: Extra = {}): Statement => st('diagnosis', value, extra);

/**
 * "Diagnoses: X." as the reader takes it (the text, with its canonical key as qualifier when the reader
 * knows one). The trap "There is no evidence of X." is read as a denial only for diagnoses the reader
 * knows by key; of the others it reads nothing, which still states no diagnosis.
 */
function diagnosis(text: string, extra: Extra = {}, alsoSays: Statement[] = []): BankEntry {
  const stated = dx(text.toLowerCase(), extra);
  const denied: Statement[] =
    extra.qualifier === undefined
      ? []
      : [no({ ...stated, value: extra.qualifier }), ...alsoSays.map((a) => no({ kind: a.kind, value: a.value ?? '' }))];
  return entry(
    `diagnosis ${text}`,
    `Diagnoses: ${text}.`,
    [stated, ...alsoSays],
    `There is no evidence of ${text}.`,
    denied,
  );
}

export const BANK: readonly BankEntry[] = [
  // Pain
  entry(
    'pain-score with and without medication',
    'With medication her pain drops from 8/10 to 4/10.',
    [st('pain-score', 8, { qualifier: 'without-medication' }), st('pain-score', 4, { qualifier: 'with-medication' })],
    'Pain scores with and without medication were not recorded.',
    [],
  ),
  entry(
    'pain-score severe',
    'Pain is rated 8/10.',
    [st('pain-score', 8, { qualifier: 'current' })],
    'Pain is rated 3/10.',
    [st('pain-score', 3, { qualifier: 'current' })],
  ),
  entry(
    'pain-relief from medication',
    'She reports 60% relief of her pain with medication.',
    [st('pain-relief', 60, { qualifier: 'medications' })],
    'She reports no relief of her pain with medication.',
    [failure('unspecified')],
  ),
  entry(
    'pain-relief after an epidural injection',
    'After the epidural steroid injection her pain was reduced by 70%.',
    [st('pain-relief', 70, { qualifier: 'epidural steroid injection' }), prior('epidural steroid injection')],
    'After the epidural steroid injection her pain was not reduced.',
    [prior('epidural steroid injection')],
  ),
  entry(
    'pain-relief after a medial branch block',
    'The medial branch block gave 80% pain relief.',
    [
      st('pain-relief', 80, { qualifier: 'medial branch block' }),
      prior('medial branch block'),
      benefit('medial branch block'),
    ],
    'The medial branch block gave no pain relief.',
    [prior('medial branch block'), failure('medial branch block')],
  ),
  entry(
    'pain-relief after radiofrequency ablation',
    'The radiofrequency ablation gave 60% pain relief.',
    [
      st('pain-relief', 60, { qualifier: 'radiofrequency ablation' }),
      prior('radiofrequency ablation'),
      benefit('radiofrequency ablation'),
    ],
    'The radiofrequency ablation gave no pain relief.',
    [prior('radiofrequency ablation'), failure('radiofrequency ablation')],
  ),
  entry(
    'pain-relief after a sacroiliac joint injection',
    'The sacroiliac joint injection gave 80% pain relief.',
    [
      st('pain-relief', 80, { qualifier: 'sacroiliac joint injection' }),
      prior('sacroiliac joint injection', { bodyPart: 'sacroiliac joint' }),
      benefit('sacroiliac joint injection'),
    ],
    'The sacroiliac joint injection gave no pain relief.',
    [prior('sacroiliac joint injection'), failure('sacroiliac joint injection')],
  ),
  entry(
    'pain-relief after trigger point injections',
    'The trigger point injections gave 60% pain relief.',
    [
      st('pain-relief', 60, { qualifier: 'trigger point injection' }),
      prior('trigger point injection'),
      benefit('trigger point injection'),
    ],
    'The trigger point injections gave no pain relief.',
    [prior('trigger point injection'), failure('trigger point injection')],
  ),

  // Function
  entry(
    'functional-improvement',
    'With her medications she reports improved function and is now able to walk for 30 minutes.',
    [
      st('functional-improvement', 'general', { qualifier: 'objective' }),
      st('functional-improvement', 'walking', { qualifier: 'objective' }),
    ],
    'With her medications she reports no improvement in function.',
    [no(st('functional-improvement', 'general')), failure('medications')],
  ),
  simple(
    'functional-limitation walking',
    'She has difficulty walking more than one block.',
    st('functional-limitation', 'walking'),
    'She has no difficulty walking more than one block.',
  ),
  simple(
    'functional-limitation reaching',
    'She has difficulty reaching overhead.',
    st('functional-limitation', 'upper-extremity use'),
    'She has no difficulty reaching overhead.',
  ),
  entry(
    'work-status full duty',
    'She is working full duty.',
    [st('work-status', 'full-duty')],
    'She is not working full duty.',
    [no(st('work-status', 'full-duty')), st('work-status', 'off-work')],
  ),
  entry(
    'work-status modified duty',
    'She is working modified duty.',
    [st('work-status', 'modified-duty')],
    'She is not working modified duty.',
    [no(st('work-status', 'modified-duty')), st('work-status', 'off-work')],
  ),
  entry(
    'work-status documented',
    'She is working modified duty.',
    [st('work-status', 'modified-duty')],
    'Her work status was not documented.',
    [],
  ),
  entry('work-status off work', 'She is off work.', [st('work-status', 'off-work')], 'She is working full duty.', [
    st('work-status', 'full-duty'),
  ]),

  // Medications
  simple(
    'medication-use opioid for years',
    'She has been taking Norco for two years for pain.',
    st('medication-use', 'hydrocodone/acetaminophen', { qualifier: 'for two years' }),
    'She has never taken Norco.',
  ),
  simple(
    'medication-use muscle relaxant for years',
    'She has been taking Flexeril for two years.',
    st('medication-use', 'cyclobenzaprine', { qualifier: 'for two years' }),
    'She has never taken Flexeril.',
  ),
  simple(
    'medication-use benzodiazepine for years',
    'She has taken diazepam for two years.',
    st('medication-use', 'diazepam', { qualifier: 'for two years' }),
    'She has never taken diazepam.',
  ),
  simple(
    'medication-use zolpidem for years',
    'She has taken Ambien for two years.',
    st('medication-use', 'zolpidem', { qualifier: 'for two years' }),
    'She has never taken Ambien.',
  ),
  simple(
    'medication-use NSAID since a date',
    'She has been taking ibuprofen since 2015.',
    st('medication-use', 'ibuprofen', { qualifier: 'since 2015' }),
    'She has never taken ibuprofen.',
  ),
  simple(
    'medication-use NSAIDs for years',
    'She has been taking NSAIDs for two years.',
    st('medication-use', 'nsaid', { qualifier: 'for two years' }),
    'She has never taken NSAIDs.',
  ),
  simple(
    'medication-use gabapentin',
    'She currently takes gabapentin.',
    st('medication-use', 'gabapentin'),
    'She has not tried gabapentin.',
  ),
  entry(
    'medication-use aspirin',
    'She currently takes aspirin.',
    [st('medication-use', 'aspirin'), st('gi-risk', 'aspirin')],
    'She does not take aspirin.',
    [no(st('medication-use', 'aspirin')), no(st('gi-risk', 'aspirin'))],
  ),
  entry(
    'medication-use anticoagulant',
    'She currently takes warfarin.',
    [st('medication-use', 'warfarin'), st('gi-risk', 'anticoagulant')],
    'She does not take warfarin.',
    [no(st('medication-use', 'warfarin')), no(st('gi-risk', 'anticoagulant'))],
  ),
  entry(
    'medication-use tapering',
    'She has reduced her Norco dose.',
    [st('medication-use', 'hydrocodone/acetaminophen', { qualifier: 'tapering' })],
    'She has not reduced her Norco dose.',
    [no(st('medication-use', 'hydrocodone/acetaminophen', { qualifier: 'tapering' }))],
  ),
  simple(
    'side-effects',
    'She reports drowsiness from her medication.',
    st('side-effects', 'drowsiness'),
    'She denies drowsiness from her medication.',
  ),
  entry(
    'side-effects of NSAIDs',
    'She developed stomach upset from NSAIDs.',
    [
      st('side-effects', 'stomach upset', { qualifier: 'nsaid' }),
      st('gi-risk', 'gi-symptoms'),
      st('medication-use', 'nsaid'),
    ],
    'She denies stomach upset from NSAIDs.',
    [
      no(st('side-effects', 'stomach upset', { qualifier: 'nsaid' })),
      no(st('gi-risk', 'gi-symptoms')),
      no(st('medication-use', 'nsaid')),
    ],
  ),
  simple(
    'side-effects sedation',
    'She reports severe sedation from her medication.',
    st('side-effects', 'sedation'),
    'She denies sedation from her medication.',
  ),
  simple(
    'gi-risk',
    'She has a history of peptic ulcer disease.',
    st('gi-risk', 'ulcer-history'),
    'She has no history of peptic ulcer disease.',
  ),

  // Prior treatment
  simple(
    'prior-treatment physical therapy',
    'She completed 12 sessions of physical therapy.',
    prior('physical therapy', { count: 12 }),
    'She has not had any physical therapy.',
  ),
  simple(
    'prior-treatment occupational therapy',
    'She completed 8 sessions of occupational therapy.',
    prior('occupational therapy', { count: 8 }),
    'She has not had occupational therapy.',
  ),
  simple(
    'prior-treatment chiropractic',
    'She completed 6 sessions of chiropractic treatment.',
    prior('chiropractic', { count: 6 }),
    'She has not had chiropractic treatment.',
  ),
  simple(
    'prior-treatment acupuncture',
    'She completed 6 sessions of acupuncture.',
    prior('acupuncture', { count: 6 }),
    'She has never had acupuncture.',
  ),
  simple(
    'prior-treatment aquatic therapy',
    'She completed 8 sessions of aquatic therapy.',
    prior('aquatic therapy', { count: 8 }),
    'She has not had aquatic therapy.',
  ),
  simple(
    'prior-treatment cognitive behavioral therapy',
    'She completed 6 sessions of cognitive behavioral therapy.',
    prior('psychotherapy', { count: 6 }),
    'She has not had cognitive behavioral therapy.',
  ),
  simple(
    'prior-treatment epidural injection',
    'She had an epidural steroid injection last year.',
    prior('epidural steroid injection'),
    'She has never had an epidural steroid injection.',
  ),
  simple(
    'prior-treatment medial branch block',
    'She had a medial branch block last year.',
    prior('medial branch block'),
    'She has not had a medial branch block.',
  ),
  simple(
    'prior-treatment radiofrequency ablation',
    'She underwent radiofrequency ablation last year.',
    prior('radiofrequency ablation'),
    'She has not had radiofrequency ablation.',
  ),
  simple(
    'prior-treatment sacroiliac joint injection',
    'She had a sacroiliac joint injection last year.',
    prior('sacroiliac joint injection'),
    'She has not had a sacroiliac joint injection.',
  ),
  simple(
    'prior-treatment trigger point injections',
    'She had trigger point injections last year.',
    prior('trigger point injection'),
    'She has not had trigger point injections.',
  ),
  simple(
    'prior-treatment viscosupplementation',
    'She had a series of Synvisc injections last year.',
    prior('viscosupplementation'),
    'She has not had viscosupplementation.',
  ),
  simple(
    'prior-treatment work hardening',
    'She completed work hardening.',
    prior('functional restoration program'),
    'She has not had work hardening.',
  ),
  simple(
    'prior-treatment pain management',
    'She has been seen by a pain management specialist.',
    prior('pain management'),
    'She has not seen a pain management specialist.',
  ),

  // Benefit and failure of prior treatment
  entry(
    'treatment-benefit physical therapy',
    'Physical therapy helped.',
    [prior('physical therapy'), benefit('physical therapy')],
    'Physical therapy did not help.',
    [prior('physical therapy'), failure('physical therapy')],
  ),
  entry(
    'treatment-benefit chiropractic',
    'Chiropractic treatment helped.',
    [prior('chiropractic'), benefit('chiropractic')],
    'Chiropractic treatment did not help.',
    [prior('chiropractic'), failure('chiropractic')],
  ),
  entry(
    'treatment-benefit acupuncture',
    'Acupuncture helped.',
    [prior('acupuncture'), benefit('acupuncture')],
    'Acupuncture did not help.',
    [prior('acupuncture'), failure('acupuncture')],
  ),
  entry(
    'treatment-benefit aquatic therapy',
    'Aquatic therapy helped.',
    [prior('aquatic therapy'), benefit('aquatic therapy')],
    'Aquatic therapy did not help.',
    [prior('aquatic therapy'), failure('aquatic therapy')],
  ),
  entry(
    'treatment-benefit psychotherapy',
    'Cognitive behavioral therapy helped.',
    [prior('psychotherapy'), benefit('psychotherapy')],
    'Cognitive behavioral therapy did not help.',
    [prior('psychotherapy'), failure('psychotherapy')],
  ),
  entry(
    'treatment-benefit epidural injection',
    'The epidural steroid injection helped.',
    [prior('epidural steroid injection'), benefit('epidural steroid injection')],
    'The epidural steroid injection did not help.',
    [prior('epidural steroid injection'), failure('epidural steroid injection')],
  ),
  entry(
    'treatment-benefit medial branch block',
    'The medial branch block helped.',
    [prior('medial branch block'), benefit('medial branch block')],
    'The medial branch block did not help.',
    [prior('medial branch block'), failure('medial branch block')],
  ),
  entry(
    'treatment-benefit cortisone injection',
    'The cortisone injection helped.',
    [prior('injection'), benefit('injection')],
    'The cortisone injection did not help.',
    [prior('injection'), failure('injection')],
  ),
  entry(
    'treatment-benefit viscosupplementation',
    'The Synvisc injections helped.',
    [prior('viscosupplementation'), benefit('viscosupplementation')],
    'The Synvisc injections did not help.',
    [prior('viscosupplementation'), failure('viscosupplementation')],
  ),
  entry(
    'treatment-benefit interferential unit',
    'The interferential unit helped.',
    [prior('interferential stimulation'), benefit('interferential stimulation')],
    'The interferential unit did not help.',
    [prior('interferential stimulation'), failure('interferential stimulation')],
  ),
  entry(
    'treatment-benefit TENS unit',
    'The TENS unit helped.',
    [prior('tens unit'), benefit('tens unit')],
    'The TENS unit did not help.',
    [prior('tens unit'), failure('tens unit')],
  ),
  entry(
    'treatment-benefit antidepressant',
    'The antidepressant helped.',
    [st('medication-use', 'antidepressant'), benefit('antidepressant')],
    'The antidepressant did not help.',
    [st('medication-use', 'antidepressant'), failure('antidepressant')],
  ),
  entry(
    'treatment-failure conservative care',
    'She failed conservative treatment.',
    [prior('conservative treatment'), failure('conservative treatment')],
    'Conservative treatment helped.',
    [prior('conservative treatment'), benefit('conservative treatment')],
  ),
  entry(
    'treatment-failure physical therapy',
    'Physical therapy did not help.',
    [prior('physical therapy'), failure('physical therapy')],
    'Physical therapy helped.',
    [prior('physical therapy'), benefit('physical therapy')],
  ),
  entry('treatment-failure medications', 'Medications did not help.', [failure('medications')], 'Medications helped.', [
    benefit('medications'),
  ]),
  entry(
    'treatment-failure gabapentin',
    'Gabapentin did not help.',
    [st('medication-use', 'gabapentin'), failure('gabapentin')],
    'Gabapentin helped.',
    [st('medication-use', 'gabapentin'), benefit('gabapentin')],
  ),
  entry(
    'treatment-failure NSAIDs',
    'NSAIDs did not help.',
    [st('medication-use', 'nsaid'), failure('nsaid')],
    'NSAIDs helped.',
    [st('medication-use', 'nsaid'), benefit('nsaid')],
  ),
  entry(
    'treatment-failure opioids',
    'Opioids did not help.',
    [st('medication-use', 'opioid'), failure('opioid')],
    'Opioids helped.',
    [st('medication-use', 'opioid'), benefit('opioid')],
  ),
  entry(
    'treatment-failure home exercise',
    'Her home exercise program did not help.',
    [st('home-exercise'), failure('home exercise')],
    'Her home exercise program helped.',
    [st('home-exercise'), benefit('home exercise')],
  ),
  entry(
    'treatment-failure TENS unit',
    'The TENS unit did not help.',
    [prior('tens unit'), failure('tens unit')],
    'The TENS unit helped.',
    [prior('tens unit'), benefit('tens unit')],
  ),

  // Examination
  simple('exam-finding spasm', 'Examination shows muscle spasm.', exam('spasm'), 'Examination shows no muscle spasm.'),
  simple(
    'exam-finding sensory deficit',
    'There is decreased sensation in a dermatomal distribution.',
    exam('sensory-deficit'),
    'Sensation is intact.',
  ),
  simple(
    'exam-finding weakness',
    'There is motor weakness graded 4/5.',
    exam('weakness'),
    'There is no motor weakness.',
  ),
  simple(
    'exam-finding reflex change',
    'Deep tendon reflexes are diminished.',
    exam('reflex-change'),
    'Deep tendon reflexes are normal.',
  ),
  simple(
    'exam-finding straight leg raise',
    'Straight leg raise is positive on the left.',
    exam('straight-leg-raise'),
    'Straight leg raise is negative bilaterally.',
  ),
  simple(
    'exam-finding Spurling test',
    "Spurling's test is positive on the right.",
    exam('spurling'),
    "Spurling's test is negative.",
  ),
  simple('exam-finding atrophy', 'There is muscle atrophy.', exam('atrophy'), 'There is no muscle atrophy.'),
  simple('exam-finding Tinel sign', "Tinel's sign is positive.", exam('tinel'), "Tinel's sign is negative."),
  simple('exam-finding Phalen test', "Phalen's test is positive.", exam('phalen'), "Phalen's test is negative."),
  simple(
    'exam-finding impingement signs',
    'Hawkins and Neer impingement signs are positive.',
    exam('impingement-sign'),
    'Hawkins and Neer impingement signs are negative.',
  ),
  simple(
    'exam-finding instability',
    'There is instability on examination.',
    exam('instability'),
    'There is no instability on examination.',
  ),
  simple(
    'exam-finding McMurray test',
    "McMurray's test is positive.",
    exam('mcmurray'),
    "McMurray's test is negative.",
  ),
  simple('exam-finding effusion', 'There is a joint effusion.', exam('effusion'), 'There is no joint effusion.'),
  simple(
    'exam-finding facet loading',
    'Facet loading is positive.',
    exam('facet-loading'),
    'Facet loading is negative.',
  ),
  simple(
    'exam-finding tenderness',
    'There is tenderness to palpation.',
    exam('tenderness'),
    'There is no tenderness to palpation.',
  ),
  simple('exam-finding limited motion', 'Range of motion is limited.', exam('rom-limited'), 'Range of motion is full.'),
  simple(
    'exam-finding trigger points',
    'There are trigger points with a twitch response.',
    exam('trigger-point'),
    'No trigger points are found.',
  ),
  simple('exam-finding antalgic gait', 'Her gait is antalgic.', exam('abnormal-gait'), 'Her gait is normal.'),
  entry(
    'radicular-symptoms',
    'She reports radicular pain with numbness and tingling.',
    [st('radicular-symptoms', 'radicular'), st('radicular-symptoms', 'numbness'), st('radicular-symptoms', 'tingling')],
    'She denies radicular pain, numbness or tingling.',
    [
      no(st('radicular-symptoms', 'radicular')),
      no(st('radicular-symptoms', 'numbness')),
      no(st('radicular-symptoms', 'tingling')),
    ],
  ),
  simple(
    'neurological-deficit focal',
    'There is a focal neurological deficit.',
    st('neurological-deficit', 'focal-deficit'),
    'There is no focal neurological deficit.',
  ),
  entry(
    'neurological-deficit progressive',
    'She has a progressive neurological deficit.',
    [st('neurological-deficit', 'progressive-deficit'), st('red-flag', 'progressive-deficit')],
    'She has no progressive neurological deficit.',
    [no(st('neurological-deficit', 'progressive-deficit')), no(st('red-flag', 'progressive-deficit'))],
  ),
  simple(
    'red-flag bowel and bladder',
    'She reports new bowel and bladder incontinence.',
    st('red-flag', 'bowel-bladder'),
    'She denies new bowel and bladder incontinence.',
  ),

  // Studies
  entry(
    'imaging-result MRI done',
    'She had an MRI last year.',
    [st('imaging-result', 'mri')],
    'She has not had an MRI.',
    [],
  ),
  entry(
    'imaging-result nerve root compression',
    'An MRI showed a disc herniation compressing the nerve root.',
    [
      st('imaging-result', 'mri', { qualifier: 'a disc herniation compressing the nerve root' }),
      dx('disc herniation', { qualifier: 'disc herniation' }),
    ],
    'An MRI showed no disc herniation and no nerve root compression.',
    [
      no(st('imaging-result', 'mri', { qualifier: 'no disc herniation and no nerve root compression' })),
      no(dx('disc herniation', { qualifier: 'disc herniation' })),
      no(st('neurological-deficit', 'nerve-root-compromise')),
    ],
  ),
  entry(
    'imaging-result rotator cuff tear',
    'An MRI showed a full thickness rotator cuff tear.',
    [
      st('imaging-result', 'mri', { qualifier: 'a full thickness rotator cuff tear', bodyPart: 'shoulder' }),
      dx('rotator cuff disorder', { qualifier: 'rotator cuff disorder', bodyPart: 'shoulder' }),
    ],
    'An MRI showed no rotator cuff tear.',
    [
      no(st('imaging-result', 'mri', { qualifier: 'no rotator cuff tear', bodyPart: 'shoulder' })),
      no(dx('rotator cuff disorder', { qualifier: 'rotator cuff disorder', bodyPart: 'shoulder' })),
    ],
  ),
  entry(
    'imaging-result meniscus tear',
    'An MRI showed a meniscus tear.',
    [
      st('imaging-result', 'mri', { qualifier: 'a meniscus tear', bodyPart: 'knee' }),
      dx('meniscal tear', { qualifier: 'meniscal tear', bodyPart: 'knee' }),
    ],
    'An MRI showed no meniscus tear.',
    [
      no(st('imaging-result', 'mri', { qualifier: 'no meniscus tear', bodyPart: 'knee' })),
      no(dx('meniscal tear', { qualifier: 'meniscal tear', bodyPart: 'knee' })),
    ],
  ),
  entry(
    'imaging-result ACL tear',
    'An MRI showed an ACL tear.',
    [
      st('imaging-result', 'mri', { qualifier: 'an acl tear', bodyPart: 'knee' }),
      dx('ligament tear', { qualifier: 'ligament tear', bodyPart: 'knee' }),
    ],
    'An MRI showed no ACL tear.',
    [
      no(st('imaging-result', 'mri', { qualifier: 'no acl tear', bodyPart: 'knee' })),
      no(dx('ligament tear', { qualifier: 'ligament tear', bodyPart: 'knee' })),
    ],
  ),
  entry(
    'imaging-result chondral defect',
    'An MRI showed a chondral defect.',
    [st('imaging-result', 'mri', { qualifier: 'a chondral defect' })],
    'An MRI showed no chondral defect.',
    [no(st('imaging-result', 'mri', { qualifier: 'no chondral defect' }))],
  ),
  entry(
    'imaging-result fracture',
    'X-rays showed a fracture.',
    [st('imaging-result', 'x-ray', { qualifier: 'a fracture' }), st('red-flag', 'fracture')],
    'X-rays showed no fracture.',
    [no(st('imaging-result', 'x-ray', { qualifier: 'no fracture' })), no(st('red-flag', 'fracture'))],
  ),
  entry(
    'imaging-result degenerative joint',
    'X-rays showed degenerative changes with joint space narrowing.',
    [st('imaging-result', 'x-ray', { qualifier: 'degenerative changes with joint space narrowing' })],
    'X-rays showed no degenerative changes and no joint space narrowing.',
    [no(st('imaging-result', 'x-ray', { qualifier: 'no degenerative changes and no joint space narrowing' }))],
  ),
  entry(
    'imaging-result spondylolisthesis',
    'An MRI showed spondylolisthesis with instability.',
    [
      st('imaging-result', 'mri', { qualifier: 'spondylolisthesis with instability' }),
      dx('spondylolisthesis', { qualifier: 'spondylolisthesis' }),
    ],
    'An MRI showed no spondylolisthesis and no instability.',
    [
      no(st('imaging-result', 'mri', { qualifier: 'no spondylolisthesis and no instability' })),
      no(dx('spondylolisthesis', { qualifier: 'spondylolisthesis' })),
    ],
  ),
  entry(
    'imaging-result calcific tendinitis',
    'An MRI showed calcific tendinitis.',
    [
      st('imaging-result', 'mri', { qualifier: 'calcific tendinitis' }),
      dx('tendinopathy', { qualifier: 'tendinopathy' }),
    ],
    'An MRI showed no calcific tendinitis.',
    [
      no(st('imaging-result', 'mri', { qualifier: 'no calcific tendinitis' })),
      no(dx('tendinopathy', { qualifier: 'tendinopathy' })),
    ],
  ),
  entry(
    'imaging-result impingement',
    'An MRI showed impingement with tendinosis.',
    [
      st('imaging-result', 'mri', { qualifier: 'impingement with tendinosis' }),
      dx('tendinopathy', { qualifier: 'tendinopathy' }),
    ],
    'An MRI showed no impingement.',
    [no(st('imaging-result', 'mri', { qualifier: 'no impingement' }))],
  ),
  entry(
    'imaging-result massive tear',
    'An MRI showed a massive rotator cuff tear.',
    [
      st('imaging-result', 'mri', { qualifier: 'a massive rotator cuff tear', bodyPart: 'shoulder' }),
      dx('rotator cuff disorder', { qualifier: 'rotator cuff disorder', bodyPart: 'shoulder' }),
    ],
    'An MRI showed no massive rotator cuff tear.',
    [
      no(st('imaging-result', 'mri', { qualifier: 'no massive rotator cuff tear', bodyPart: 'shoulder' })),
      no(dx('rotator cuff disorder', { qualifier: 'rotator cuff disorder', bodyPart: 'shoulder' })),
    ],
  ),
  entry(
    'imaging-result tricompartmental osteoarthritis',
    'An MRI showed tricompartmental osteoarthritis.',
    [
      st('imaging-result', 'mri', { qualifier: 'tricompartmental osteoarthritis' }),
      dx('osteoarthritis', { qualifier: 'osteoarthritis' }),
    ],
    'An MRI showed no osteoarthritis.',
    [
      no(st('imaging-result', 'mri', { qualifier: 'no osteoarthritis' })),
      no(dx('osteoarthritis', { qualifier: 'osteoarthritis' })),
    ],
  ),
  entry(
    'electrodiagnostic-result done',
    'She had EMG/NCS last year.',
    [st('electrodiagnostic-result', 'emg/ncs')],
    'She has not had EMG/NCS.',
    [],
  ),
  entry(
    'electrodiagnostic-result radiculopathy',
    'EMG/NCS showed radiculopathy.',
    [
      st('electrodiagnostic-result', 'emg/ncs', { qualifier: 'radiculopathy' }),
      dx('radiculopathy', { qualifier: 'radiculopathy' }),
    ],
    'EMG/NCS showed no radiculopathy.',
    [
      no(st('electrodiagnostic-result', 'emg/ncs', { qualifier: 'no radiculopathy' })),
      no(dx('radiculopathy', { qualifier: 'radiculopathy' })),
    ],
  ),
  entry(
    'electrodiagnostic-result carpal tunnel syndrome',
    'Nerve conduction studies showed carpal tunnel syndrome.',
    [
      st('electrodiagnostic-result', 'ncs', { qualifier: 'carpal tunnel syndrome', bodyPart: 'wrist' }),
      dx('carpal tunnel syndrome', { qualifier: 'carpal tunnel syndrome', bodyPart: 'wrist' }),
    ],
    'Nerve conduction studies showed no carpal tunnel syndrome.',
    [
      no(st('electrodiagnostic-result', 'ncs', { qualifier: 'no carpal tunnel syndrome', bodyPart: 'wrist' })),
      no(dx('carpal tunnel syndrome', { qualifier: 'carpal tunnel syndrome', bodyPart: 'wrist' })),
    ],
  ),

  // Surgery
  simple(
    'surgery-history fusion',
    'She had a fusion in 2014.',
    st('surgery-history', 'fusion'),
    'She has not had a fusion.',
  ),
  simple(
    'surgery-history lumbar surgery',
    'She underwent lumbar surgery in 2014.',
    st('surgery-history', 'surgery', { bodyPart: 'lumbar spine' }),
    'She has not had lumbar surgery.',
  ),
  simple('surgery-planned', 'Surgery is planned.', st('surgery-planned', 'surgery'), 'No surgery is planned.'),
  simple(
    'surgery-planned fusion',
    'A fusion is scheduled.',
    st('surgery-planned', 'fusion'),
    'No fusion is scheduled.',
  ),
  simple(
    'surgery-planned arthroplasty',
    'A total knee arthroplasty is scheduled.',
    st('surgery-planned', 'knee arthroplasty'),
    'No total knee arthroplasty is scheduled.',
  ),

  // Opioid monitoring
  entry(
    'urine-drug-screen consistent',
    'A urine drug screen was consistent with her prescriptions.',
    [st('urine-drug-screen', undefined, { qualifier: 'consistent' })],
    'No urine drug screen has been performed.',
    [no(st('urine-drug-screen', undefined, { qualifier: 'performed' }))],
  ),
  entry(
    'urine-drug-screen inconsistent',
    'A urine drug screen was inconsistent with her prescriptions.',
    [st('urine-drug-screen', undefined, { qualifier: 'inconsistent' })],
    'A urine drug screen was consistent with her prescriptions.',
    [st('urine-drug-screen', undefined, { qualifier: 'consistent' })],
  ),
  simple(
    'opioid-agreement',
    'She has signed an opioid agreement.',
    st('opioid-agreement', undefined, { qualifier: 'signed' }),
    'There is no signed opioid agreement.',
  ),
  entry(
    'aberrant-behavior multiple prescribers',
    'She has obtained opioids from multiple prescribers.',
    [st('aberrant-behavior', 'multiple-prescribers'), st('medication-use', 'opioid')],
    'She has not obtained opioids from multiple prescribers.',
    [no(st('aberrant-behavior', 'multiple-prescribers')), no(st('medication-use', 'opioid'))],
  ),
  simple(
    'aberrant-behavior',
    'She has shown aberrant drug-related behaviors.',
    st('aberrant-behavior', 'aberrant-behavior'),
    'There are no aberrant drug-related behaviors.',
  ),

  // Self-care, mind and sleep
  simple(
    'home-exercise',
    'She performs a daily home exercise program.',
    st('home-exercise', undefined, { qualifier: 'performed' }),
    'She is not doing a home exercise program.',
  ),
  entry(
    'psychological-symptoms anxiety',
    'She reports anxiety and panic attacks.',
    [st('psychological-symptoms', 'anxiety'), st('psychological-symptoms', 'panic')],
    'She denies anxiety or panic attacks.',
    [no(st('psychological-symptoms', 'anxiety')), no(st('psychological-symptoms', 'panic'))],
  ),
  simple(
    'psychological-symptoms agitation',
    'She reports agitation.',
    st('psychological-symptoms', 'agitation'),
    'She denies agitation.',
  ),
  simple(
    'psychological-symptoms suicidal ideation',
    'She reports suicidal ideation.',
    st('psychological-symptoms', 'suicidal-ideation'),
    'She denies suicidal ideation.',
  ),
  simple(
    'sleep-disturbance',
    'She reports difficulty sleeping due to pain.',
    st('sleep-disturbance'),
    'She denies difficulty sleeping.',
  ),
  entry(
    'treatment-failure of a sleep medication',
    'She tried trazodone for sleep without benefit.',
    [st('medication-use', 'trazodone'), failure('trazodone')],
    'She has never tried trazodone for sleep.',
    [no(st('medication-use', 'trazodone'))],
  ),

  // Diagnoses (stated last in a record: the heading runs to the end of the text)
  diagnosis('acute flare of chronic pain', {}, [st('chronicity', 'acute-exacerbation')]),
  diagnosis('adhesive capsulitis'),
  diagnosis('obstructive sleep apnea'),
  diagnosis('hypertension'),
  diagnosis('anxiety disorder', { qualifier: 'anxiety disorder' }, [st('psychological-symptoms', 'anxiety')]),
  diagnosis('bleeding disorder'),
  diagnosis('calcific tendinitis', { qualifier: 'tendinopathy' }),
  entry(
    'diagnosis carpal tunnel syndrome',
    'Diagnoses: carpal tunnel syndrome.',
    [dx('carpal tunnel syndrome', { qualifier: 'carpal tunnel syndrome', bodyPart: 'wrist' })],
    'She does not have carpal tunnel syndrome.',
    [no(dx('carpal tunnel syndrome', { qualifier: 'carpal tunnel syndrome', bodyPart: 'wrist' }))],
  ),
  diagnosis('postoperative complication'),
  diagnosis('spondylolisthesis', { qualifier: 'spondylolisthesis' }),
  diagnosis('concussion', { qualifier: 'concussion' }),
  diagnosis('complex regional pain syndrome', { qualifier: 'crps' }),
  diagnosis('lateral epicondylitis', { qualifier: 'epicondylitis', bodyPart: 'elbow' }),
  diagnosis('vitamin D deficiency'),
  diagnosis('adjustment disorder', { qualifier: 'adjustment disorder' }, [
    st('psychological-symptoms', 'psychological-distress'),
  ]),
  diagnosis('diabetes mellitus'),
  diagnosis('spasticity'),
  diagnosis('erectile dysfunction'),
  diagnosis('hypogonadism'),
  diagnosis('osteochondral lesion'),
  diagnosis('TFCC tear'),
  diagnosis('gastroenteritis'),
  diagnosis('bursitis', { qualifier: 'bursitis' }),
  diagnosis('ACL tear', { qualifier: 'ligament tear', bodyPart: 'knee' }),
  diagnosis('mechanical locking'),
  diagnosis('maximum medical improvement'),
  diagnosis('medial meniscus tear', { qualifier: 'meniscal tear', bodyPart: 'knee' }),
  diagnosis('neuropathic pain'),
  diagnosis('tarsal tunnel syndrome'),
  diagnosis('morbid obesity'),
  diagnosis('occipital neuralgia', { qualifier: 'neuropathy' }),
  diagnosis('opioid use disorder'),
  entry(
    'diagnosis osteoarthritis',
    'Diagnoses: osteoarthritis.',
    [dx('osteoarthritis', { qualifier: 'osteoarthritis' })],
    'She does not have osteoarthritis.',
    [no(dx('osteoarthritis', { qualifier: 'osteoarthritis' }))],
  ),
  diagnosis('osteonecrosis'),
  diagnosis('compression fracture'),
  entry(
    'diagnosis traumatic fracture',
    'Diagnoses: traumatic fracture.',
    [dx('traumatic fracture', { qualifier: 'fracture' }), st('red-flag', 'fracture')],
    'There is no evidence of traumatic fracture.',
    [no(st('red-flag', 'fracture'))],
  ),
  diagnosis('plantar fasciitis', { bodyPart: 'foot' }),
  diagnosis('seizure disorder'),
  diagnosis('deep vein thrombosis'),
  diagnosis('urinary retention', {}, [st('red-flag', 'bowel-bladder')]),
  diagnosis('tobacco use'),
];

/** A reader fact agrees with a declared one on every field the declaration gives. */
export function agrees(f: Fact, s: Statement): boolean {
  if (f.kind !== s.kind || f.negated !== (s.negated === true)) return false;
  const lower = (v: unknown): string => String(v ?? '').toLowerCase();
  if (
    s.value !== undefined &&
    (typeof s.value === 'number' ? f.value !== s.value : lower(f.value) !== s.value.toLowerCase())
  )
    return false;
  if (s.qualifier !== undefined && lower(f.qualifier) !== s.qualifier.toLowerCase()) return false;
  if (s.count !== undefined && f.count !== s.count) return false;
  if (s.bodyPart !== undefined && f.bodyPart !== s.bodyPart) return false;
  return true;
}
