import { z } from 'zod';
import {
  type Application,
  CASE_STAGE_INFO,
  type Case,
  CaseKind,
  CaseStage,
  type DisputedItem,
  NewApplication,
  type NewDisputedItem,
  type NewParty,
  NewParty as NewPartySchema,
  NewUrDecision,
  type Party,
  type UrDecision,
} from '../domain/case.js';
import { localDateOf, When } from '../domain/clock-dates.js';
import { screeningDeadline } from '../domain/clocks.js';
import {
  type ConsolidationApplication,
  type DuplicateReason,
  normalizePersonName,
  normalizeTreatment,
  SUGGESTION_MESSAGES,
  suggestConsolidation,
} from '../domain/consolidation.js';
import { fieldsInvalid, type ImrError, imrError } from '../domain/errors.js';
import { checkIntake } from '../domain/intake-rules.js';
import { Basis, Sex } from '../domain/letter.js';
import { err, type Result } from '../domain/result.js';
import { TreatmentKind } from '../reviewers/index.js';
import { appendAudit, applications, cases, documents, items, parties, type Tx, urDecisions } from '../store/index.js';
import type { Actor } from './actor.js';
import { eventTime, parseCommandInput, rememberNewCase } from './case-ops.js';
import { attempt, type Scope } from './context.js';
import {
  type DocumentOcr,
  DocumentUpload,
  type DuplicateDocument,
  ocrAuditDetails,
  prepareDocuments,
  recordOcr,
} from './documents.js';
import {
  applicationsOfEmployeeOnUrDate,
  applicationsOnClaim,
  casesWithApplicationDocument,
  highestCaseNumber,
  stagesOfCases,
} from './queries.js';
import { INITIAL_STAGE } from './stages.js';
import { CASE_ACTIONS } from './timeline.js';

/**
 * Intake of an Application for IMR (DWC Form IMR, 8 CCR 9792.10.2) with the UR decision it disputes
 * and the documents that came with it. Before anything is written the application is compared with
 * earlier ones on the same claim or carrying the same form: a duplicate is refused with
 * IMR_CASE_DUPLICATE (unless intake has confirmed it is not one), and applications that could be
 * consolidated into one determination (same employee, requesting physician and date of injury —
 * 8 CCR 9792.10.4) are suggested, for a person to decide.
 */

/** Per disputed treatment (same order as `application.disputedTreatments`), what the form does not hold. */
export const IntakeItemDetails = z.object({
  /** The kind of treatment (src/reviewers `TreatmentKind`), for matching a reviewer's specialty. */
  category: TreatmentKind.optional(),
  /** For a modified UR decision: what remains in dispute (the letter decides it). */
  remainingPortion: z.string().trim().min(1).optional(),
  /** What the claims administrator's UR decision cited. */
  claimsAdministratorBasis: Basis.optional(),
});

export const ReceiveApplicationInput = z
  .object({
    /** The IMR case number; one is given (CMyy-nnnnnnn) when absent. */
    caseNumber: z.string().trim().min(1).max(64).optional(),
    /** When the application arrived; defaults to now. */
    receivedAt: When.optional(),
    kind: CaseKind.default('regular'),
    application: NewApplication.omit({ caseId: true, receivedDate: true }),
    urDecision: NewUrDecision.omit({ caseId: true }).optional(),
    parties: z.array(NewPartySchema.omit({ caseId: true })).default([]),
    items: z.array(IntakeItemDetails).optional(),
    documents: z.array(DocumentUpload).default([]),
    /** The age bounds are intake's plausibility rules (domain/intake-rules.ts), with a plain message. */
    patient: z.object({ age: z.number().int().optional(), sex: Sex.optional() }).default({}),
    /** Intake checked the suggested duplicate and it is a different dispute. */
    confirmedNotDuplicate: z.boolean().default(false),
  })
  .refine((v) => v.application.disputedTreatments.length > 0, {
    path: ['application', 'disputedTreatments'],
    message: 'at least one disputed treatment is required',
  })
  .refine((v) => (v.items?.length ?? 0) <= v.application.disputedTreatments.length, {
    path: ['items'],
    message: 'more item details than disputed treatments',
  });
export type ReceiveApplicationInput = z.input<typeof ReceiveApplicationInput>;
type Parsed = z.infer<typeof ReceiveApplicationInput>;

export interface ConsolidationSuggestion {
  /** Open cases (not yet assigned) that could be decided together with this one. */
  readonly caseIds: readonly number[];
  readonly reasons: readonly string[];
}

export interface ReceivedApplication {
  readonly case: Case;
  readonly applicationId: number;
  readonly itemIds: readonly number[];
  readonly partyIds: readonly number[];
  readonly documentIds: readonly number[];
  readonly documentsWithoutText: number;
  /** Uploads not stored because the same file came twice (SHA-256). */
  readonly duplicateDocuments: readonly DuplicateDocument[];
  /** OCR of the scanned pages of PDFs. */
  readonly ocr: readonly DocumentOcr[];
  readonly consolidation: ConsolidationSuggestion | undefined;
  /** Set when intake confirmed a suggested duplicate was not one. */
  readonly duplicateOverridden: { readonly caseId: number; readonly reasons: readonly DuplicateReason[] } | undefined;
}

/**
 * Stages in which a case is a dispute a new application could duplicate: live, or decided (closed
 * after its letter); not one that ended without a decision (ineligible, terminated, withdrawn).
 */
const DUPLICATE_STAGES = new Set<CaseStage>(
  CaseStage.options.filter((s) => !CASE_STAGE_INFO[s].final || s === 'closed'),
);
/** Stages in which a case can still take in another application. */
const CONSOLIDATION_STAGES = new Set<CaseStage>(['received', 'eligibility-review', 'deferred', 'eligible']);

type ConsolidationInput = z.input<typeof ConsolidationApplication>;

function consolidationRecord(
  id: string,
  app: Omit<Application, 'id' | 'caseId' | 'createdAt'>,
  receivedAt: string,
  documentHash: string | undefined,
): ConsolidationInput | undefined {
  const treatments = app.disputedTreatments.map((t) => t.treatment);
  if (treatments.length === 0) return undefined;
  return {
    id,
    receivedAt,
    employee: {
      name: app.employeeName ?? '',
      ...(app.employeeDob === undefined ? {} : { dateOfBirth: app.employeeDob }),
    },
    requestingPhysician: { name: app.requestingPhysicianName ?? '' },
    injuryDate: app.injuryDate ?? '',
    urDecisionDate: app.urDecisionDate ?? '',
    treatments,
    ...(documentHash === undefined ? {} : { documentHash }),
  };
}

interface Screened {
  readonly duplicate: { caseId: number; reasons: DuplicateReason[] } | undefined;
  readonly consolidation: ConsolidationSuggestion | undefined;
}

async function screenAgainstEarlier(
  scope: Scope,
  input: Parsed,
  receivedAt: string,
  applicationHashes: readonly string[],
): Promise<Screened> {
  const h = scope.read;
  const earlier = new Map<number, Application>();
  const claim = input.application.claimNumber;
  if (claim !== undefined) for (const a of await applicationsOnClaim(h, claim)) earlier.set(a.id, a);
  const urDate = input.urDecision?.decisionDate ?? input.application.urDecisionDate;
  const name = input.application.employeeName;
  if (urDate !== undefined && name !== undefined) {
    // Another claim of the same person is another dispute: only a claim left out on one side matches.
    for (const a of await applicationsOfEmployeeOnUrDate(h, urDate, name, normalizePersonName, claim !== undefined)) {
      if (claim === undefined || a.claimNumber === undefined) earlier.set(a.id, a);
    }
  }
  const sameForm = new Set(await casesWithApplicationDocument(h, applicationHashes));
  for (const caseId of sameForm) for (const a of await applications.listByCase(h, caseId)) earlier.set(a.id, a);
  if (earlier.size === 0) return { duplicate: undefined, consolidation: undefined };

  const stages = await stagesOfCases(h, [...new Set([...earlier.values()].map((a) => a.caseId))]);
  const records: ConsolidationInput[] = [];
  const caseOf = new Map<string, number>();
  for (const a of earlier.values()) {
    const r = consolidationRecord(
      String(a.id),
      a,
      a.receivedDate,
      sameForm.has(a.caseId) ? applicationHashes[0] : undefined,
    );
    if (r !== undefined) {
      records.push(r);
      caseOf.set(String(a.id), a.caseId);
    }
  }
  const mine = consolidationRecord(
    'new',
    { ...input.application, receivedDate: localDateOf(receivedAt) },
    receivedAt,
    applicationHashes[0],
  );
  if (mine === undefined) return { duplicate: undefined, consolidation: undefined };
  const suggestions = suggestConsolidation([...records, mine]);
  if (!suggestions.ok) return { duplicate: undefined, consolidation: undefined };

  let duplicate: Screened['duplicate'];
  for (const d of suggestions.value.duplicates) {
    const original = caseOf.get(d.originalId);
    if (d.duplicateId !== 'new' || original === undefined) continue;
    const stage = stages.get(original);
    if (stage !== undefined && DUPLICATE_STAGES.has(stage)) {
      duplicate = { caseId: original, reasons: [...d.reasons] };
      break;
    }
  }
  let consolidation: ConsolidationSuggestion | undefined;
  const group = suggestions.value.groups.find((g) => g.applicationIds.includes('new'));
  if (group !== undefined) {
    const caseIds = [
      ...new Set(
        group.applicationIds
          .map((id) => caseOf.get(id))
          .filter((id): id is number => id !== undefined && CONSOLIDATION_STAGES.has(stages.get(id) as CaseStage)),
      ),
    ];
    if (caseIds.length > 0) consolidation = { caseIds, reasons: [...group.reasons] };
  }
  return { duplicate, consolidation };
}

/** The parties on the form that the caller did not list (same role and name already listed: skipped). */
function partiesFromForm(input: Parsed): Omit<NewParty, 'caseId'>[] {
  const a = input.application;
  const listed = new Set(input.parties.map((p) => `${p.role}:${normalizePersonName(p.name) ?? p.name}`));
  const out: Omit<NewParty, 'caseId'>[] = [];
  const add = (p: Omit<NewParty, 'caseId'>) => {
    const key = `${p.role}:${normalizePersonName(p.name) ?? p.name}`;
    if (listed.has(key)) return;
    listed.add(key);
    out.push(p);
  };
  if (a.employeeName !== undefined) {
    add({
      role: 'employee',
      name: a.employeeName,
      ...(a.employeeAddress === undefined ? {} : { address: a.employeeAddress }),
      ...(a.employeePhone === undefined ? {} : { phone: a.employeePhone }),
    });
  }
  if (a.employerName !== undefined) add({ role: 'employer', name: a.employerName });
  if (a.claimsAdministratorName !== undefined) add({ role: 'claims-administrator', name: a.claimsAdministratorName });
  if (a.requestingPhysicianName !== undefined) add({ role: 'requesting-physician', name: a.requestingPhysicianName });
  // The UR reviewer and organization stay on the UR decision record (screened and redacted from there).
  return out;
}

/** Items from the form's treatments and what the UR decision did with each. */
function itemsOf(input: Parsed, ur: Parsed['urDecision']): Omit<NewDisputedItem, 'caseId'>[] {
  return input.application.disputedTreatments.map((t, i) => {
    const details = input.items?.[i];
    const key = normalizeTreatment(t.treatment);
    const urItem = ur?.items.find((u) => normalizeTreatment(u.request) === key);
    const modified = urItem?.outcome === 'modified' && urItem.authorizedPortion !== undefined;
    return {
      seq: i + 1,
      request: modified ? (details?.remainingPortion ?? t.treatment) : t.treatment,
      ...(modified ? { originalRequest: t.treatment, authorizedPortion: urItem.authorizedPortion } : {}),
      ...(details?.category === undefined ? {} : { category: details.category }),
      ...(details?.claimsAdministratorBasis === undefined
        ? {}
        : { claimsAdministratorBasis: details.claimsAdministratorBasis }),
      status: 'disputed' as const,
    };
  });
}

function ageOn(dob: string, day: string): number | undefined {
  const years = Number(day.slice(0, 4)) - Number(dob.slice(0, 4));
  const age = day.slice(5) < dob.slice(5) ? years - 1 : years;
  return age >= 0 && age <= 120 ? age : undefined;
}

async function nextCaseNumber(tx: Tx, day: string): Promise<string> {
  const prefix = `CM${day.slice(2, 4)}-`;
  const highest = await highestCaseNumber(tx, prefix);
  const n = highest === undefined ? 0 : Number(highest.slice(prefix.length));
  return `${prefix}${String((Number.isFinite(n) ? n : 0) + 1).padStart(7, '0')}`;
}

export async function receiveApplication(
  scope: Scope,
  actor: Actor,
  raw: unknown,
): Promise<Result<ReceivedApplication, ImrError>> {
  const parsed = parseCommandInput(ReceiveApplicationInput, raw, 'application intake');
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const problems = checkIntake(
    {
      application: input.application,
      urDecision: input.urDecision,
      patient: input.patient,
      receivedOn: localDateOf(input.receivedAt ?? scope.at),
    },
    localDateOf(scope.at),
  );
  if (problems.length > 0) return err(fieldsInvalid('application intake', problems));
  return attempt(async () => {
    const receivedAt = eventTime(input.receivedAt, scope.at, 'receivedAt');
    const receivedDay = localDateOf(receivedAt);
    const prepared = await prepareDocuments(
      scope.store.files,
      input.documents,
      scope.at,
      scope.options.maxDocumentBytes,
    );
    if (!prepared.ok) return prepared;
    const applicationHashes = prepared.value.documents.filter((d) => d.kind === 'application').map((d) => d.sha256);
    const screened = await screenAgainstEarlier(scope, input, receivedAt, applicationHashes);
    if (screened.duplicate !== undefined && !input.confirmedNotDuplicate) {
      const original = await cases.getById(scope.read, screened.duplicate.caseId);
      return err(
        imrError(
          'IMR_CASE_DUPLICATE',
          original === undefined
            ? undefined
            : [
                `This application was received already, as case ${original.caseNumber}.`,
                ...screened.duplicate.reasons.map((r) => SUGGESTION_MESSAGES[r]),
              ].join(' '),
          {
            originalCaseId: screened.duplicate.caseId,
            ...(original === undefined ? {} : { originalCaseNumber: original.caseNumber }),
            reasons: screened.duplicate.reasons.join(','),
          },
        ),
      );
    }

    const a = input.application;
    const ur: Parsed['urDecision'] = input.urDecision;
    const priority = a.urType === 'expedited' ? 'expedited' : 'standard';
    const age = input.patient.age ?? (a.employeeDob === undefined ? undefined : ageOn(a.employeeDob, receivedDay));
    const urDecisionDate = ur?.decisionDate ?? a.urDecisionDate;

    for (let tries = 0; ; tries += 1) {
      const written = await scope.write(async (tx) => {
        const caseNumber = input.caseNumber ?? (await nextCaseNumber(tx, receivedDay));
        const created = await cases.create(tx, {
          caseNumber,
          stage: INITIAL_STAGE,
          priority,
          kind: input.kind,
          source: 'intake',
          receivedDate: receivedDay,
          // The screening target (domain/clocks.ts), so the queue ranks it with the rest of the work.
          dueDate: screeningDeadline(receivedDay, input.kind, priority === 'expedited').deadline.dueDate,
          ...(urDecisionDate === undefined ? {} : { urDecisionDate }),
          ...(age === undefined ? {} : { patientAge: age }),
          ...(input.patient.sex === undefined ? {} : { patientSex: input.patient.sex }),
          ...(a.injuryDate === undefined ? {} : { injuryDate: a.injuryDate }),
        });
        const caseId = created.id;
        const application = await applications.create(tx, { ...a, caseId, receivedDate: receivedDay });
        let urRecord: UrDecision | undefined;
        if (ur !== undefined) urRecord = await urDecisions.create(tx, { ...ur, caseId });
        const partyRecords: Party[] = [];
        for (const p of [...input.parties, ...partiesFromForm(input)]) {
          partyRecords.push(await parties.create(tx, { ...p, caseId }));
        }
        const itemRecords: DisputedItem[] = [];
        for (const item of itemsOf(input, ur)) itemRecords.push(await items.create(tx, { ...item, caseId }));
        const itemIds = itemRecords.map((i) => i.id);
        const documentIds: number[] = [];
        for (const d of prepared.value.documents) documentIds.push((await documents.create(tx, { ...d, caseId })).id);
        await recordOcr(tx, scope.at, actor, caseId, prepared.value, documentIds);
        const details = {
          eventAt: receivedAt,
          priority,
          kind: input.kind,
          applicationId: application.id,
          urDecisionId: urRecord?.id ?? null,
          items: itemIds.length,
          parties: partyRecords.length,
          documents: documentIds.length,
          documentsWithoutText: prepared.value.withoutText,
          ...ocrAuditDetails(prepared.value),
          consolidationCandidates: screened.consolidation?.caseIds.length ?? 0,
          duplicateOverriddenOf: screened.duplicate?.caseId ?? null,
        };
        await appendAudit(tx, {
          at: scope.at,
          actor: actor.userId,
          action: CASE_ACTIONS.received,
          entityType: 'case',
          entityId: String(caseId),
          caseId,
          requestId: actor.requestId,
          details,
        });
        rememberNewCase(scope, created, {
          facts: { urDecision: urRecord, application },
          events: [{ action: CASE_ACTIONS.received, details }],
          items: itemRecords,
          parties: partyRecords,
        });
        return {
          case: created,
          applicationId: application.id,
          itemIds,
          partyIds: partyRecords.map((p) => p.id),
          documentIds,
          documentsWithoutText: prepared.value.withoutText,
          duplicateDocuments: prepared.value.duplicates,
          ocr: prepared.value.ocr,
          consolidation: screened.consolidation,
          duplicateOverridden: screened.duplicate,
        } satisfies ReceivedApplication;
      });
      // A generated number taken by a concurrent intake: take the next one.
      const raced =
        !written.ok &&
        written.error.code === 'IMR_CASE_DUPLICATE' &&
        input.caseNumber === undefined &&
        written.error.details?.caseNumber !== undefined;
      if (!raced || tries >= 3) return written;
    }
  });
}
