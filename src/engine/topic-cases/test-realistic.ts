/**
 * Hand-written clinical histories, in our own words, for the topics that real determination letters (the
 * dev corpus and the seed letters) lead the engine to: for each, a history in which the guideline's
 * criteria are met (the treatment is necessary: Overturned) and the same history with a key criterion
 * unmet or negated (Upheld). Every person, date and detail is invented; no sentence comes from a letter.
 *
 * Topics the guideline does not recommend have no "met" history: whatever the record says, the denial
 * stands (the test checks that, and that the criterion carrying the position is unmet). A few others have
 * none either, with the reason given (`metImpossible`).
 */

export interface RealisticCase {
  /** The topic the engine should select (or one with the same guideline section). */
  readonly topic: string;
  readonly request: string;
  /** ISO decision date (editions in force); default 2017-03-01. */
  readonly decisionDate?: string;
  /** ISO injury date; default about two years before the decision. */
  readonly injuryDate?: string;
  readonly age?: number;
  /** A history meeting the criteria: the engine recommends the treatment (Overturned). */
  readonly met?: string;
  /** Why no history can meet the criteria today (without `met`, for a topic the guideline recommends at all). */
  readonly metImpossible?: string;
  /** A history failing a key criterion (Upheld). */
  readonly unmet: string;
  /** The request for the unmet history, when the criterion it fails is about the request. */
  readonly unmetRequest?: string;
  /** The criterion the unmet history fails (unmet or not documented). */
  readonly fails: string;
}

/** Decision date for the Chronic Pain 2009 edition (in force until July 2016). */
const IN_2016 = '2016-05-02';

export const REALISTIC: readonly RealisticCase[] = [
  // ------------------------------------------------------------------ imaging
  {
    topic: 'acoem-2004-neck.special-studies-imaging',
    request: 'MRI of the cervical spine without contrast',
    met:
      'The injured worker is a 46-year-old warehouse lead who strained his neck lifting a pallet. He reports neck pain ' +
      'with radicular pain, numbness and tingling in the right hand. There is decreased sensation in a dermatomal ' +
      'distribution and deep tendon reflexes are diminished on the right. He completed 12 sessions of physical therapy ' +
      'and took NSAIDs for two months; physical therapy did not help.',
    unmet:
      'The injured worker is a 46-year-old warehouse lead who strained his neck lifting a pallet. He reports neck pain ' +
      'and stiffness. Sensation is intact, deep tendon reflexes are normal and there is no motor weakness. He completed ' +
      '12 sessions of physical therapy and took NSAIDs for two months; physical therapy did not help.',
    fails: 'indication',
  },
  {
    topic: 'acoem-2004-low-back.special-studies-imaging',
    request: 'MRI of the lumbar spine without contrast',
    met:
      'A 39-year-old delivery driver has low back pain since lifting a heavy box. She reports radicular pain with ' +
      'numbness and tingling down the left leg. Straight leg raise is positive on the left and there is motor weakness ' +
      'graded 4/5. Physical therapy did not help, nor did anti-inflammatory medication. Surgery is planned if the study ' +
      'shows a compressive lesion.',
    unmet:
      'A 39-year-old delivery driver has low back pain since lifting a heavy box. She reports radicular pain with ' +
      'numbness and tingling down the left leg. Straight leg raise is positive on the left and there is motor weakness ' +
      'graded 4/5. Physical therapy did not help, nor did anti-inflammatory medication. No surgery is planned.',
    fails: 'surgery-considered',
  },
  {
    topic: 'acoem-2004-shoulder.special-studies-imaging',
    request: 'MRI of the right shoulder without contrast',
    met:
      'A 52-year-old carpenter hurt his right shoulder reaching overhead. Hawkins and Neer impingement signs are ' +
      'positive and there is motor weakness graded 4/5 in abduction. He completed 10 sessions of physical therapy and ' +
      'a home exercise program; physical therapy did not help.',
    unmet:
      'A 52-year-old carpenter hurt his right shoulder reaching overhead. Strength is 5/5 and there is no instability ' +
      'on examination. He completed 10 sessions of physical therapy and a home exercise program; physical therapy did ' +
      'not help.',
    fails: 'indication',
  },
  {
    topic: 'acoem-2004-knee.special-studies-mri',
    request: 'MRI of the right knee without contrast',
    met:
      'A 44-year-old landscaper twisted his right knee stepping off a trailer. He describes catching and giving way. ' +
      "McMurray's test is positive and there is a joint effusion. He completed 8 sessions of physical therapy; physical " +
      'therapy did not help. Surgery is planned if a meniscus tear is confirmed.',
    unmet:
      'A 44-year-old landscaper twisted his right knee stepping off a trailer. He describes catching and giving way. ' +
      "McMurray's test is positive and there is a joint effusion. He completed 8 sessions of physical therapy; physical " +
      'therapy did not help. No surgery is planned.',
    fails: 'surgery-considered',
  },
  {
    topic: 'acoem-2004-ankle.special-studies-imaging',
    request: 'MRI of the left ankle without contrast',
    met:
      'A 31-year-old server rolled her left ankle on a wet floor. X-rays showed degenerative changes with joint space ' +
      'narrowing. She completed 6 sessions of physical therapy and wore a brace for a month; physical therapy did not ' +
      'help. Diagnoses: osteochondral lesion.',
    unmet:
      'A 31-year-old server rolled her left ankle on a wet floor. She has some swelling at the end of the day and is ' +
      'working full duty.',
    fails: 'suspected-lesion',
  },
  {
    topic: 'odg-elbow.mri',
    request: 'MRI of the left elbow without contrast',
    met:
      'A 48-year-old assembler has lateral left elbow pain from repetitive gripping. X-rays showed degenerative changes ' +
      'with joint space narrowing. He wore a counterforce strap and completed 8 sessions of occupational therapy; ' +
      'occupational therapy did not help. Diagnoses: lateral epicondylitis.',
    unmet:
      'A 48-year-old assembler has lateral left elbow pain from repetitive gripping. He wore a counterforce strap and ' +
      'completed 8 sessions of occupational therapy; occupational therapy did not help. Diagnoses: lateral epicondylitis.',
    fails: 'plain-films',
  },
  // ------------------------------------------------------- electrodiagnostics
  {
    topic: 'chronic-pain-2016.electrodiagnostic-testing',
    request: 'EMG/NCV of the bilateral lower extremities',
    met:
      'A 58-year-old maintenance worker with diabetes has burning pain and numbness in both feet along with low back ' +
      'pain. There is decreased sensation in a stocking distribution. He completed 12 sessions of physical therapy ' +
      'and takes gabapentin; physical therapy did not help. Diagnoses: peripheral neuropathy.',
    unmet:
      'A 58-year-old maintenance worker has low back pain with radicular pain, numbness and tingling down the left ' +
      'leg. There is decreased sensation in a dermatomal distribution. He completed 12 sessions of physical therapy; ' +
      'physical therapy did not help.',
    fails: 'lower-ncs',
  },
  {
    // The same, written with the abbreviation requests use for the legs.
    topic: 'chronic-pain-2016.electrodiagnostic-testing',
    request: 'EMG/NCV of the bilateral LE',
    met:
      'A 58-year-old maintenance worker with diabetes has burning pain and numbness in both feet along with low back ' +
      'pain. There is decreased sensation in a stocking distribution. He completed 12 sessions of physical therapy ' +
      'and takes gabapentin; physical therapy did not help. Diagnoses: peripheral neuropathy.',
    unmet:
      'A 58-year-old maintenance worker has low back pain with radicular pain, numbness and tingling down the left ' +
      'leg. There is decreased sensation in a dermatomal distribution. He completed 12 sessions of physical therapy; ' +
      'physical therapy did not help.',
    fails: 'lower-ncs',
  },
  {
    // MTUS Chronic Pain 2016, electrodiagnostic testing: upper-limb nerve conduction studies are for clinical
    // signs of carpal tunnel (or another entrapment) in a possible surgical candidate.
    topic: 'chronic-pain-2016.electrodiagnostic-testing',
    request: 'EMG/NCV of the bilateral upper extremities',
    met:
      'A 44-year-old data entry clerk has numbness of the thumb and index fingers of both hands that wakes her at ' +
      'night. Tinel sign and Phalen test are positive at both wrists, with decreased sensation in the median ' +
      'distribution. She wore wrist splints and completed 8 sessions of occupational therapy; occupational therapy ' +
      'did not help. Diagnoses: bilateral carpal tunnel syndrome.',
    unmet:
      'A 44-year-old data entry clerk has neck pain radiating into both arms with tingling. There is decreased ' +
      'sensation in the C6 dermatome bilaterally. She completed 8 sessions of physical therapy; physical therapy did ' +
      'not help. Diagnoses: cervical radiculopathy.',
    fails: 'upper-cts',
  },
  // ------------------------------------------------------- procedures added in session 4
  {
    // ODG Low Back, kyphoplasty: a painful osteoporotic compression fracture that conservative care did not relieve.
    topic: 'odg-low-back.kyphoplasty',
    request: 'Kyphoplasty at L1',
    met:
      'A 71-year-old retired clerk with osteoporosis slipped at work and has severe mid and low back pain. Diagnoses: ' +
      'compression fracture of L1. She wore a brace and took medications for eight weeks; bracing did not help.',
    unmet:
      'A 71-year-old retired clerk slipped at work and has low back pain. She wore a brace and took medications for ' +
      'eight weeks; bracing did not help. Diagnoses: lumbar strain.',
    fails: 'compression-fracture',
  },
  {
    // ACOEM low back, special studies: discography does not select patients for surgery; not supported.
    topic: 'acoem-2004-low-back.discography',
    request: 'Lumbar discogram at L3-4, L4-5 and L5-S1',
    unmet:
      'A 46-year-old warehouse worker has chronic low back pain without leg symptoms after a lifting injury. An MRI ' +
      'showed disc desiccation at L4-5 and L5-S1. He completed physical therapy; physical therapy did not help. A ' +
      'fusion is being considered.',
    fails: 'guideline-supports',
  },
  {
    // MTUS Chronic Pain, ketamine: not recommended for chronic pain.
    topic: 'chronic-pain-2016.ketamine',
    request: 'Ketamine infusion x1',
    unmet:
      'A 39-year-old nurse has burning pain and swelling of the right hand since a crush injury. Diagnoses: complex ' +
      'regional pain syndrome of the right upper extremity. Stellate ganglion blocks gave temporary relief.',
    fails: 'guideline-supports',
  },
  {
    // ODG Shoulder, manipulation under anesthesia: adhesive capsulitis after months of failed conservative care.
    topic: 'odg-shoulder.manipulation-under-anesthesia',
    request: 'Manipulation under anesthesia of the left shoulder',
    met:
      'A 54-year-old cook has had a stiff, painful left shoulder for seven months. Diagnoses: adhesive capsulitis of ' +
      'the left shoulder. She completed 16 sessions of physical therapy and had a steroid injection; physical therapy ' +
      'did not help.',
    unmet:
      'A 54-year-old cook has had left shoulder pain for seven months. Diagnoses: left shoulder impingement. She ' +
      'completed 16 sessions of physical therapy; physical therapy did not help.',
    fails: 'adhesive-capsulitis',
  },
  {
    topic: 'odg-head.eeg',
    request: 'Electroencephalogram',
    met:
      'A 35-year-old roofer fell from a ladder and struck his head. Since then his wife has witnessed two episodes of ' +
      'staring with jerking of the arms. Diagnoses: seizure disorder.',
    unmet:
      'A 35-year-old roofer fell from a ladder and struck his head. He reports headaches that have improved with rest. ' +
      'He has returned to full duty.',
    fails: 'failure-to-improve',
  },
  // --------------------------------------------------------------- opioids
  {
    topic: 'opioids-2016.maintenance',
    request: 'Norco 10/325mg #60, one tablet twice daily',
    met:
      'A 55-year-old former mechanic has chronic low back pain after a lifting injury. She has been taking Norco for ' +
      'two years for pain. With medication her pain drops from 8/10 to 4/10, and with her medications she reports ' +
      'improved function and is now able to walk for 30 minutes. She is working modified duty. She denies side ' +
      'effects. A urine drug screen was consistent with her prescriptions. She has signed an opioid agreement.',
    unmet:
      'A 55-year-old former mechanic has chronic low back pain after a lifting injury. She has been taking Norco for ' +
      'two years for pain. With medication her pain drops from 8/10 to 4/10, and with her medications she reports ' +
      'improved function and is now able to walk for 30 minutes. She is working modified duty. She denies side ' +
      'effects. A urine drug screen was inconsistent with her prescriptions.',
    fails: 'misuse-monitoring',
  },
  {
    topic: 'chronic-pain-2009.opioids-ongoing',
    request: 'Norco 10/325mg #60, one tablet twice daily',
    decisionDate: IN_2016,
    met:
      'A 49-year-old cook has chronic neck pain since a fall at work. He has been taking Norco for two years for pain. ' +
      'With medication his pain drops from 7/10 to 3/10 and with his medications he reports improved function. He is ' +
      'working full duty. He denies side effects. A urine drug screen was consistent with his prescriptions.',
    unmet:
      'A 49-year-old cook has chronic neck pain since a fall at work. He has been taking Norco for two years for pain. ' +
      'With medication his pain drops from 7/10 to 3/10 and with his medications he reports improved function. He is ' +
      'working full duty. He denies side effects. He has obtained opioids from multiple prescribers.',
    fails: 'misuse-monitoring',
  },
  {
    topic: 'opioids-2016.post-operative',
    request: 'Post-op Norco 5/325mg #30, one tablet every 6 hours as needed',
    met:
      'A 57-year-old electrician has right shoulder pain from a full thickness rotator cuff tear. A right shoulder ' +
      'rotator cuff repair is scheduled. He has not taken opioids before.',
    unmet: 'A 57-year-old electrician has right shoulder pain. He is managing with ice and ibuprofen.',
    fails: 'surgery-certified',
  },
  {
    topic: 'opioids-2016.urine-drug-testing',
    request: 'Urine drug screen',
    met:
      'A 50-year-old nurse aide has chronic low back pain. She has been taking Norco for two years for pain and has ' +
      'obtained opioids from multiple prescribers. Her pain is 6/10.',
    unmet:
      'A 50-year-old nurse aide has chronic low back pain. She has been taking Norco for two years for pain. A urine ' +
      'drug screen last month was consistent with her prescriptions. There are no aberrant drug-related behaviors.',
    fails: 'frequency-matches-risk',
  },
  {
    topic: 'chronic-pain-2016.opioid-induced-constipation',
    request: 'Colace 100mg #60, one capsule twice daily',
    met:
      'A 61-year-old bus driver has chronic knee pain. He has been taking Norco for two years for pain and reports ' +
      'constipation from it.',
    unmet:
      'A 61-year-old bus driver has chronic knee pain. He is not taking any opioids and manages with acetaminophen.',
    fails: 'opioid-in-use',
  },
  // ------------------------------------------------------------ other drugs
  {
    topic: 'chronic-pain-2016.cyclobenzaprine',
    request: 'Cyclobenzaprine 7.5mg #20, one tablet at bedtime',
    met:
      'A 41-year-old stocker had a flare of chronic low back pain last week after lifting cases of water. Examination ' +
      'shows muscle spasm and limited range of motion. She takes ibuprofen as needed and has not used muscle relaxants.',
    unmet:
      'A 41-year-old stocker has chronic low back pain. Examination shows muscle spasm and limited range of motion. ' +
      'She has been taking Flexeril for two years.',
    fails: 'short-course',
  },
  {
    topic: 'chronic-pain-2016.muscle-relaxants',
    request: 'Tizanidine 4mg #20, one tablet at bedtime',
    met:
      'A 45-year-old custodian has chronic neck pain with an acute flare after moving furniture. Examination shows ' +
      'muscle spasm. He has been taking ibuprofen since 2015; with medication his pain drops from 7/10 to 4/10 and he ' +
      'reports improved function.',
    unmet:
      'A 45-year-old custodian has chronic neck pain. He reports stiffness in the morning. Examination shows no muscle ' +
      'spasm.',
    fails: 'acute-exacerbation',
  },
  {
    topic: 'chronic-pain-2009.muscle-relaxants',
    request: 'Zanaflex 4mg #20, one tablet at bedtime',
    decisionDate: IN_2016,
    met:
      'A 38-year-old mover has chronic low back pain with an acute flare this month. Examination shows muscle spasm. ' +
      'She has been taking naproxen since 2014; with medication her pain drops from 8/10 to 5/10 and she reports ' +
      'improved function.',
    unmet:
      'A 38-year-old mover has chronic low back pain. Examination shows muscle spasm. She has been taking Zanaflex for ' +
      'two years; with medication her pain drops from 8/10 to 5/10 and she reports improved function.',
    fails: 'short-course',
  },
  {
    topic: 'chronic-pain-2016.nsaids',
    request: 'Naproxen 550mg #60, one tablet twice daily',
    met:
      'A 59-year-old machinist has knee pain from osteoarthritis that worsened after a fall at work. He has no history ' +
      'of peptic ulcer disease or gastrointestinal bleeding. He is not taking anti-inflammatory medication.',
    unmet:
      'A 59-year-old machinist has knee pain from osteoarthritis that worsened after a fall at work. He has been ' +
      'taking ibuprofen since 2015.',
    fails: 'no-duplicate-class',
  },
  {
    topic: 'chronic-pain-2016.benzodiazepines',
    request: 'Valium 5mg #20, one tablet daily',
    met:
      'A 33-year-old bank teller was held up at gunpoint at work. She reports anxiety and panic attacks since the ' +
      'robbery and has started counseling.',
    unmet:
      'A 33-year-old bank teller was held up at gunpoint at work. She reports anxiety and panic attacks since the ' +
      'robbery. She has taken diazepam for two years.',
    fails: 'short-term',
  },
  {
    topic: 'chronic-pain-2016.lidocaine-patch',
    request: 'Lidoderm 5% patch #30, one patch daily',
    met:
      'A 47-year-old cashier has chronic low back pain with radicular pain, numbness and tingling in the left leg. ' +
      'Gabapentin did not help and amitriptyline caused drowsiness.',
    unmet:
      'A 47-year-old cashier has chronic low back pain with radicular pain, numbness and tingling in the left leg. She ' +
      'has not tried gabapentin.',
    fails: 'first-line-tried',
  },
  {
    topic: 'chronic-pain-2016.topical-nsaids',
    request: 'Voltaren gel 1% for the right knee, 100 grams, apply twice daily',
    met:
      'A 63-year-old groundskeeper has right knee pain that worsens with kneeling. Oral anti-inflammatories upset his ' +
      'stomach. Diagnoses: osteoarthritis.',
    unmet:
      'A 63-year-old groundskeeper has right knee pain that worsens with kneeling. Oral anti-inflammatories upset his ' +
      'stomach. X-rays of the knee were normal and he does not have osteoarthritis.',
    fails: 'indication',
  },
  {
    topic: 'chronic-pain-2016.salicylate-topicals',
    request: 'Salonpas patch #60',
    met: 'A 52-year-old housekeeper has chronic low back pain and uses topical patches at night.',
    unmet: 'A 52-year-old housekeeper has chronic low back pain and uses topical patches at night.',
    unmetRequest: 'Salonpas patches (quantity unspecified)',
    fails: 'request-specific',
  },
  {
    topic: 'literature.pde5-inhibitors',
    request: 'Viagra 50mg #10, one tablet as needed',
    met:
      'A 54-year-old forklift operator has had erectile dysfunction since his lumbar fusion and while on opioids. ' +
      'Diagnoses: erectile dysfunction.',
    unmet: 'A 54-year-old forklift operator has chronic low back pain after a lumbar fusion.',
    fails: 'diagnosis',
  },
  // --------------------------------------------------------- physical medicine
  {
    topic: 'chronic-pain-2016.physical-medicine',
    request: 'Physical therapy for the low back, 2 times a week for 3 weeks',
    met:
      'A 42-year-old clerk has chronic low back pain for a year since a fall from a chair. She has difficulty sitting ' +
      'for more than 30 minutes. She has not had any physical therapy.',
    unmet:
      'A 42-year-old clerk has chronic low back pain for a year since a fall from a chair. She completed 8 sessions of ' +
      'physical therapy; physical therapy did not help.',
    fails: 'visits-within-guideline',
  },
  {
    topic: 'chronic-pain-2009.physical-medicine',
    request: 'Physical therapy for the low back, 2 times a week for 3 weeks',
    decisionDate: IN_2016,
    met:
      'A 36-year-old baker has chronic low back pain since slipping on flour. She has difficulty lifting trays. She has ' +
      'not had any physical therapy.',
    unmet:
      'A 36-year-old baker has chronic low back pain since slipping on flour. She completed 12 sessions of physical ' +
      'therapy; physical therapy did not help.',
    fails: 'visits-within-guideline',
  },
  {
    topic: 'acoem-2004-general.physical-methods',
    request: 'Occupational therapy for the right wrist, 6 sessions',
    injuryDate: '2017-02-06',
    met: 'A 29-year-old data entry clerk sprained her right wrist three weeks ago. She has difficulty gripping.',
    unmet:
      'A 29-year-old data entry clerk sprained her right wrist three weeks ago. She completed 8 sessions of ' +
      'occupational therapy; occupational therapy did not help.',
    fails: 'functional-improvement-from-prior',
  },
  {
    topic: 'acupuncture-2007.acupuncture',
    request: 'Acupuncture for the low back, 2 times a week for 3 weeks',
    met:
      'A 50-year-old seamstress has chronic low back pain. She performs a daily home exercise program and wants to ' +
      'reduce her pain medication. She has never had acupuncture.',
    unmet:
      'A 50-year-old seamstress has chronic low back pain. She performs a daily home exercise program. She completed 6 ' +
      'sessions of acupuncture last year; acupuncture did not help.',
    unmetRequest: 'Additional acupuncture for the low back, 2 times a week for 3 weeks',
    fails: 'functional-improvement-from-prior',
  },
  {
    topic: 'chronic-pain-2016.manual-therapy',
    request: 'Chiropractic treatment for the low back, 2 times a week for 3 weeks',
    met:
      'A 40-year-old plumber has chronic low back pain after crawling under a house. He has difficulty bending and ' +
      'lifting. He has not had chiropractic treatment.',
    unmet:
      'A 40-year-old plumber has chronic low back pain after crawling under a house. He completed 6 sessions of ' +
      'chiropractic treatment; chiropractic treatment did not help.',
    unmetRequest: 'Additional chiropractic treatment for the low back, 2 times a week for 3 weeks',
    fails: 'functional-improvement-from-prior',
  },
  {
    topic: 'chronic-pain-2016.massage',
    request: 'Massage therapy 1 time a week for 4 weeks',
    met:
      'A 37-year-old dental hygienist has chronic neck pain with tight trapezius muscles. She performs a daily home ' +
      'exercise program.',
    unmet:
      'A 37-year-old dental hygienist has chronic neck pain with tight trapezius muscles. She is not doing a home ' +
      'exercise program and has not had any physical therapy.',
    fails: 'adjunct',
  },
  {
    topic: 'chronic-pain-2016.tens',
    request: 'TENS unit for the low back, one month rental',
    met:
      'A 56-year-old janitor has chronic low back pain. She performs a daily home exercise program. Medications did ' +
      'not help.',
    unmet:
      'A 56-year-old janitor has chronic low back pain. She is not doing a home exercise program and has not had any ' +
      'physical therapy. Medications did not help.',
    fails: 'adjunct-to-restoration',
  },
  {
    topic: 'acoem-2004-low-back.heat-cold',
    request: 'Hot and cold packs for home use for the low back',
    met: 'A 30-year-old stocker strained her low back last month. She performs a daily home exercise program.',
    unmet: 'A 30-year-old stocker strained her low back last month. She performs a daily home exercise program.',
    unmetRequest: 'Infrared heat to the low back, 2 times a week for 6 weeks',
    fails: 'simple-applications',
  },
  {
    topic: 'acoem-2004-shoulder.eswt',
    request: 'Extracorporeal shockwave therapy for the right shoulder, 3 sessions',
    met:
      'A 50-year-old painter has right shoulder pain with overhead work. An MRI showed calcific tendinitis. Physical ' +
      'therapy did not help.',
    unmet:
      'A 50-year-old painter has right shoulder pain with overhead work. An MRI showed no calcific tendinitis. ' +
      'Physical therapy did not help.',
    fails: 'calcific-tendinitis',
  },
  {
    topic: 'postsurgical-2009.general',
    request: 'Post-op physical therapy, 12 sessions',
    met: 'A 45-year-old welder has a meniscus tear of the right knee. A right knee arthroscopy is scheduled.',
    unmet: 'A 45-year-old welder has right knee pain. He is managing with a home exercise program.',
    fails: 'surgery-certified',
  },
  // -------------------------------------------------------------- injections
  {
    topic: 'odg-low-back.facet-diagnostic-blocks',
    request: 'Medial branch block at left L4-L5',
    decisionDate: IN_2016,
    met:
      'A 60-year-old truck driver has axial low back pain that worsens with standing and twisting. She denies ' +
      'radicular pain, numbness or tingling. Straight leg raise is negative bilaterally. Facet loading is positive. ' +
      'She completed 12 sessions of physical therapy; physical therapy did not help.',
    unmet:
      'A 60-year-old truck driver has low back pain with radicular pain, numbness and tingling down the left leg. ' +
      'Straight leg raise is positive on the left. Facet loading is positive. She completed 12 sessions of physical ' +
      'therapy; physical therapy did not help.',
    fails: 'non-radicular',
  },
  {
    topic: 'acoem-2004-low-back.facet-injections',
    request: 'Facet joint injections at L4-L5 and L5-S1',
    metImpossible:
      'only a diagnostic block meets it, and a request naming one ("diagnostic", "medial branch") selects another topic',
    unmet:
      'A 60-year-old truck driver has axial low back pain that worsens with standing and twisting. She denies ' +
      'radicular pain, numbness or tingling. Straight leg raise is negative bilaterally. Facet loading is positive.',
    fails: 'diagnostic-not-therapeutic',
  },
  {
    topic: 'acoem-2004-low-back.epidural-steroid-injections',
    request: 'Lumbar epidural steroid injection at left L5-S1',
    met:
      'A 44-year-old loader has low back pain with radicular pain, numbness and tingling down the left leg. Straight ' +
      'leg raise is positive on the left and there is decreased sensation in a dermatomal distribution. An MRI showed a ' +
      'disc herniation compressing the nerve root. Physical therapy did not help.',
    unmet:
      'A 44-year-old loader has low back pain with radicular pain, numbness and tingling down the left leg. Straight ' +
      'leg raise is positive on the left and there is decreased sensation in a dermatomal distribution. EMG/NCS ' +
      'showed no radiculopathy. Physical therapy did not help.',
    fails: 'corroborated',
  },
  {
    topic: 'chronic-pain-2016.facet-blocks',
    request: 'Diagnostic medial branch block at bilateral L4-L5',
    met:
      'A 60-year-old truck driver has axial low back pain that worsens with standing and twisting. She denies radicular ' +
      'pain, numbness or tingling. Straight leg raise is negative bilaterally. Facet loading is positive.',
    unmet:
      'A 60-year-old truck driver has low back pain. She reports radicular pain with numbness and tingling down the ' +
      'right leg. Straight leg raise is positive on the right.',
    fails: 'non-radicular',
  },
  {
    topic: 'acoem-2004-low-back.radiofrequency-neurotomy',
    request: 'Radiofrequency neurotomy at right L4-L5 and L5-S1',
    met:
      'A 62-year-old farm worker has axial low back pain. She had a medial branch block last month; the medial branch ' +
      'block gave 80% pain relief.',
    unmet:
      'A 62-year-old farm worker has axial low back pain. She had a medial branch block last month; the medial branch ' +
      'block gave no pain relief.',
    fails: 'positive-mbb',
  },
  {
    topic: 'odg-knee.platelet-rich-plasma',
    request: 'Platelet rich plasma injection to the right knee',
    met: 'A 58-year-old flooring installer has right knee pain with kneeling. Diagnoses: osteoarthritis.',
    unmet: 'A 58-year-old flooring installer has right knee pain with kneeling. He does not have osteoarthritis.',
    fails: 'indication',
  },
  // ----------------------------------------------------------------- surgery
  {
    topic: 'acoem-2004-shoulder.surgical-considerations',
    request: 'Right shoulder arthroscopy with subacromial decompression',
    met:
      'A 53-year-old stocker has had right shoulder pain for eight months. Hawkins and Neer impingement signs are ' +
      'positive. An MRI showed impingement with tendinosis. He completed 12 sessions of physical therapy and had a ' +
      'cortisone injection; physical therapy did not help.',
    unmet:
      'A 53-year-old stocker has had right shoulder pain for eight months. Hawkins and Neer impingement signs are ' +
      'positive. He completed 12 sessions of physical therapy; physical therapy did not help.',
    fails: 'imaging-lesion',
  },
  {
    topic: 'acoem-2004-knee.surgical-considerations',
    request: 'Right knee arthroscopy with partial meniscectomy',
    met:
      'A 39-year-old mechanic twisted his right knee. He has locking episodes. McMurray\u2019s test is positive. An MRI ' +
      'showed a meniscus tear. He completed 8 sessions of physical therapy; physical therapy did not help.',
    unmet:
      'A 39-year-old mechanic twisted his right knee. McMurray\u2019s test is positive. An MRI showed no meniscus tear. He ' +
      'completed 8 sessions of physical therapy; physical therapy did not help.',
    fails: 'imaging-lesion',
  },
  // ------------------------------------------------- surgery-associated services
  {
    topic: 'odg-low-back.preoperative-lab-testing',
    request: 'Pre-op labs: CBC',
    age: 52,
    met: 'A 52-year-old welder has lumbar spinal stenosis. A lumbar fusion is scheduled. Diagnoses: hypertension.',
    unmet: 'A 52-year-old welder has lumbar spinal stenosis. A lumbar fusion is scheduled.',
    fails: 'cbc',
  },
  {
    topic: 'odg-low-back.preoperative-testing-general',
    request: 'Pre-op medical clearance',
    age: 58,
    met: 'A 58-year-old custodian has a meniscus tear of the left knee. A left knee arthroscopy is scheduled.',
    unmet: 'A 58-year-old custodian has left knee pain and is not a surgical candidate at this time.',
    fails: 'surgery-certified',
  },
  {
    topic: 'odg-shoulder.postoperative-sling',
    request: 'Associated surgical service: shoulder sling',
    met:
      'A 60-year-old framer has a massive rotator cuff tear on MRI. A right shoulder rotator cuff repair is scheduled. ' +
      'An MRI showed a massive rotator cuff tear.',
    unmet:
      'A 60-year-old framer has right shoulder pain. An MRI showed impingement with tendinosis. A right shoulder ' +
      'subacromial decompression is scheduled.',
    fails: 'large-repair',
  },
  {
    topic: 'odg-knee.continuous-flow-cryotherapy',
    request: 'Associated surgical service: cold therapy unit, 7 day supply',
    met: 'A 47-year-old carpenter has a medial meniscus tear. A right knee arthroscopy is scheduled.',
    unmet: 'A 47-year-old carpenter has a medial meniscus tear. A right knee arthroscopy is scheduled.',
    unmetRequest: 'Associated surgical service: cold therapy unit, 30 day supply',
    fails: 'up-to-seven-days',
  },
  // --------------------------------------------------------------- equipment
  {
    topic: 'acoem-2004-hand.splints',
    request: 'Right wrist splint, purchase',
    met:
      'A 44-year-old sorter has numbness in the right hand at night. Tinel\u2019s sign is positive. Diagnoses: carpal tunnel ' +
      'syndrome.',
    unmet: 'A 44-year-old sorter has right wrist pain. She does not have carpal tunnel syndrome.',
    fails: 'indication',
  },
  {
    topic: 'odg-neck.cervical-pillow',
    request: 'Cervical pillow',
    met: 'A 38-year-old office worker has chronic neck pain. She performs a daily home exercise program.',
    unmet:
      'A 38-year-old office worker has chronic neck pain. She is not doing a home exercise program and has not had any ' +
      'physical therapy.',
    fails: 'with-exercise',
  },
  // ---------------------------------------------- programs, visits, evaluations
  {
    topic: 'chronic-pain-2016.home-health-services',
    request: 'Home health aide 4 hours per day, 5 days a week for 4 weeks',
    metImpossible: 'the clinical reader does not read being homebound (or confined to bed) as a functional limitation',
    unmet:
      'A 66-year-old retired roofer has chronic low back pain. He drives himself to appointments and does his own ' +
      'shopping. He has difficulty walking more than one block.',
    fails: 'homebound',
  },
  {
    topic: 'chronic-pain-2016.office-visits',
    request: 'Referral to a spine surgeon for evaluation',
    met:
      'A 47-year-old driver has low back pain with radicular pain down the right leg. An MRI showed a disc herniation ' +
      'compressing the nerve root.',
    unmet: 'A 47-year-old driver says his back feels better. He is working full duty.',
    fails: 'clinical-need',
  },
  {
    topic: 'acoem-2004-general.functional-capacity-evaluation',
    request: 'Functional capacity evaluation',
    met:
      'A 51-year-old laborer has chronic low back pain and is off work. He has difficulty lifting more than 20 pounds ' +
      'and his employer asks whether he can return to his usual job.',
    unmet: 'A 51-year-old laborer has chronic low back pain. His work status was not documented.',
    fails: 'work-question',
  },
  {
    topic: 'chronic-pain-2016.psychological-treatment',
    request: 'Partial hospitalization program, 10 days',
    met:
      'A 45-year-old corrections officer has chronic pain and depression since an assault at work. She completed 6 ' +
      'sessions of cognitive behavioral therapy, which helped. She now reports suicidal ideation.',
    unmet:
      'A 45-year-old corrections officer has chronic pain since an assault at work. She denies anxiety or panic attacks ' +
      'and denies suicidal ideation.',
    fails: 'indication',
  },
  // ------------------------------------------ topics the guideline does not recommend
  {
    topic: 'chronic-pain-2016.topical-compounded',
    request: 'Compounded cream: Flurbiprofen 20%, Cyclobenzaprine 4%, Lidocaine 5% #1, 180 grams',
    unmet:
      'A 46-year-old packer has chronic low back pain with radicular pain, numbness and tingling in the left leg. ' +
      'Gabapentin did not help. Diagnoses: lumbar radiculopathy.',
    fails: 'each-ingredient-supported',
  },
  {
    topic: 'acoem-2004-low-back.lumbar-supports',
    request: 'Lumbar support brace, purchase',
    unmet: 'A 43-year-old warehouse worker has chronic low back pain and asks for a brace to wear at work.',
    fails: 'acute-phase',
  },
  {
    topic: 'odg-low-back.adhesiolysis',
    request: 'Percutaneous adhesiolysis, lumbar spine',
    unmet:
      'A 57-year-old mechanic has persistent leg pain after a lumbar fusion. The epidural steroid injection did not help.',
    fails: 'guideline-supports',
  },
  {
    topic: 'acoem-2007-elbow.immobilization-bracing',
    request: 'Left elbow brace, purchase',
    unmet: 'A 42-year-old mechanic has left lateral elbow pain from gripping tools. Diagnoses: lateral epicondylitis.',
    fails: 'after-surgery-or-strap',
  },
  {
    topic: 'acoem-2007-elbow.manipulation-and-therapy',
    request: 'Chiropractic manipulation for the left elbow, 6 sessions',
    unmet: 'A 42-year-old mechanic has left lateral elbow pain from gripping tools. Diagnoses: lateral epicondylitis.',
    fails: 'guideline-supports',
  },
  {
    topic: 'chronic-pain-2016.ultrasound-therapeutic',
    request: 'Therapeutic ultrasound, 2 times a week for 4 weeks',
    unmet: 'A 49-year-old carpenter has chronic right shoulder pain. He performs a daily home exercise program.',
    fails: 'guideline-supports',
  },
  {
    topic: 'chronic-pain-2016.low-level-laser',
    request: 'Low level laser therapy, 2 times a week for 3 weeks',
    unmet: 'A 49-year-old carpenter has chronic right shoulder pain. He performs a daily home exercise program.',
    fails: 'guideline-supports',
  },
  {
    topic: 'odg-low-back.shock-wave-therapy',
    request: 'Shockwave therapy for the low back, 3 sessions',
    unmet: 'A 55-year-old driver has chronic low back pain. Physical therapy did not help.',
    fails: 'guideline-supports',
  },
  {
    topic: 'odg-low-back.trigger-point-impedance-imaging',
    request: 'Trigger point impedance imaging',
    unmet: 'A 55-year-old driver has chronic low back pain with tender muscles. Physical therapy did not help.',
    fails: 'guideline-supports',
  },
  {
    topic: 'odg-low-back.hyperstimulation-analgesia',
    request: 'Localized intense neurostimulation therapy, 6 sessions',
    unmet: 'A 55-year-old driver has chronic low back pain with tender muscles. Physical therapy did not help.',
    fails: 'guideline-supports',
  },
  {
    topic: 'chronic-pain-2016.barbiturate-analgesics',
    request: 'Fioricet #30, one tablet every 6 hours as needed',
    unmet: 'A 40-year-old receptionist has headaches since a fall at work. Medications did not help.',
    fails: 'guideline-supports',
  },
];
