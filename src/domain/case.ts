import { z } from 'zod';
import { Basis, Decision, IsoDate, Letter, Reviewer as LetterReviewerCredentials, Sex } from './letter.js';

/**
 * The records of an IMR case and of the people around it, as the store keeps them. One schema per
 * record; `New*` is the same record before the store has given it an id. Everything optional is
 * optional because real paperwork is incomplete: eligibility rules (not these schemas) decide what a
 * case must have. Change additively: new optional fields, new enum values.
 */

export const Id = z.number().int().positive();
export type Id = z.infer<typeof Id>;

/** An instant, ISO 8601 in UTC (`2024-03-01T17:04:05.123Z`). */
export const Timestamp = z.iso.datetime();
export type Timestamp = z.infer<typeof Timestamp>;

/** Free-form structured data (screen results, engine output): a JSON object. */
export const JsonObject = z.record(z.string(), z.json());
export type JsonObject = z.infer<typeof JsonObject>;

const Text = z.string().trim().min(1);
const ShortText = Text.max(300);
/** National Provider Identifier: ten digits. */
export const Npi = z.string().regex(/^\d{10}$/, 'expected a 10-digit NPI');
/** Two-letter US state or territory code. */
export const StateCode = z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter state code');

// ---------------------------------------------------------------------------------------------
// Case

export const CaseStage = z.enum([
  'received',
  'eligibility-review',
  'ineligible',
  'deferred',
  'eligible',
  'assigned',
  'records-requested',
  'records-received',
  'in-review',
  'determined',
  'letter-issued',
  'closed',
  'terminated',
  'withdrawn',
]);
export type CaseStage = z.infer<typeof CaseStage>;

/**
 * What each stage means; `open`: the desk still has work (and clocks) ahead on a case in it — the
 * queue's and the dashboard's "open"; `final`: nothing moves a case out of it. An issued letter is
 * neither: no work is due, but the case is still to be closed.
 */
export const CASE_STAGE_INFO = {
  received: { label: 'Application received', open: true, final: false },
  'eligibility-review': { label: 'Eligibility review', open: true, final: false },
  ineligible: { label: 'Ineligible', open: false, final: true },
  deferred: { label: 'Deferred (liability dispute)', open: true, final: false },
  eligible: { label: 'Eligible', open: true, final: false },
  assigned: { label: 'Assigned', open: true, final: false },
  'records-requested': { label: 'Records requested', open: true, final: false },
  'records-received': { label: 'Records received', open: true, final: false },
  'in-review': { label: 'In review', open: true, final: false },
  determined: { label: 'Determined', open: true, final: false },
  'letter-issued': { label: 'Letter issued', open: false, final: false },
  closed: { label: 'Closed', open: false, final: true },
  terminated: { label: 'Terminated', open: false, final: true },
  withdrawn: { label: 'Withdrawn', open: false, final: true },
} as const satisfies Record<CaseStage, { readonly label: string; readonly open: boolean; readonly final: boolean }>;

/** Stages with work still due (CASE_STAGE_INFO `open`), in the order of the stage enum. */
export const OPEN_STAGES: readonly CaseStage[] = CaseStage.options.filter((s) => CASE_STAGE_INFO[s].open);
/** The rest: no work due (an issued letter waits only to be closed). */
export const ENDED_STAGES: readonly CaseStage[] = CaseStage.options.filter((s) => !CASE_STAGE_INFO[s].open);
/** Open stages before a determination: the review is still running. */
export const BEFORE_DECISION_STAGES: readonly CaseStage[] = OPEN_STAGES.filter((s) => s !== 'determined');

export const CasePriority = z.enum(['standard', 'expedited']);
export type CasePriority = z.infer<typeof CasePriority>;

/** `formulary`: a dispute over a drug under the MTUS drug formulary (shorter clocks). */
export const CaseKind = z.enum(['regular', 'formulary']);
export type CaseKind = z.infer<typeof CaseKind>;

/** `import`: a closed case made from a published determination letter. */
export const CaseSource = z.enum(['intake', 'import']);
export type CaseSource = z.infer<typeof CaseSource>;

/** The reviewer's credentials as a letter states them (text, not links to reviewer records). */
export const PublishedCredentials = LetterReviewerCredentials;
export type PublishedCredentials = z.infer<typeof PublishedCredentials>;

const caseFields = {
  caseNumber: Text.max(64),
  stage: CaseStage,
  /** Why the case is ineligible, deferred, terminated or withdrawn: a reason code, not prose. */
  stageReason: ShortText.optional(),
  priority: CasePriority,
  kind: CaseKind,
  source: CaseSource,
  receivedDate: IsoDate.optional(),
  urDecisionDate: IsoDate.optional(),
  eligibilityDate: IsoDate.optional(),
  assignedDate: IsoDate.optional(),
  recordsReceivedDate: IsoDate.optional(),
  decisionDate: IsoDate.optional(),
  letterIssuedDate: IsoDate.optional(),
  closedDate: IsoDate.optional(),
  /** The next statutory deadline of the current stage, computed by the workflow. */
  dueDate: IsoDate.optional(),
  patientAge: z.number().int().min(0).max(120).optional(),
  patientSex: Sex.optional(),
  injuryDate: IsoDate.optional(),
  reviewerCredentials: PublishedCredentials.optional(),
};

export const NewCase = z.object(caseFields);
export type NewCase = z.infer<typeof NewCase>;

export const Case = z.object({
  id: Id,
  ...caseFields,
  /** Optimistic concurrency: every update must name the version it read. */
  version: z.number().int().positive(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Case = z.infer<typeof Case>;

/** A change to a case: a field left out stays as it is; `null` clears an optional field. */
export const CasePatch = z.object({
  stage: CaseStage.optional(),
  stageReason: caseFields.stageReason.unwrap().nullable().optional(),
  priority: CasePriority.optional(),
  kind: CaseKind.optional(),
  receivedDate: IsoDate.nullable().optional(),
  urDecisionDate: IsoDate.nullable().optional(),
  eligibilityDate: IsoDate.nullable().optional(),
  assignedDate: IsoDate.nullable().optional(),
  recordsReceivedDate: IsoDate.nullable().optional(),
  decisionDate: IsoDate.nullable().optional(),
  letterIssuedDate: IsoDate.nullable().optional(),
  closedDate: IsoDate.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  patientAge: caseFields.patientAge.unwrap().nullable().optional(),
  patientSex: Sex.nullable().optional(),
  injuryDate: IsoDate.nullable().optional(),
  reviewerCredentials: PublishedCredentials.nullable().optional(),
});
export type CasePatch = z.infer<typeof CasePatch>;

// ---------------------------------------------------------------------------------------------
// Parties

export const PartyRole = z.enum([
  'employee',
  'employer',
  'claims-administrator',
  'insurer',
  'requesting-physician',
  'representative',
  'ur-organization',
  'ur-reviewer',
  'facility',
  'manufacturer',
]);
export type PartyRole = z.infer<typeof PartyRole>;

export const PostalAddress = z.object({
  lines: z.array(ShortText).min(1).max(4),
  city: ShortText.optional(),
  state: StateCode.optional(),
  postalCode: z
    .string()
    .regex(/^\d{5}(-\d{4})?$/, 'expected a ZIP code')
    .optional(),
});
export type PostalAddress = z.infer<typeof PostalAddress>;

const partyFields = {
  caseId: Id,
  role: PartyRole,
  name: ShortText,
  organization: ShortText.optional(),
  npi: Npi.optional(),
  address: PostalAddress.optional(),
  phone: ShortText.optional(),
  email: z.email().optional(),
};
export const NewParty = z.object(partyFields);
export type NewParty = z.infer<typeof NewParty>;
export const Party = z.object({ id: Id, ...partyFields });
export type Party = z.infer<typeof Party>;

export const PartyPatch = z.object({
  name: ShortText.optional(),
  organization: ShortText.nullable().optional(),
  npi: Npi.nullable().optional(),
  address: PostalAddress.nullable().optional(),
  phone: ShortText.nullable().optional(),
  email: z.email().nullable().optional(),
});
export type PartyPatch = z.infer<typeof PartyPatch>;

// ---------------------------------------------------------------------------------------------
// Application (DWC Form IMR) and the UR decision it disputes

export const UrType = z.enum(['regular', 'expedited']);
export type UrType = z.infer<typeof UrType>;

/** How the UR decision was served on the employee (mail adds five days to the filing period). */
export const ServiceMethod = z.enum(['mail', 'electronic', 'personal']);
export type ServiceMethod = z.infer<typeof ServiceMethod>;

export const FiledBy = z.enum(['employee', 'representative', 'requesting-physician', 'emergency-provider']);
export type FiledBy = z.infer<typeof FiledBy>;

export const DisputedTreatment = z.object({
  /** As requested on the RFA. */
  treatment: Text,
  /** Primary diagnosis, ICD-10-CM (or ICD-9 on old forms). */
  primaryDiagnosisIcd: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9.]{1,9}$/i, 'Enter an ICD-10 code such as M54.5')
    .optional(),
});
export type DisputedTreatment = z.infer<typeof DisputedTreatment>;

const applicationFields = {
  caseId: Id,
  receivedDate: IsoDate,
  urType: UrType.optional(),
  employeeName: ShortText.optional(),
  claimNumber: ShortText.optional(),
  injuryDate: IsoDate.optional(),
  urDecisionDate: IsoDate.optional(),
  eamsCaseNumber: ShortText.optional(),
  wcisNumber: ShortText.optional(),
  employeeDob: IsoDate.optional(),
  employeeAddress: PostalAddress.optional(),
  employeePhone: ShortText.optional(),
  requestingPhysicianName: ShortText.optional(),
  requestingPhysicianType: ShortText.optional(),
  requestingPhysicianSpecialty: ShortText.optional(),
  employerName: ShortText.optional(),
  claimsAdministratorName: ShortText.optional(),
  adjusterName: ShortText.optional(),
  disputedTreatments: z.array(DisputedTreatment),
  alsoDisputedForOtherReasons: z.boolean(),
  deniedForMissingInformation: z.boolean(),
  signaturePresent: z.boolean(),
  signatureDate: IsoDate.optional(),
  consentToRecords: z.boolean(),
  urDecisionAttached: z.boolean(),
  urServiceMethod: ServiceMethod.optional(),
  filedBy: FiledBy.optional(),
};
export const NewApplication = z.object(applicationFields);
export type NewApplication = z.infer<typeof NewApplication>;
export const Application = z.object({ id: Id, ...applicationFields, createdAt: Timestamp });
export type Application = z.infer<typeof Application>;

export const UrOutcome = z.enum(['denied', 'modified', 'conditionally-non-certified']);
export type UrOutcome = z.infer<typeof UrOutcome>;

export const UrDecisionItem = z.object({
  request: Text,
  outcome: UrOutcome,
  authorizedPortion: Text.optional(),
});
export type UrDecisionItem = z.infer<typeof UrDecisionItem>;

const urDecisionFields = {
  caseId: Id,
  decisionDate: IsoDate,
  serviceDate: IsoDate.optional(),
  serviceMethod: ServiceMethod.optional(),
  reviewerName: ShortText.optional(),
  organization: ShortText.optional(),
  outcome: UrOutcome,
  items: z.array(UrDecisionItem),
};
export const NewUrDecision = z.object(urDecisionFields);
export type NewUrDecision = z.infer<typeof NewUrDecision>;
export const UrDecision = z.object({ id: Id, ...urDecisionFields });
export type UrDecision = z.infer<typeof UrDecision>;

// ---------------------------------------------------------------------------------------------
// Disputed items

export const ItemStatus = z.enum(['disputed', 'ineligible', 'withdrawn', 'determined']);
export type ItemStatus = z.infer<typeof ItemStatus>;

const itemFields = {
  caseId: Id,
  /** 1-based position in the letter. */
  seq: z.number().int().positive(),
  /** What is decided: for a modified UR decision, the remaining eligible portion. */
  request: Text,
  originalRequest: Text.optional(),
  authorizedPortion: Text.optional(),
  category: ShortText.optional(),
  status: ItemStatus,
  /** The outcome of record, as the letter states it (set when the letter issues, or on import). */
  decision: Decision.optional(),
  claimsAdministratorBasis: Basis.optional(),
  reviewerBasis: Basis.optional(),
  rationale: Text.optional(),
};
export const NewDisputedItem = z.object(itemFields);
export type NewDisputedItem = z.infer<typeof NewDisputedItem>;
export const DisputedItem = z.object({ id: Id, ...itemFields });
export type DisputedItem = z.infer<typeof DisputedItem>;

export const DisputedItemPatch = z.object({
  request: Text.optional(),
  category: ShortText.nullable().optional(),
  status: ItemStatus.optional(),
  decision: Decision.nullable().optional(),
  claimsAdministratorBasis: Basis.nullable().optional(),
  reviewerBasis: Basis.nullable().optional(),
  rationale: Text.nullable().optional(),
});
export type DisputedItemPatch = z.infer<typeof DisputedItemPatch>;

// ---------------------------------------------------------------------------------------------
// Documents

export const DocumentKind = z.enum([
  'application',
  'ur-decision',
  'medical-record',
  'imaging-report',
  'correspondence',
  'determination-letter',
  'other',
  /** A notice the IMR organization generated and sent (assignment, ineligibility): never clinical record. */
  'notice',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lower-case hex SHA-256');
export const MimeType = z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'expected a MIME type');

const documentFields = {
  caseId: Id,
  title: ShortText,
  kind: DocumentKind,
  documentDate: IsoDate.optional(),
  sha256: Sha256,
  sizeBytes: z.number().int().nonnegative(),
  mime: MimeType,
  /** Where the bytes are, relative to the document store directory. */
  storagePath: Text,
  receivedAt: Timestamp,
};
export const NewCaseDocument = z.object({
  ...documentFields,
  /** Defaults to now. */
  receivedAt: Timestamp.optional(),
  /** Text read from the document (PDF text layer, OCR); indexed for search. */
  extractedText: z.string().optional(),
});
export type NewCaseDocument = z.infer<typeof NewCaseDocument>;
/** A document of a case. `extractedText` is there when the document was read alone, not in lists. */
export const CaseDocument = z.object({ id: Id, ...documentFields, extractedText: z.string().optional() });
export type CaseDocument = z.infer<typeof CaseDocument>;

// ---------------------------------------------------------------------------------------------
// Reviewers (expert physicians of the IMR organization)

export const QmeStatus = z.enum(['none', 'certified', 'lapsed']);
export type QmeStatus = z.infer<typeof QmeStatus>;

const reviewerFields = {
  name: ShortText,
  npi: Npi.optional(),
  /** Physician, osteopath, chiropractor… (the values of src/reviewers `Profession`). */
  profession: ShortText.optional(),
  yearsInPractice: z.number().int().min(0).max(80).optional(),
  /** First day of active clinical practice; years in practice follow from it without going stale. */
  activePracticeSince: IsoDate.optional(),
  weeklyClinicalHours: z.number().min(0).max(168).optional(),
  qmeStatus: QmeStatus,
  /** Last day of QME certification, when it ended or will end. */
  qmeUntil: IsoDate.optional(),
  disciplinaryHistory: z.boolean(),
  active: z.boolean(),
};
export const NewExpertReviewer = z.object(reviewerFields);
export type NewExpertReviewer = z.infer<typeof NewExpertReviewer>;
/** Named `ExpertReviewer` because `Reviewer` is the letter's credential block (letter.ts). */
export const ExpertReviewer = z.object({ id: Id, ...reviewerFields });
export type ExpertReviewer = z.infer<typeof ExpertReviewer>;

export const ExpertReviewerPatch = z.object({
  name: ShortText.optional(),
  npi: Npi.nullable().optional(),
  profession: ShortText.nullable().optional(),
  yearsInPractice: reviewerFields.yearsInPractice.unwrap().nullable().optional(),
  activePracticeSince: IsoDate.nullable().optional(),
  weeklyClinicalHours: reviewerFields.weeklyClinicalHours.unwrap().nullable().optional(),
  qmeStatus: QmeStatus.optional(),
  qmeUntil: IsoDate.nullable().optional(),
  disciplinaryHistory: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type ExpertReviewerPatch = z.infer<typeof ExpertReviewerPatch>;

export const CredentialType = z.enum(['licence', 'board-certification', 'specialty', 'subspecialty']);
export type CredentialType = z.infer<typeof CredentialType>;

export const CredentialStatus = z.enum(['active', 'inactive', 'expired', 'suspended', 'revoked', 'surrendered']);
export type CredentialStatus = z.infer<typeof CredentialStatus>;

const credentialFields = {
  reviewerId: Id,
  type: CredentialType,
  /** "Physician and Surgeon", "Orthopaedic Surgery", "Pain Medicine"… */
  name: ShortText,
  number: ShortText.optional(),
  state: StateCode.optional(),
  status: CredentialStatus,
  issuer: ShortText.optional(),
  expires: IsoDate.optional(),
};
export const NewCredential = z.object(credentialFields);
export type NewCredential = z.infer<typeof NewCredential>;
export const Credential = z.object({ id: Id, ...credentialFields });
export type Credential = z.infer<typeof Credential>;

export const CredentialPatch = z.object({
  status: CredentialStatus.optional(),
  number: ShortText.nullable().optional(),
  issuer: ShortText.nullable().optional(),
  expires: IsoDate.nullable().optional(),
});
export type CredentialPatch = z.infer<typeof CredentialPatch>;

export const AffiliationKind = z.enum([
  'employer',
  'insurer',
  'hospital',
  'ur-organization',
  'manufacturer',
  'group-practice',
  'family',
  'financial',
]);
export type AffiliationKind = z.infer<typeof AffiliationKind>;

const affiliationFields = {
  reviewerId: Id,
  organizationName: ShortText,
  /** Other names the organization goes by (screening matches them too). */
  aliases: z.array(ShortText).optional(),
  kind: AffiliationKind,
  /** How the reviewer is tied to it: employment, ownership, consulting… (src/reviewers' terms). */
  relationship: ShortText.optional(),
  /** `family`: the relative (screened against the parties); the organization is where they work. */
  personName: ShortText.optional(),
  since: IsoDate.optional(),
  /** Absent: still current. */
  until: IsoDate.optional(),
};
export const NewAffiliation = z.object(affiliationFields);
export type NewAffiliation = z.infer<typeof NewAffiliation>;
export const Affiliation = z.object({ id: Id, ...affiliationFields });
export type Affiliation = z.infer<typeof Affiliation>;

export const AffiliationPatch = z.object({
  organizationName: ShortText.optional(),
  aliases: z.array(ShortText).nullable().optional(),
  kind: AffiliationKind.optional(),
  relationship: ShortText.nullable().optional(),
  personName: ShortText.nullable().optional(),
  since: IsoDate.nullable().optional(),
  until: IsoDate.nullable().optional(),
});
export type AffiliationPatch = z.infer<typeof AffiliationPatch>;

// ---------------------------------------------------------------------------------------------
// Assignment, determinations, letters

export const AssignmentRole = z.enum(['primary', 'panel']);
export type AssignmentRole = z.infer<typeof AssignmentRole>;

const assignmentFields = {
  caseId: Id,
  reviewerId: Id,
  role: AssignmentRole,
  assignedAt: Timestamp,
  /** The conflict-of-interest screen as run at assignment (src/reviewers owns the shape). */
  conflictScreen: JsonObject,
  /** The qualification check as run at assignment. */
  qualification: JsonObject,
  endedAt: Timestamp.optional(),
  endReason: ShortText.optional(),
};
export const NewAssignment = z.object(assignmentFields);
export type NewAssignment = z.infer<typeof NewAssignment>;
export const Assignment = z.object({ id: Id, ...assignmentFields });
export type Assignment = z.infer<typeof Assignment>;

const determinationFields = {
  itemId: Id,
  reviewerId: Id,
  decision: Decision,
  /** The reviewer's basis: the guideline citations relied on. */
  basis: Basis,
  rationale: Text,
  /** What the engine recommended, as it said it (src/engine owns the shape). */
  engineRecommendation: JsonObject.optional(),
  /** Why the reviewer departed from the engine's recommendation. */
  overrideReason: Text.optional(),
  decidedAt: Timestamp,
};
export const NewItemDetermination = z.object(determinationFields);
export type NewItemDetermination = z.infer<typeof NewItemDetermination>;
export const ItemDetermination = z.object({ id: Id, ...determinationFields });
export type ItemDetermination = z.infer<typeof ItemDetermination>;

export const LetterKind = z.enum(['final', 'party-copy', 'public-redacted']);
export type LetterKind = z.infer<typeof LetterKind>;

export const LetterFormat = z.enum(['text', 'pdf']);
export type LetterFormat = z.infer<typeof LetterFormat>;

const letterFields = {
  caseId: Id,
  kind: LetterKind,
  /** Whose copy: absent for the final and the public letter. */
  recipientRole: PartyRole.optional(),
  format: LetterFormat,
  storagePath: Text.optional(),
  sha256: Sha256.optional(),
  issuedAt: Timestamp,
  letter: Letter,
};
export const NewLetterRecord = z.object(letterFields);
export type NewLetterRecord = z.infer<typeof NewLetterRecord>;
export const LetterRecord = z.object({ id: Id, ...letterFields });
export type LetterRecord = z.infer<typeof LetterRecord>;

// ---------------------------------------------------------------------------------------------
// Users and audit

export const UserRole = z.enum(['intake', 'coordinator', 'reviewer', 'qa', 'admin']);
export type UserRole = z.infer<typeof UserRole>;

/** Lower case, so that "Alice" and "alice" cannot be two accounts. */
export const Username = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'expected a lower-case user name');

const userFields = {
  username: Username,
  displayName: ShortText,
  role: UserRole,
  /** The reviewer record of a user with the reviewer role. */
  reviewerId: Id.optional(),
  passwordHash: Text,
  active: z.boolean(),
};
export const NewUser = z.object(userFields);
export type NewUser = z.infer<typeof NewUser>;
export const User = z.object({ id: Id, ...userFields, createdAt: Timestamp });
export type User = z.infer<typeof User>;

export const UserPatch = z.object({
  displayName: ShortText.optional(),
  role: UserRole.optional(),
  reviewerId: Id.nullable().optional(),
  passwordHash: Text.optional(),
  active: z.boolean().optional(),
});
export type UserPatch = z.infer<typeof UserPatch>;

/** A user id, or the system itself (timers, imports). */
export const AuditActor = z.union([Id, z.literal('system')]);
export type AuditActor = z.infer<typeof AuditActor>;

/**
 * Audit details are ids, codes, counts and flags — never names, clinical text or letter text. Values
 * are flat and strings are short so that free text has nowhere to go.
 */
export const AuditDetails = z.record(
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/),
  z.union([z.string().max(200), z.number(), z.boolean(), z.null()]),
);
export type AuditDetails = z.infer<typeof AuditDetails>;

const auditFields = {
  at: Timestamp,
  actor: AuditActor,
  /** `case.created`, `case.stage-changed`, `assignment.ended`… */
  action: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'expected a dotted action name'),
  entityType: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a kebab-case entity type'),
  entityId: z.string().min(1).max(64),
  caseId: Id.optional(),
  requestId: z.string().min(1).max(128),
  details: AuditDetails,
};
export const NewAuditEvent = z.object({
  ...auditFields,
  /** Defaults to now. */
  at: Timestamp.optional(),
  details: AuditDetails.optional(),
});
export type NewAuditEvent = z.infer<typeof NewAuditEvent>;
export const AuditEvent = z.object({ id: Id, ...auditFields });
export type AuditEvent = z.infer<typeof AuditEvent>;
