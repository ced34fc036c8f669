import type { Letter } from '../domain/letter.js';
import type { SyntheticStory } from './letter.js';
import { personName } from './names.js';
import type { Rng } from './rng.js';

/**
 * Invented medical records that read like the ones an IMR file holds: the primary treating
 * physician's progress reports (PR-2: subjective complaints, objective findings, diagnoses with
 * ICD-10 codes, medications with doses, plan and requests for authorization, work status) over
 * several visits, and the utilization review denial they led to. All wording is ours; the dates
 * follow the case (visits before the UR decision, after the injury). Everything is invented.
 */

export interface RecordParties {
  readonly employee: string;
  readonly claimNumber: string;
  readonly employer: string;
  readonly claimsAdministrator: string;
  readonly physician: string;
  readonly physicianGroup: string;
  readonly urOrganization: string;
}

/** ICD-10-CM codes of the diagnoses the letter generator writes. */
export const DIAGNOSIS_CODES: Readonly<Record<string, string>> = {
  'lumbar disc displacement': 'M51.26',
  'lumbar radiculopathy': 'M54.16',
  'cervical strain': 'S16.1XXD',
  'right shoulder impingement syndrome': 'M75.41',
  'left carpal tunnel syndrome': 'G56.02',
  'chronic pain syndrome': 'G89.4',
  'right knee medial meniscus tear': 'S83.241D',
  'lateral epicondylitis': 'M77.10',
  'myofascial pain': 'M79.18',
  'thoracic sprain': 'S23.3XXD',
  'post-laminectomy syndrome': 'M96.1',
  'depressive disorder secondary to chronic pain': 'F32.9',
  'insomnia related to pain': 'G47.00',
  'sacroiliac joint dysfunction': 'M53.3',
};

/** The ICD-10 code the form gives for a disputed treatment: its body part's diagnosis, else the first. */
export function diagnosisCodeFor(story: SyntheticStory): string {
  const first = story.diagnoses[0];
  return (first === undefined ? undefined : DIAGNOSIS_CODES[first]) ?? 'M54.50';
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
function usDate(day: number): string {
  const [y, m, d] = isoOf(day).split('-');
  return `${m}/${d}/${y}`;
}

const MEDICATIONS = [
  'Norco (hydrocodone/acetaminophen) 10/325 mg, 1 tablet by mouth every 6 hours as needed for pain, #120',
  'Tramadol ER 150 mg, 1 tablet by mouth daily, #30',
  'Naproxen sodium 550 mg, 1 tablet by mouth twice daily with food, #60',
  'Gabapentin 300 mg, 1 capsule by mouth three times daily, #90',
  'Cyclobenzaprine 7.5 mg, 1 tablet by mouth at bedtime as needed for spasm, #30',
  'Omeprazole 20 mg, 1 capsule by mouth daily for gastric protection, #30',
  'Lidocaine 5% patch, apply 1 patch 12 hours on and 12 hours off, #30',
  'Duloxetine 30 mg, 1 capsule by mouth daily, #30',
  'Trazodone 50 mg, 1 tablet by mouth at bedtime as needed for sleep, #30',
];

const WORK = [
  'Modified duty: no lifting over 15 pounds, no repetitive bending or stooping, change positions as needed.',
  'Temporarily totally disabled until the next visit.',
  'Return to full duty without restrictions.',
  'Modified duty: no overhead work with the affected arm, no lifting over 10 pounds.',
  'Permanent and stationary work restrictions as previously given remain in effect.',
];

function pages(title: string, sections: readonly string[][]): string {
  const total = sections.length;
  return sections.map((lines, i) => [`${title} — page ${i + 1} of ${total}`, '', ...lines].join('\n')).join('\n\n\f\n');
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=\.) (?=[A-Z])/).filter((s) => !/^Utilization review on /.test(s));
}

/**
 * PR-2 progress reports, one per visit (the last one requests the disputed treatments), each laid out
 * over pages: header, subjective complaints, objective findings, diagnoses, medications, plan, work
 * status, signature.
 */
export function progressReports(
  r: Rng,
  letter: Letter,
  story: SyntheticStory,
  parties: RecordParties,
  requests: readonly string[],
  visits = 3,
): { date: string; text: string }[] {
  const urDay = dayOf(story.urDate);
  const injuryDay = dayOf(story.injuryDate);
  const history = sentencesOf(letter.clinicalSummary);
  const meds = r.sample(MEDICATIONS, r.int(2, 4));
  const pron = story.sex === 'male' ? 'He' : 'She';
  const out: { date: string; text: string }[] = [];
  for (let v = 0; v < visits; v += 1) {
    const last = v === visits - 1;
    // Roughly monthly visits, the last a week or two before the UR decision.
    const day = Math.max(injuryDay + 14, urDay - r.int(7, 14) - (visits - 1 - v) * r.int(26, 35));
    const pain = r.int(4, 8);
    const header = [
      "PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)",
      `${last ? '[X] Request for authorization  ' : ''}[X] Periodic report    [ ] Change in work status`,
      '',
      `Patient: ${parties.employee}    Sex: ${story.sex === 'male' ? 'M' : 'F'}    Age: ${story.age}`,
      `Claim number: ${parties.claimNumber}    Date of injury: ${usDate(injuryDay)}`,
      `Employer: ${parties.employer}    Occupation: ${story.occupation}`,
      `Claims administrator: ${parties.claimsAdministrator}`,
      `Date of examination: ${usDate(day)}`,
      `Treating physician: ${parties.physician}, ${parties.physicianGroup}`,
    ];
    const subjective = [
      'SUBJECTIVE COMPLAINTS',
      `${pron} returns for follow-up of ${story.bodyPart} pain. Pain is rated ${pain}/10 today, ${Math.max(2, pain - 3)}/10 at best with medication and ${Math.min(10, pain + 2)}/10 without it.`,
      `${pron} reports ${r.pick(['no change', 'slight improvement', 'worsening'])} since the visit of ${usDate(day - r.int(26, 35))}, with sleep disturbed ${r.int(2, 5)} nights a week and sitting tolerance of about ${r.int(15, 45)} minutes.`,
      ...(v === 0 ? history.slice(0, Math.ceil(history.length / 2)) : history.slice(Math.ceil(history.length / 2))),
    ];
    const objective = [
      'OBJECTIVE FINDINGS',
      `Vital signs: BP ${r.int(112, 142)}/${r.int(70, 90)}, pulse ${r.int(62, 88)}, weight ${r.int(128, 236)} lb.`,
      `Inspection: ${r.pick(['no acute distress', 'guarded movements', 'antalgic gait'])}. Tenderness to palpation over the ${story.bodyPart}.`,
      `Range of motion of the ${story.bodyPart}: flexion ${r.int(30, 80)} degrees, extension ${r.int(5, 25)} degrees, limited by pain.`,
      `Motor strength ${r.pick(['5/5', '5-/5', '4+/5'])} in the affected limb; reflexes ${r.pick(['2+ and symmetric', 'diminished at the ankle'])}; sensation ${r.pick(['intact to light touch', 'decreased in a dermatomal pattern'])}.`,
    ];
    const diagnoses = [
      'ASSESSMENT (DIAGNOSES)',
      ...story.diagnoses.map((d, i) => `${i + 1}. ${DIAGNOSIS_CODES[d] ?? ''} ${d}`.replace('  ', ' ')),
    ];
    const medications = ['CURRENT MEDICATIONS', ...meds.map((m) => `- ${m}`)];
    const plan = [
      'TREATMENT PLAN',
      `Continue the home exercise program and the medications as listed; ${r.pick(['review side effects at each visit', 'urine drug screen at the next visit', 'pain agreement on file'])}.`,
      ...(last
        ? [
            'Request for authorization (DWC Form RFA attached) for:',
            ...requests.map((q, i) => `${i + 1}. ${q} — diagnosis ${diagnosisCodeFor(story)}`),
          ]
        : ['No new requests at this visit.']),
      `Follow-up in ${r.pick([4, 4, 6])} weeks.`,
    ];
    const work = ['WORK STATUS', r.pick(WORK)];
    const signature = [
      `${parties.physician}`,
      `Signed on ${usDate(day + r.int(0, 2))}, declared under penalty of perjury as Labor Code 4628 requires of the treating physician's report.`,
    ];
    out.push({
      date: isoOf(day),
      text: pages('PR-2', [
        [...header, '', ...subjective],
        [...objective, '', ...diagnoses, '', ...medications],
        [...plan, '', ...work, '', ...signature],
      ]),
    });
  }
  return out;
}

const UR_REASONS = [
  'The records do not document a measurable gain in function or a reduction in the use of other care from the treatment so far.',
  'The guideline criteria for this request are not documented as met in the most recent report.',
  'No objective findings are documented that would change the treatment plan.',
  'The quantity requested exceeds what the guideline supports without a reassessment.',
];

/** The UR denial the application disputes, dated on the case's UR date, naming every disputed request. */
export function urDenial(
  r: Rng,
  story: SyntheticStory,
  parties: RecordParties,
  requests: readonly string[],
  rfaDate: string,
): string {
  const urDay = dayOf(story.urDate);
  const reviewer = `Dr. ${personName(r)}`;
  const lines = [
    `${parties.urOrganization}`,
    'UTILIZATION REVIEW DETERMINATION — NON-CERTIFICATION',
    '',
    `Date of determination: ${usDate(urDay)}    Request received: ${usDate(dayOf(rfaDate) + r.int(1, 3))}`,
    `Employee: ${parties.employee}    Claim number: ${parties.claimNumber}    Date of injury: ${usDate(dayOf(story.injuryDate))}`,
    `Requesting physician: ${parties.physician}    Claims administrator: ${parties.claimsAdministrator}`,
    '',
    'REQUESTS REVIEWED',
    ...requests.map((q, i) => `${i + 1}. ${q}: NON-CERTIFIED`),
    '',
    'CLINICAL SUMMARY',
    `The ${story.age}-year-old ${story.sex} ${story.occupation} was injured on ${usDate(dayOf(story.injuryDate))}. Diagnoses: ${story.diagnoses.join('; ')}. The progress report of ${usDate(dayOf(rfaDate))} requests the items above.`,
    '',
    'BASIS FOR THE DETERMINATION',
    'California Medical Treatment Utilization Schedule (MTUS), 8 CCR 9792.20 et seq., and the guideline chapter for the body part; Official Disability Guidelines (ODG) where the MTUS is silent.',
    ...requests.map((q) => `${q}: ${r.pick(UR_REASONS)}`),
    '',
    `Physician reviewer: ${reviewer}, board certified; licensed in California.`,
    '',
    'YOUR RIGHT TO INDEPENDENT MEDICAL REVIEW',
    'If you disagree with this decision you may ask for Independent Medical Review by signing and sending the enclosed DWC Form IMR with a copy of this decision within 30 days of its service (10 days for a pharmacy formulary dispute; five more days if it was served by mail).',
  ];
  return pages('UR determination', [lines.slice(0, 17), lines.slice(17)]);
}
