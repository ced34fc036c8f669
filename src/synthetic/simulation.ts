import type { NewAffiliation, NewCredential, NewExpertReviewer } from '../domain/case.js';
import type { CaseTimelineInput, Extension, NoticeMethod, ServiceMethod, TerminationReason } from '../domain/clocks.js';
import type { ImrError } from '../domain/errors.js';
import type { Basis, Decision } from '../domain/letter.js';
import type { Result } from '../domain/result.js';
import {
  type Affiliation,
  type Party,
  type PartyRole,
  type Profession,
  type ReviewerInput,
  SPECIALTY_LABELS,
  type Specialty,
  type TreatmentKind,
} from '../reviewers/index.js';
import { affiliations, credentials, reviewers, type Store } from '../store/index.js';
import type { Actor } from '../workflow/actor.js';
import type { ExtensionReason } from '../workflow/case-events.js';
import type { ReceiveApplicationInput } from '../workflow/intake.js';
import type { Workflow, WorkflowService } from '../workflow/workflow.js';
import { city as cityName, organizationName, personName, streetAddress } from './names.js';
import { Rng } from './rng.js';

/**
 * A deterministic world for the simulation and the benchmark: reviewers (licenses, specialties,
 * affiliations with some of the parties) and cases (parties, dates, service methods, expedited and
 * formulary shares, ineligible and deferred applications, duplicates, conflicts), each case with the
 * schedule of what happens to it and when. The same seed gives the same world. Everything is
 * invented: names are drawn from lists of common California given names and surnames (names.ts).
 *
 * Shares (fact sheet §3): ~92% of applications eligible (§3.2: 90–93.5%); 1.6–2.2 items per letter
 * (§3.1); ~11% of items overturned (§3.3); a third of disputes over drugs (§3.4: 31–36%), taken as
 * formulary disputes; expedited review rare (§3.7: no figure, every sampled letter standard) — 1%
 * at intake and 0.5% converted. Reviewers (§3.6): 63% California-licensed; occupational medicine,
 * family practice and PM&R lead.
 */

// ---------------------------------------------------------------------------------------------
// Randomness

function orgName(r: Rng, suffixes: readonly string[]): string {
  return organizationName(r, suffixes);
}

// ---------------------------------------------------------------------------------------------
// Days and instants

const DAY_MS = 86_400_000;
const dayMs = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const isoAt = (ms: number): string => new Date(ms).toISOString();
/** An instant on the given UTC day during California office hours (16:00–23:59 UTC). */
const officeHour = (r: Rng, day: string): number => dayMs(day) + (16 + r.int(0, 7)) * 3_600_000 + r.int(0, 59) * 60_000;

// ---------------------------------------------------------------------------------------------
// Reviewers

export interface SimReviewer {
  /** In the reviewers module's shape; `id` is set to the store id once seeded. */
  readonly spec: ReviewerInput & { id: string };
  readonly record: NewExpertReviewer;
  readonly credentials: readonly Omit<NewCredential, 'reviewerId'>[];
  readonly affiliations: readonly Omit<NewAffiliation, 'reviewerId'>[];
  readonly active: boolean;
}

interface Pools {
  readonly employers: readonly string[];
  readonly claimsAdministrators: readonly string[];
  readonly insurers: readonly string[];
  readonly physicians: readonly { name: string; group: string }[];
  readonly firms: readonly { attorney: string; firm: string }[];
  readonly urOrganizations: readonly string[];
  readonly urReviewers: readonly string[];
}

function pools(r: Rng): Pools {
  return {
    employers: Array.from({ length: 120 }, () =>
      orgName(r, [
        'Packing Co.',
        'Logistics Inc.',
        'Foods LLC',
        'Builders Inc.',
        'Farms',
        'Unified School District',
        'Health System',
        'Markets Inc.',
      ]),
    ),
    claimsAdministrators: Array.from({ length: 25 }, () =>
      orgName(r, ['Claims Services', 'Risk Management', 'Administrators Inc.']),
    ),
    insurers: Array.from({ length: 20 }, () => orgName(r, ['Insurance Company', 'Mutual Insurance', 'Casualty Co.'])),
    physicians: Array.from({ length: 300 }, () => ({
      name: `Dr. ${personName(r)}`,
      group: orgName(r, ['Spine Center', 'Orthopedic Group', 'Pain Institute', 'Medical Group']),
    })),
    firms: Array.from({ length: 80 }, () => {
      const attorney = personName(r);
      return { attorney, firm: `Law Offices of ${attorney}` };
    }),
    urOrganizations: Array.from({ length: 12 }, () => orgName(r, ['Review Partners', 'Utilization Review Inc.'])),
    urReviewers: Array.from({ length: 60 }, () => `Dr. ${personName(r)}`),
  };
}

const MD_SPECIALTIES: readonly (readonly [Specialty, number])[] = [
  ['occupational-medicine', 31],
  ['family-medicine', 26],
  ['physical-medicine-rehabilitation', 20],
  ['internal-medicine', 8],
  ['orthopedic-surgery', 6],
  ['pain-medicine', 4],
  ['psychiatry', 3],
  ['neurology', 2],
];
const SECOND_SPECIALTIES: readonly Specialty[] = [
  'pain-medicine',
  'sports-medicine',
  'preventive-medicine',
  'rheumatology',
];
const OTHER_STATES = ['AZ', 'NV', 'OR', 'WA', 'TX', 'NY', 'FL', 'IL', 'NC', 'PA', 'OH', 'CO'];

/**
 * The first reviewers of every world cover the specialties its injuries need, so a small pool (the
 * demo's 40) still has someone for a psychological claim or a surgery: a psychiatrist, a psychologist
 * and an orthopedic surgeon. The rest follow the shares above.
 */
const ROSTER: readonly (readonly [Profession, Specialty])[] = [
  ['medical-doctor', 'psychiatry'],
  ['psychologist', 'psychology'],
  ['medical-doctor', 'orthopedic-surgery'],
];

function simReviewer(r: Rng, p: Pools, index: number): SimReviewer {
  const name = `Dr. ${personName(r)}`;
  const drawn = r.weighted<Profession>([
    ['medical-doctor', 80],
    ['osteopathic-doctor', 10],
    ['chiropractor', 4],
    ['psychologist', 3],
    ['acupuncturist', 3],
  ]);
  const rostered = ROSTER[index];
  const profession = rostered?.[0] ?? drawn;
  const md = profession === 'medical-doctor' || profession === 'osteopathic-doctor';
  const drawnSpecialty = md ? r.weighted(MD_SPECIALTIES) : undefined;
  const primary: Specialty =
    rostered !== undefined
      ? rostered[1]
      : md && drawnSpecialty !== undefined
        ? drawnSpecialty
        : profession === 'chiropractor'
          ? 'chiropractic'
          : profession === 'psychologist'
            ? 'psychology'
            : 'acupuncture';
  const specialties: Specialty[] = [primary];
  const subspecialties: Specialty[] =
    md && r.chance(0.3) ? [r.pick(SECOND_SPECIALTIES.filter((s) => s !== primary))] : [];
  const states = new Set<string>();
  if (r.chance(0.63)) states.add('CA');
  const others = states.size === 0 ? r.int(1, 2) : r.int(0, 1);
  for (let i = 0; i < others; i++) states.add(r.pick(OTHER_STATES));
  const expiredLicence = r.chance(0.01);
  const qme = r.chance(0.04);
  const junior = r.chance(0.03);
  const partTime = r.chance(0.03);
  const disciplined = r.chance(0.02);
  const active = !r.chance(0.03);
  const since = junior ? `20${r.int(21, 23)}-0${r.int(1, 9)}-01` : `${r.int(1982, 2016)}-0${r.int(1, 9)}-15`;
  const hours = partTime ? r.int(8, 20) : r.int(24, 50);

  const storeAffs: Omit<NewAffiliation, 'reviewerId'>[] = [];
  const specAffs: Affiliation[] = [];
  if (r.chance(0.4)) {
    const employer = r.pick(p.employers);
    storeAffs.push({ organizationName: employer, kind: 'employer', relationship: 'employment' });
    specAffs.push({
      kind: 'organization',
      name: employer,
      aliases: [],
      relationship: 'employment',
      academicMedicalCenter: false,
    });
  }
  if (r.chance(0.15)) {
    const insurer = r.pick(p.insurers);
    storeAffs.push({ organizationName: insurer, kind: 'insurer', relationship: 'consulting' });
    specAffs.push({
      kind: 'organization',
      name: insurer,
      aliases: [],
      relationship: 'consulting',
      academicMedicalCenter: false,
    });
  }
  if (r.chance(0.1)) {
    const ca = r.pick(p.claimsAdministrators);
    storeAffs.push({ organizationName: ca, kind: 'financial', relationship: 'officer-or-director' });
    specAffs.push({
      kind: 'organization',
      name: ca,
      aliases: [],
      relationship: 'officer-or-director',
      academicMedicalCenter: false,
    });
  }
  if (r.chance(0.1)) {
    const physician = r.pick(p.physicians);
    const bare = physician.name.replace(/^Dr\. /, '');
    storeAffs.push({ organizationName: physician.group, kind: 'family', relationship: 'spouse', personName: bare });
    specAffs.push({
      kind: 'person',
      name: bare,
      relation: 'spouse',
      organization: { name: physician.group, aliases: [] },
    });
  }

  const licenceStatus: 'expired' | 'active' = expiredLicence ? 'expired' : 'active';
  return {
    spec: {
      id: `sim-${index}`,
      name,
      profession,
      licences: [...states].map((state) => ({ state, status: licenceStatus, restricted: false })),
      boardCertifications: md
        ? [{ board: `American Board of ${SPECIALTY_LABELS[primary]}`, specialty: primary, status: 'current' }]
        : [],
      specialties,
      subspecialties,
      activePracticeSince: since,
      weeklyClinicalHours: hours,
      disciplinaryActions: disciplined ? [{ date: '1970-01-01', kind: 'sanction', status: 'final' }] : [],
      qme: qme ? { certified: true } : { certified: false },
      affiliations: specAffs,
    },
    record: {
      name,
      profession,
      activePracticeSince: since,
      weeklyClinicalHours: hours,
      qmeStatus: qme ? 'certified' : 'none',
      disciplinaryHistory: disciplined,
      active,
    },
    credentials: [
      ...[...states].map((state) => ({
        type: 'licence' as const,
        name: 'Physician and Surgeon',
        state,
        status: licenceStatus,
      })),
      ...(md
        ? [
            {
              type: 'board-certification' as const,
              name: SPECIALTY_LABELS[primary],
              issuer: `American Board of ${SPECIALTY_LABELS[primary]}`,
              status: 'active' as const,
            },
          ]
        : []),
      ...specialties.map((s) => ({ type: 'specialty' as const, name: SPECIALTY_LABELS[s], status: 'active' as const })),
      ...subspecialties.map((s) => ({
        type: 'subspecialty' as const,
        name: SPECIALTY_LABELS[s],
        status: 'active' as const,
      })),
    ],
    affiliations: storeAffs,
    active,
  };
}

// ---------------------------------------------------------------------------------------------
// Cases

interface Treatment {
  readonly request: string;
  readonly kind: TreatmentKind;
  /** The primary diagnosis the form gives for it (ICD-10-CM). */
  readonly icd?: string;
}

const DRUGS: readonly Treatment[] = [
  { request: 'Norco 10/325mg #90', kind: 'medication' },
  { request: 'Gabapentin 600mg #60', kind: 'medication' },
  { request: 'Cyclobenzaprine 7.5mg #30', kind: 'medication' },
  { request: 'Lidoderm 5% patch #30', kind: 'medication' },
  { request: 'Tramadol ER 150mg #30', kind: 'medication' },
  { request: 'Omeprazole 20mg #60', kind: 'medication' },
];

/**
 * One injury per case, as real claims are: the body region's diagnosis codes and the treatments a
 * treating physician asks for it. Drugs go with any injury (their diagnosis is the injury's).
 */
interface Injury {
  readonly icd: readonly string[];
  readonly treatments: readonly Treatment[];
}

const INJURIES: readonly (readonly [Injury, number])[] = [
  [
    {
      icd: ['M54.5', 'M51.26', 'S39.012A', 'M54.16'],
      treatments: [
        { request: 'Lumbar epidural steroid injection L4-5', kind: 'injection' },
        { request: 'Physical therapy 2x6 lumbar spine', kind: 'therapy' },
        { request: 'Chiropractic 2x4 lumbar spine', kind: 'chiropractic' },
        { request: 'MRI lumbar spine without contrast', kind: 'imaging' },
        { request: 'TENS unit purchase', kind: 'equipment' },
        { request: 'Functional restoration program x10 days', kind: 'program' },
        { request: 'Pain management consultation', kind: 'consultation' },
        { request: 'Urine drug screen', kind: 'laboratory' },
      ],
    },
    40,
  ],
  [
    {
      icd: ['M54.2', 'M50.20', 'S13.4XXA'],
      treatments: [
        { request: 'Acupuncture x6 cervical spine', kind: 'acupuncture' },
        { request: 'Physical therapy 2x6 cervical spine', kind: 'therapy' },
        { request: 'MRI cervical spine without contrast', kind: 'imaging' },
        { request: 'EMG/NCV bilateral upper extremities', kind: 'electrodiagnostic' },
        { request: 'Cervical epidural steroid injection C5-6', kind: 'injection' },
      ],
    },
    20,
  ],
  [
    {
      icd: ['M17.12', 'S83.242A', 'M23.222'],
      treatments: [
        { request: 'MRI left knee without contrast', kind: 'imaging' },
        { request: 'Physical therapy 2x6 left knee', kind: 'therapy' },
        { request: 'Left knee arthroscopy with partial meniscectomy', kind: 'surgery' },
        { request: 'Hinged left knee brace', kind: 'equipment' },
      ],
    },
    15,
  ],
  [
    {
      icd: ['M75.101', 'S46.011A', 'M75.41'],
      treatments: [
        { request: 'Right shoulder arthroscopy', kind: 'surgery' },
        { request: 'Physical therapy 2x6 right shoulder', kind: 'therapy' },
        { request: 'MRI right shoulder without contrast', kind: 'imaging' },
        { request: 'Right shoulder subacromial injection', kind: 'injection' },
      ],
    },
    15,
  ],
  [
    {
      icd: ['F43.10', 'F32.1', 'F41.1'],
      treatments: [
        { request: 'Cognitive behavioral therapy x6 sessions for depression', kind: 'psychological' },
        { request: 'Psychological evaluation for depression and anxiety', kind: 'psychological' },
      ],
    },
    10,
  ],
];

export type Design = 'eligible' | 'late' | 'unsigned' | 'no-ur-copy' | 'deferred';
export type SimStep =
  | 'receive'
  | 'duplicate'
  | 'invalid'
  | 'screen'
  | 'rescreen'
  | 'conflicted'
  | 'assign'
  | 'notice'
  | 'convert'
  | 'records'
  | 'extend'
  | 'determine'
  | 'issue'
  | 'close'
  | 'terminate';

export interface SimEvent {
  readonly caseIndex: number;
  readonly step: SimStep;
  /** Epoch milliseconds. */
  readonly at: number;
  /** Which panel member decides (determine). */
  readonly member?: number;
}

export interface SimCase {
  readonly index: number;
  readonly caseNumber: string;
  readonly design: Design;
  readonly kind: 'regular' | 'formulary';
  readonly initialPriority: 'standard' | 'expedited';
  readonly servedOn: string;
  readonly serviceMethod: ServiceMethod;
  readonly noticeMethod: NoticeMethod;
  readonly intake: ReceiveApplicationInput;
  readonly treatments: readonly Treatment[];
  readonly decisions: readonly Decision[];
  /** Items whose engine recommendation the reviewer departs from. */
  readonly overrides: readonly boolean[];
  readonly panel: boolean;
  readonly extension: { readonly days: number; readonly reason: ExtensionReason } | undefined;
  readonly termination: TerminationReason | undefined;
  /** A reviewer (store id after seeding) employed by the case's employer, tried by name before the automatic choice. */
  conflictedReviewerIndex: number | undefined;
  /** Every party, as the conflict screen sees them (roles of src/reviewers). */
  readonly parties: readonly Party[];
  /** Names and numbers that must never appear in the public copy. */
  readonly secrets: readonly string[];
  readonly events: readonly SimEvent[];
}

export interface World {
  readonly reviewers: readonly SimReviewer[];
  readonly cases: readonly SimCase[];
  /** Every scheduled event up to `now`, in time order. */
  readonly events: readonly SimEvent[];
  readonly now: string;
}

export interface WorldOptions {
  readonly seed: number;
  readonly cases: number;
  readonly reviewers: number;
  /** The simulation's fixed "now". */
  readonly now: string;
  /** Days over which applications arrive, ending at `now`. */
  readonly days: number;
}

const BASIS: Basis = {
  usedMtus: true,
  citations: [{ source: 'MTUS', text: 'Chronic Pain Medical Treatment Guidelines', sections: 'General approaches' }],
  raw: '',
};

function simCase(
  r: Rng,
  p: Pools,
  index: number,
  o: WorldOptions,
  nowMs: number,
  employerReviewers: Map<string, number[]>,
): SimCase {
  const kind = r.chance(1 / 3) ? 'formulary' : 'regular';
  const initialPriority = r.chance(0.01) ? 'expedited' : 'standard';
  const design = r.weighted<Design>([
    ['eligible', 92],
    ['late', 3],
    ['unsigned', 2],
    ['no-ur-copy', 1],
    ['deferred', 2],
  ]);
  const serviceMethod = r.weighted<ServiceMethod>([
    ['mail', 60],
    ['electronic', 35],
    ['personal', 5],
  ]);
  const noticeMethod: NoticeMethod = r.chance(0.6) ? 'electronic' : 'mail';
  const receivedMs = officeHour(r, isoDay(nowMs - r.int(1, o.days) * DAY_MS));
  const period = (kind === 'formulary' ? 10 : 30) + (serviceMethod === 'mail' ? 5 : 0);
  const servedOn = isoDay(
    dayMs(isoDay(receivedMs)) - (design === 'late' ? period + r.int(6, 25) : r.int(1, period - 1)) * DAY_MS,
  );
  const urDate = isoDay(dayMs(servedOn) - r.int(0, 2) * DAY_MS);
  const count = r.weighted<number>([
    [1, 55],
    [2, 30],
    [3, 10],
    [4, 5],
  ]);
  const injury = r.weighted(INJURIES);
  const pool = kind === 'formulary' ? DRUGS : r.chance(0.25) ? [...DRUGS, ...injury.treatments] : injury.treatments;
  const picked: Treatment[] = [];
  while (picked.length < Math.min(count, pool.length)) {
    const t = r.pick(pool);
    if (!picked.includes(t)) picked.push(t);
  }
  const treatments = picked.map((t) => ({ ...t, icd: r.pick(injury.icd) }));
  const decisions = treatments.map((): Decision => (r.chance(0.11) ? 'Overturned' : 'Upheld'));
  const overrides = treatments.map(() => r.chance(0.1));

  const sex = r.chance(0.45) ? 'female' : 'male';
  const employee = personName(r, sex);
  const employer = r.pick(p.employers);
  const ca = r.pick(p.claimsAdministrators);
  const insurer = r.pick(p.insurers);
  const physician = r.pick(p.physicians);
  const represented = r.chance(0.8);
  const firm = r.pick(p.firms);
  const urOrg = r.pick(p.urOrganizations);
  const urReviewer = r.pick(p.urReviewers);
  const claim = `SC-${String(2_000_000 + index * 7919).padStart(8, '0')}`;
  const dob = `${r.int(1958, 1998)}-0${r.int(1, 9)}-${String(r.int(10, 28))}`;
  const street = streetAddress(r);
  const city = cityName(r);

  const parties: Party[] = [
    { role: 'employee', name: employee, aliases: [] },
    { role: 'employer', name: employer, aliases: [] },
    { role: 'claims-administrator', name: ca, aliases: [] },
    { role: 'insurer', name: insurer, aliases: [] },
    { role: 'requesting-physician', name: physician.name, aliases: [] },
    { role: 'physician-group', name: physician.group, aliases: [] },
    { role: 'ur-organization', name: urOrg, aliases: [] },
    { role: 'ur-reviewer', name: urReviewer, aliases: [] },
    ...(represented
      ? [
          { role: 'employee-attorney' as PartyRole, name: firm.attorney, aliases: [] },
          { role: 'employee-attorney' as PartyRole, name: firm.firm, aliases: [] },
        ]
      : []),
  ];
  const form = [
    'APPLICATION FOR INDEPENDENT MEDICAL REVIEW (DWC Form IMR)',
    `Employee: ${employee}    Date of birth: ${dob}    Claim number: ${claim}`,
    `Address: ${street}, ${city}, CA 9${r.int(1000, 6199)}`,
    `Employer: ${employer}    Claims administrator: ${ca}`,
    `Requesting physician: ${physician.name}, ${physician.group}`,
    `Disputed: ${treatments.map((t) => t.request).join('; ')}`,
  ].join('\n');
  const intake: ReceiveApplicationInput = {
    caseNumber: `CM${isoDay(receivedMs).slice(2, 4)}-${String(index + 1).padStart(7, '0')}`,
    receivedAt: isoAt(receivedMs),
    kind,
    application: {
      urType: initialPriority === 'expedited' ? 'expedited' : 'regular',
      employeeName: employee,
      claimNumber: claim,
      injuryDate: `${r.int(2019, 2023)}-0${r.int(1, 9)}-${String(r.int(10, 28))}`,
      urDecisionDate: urDate,
      employeeDob: dob,
      employeeAddress: { lines: [street], city, state: 'CA' },
      requestingPhysicianName: physician.name,
      employerName: employer,
      claimsAdministratorName: ca,
      disputedTreatments: treatments.map((t) => ({ treatment: t.request, primaryDiagnosisIcd: t.icd })),
      alsoDisputedForOtherReasons: design === 'deferred',
      deniedForMissingInformation: false,
      signaturePresent: design !== 'unsigned',
      consentToRecords: true,
      urDecisionAttached: design !== 'no-ur-copy',
      urServiceMethod: serviceMethod,
      filedBy: represented ? 'representative' : 'employee',
    },
    urDecision: {
      decisionDate: urDate,
      serviceDate: servedOn,
      serviceMethod,
      reviewerName: urReviewer,
      organization: urOrg,
      outcome: 'denied',
      items: treatments.map((t) => ({ request: t.request, outcome: 'denied' as const })),
    },
    parties: [
      { role: 'insurer', name: insurer },
      { role: 'requesting-physician', name: physician.name, organization: physician.group },
      ...(represented ? [{ role: 'representative' as const, name: firm.attorney, organization: firm.firm }] : []),
    ],
    items: treatments.map((t) => ({ category: t.kind, claimsAdministratorBasis: BASIS })),
    documents: [
      { title: 'DWC Form IMR', kind: 'application', mime: 'text/plain', bytes: new TextEncoder().encode(form) },
    ],
    patient: { sex },
  };

  // The schedule.
  const events: SimEvent[] = [];
  const at = (step: SimStep, ms: number, member?: number) => {
    events.push({ caseIndex: index, step, at: ms, ...(member === undefined ? {} : { member }) });
    return ms;
  };
  const hours = (h: number) => h * 3_600_000;
  let t = at('receive', receivedMs);
  if (r.chance(0.01)) at('invalid', t + hours(1));
  if (design === 'eligible' && r.chance(0.01)) at('duplicate', t + hours(r.int(20, 70)));
  t = at('screen', t + hours(r.int(20, 72)));
  let conflictedReviewerIndex: number | undefined;
  const termination = r.chance(0.03)
    ? r.weighted<TerminationReason>([
        ['treatment-authorized', 50],
        ['request-withdrawn', 35],
        ['settled', 15],
      ])
    : undefined;
  const terminateAfter = r.pick(['screen', 'assign', 'notice', 'records'] as const);
  const panel = r.chance(0.005);
  const extension = r.chance(0.02)
    ? { days: r.int(1, 3), reason: r.pick(['extraordinary-circumstances', 'good-cause'] as const) }
    : undefined;
  const converts = initialPriority === 'standard' && r.chance(0.005);
  const expedited = initialPriority === 'expedited';

  if (design === 'deferred') {
    if (r.chance(0.5)) t = at('rescreen', t + hours(r.int(5, 20) * 24));
    else return finish();
  } else if (design !== 'eligible') {
    return finish();
  }
  if (termination !== undefined && terminateAfter === 'screen') {
    at('terminate', t + hours(r.int(2, 48)));
    return finish();
  }
  const candidates = employerReviewers.get(employer) ?? [];
  if (candidates.length > 0 && r.chance(0.05)) {
    conflictedReviewerIndex = r.pick(candidates);
    at('conflicted', t + hours(1));
  }
  t = at('assign', t + hours(r.int(2, 20)));
  if (termination !== undefined && terminateAfter === 'assign') {
    at('terminate', t + hours(r.int(2, 48)));
    return finish();
  }
  t = at('notice', t + hours(r.int(1, 20)));
  if (termination !== undefined && terminateAfter === 'notice') {
    at('terminate', t + hours(r.int(24, 240)));
    return finish();
  }
  if (converts) t = at('convert', t + hours(r.int(2, 72)));
  t = at('records', t + (expedited || converts ? hours(r.int(4, 30)) : hours(r.int(2, 18) * 24 + r.int(0, 8))));
  if (termination !== undefined) {
    at('terminate', t + hours(r.int(24, 240)));
    return finish();
  }
  const decisionDelay =
    expedited || converts
      ? hours(r.int(6, 60))
      : kind === 'formulary'
        ? hours(r.int(1, 6) * 24)
        : hours(r.int(3, 25) * 24);
  if (extension !== undefined) at('extend', t + Math.floor(decisionDelay / 2));
  t = t + decisionDelay;
  at('determine', t, 0);
  if (panel) t = at('determine', t + hours(r.int(1, 24)), 1);
  t = at('issue', t + hours(r.int(1, 36)));
  at('close', t + hours(r.int(10, 40) * 24));
  return finish();

  function finish(): SimCase {
    return {
      index,
      caseNumber: intake.caseNumber as string,
      design,
      kind,
      initialPriority,
      servedOn,
      serviceMethod,
      noticeMethod,
      intake,
      treatments,
      decisions,
      overrides,
      panel,
      extension,
      termination,
      conflictedReviewerIndex,
      parties,
      secrets: [employee, physician.name.replace(/^Dr\. /, ''), claim, employer, street],
      events: events.filter((e) => e.at <= nowMs),
    };
  }
}

export function generateWorld(o: WorldOptions): World {
  const r = new Rng(o.seed);
  const p = pools(r);
  const reviewerList = Array.from({ length: o.reviewers }, (_, i) => simReviewer(r, p, i));
  const employerReviewers = new Map<string, number[]>();
  reviewerList.forEach((rev, i) => {
    for (const a of rev.affiliations) {
      if (a.kind === 'employer' && a.relationship === 'employment') {
        employerReviewers.set(a.organizationName, [...(employerReviewers.get(a.organizationName) ?? []), i]);
      }
    }
  });
  const nowMs = Date.parse(o.now);
  const caseList = Array.from({ length: o.cases }, (_, i) => simCase(r, p, i, o, nowMs, employerReviewers));
  const events = caseList.flatMap((c) => c.events).sort((a, b) => a.at - b.at || a.caseIndex - b.caseIndex);
  return { reviewers: reviewerList, cases: caseList, events, now: o.now };
}

/** Writes the registry; sets each reviewer's spec id to its store id. */
export async function seedWorld(store: Store, world: World): Promise<void> {
  const r = await store.transaction(async (tx) => {
    for (const rev of world.reviewers) {
      const created = await reviewers.create(tx, rev.record);
      for (const c of rev.credentials) await credentials.create(tx, { ...c, reviewerId: created.id });
      for (const a of rev.affiliations) await affiliations.create(tx, { ...a, reviewerId: created.id });
      rev.spec.id = String(created.id);
    }
  });
  if (!r.ok) throw new Error(`seeding failed: ${r.error.code}`);
}

// ---------------------------------------------------------------------------------------------
// Running the world through the workflow

export type Outcome =
  | 'ok'
  | 'refused-as-expected'
  | 'skipped'
  /** A command failed unexpectedly (the simulation counts these; the test expects none). */
  | 'failed';

export interface CaseState {
  caseId: number | undefined;
  version: number;
  stage: string;
  /** Successful commands that changed the case (each must have one audit event). */
  changes: number;
  reviewerIds: number[];
  itemIds: number[];
  /** The events as they happened (the generator's own record of the timeline). */
  timeline: {
    receivedAt?: string;
    eligibleAt?: string;
    /** The last screen that decided the application (eligible or not; a deferral decides nothing). */
    screenedAt?: string;
    noticeAt?: string;
    recordsAt?: string;
    certifiedAt?: string;
    extensions: Extension[];
    issuedAt?: string;
    termination?: { reason: TerminationReason; at: string };
  };
  priority: 'standard' | 'expedited';
  failures: string[];
}

export interface RunReport {
  readonly states: readonly CaseState[];
  readonly commands: number;
  readonly refusals: Readonly<Record<string, number>>;
  readonly failures: readonly string[];
  readonly seconds: number;
  readonly byStep: Readonly<Record<string, { count: number; seconds: number }>>;
}

export interface RunOptions {
  /** Commands per batch transaction (1: every command its own transaction). */
  readonly batchSize: number;
  /** Render PDFs for every n-th issued letter (text for all). 0: never. */
  readonly pdfEvery: number;
  /** Stop after these steps (the benchmark runs intake → determination only). */
  readonly steps?: ReadonlySet<SimStep>;
}

const SYSTEM: Actor = { userId: 'system', role: 'system', requestId: 'simulation' };

export function expectedTimeline(c: SimCase, s: CaseState): CaseTimelineInput {
  const t = s.timeline;
  return {
    disputeKind: c.kind,
    initialPriority: c.initialPriority,
    urDecisionServedOn: c.servedOn,
    urServiceMethod: c.serviceMethod,
    extensions: t.extensions,
    ...(t.receivedAt === undefined ? {} : { applicationReceivedAt: t.receivedAt }),
    ...(t.eligibleAt === undefined ? {} : { eligibilityDeterminedAt: t.eligibleAt }),
    ...(t.screenedAt === undefined ? {} : { screenedAt: t.screenedAt }),
    ...(t.noticeAt === undefined ? {} : { noticeOfAssignmentSentAt: t.noticeAt, noticeMethod: c.noticeMethod }),
    ...(t.recordsAt === undefined ? {} : { recordsReceivedAt: t.recordsAt }),
    ...(t.certifiedAt === undefined ? {} : { expeditedCertificationAt: t.certifiedAt }),
    ...(t.issuedAt === undefined ? {} : { decisionIssuedAt: t.issuedAt }),
    ...(t.termination === undefined ? {} : { termination: t.termination }),
  };
}

/**
 * Plays every event of the world, in time order, through the workflow, `batchSize` commands per
 * transaction, the clock set to each event's time. Checks each command's outcome against the design
 * and keeps each case's own record of what happened, for the caller's assertions.
 */
export async function runWorld(
  wf: WorkflowService,
  world: World,
  clock: { set(at: string): void },
  options: RunOptions,
): Promise<RunReport> {
  const states: CaseState[] = world.cases.map((c) => ({
    caseId: undefined,
    version: 0,
    stage: 'none',
    changes: 0,
    reviewerIds: [],
    itemIds: [],
    timeline: { extensions: [] },
    priority: c.initialPriority,
    failures: [],
  }));
  const refusals: Record<string, number> = {};
  const failures: string[] = [];
  const byStep: Record<string, { count: number; seconds: number }> = {};
  let commands = 0;
  let issued = 0;
  const started = performance.now();

  const play = async (w: Workflow, e: SimEvent): Promise<void> => {
    const c = world.cases[e.caseIndex] as SimCase;
    const s = states[e.caseIndex] as CaseState;
    if (options.steps !== undefined && !options.steps.has(e.step)) return;
    if (e.step !== 'receive' && s.caseId === undefined) return;
    if (s.failures.length > 0) return;
    const when = isoAt(e.at);
    clock.set(when);
    const ref = { caseId: s.caseId ?? 0, expectedVersion: s.version };
    const t0 = performance.now();
    commands += 1;
    const track = <T extends { case: { version: number; stage: string } }>(r: Result<T, ImrError>): T | undefined => {
      if (!r.ok) {
        const msg = `case ${c.caseNumber} ${e.step}: ${r.error.code}`;
        s.failures.push(msg);
        failures.push(msg);
        return undefined;
      }
      s.version = r.value.case.version;
      s.stage = r.value.case.stage;
      s.changes += 1;
      return r.value;
    };
    const refused = (r: Result<unknown, ImrError>, code: string) => {
      if (!r.ok && r.error.code === code) refusals[code] = (refusals[code] ?? 0) + 1;
      else {
        const msg = `case ${c.caseNumber} ${e.step}: expected ${code}, got ${r.ok ? 'ok' : r.error.code}`;
        s.failures.push(msg);
        failures.push(msg);
      }
    };
    switch (e.step) {
      case 'receive': {
        const r = await w.receiveApplication(SYSTEM, c.intake);
        const v = track(r);
        if (v !== undefined) {
          s.caseId = v.case.id;
          s.itemIds = [...v.itemIds];
          s.timeline.receivedAt = when;
        }
        break;
      }
      case 'duplicate':
        refused(
          await w.receiveApplication(SYSTEM, { ...c.intake, caseNumber: `${c.caseNumber}-D`, receivedAt: when }),
          'IMR_CASE_DUPLICATE',
        );
        break;
      case 'invalid':
        refused(await w.issueLetter(SYSTEM, ref), 'IMR_INVALID_TRANSITION');
        break;
      case 'screen':
      case 'rescreen': {
        const r = await w.screenApplication(SYSTEM, {
          ...ref,
          ...(e.step === 'rescreen' ? { findings: { liabilityDispute: { employerAgreesEligible: true } } } : {}),
        });
        const v = track(r);
        const expected =
          e.step === 'rescreen' || c.design === 'eligible'
            ? 'eligible'
            : c.design === 'deferred'
              ? 'deferred'
              : 'ineligible';
        if (v !== undefined && v.case.stage !== expected) {
          const msg = `case ${c.caseNumber} ${e.step}: expected ${expected}, got ${v.case.stage}`;
          s.failures.push(msg);
          failures.push(msg);
        }
        if (v?.case.stage === 'eligible') s.timeline.eligibleAt = when;
        if (v !== undefined && v.case.stage !== 'deferred') s.timeline.screenedAt = when;
        break;
      }
      case 'conflicted': {
        const rev = world.reviewers[c.conflictedReviewerIndex ?? -1];
        if (rev === undefined || !rev.active) {
          commands -= 1;
          break;
        }
        refused(
          await w.assignReviewer(SYSTEM, { ...ref, reviewerIds: [Number(rev.spec.id)] }),
          'IMR_REVIEWER_CONFLICT',
        );
        break;
      }
      case 'assign': {
        const v = track(
          await w.assignReviewer(SYSTEM, { ...ref, ...(c.panel ? { panelSize: 2, adApprovedPanel: true } : {}) }),
        );
        if (v !== undefined) s.reviewerIds = v.assignments.map((a) => a.reviewerId);
        break;
      }
      case 'notice':
        if (track(await w.sendNoticeOfAssignment(SYSTEM, { ...ref, method: c.noticeMethod })) !== undefined) {
          s.timeline.noticeAt = when;
        }
        break;
      case 'convert': {
        const v = track(
          await w.convertToExpedited(SYSTEM, {
            ...ref,
            documents: [
              {
                title: 'Physician certification',
                kind: 'correspondence',
                mime: 'text/plain',
                bytes: new TextEncoder().encode(`Certification for ${c.caseNumber}: imminent and serious threat.`),
              },
            ],
          }),
        );
        if (v !== undefined) {
          s.timeline.certifiedAt = when;
          s.priority = 'expedited';
        }
        break;
      }
      case 'records': {
        const employee = c.intake.application.employeeName ?? '';
        const v = track(
          await w.receiveRecords(SYSTEM, {
            ...ref,
            documents: [
              {
                title: 'Primary treating physician progress report',
                kind: 'medical-record',
                mime: 'text/plain',
                bytes: new TextEncoder().encode(
                  `PR-2 for ${employee}, claim ${c.intake.application.claimNumber}. Chronic pain ${c.index % 10}/10; ` +
                    `${c.treatments.map((t) => t.request).join(', ')} requested.`,
                ),
              },
            ],
          }),
        );
        if (v !== undefined) s.timeline.recordsAt = when;
        break;
      }
      case 'extend': {
        const ext = c.extension;
        if (ext === undefined) break;
        if (track(await w.extendDecision(SYSTEM, { ...ref, days: ext.days, reason: ext.reason })) !== undefined) {
          s.timeline.extensions.push({ days: ext.days, reason: ext.reason, approvedAt: when });
        }
        break;
      }
      case 'determine': {
        const member = e.member ?? 0;
        const reviewerId = s.reviewerIds[member];
        if (reviewerId === undefined) break;
        const employee = c.intake.application.employeeName ?? '';
        track(
          await w.recordDetermination(SYSTEM, {
            ...ref,
            reviewerId,
            ...(member === 0
              ? {
                  clinicalSummary:
                    `The injured worker, ${employee}, is a ${c.intake.patient?.sex ?? 'female'} patient with chronic pain. ` +
                    `${c.intake.application.requestingPhysicianName} requested ${c.treatments.length} item(s); claim ${c.intake.application.claimNumber}.`,
                }
              : {}),
            items: s.itemIds.map((itemId, i) => {
              const decision = c.decisions[i] ?? 'Upheld';
              // A panel's second member disagrees on the first item: an even split, decided for the service.
              const own = member === 1 && i === 0 ? (decision === 'Upheld' ? 'Overturned' : 'Upheld') : decision;
              const override = c.overrides[i] ?? false;
              return {
                itemId,
                decision: own,
                basis: BASIS,
                rationale: `The guideline criteria are ${own === 'Upheld' ? 'not ' : ''}met for ${c.treatments[i]?.request ?? 'the item'}.`,
                engineRecommendation: { recommendation: override ? (own === 'Upheld' ? 'Overturned' : 'Upheld') : own },
                ...(override ? { overrideReason: 'The records show facts the engine did not weigh.' } : {}),
              };
            }),
          }),
        );
        break;
      }
      case 'issue': {
        issued += 1;
        const pdf = options.pdfEvery > 0 && issued % options.pdfEvery === 0;
        if (
          track(await w.issueLetter(SYSTEM, { ...ref, ...(pdf ? { formats: ['text', 'pdf'] } : {}) })) !== undefined
        ) {
          s.timeline.issuedAt = when;
        }
        break;
      }
      case 'close':
        track(await w.closeCase(SYSTEM, ref));
        break;
      case 'terminate': {
        const reason = c.termination ?? 'request-withdrawn';
        if (track(await w.terminate(SYSTEM, { ...ref, reason })) !== undefined)
          s.timeline.termination = { reason, at: when };
        break;
      }
    }
    const slot = byStep[e.step] ?? { count: 0, seconds: 0 };
    byStep[e.step] = slot;
    slot.count += 1;
    slot.seconds += (performance.now() - t0) / 1000;
  };

  for (let i = 0; i < world.events.length; i += options.batchSize) {
    const slice = world.events.slice(i, i + options.batchSize);
    if (options.batchSize === 1) {
      for (const e of slice) await play(wf, e);
      continue;
    }
    const batch = await wf.batch(async (w) => {
      for (const e of slice) await play(w, e);
    });
    if (!batch.ok) throw new Error(`batch failed: ${batch.error.code}`);
  }
  return { states, commands, refusals, failures, seconds: (performance.now() - started) / 1000, byStep };
}
