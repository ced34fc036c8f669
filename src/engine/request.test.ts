import { describe, expect, it } from 'vitest';
import { parseRequest } from './request.js';
import { ParsedRequest } from './request-types.js';

// Every request below is invented for these tests.

describe('parseRequest: kind and modality', () => {
  it.each([
    ['Hydrocodone/APAP 7.5/325 mg #45', 'medication', undefined],
    ['Ketoprofen 15%, Gabapentin 8%, Lidocaine 4% in a cream base', 'compounded-topical', undefined],
    ['Aquatic therapy 2x5 for the low back', 'therapy', 'aquatic therapy'],
    ['Occupational therapy, 4 visits, left hand', 'therapy', 'occupational therapy'],
    ['Electroacupuncture 3 times a week for 3 weeks', 'acupuncture', 'electroacupuncture'],
    ['Chiropractic manipulation 6 visits to the neck', 'chiropractic', 'manipulation'],
    ['Chiropractor visits for the upper back', 'chiropractic', 'chiropractic'],
    ['Bilateral L3-L4 transforaminal epidural steroid injection', 'injection', 'epidural steroid injection'],
    ['Left C4-C5 medial branch blocks under fluoroscopic guidance', 'injection', 'medial branch block'],
    ['Ultrasound-guided steroid injection, right hip', 'injection', 'corticosteroid injection'],
    ['Kenalog injection to the left knee', 'injection', 'corticosteroid injection'],
    ['MR arthrogram of the right hip', 'imaging', 'mr arthrogram'],
    ['Plain x-rays of both wrists', 'imaging', 'x-ray'],
    ['Diagnostic ultrasound of the left elbow', 'imaging', 'ultrasound'],
    ['NCV of both legs', 'electrodiagnostic', 'ncv'],
    ['Electromyography and nerve conduction studies of the arms', 'electrodiagnostic', 'emg/ncv'],
    ['Left ankle arthroscopic debridement', 'surgery', 'arthroscopy'],
    ['Revision laminotomy at L3-L4', 'surgery', 'laminectomy'],
    ['Right cubital tunnel release', 'surgery', 'cubital tunnel release'],
    ['Left thumb arthrodesis', 'surgery', 'fusion'],
    ['Ganglionectomy of the right wrist', 'surgery', 'ganglionectomy'],
    ['Rolling walker with seat', 'equipment', 'walker'],
    ['Conductive garment for the stimulator', 'equipment', 'electrical stimulation unit'],
    ['Inversion table for home use', 'equipment', 'home traction unit'],
    ['Home hot tub', 'equipment', 'hot tub'],
    ['Power lift recliner', 'equipment', 'lift chair'],
    ['Wheelchair ramp for the front entrance', 'equipment', 'home adaptive equipment'],
    ['Computerized range of motion testing of the lumbar spine', 'other', 'range of motion testing'],
    ['Manual muscle testing, both arms', 'other', 'muscle testing'],
    ['Interferential stimulator rental for 2 months', 'equipment', 'electrical stimulation unit'],
    ['Paraffin bath unit for home use', 'equipment', 'paraffin unit'],
    ['Work conditioning 12 sessions', 'program', 'work hardening'],
    ['Multidisciplinary pain program evaluation', 'program', 'functional restoration program'],
    ['Neurosurgical consultation for the neck', 'consultation', 'surgical consultation'],
    ['Follow-up visit with the treating physician', 'consultation', 'office visit'],
    ['Comprehensive metabolic panel', 'laboratory', 'metabolic panel'],
    ['Saliva drug screen', 'laboratory', 'urine drug screen'],
    ['Home health aide 3 hours a day, 4 days a week', 'home-care', 'home health aide'],
    ['Cognitive behavioral therapy, 8 sessions', 'psychological', 'cognitive behavioral therapy'],
    ['Psych evaluation', 'psychological', 'psychological evaluation'],
  ] as const)('%s → %s', (text, kind, modality) => {
    const p = parseRequest(text);
    expect(p.kind).toBe(kind);
    expect(p.modality).toBe(modality);
  });

  it('gives kind other and nothing else to text that names no treatment', () => {
    const p = parseRequest('Review of the file by a clerk');
    expect(p).toEqual({
      text: 'Review of the file by a clerk',
      kind: 'other',
      drugs: [],
      bodyParts: [],
      spinalLevels: [],
    });
    expect(parseRequest('').kind).toBe('other');
  });

  it('keeps a physical therapy evaluation as therapy, but a surgical evaluation as a consultation', () => {
    expect(parseRequest('Physical therapy re-evaluation, left shoulder')).toMatchObject({
      kind: 'therapy',
      modality: 'physical therapy evaluation',
    });
    expect(parseRequest('Hand surgery evaluation')).toMatchObject({
      kind: 'consultation',
      modality: 'surgical consultation',
    });
  });

  it('reads a consultation by whom it is with', () => {
    expect(parseRequest('Consultation with a psychologist')).toMatchObject({
      kind: 'psychological',
      modality: 'psychological evaluation',
    });
    expect(parseRequest('Referral to a hand surgeon')).toMatchObject({
      kind: 'consultation',
      modality: 'surgical consultation',
    });
    expect(parseRequest('Referral to neurology')).toMatchObject({ modality: 'specialist consultation' });
  });

  it('reads PT and OT as therapies only in capitals', () => {
    expect(parseRequest('PT 2x4 left knee').kind).toBe('therapy');
    expect(parseRequest('Pt to continue Naproxen 500 mg #60').kind).toBe('medication');
  });

  it('makes a physical-medicine modality followed by "unit" or "device" equipment', () => {
    expect(parseRequest('Whirlpool unit for the ankle')).toMatchObject({
      kind: 'equipment',
      modality: 'whirlpool unit',
    });
    expect(parseRequest('Cervical traction 2x4')).toMatchObject({ kind: 'therapy', modality: 'traction' });
  });

  it('reads an injection of a named drug as an injection, with the drug', () => {
    const p = parseRequest('Depo-Medrol 80 mg injection, right shoulder');
    expect(p.kind).toBe('injection');
    expect(p.modality).toBe('corticosteroid injection');
    expect(p.drugs[0]).toMatchObject({ generic: 'methylprednisolone', drugClass: 'corticosteroid', strength: '80 mg' });
  });

  it('lets a service named first win over a drug named after it', () => {
    const p = parseRequest('Acupuncture 6 visits with Zostrix cream');
    expect(p.kind).toBe('acupuncture');
    expect(p.drugs.map((d) => d.generic)).toEqual(['capsaicin']);
  });
});

describe('parseRequest: drugs', () => {
  it.each([
    ['Norco 5/325mg #30', 'hydrocodone/acetaminophen', 'opioid'],
    ['Flexeril 5 mg #20', 'cyclobenzaprine', 'muscle-relaxant'],
    ['Ultram 50 mg #40', 'tramadol', 'opioid'],
    ['Zanaflex 2mg #60', 'tizanidine', 'muscle-relaxant'],
    ['Fioricet 50/325/40 mg #24', 'butalbital/acetaminophen/caffeine', 'barbiturate-analgesic'],
    ['Trezix capsules #20', 'dihydrocodeine/acetaminophen/caffeine', 'opioid'],
    ['Terocin lotion 120 ml', 'methyl salicylate/capsaicin/menthol/lidocaine', 'capsaicin'],
    ['Protonix 40mg #30', 'pantoprazole', 'ppi'],
    ['Restoril 15 mg #30', 'temazepam', 'benzodiazepine'],
    ['Maxalt 10mg #12', 'rizatriptan', 'triptan'],
    ['Colace 100 mg #100', 'docusate', 'laxative'],
  ] as const)('%s → %s (%s)', (text, generic, drugClass) => {
    const p = parseRequest(text);
    expect(p.kind).toBe('medication');
    expect(p.drugs).toHaveLength(1);
    expect(p.drugs[0]).toMatchObject({ generic, drugClass });
  });

  it('tells the Lidoderm patch and Voltaren gel from oral forms by brand and by form word', () => {
    expect(parseRequest('Lidoderm 5% #60').drugs[0]).toMatchObject({
      generic: 'lidocaine',
      drugClass: 'topical-anesthetic',
      form: 'patch',
      percent: 5,
    });
    expect(parseRequest('Voltaren gel 1% 3 tubes').drugs[0]).toMatchObject({
      name: 'Voltaren gel',
      generic: 'diclofenac',
      drugClass: 'topical-nsaid',
      form: 'gel',
    });
    expect(parseRequest('Voltaren XR 100mg #30').drugs[0]).toMatchObject({ generic: 'diclofenac', drugClass: 'nsaid' });
    expect(parseRequest('Diclofenac 1.5% topical solution').drugs[0]).toMatchObject({ drugClass: 'topical-nsaid' });
  });

  it('normalizes the strength and keeps the name as written with its release form or salt', () => {
    expect(parseRequest('OXYCODONE HCL ER 20MG #60').drugs[0]).toMatchObject({
      name: 'OXYCODONE HCL ER',
      generic: 'oxycodone',
      strength: '20 mg',
    });
    expect(parseRequest('Percocet 7.5/325 #60').drugs[0]?.strength).toBe('7.5/325');
    expect(parseRequest('Butrans 5 mcg/hr patch #4').drugs[0]).toMatchObject({ strength: '5 mcg/hr', form: 'patch' });
  });

  it('has no strength when none is written, and a package size is not a strength', () => {
    expect(parseRequest('Norco #30').drugs[0]?.strength).toBeUndefined();
    expect(parseRequest('Biofreeze gel 90 gm').drugs[0]?.strength).toBeUndefined();
  });

  it('reads one drug named twice as one mention', () => {
    const p = parseRequest('Alprazolam (Xanax) 0.25 mg #15');
    expect(p.drugs).toHaveLength(1);
    expect(p.drugs[0]).toMatchObject({ name: 'Alprazolam', generic: 'alprazolam', strength: '0.25 mg' });
  });

  it('reads a compounded cream by ingredient with percentages and the vehicle as form', () => {
    const p = parseRequest('Compounded Diclofenac 5%, Baclofen 2%, Camphor 1% cream 150 gm');
    expect(p.kind).toBe('compounded-topical');
    expect(p.drugs.map((d) => [d.generic, d.drugClass, d.percent, d.form])).toEqual([
      ['diclofenac', 'topical-nsaid', 5, 'cream'],
      ['baclofen', 'muscle-relaxant', 2, 'cream'],
      ['camphor', 'topical-salicylate', 1, 'cream'],
    ]);
  });

  it('does not call one commercial combination product a compound', () => {
    expect(parseRequest('LidoPro lotion 4 oz').kind).toBe('medication');
  });

  it('reads an oral suspension', () => {
    expect(parseRequest('Fanatrex 25 mg/ml oral suspension 420 ml').drugs[0]).toMatchObject({
      generic: 'gabapentin',
      form: 'suspension',
      strength: '25 mg/ml',
    });
  });

  it('keeps a drug the lexicon lacks as unknown when the text has a strength', () => {
    const p = parseRequest('Zorbitrex 40 mg #30');
    expect(p.kind).toBe('medication');
    expect(p.drugs).toEqual([{ name: 'Zorbitrex', generic: 'zorbitrex', drugClass: 'unknown', strength: '40 mg' }]);
  });

  it('resolves a misspelt drug name to the drug it is one letter from', () => {
    expect(parseRequest('Gabapenten 300mg #90').drugs[0]).toMatchObject({ generic: 'gabapentin', name: 'Gabapenten' });
  });

  it('reads a word for a drug class as a mention of that class', () => {
    expect(parseRequest('Topical anti-inflammatory cream')).toMatchObject({
      kind: 'medication',
      drugs: [{ name: 'anti-inflammatory', generic: 'nsaid', drugClass: 'topical-nsaid', form: 'cream' }],
    });
    expect(parseRequest('Muscle relaxants as needed').drugs[0]?.drugClass).toBe('muscle-relaxant');
  });

  it('reads an opioid dosed with acetaminophen as the combination product', () => {
    expect(parseRequest('Hydrocodone 7.5/325 #40').drugs[0]?.generic).toBe('hydrocodone/acetaminophen');
    expect(parseRequest('Oxycodone 5-325 mg #30').drugs[0]).toMatchObject({
      generic: 'oxycodone/acetaminophen',
      strength: '5/325 mg',
    });
    expect(parseRequest('Hydrocodone ER 20 mg #30').drugs[0]?.generic).toBe('hydrocodone');
  });

  it('drops a combination brand named beside its own ingredients', () => {
    const p = parseRequest('Menthol 3% / Methyl salicylate 10% cream (Icy Hot) 100 gm');
    expect(p.drugs.map((d) => d.generic)).toEqual(['menthol', 'methyl salicylate']);
  });

  it('finds no drug in a request for a service or a device', () => {
    expect(parseRequest('Knee brace #1').drugs).toEqual([]);
    expect(parseRequest('Massage therapy 4 sessions').drugs).toEqual([]);
  });
});

describe('parseRequest: quantity', () => {
  it.each([
    ['Naproxen 375 mg #60', 60],
    ['Massage QTY 8', 8],
    ['Meloxicam 15 mg x 30', 30],
    ['CT of the wrist times 1', 1],
    ['Ibuprofen 600 mg (90 tablets)', 90],
    ['Two prolotherapy injections to the left elbow', 2],
    ['Celecoxib 100 mg, dispense 60', 60],
  ] as const)('%s → %d', (text, quantity) => {
    expect(parseRequest(text).quantity).toBe(quantity);
  });

  it('does not take a count of prescriptions or x-ray views for a quantity', () => {
    expect(parseRequest('1 prescription of Naproxen 500 mg').quantity).toBeUndefined();
    expect(parseRequest('2 view x-rays of the right foot').quantity).toBeUndefined();
  });

  it('has no quantity when none is written, and a dose is not a quantity', () => {
    expect(parseRequest('Meloxicam 7.5 mg').quantity).toBeUndefined();
    expect(parseRequest('Tizanidine 4 mg, take 1 tablet at bedtime').quantity).toBeUndefined();
  });

  it('marks an unspecified quantity', () => {
    expect(parseRequest('Baclofen 10 mg (quantity not specified)').quantityUnspecified).toBe(true);
    expect(parseRequest('Physical therapy, unspecified number of visits').quantityUnspecified).toBe(true);
    expect(parseRequest('Baclofen 10 mg #60').quantityUnspecified).toBeUndefined();
  });
});

describe('parseRequest: refills', () => {
  it.each([
    ['Duloxetine 30 mg #30 with 2 refills', 2],
    ['Four refills of Meloxicam 15 mg #30', 4],
    ['Omeprazole 20 mg #30, refills: 1', 1],
    ['Lyrica 50 mg #90 x3 refills', 3],
    ['Methocarbamol 500 mg #60, no refills', 0],
  ] as const)('%s → %d', (text, refills) => {
    expect(parseRequest(text).refills).toBe(refills);
  });

  it('has no refills when none are mentioned', () => {
    expect(parseRequest('Methocarbamol 750 mg #60').refills).toBeUndefined();
  });
});

describe('parseRequest: frequency, duration and sessions', () => {
  it('reads NxM as visits a week times weeks, and derives the sessions', () => {
    expect(parseRequest('Physical therapy 3x4 for the right ankle')).toMatchObject({
      frequency: { text: '3x4', perWeek: 3, weeks: 4 },
      sessions: 12,
    });
    expect(parseRequest('Occupational therapy 1 times 8')).toMatchObject({
      frequency: { perWeek: 1, weeks: 8 },
      sessions: 8,
    });
  });

  it('reads a written schedule, number words included, and quotes it as written', () => {
    expect(parseRequest('Chiropractic care three times a week for four weeks')).toMatchObject({
      frequency: { text: 'three times a week for four weeks', perWeek: 3, weeks: 4 },
      sessions: 12,
    });
    expect(parseRequest('Acupuncture 2 visits per week x 3 weeks').frequency).toMatchObject({ perWeek: 2, weeks: 3 });
    expect(parseRequest('Acupuncture once a week for five weeks')).toMatchObject({ sessions: 5 });
  });

  it('reads daily dosing, hours apart, as needed and units per dose', () => {
    expect(parseRequest('Naproxen 500 mg twice daily #60').frequency).toMatchObject({ perDay: 2 });
    expect(parseRequest('Oxycodone 5 mg 1-2 tablets every 6-8 hours as needed #60').frequency).toEqual({
      text: '1-2 tablets every 6-8 hours as needed',
      perDay: 4,
      asNeeded: true,
      unitsPerDose: 2,
    });
    expect(parseRequest('Gabapentin 300 mg TID #90').frequency).toMatchObject({ perDay: 3 });
    expect(parseRequest('Trazodone 50 mg at bedtime #30').frequency).toMatchObject({ perDay: 1 });
    expect(parseRequest('Duragesic 25 mcg/hr, 1 patch every 72 hours #5').frequency).toMatchObject({
      perDay: 0.33,
      unitsPerDose: 1,
    });
  });

  it('reads a days supply and months of coverage', () => {
    expect(parseRequest('Two month supply of Celebrex 200 mg').supplyDays).toBe(60);
    expect(parseRequest('Lunesta 2 mg, 30-day supply').supplyDays).toBe(30);
  });

  it('reads hours of care a day', () => {
    expect(parseRequest('Home health aide 4 hours per day, 3 days a week for 6 weeks')).toMatchObject({
      frequency: { hoursPerDay: 4, perWeek: 3, weeks: 6 },
      sessions: 18,
    });
  });

  it('prefers stated sessions to derived ones', () => {
    expect(parseRequest('Physical therapy 2 times a week for 3 weeks (5 sessions)').sessions).toBe(5);
    expect(parseRequest('Ten sessions of aquatic therapy').sessions).toBe(10);
    expect(parseRequest('Acupuncture visits, 6').sessions).toBe(6);
    expect(parseRequest('Physical therapy QTY 9').sessions).toBe(9);
    expect(parseRequest('Aquatic therapy (10-sessions)').sessions).toBe(10);
  });

  it('has no frequency or sessions when none are written', () => {
    const p = parseRequest('Baclofen 10 mg #30');
    expect(p.frequency).toBeUndefined();
    expect(p.sessions).toBeUndefined();
    expect(parseRequest('Physical therapy for the left knee').sessions).toBeUndefined();
  });

  it('does not count sessions for a medication taken on a schedule', () => {
    expect(parseRequest('Prednisone 10 mg daily for 2 weeks #14').sessions).toBeUndefined();
  });
});

describe('parseRequest: body parts, side and levels', () => {
  it('normalizes body parts and reads the side', () => {
    expect(parseRequest('MRI of the lower back')).toMatchObject({ bodyParts: ['lumbar spine'] });
    expect(parseRequest('X-ray of the neck and mid back').bodyParts).toEqual(['cervical spine', 'thoracic spine']);
    expect(parseRequest('Left wrist splint')).toMatchObject({ bodyParts: ['wrist'], side: 'left' });
    expect(parseRequest('Rt shoulder MRI')).toMatchObject({ side: 'right' });
    expect(parseRequest('EMG of the L arm')).toMatchObject({ side: 'left', bodyParts: ['upper extremity'] });
    expect(parseRequest('Left and right knee x-rays')).toMatchObject({ side: 'bilateral' });
    expect(parseRequest('Physical therapy for both hips')).toMatchObject({ side: 'bilateral', bodyParts: ['hip'] });
    expect(parseRequest('MRI of the ankles')).toMatchObject({ side: 'bilateral' });
  });

  it('reads the limb abbreviations requests use (LE, L/E, RUE) and both limbs named together', () => {
    expect(parseRequest('EMG/NCV of the bilateral LE')).toMatchObject({ bodyParts: ['lower extremity'] });
    expect(parseRequest('NCS of the left L/E').bodyParts).toEqual(['lower extremity']);
    expect(parseRequest('EMG of the RUE').bodyParts).toEqual(['upper extremity']);
    expect(parseRequest('Nerve conduction studies, bilateral U/E').bodyParts).toEqual(['upper extremity']);
    expect(parseRequest('EMG/NCV of the upper and lower extremities').bodyParts).toEqual([
      'upper extremity',
      'lower extremity',
    ]);
  });

  it('has no side when none is named', () => {
    expect(parseRequest('MRI of the thoracic spine').side).toBeUndefined();
    expect(parseRequest('Naproxen 500 mg #60').bodyParts).toEqual([]);
  });

  it('reads spinal levels as segments, spans as their segments, and lists as written', () => {
    expect(parseRequest('Bilateral L4-L5 facet injections').spinalLevels).toEqual(['L4-L5']);
    expect(parseRequest('Right L3-4 and L4-5 medial branch blocks').spinalLevels).toEqual(['L3-L4', 'L4-L5']);
    expect(parseRequest('Fusion L4-S1').spinalLevels).toEqual(['L4-L5', 'L5-S1']);
    expect(parseRequest('Epidural injection at T12-L1').spinalLevels).toEqual(['T12-L1']);
    expect(parseRequest('C6/7 epidural').spinalLevels).toEqual(['C6-C7']);
    expect(parseRequest('Radiofrequency ablation left L2, L3, L4').spinalLevels).toEqual(['L2', 'L3', 'L4']);
  });

  it('takes the spine region from the levels when the text names none', () => {
    expect(parseRequest('C5-C6 epidural steroid injection').bodyParts).toEqual(['cervical spine']);
  });

  it('finds no levels in strengths or counts', () => {
    expect(parseRequest('Vitamin C 500 mg #30').spinalLevels).toEqual([]);
    expect(parseRequest('Physical therapy 2x6').spinalLevels).toEqual([]);
  });
});

describe('parseRequest: contrast, retrospective, surgery, additional', () => {
  it('reads contrast', () => {
    expect(parseRequest('MRI of the knee w/o contrast').contrast).toBe('without');
    expect(parseRequest('CT of the neck with IV contrast').contrast).toBe('with');
    expect(parseRequest('MRI brain with and without contrast').contrast).toBe('with-and-without');
    expect(parseRequest('MRI of the knee').contrast).toBeUndefined();
  });

  it('reads a retrospective request and its date of service', () => {
    expect(
      parseRequest('Retrospective Toradol 30 mg IM DOS: 2/9/15', { referenceDate: '2015-06-01' }).retrospective,
    ).toEqual({
      date: '2015-02-09',
    });
    expect(parseRequest('Urine drug screen (date of service 04/22/2014)').retrospective).toEqual({
      date: '2014-04-22',
    });
    expect(parseRequest('Retrospective request for a hot/cold pack').retrospective).toEqual({});
    expect(parseRequest('Hot/cold pack').retrospective).toBeUndefined();
  });

  it('resolves two-digit years to the reference year or before', () => {
    expect(parseRequest('Retro x-ray DOS 3/4/98', { referenceDate: '2016-10-01' }).retrospective?.date).toBe(
      '1998-03-04',
    );
  });

  it('reads associated surgical services and keeps the kind of the service', () => {
    expect(parseRequest('Associated surgical service: Front wheeled walker')).toMatchObject({
      kind: 'surgical-associated',
      serviceKind: 'equipment',
      modality: 'walker',
      associatedSurgery: true,
    });
    expect(parseRequest('Pre-operative labs: BMP')).toMatchObject({
      serviceKind: 'laboratory',
      modality: 'metabolic panel',
    });
    expect(parseRequest('Postoperative Percocet 5/325 mg #40')).toMatchObject({
      kind: 'surgical-associated',
      serviceKind: 'medication',
    });
    expect(parseRequest('Assistant surgeon').kind).toBe('surgical-associated');
  });

  it('keeps a surgery a surgery when it mentions its post-operative care', () => {
    const p = parseRequest('Left knee arthroscopy with post-op physical therapy');
    expect(p.kind).toBe('surgery');
    expect(p.associatedSurgery).toBeUndefined();
  });

  it('marks additional and continued treatment, and nothing else', () => {
    expect(parseRequest('Continued chiropractic care 2x3').additional).toBe(true);
    expect(parseRequest('6 more acupuncture visits').additional).toBe(true);
    expect(parseRequest('Re-evaluation with the orthopedist').additional).toBe(true);
    expect(parseRequest('Chiropractic care 2x3').additional).toBeUndefined();
    expect(parseRequest('Lorazepam 1 mg, may repeat dose once').additional).toBeUndefined();
  });
});

describe('parseRequest: output', () => {
  it('keeps the text as given and satisfies the schema', () => {
    const text = '  Norco   10/325 mg  #60  ';
    const p = parseRequest(text);
    expect(p.text).toBe(text);
    expect(p.drugs[0]?.name).toBe('Norco');
    expect(ParsedRequest.parse(p)).toEqual(p);
  });

  it('never throws, even on input that is not a string', () => {
    expect(parseRequest(undefined as unknown as string).kind).toBe('other');
    expect(parseRequest('#'.repeat(500)).kind).toBe('other');
  });
});
