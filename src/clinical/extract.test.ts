import { describe, expect, it } from 'vitest';
import { readClinical } from './extract.js';
import { Fact, type FactKind } from './types.js';

/** The facts of one kind read from `text`, after checking every fact's evidence against the text. */
function read(text: string, kind: FactKind, opts: { referenceDate?: string } = {}): Fact[] {
  const record = readClinical(text, opts);
  for (const f of record.facts) {
    expect(Fact.safeParse(f).success).toBe(true);
    expect(f.evidence.quote).toBe(text.slice(f.evidence.start, f.evidence.end));
  }
  return record.facts.filter((f) => f.kind === kind);
}

/** The single fact of `kind` whose value is `value` (fails when there is none or several). */
function one(text: string, kind: FactKind, value?: string | number): Fact {
  const found = read(text, kind).filter((f) => value === undefined || f.value === value);
  expect(found, `${kind} ${String(value)} in "${text}"`).toHaveLength(1);
  return found[0] as Fact;
}

const pick = (f: Fact) => ({ value: f.value, qualifier: f.qualifier, negated: f.negated });

describe('pain-score', () => {
  it('reads n/10, "out of 10", ranges on a 10-point scale and VAS', () => {
    expect(one('Pain was rated 7/10 today.', 'pain-score').value).toBe(7);
    expect(one('Knee pain is 4 out of 10.', 'pain-score').value).toBe(4);
    const range = one('The pain was rated 6-8 on a 10-point scale.', 'pain-score');
    expect(range.value).toBe(7);
    expect(range.range).toEqual({ low: 6, high: 8 });
    expect(one('VAS 8 at this visit for back pain.', 'pain-score').value).toBe(8);
    expect(one('She rates it a 9 on a scale of 0-10.', 'pain-score').value).toBe(9);
  });

  it('tells scores with and without medication apart, in either word order', () => {
    const a = read('Pain without medication 8/10 and with medication 4/10.', 'pain-score').map(pick);
    expect(a).toEqual([
      { value: 8, qualifier: 'without-medication', negated: false },
      { value: 4, qualifier: 'with-medication', negated: false },
    ]);
    const b = read('Pain is 9/10 without meds and 5/10 with meds.', 'pain-score').map(pick);
    expect(b.map((x) => x.qualifier)).toEqual(['without-medication', 'with-medication']);
  });

  it('reads "decreased from X to Y with medications" as before and after medication', () => {
    const got = read('Pain decreased from 8/10 to 4/10 with medications.', 'pain-score').map(pick);
    expect(got.map((x) => [x.value, x.qualifier])).toEqual([
      [8, 'without-medication'],
      [4, 'with-medication'],
    ]);
    const plain = read('Pain went from 8/10 to 5/10 since the last visit.', 'pain-score');
    expect(plain.map((x) => x.qualifier)).toEqual(['baseline', 'current']);
  });

  it('keeps the body part each score belongs to', () => {
    const got = read('He rated neck pain 6/10, low back pain 7/10 and knee pain 3/10.', 'pain-score');
    expect(got.map((f) => [f.value, f.bodyPart])).toEqual([
      [6, 'cervical spine'],
      [7, 'lumbar spine'],
      [3, 'knee'],
    ]);
  });

  it('"no change in pain" does not negate the score', () => {
    expect(one('There was no change in pain, rated 6/10.', 'pain-score').negated).toBe(false);
  });

  it('ignores dates, drug strengths, reflex and motor grades', () => {
    expect(read('Seen 11/10/16 with Norco 10/325 prescribed; reflexes 2 of 4, strength 4/5.', 'pain-score')).toEqual(
      [],
    );
    expect(read('He attended 3 of 10 sessions.', 'pain-score')).toEqual([]);
  });
});

describe('pain-relief', () => {
  it('reads percent relief with its cause and ranges', () => {
    const a = one('She had 50% relief after the epidural injection.', 'pain-relief');
    expect([a.value, a.qualifier]).toEqual([50, 'epidural steroid injection']);
    const b = one('Medications reduce pain by 30-50 percent.', 'pain-relief');
    expect(b.value).toBe(40);
    expect(b.range).toEqual({ low: 30, high: 50 });
    expect(b.qualifier).toBe('medications');
  });

  it('ignores percentages that are not relief', () => {
    expect(read('Range of motion was decreased by 20%. Cream with 10% menthol.', 'pain-relief')).toEqual([]);
  });
});

describe('functional-improvement and functional-limitation', () => {
  it('reads a gain stated with the function as subject ("her function has improved")', () => {
    expect(one('Her function has improved.', 'functional-improvement')).toMatchObject({
      value: 'general',
      negated: false,
    });
    expect(one('Her activities of daily living have improved.', 'functional-improvement').value).toBe('adl');
    expect(one('His walking tolerance is better.', 'functional-improvement').value).toBe('walking');
    expect(read('Function has not improved.', 'functional-improvement')).toEqual([]);
  });

  it('marks measured gains objective', () => {
    const f = one('With medication he has improved walking tolerance from 10 to 30 minutes.', 'functional-improvement');
    expect([f.value, f.qualifier, f.negated]).toEqual(['walking', 'objective', false]);
  });

  it('negates "no objective functional improvement"', () => {
    const f = one('There was no objective functional improvement after the sessions.', 'functional-improvement');
    expect(f.negated).toBe(true);
    expect(f.qualifier).toBe('objective');
  });

  it('reads limitations of activities, with the activity', () => {
    const walk = one('He has difficulty walking more than 15 minutes.', 'functional-limitation');
    expect([walk.value, walk.qualifier]).toEqual(['walking', 'objective']);
    expect(one('She is unable to lift her child.', 'functional-limitation').value).toBe('lifting');
    expect(one('Pain interferes with daily activities.', 'functional-limitation').negated).toBe(false);
    expect(one('He reports no difficulty sitting.', 'functional-limitation').negated).toBe(true);
  });
});

describe('medication-use', () => {
  it('normalizes brand names and reads how long a drug has been taken', () => {
    const f = one('He has been taking Norco since 2014.', 'medication-use');
    expect([f.value, f.qualifier, f.date]).toEqual(['hydrocodone/acetaminophen', 'since 2014', '2014']);
    const both = read('Records show he utilized Soma and Zanaflex since at least 6/2015.', 'medication-use');
    expect(both.map((x) => [x.value, x.date])).toEqual([
      ['carisoprodol', '2015-06'],
      ['tizanidine', '2015-06'],
    ]);
    expect(one('She has been chronically on tramadol.', 'medication-use').qualifier).toBe('chronically');
  });

  it('reads drug classes and skips drugs that are only planned or requested', () => {
    expect(one('He takes NSAIDs as needed.', 'medication-use').value).toBe('nsaid');
    expect(read('The plan is to start Lyrica at night.', 'medication-use')).toEqual([]);
    expect(read('Utilization review denied the request for Ambien.', 'medication-use')).toEqual([]);
  });

  it('marks a drug being tapered, still in use', () => {
    expect(one('She is weaning off Norco this month.', 'medication-use')).toMatchObject({
      qualifier: 'tapering',
      negated: false,
    });
  });

  it('marks a stopped drug negated', () => {
    const f = one('He stopped ibuprofen last month.', 'medication-use');
    expect([f.value, f.negated, f.qualifier]).toEqual(['ibuprofen', true, 'discontinued']);
  });
});

describe('medication-use in opioid-monitoring prose', () => {
  it('a distant negation or an agreement does not deny use', () => {
    const text = 'There was no objective functional improvement with continued opioid use.';
    expect(one(text, 'medication-use').negated).toBe(false);
    expect(one(text, 'functional-improvement').negated).toBe(true);
    expect(read('A signed opioid agreement is on file.', 'medication-use')).toEqual([]);
    expect(one('He denies use of tramadol.', 'medication-use').negated).toBe(true);
  });

  it('"medications allow her to…" is a functional gain and a benefit of medication', () => {
    const text = 'Medications allow her to perform household chores and walk for 30 minutes.';
    expect(one(text, 'functional-improvement')).toMatchObject({ value: 'adl', qualifier: 'objective' });
    expect(one(text, 'treatment-benefit').value).toBe('medications');
  });
});

describe('side-effects', () => {
  it('"denied side effects" is a negated side-effects fact', () => {
    const f = one('The injured worker denied side effects.', 'side-effects');
    expect(f.negated).toBe(true);
  });

  it('reads a named effect tied to a drug, not one without a drug', () => {
    const f = one('He reports constipation from the oxycodone.', 'side-effects');
    expect([f.value, f.qualifier, f.negated]).toEqual(['constipation', 'oxycodone', false]);
    expect(read('She felt nausea after the fall.', 'side-effects')).toEqual([]);
    expect(read('Side effects include constipation.', 'side-effects').map((f) => f.value)).toContain('constipation');
  });
});

describe('prior-treatment', () => {
  it('reads session counts in their usual forms', () => {
    expect(one('She completed 12 sessions of physical therapy.', 'prior-treatment').count).toBe(12);
    const acu = one('He has had 6 acupuncture visits.', 'prior-treatment');
    expect([acu.value, acu.count]).toEqual(['acupuncture', 6]);
    expect(one('He completed 3 of 8 chiropractic visits.', 'prior-treatment').count).toBe(3);
    expect(one('She went to physical therapy 4 visits.', 'prior-treatment').count).toBe(4);
    expect(one('Treatment has included at least five sessions of physical therapy.', 'prior-treatment')).toMatchObject({
      count: 5,
      qualifier: 'at least',
    });
  });

  it('names specific modalities rather than their family', () => {
    expect(one('He has tried Synvisc injections.', 'prior-treatment').value).toBe('viscosupplementation');
    expect(one('An interferential unit was used at home.', 'prior-treatment').value).toBe('interferential stimulation');
  });

  it('reads the kind of injection and past timing', () => {
    expect(one('He received epidural injections in the past.', 'prior-treatment').value).toBe(
      'epidural steroid injection',
    );
    expect(one('History includes physical therapy two years ago (no benefit).', 'prior-treatment').qualifier).toBe(
      'two years ago',
    );
  });

  it('skips planned treatment and negates treatment not begun', () => {
    expect(read('The plan includes physical therapy twice a week.', 'prior-treatment')).toEqual([]);
    expect(one('She has not started physical therapy yet.', 'prior-treatment').negated).toBe(true);
  });
});

describe('treatment-benefit and treatment-failure', () => {
  it('ties the outcome to its treatment', () => {
    expect(one('The epidural injection gave good relief.', 'treatment-benefit').value).toBe(
      'epidural steroid injection',
    );
    expect(one('Physical therapy did not help.', 'treatment-failure').value).toBe('physical therapy');
    expect(one('There was no benefit from acupuncture.', 'treatment-failure').value).toBe('acupuncture');
    const list = read('Symptoms improve with ice, rest, and NSAIDs.', 'treatment-benefit').map((f) => f.value);
    expect(list).toEqual(['ice/heat', 'rest', 'nsaid']);
  });

  it('reads "(no benefit)" after a treatment in a list', () => {
    const text = 'History includes physical therapy two years ago (no benefit), home exercise program (no benefit).';
    expect(read(text, 'treatment-failure').map((f) => [f.value, f.negated])).toEqual([
      ['physical therapy', false],
      ['home exercise', false],
    ]);
  });

  it('refers a short outcome to the treatment named just before', () => {
    expect(one('He tried massage. It did not help.', 'treatment-failure').value).toBe('massage');
  });

  it('does not read "failed to approve" as a treatment failure', () => {
    expect(read('The claims administrator failed to approve a request for therapy.', 'treatment-failure')).toEqual([]);
  });
});

describe('exam-finding', () => {
  const finding = (text: string, value: string) => one(text, 'exam-finding', value);

  it('reads straight-leg raise as positive or negative', () => {
    const pos = finding('Straight leg raise was positive on the left at 45 degrees.', 'straight-leg-raise');
    expect([pos.negated, pos.side]).toEqual([false, 'left']);
    expect(finding('Straight leg raise was negative bilaterally.', 'straight-leg-raise').negated).toBe(true);
    expect(finding('Exam showed negative SLR.', 'straight-leg-raise').negated).toBe(true);
  });

  it('reads facet loading, tenderness, spasm and range of motion', () => {
    expect(finding('Facet loading was positive.', 'facet-loading').negated).toBe(false);
    const tender = finding('There was tenderness over the right shoulder.', 'tenderness');
    expect([tender.bodyPart, tender.side, tender.negated]).toEqual(['shoulder', 'right', false]);
    expect(finding('The back was non-tender.', 'tenderness').negated).toBe(true);
    expect(finding('Paraspinal spasm was noted.', 'spasm').negated).toBe(false);
    expect(finding('Lumbar range of motion was decreased.', 'rom-limited')).toMatchObject({
      negated: false,
      bodyPart: 'lumbar spine',
    });
    expect(finding('Full range of motion of the knee.', 'rom-limited').negated).toBe(true);
  });

  it('reads motor grades: below 5/5 is weakness, 5/5 is normal strength', () => {
    const weak = read('Motor power was 4+/5 in hip flexion.', 'exam-finding').filter((f) => f.value === 'weakness');
    expect(weak.map((f) => [f.qualifier, f.negated])).toEqual([['motor 4+/5', false]]);
    const normal = read('Strength is 5/5 in both legs.', 'exam-finding').filter((f) => f.value === 'weakness');
    expect(normal.every((f) => f.negated)).toBe(true);
  });

  it('reads sensory, reflex and whole-list neurological findings', () => {
    expect(finding('Decreased sensation in the L5 dermatome.', 'sensory-deficit').negated).toBe(false);
    expect(finding('Achilles reflexes were diminished.', 'reflex-change').negated).toBe(false);
    const list = read('Motor strength, sensation, and reflexes were normal.', 'exam-finding');
    expect(list.map((f) => [f.value, f.negated]).sort()).toEqual([
      ['reflex-change', true],
      ['sensory-deficit', true],
      ['weakness', true],
    ]);
  });

  it('reads named provocative tests', () => {
    expect(finding('Hawkins impingement test positive.', 'impingement-sign').negated).toBe(false);
    expect(finding('McMurray test was positive medially.', 'mcmurray').negated).toBe(false);
    expect(finding("Tinel's and Phalen's are positive at the wrist.", 'tinel').bodyPart).toBe('wrist');
    expect(finding("Tinel's and Phalen's are positive at the wrist.", 'phalen').negated).toBe(false);
    expect(finding('There was a small effusion of the knee.', 'effusion').bodyPart).toBe('knee');
    expect(finding("The knee was stable to Lachman's.", 'instability').negated).toBe(true);
  });

  it('"However, there was tenderness" is not negated by an earlier "no"', () => {
    const facts = read('There was no swelling. However, there was tenderness.', 'exam-finding');
    expect(facts.find((f) => f.value === 'swelling')?.negated).toBe(true);
    expect(facts.find((f) => f.value === 'tenderness')?.negated).toBe(false);
  });
});

describe('radicular-symptoms and neurological-deficit', () => {
  it('reads radiating pain with its limb and side', () => {
    const f = one('Low back pain radiating down the left leg.', 'radicular-symptoms');
    expect([f.value, f.bodyPart, f.side, f.negated]).toEqual(['radiating-pain', 'lower extremity', 'left', false]);
  });

  it('negates "no radicular symptoms" and "lack of neural tension or radiculopathic symptoms"', () => {
    expect(one('He has no radicular symptoms.', 'radicular-symptoms').negated).toBe(true);
    const text = 'The treating physician notes a lack of neural tension or radiculopathic symptoms.';
    expect(one(text, 'radicular-symptoms').negated).toBe(true);
    expect(one(text, 'exam-finding', 'neural-tension').negated).toBe(true);
    const denied = read('She denied numbness and tingling in the arms.', 'radicular-symptoms');
    expect(denied.map((f) => [f.value, f.negated])).toEqual([
      ['numbness', true],
      ['tingling', true],
    ]);
  });

  it('reads deficits and their absence', () => {
    expect(one('There were no focal neurological deficits.', 'neurological-deficit').negated).toBe(true);
    expect(one('He now has a foot drop on the right.', 'neurological-deficit').value).toBe('foot-drop');
    expect(one('The arm is neurologically intact.', 'neurological-deficit').negated).toBe(true);
  });
});

describe('imaging-result and electrodiagnostic-result', () => {
  it('reads the modality, body part, finding and date', () => {
    const f = one('An MRI of the lumbar spine dated 3/2/2016 showed a disc protrusion at L4-5.', 'imaging-result');
    expect(f).toMatchObject({ value: 'mri', bodyPart: 'lumbar spine', date: '2016-03-02', negated: false });
    expect(f.qualifier).toBe('a disc protrusion at L4-5');
  });

  it('marks a normal study negated and a study without a stated result unqualified', () => {
    expect(one('X-rays of the wrist were normal.', 'imaging-result').negated).toBe(true);
    expect(one('CT of the head showed no fracture or bleeding.', 'imaging-result').negated).toBe(true);
    const done = one('He underwent a cervical MRI last year.', 'imaging-result');
    expect([done.value, done.qualifier, done.bodyPart]).toEqual(['mri', undefined, 'cervical spine']);
  });

  it('skips imaging that is only planned or denied', () => {
    expect(read('The plan is an MRI of the knee to rule out a tear.', 'imaging-result')).toEqual([]);
    expect(read('Utilization review denied the MRI of the knee.', 'imaging-result')).toEqual([]);
  });

  it('reads electrodiagnostic results', () => {
    expect(one('EMG/NCS of the arms was negative for radiculopathy.', 'electrodiagnostic-result')).toMatchObject({
      value: 'emg/ncs',
      negated: true,
    });
    expect(
      one('Nerve conduction studies showed moderate median neuropathy.', 'electrodiagnostic-result'),
    ).toMatchObject({
      value: 'ncs',
      negated: false,
    });
  });
});

describe('red-flag', () => {
  it('reads red flags and their denial', () => {
    expect(one('He denied bowel or bladder incontinence.', 'red-flag')).toMatchObject({
      value: 'bowel-bladder',
      negated: true,
    });
    expect(one('There are no red flags.', 'red-flag').negated).toBe(true);
    expect(one('History of prostate cancer.', 'red-flag').value).toBe('tumor');
    expect(one('MRI to rule out a compression fracture.', 'red-flag').uncertain).toBe(true);
  });
});

describe('surgery-history and surgery-planned', () => {
  it('reads a denial after the term as no plan ("surgery is not planned")', () => {
    expect(one('Surgery is not planned.', 'surgery-planned').negated).toBe(true);
    expect(one('A lumbar fusion was not recommended by the surgeon.', 'surgery-planned').negated).toBe(true);
    expect(one('The plan is a lumbar fusion.', 'surgery-planned').negated).toBe(false);
  });

  it('reads past procedures with dates', () => {
    const f = one('He is status post lumbar fusion in 2012.', 'surgery-history');
    expect([f.value, f.date, f.bodyPart]).toEqual(['fusion', '2012', 'lumbar spine']);
    const k = one('She underwent right knee arthroscopy on 3/4/2015.', 'surgery-history');
    expect([k.value, k.side, k.date]).toEqual(['arthroscopy', 'right', '2015-03-04']);
  });

  it('reads planned procedures', () => {
    const f = one('The plan is a right carpal tunnel release.', 'surgery-planned');
    expect([f.value, f.side]).toEqual(['carpal tunnel release', 'right']);
    expect(read('The plan is a right carpal tunnel release.', 'surgery-history')).toEqual([]);
    expect(one('He will likely need surgery.', 'surgery-planned').uncertain).toBe(true);
  });
});

describe('work-status', () => {
  it.each([
    ['He is working full duty.', 'full-duty'],
    ['She returned to work without restrictions.', 'full-duty'],
    ['He is on modified duty with a 20-pound lifting limit.', 'modified-duty'],
    ['She returned to work with restrictions.', 'modified-duty'],
    ['He is temporarily totally disabled.', 'off-work'],
    ['She is not working.', 'off-work'],
    ['He was placed off work.', 'off-work'],
    ['He is retired.', 'retired'],
  ])('"%s" is %s', (text, value) => {
    const f = read(text, 'work-status');
    expect(f.map((x) => [x.value, x.negated])).toContainEqual([value, false]);
  });
});

describe('monitoring of opioid treatment', () => {
  it('reads urine drug screens and their result', () => {
    expect(
      one('A urine drug screen on 2/1/16 was consistent with prescribed medications.', 'urine-drug-screen').qualifier,
    ).toBe('consistent');
    expect(one('The last urine drug screen was inconsistent.', 'urine-drug-screen').qualifier).toBe('inconsistent');
    expect(one('He underwent urine drug screens.', 'urine-drug-screen').qualifier).toBe('performed');
    expect(read('The plan includes a urine drug screen.', 'urine-drug-screen')).toEqual([]);
  });

  it('reads opioid agreements and aberrant behavior', () => {
    expect(one('He signed an opioid agreement.', 'opioid-agreement').qualifier).toBe('signed');
    expect(one('There is no opioid contract on file.', 'opioid-agreement').negated).toBe(true);
    expect(one('No aberrant drug behavior was noted.', 'aberrant-behavior').negated).toBe(true);
    expect(one('He has requested early refills twice.', 'aberrant-behavior').value).toBe('early-refill');
    expect(one('There is no history of medication misuse.', 'aberrant-behavior').negated).toBe(true);
  });
});

describe('home-exercise', () => {
  it('tells a program done from one recommended', () => {
    expect(one('She continues a home exercise program.', 'home-exercise').qualifier).toBe('performed');
    expect(one('The provider recommended a home exercise program.', 'home-exercise').qualifier).toBe('recommended');
  });
});

describe('chronicity', () => {
  it('counts weeks from the injury date to the reference date', () => {
    const f = read('He sustained an industrial injury on 1/5/2016. Pain persists.', 'chronicity', {
      referenceDate: '2016-03-01',
    });
    expect(f.map((x) => [x.value, x.date])).toContainEqual([8, '2016-01-05']);
  });

  it('reads chronic and acute wording and symptom durations', () => {
    expect(one('He has chronic low back pain.', 'chronicity').value).toBe('chronic');
    expect(one('She reports an acute flare-up of neck pain.', 'chronicity').value).toBe('acute-exacerbation');
    expect(one('Knee symptoms have been present for 6 months.', 'chronicity').value).toBe(26);
  });
});

describe('diagnosis', () => {
  it('reads a diagnosis list into items with canonical keys', () => {
    const got = read('Diagnoses include lumbar radiculopathy and right knee sprain.', 'diagnosis');
    expect(got.map((f) => [f.value, f.qualifier])).toEqual([
      ['lumbar radiculopathy', 'radiculopathy'],
      ['right knee sprain', 'sprain/strain'],
    ]);
  });

  it('"rule out herniated disc" is an uncertain diagnosis', () => {
    const f = one('MRI is requested to rule out herniated disc.', 'diagnosis');
    expect([f.value, f.uncertain, f.negated]).toEqual(['disc herniation', true, false]);
  });

  it('reads numbered diagnosis lists', () => {
    const got = read('The diagnoses are:1. cervical strain2. shoulder impingement syndrome', 'diagnosis');
    expect(got.map((f) => f.value)).toEqual(['cervical strain', 'shoulder impingement syndrome']);
  });
});

describe('psychological-symptoms, sleep-disturbance, gi-risk', () => {
  it('reads psychological symptoms and their denial', () => {
    expect(read('She reports depression and anxiety.', 'psychological-symptoms').map((f) => f.value)).toEqual([
      'depression',
      'anxiety',
    ]);
    expect(one('He denies suicidal ideation.', 'psychological-symptoms').negated).toBe(true);
    expect(read('Valgus stress test was negative.', 'psychological-symptoms')).toEqual([]);
  });

  it('reads sleep disturbance and good sleep', () => {
    expect(one('He has difficulty sleeping due to pain.', 'sleep-disturbance').negated).toBe(false);
    expect(one('She sleeps well.', 'sleep-disturbance').negated).toBe(true);
  });

  it('reads GI risk factors including age over 65', () => {
    expect(one('History of GI bleed in 2010.', 'gi-risk').value).toBe('gi-bleed');
    expect(one('He denies GI upset.', 'gi-risk').negated).toBe(true);
    expect(one('The patient is a 70-year-old man.', 'gi-risk').value).toBe('age-over-65');
    expect(one('He also takes warfarin.', 'gi-risk').value).toBe('anticoagulant');
  });
});

describe('context and evidence', () => {
  it('marks facts restated by utilization review and facts in the plan', () => {
    const text =
      'Utilization review denied the MRI due to lack of neurological deficits. The plan includes a right knee arthroscopy.';
    expect(one(text, 'neurological-deficit')).toMatchObject({ negated: true, context: 'review' });
    expect(one(text, 'surgery-planned').context).toBe('plan');
  });

  it('maps evidence back to the original text when lines are wrapped', () => {
    const text = 'The worker reports pain radiating\n\ndown the right\nleg. Straight leg\nraise was positive.';
    const rad = one(text, 'radicular-symptoms');
    expect(rad.bodyPart).toBe('lower extremity');
    const slr = one(text, 'exam-finding', 'straight-leg-raise');
    expect(slr.evidence.quote).toBe('Straight leg\nraise was positive.');
  });

  it('returns no facts for empty text', () => {
    expect(readClinical('').facts).toEqual([]);
    expect(readClinical('').sentences).toEqual([]);
  });
});
