import { z } from 'zod';
import {
  Affiliation,
  AffiliationPatch,
  Application,
  Assignment,
  AuditEvent,
  Case,
  CaseDocument,
  CaseKind,
  CasePriority,
  CaseSource,
  CaseStage,
  Credential,
  CredentialPatch,
  DisputedItem,
  DocumentKind,
  ExpertReviewer,
  ExpertReviewerPatch,
  Id,
  ItemDetermination,
  LetterFormat,
  LetterKind,
  NewAffiliation,
  NewApplication,
  NewCredential,
  NewExpertReviewer,
  NewParty,
  NewUrDecision,
  Party,
  PartyRole,
  Timestamp,
  UrDecision,
  Username,
  UserRole,
} from '../domain/case.js';
import { ClockId } from '../domain/clocks.js';
import { ERROR_CODES, type ErrorCode } from '../domain/errors.js';
import { Basis, Decision, IsoDate, Letter, Sex } from '../domain/letter.js';
import { TreatmentKind } from '../domain/treatment.js';
import { ItemReview } from '../engine/review-types.js';

/**
 * The HTTP contract of the IMR Desk API: every route the web app uses, with its method, path, the
 * roles allowed and the zod schemas of its params, query, body and 200 response. The server registers
 * its routes from this table (so schema and route cannot drift) and the OpenAPI document at
 * `/api/docs` is generated from it. This file imports only zod and zod schemas, so the browser app
 * can `import type` from it (values too, if it wants the enums).
 *
 * Conventions
 * - Everything is under `/api/v1` except `GET /api/health` and the docs.
 * - Sign-in sets an httpOnly, SameSite=Strict session cookie. Every request that changes something
 *   (POST, PATCH, DELETE — except login) must send the session's CSRF token in the `x-csrf-token`
 *   header; the token comes back from login and from `GET /api/v1/auth/session`.
 * - Errors are `{ error: { code, message, details? }, requestId }` with the status of the code
 *   (docs/errors.md): 400 IMR_VALIDATION, 401 IMR_UNAUTHENTICATED, 403 IMR_FORBIDDEN (also a bad or
 *   missing CSRF token: IMR_CSRF_INVALID), 404 IMR_NOT_FOUND, 409 IMR_CONFLICT (stale
 *   `expectedVersion`), 429 IMR_RATE_LIMITED…
 * - Commands on a case name the case version they were built from (`expectedVersion`).
 * - Documents: `POST /api/v1/cases`, `…/records` and `…/expedite` take JSON with base64 documents, or
 *   `multipart/form-data` with a field `body` holding the JSON without `documents`, a field
 *   `documents` holding a JSON array `[{ title, kind, documentDate? }]` describing the file parts in
 *   order, and one file part per document (its content type is the document's MIME type).
 * - A reviewer sees only cases currently assigned to them; any other case answers 404, as if absent —
 *   except a case they decided that is no longer assigned to them: they may read it, their
 *   determination and its letters (`DECIDED_REVIEWER_ROUTES`), and anything else answers 403.
 * - Every read of a case document or letter file, of a case page and of the queue writes an audit
 *   event, and so does a refused request on a case route; a missing case answers one 404 on every
 *   case route.
 *
 * Routes (method path — roles):
 *   GET    /api/health                                        — public
 *   POST   /api/v1/auth/login                                  — public (rate limited)
 *   POST   /api/v1/auth/logout                                 — any signed-in user
 *   GET    /api/v1/auth/session                                — any signed-in user
 *   GET    /api/v1/queue                                       — intake, coordinator, qa, admin; reviewer (own cases)
 *   POST   /api/v1/cases                                       — intake, coordinator, admin (intake of an application)
 *   GET    /api/v1/cases/:caseId                               — all roles (reviewer: assigned only)
 *   POST   /api/v1/cases/:caseId/screening                     — intake, coordinator, admin (eligibility)
 *   GET    /api/v1/cases/:caseId/reviewer-candidates           — coordinator, admin
 *   POST   /api/v1/cases/:caseId/assignment                    — coordinator, admin
 *   POST   /api/v1/cases/:caseId/notice                        — intake, coordinator, admin
 *   POST   /api/v1/cases/:caseId/records                       — intake, coordinator, admin
 *   POST   /api/v1/cases/:caseId/supplemental-records          — intake, coordinator, admin
 *   POST   /api/v1/cases/:caseId/expedite                      — intake, coordinator, admin
 *   POST   /api/v1/cases/:caseId/extension                     — coordinator, admin
 *   POST   /api/v1/cases/:caseId/termination                   — coordinator, admin
 *   POST   /api/v1/cases/:caseId/close                         — coordinator, admin
 *   GET    /api/v1/cases/:caseId/documents/:documentId         — all roles (reviewer: assigned only); audited
 *   GET    /api/v1/cases/:caseId/documents/:documentId/content — all roles (reviewer: assigned only); audited
 *   GET    /api/v1/cases/:caseId/review                        — reviewer (assigned), coordinator, qa, admin
 *   POST   /api/v1/cases/:caseId/determination                 — reviewer (assigned), admin
 *   GET    /api/v1/cases/:caseId/letter/preview                — reviewer (assigned), coordinator, qa, admin
 *   POST   /api/v1/cases/:caseId/letter/approval               — qa, admin
 *   POST   /api/v1/cases/:caseId/letter/issue                  — coordinator, qa, admin (needs QA approval)
 *   POST   /api/v1/cases/:caseId/letter/return                 — qa, admin (back to the reviewer, with a comment)
 *   GET    /api/v1/cases/:caseId/letters/:letterId             — coordinator, qa, admin, intake; reviewer (assigned)
 *   GET    /api/v1/cases/:caseId/letters/:letterId/file        — same; audited (text or PDF bytes)
 *   GET    /api/v1/cases/:caseId/audit                         — qa, admin
 *   GET    /api/v1/cases/:caseId/timeline                      — qa, admin (the audit trail in plain language)
 *   GET    /api/v1/cases/:caseId/operations/preview            — intake, coordinator, admin (as the operation's own route)
 *   GET    /api/v1/dashboard                                   — coordinator, qa, admin
 *   GET    /api/v1/search/letters                              — all roles (published, redacted letters only)
 *   GET    /api/v1/published-letters/:letterId                 — all roles (published, redacted letters only)
 *   GET    /api/v1/users                                       — admin
 *   POST   /api/v1/users                                       — admin
 *   PATCH  /api/v1/users/:userId                               — admin
 *   GET    /api/v1/reviewers                                   — coordinator, admin
 *   GET    /api/v1/reviewers/:reviewerId                       — coordinator, admin
 *   POST   /api/v1/reviewers                                   — admin
 *   PATCH  /api/v1/reviewers/:reviewerId                       — admin
 *   POST   /api/v1/reviewers/:reviewerId/credentials           — admin
 *   PATCH  /api/v1/reviewers/:reviewerId/credentials/:credentialId   — admin
 *   DELETE /api/v1/reviewers/:reviewerId/credentials/:credentialId   — admin
 *   POST   /api/v1/reviewers/:reviewerId/affiliations          — admin
 *   PATCH  /api/v1/reviewers/:reviewerId/affiliations/:affiliationId — admin
 *   DELETE /api/v1/reviewers/:reviewerId/affiliations/:affiliationId — admin
 */

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** The largest id either database stores (ids are 32-bit integers on PostgreSQL). */
export const MAX_ID = 2_147_483_647;
/** An id in a path or query string (text on the wire). */
export const IdParam = z.coerce.number().int().positive().max(MAX_ID);
const When = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    /** IMR_VALIDATION: every wrong field by its path in the request, with a plain message. */
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The signed-in user as the app sees them (never the password hash). */
export const SessionUser = z.object({
  id: Id,
  username: Username,
  displayName: z.string(),
  role: UserRole,
  reviewerId: Id.optional(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.object({
  user: SessionUser,
  /** Send in the `x-csrf-token` header on every POST, PATCH and DELETE. */
  csrfToken: z.string(),
  expiresAt: Timestamp,
  /** The largest document the server accepts, in bytes (per file). */
  uploadLimitBytes: z.number().int().positive(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

/** Who may call a route: nobody needs to be signed in, anyone signed in, or these roles. */
export type RouteAccess = 'public' | 'signed-in' | readonly UserRole[];

// ---------------------------------------------------------------------------------------------
// Clocks and eligibility (the domain keeps these as interfaces; here is their wire shape)

export const ClockView = z.object({
  id: ClockId,
  label: z.string(),
  source: z.string(),
  status: z.enum(['not-started', 'pending', 'met', 'late', 'stopped']),
  unit: z.enum(['calendar-days', 'business-days', 'hours']),
  period: z.number(),
  startedAt: z.string().optional(),
  dueDate: IsoDate.optional(),
  dueAt: z.string().optional(),
  extendedFrom: IsoDate.optional(),
  extensionDays: z.number(),
  completedAt: z.string().optional(),
  notes: z.array(z.string()),
});
export type ClockView = z.infer<typeof ClockView>;

export const ClockReportView = z.object({
  asOf: z.string(),
  priority: z.enum(['standard', 'expedited']),
  convertedToExpeditedAt: z.string().optional(),
  stopped: z.object({ reason: z.string(), at: z.string() }).optional(),
  clocks: z.array(ClockView),
  extensions: z.array(z.object({ days: z.number(), reason: z.string(), approvedAt: z.string() })),
  lateRecordsPenalty: z.object({
    daysLate: z.number(),
    amountUsd: z.number(),
    capped: z.boolean(),
    source: z.string(),
  }),
});
export type ClockReportView = z.infer<typeof ClockReportView>;

export const Urgency = z.enum(['overdue', 'due-soon', 'on-track', 'no-deadline']);
export type Urgency = z.infer<typeof Urgency>;

export const ReasonFindingView = z.object({
  code: z.string(),
  effect: z.enum(['ineligible', 'deferred']),
  message: z.string(),
  source: z.string(),
  detail: z.string().optional(),
});

export const EligibilityView = z.object({
  status: z.enum(['eligible', 'ineligible', 'deferred', 'partially-eligible']),
  reasons: z.array(ReasonFindingView),
  items: z.array(
    z.object({
      itemId: z.string(),
      status: z.enum(['eligible', 'ineligible', 'deferred']),
      reasons: z.array(ReasonFindingView),
    }),
  ),
  filing: z.object({
    running: z.boolean(),
    periodStartsOn: IsoDate.optional(),
    deadline: z.object({ dueDate: IsoDate, dueAt: z.string().optional(), extendedFrom: IsoDate.optional() }).optional(),
    receivedOn: IsoDate,
    timely: z.boolean(),
    daysLate: z.number(),
  }),
  notes: z.array(z.string()),
});
export type EligibilityView = z.infer<typeof EligibilityView>;

// ---------------------------------------------------------------------------------------------
// Case views

export const QueueEntryView = z.object({
  case: Case,
  urgency: Urgency,
  /** The clock of the case's current stage, when it has one. */
  next: ClockView.nullable(),
  /** Current reviewer(s), by reviewer id and name (staff only; a reviewer sees their own). */
  reviewers: z.array(z.object({ id: Id, name: z.string() })),
  /** Only in search results (`q`): who and which claim, so the match can be seen. */
  employeeName: z.string().optional(),
  claimNumber: z.string().optional(),
});
export type QueueEntryView = z.infer<typeof QueueEntryView>;

// ---------------------------------------------------------------------------------------------
// The work queue and case search (GET /api/v1/queue)

/** Which cases by where they stand: open work (default), ended ones (ineligible, issued, closed…), or all. */
export const QueueState = z.enum(['open', 'ended', 'all']);
export type QueueState = z.infer<typeof QueueState>;

export const QueueSort = z.enum(['due', 'received', 'case-number']);
export type QueueSort = z.infer<typeof QueueSort>;

/** Kinds of field a case search matched (the audit records these, never the term). */
export const QueueSearchField = z.enum(['case-number', 'employee-name', 'claim-number']);

const dayOrder = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || a <= b;

export const QueueQuery = z
  .object({
    /** One stage or several (`?stage=assigned&stage=in-review`); given, it replaces `state`. */
    stage: z.union([CaseStage, z.array(CaseStage).min(1)]).optional(),
    state: QueueState.default('open'),
    priority: CasePriority.optional(),
    kind: CaseKind.optional(),
    source: CaseSource.optional(),
    /** Case number, employee name or claim number (contains, any case). */
    q: z.string().trim().min(2, 'Type at least 2 characters to search.').max(100).optional(),
    receivedFrom: IsoDate.optional(),
    receivedTo: IsoDate.optional(),
    decidedFrom: IsoDate.optional(),
    decidedTo: IsoDate.optional(),
    /** A dashboard overturn chart's group (`kind:medication`, `guideline:…`, `specialty:…`): its cases. */
    group: z
      .string()
      .regex(/^(kind|guideline|specialty):.{1,300}$/s, 'Expected kind:, guideline: or specialty: and a key.')
      .optional(),
    /** `due`: soonest due first (overdue first), no due date last. */
    sort: QueueSort.default('due'),
    order: z.enum(['asc', 'desc']).default('asc'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .refine((q) => dayOrder(q.receivedFrom, q.receivedTo), {
    path: ['receivedTo'],
    message: 'Received "to" must be on or after "from".',
  })
  .refine((q) => dayOrder(q.decidedFrom, q.decidedTo), {
    path: ['decidedTo'],
    message: 'Decided "to" must be on or after "from".',
  });
export type QueueQuery = z.input<typeof QueueQuery>;

export const QueueResponse = z.object({
  asOf: Timestamp,
  entries: z.array(QueueEntryView),
  /** Every case matching the filters (the entries are one page of them). */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type QueueResponse = z.infer<typeof QueueResponse>;

/** A document in a list: without its text. */
export const DocumentMeta = CaseDocument.omit({ extractedText: true, storagePath: true }).extend({
  /** For a PDF with scanned pages: what OCR read of them (pages read of those without a text layer). */
  ocr: z
    .object({
      status: z.enum(['read', 'partial', 'unavailable', 'failed']),
      pagesWanted: z.number().int().nonnegative(),
      pagesRead: z.number().int().nonnegative(),
    })
    .optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const DocumentView = CaseDocument.omit({ storagePath: true });
export type DocumentView = z.infer<typeof DocumentView>;

export const LetterMeta = z.object({
  id: Id,
  caseId: Id,
  kind: LetterKind,
  recipientRole: PartyRole.optional(),
  format: LetterFormat,
  sha256: z.string().optional(),
  issuedAt: Timestamp,
});
export type LetterMeta = z.infer<typeof LetterMeta>;

export const LetterRecordView = LetterMeta.extend({ letter: Letter });
export type LetterRecordView = z.infer<typeof LetterRecordView>;

export const ItemView = DisputedItem.extend({
  /** Every determination of the item, oldest first; the last of each reviewer stands. */
  determinations: z.array(ItemDetermination),
});
export type ItemView = z.infer<typeof ItemView>;

export const AssignmentView = Assignment.extend({ reviewerName: z.string() });
export type AssignmentView = z.infer<typeof AssignmentView>;

export const LetterApproval = z.object({
  caseId: Id,
  /** The case version the approved letter was built from; a later change to the case voids it. */
  caseVersion: z.number().int().positive(),
  approvedBy: Id,
  approvedByName: z.string(),
  approvedAt: Timestamp,
  /** The approval is for the case as it is now. */
  current: z.boolean(),
});
export type LetterApproval = z.infer<typeof LetterApproval>;

/** Clinical QA sent the determination back to the reviewer with this comment (issue 11). */
export const QaReturn = z.object({
  id: Id,
  /** The case version QA read when it returned the case. */
  caseVersion: z.number().int().positive(),
  returnedBy: Id,
  returnedByName: z.string(),
  returnedAt: Timestamp,
  comment: z.string(),
});
export type QaReturn = z.infer<typeof QaReturn>;

export const CaseDetail = z.object({
  case: Case,
  urgency: Urgency,
  clocks: ClockReportView,
  next: ClockView.nullable(),
  application: Application.nullable(),
  urDecision: UrDecision.nullable(),
  parties: z.array(Party),
  items: z.array(ItemView),
  documents: z.array(DocumentMeta),
  assignments: z.array(AssignmentView),
  letters: z.array(LetterMeta),
  letterApproval: LetterApproval.nullable(),
  /** QA's returns of the determination to the reviewer, with their comments, oldest first. */
  qaReturns: z.array(QaReturn),
  /** The latest eligibility screen's result, when the case was screened through the API. */
  eligibility: EligibilityView.nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseParams = z.object({ caseId: IdParam });
export const DocumentParams = z.object({ caseId: IdParam, documentId: IdParam });
export const LetterParams = z.object({ caseId: IdParam, letterId: IdParam });

const ExpectedVersion = z.object({ expectedVersion: z.number().int().positive() });

export const CaseResponse = z.object({ case: Case });
export type CaseResponse = z.infer<typeof CaseResponse>;

// ---------------------------------------------------------------------------------------------
// Intake and the steps before review

/** A document sent with a command: its bytes in base64 (PDF or text). */
export const DocumentUploadBody = z.object({
  title: z.string().trim().min(1).max(300),
  kind: DocumentKind,
  documentDate: IsoDate.optional(),
  mime: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'expected a MIME type'),
  contentBase64: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9+/=\s]+$/, 'expected base64'),
});
export type DocumentUploadBody = z.infer<typeof DocumentUploadBody>;

export const IntakeBody = z.object({
  caseNumber: z.string().trim().min(1).max(64).optional(),
  receivedAt: When.optional(),
  kind: CaseKind.default('regular'),
  application: NewApplication.omit({ caseId: true, receivedDate: true }),
  urDecision: NewUrDecision.omit({ caseId: true }).optional(),
  parties: z.array(NewParty.omit({ caseId: true })).default([]),
  /** Per disputed treatment, in the same order. A `category` left out is read from the request by the engine. */
  items: z
    .array(
      z.object({
        category: TreatmentKind.optional(),
        remainingPortion: z.string().trim().min(1).optional(),
        claimsAdministratorBasis: Basis.optional(),
      }),
    )
    .optional(),
  documents: z.array(DocumentUploadBody).max(50).default([]),
  /** `age` from 14 to 100 (checked with the other plausibility rules, domain/intake-rules.ts). */
  patient: z.object({ age: z.number().int().optional(), sex: Sex.optional() }).default({}),
  /** Intake checked the suggested duplicate (IMR_CASE_DUPLICATE, `details.originalCaseId`) and it is not one. */
  confirmedNotDuplicate: z.boolean().default(false),
});
export type IntakeBody = z.input<typeof IntakeBody>;

/** An upload left out because the same file (SHA-256) came earlier in the request or the case has it. */
export const DuplicateDocumentView = z.object({
  /** Its position among the uploaded documents. */
  index: z.number().int().nonnegative(),
  title: z.string(),
  of: z.union([
    z.object({ index: z.number().int().nonnegative(), title: z.string() }),
    z.object({ documentId: Id, title: z.string() }),
  ]),
});
export type DuplicateDocumentView = z.infer<typeof DuplicateDocumentView>;

/** What OCR read of a PDF's scanned pages (pages without a text layer). */
export const DocumentOcrView = z.object({
  index: z.number().int().nonnegative(),
  title: z.string(),
  status: z.enum(['read', 'partial', 'unavailable', 'failed']),
  pagesWanted: z.number().int().nonnegative(),
  pagesRead: z.number().int().nonnegative(),
  message: z.string().optional(),
});
export type DocumentOcrView = z.infer<typeof DocumentOcrView>;

export const IntakeResponse = z.object({
  case: Case,
  applicationId: Id,
  itemIds: z.array(Id),
  partyIds: z.array(Id),
  documentIds: z.array(Id),
  documentsWithoutText: z.number().int(),
  /** Uploads not stored because the same file came twice (SHA-256). */
  duplicateDocuments: z.array(DuplicateDocumentView),
  /** OCR of the scanned pages of PDFs. */
  ocr: z.array(DocumentOcrView),
  /** Open cases that could be decided together with this one (8 CCR 9792.10.4). */
  consolidation: z
    .object({ caseIds: z.array(Id), caseNumbers: z.array(z.string()), reasons: z.array(z.string()) })
    .nullable(),
  duplicateOverridden: z.object({ caseId: Id, reasons: z.array(z.string()) }).nullable(),
});
export type IntakeResponse = z.infer<typeof IntakeResponse>;

export const ScreeningBody = ExpectedVersion.extend({
  findings: z
    .object({
      urUntimely: z.boolean().optional(),
      imrFormProvided: z.boolean().optional(),
      representativeDesignationSignedOn: IsoDate.optional(),
      liabilityDispute: z
        .object({
          resolvedNoticeServedOn: When.optional(),
          resolvedNoticeServiceMethod: z.enum(['mail', 'electronic', 'personal']).optional(),
          employerAgreesEligible: z.boolean().optional(),
        })
        .optional(),
      changeOfMaterialFacts: z.array(z.number().int().positive()).optional(),
      notDisputedForMedicalNecessity: z.array(z.number().int().positive()).optional(),
    })
    .default({}),
});
export type ScreeningBody = z.input<typeof ScreeningBody>;

export const ScreeningResponse = z.object({ case: Case, eligibility: EligibilityView });
export type ScreeningResponse = z.infer<typeof ScreeningResponse>;

export const CandidateView = z.object({
  rank: z.number().int(),
  reviewer: z.object({ id: Id, name: z.string(), profession: z.string().optional() }),
  matchScore: z.number(),
  californiaLicensed: z.boolean(),
  workload: z.object({ open: z.number(), capacity: z.number(), utilisation: z.number() }),
  needsConflictReview: z.boolean(),
  specialty: z.object({
    score: z.number(),
    relevant: z.boolean(),
    explanation: z.string(),
    fits: z.array(z.object({ specialty: z.string(), via: z.string(), score: z.number() })),
    /** The reviewer's best fit to each disputed item, in item order. */
    items: z.array(
      z.object({ need: z.string(), specialty: z.string().optional(), score: z.number(), relevant: z.boolean() }),
    ),
  }),
  qualification: z.object({
    qualified: z.boolean(),
    criteria: z.array(
      z.object({ criterion: z.string(), passed: z.boolean(), applicable: z.boolean(), detail: z.string() }),
    ),
  }),
  conflicts: z.object({
    clear: z.boolean(),
    needsReview: z.boolean(),
    hits: z.array(
      z.object({
        partyRole: z.string(),
        affiliation: z.string(),
        rule: z.string(),
        severity: z.enum(['conflict', 'review']),
        explanation: z.string(),
      }),
    ),
    notes: z.array(z.string()),
    rolesScreened: z.array(z.string()),
  }),
});
export type CandidateView = z.infer<typeof CandidateView>;

export const ExcludedCandidateView = z.object({
  reviewer: z.object({ id: Id, name: z.string() }),
  /** `kind`: `unqualified`, `conflict`, `at-capacity`, `previous-reviewer`, `invalid-record`, `no-workload-data`; `detail` in plain words. */
  reasons: z.array(z.object({ kind: z.string(), detail: z.string() })),
});
export type ExcludedCandidateView = z.infer<typeof ExcludedCandidateView>;

export const CandidatesQuery = z.object({
  treatmentKind: TreatmentKind.optional(),
  /** src/reviewers `BodySystem` (spine, upper-extremity, …); derived from every item and the diagnosis codes when absent. */
  bodySystem: z.string().min(1).max(40).optional(),
});
export type CandidatesQuery = z.input<typeof CandidatesQuery>;

export const CandidatesResponse = z.object({
  needs: z.object({
    treatmentKind: z.string(),
    bodySystem: z.string(),
    asOf: IsoDate,
    /** One entry per disputed item: what it asks of the reviewer and where the body region came from. */
    items: z.array(
      z.object({
        request: z.string(),
        treatmentKind: z.string(),
        bodySystem: z.string(),
        region: z.string().optional(),
        diagnosis: z.string().optional(),
        /** `request` (named in the request), `diagnosis` (the item's code), `case-diagnoses`, `chosen`, `unknown`. */
        source: z.string(),
        /** In plain words: "imaging of the lumbar spine". */
        description: z.string(),
      }),
    ),
  }),
  /** Qualified reviewers whose conflict screen is clear, best first. */
  ranked: z.array(CandidateView),
  /** Qualified reviewers whose screen needs a person's look (never shown as conflict-free), best first. */
  needsLook: z.array(CandidateView),
  excluded: z.array(ExcludedCandidateView),
});
export type CandidatesResponse = z.infer<typeof CandidatesResponse>;

export const AssignmentBody = ExpectedVersion.extend({
  /** Named reviewers (the first is primary); absent: the best-ranked is chosen. */
  reviewerIds: z.array(Id).min(1).max(5).optional(),
  panelSize: z.number().int().min(1).max(5).optional(),
  adApprovedPanel: z.boolean().optional(),
  /** The coordinator looked at "needs review" conflict hits of the named reviewers and accepts them. */
  confirmConflictReview: z.boolean().optional(),
  needs: z.object({ treatmentKind: TreatmentKind, bodySystem: z.string().min(1).max(40) }).optional(),
});
export type AssignmentBody = z.input<typeof AssignmentBody>;

export const AssignmentResponse = z.object({
  case: Case,
  assignments: z.array(Assignment),
  explanation: z.string(),
});
export type AssignmentResponse = z.infer<typeof AssignmentResponse>;

export const NoticeBody = ExpectedVersion.extend({ method: z.enum(['mail', 'electronic']), sentAt: When.optional() });
export type NoticeBody = z.input<typeof NoticeBody>;

export const RecordsBody = ExpectedVersion.extend({
  receivedAt: When.optional(),
  documents: z.array(DocumentUploadBody).max(50).default([]),
});
export type RecordsBody = z.input<typeof RecordsBody>;

export const SupplementalRecordsBody = ExpectedVersion.extend({
  receivedAt: When.optional(),
  documents: z.array(DocumentUploadBody).min(1).max(50),
});
export type SupplementalRecordsBody = z.input<typeof SupplementalRecordsBody>;

export const ExpediteBody = ExpectedVersion.extend({
  certifiedAt: When.optional(),
  documents: z.array(DocumentUploadBody).min(1).max(50),
});
export type ExpediteBody = z.input<typeof ExpediteBody>;

export const ExtensionBody = ExpectedVersion.extend({
  days: z.number().int().min(1).max(3),
  reason: z.enum(['extraordinary-circumstances', 'good-cause']),
});
export type ExtensionBody = z.input<typeof ExtensionBody>;

export const TerminationBody = ExpectedVersion.extend({
  reason: z.enum(['treatment-authorized', 'request-withdrawn', 'settled']),
  at: When.optional(),
});
export type TerminationBody = z.input<typeof TerminationBody>;

export const CloseBody = ExpectedVersion;
export type CloseBody = z.input<typeof CloseBody>;

export const DocumentsCreatedResponse = z.object({
  case: Case,
  documentIds: z.array(Id),
  duplicateDocuments: z.array(DuplicateDocumentView).optional(),
  ocr: z.array(DocumentOcrView).optional(),
});
export type DocumentsCreatedResponse = z.infer<typeof DocumentsCreatedResponse>;

// ---------------------------------------------------------------------------------------------
// Review and determination

export const ItemDraft = z.object({
  /** Prefill: the engine's recommendation, or null when it refers the item to the physician. */
  decision: Decision.nullable(),
  basis: Basis,
  rationale: z.string(),
});
export type ItemDraft = z.infer<typeof ItemDraft>;

export const ReviewItemView = z.object({
  itemId: Id,
  seq: z.number().int(),
  request: z.string(),
  /** The engine's output: recommendation, topic, citations, criteria with quotes (offsets into `text`). */
  review: ItemReview,
  draft: ItemDraft,
});
export type ReviewItemView = z.infer<typeof ReviewItemView>;

export const RecordSegment = z.object({
  documentId: Id,
  title: z.string(),
  /** This document's text is `text.slice(start, end)`. */
  start: z.number().int(),
  end: z.number().int(),
});
export type RecordSegment = z.infer<typeof RecordSegment>;

export const ReviewResponse = z.object({
  caseVersion: z.number().int().positive(),
  /** The record the engine read: the clinical documents' extracted texts joined by a blank line. */
  text: z.string(),
  /** Which range of `text` is which document (quote offsets fall inside one of them). */
  segments: z.array(RecordSegment),
  items: z.array(ReviewItemView),
  /** The signed-in reviewer's standing determinations on the case, if any (latest per item). */
  myDeterminations: z.array(ItemDetermination),
});
export type ReviewResponse = z.infer<typeof ReviewResponse>;

export const DeterminationBody = ExpectedVersion.extend({
  items: z
    .array(
      z.object({
        itemId: Id,
        decision: Decision,
        basis: Basis,
        rationale: z.string().trim().min(1),
        /** Required when the decision departs from the engine's Upheld/Overturned recommendation. */
        overrideReason: z.string().trim().min(1).max(4000).optional(),
      }),
    )
    .min(1),
  /** The reviewer's clinical case summary for the letter. */
  clinicalSummary: z.string().trim().min(1).optional(),
});
export type DeterminationBody = z.input<typeof DeterminationBody>;

export const DeterminationResponse = z.object({
  case: Case,
  determinations: z.array(ItemDetermination),
  complete: z.boolean(),
});
export type DeterminationResponse = z.infer<typeof DeterminationResponse>;

// ---------------------------------------------------------------------------------------------
// Letters

export const LetterPreviewResponse = z.object({
  caseVersion: z.number().int().positive(),
  letter: Letter,
  text: z.string(),
  publicLetter: Letter,
  approval: LetterApproval.nullable(),
});
export type LetterPreviewResponse = z.infer<typeof LetterPreviewResponse>;

export const ApprovalBody = ExpectedVersion;
export type ApprovalBody = z.input<typeof ApprovalBody>;
export const ApprovalResponse = z.object({ approval: LetterApproval });
export type ApprovalResponse = z.infer<typeof ApprovalResponse>;

export const IssueBody = ExpectedVersion.extend({ formats: z.array(LetterFormat).min(1).optional() });
export type IssueBody = z.input<typeof IssueBody>;
export const IssueResponse = z.object({ case: Case, letters: z.array(LetterMeta) });
export type IssueResponse = z.infer<typeof IssueResponse>;

export const LetterFileQuery = z.object({
  /** `attachment` (default) asks the browser to save it; `inline` to show it. */
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
});

// Letter integrity: QA returns a determination to the reviewer (issue 11).

export const ReturnToReviewerBody = ExpectedVersion.extend({
  /** What the reviewer should change; shown to them beside their decisions. */
  comment: z.string().trim().min(1).max(4000),
});
export type ReturnToReviewerBody = z.input<typeof ReturnToReviewerBody>;
export const ReturnToReviewerResponse = z.object({ case: Case, qaReturn: QaReturn });
export type ReturnToReviewerResponse = z.infer<typeof ReturnToReviewerResponse>;

export const AuditResponse = z.object({ events: z.array(AuditEvent) });
export type AuditResponse = z.infer<typeof AuditResponse>;

// ---------------------------------------------------------------------------------------------
// Dashboard and search

export const RateRow = z.object({
  /** The group: a treatment kind, a guideline, a specialty. */
  key: z.string(),
  label: z.string(),
  decided: z.number().int(),
  overturned: z.number().int(),
  /** overturned / decided, 0–1. */
  overturnRate: z.number(),
});
export type RateRow = z.infer<typeof RateRow>;

export const DashboardQuery = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    /** Which cases: those decided through the desk, imported published letters, or both (default). */
    source: z.enum(['all', 'intake', 'import']).default('all'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['to'],
    message: '"To" must be on or after "From".',
  });
export type DashboardQuery = z.input<typeof DashboardQuery>;

export const DashboardResponse = z.object({
  asOf: Timestamp,
  volumes: z.object({
    /** Per month (`YYYY-MM`): applications received and cases decided. */
    byMonth: z.array(z.object({ month: z.string(), received: z.number().int(), decided: z.number().int() })),
    /** Open cases per stage now. */
    byStage: z.array(z.object({ stage: CaseStage, label: z.string(), count: z.number().int() })),
    openCases: z.number().int(),
    decidedCases: z.number().int(),
    decidedItems: z.number().int(),
  }),
  timeliness: z.object({
    /** Decided cases with both a received and decision date in the period. */
    measured: z.number().int(),
    /** Decided by the decision clock's due date. */
    onTime: z.number().int(),
    late: z.number().int(),
    onTimeRate: z.number(),
    medianDaysToDecision: z.number().nullable(),
    /** Open cases now past their current stage's due date. */
    openOverdue: z.number().int(),
    /** Per month of decision (`YYYY-MM`), cases decided through the desk on time and late. */
    byMonth: z.array(z.object({ month: z.string(), onTime: z.number().int(), late: z.number().int() })),
  }),
  overturn: z.object({
    overall: RateRow,
    byKind: z.array(RateRow),
    byGuideline: z.array(RateRow),
    bySpecialty: z.array(RateRow),
  }),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(500),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Hits to skip; `offset + limit` is at most 100 (the search ranks the best 100). */
  offset: z.coerce.number().int().min(0).max(99).default(0),
});
export type SearchQuery = z.input<typeof SearchQuery>;

export const SearchHitView = z.object({
  letterId: Id,
  caseId: Id,
  caseNumber: z.string(),
  score: z.number(),
  /** Matched terms are between « and »; escape the rest before rendering as HTML. */
  snippet: z.string(),
  decisionDate: IsoDate.optional(),
  items: z.array(z.object({ request: z.string(), decision: Decision })),
});
export type SearchHitView = z.infer<typeof SearchHitView>;

export const SearchResponse = z.object({
  hits: z.array(SearchHitView),
  /** Hits found, counted up to 100. */
  total: z.number().int(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

export const PublishedLetterParams = z.object({ letterId: IdParam });
export const PublishedLetterResponse = z.object({ letterId: Id, caseNumber: z.string(), letter: Letter });
export type PublishedLetterResponse = z.infer<typeof PublishedLetterResponse>;

// ---------------------------------------------------------------------------------------------
// Administration

export const UserView = z.object({
  id: Id,
  username: Username,
  displayName: z.string(),
  role: UserRole,
  reviewerId: Id.optional(),
  active: z.boolean(),
  createdAt: Timestamp,
});
export type UserView = z.infer<typeof UserView>;

/** At least 12 characters: long passphrases beat composition rules. */
export const Password = z.string().min(12).max(256);

export const NewUserBody = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(300),
  role: UserRole,
  reviewerId: Id.optional(),
  password: Password,
});
export type NewUserBody = z.input<typeof NewUserBody>;

export const UserPatchBody = z.object({
  displayName: z.string().trim().min(1).max(300).optional(),
  role: UserRole.optional(),
  reviewerId: Id.nullable().optional(),
  active: z.boolean().optional(),
  password: Password.optional(),
});
export type UserPatchBody = z.input<typeof UserPatchBody>;

export const UserParams = z.object({ userId: IdParam });
export const UserResponse = z.object({ user: UserView });
export const UsersResponse = z.object({ users: z.array(UserView) });
export type UsersResponse = z.infer<typeof UsersResponse>;

export const ReviewerProfileView = z.object({
  reviewer: ExpertReviewer,
  credentials: z.array(Credential),
  affiliations: z.array(Affiliation),
  /** Open reviews now (the one workload figure: assignments on cases in a review stage). */
  openAssignments: z.number().int(),
  /** The open reviews a reviewer may carry (IMR_REVIEWER_CAPACITY). */
  capacity: z.number().int(),
});
export type ReviewerProfileView = z.infer<typeof ReviewerProfileView>;

export const ReviewersQuery = z.object({
  active: z.enum(['true', 'false', 'all']).default('all'),
});
export const ReviewersResponse = z.object({ reviewers: z.array(ReviewerProfileView) });
export type ReviewersResponse = z.infer<typeof ReviewersResponse>;
export const ReviewerParams = z.object({ reviewerId: IdParam });
export const CredentialParams = z.object({ reviewerId: IdParam, credentialId: IdParam });
export const AffiliationParams = z.object({ reviewerId: IdParam, affiliationId: IdParam });
export const ReviewerResponse = z.object({ profile: ReviewerProfileView });
export type ReviewerResponse = z.infer<typeof ReviewerResponse>;

export const NewReviewerBody = NewExpertReviewer;
export const ReviewerPatchBody = ExpertReviewerPatch;
export const NewCredentialBody = NewCredential.omit({ reviewerId: true });
export const CredentialPatchBody = CredentialPatch;
export const NewAffiliationBody = NewAffiliation.omit({ reviewerId: true });
export const AffiliationPatchBody = AffiliationPatch;
export const CredentialResponse = z.object({ credential: Credential });
export const AffiliationResponse = z.object({ affiliation: Affiliation });

export const LoginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
export type LoginBody = z.infer<typeof LoginBody>;

export const HealthResponse = z.object({ status: z.literal('ok') });
export const EmptyResponse = z.object({});

// ---------------------------------------------------------------------------------------------
// Case operations (extension, termination, expedite, close), the case timeline, reviewer access

/** The operations a preview can show; each runs through its own route (extend, terminate, expedite, close). */
export const CaseOperation = z.enum(['extension', 'termination', 'expedite', 'close']);
export type CaseOperation = z.infer<typeof CaseOperation>;

/**
 * What the operation would do, asked before confirming it: the same fields as the operation's body
 * (the workflow checks them per operation, with the operation's role, stage and limits).
 */
export const OperationPreviewQuery = z.object({
  operation: CaseOperation,
  expectedVersion: z.coerce.number().int().positive(),
  days: z.coerce.number().int().optional(),
  reason: z.string().max(40).optional(),
  at: When.optional(),
  certifiedAt: When.optional(),
});
export type OperationPreviewQuery = z.input<typeof OperationPreviewQuery>;

export const OperationPreviewResponse = z.object({
  operation: CaseOperation,
  stage: z.object({ from: CaseStage, to: CaseStage }),
  priority: z.object({ from: Case.shape.priority, to: Case.shape.priority }),
  /** The clocks now, and as they would be after the operation. */
  before: ClockReportView,
  after: ClockReportView,
  /** Current reviewer assignments the operation ends. */
  assignmentsEnding: z.number().int(),
  /** Extension days recorded already, and the most the law allows in all (LC 4610.6(d)). */
  extensionDaysGranted: z.number().int(),
  extensionDaysAllowed: z.number().int(),
});
export type OperationPreviewResponse = z.infer<typeof OperationPreviewResponse>;

/** One event of a case's audit trail, told in plain language. */
export const TimelineEntryView = z.object({
  id: Id,
  /** When it was recorded. */
  at: Timestamp,
  /** When it happened, if given as another day (records received earlier…). */
  happenedAt: z.string().optional(),
  who: z.string(),
  /** `change`: the case moved or was decided; `read`: someone opened it; `refusal`: someone was turned away. */
  kind: z.enum(['change', 'read', 'refusal']),
  what: z.string(),
  detail: z.string().optional(),
});
export type TimelineEntryView = z.infer<typeof TimelineEntryView>;

export const CaseTimelineResponse = z.object({ entries: z.array(TimelineEntryView) });
export type CaseTimelineResponse = z.infer<typeof CaseTimelineResponse>;

// ---------------------------------------------------------------------------------------------
// The route table

export interface RouteSpec {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly access: RouteAccess;
  readonly summary: string;
  readonly tag: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The body may also come as `multipart/form-data` with the documents as file parts. */
  readonly uploads?: true;
  /** The 200 body; `'file'` for bytes (PDF or text). */
  readonly response: z.ZodType | 'file';
}

const ALL = ['intake', 'coordinator', 'reviewer', 'qa', 'admin'] as const satisfies readonly UserRole[];
const INTAKE = ['intake', 'coordinator', 'admin'] as const satisfies readonly UserRole[];
const COORDINATION = ['coordinator', 'admin'] as const satisfies readonly UserRole[];
const ADMIN = ['admin'] as const satisfies readonly UserRole[];
/** Who may read a case's audit trail (raw, or as its timeline). */
const AUDIT_READERS = ['qa', 'admin'] as const satisfies readonly UserRole[];

export const ROUTES = {
  health: {
    method: 'GET',
    path: '/api/health',
    access: 'public',
    summary: 'Liveness',
    tag: 'system',
    response: HealthResponse,
  },
  login: {
    method: 'POST',
    path: '/api/v1/auth/login',
    access: 'public',
    summary: 'Sign in; sets the session cookie',
    tag: 'auth',
    body: LoginBody,
    response: SessionResponse,
  },
  logout: {
    method: 'POST',
    path: '/api/v1/auth/logout',
    access: 'signed-in',
    summary: 'Sign out; ends the session',
    tag: 'auth',
    response: EmptyResponse,
  },
  session: {
    method: 'GET',
    path: '/api/v1/auth/session',
    access: 'signed-in',
    summary: 'The signed-in user and the CSRF token',
    tag: 'auth',
    response: SessionResponse,
  },
  queue: {
    method: 'GET',
    path: '/api/v1/queue',
    access: ALL,
    summary: 'Cases by stage with their clocks, overdue and due soon first (a reviewer: their own cases)',
    tag: 'cases',
    query: QueueQuery,
    response: QueueResponse,
  },
  intake: {
    method: 'POST',
    path: '/api/v1/cases',
    access: INTAKE,
    summary: 'Receive an application with its UR decision and documents',
    tag: 'intake',
    body: IntakeBody,
    uploads: true,
    response: IntakeResponse,
  },
  caseDetail: {
    method: 'GET',
    path: '/api/v1/cases/:caseId',
    access: ALL,
    summary: 'A case with its clocks, application, parties, items, documents, assignments and letters',
    tag: 'cases',
    params: CaseParams,
    response: CaseDetail,
  },
  screen: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/screening',
    access: INTAKE,
    summary: 'Screen the application for eligibility',
    tag: 'intake',
    params: CaseParams,
    body: ScreeningBody,
    response: ScreeningResponse,
  },
  candidates: {
    method: 'GET',
    path: '/api/v1/cases/:caseId/reviewer-candidates',
    access: COORDINATION,
    summary: 'Qualified reviewers ranked for the case, with the conflict screen and specialty match',
    tag: 'assignment',
    params: CaseParams,
    query: CandidatesQuery,
    response: CandidatesResponse,
  },
  assign: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/assignment',
    access: COORDINATION,
    summary: 'Assign the reviewer (named, or the best-ranked)',
    tag: 'assignment',
    params: CaseParams,
    body: AssignmentBody,
    response: AssignmentResponse,
  },
  notice: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/notice',
    access: INTAKE,
    summary: 'Send the notice of assignment (starts the records clock)',
    tag: 'cases',
    params: CaseParams,
    body: NoticeBody,
    response: CaseResponse,
  },
  records: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/records',
    access: INTAKE,
    summary: 'Receive the medical records (starts the decision clock)',
    tag: 'cases',
    params: CaseParams,
    body: RecordsBody,
    uploads: true,
    response: DocumentsCreatedResponse,
  },
  supplementalRecords: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/supplemental-records',
    access: INTAKE,
    summary: 'Add records that arrived after the records were received (audited; the clocks stay as they are)',
    tag: 'cases',
    params: CaseParams,
    body: SupplementalRecordsBody,
    uploads: true,
    response: DocumentsCreatedResponse,
  },
  expedite: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/expedite',
    access: INTAKE,
    summary: "Convert to expedited review on the physician's certification",
    tag: 'cases',
    params: CaseParams,
    body: ExpediteBody,
    uploads: true,
    response: DocumentsCreatedResponse,
  },
  extend: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/extension',
    access: COORDINATION,
    summary: 'Record an extension of the decision period approved by the AD',
    tag: 'cases',
    params: CaseParams,
    body: ExtensionBody,
    response: CaseResponse,
  },
  terminate: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/termination',
    access: COORDINATION,
    summary: 'Terminate or withdraw the review',
    tag: 'cases',
    params: CaseParams,
    body: TerminationBody,
    response: CaseResponse,
  },
  close: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/close',
    access: COORDINATION,
    summary: 'Close a case whose letter has issued',
    tag: 'cases',
    params: CaseParams,
    body: CloseBody,
    response: CaseResponse,
  },
  document: {
    method: 'GET',
    path: '/api/v1/cases/:caseId/documents/:documentId',
    access: ALL,
    summary: 'A case document with its extracted text (audited)',
    tag: 'documents',
    params: DocumentParams,
    response: DocumentView,
  },
  documentContent: {
    method: 'GET',
    path: '/api/v1/cases/:caseId/documents/:documentId/content',
    access: ALL,
    summary: 'The bytes of a case document (audited)',
    tag: 'documents',
    params: DocumentParams,
    query: LetterFileQuery,
    response: 'file',
  },
  review: {
    method: 'GET',
    path: '/api/v1/cases/:caseId/review',
    access: ['reviewer', 'coordinator', 'qa', 'admin'],
    summary: "The engine's recommendation per item, with criteria, quotes and a drafted rationale",
    tag: 'review',
    params: CaseParams,
    response: ReviewResponse,
  },
  determine: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/determination',
    access: ['reviewer', 'admin'],
    summary: "Record the reviewer's decisions (a reason is required where they depart from the engine)",
    tag: 'review',
    params: CaseParams,
    body: DeterminationBody,
    response: DeterminationResponse,
  },
  letterPreview: {
    method: 'GET',
    path: '/api/v1/cases/:caseId/letter/preview',
    access: ['reviewer', 'coordinator', 'qa', 'admin'],
    summary: 'The letter as it would issue now, and its public redacted copy',
    tag: 'letters',
    params: CaseParams,
    response: LetterPreviewResponse,
  },
  approveLetter: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/letter/approval',
    access: ['qa', 'admin'],
    summary: 'QA approval of the letter for the current case version',
    tag: 'letters',
    params: CaseParams,
    body: ApprovalBody,
    response: ApprovalResponse,
  },
  issueLetter: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/letter/issue',
    access: ['coordinator', 'qa', 'admin'],
    summary: 'Issue the Final Determination Letter, party copies and the public copy (needs QA approval)',
    tag: 'letters',
    params: CaseParams,
    body: IssueBody,
    response: IssueResponse,
  },
  letter: {
    method: 'GET',
    path: '/api/v1/cases/:caseId/letters/:letterId',
    access: ALL,
    summary: 'An issued letter record with its letter JSON (audited)',
    tag: 'letters',
    params: LetterParams,
    response: LetterRecordView,
  },
  letterFile: {
    method: 'GET',
    path: '/api/v1/cases/:caseId/letters/:letterId/file',
    access: ALL,
    summary: 'Download an issued letter (PDF or text, audited)',
    tag: 'letters',
    params: LetterParams,
    query: LetterFileQuery,
    response: 'file',
  },
  caseAudit: {
    method: 'GET',
    path: '/api/v1/cases/:caseId/audit',
    access: AUDIT_READERS,
    summary: 'The audit trail of a case',
    tag: 'cases',
    params: CaseParams,
    response: AuditResponse,
  },
  // Case operations, timeline (issue 11)
  caseTimeline: {
    method: 'GET',
    path: '/api/v1/cases/:caseId/timeline',
    access: AUDIT_READERS,
    summary: 'The audit trail of a case in plain language: who did what and when, oldest first',
    tag: 'cases',
    params: CaseParams,
    response: CaseTimelineResponse,
  },
  operationPreview: {
    method: 'GET',
    path: '/api/v1/cases/:caseId/operations/preview',
    access: INTAKE,
    summary:
      'What an extension, termination, conversion to expedited or closing would do to the stage and clocks (nothing is written; the operation’s own roles apply)',
    tag: 'cases',
    params: CaseParams,
    query: OperationPreviewQuery,
    response: OperationPreviewResponse,
  },
  dashboard: {
    method: 'GET',
    path: '/api/v1/dashboard',
    access: ['coordinator', 'qa', 'admin'],
    summary: 'Volumes, timeliness and overturn rates',
    tag: 'dashboard',
    query: DashboardQuery,
    response: DashboardResponse,
  },
  searchLetters: {
    method: 'GET',
    path: '/api/v1/search/letters',
    access: ALL,
    summary: 'Full-text search over published (redacted) letters',
    tag: 'search',
    query: SearchQuery,
    response: SearchResponse,
  },
  publishedLetter: {
    method: 'GET',
    path: '/api/v1/published-letters/:letterId',
    access: ALL,
    summary: 'A published (redacted) letter',
    tag: 'search',
    params: PublishedLetterParams,
    response: PublishedLetterResponse,
  },
  listUsers: {
    method: 'GET',
    path: '/api/v1/users',
    access: ADMIN,
    summary: 'Users',
    tag: 'admin',
    response: UsersResponse,
  },
  createUser: {
    method: 'POST',
    path: '/api/v1/users',
    access: ADMIN,
    summary: 'Create a user',
    tag: 'admin',
    body: NewUserBody,
    response: UserResponse,
  },
  updateUser: {
    method: 'PATCH',
    path: '/api/v1/users/:userId',
    access: ADMIN,
    summary: 'Change a user (role, name, active, password)',
    tag: 'admin',
    params: UserParams,
    body: UserPatchBody,
    response: UserResponse,
  },
  listReviewers: {
    method: 'GET',
    path: '/api/v1/reviewers',
    access: COORDINATION,
    summary: 'Expert reviewers with credentials, affiliations and open assignments',
    tag: 'admin',
    query: ReviewersQuery,
    response: ReviewersResponse,
  },
  getReviewer: {
    method: 'GET',
    path: '/api/v1/reviewers/:reviewerId',
    access: COORDINATION,
    summary: 'An expert reviewer',
    tag: 'admin',
    params: ReviewerParams,
    response: ReviewerResponse,
  },
  createReviewer: {
    method: 'POST',
    path: '/api/v1/reviewers',
    access: ADMIN,
    summary: 'Create an expert reviewer',
    tag: 'admin',
    body: NewReviewerBody,
    response: ReviewerResponse,
  },
  updateReviewer: {
    method: 'PATCH',
    path: '/api/v1/reviewers/:reviewerId',
    access: ADMIN,
    summary: 'Change an expert reviewer',
    tag: 'admin',
    params: ReviewerParams,
    body: ReviewerPatchBody,
    response: ReviewerResponse,
  },
  addCredential: {
    method: 'POST',
    path: '/api/v1/reviewers/:reviewerId/credentials',
    access: ADMIN,
    summary: 'Add a license, board certification or specialty',
    tag: 'admin',
    params: ReviewerParams,
    body: NewCredentialBody,
    response: CredentialResponse,
  },
  updateCredential: {
    method: 'PATCH',
    path: '/api/v1/reviewers/:reviewerId/credentials/:credentialId',
    access: ADMIN,
    summary: 'Change a credential',
    tag: 'admin',
    params: CredentialParams,
    body: CredentialPatchBody,
    response: CredentialResponse,
  },
  removeCredential: {
    method: 'DELETE',
    path: '/api/v1/reviewers/:reviewerId/credentials/:credentialId',
    access: ADMIN,
    summary: 'Remove a credential',
    tag: 'admin',
    params: CredentialParams,
    response: EmptyResponse,
  },
  addAffiliation: {
    method: 'POST',
    path: '/api/v1/reviewers/:reviewerId/affiliations',
    access: ADMIN,
    summary: 'Add an affiliation (screened for conflicts)',
    tag: 'admin',
    params: ReviewerParams,
    body: NewAffiliationBody,
    response: AffiliationResponse,
  },
  updateAffiliation: {
    method: 'PATCH',
    path: '/api/v1/reviewers/:reviewerId/affiliations/:affiliationId',
    access: ADMIN,
    summary: 'Change an affiliation',
    tag: 'admin',
    params: AffiliationParams,
    body: AffiliationPatchBody,
    response: AffiliationResponse,
  },
  removeAffiliation: {
    method: 'DELETE',
    path: '/api/v1/reviewers/:reviewerId/affiliations/:affiliationId',
    access: ADMIN,
    summary: 'Remove an affiliation',
    tag: 'admin',
    params: AffiliationParams,
    response: EmptyResponse,
  },

  // Letter integrity (issue 11)
  returnToReviewer: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/letter/return',
    access: ['qa', 'admin'],
    summary: 'Return the determination to the reviewer with a comment (QA); any approval lapses',
    tag: 'letters',
    params: CaseParams,
    body: ReturnToReviewerBody,
    response: ReturnToReviewerResponse,
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;

/** The routes a reviewer may call on a case they decided that is no longer assigned to them (read-only). */
export const DECIDED_REVIEWER_ROUTES: readonly RouteName[] = ['caseDetail', 'letter', 'letterFile'];
type Spec<N extends RouteName> = (typeof ROUTES)[N];

/** What the client sends as the JSON body of route `N` (before defaults are applied). */
export type RouteBody<N extends RouteName> = Spec<N> extends { body: infer B extends z.ZodType } ? z.input<B> : never;
/** The query string of route `N`. */
export type RouteQuery<N extends RouteName> = Spec<N> extends { query: infer Q extends z.ZodType } ? z.input<Q> : never;
/** The path parameters of route `N`. */
export type RouteParams<N extends RouteName> =
  Spec<N> extends { params: infer P extends z.ZodType } ? z.input<P> : never;
/** The 200 response of route `N` (`Blob`-like bytes for file routes). */
export type RouteResponse<N extends RouteName> = Spec<N>['response'] extends infer R extends z.ZodType
  ? z.output<R>
  : ArrayBuffer;

/** Fills `:name` placeholders of a route path. */
export function routePath(path: string, params: Readonly<Record<string, string | number>> = {}): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** Header carrying the CSRF token on changing requests. */
export const CSRF_HEADER = 'x-csrf-token';
/** The session cookie's name. */
export const SESSION_COOKIE = 'imr_session';

export { CASE_STAGE_INFO } from '../domain/case.js';
