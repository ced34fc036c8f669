import type { Application, Case, DisputedItem, LetterFormat, Party, PartyRole, PostalAddress } from '../domain/case.js';
import { localDateOf } from '../domain/clock-dates.js';
import type { Letter } from '../domain/letter.js';
import {
  type Addressee,
  type CaseReference,
  type IneligibilityReason,
  type Letterhead,
  layoutDeterminationCopy,
  layoutNoticeOfAssignment,
  layoutNoticeOfIneligibility,
  type RecipientKind,
  renderPagesPdf,
  renderPagesText,
} from '../letter/index.js';
import type { LayoutPage } from '../letter/layout.js';
import { appendAudit, documents, type StoredFile, type Tx } from '../store/index.js';
import type { Actor } from './actor.js';
import type { Scope } from './context.js';
import { CASE_ACTIONS } from './timeline.js';

/**
 * The correspondence a case sends, generated from its records and kept with it as case documents
 * (kind `notice`, one per recipient, PDF with its text indexed) or, for the Final
 * Determination Letter, as letter records (src/workflow/issue-letter.ts). Each generation writes a
 * `case.correspondence-generated` audit event naming the kind and the recipients, never names.
 */

export type CorrespondenceKind = 'notice-of-assignment' | 'notice-of-ineligibility';

export const CORRESPONDENCE_TITLE: Record<CorrespondenceKind, string> = {
  'notice-of-assignment': 'Notice of assignment and request for information',
  'notice-of-ineligibility': 'Notice of ineligibility',
};

/** Who receives the notices (the Final Determination's recipients are `LETTER_RECIPIENT`). */
export const NOTICE_RECIPIENTS: readonly RecipientKind[] = [
  'employee',
  'representative',
  'requesting-physician',
  'claims-administrator',
];

function addressLines(a: PostalAddress | undefined): string[] {
  if (a === undefined) return [];
  const last = [a.city, [a.state, a.postalCode].filter((x) => x !== undefined).join(' ')]
    .filter((x) => x !== undefined && x !== '')
    .join(', ');
  return [...a.lines, ...(last === '' ? [] : [last])];
}

/**
 * The addressee of each recipient the case has: its party record, else what the application says
 * (the employee, requesting physician and claims administrator are on the form). A representative
 * exists only as a party.
 */
export function addresseesOf(
  kinds: readonly RecipientKind[],
  parties: readonly Party[],
  application: Application | undefined,
): Addressee[] {
  const out: Addressee[] = [];
  for (const kind of kinds) {
    const party = parties.find((p) => p.role === (kind as PartyRole));
    if (party !== undefined) {
      out.push({
        kind,
        name: party.name,
        ...(party.organization === undefined ? {} : { organization: party.organization }),
        addressLines: addressLines(party.address ?? (kind === 'employee' ? application?.employeeAddress : undefined)),
      });
      continue;
    }
    const name =
      kind === 'employee'
        ? application?.employeeName
        : kind === 'requesting-physician'
          ? application?.requestingPhysicianName
          : kind === 'claims-administrator'
            ? application?.claimsAdministratorName
            : kind === 'employer'
              ? application?.employerName
              : undefined;
    if (name === undefined) continue;
    out.push({
      kind,
      name,
      addressLines: kind === 'employee' ? addressLines(application?.employeeAddress) : [],
    });
  }
  return out;
}

export function referenceOf(c: Case, application: Application | undefined): CaseReference {
  const a = application;
  return {
    caseNumber: c.caseNumber,
    ...(a?.employeeName === undefined ? {} : { employeeName: a.employeeName }),
    ...(a?.claimNumber === undefined ? {} : { claimNumber: a.claimNumber }),
    ...((c.injuryDate ?? a?.injuryDate) === undefined ? {} : { injuryDate: (c.injuryDate ?? a?.injuryDate) as string }),
    ...(c.urDecisionDate === undefined ? {} : { urDecisionDate: c.urDecisionDate }),
    ...(c.receivedDate === undefined ? {} : { applicationReceived: c.receivedDate }),
    ...(a?.requestingPhysicianName === undefined ? {} : { requestingPhysician: a.requestingPhysicianName }),
  };
}

export async function renderPages(
  pages: readonly LayoutPage[],
  format: LetterFormat,
  date: string,
): Promise<Uint8Array> {
  return format === 'text'
    ? new TextEncoder().encode(renderPagesText(pages))
    : renderPagesPdf(pages, { creationDate: new Date(`${date}T00:00:00Z`) });
}

export interface NoticeSource {
  readonly case: Case;
  readonly application: Application | undefined;
  readonly parties: readonly Party[];
  readonly items: readonly DisputedItem[];
  readonly letterhead: Letterhead;
  /** ISO instant the notice is dated. */
  readonly at: string;
}

/** The pages of a notice for each recipient the case has. */
export function noticePages(
  kind: CorrespondenceKind,
  src: NoticeSource,
  ineligibility?: {
    reasons: readonly IneligibilityReason[];
    items: readonly { request: string; reasons: readonly IneligibilityReason[] }[];
  },
): { addressee: Addressee; pages: LayoutPage[] }[] {
  const date = localDateOf(src.at);
  const reference = referenceOf(src.case, src.application);
  return addresseesOf(NOTICE_RECIPIENTS, src.parties, src.application).map((addressee) => {
    const common = { letterhead: src.letterhead, date, addressee, reference };
    if (kind === 'notice-of-assignment') {
      return {
        addressee,
        pages: layoutNoticeOfAssignment({
          ...common,
          assignedOn: src.case.assignedDate ?? date,
          priority: src.case.priority,
          items: src.items
            .filter((i) => i.status === 'disputed' || i.status === 'determined')
            .map((i) => ({
              request: i.request,
              ...(i.originalRequest === undefined ? {} : { originalRequest: i.originalRequest }),
              ...(i.authorizedPortion === undefined ? {} : { authorizedPortion: i.authorizedPortion }),
            })),
          ...(src.case.dueDate === undefined ? {} : { recordsDue: src.case.dueDate }),
        }),
      };
    }
    return {
      addressee,
      pages: layoutNoticeOfIneligibility({
        ...common,
        reasons: ineligibility?.reasons ?? [],
        items: ineligibility?.items ?? [],
      }),
    };
  });
}

/**
 * Renders a notice for every recipient, stores each PDF as a case document of kind `notice`
 * (its text indexed) and writes one audit event. Runs inside the command's transaction.
 */
export async function keepNotices(
  tx: Tx,
  scope: Scope,
  actor: Actor,
  caseId: number,
  kind: CorrespondenceKind,
  notices: readonly { addressee: Addressee; pages: LayoutPage[] }[],
): Promise<number[]> {
  const date = localDateOf(scope.at);
  const ids: number[] = [];
  for (const n of notices) {
    const text = renderPagesText(n.pages);
    const bytes = await renderPages(n.pages, 'pdf', date);
    const file: StoredFile = await scope.store.files.put(bytes);
    const doc = await documents.create(tx, {
      caseId,
      title: `${CORRESPONDENCE_TITLE[kind]} — to the ${labelOf(n.addressee.kind)}`,
      kind: 'notice',
      documentDate: date,
      mime: 'application/pdf',
      receivedAt: scope.at,
      extractedText: text,
      ...file,
    });
    ids.push(doc.id);
  }
  await auditCorrespondence(
    tx,
    scope,
    actor,
    caseId,
    kind,
    notices.map((n) => n.addressee.kind),
    ids,
  );
  return ids;
}

function labelOf(kind: RecipientKind): string {
  return kind.replace(/-/g, ' ');
}

/** The audit event of generated correspondence: the kind, how many, to whom (roles), the document ids. */
export async function auditCorrespondence(
  tx: Tx,
  scope: Scope,
  actor: Actor,
  caseId: number,
  kind: CorrespondenceKind,
  recipients: readonly RecipientKind[],
  documentIds: readonly number[],
): Promise<void> {
  await appendAudit(tx, {
    at: scope.at,
    actor: actor.userId,
    action: CASE_ACTIONS.correspondenceGenerated,
    entityType: 'case',
    entityId: String(caseId),
    caseId,
    requestId: actor.requestId,
    details: {
      kind,
      recipients: recipients.join(','),
      documents: documentIds.length,
      documentIds: documentIds.join(',').slice(0, 200),
    },
  });
}

/** A copy of the determination: its pages for a party (with cover), the file copy, or the public copy. */
export function determinationPages(
  letterhead: Letterhead,
  letter: Letter,
  copy:
    | {
        readonly kind: 'party';
        readonly addressee: Addressee;
        readonly reference: CaseReference;
        readonly date: string;
      }
    | { readonly kind: 'file' }
    | { readonly kind: 'public' },
): LayoutPage[] {
  if (copy.kind === 'party') {
    return layoutDeterminationCopy({
      letterhead,
      letter,
      cover: { addressee: copy.addressee, reference: copy.reference, date: copy.date },
      signed: true,
    });
  }
  return layoutDeterminationCopy({ letterhead, letter, signed: copy.kind === 'file' });
}
