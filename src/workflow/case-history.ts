import type { AuditEvent, PartyRole, UserRole } from '../domain/case.js';
import { ELIGIBILITY_REASONS, EligibilityReason } from '../domain/eligibility.js';
import { auditEvents, type Handle } from '../store/index.js';
import { LETTER_READ_ACTION } from './audited-reads.js';
import { caseAuditEvents } from './case-ops.js';
import { CORRESPONDENCE_TITLE, type CorrespondenceKind } from './correspondence.js';
import { LETTER_APPROVED_ACTION } from './letter-approval.js';
import { CASE_ACTIONS, DOCUMENT_READ_ACTION } from './timeline.js';

/**
 * A case's audit trail told in plain language, oldest first: who did what and when — the lifecycle
 * commands, QA approval, the letters, and (as `read` and `refusal` entries) who opened the case, its
 * documents and letters and who was turned away. Audit details hold only ids, codes and counts; this
 * turns them into sentences with names (users, reviewers, document titles) and never shows a code.
 */

export type HistoryKind = 'change' | 'read' | 'refusal';

export interface HistoryEntry {
  readonly id: number;
  /** When it was recorded. */
  readonly at: string;
  /** When it happened, if the user gave another date or time (records received last week…). */
  readonly happenedAt?: string;
  readonly who: string;
  readonly kind: HistoryKind;
  readonly what: string;
  readonly detail?: string;
}

/** The names the narration needs, looked up by id. */
export interface NameBook {
  user(id: number): { readonly name: string; readonly role: UserRole } | undefined;
  reviewer(id: number): string | undefined;
  document(id: number): string | undefined;
}

const ROLE_LABEL: Record<UserRole, string> = {
  intake: 'intake',
  coordinator: 'coordinator',
  reviewer: 'physician reviewer',
  qa: 'quality assurance',
  admin: 'administrator',
};

const PARTY_LABEL: Record<PartyRole, string> = {
  employee: 'the employee',
  employer: 'the employer',
  'claims-administrator': 'the claims administrator',
  insurer: 'the insurer',
  'requesting-physician': 'the requesting physician',
  representative: "the employee's representative",
  'ur-organization': 'the UR organization',
  'ur-reviewer': 'the UR reviewer',
  facility: 'the facility',
  manufacturer: 'the manufacturer',
};

const EXTENSION_REASON: Record<string, string> = {
  'extraordinary-circumstances': 'Extraordinary circumstances',
  'good-cause': 'Good cause',
};

const TERMINATION: Record<string, string> = {
  'treatment-authorized': 'Review ended: the claims administrator authorized the treatment',
  'request-withdrawn': 'Request withdrawn by the employee',
  settled: 'Review ended: the dispute was settled',
};

const REFUSAL: Record<string, string> = {
  role: 'the role does not allow it',
  'not-assigned': 'the case is not assigned to this reviewer',
  missing: 'no such case',
  'read-only': 'the case is read-only for this reviewer',
};

const LETTER_KIND: Record<string, string> = {
  final: 'the Final Determination Letter',
  'party-copy': 'a party copy of the letter',
  'public-redacted': 'the public redacted copy of the letter',
};

const FORMAT: Record<string, string> = { pdf: 'PDF', text: 'text' };

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function ids(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (typeof v !== 'string') return [];
  return v
    .split(',')
    .map((x) => Number(x))
    .filter((x) => Number.isInteger(x) && x > 0);
}

/** "Pat Kim (coordinator)", the system, or a user no longer on record. */
export function actorName(actor: AuditEvent['actor'], names: NameBook): string {
  if (actor === 'system') return 'IMR Desk (automatic)';
  const u = names.user(actor);
  return u === undefined ? 'A former user' : `${u.name} (${ROLE_LABEL[u.role]})`;
}

/** A dotted action nobody taught the narration: its words, capitalized ("letter.returned" → "Letter returned"). */
function humanize(action: string): string {
  const words = action.replaceAll('.', ' ').replaceAll('-', ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function sentences(parts: readonly (string | undefined)[]): string | undefined {
  const kept = parts.filter((p): p is string => p !== undefined && p !== '');
  return kept.length === 0 ? undefined : kept.map((p) => (/[.!?]$/.test(p) ? p : `${p}.`)).join(' ');
}

type Told = Pick<HistoryEntry, 'kind' | 'what'> & { readonly detail?: string | undefined };

function tell(e: AuditEvent, names: NameBook): Told {
  const d = e.details;
  switch (e.action) {
    case CASE_ACTIONS.received: {
      const items = num(d.items);
      const documents = num(d.documents);
      return {
        kind: 'change',
        what: 'Application received',
        detail: sentences([
          items === undefined ? undefined : plural(items, 'disputed item'),
          documents === undefined ? undefined : `${plural(documents, 'document')} with it`,
          d.kind === 'formulary' ? 'A drug formulary dispute (shorter clocks)' : undefined,
          d.priority === 'expedited' ? 'Expedited review requested' : undefined,
        ]),
      };
    }
    case CASE_ACTIONS.screeningBegun:
      return { kind: 'change', what: 'Eligibility screening begun' };
    case CASE_ACTIONS.screened: {
      const reasons = (str(d.reasons) ?? '')
        .split(',')
        .map((code) => EligibilityReason.safeParse(code))
        .filter((r) => r.success)
        .map((r) => ELIGIBILITY_REASONS[r.data].message);
      const late = num(d.filedLate) ?? 0;
      const what =
        d.outcome === 'eligible'
          ? 'Screened: eligible for independent medical review'
          : d.outcome === 'deferred'
            ? 'Screened: deferred while liability is disputed'
            : 'Screened: not eligible for independent medical review';
      return {
        kind: 'change',
        what,
        detail: sentences([
          ...reasons,
          late > 0 ? `The application was filed ${plural(late, 'day')} late` : undefined,
          (num(d.itemsIneligible) ?? 0) > 0 && d.outcome === 'eligible'
            ? `${plural(num(d.itemsIneligible) ?? 0, 'item')} not eligible`
            : undefined,
        ]),
      };
    }
    case CASE_ACTIONS.reviewerAssigned: {
      const who = ids(d.reviewerIds).map((id) => names.reviewer(id) ?? 'a reviewer no longer on record');
      return {
        kind: 'change',
        what: who.length > 1 ? `Panel assigned: ${list(who)}` : `Reviewer assigned: ${who[0] ?? 'a reviewer'}`,
        detail: sentences([
          d.method === 'automatic' ? 'Chosen as the best-ranked qualified reviewer' : undefined,
          d.conflictReviewConfirmed === true ? 'A possible conflict of interest was looked at and accepted' : undefined,
        ]),
      };
    }
    case CASE_ACTIONS.noticeSent:
      return {
        kind: 'change',
        what: 'Notice of assignment sent',
        detail: d.method === 'mail' ? 'By mail.' : d.method === 'electronic' ? 'By electronic service.' : undefined,
      };
    case CASE_ACTIONS.recordsReceived: {
      const n = num(d.documents);
      const unread = num(d.documentsWithoutText) ?? 0;
      return {
        kind: 'change',
        what: 'Medical records received',
        detail: sentences([
          n === undefined ? undefined : plural(n, 'document'),
          unread > 0 ? `${plural(unread, 'document')} without readable text` : undefined,
        ]),
      };
    }
    case CASE_ACTIONS.convertedToExpedited:
      return {
        kind: 'change',
        what: 'Converted to expedited review',
        detail:
          "On the treating physician's written certification of an imminent and serious threat to health (8 CCR 9792.10.4).",
      };
    case CASE_ACTIONS.decisionExtended: {
      const days = num(d.days) ?? 0;
      return {
        kind: 'change',
        what: `Decision period extended by ${plural(days, 'day')}`,
        detail: `${EXTENSION_REASON[str(d.reason) ?? ''] ?? 'Approved by the Administrative Director'} (LC 4610.6(d)).`,
      };
    }
    case CASE_ACTIONS.terminated:
      return {
        kind: 'change',
        what: TERMINATION[str(d.reason) ?? ''] ?? 'Review ended early',
        detail: sentences([
          (num(d.assignmentsEnded) ?? 0) > 0 ? "The reviewer's assignment ended" : undefined,
          'The statutory clocks stopped (LC 4610.5(g); 8 CCR 9792.10.6(a))',
        ]),
      };
    case CASE_ACTIONS.determinationRecorded: {
      const reviewer = num(d.reviewerId);
      const name = reviewer === undefined ? undefined : names.reviewer(reviewer);
      const upheld = num(d.upheld) ?? 0;
      const overturned = num(d.overturned) ?? 0;
      const overrides = num(d.overrides) ?? 0;
      return {
        kind: 'change',
        what: `Determination recorded${name === undefined ? '' : ` for ${name}`}`,
        detail: sentences([
          `${upheld} upheld, ${overturned} overturned`,
          overrides > 0
            ? `Departs from the engine's recommendation on ${plural(overrides, 'item')}, with a reason`
            : undefined,
          d.complete === true ? 'Every item is decided' : 'Some items are still to be decided',
        ]),
      };
    }
    case CASE_ACTIONS.returnedToReviewer:
      return {
        kind: 'change',
        what: 'Returned to the reviewer by quality assurance',
        detail: "With a comment for the reviewer; the letter needs QA's approval again.",
      };
    case CASE_ACTIONS.correspondenceGenerated: {
      const title = CORRESPONDENCE_TITLE[str(d.kind) as CorrespondenceKind] as string | undefined;
      const to = (str(d.recipients) ?? '')
        .split(',')
        .map((r) => PARTY_LABEL[r as PartyRole])
        .filter((x) => x !== undefined);
      return {
        kind: 'change',
        what: title === undefined ? 'Correspondence generated' : `${title} generated`,
        detail: sentences([to.length === 0 ? undefined : `For ${list(to)}`]),
      };
    }
    case LETTER_APPROVED_ACTION:
      return { kind: 'change', what: 'Letter approved by quality assurance' };
    case CASE_ACTIONS.letterIssued: {
      const upheld = num(d.upheld) ?? 0;
      const overturned = num(d.overturned) ?? 0;
      const to = (str(d.recipients) ?? '')
        .split(',')
        .map((r) => PARTY_LABEL[r as PartyRole])
        .filter((x) => x !== undefined);
      const formats = (str(d.formats) ?? '')
        .split(',')
        .map((f) => FORMAT[f])
        .filter((x) => x !== undefined);
      return {
        kind: 'change',
        what: 'Final Determination Letter issued',
        detail: sentences([
          `${upheld} upheld, ${overturned} overturned`,
          to.length === 0 ? undefined : `Copies for ${list(to)}`,
          formats.length === 0 ? undefined : `As ${list(formats)}`,
        ]),
      };
    }
    case CASE_ACTIONS.closed:
      return { kind: 'change', what: 'Case closed' };
    case 'case.imported':
      return { kind: 'change', what: 'Imported from a published determination letter' };
    case 'case.read':
      return { kind: 'read', what: d.via === 'timeline' ? 'Read the timeline' : 'Opened the case' };
    case DOCUMENT_READ_ACTION: {
      const id = Number(e.entityId);
      const title = Number.isInteger(id) ? names.document(id) : undefined;
      return {
        kind: 'read',
        what: title === undefined ? 'Read a document' : `Read the document “${title}”`,
        ...(d.via === 'review' ? { detail: 'In the review workspace.' } : {}),
      };
    }
    case LETTER_READ_ACTION: {
      const kind = LETTER_KIND[str(d.kind) ?? ''] ?? 'a letter';
      const format = FORMAT[str(d.format) ?? ''];
      return {
        kind: 'read',
        what: `${d.bytes === true ? 'Downloaded' : 'Opened'} ${kind}${format === undefined ? '' : ` (${format})`}`,
      };
    }
    case 'access.refused': {
      const why = REFUSAL[str(d.reason) ?? ''];
      return { kind: 'refusal', what: why === undefined ? 'Was refused access' : `Was refused access: ${why}` };
    }
    default:
      return { kind: e.action.endsWith('.read') ? 'read' : 'change', what: humanize(e.action) };
  }
}

/** One audit event as a timeline entry. */
export function narrate(e: AuditEvent, names: NameBook): HistoryEntry {
  const told = tell(e, names);
  const happened = str(e.details.eventAt);
  const differs = happened !== undefined && happened.slice(0, 10) !== e.at.slice(0, 10);
  return {
    id: e.id,
    at: e.at,
    ...(differs ? { happenedAt: happened } : {}),
    who: actorName(e.actor, names),
    kind: told.kind,
    what: told.what,
    ...(told.detail === undefined ? {} : { detail: told.detail }),
  };
}

/** The most events a timeline shows (the oldest first, as the case's audit route). */
export const HISTORY_LIMIT = 5000;

/** The case's timeline: its own events and the reads and refusals filed under it, oldest first. */
export async function caseHistory(h: Handle, caseId: number): Promise<HistoryEntry[]> {
  const [own, filed] = await Promise.all([
    caseAuditEvents(h, caseId),
    auditEvents.listByEntity(h, 'case', String(caseId), { limit: HISTORY_LIMIT }),
  ]);
  const byId = new Map([...own, ...filed].map((e) => [e.id, e]));
  const events = [...byId.values()].sort((a, b) => a.id - b.id).slice(0, HISTORY_LIMIT);
  const userIds = [...new Set(events.map((e) => e.actor).filter((a): a is number => a !== 'system'))];
  const reviewerIds = [
    ...new Set(
      events.flatMap((e) =>
        e.action === CASE_ACTIONS.reviewerAssigned
          ? ids(e.details.reviewerIds)
          : e.action === CASE_ACTIONS.determinationRecorded
            ? ids(e.details.reviewerId)
            : [],
      ),
    ),
  ];
  const [userRows, reviewerRows, documentRows] = await Promise.all([
    userIds.length === 0
      ? []
      : h.db.selectFrom('users').select(['id', 'display_name', 'role']).where('id', 'in', userIds).execute(),
    reviewerIds.length === 0
      ? []
      : h.db.selectFrom('reviewers').select(['id', 'name']).where('id', 'in', reviewerIds).execute(),
    h.db.selectFrom('documents').select(['id', 'title']).where('case_id', '=', caseId).execute(),
  ]);
  const usersById = new Map(userRows.map((u) => [u.id, { name: u.display_name, role: u.role as UserRole }]));
  const reviewersById = new Map(reviewerRows.map((r) => [r.id, r.name]));
  const documentsById = new Map(documentRows.map((d) => [d.id, d.title]));
  const names: NameBook = {
    user: (id) => usersById.get(id),
    reviewer: (id) => reviewersById.get(id),
    document: (id) => documentsById.get(id),
  };
  return events.map((e) => narrate(e, names));
}
