import { ImrFailure, imrError } from '../domain/errors.js';
import type { Basis } from '../domain/letter.js';
import { affiliations, credentials, reviewers, type Store, type Tx } from '../store/index.js';
import type { Actor } from './actor.js';
import type { ReceiveApplicationInput } from './intake.js';

/**
 * Invented records for the workflow tests (no real person, claim or letter), a settable clock and a
 * store that fails on purpose inside its transactions. Kept free of vitest: not a test file itself.
 */

export const SYSTEM: Actor = { userId: 'system', role: 'system', requestId: 'req-test' };
export const actorAs = (role: Exclude<Actor['role'], 'system'>, userId = 7, requestId = 'req-test'): Actor => ({
  userId,
  role,
  requestId,
});

/** A clock the test moves by hand. */
export class TestClock {
  current: string;
  constructor(start: string) {
    this.current = start;
  }
  set(at: string): void {
    this.current = new Date(at).toISOString();
  }
  readonly now = (): string => this.current;
}

export interface ReviewerSpec {
  readonly name: string;
  readonly profession?: string;
  readonly since?: string;
  readonly hours?: number;
  readonly qme?: 'none' | 'certified';
  readonly states?: readonly string[];
  readonly boards?: readonly string[];
  readonly specialties?: readonly string[];
  readonly affiliations?: readonly {
    organizationName: string;
    kind:
      | 'employer'
      | 'insurer'
      | 'hospital'
      | 'ur-organization'
      | 'manufacturer'
      | 'group-practice'
      | 'family'
      | 'financial';
    relationship?: string;
    personName?: string;
  }[];
  readonly active?: boolean;
}

/** A reviewer with licenses, certifications, specialties and affiliations; returns the id. */
export async function seedReviewer(tx: Tx, spec: ReviewerSpec): Promise<number> {
  const r = await reviewers.create(tx, {
    name: spec.name,
    profession: spec.profession ?? 'medical-doctor',
    activePracticeSince: spec.since ?? '2005-07-01',
    weeklyClinicalHours: spec.hours ?? 30,
    qmeStatus: spec.qme ?? 'none',
    disciplinaryHistory: false,
    active: spec.active ?? true,
  });
  for (const state of spec.states ?? ['CA']) {
    await credentials.create(tx, {
      reviewerId: r.id,
      type: 'licence',
      name: 'Physician and Surgeon',
      state,
      status: 'active',
    });
  }
  for (const name of spec.boards ?? ['Physical Medicine and Rehabilitation']) {
    await credentials.create(tx, { reviewerId: r.id, type: 'board-certification', name, status: 'active' });
  }
  for (const name of spec.specialties ?? spec.boards ?? ['Physical Medicine and Rehabilitation']) {
    await credentials.create(tx, { reviewerId: r.id, type: 'specialty', name, status: 'active' });
  }
  for (const a of spec.affiliations ?? []) await affiliations.create(tx, { reviewerId: r.id, ...a });
  return r.id;
}

export const MTUS_BASIS: Basis = {
  usedMtus: true,
  citations: [
    {
      source: 'MTUS',
      text: 'Chronic Pain Medical Treatment Guidelines',
      pages: [46],
      sections: 'Epidural steroid injections',
    },
  ],
  raw: '',
};

export interface IntakeOptions {
  readonly claimNumber?: string;
  readonly employeeName?: string;
  readonly urDecisionDate?: string;
  readonly urServedOn?: string;
  readonly serviceMethod?: 'mail' | 'electronic' | 'personal';
  readonly receivedAt?: string;
  readonly treatments?: readonly string[];
  readonly signed?: boolean;
  readonly liabilityDisputed?: boolean;
  readonly urType?: 'regular' | 'expedited';
  readonly employerName?: string;
  readonly physicianName?: string;
  readonly injuryDate?: string;
}

/** A complete application with its UR decision, parties and the form itself as a text document. */
export function intakeInput(o: IntakeOptions = {}): ReceiveApplicationInput {
  const treatments = o.treatments ?? ['Lumbar epidural steroid injection L4-5', 'Physical therapy 2x6'];
  const employee = o.employeeName ?? 'Pat Quillfeather';
  const claim = o.claimNumber ?? 'CLM-5550001';
  const physician = o.physicianName ?? 'Dr. Rowan Ellsworth';
  const form = `DWC Form IMR\nEmployee: ${employee}\nClaim: ${claim}\nTreatments: ${treatments.join('; ')}\n`;
  return {
    receivedAt: o.receivedAt ?? '2024-03-01T17:00:00Z',
    application: {
      urType: o.urType ?? 'regular',
      employeeName: employee,
      claimNumber: claim,
      injuryDate: o.injuryDate ?? '2022-05-14',
      urDecisionDate: o.urDecisionDate ?? '2024-02-10',
      eamsCaseNumber: 'ADJ9081726',
      employeeDob: '1971-08-23',
      employeeAddress: { lines: ['418 Larkspur Lane'], city: 'Visalia', state: 'CA', postalCode: '93291' },
      employeePhone: '559-555-0142',
      requestingPhysicianName: physician,
      requestingPhysicianSpecialty: 'Orthopedic Surgery',
      employerName: o.employerName ?? 'Brightwater Packing Co.',
      claimsAdministratorName: 'Tallis Claims Services',
      adjusterName: 'Morgan Vale',
      disputedTreatments: treatments.map((treatment) => ({ treatment })),
      alsoDisputedForOtherReasons: o.liabilityDisputed ?? false,
      deniedForMissingInformation: false,
      signaturePresent: o.signed ?? true,
      consentToRecords: true,
      urDecisionAttached: true,
      urServiceMethod: o.serviceMethod ?? 'mail',
      filedBy: 'employee',
    },
    urDecision: {
      decisionDate: o.urDecisionDate ?? '2024-02-10',
      serviceDate: o.urServedOn ?? o.urDecisionDate ?? '2024-02-10',
      serviceMethod: o.serviceMethod ?? 'mail',
      reviewerName: 'Dr. Casimir Thorne',
      organization: 'Keystone Review Partners',
      outcome: 'denied',
      items: treatments.map((request) => ({ request, outcome: 'denied' as const })),
    },
    parties: [
      {
        role: 'representative',
        name: 'Avery Lindqvist',
        organization: 'Lindqvist Injury Law',
        email: 'avery@lindqvist-law.example',
      },
    ],
    items: treatments.map(() => ({ category: 'injection' as const, claimsAdministratorBasis: MTUS_BASIS })),
    documents: [
      { title: 'DWC Form IMR', kind: 'application', mime: 'text/plain', bytes: new TextEncoder().encode(form) },
    ],
    patient: { sex: 'female' },
  };
}

export const textDocument = (
  title: string,
  text: string,
  kind: 'medical-record' | 'correspondence' = 'medical-record',
) => ({
  title,
  kind,
  mime: 'text/plain',
  bytes: new TextEncoder().encode(text),
});

export type Fault = 'audit-insert' | 'after-body';

/**
 * The store with a failure forced inside its transactions while `armed()`: when an audit event is
 * inserted (after the case change was written), or after the transaction's body has run to the end.
 * Either way the transaction (or, in a batch, the command's savepoint) must roll back everything.
 */
export function faultyStore(store: Store, fault: Fault, armed: () => boolean = () => true): Store {
  const failure = () => new ImrFailure(imrError('IMR_STORE_UNAVAILABLE', undefined, { injected: fault }));
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'transaction') {
        return <T>(fn: (tx: Tx) => Promise<T>) =>
          target.transaction(async (tx) => {
            const db = new Proxy(tx.db, {
              get(t, p) {
                if (p === 'insertInto' && fault === 'audit-insert') {
                  return (table: string) => {
                    if (table === 'audit_events' && armed()) throw failure();
                    return t.insertInto(table as never);
                  };
                }
                const v = Reflect.get(t, p, t) as unknown;
                return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
              },
            });
            const value = await fn({ ...tx, db } as Tx);
            if (fault === 'after-body' && armed()) throw failure();
            return value;
          });
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
