import { describe, expect, it } from 'vitest';
import { assembleRecord } from './assemble.js';
import { readClinical } from './extract.js';
import { countsAsEvidence } from './sources.js';
import type { Fact, FactKind } from './types.js';

/**
 * The context suite: sentences written for this suite in the phrasing of treating records, IMR summaries
 * and review decisions (none copied from a letter or a guideline), each with the fact the reader must
 * find and its status. Status flags: neg (negated), unc (possible), hyp (hypothetical), hist (historical),
 * fam (a relative's), plan (proposed or requested, not done), review (stated by the utilization review or the application, not clinical
 * evidence); '' is an affirmed, current finding about the patient from a clinical source.
 */
type Row = readonly [sentence: string, kind: FactKind, value: string, status: string];

const FLAGS = ['neg', 'unc', 'hyp', 'hist', 'fam', 'plan', 'review'] as const;

function statusOf(f: Fact): string {
  const on: Record<(typeof FLAGS)[number], boolean> = {
    neg: f.negated,
    unc: f.uncertain,
    hyp: f.hypothetical === true,
    hist: f.historical === true,
    fam: f.family === true,
    plan: f.context === 'plan',
    review: f.context === 'review',
  };
  return FLAGS.filter((k) => on[k]).join('+');
}

function normalize(status: string): string {
  const set = new Set(status.split('+').filter((s) => s !== ''));
  for (const s of set) if (!(FLAGS as readonly string[]).includes(s)) throw new Error(`unknown flag ${s}`);
  return FLAGS.filter((k) => set.has(k)).join('+');
}

function matching(facts: readonly Fact[], kind: FactKind, value: string): Fact[] {
  return facts.filter(
    (f) => f.kind === kind && (value === '' || `${String(f.value ?? '')} ${f.qualifier ?? ''}`.includes(value)),
  );
}

/** Every fact of the kind (and value) read from the text has the expected status; at least one is read. */
function check(text: string, kind: FactKind, value: string, status: string): void {
  const found = matching(readClinical(text).facts, kind, value);
  expect(found.length, `no ${kind} ${value} in "${text}"`).toBeGreaterThan(0);
  expect([...new Set(found.map(statusOf))]).toEqual([normalize(status)]);
}

// ── documentation negation: the commonest wording of a missing finding ────────────────────────────

const DOC_NEGATIONS: readonly ((x: string) => string)[] = [
  (x) => `There is no documentation of ${x}.`,
  (x) => `The records do not document ${x}.`,
  (x) => `The treating physician did not document ${x}.`,
  (x) => `The reports failed to indicate ${x}.`,
  (x) => `There is insufficient evidence of ${x}.`,
  (x) => `The notes lack documentation of ${x}.`,
  (x) => `No objective evidence of ${x} was provided.`,
  (x) => `The progress notes do not show ${x}.`,
  (x) => `Nothing in the records indicates ${x}.`,
  (x) => `There was no clear documentation in the submitted records of ${x}.`,
  (x) => `The medical reports fail to demonstrate ${x}.`,
  (x) => `Absence of documentation of ${x} was noted.`,
  (x) => `The file contains no mention of ${x}.`,
  (x) => `The provider has not documented ${x} at any visit.`,
];

const DOC_AFFIRMATIONS: readonly ((x: string) => string)[] = [
  (x) => `The progress report documents ${x}.`,
  (x) => `The physician noted ${x} at this visit.`,
];

const FINDINGS: readonly (readonly [phrase: string, kind: FactKind, value: string])[] = [
  ['objective functional improvement with Norco', 'functional-improvement', ''],
  ['a urine drug screen', 'urine-drug-screen', ''],
  ['a signed opioid agreement', 'opioid-agreement', ''],
  ['radicular symptoms in the legs', 'radicular-symptoms', ''],
  ['a positive straight leg raise', 'exam-finding', 'straight-leg-raise'],
  ['red flags', 'red-flag', ''],
  ['a home exercise program', 'home-exercise', ''],
];

const documentationRows: Row[] = [
  ...DOC_NEGATIONS.flatMap((t) => FINDINGS.map(([x, kind, value]): Row => [t(x), kind, value, 'neg'])),
  ...DOC_AFFIRMATIONS.flatMap((t) =>
    FINDINGS.filter(([, kind]) => kind !== 'red-flag').map(([x, kind, value]): Row => [t(x), kind, value, '']),
  ),
];

const POST_DOC_NEGATIONS: readonly ((x: string) => string)[] = [
  (x) => `${x} is not documented.`,
  (x) => `${x} has not been documented in the last three reports.`,
  (x) => `${x} was not clearly documented.`,
  (x) => `${x} is lacking.`,
  (x) => `${x} has not been objectively documented.`,
];

const POST_FINDINGS: readonly (readonly [phrase: string, kind: FactKind, value: string])[] = [
  ['Objective functional improvement with the opioid', 'functional-improvement', ''],
  ['A recent urine drug screen', 'urine-drug-screen', ''],
  ['Weakness of the extensor hallucis longus', 'exam-finding', 'weakness'],
  ['Decreased sensation in a dermatomal pattern', 'exam-finding', 'sensory-deficit'],
  ['Radiating pain into the leg', 'radicular-symptoms', ''],
];

const postDocumentationRows: Row[] = POST_DOC_NEGATIONS.flatMap((t) =>
  POST_FINDINGS.map(([x, kind, value]): Row => [t(x), kind, value, 'neg']),
);

// ── negation and pseudo-negation in exam and history wording ────────────────────────────────────────

const negationRows: Row[] = [
  ['He denies numbness or tingling in the feet.', 'radicular-symptoms', '', 'neg'],
  ['She reports no side effects from the medication.', 'side-effects', '', 'neg'],
  ['Straight leg raise testing is negative on both sides.', 'exam-finding', 'straight-leg-raise', 'neg'],
  ['There is no muscle spasm of the lumbar paraspinals.', 'exam-finding', 'spasm', 'neg'],
  ['Motor strength is 5/5 throughout and there is no weakness.', 'exam-finding', 'weakness', 'neg'],
  ['The knee exam shows no effusion.', 'exam-finding', 'effusion', 'neg'],
  ['No bowel or bladder dysfunction is reported.', 'red-flag', '', 'neg'],
  ['Radiographs were negative for fracture.', 'red-flag', 'fracture', 'neg'],
  ['The patient has never had surgery on the back.', 'surgery-history', '', 'neg'],
  ['He is not participating in a home exercise program.', 'home-exercise', '', 'neg'],
  ['There were no signs of aberrant behavior.', 'aberrant-behavior', '', 'neg'],
  ['She denies nausea, constipation or sedation from Norco.', 'side-effects', '', 'neg'],
  ['Without radiating symptoms into either leg.', 'radicular-symptoms', '', 'neg'],
  ['There is no evidence of a red flag condition.', 'red-flag', '', 'neg'],
  ['No depression or anxiety was reported.', 'psychological-symptoms', '', 'neg'],
  ['He sleeps well and denies sleep disturbance.', 'sleep-disturbance', '', 'neg'],
  ['The worker has not had a urine drug screen this year.', 'urine-drug-screen', '', 'neg'],
  ['No opioid agreement is on file.', 'opioid-agreement', '', 'neg'],
  ['There is no tenderness to palpation of the sacroiliac joints.', 'exam-finding', 'tenderness', 'neg'],
  ["Tinel's sign is negative at the right wrist.", 'exam-finding', 'tinel', 'neg'],
  ['The cervical spine shows no spasm and no guarding.', 'exam-finding', 'spasm', 'neg'],
  ['He denies any suicidal ideation or depression.', 'psychological-symptoms', '', 'neg'],
  ['There is no atrophy of the thigh muscles.', 'exam-finding', 'atrophy', 'neg'],
  ['Electrodiagnostic testing was normal.', 'electrodiagnostic-result', '', 'neg'],
  ['She has not tried a home exercise program.', 'home-exercise', '', 'neg'],
  ['No fever, chills, or weight loss is reported.', 'red-flag', '', 'neg'],
  ['The worker denies loss of bowel or bladder control.', 'red-flag', '', 'neg'],
  ['No signs of infection at the surgical site.', 'red-flag', 'infection', 'neg'],
  ['He does not have radicular pain.', 'radicular-symptoms', '', 'neg'],
  ['He has neither numbness nor tingling in the hands.', 'radicular-symptoms', '', 'neg'],
  ['There is no instability of the knee on stress testing.', 'exam-finding', 'instability', 'neg'],
  ['Drowsiness from the muscle relaxant is denied.', 'side-effects', '', 'neg'],
  // affirmed controls beside the negations
  ['There is tenderness to palpation over the lumbar paraspinal muscles.', 'exam-finding', 'tenderness', ''],
  ["Tinel's sign is positive at the right wrist.", 'exam-finding', 'tinel', ''],
  ['There is atrophy of the left quadriceps.', 'exam-finding', 'atrophy', ''],
  ['He reports constipation with Norco.', 'side-effects', '', ''],
  ['She performs a home exercise program daily.', 'home-exercise', '', ''],
  ['Numbness and tingling radiate into the right hand.', 'radicular-symptoms', '', ''],
  ['The urine drug screen on 04/12/2016 was consistent with prescribed medications.', 'urine-drug-screen', '', ''],
  ['Sensation is intact to light touch, and there is no sensory deficit.', 'exam-finding', 'sensory-deficit', 'neg'],
  ['Reflexes are symmetric with no reflex asymmetry.', 'exam-finding', 'reflex-change', 'neg'],
  ['The physician did not find any tenderness over the facet joints.', 'exam-finding', 'tenderness', 'neg'],
  ['The patient has not reported any functional gains with tramadol.', 'functional-improvement', '', 'neg'],
  ['The MRI was unremarkable.', 'imaging-result', 'mri', 'neg'],
  ['Nausea and dizziness from Norco were denied.', 'side-effects', '', 'neg'],
  ['There is no GI upset with the anti-inflammatory.', 'gi-risk', '', 'neg'],
  ['The applicant has no history of gastric ulcer.', 'gi-risk', '', 'neg+hist'],
  ['Neurologic exam was non-focal without motor weakness.', 'exam-finding', 'weakness', 'neg'],
  // pseudo-negations: they look like negations but deny nothing
  ['There has been no change in the radiating leg pain.', 'radicular-symptoms', '', ''],
  ['Pain is 8/10 without medication and 4/10 with it.', 'pain-score', '', ''],
  ['An MRI without contrast showed a disc protrusion at L5-S1.', 'imaging-result', 'mri', ''],
  ['The request for Norco was not certified; he reports 50% pain relief with it.', 'pain-relief', '', ''],
  ['Not only the neck but also the low back is tender.', 'exam-finding', 'tenderness', ''],
  ['He is in no acute distress and has spasm of the trapezius.', 'exam-finding', 'spasm', ''],
  ['There was no increase in numbness radiating into the left foot.', 'radicular-symptoms', '', ''],
  // a finding after the negated list is affirmed
  ['No swelling, but there is tenderness at the medial joint line.', 'exam-finding', 'tenderness', ''],
  ['Facet loading is negative; straight leg raise is positive on the right.', 'exam-finding', 'straight-leg-raise', ''],
  ['No redness or warmth; weakness of the left ankle dorsiflexors is noted.', 'exam-finding', 'weakness', ''],
  ['He denies fever, although he reports numbness of the right hand.', 'radicular-symptoms', '', ''],
  // affirmed: no trigger at all
  ['Sensation is decreased in the left L5 dermatome.', 'exam-finding', 'sensory-deficit', ''],
  ['Extensor hallucis longus strength is 4/5 on the left.', 'exam-finding', 'weakness', ''],
  ['The left Achilles reflex is diminished.', 'exam-finding', 'reflex-change', ''],
  ['Straight leg raise is positive on the left at 45 degrees.', 'exam-finding', 'straight-leg-raise', ''],
  ['She reports 40% pain relief with Norco.', 'pain-relief', '', ''],
  [
    'Her walking tolerance has improved from one block to four blocks with the medication.',
    'functional-improvement',
    '',
    '',
  ],
];

// ── list negation: a denial governs every item of its list, to the list's end ─────────────────────

const listNegationRows: Row[] = [
  [
    'He denies headaches, dizziness, blurred vision, chest pain, shortness of breath, abdominal pain, numbness, tingling, or weakness.',
    'radicular-symptoms',
    'tingling',
    'neg',
  ],
  [
    'He denies headaches, dizziness, blurred vision, chest pain, shortness of breath, abdominal pain, numbness, tingling, or weakness.',
    'exam-finding',
    'weakness',
    'neg',
  ],
  [
    'She denies bowel or bladder dysfunction, saddle anesthesia, fever, unexplained weight loss, or progressive weakness.',
    'red-flag',
    '',
    'neg',
  ],
  [
    'He denies any radiating pain down the legs into the feet, numbness, tingling, or weakness.',
    'exam-finding',
    'weakness',
    'neg',
  ],
  ['He denies numbness, tingling, and decreased sensation.', 'exam-finding', 'sensory-deficit', 'neg'],
  [
    'No fever, chills, numbness in the hands, tingling in the feet, difficulty sleeping, or depression.',
    'psychological-symptoms',
    '',
    'neg',
  ],
  ['Negative for fever, chills, headaches, dizziness, blurred vision, or weakness.', 'exam-finding', 'weakness', 'neg'],
  [
    'The patient denied nausea, vomiting, dizziness, headaches, anxiety, or depression.',
    'psychological-symptoms',
    '',
    'neg',
  ],
  // the list ends at a terminator, a verb of reporting or the sentence end
  [
    'She denies fever, chills, night sweats, or weight loss, but reports numbness in the left foot.',
    'radicular-symptoms',
    '',
    '',
  ],
  [
    'He denies chest pain, dizziness, headaches, or nausea; however, he reports tingling in both hands.',
    'radicular-symptoms',
    '',
    '',
  ],
  [
    'No fever, chills, headaches, dizziness, or blurred vision. Numbness in the right hand persists.',
    'radicular-symptoms',
    '',
    '',
  ],
  [
    'He denies headaches, dizziness, chest pain, shortness of breath, and reports weakness of the left leg.',
    'exam-finding',
    'weakness',
    '',
  ],
  [
    'The patient denies dizziness, headaches, chest pain, nausea, reports numbness in the right leg.',
    'radicular-symptoms',
    '',
    '',
  ],
  // a list whose first item holds "or" is not extended past a comma that opens an exam finding
  ['No swelling or redness, tenderness over the lateral joint line.', 'exam-finding', 'tenderness', ''],
];

// ── history sections: what a past medical history lists is past ─────────────────────────────────────

const historySectionRows: Row[] = [
  [
    'PAST MEDICAL HISTORY: Depression treated with counseling. Numbness of the right hand.',
    'radicular-symptoms',
    '',
    'hist',
  ],
  ['PMH: Anxiety and depression.', 'psychological-symptoms', '', 'hist'],
  ['Past Medical History: Hypertension. Weakness of the left leg after a stroke.', 'exam-finding', 'weakness', 'hist'],
  ['History: He had tingling in both hands. Subjective: He reports neck pain.', 'radicular-symptoms', '', 'hist'],
  ['Medical history: She had insomnia.', 'sleep-disturbance', '', 'hist'],
  // the next section is current again
  ['PMH: Gastric ulcer.\nSubjective: She reports numbness in the left foot.', 'radicular-symptoms', '', ''],
  [
    'Past medical history: diabetes.\n\nOn examination, straight leg raise is positive on the left.',
    'exam-finding',
    'straight-leg-raise',
    '',
  ],
  // a history of the present illness is the present
  ['History of present illness: He reports numbness in the right foot.', 'radicular-symptoms', '', ''],
];

// ── possibility ────────────────────────────────────────────────────────────────────────────────────

const possibilityRows: Row[] = [
  ['MRI of the lumbar spine to rule out a herniated disc.', 'diagnosis', '', 'unc+plan'],
  ['Possible rotator cuff tear of the right shoulder.', 'diagnosis', '', 'unc'],
  ['Findings are suggestive of a medial meniscus tear.', 'diagnosis', '', 'unc'],
  ['Probable left carpal tunnel syndrome.', 'diagnosis', 'carpal tunnel', 'unc'],
  ['He may have a lumbar radiculopathy on the left.', 'diagnosis', 'radiculopathy', 'unc'],
  ['Suspected cervical radiculopathy at C6.', 'diagnosis', 'radiculopathy', 'unc'],
  ['Questionable fracture of the fifth metatarsal.', 'red-flag', 'fracture', 'unc'],
  ['A compression fracture cannot be ruled out.', 'red-flag', 'fracture', 'unc'],
  ['Concern for infection at the incision site.', 'red-flag', 'infection', 'unc'],
  ['Radiculopathy? on the right.', 'diagnosis', 'radiculopathy', 'unc'],
  ['It is unclear whether she has had physical therapy.', 'prior-treatment', 'physical therapy', 'unc'],
  ['A labral tear is suspected.', 'diagnosis', '', 'unc'],
  // affirmed controls
  ['Diagnosis: left L5 radiculopathy.', 'diagnosis', 'radiculopathy', ''],
  ['There is a full thickness rotator cuff tear.', 'diagnosis', '', ''],
];

// ── hypothetical: conditions, contingent plans and purposes ─────────────────────────────────────────

const hypotheticalRows: Row[] = [
  ['If symptoms persist, a lumbar fusion would be considered.', 'surgery-planned', '', 'hyp+plan'],
  ['Should she develop bowel or bladder incontinence, she is to go to the emergency room.', 'red-flag', '', 'hyp'],
  ['If there is no improvement, he will be referred to a spine surgeon.', 'treatment-failure', '', 'hyp'],
  [
    'In the event of a progressive neurologic deficit, an urgent MRI will be obtained.',
    'neurological-deficit',
    '',
    'hyp',
  ],
  ['Omeprazole is given to prevent gastritis from the anti-inflammatory.', 'gi-risk', '', 'hyp'],
  ['He was told to return if numbness develops in the legs.', 'radicular-symptoms', '', 'hyp'],
  ['Should the pain worsen with numbness into the leg, an MRI would be appropriate.', 'radicular-symptoms', '', 'hyp'],
  ['In case of fever or wound drainage, she will call the office.', 'red-flag', '', 'hyp'],
  ['If the pain relief from Norco falls below 30%, the dose will be reduced.', 'pain-relief', '', 'hyp'],
  ['Unless there is objective functional improvement, Norco will be weaned.', 'functional-improvement', '', 'hyp'],
  ['If the injection gives 50% relief, a second one may be requested.', 'pain-relief', '', 'hyp'],
  ['Should she have side effects, the dose will be lowered.', 'side-effects', '', 'hyp'],
  ['If weakness of the ankle develops, electrodiagnostic studies will follow.', 'exam-finding', 'weakness', 'hyp'],
  ['Pantoprazole is prescribed for prophylaxis against GI bleeding.', 'gi-risk', '', 'hyp'],
  ['He would be a candidate for fusion in the future.', 'surgery-planned', '', 'hyp+plan'],
  ['If conservative care fails, she may need surgery down the road.', 'surgery-planned', '', 'unc+hyp'],
  ['Should he develop numbness in the legs, he is to call the clinic.', 'radicular-symptoms', '', 'hyp'],
  ['If she has side effects from the medication, she will stop it.', 'side-effects', '', 'hyp'],
  [
    'Unless he shows a positive straight leg raise, surgery is not planned.',
    'exam-finding',
    'straight-leg-raise',
    'hyp',
  ],
  [
    'If there is weakness of the wrist extensors at the next visit, EMG will be ordered.',
    'exam-finding',
    'weakness',
    'hyp',
  ],
  ['Should the patient report depression, a psychology referral will be made.', 'psychological-symptoms', '', 'hyp'],
  ['In case of a fall with a fracture, she should go to urgent care.', 'red-flag', 'fracture', 'hyp'],
  // affirmed controls: the same findings stated as facts
  ['She has bowel and bladder incontinence since Tuesday.', 'red-flag', '', ''],
  ['He has numbness radiating into the left leg.', 'radicular-symptoms', '', ''],
  ['The injection gave 50% relief for six weeks.', 'pain-relief', '', ''],
  ['She has dyspepsia with ibuprofen.', 'gi-risk', '', ''],
  ['Ibuprofen as needed for pain; she has stomach upset with it.', 'gi-risk', '', ''],
];

// ── planned versus done: a plan or request states intent, not a finding ───────────────────────────

const planRows: Row[] = [
  ['Surgery is scheduled for next month.', 'surgery-planned', '', 'plan'],
  ['A right knee arthroscopy is requested.', 'surgery-planned', '', 'plan'],
  ['Recommend continuing the home exercise program.', 'home-exercise', '', 'plan'],
  ['She underwent a lumbar fusion last month.', 'surgery-history', '', ''],
  ['She does a home exercise program daily.', 'home-exercise', '', ''],
  ['A urine drug screen was obtained today and was consistent.', 'urine-drug-screen', '', ''],
  ['He has completed 6 sessions of acupuncture.', 'prior-treatment', 'acupuncture', ''],
  ['He takes Norco 5/325 twice daily.', 'medication-use', '', ''],
];

// ── historical: past findings and treatment ─────────────────────────────────────────────────────────

const historicalRows: Row[] = [
  ['She has a history of lumbar fusion at L4-5.', 'surgery-history', '', 'hist'],
  ['He previously had physical therapy with little benefit.', 'prior-treatment', 'physical therapy', 'hist'],
  ['In 2014 he underwent a right knee arthroscopy.', 'surgery-history', '', 'hist'],
  ['Right shoulder arthroscopy two years ago.', 'surgery-history', '', 'hist'],
  ['She had a prior course of acupuncture.', 'prior-treatment', 'acupuncture', 'hist'],
  ['Past medical history of a gastric ulcer.', 'gi-risk', '', 'hist'],
  ['Status post carpal tunnel release on the right.', 'surgery-history', '', 'hist'],
  ['He used to take Norco, which was stopped last year.', 'medication-use', '', 'hist'],
  ['History of depression treated by his family doctor.', 'psychological-symptoms', '', 'hist'],
  ['Previously, the leg numbness improved with an epidural.', 'radicular-symptoms', '', 'hist'],
  ['Remote history of cancer of the colon.', 'red-flag', '', 'hist'],
  ['She had chiropractic treatment in the past.', 'prior-treatment', 'chiropractic', 'hist'],
  ['The MRI in 2013 showed a disc bulge at L4-5.', 'imaging-result', 'mri', 'hist'],
  ['Previously, the leg numbness improved with an epidural.', 'radicular-symptoms', '', 'hist'],
  ['She had a lumbar laminectomy five years ago.', 'surgery-history', '', 'hist'],
  ['In the past he had depression after his divorce.', 'psychological-symptoms', '', 'hist'],
  ['He had 12 sessions of physical therapy in 2015.', 'prior-treatment', 'physical therapy', 'hist'],
  ['History of a right wrist fracture as a child.', 'red-flag', 'fracture', 'hist'],
  ['Past surgical history includes a right knee meniscectomy.', 'surgery-history', '', 'hist'],
  ['Prior treatment included chiropractic care and medications.', 'prior-treatment', 'chiropractic', 'hist'],
  // the history of the claim is the current condition, not a past one
  [
    'Diagnosis: lumbar radiculopathy, with a history of an industrial injury to the low back.',
    'diagnosis',
    'radiculopathy',
    '',
  ],
  // current statements after a history: the scope ends at the return to the present
  ['History of smoking; currently reports numbness in the right leg.', 'radicular-symptoms', '', ''],
  ['She has a history of knee surgery and now has an effusion of the knee.', 'exam-finding', 'effusion', ''],
  // affirmed current controls
  ['He is taking Norco three times a day.', 'medication-use', '', ''],
  ['Physical therapy has helped her pain and function.', 'treatment-benefit', '', ''],
];

// ── family: a relative's condition is not the patient's ─────────────────────────────────────────────

const familyRows: Row[] = [
  ['Family history of colon cancer.', 'red-flag', '', 'fam'],
  ['Her mother had breast cancer.', 'red-flag', '', 'fam'],
  ['His father has depression.', 'psychological-symptoms', '', 'fam'],
  ['Family history is significant for rheumatoid arthritis in his sister.', 'diagnosis', '', 'fam'],
  ['A brother was diagnosed with a spinal tumor.', 'red-flag', '', 'fam'],
  ['Her grandfather died of metastatic cancer.', 'red-flag', '', 'fam'],
  ['Depression runs in her family.', 'psychological-symptoms', '', 'fam'],
  ['Family history: lung cancer in the father.', 'red-flag', '', 'fam'],
  // the patient's own findings next to a relative's
  ['Her mother had breast cancer; she reports numbness radiating into the left leg.', 'radicular-symptoms', '', ''],
  ['He lives with his sister and has anxiety about returning to work.', 'psychological-symptoms', '', ''],
  ['The patient has a history of cancer of the prostate.', 'red-flag', '', 'hist'],
  ['His mother has rheumatoid arthritis.', 'diagnosis', '', 'fam'],
  ['Family history is positive for depression in both parents.', 'psychological-symptoms', '', 'fam'],
  ['Her sister had a lumbar fusion.', 'surgery-history', '', 'fam'],
  ['His father suffered from a malignant tumor of the spine.', 'red-flag', '', 'fam'],
  ['Her aunt was diagnosed with colon cancer last year.', 'red-flag', '', 'fam'],
  ['She reports depression since the injury; her mother had depression as well.', 'psychological-symptoms', '', ''],
];

// ── who says it: review and application wording inside a clinical text ─────────────────────────────

const attributionRows: Row[] = [
  [
    'Utilization review noted there was no documentation of functional improvement with Norco.',
    'functional-improvement',
    '',
    'neg+review',
  ],
  ['The UR reviewer stated that red flags were present.', 'red-flag', '', 'review'],
  ['The claims administrator found insufficient evidence of radiculopathy.', 'diagnosis', '', 'neg+review'],
  [
    'The request for an MRI was non-certified because straight leg raise was negative.',
    'exam-finding',
    'straight-leg-raise',
    'neg+review',
  ],
  [
    'The prior review determined that objective functional improvement was not documented.',
    'functional-improvement',
    '',
    'neg+review',
  ],
  ['The denial was appealed as the patient has radicular pain in the leg.', 'radicular-symptoms', '', 'review'],
  [
    'The request was modified because straight leg raise was negative.',
    'exam-finding',
    'straight-leg-raise',
    'neg+review',
  ],
  [
    'Per the UR decision, the exam showed decreased sensation in the L5 dermatome.',
    'exam-finding',
    'sensory-deficit',
    'review',
  ],
  [
    'The claims administrator noted a positive straight leg raise on the right.',
    'exam-finding',
    'straight-leg-raise',
    'review',
  ],
  ['The utilization review physician found no radicular symptoms.', 'radicular-symptoms', '', 'neg+review'],
  ['The request was non-certified as there was no weakness on examination.', 'exam-finding', 'weakness', 'neg+review'],
  ['The IMR application argues that the patient has red flags.', 'red-flag', '', 'review'],
  [
    'Utilization review modified the request because the patient had no functional improvement.',
    'functional-improvement',
    '',
    'neg+review',
  ],
  ['The reviewer cited a lack of tenderness over the facets.', 'exam-finding', 'tenderness', 'neg+review'],
  // the treating record next to a review's words: its own sentences are evidence
  ['Today there is decreased sensation in the left L5 dermatome.', 'exam-finding', 'sensory-deficit', ''],
  ['On examination the straight leg raise is positive on the right.', 'exam-finding', 'straight-leg-raise', ''],
  // the patient's own words are not a review's: denied symptoms stay clinical
  ['Side effects were denied at this visit.', 'side-effects', '', 'neg'],
  ['Side effects such as nausea and constipation are denied.', 'side-effects', '', 'neg'],
];

describe('context suite', () => {
  const groups: readonly (readonly [string, readonly Row[]])[] = [
    ['documentation negation', documentationRows],
    ['documentation negation after the finding', postDocumentationRows],
    ['negation and pseudo-negation', negationRows],
    ['list negation', listNegationRows],
    ['history sections', historySectionRows],
    ['possibility', possibilityRows],
    ['hypothetical', hypotheticalRows],
    ['planned versus done', planRows],
    ['historical', historicalRows],
    ['family', familyRows],
    ['attribution inside a clinical text', attributionRows],
  ];

  it('holds at least 300 sentences', () => {
    expect(groups.reduce((n, [, rows]) => n + rows.length, 0)).toBeGreaterThanOrEqual(300);
  });

  for (const [name, rows] of groups) {
    describe(name, () => {
      it.each(rows)('"%s": %s %s is [%s]', (sentence, kind, value, status) => {
        check(sentence, kind, value, status);
      });
    });
  }
});

// ── who says it: documents attributed by title or first line ───────────────────────────────────────

const PR2 = [
  'PRIMARY TREATING PHYSICIAN PROGRESS REPORT',
  'Subjective: Low back pain with numbness down the left leg.',
  'Objective: Straight leg raise is positive on the left. Sensation is decreased in the left L5 dermatome.',
].join('\n');
const UR = [
  'UTILIZATION REVIEW DETERMINATION',
  'The records show straight leg raise is positive on the left, yet there is insufficient evidence of red flags.',
  'The request is non-certified.',
].join('\n');

describe('who says it: documents', () => {
  it.each([
    [{ title: 'PR-2 progress report', text: 'Pain 6/10.' }, 'treating-physician'],
    [{ title: 'Utilization Review decision', text: 'Pain 6/10.' }, 'utilization-review'],
    [{ title: 'Notice of non-certification', text: 'Pain 6/10.' }, 'utilization-review'],
    [{ title: 'Application for Independent Medical Review', text: 'Pain 6/10.' }, 'imr-application'],
    [{ title: 'MRI lumbar spine report', text: 'Pain 6/10.' }, 'medical-record'],
    [{ text: 'UTILIZATION REVIEW DETERMINATION\nPain 6/10.' }, 'utilization-review'],
    [{ text: 'Primary treating physician progress report\nPain 6/10.' }, 'treating-physician'],
    [{ text: 'Pain 6/10 in the low back.' }, 'medical-record'],
  ])('%o is from the %s', (doc, source) => {
    const a = assembleRecord(undefined, [doc]);
    expect(a.parts.map((p) => p.source)).toEqual([source]);
  });

  it("reads a UR decision's findings as review, never as evidence, and the treating report's as evidence", () => {
    const a = assembleRecord('Summary of a low back claim.', [
      { title: 'Progress report', text: PR2 },
      { title: 'UR decision', text: UR },
    ]);
    const facts = readClinical(a.text, { parts: a.parts }).facts;
    const slr = facts.filter((f) => f.kind === 'exam-finding' && f.value === 'straight-leg-raise');
    expect(slr.map((f) => [f.source, countsAsEvidence(f)])).toEqual([
      ['treating-physician', true],
      ['utilization-review', false],
    ]);
    const redFlags = facts.filter((f) => f.kind === 'red-flag');
    expect(redFlags.length).toBeGreaterThan(0);
    expect(redFlags.every((f) => f.source === 'utilization-review' && f.negated && !countsAsEvidence(f))).toBe(true);
  });

  it('attributes each sentence of the joined record to its part', () => {
    const a = assembleRecord('The summary says the back hurts.', [
      { title: 'Progress report', text: PR2 },
      { title: 'UR decision', text: UR },
    ]);
    const record = readClinical(a.text, { parts: a.parts });
    const sourceAt = (phrase: string): string | undefined =>
      record.sentences.find((s) => s.text.includes(phrase))?.source;
    expect(sourceAt('The summary says')).toBe('imr-summary');
    expect(sourceAt('Sensation is decreased')).toBe('treating-physician');
    expect(sourceAt('insufficient evidence of red flags')).toBe('utilization-review');
  });

  it('hypothetical and family facts are no evidence; historical ones are', () => {
    const facts = readClinical(
      'Should she develop bowel incontinence, she will go to the emergency room. Her father had colon cancer. She had a lumbar fusion in 2012.',
    ).facts;
    const of = (kind: FactKind): Fact[] => facts.filter((f) => f.kind === kind);
    expect(of('red-flag').length).toBeGreaterThan(0);
    expect(of('red-flag').some(countsAsEvidence)).toBe(false);
    expect(of('surgery-history').every(countsAsEvidence)).toBe(true);
  });

  it('a past finding is no evidence of a current one; a past treatment or surgery is evidence', () => {
    const facts = readClinical(
      'PAST MEDICAL HISTORY: Numbness in the right foot. Lumbar fusion in 2012. Physical therapy helped.\n\nSubjective: She reports neck pain. Straight leg raise is positive on the left.',
    ).facts;
    const of = (kind: FactKind): Fact[] => facts.filter((f) => f.kind === kind);
    expect(of('radicular-symptoms').map((f) => [f.historical === true, countsAsEvidence(f)])).toEqual([[true, false]]);
    expect(of('surgery-history').length).toBeGreaterThan(0);
    expect(of('surgery-history').every((f) => f.historical === true && countsAsEvidence(f))).toBe(true);
    expect(
      of('exam-finding')
        .filter((f) => f.value === 'straight-leg-raise')
        .map(countsAsEvidence),
    ).toEqual([true]);
  });
});
