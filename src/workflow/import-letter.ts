import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { sql } from 'kysely';
import type { AuditActor, CasePriority, LetterFormat, NewCase } from '../domain/case.js';
import { type ImrError, ImrFailure, imrError } from '../domain/errors.js';
import { Letter } from '../domain/letter.js';
import { err, type Result } from '../domain/result.js';
import { appendAudit, cases, determinations, items, letters, reviewers, type Store, type Tx } from '../store/index.js';

/**
 * Importing a published Final Determination Letter: it becomes a closed case in the tables the
 * workflow uses (case, disputed items with the outcome of record, one determination per item, the
 * letter record with its text indexed for search) plus a `case.imported` audit event, all in one
 * transaction. Idempotent by case number: a case number already in the store is skipped and nothing
 * is written. A letter without a case number (a header-less copy) gets `NOCASE-<hash of its content>`.
 */

export type ImportOutcome =
  | {
      readonly status: 'imported';
      readonly caseId: number;
      readonly caseNumber: string;
      readonly letterId: number;
      readonly items: number;
      /** The letter had no case number: `caseNumber` is the content-hash key. */
      readonly syntheticCaseNumber: boolean;
    }
  | {
      readonly status: 'skipped';
      /** The case that already holds this case number. */
      readonly caseId: number;
      readonly caseNumber: string;
      readonly syntheticCaseNumber: boolean;
    };

export interface ImportOptions {
  /** Ties the audit event to a request or a CLI run; a fresh `import-<uuid>` when absent. */
  readonly requestId?: string;
  /** How the letter arrived; from the extension of `letter.file` when absent (`.pdf` → pdf, else text). */
  readonly format?: LetterFormat;
  /** The clock, for letters without a decision date (their issue instant is the import's). */
  readonly now?: () => Date;
}

/** The audit action of an import. */
export const IMPORT_AUDIT_ACTION = 'case.imported';

/**
 * Published letters do not name their reviewer, but a determination must point at a reviewer record:
 * imported determinations point at this one inactive placeholder (never offered for assignment). The
 * reviewer's credentials as the letter states them are on the case (`reviewerCredentials`).
 */
export const IMPORT_REVIEWER_NAME = 'Unnamed reviewer (published letters)';

/** Prefix of the content-hash key of a letter without a case number. */
export const SYNTHETIC_CASE_PREFIX = 'NOCASE-';

/** Serializes creating the placeholder reviewer across concurrent importers (PostgreSQL). */
const PLACEHOLDER_LOCK_KEY = 0x494d_5201;

/** JSON with object keys sorted at every level, so equal letters hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The key of a letter without a case number: a hash of its parsed content (not of its bytes or its
 * file name), so the PDF and the text copy of one letter, or the same file under another name, get
 * the same key.
 */
export function syntheticCaseNumber(letter: Letter): string {
  const { file: _file, ...content } = letter;
  const hash = createHash('sha256').update(canonicalJson(content)).digest('hex');
  return `${SYNTHETIC_CASE_PREFIX}${hash.slice(0, 24)}`;
}

/** The case number a letter is stored under, and whether it was made up. */
export function importKey(letter: Letter): { readonly caseNumber: string; readonly synthetic: boolean } {
  const stated = letter.case.caseNumber?.trim();
  return stated !== undefined && stated !== ''
    ? { caseNumber: stated, synthetic: false }
    : { caseNumber: syntheticCaseNumber(letter), synthetic: true };
}

/** "Expedited" (any case) → expedited; anything else, or no header, → standard, the usual review. */
function priorityOf(letter: Letter): CasePriority {
  return /expedit/i.test(letter.case.priority ?? '') ? 'expedited' : 'standard';
}

function formatOf(letter: Letter, explicit: LetterFormat | undefined): LetterFormat {
  if (explicit !== undefined) return explicit;
  return /\.pdf$/i.test(letter.file ?? '') ? 'pdf' : 'text';
}

/** Noon UTC: the same calendar day in California and in UTC, whichever zone a reader displays. */
function instantOf(day: string | undefined, now: () => Date): string {
  return day === undefined ? now().toISOString() : `${day}T12:00:00.000Z`;
}

interface ImportPlan {
  readonly caseNumber: string;
  readonly synthetic: boolean;
  readonly newCase: NewCase;
  readonly letter: Letter;
  readonly format: LetterFormat;
  /** When the letter issued (its decision date) — also when its determinations were made. */
  readonly issuedAt: string;
}

function plan(letter: Letter, options: ImportOptions): ImportPlan {
  const { caseNumber, synthetic } = importKey(letter);
  const h = letter.case;
  const newCase: NewCase = {
    caseNumber,
    stage: 'closed',
    priority: priorityOf(letter),
    // Letters do not say whether a dispute was a formulary one; the corpus predates the formulary (2018).
    kind: 'regular',
    source: 'import',
    receivedDate: h.applicationReceived,
    urDecisionDate: h.urDenialDate,
    assignedDate: h.dateAssigned,
    decisionDate: h.decisionDate,
    letterIssuedDate: h.decisionDate,
    closedDate: h.decisionDate,
    patientAge: letter.patient.age,
    patientSex: letter.patient.sex,
    injuryDate: letter.patient.injuryDate,
    reviewerCredentials: letter.reviewer,
  };
  return {
    caseNumber,
    synthetic,
    newCase,
    // The file name says where the letter came from; the importer's directory is nobody's business.
    letter: letter.file === undefined ? letter : { ...letter, file: basename(letter.file) },
    format: formatOf(letter, options.format),
    issuedAt: instantOf(h.decisionDate, options.now ?? (() => new Date())),
  };
}

/** The placeholder reviewer's id, creating it on first use (in the caller's transaction). */
async function placeholderReviewerId(tx: Tx): Promise<number> {
  const find = async () =>
    (
      await tx.db
        .selectFrom('reviewers')
        .select('id')
        .where('name', '=', IMPORT_REVIEWER_NAME)
        .where('npi', 'is', null)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst()
    )?.id;
  const found = await find();
  if (found !== undefined) return found;
  // SQLite transactions already hold the write lock (BEGIN IMMEDIATE); PostgreSQL needs this.
  if (tx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${PLACEHOLDER_LOCK_KEY})`.execute(tx.db);
  const raced = await find();
  if (raced !== undefined) return raced;
  const created = await reviewers.create(tx, {
    name: IMPORT_REVIEWER_NAME,
    qmeStatus: 'none',
    disciplinaryHistory: false,
    active: false,
  });
  return created.id;
}

/**
 * Writes one planned import in `tx`. Skips (writing nothing) when the case number exists. Throws
 * (an `ImrFailure` for coded errors) so that the caller's transaction rolls back as a whole.
 */
async function writeImport(tx: Tx, p: ImportPlan, actor: AuditActor, requestId: string): Promise<ImportOutcome> {
  const created = await cases.createIfAbsent(tx, p.newCase);
  if (created === undefined) {
    const existing = await cases.getByCaseNumber(tx, p.caseNumber);
    if (existing === undefined) {
      // Taken a moment ago and gone now: only a concurrent delete does that; the caller may retry.
      throw new ImrFailure(imrError('IMR_CONFLICT', 'The case number was taken and released during the import.'));
    }
    return { status: 'skipped', caseId: existing.id, caseNumber: p.caseNumber, syntheticCaseNumber: p.synthetic };
  }
  // The items in one statement, then their determinations in one more (each batch validated once).
  const itemIds = await items.createMany(
    tx,
    p.letter.items.map((item, i) => ({
      caseId: created.id,
      seq: i + 1,
      request: item.request,
      originalRequest: item.originalRequest,
      authorizedPortion: item.authorizedPortion,
      status: 'determined' as const,
      decision: item.decision,
      claimsAdministratorBasis: item.claimsAdministratorBasis,
      reviewerBasis: item.reviewerBasis,
      rationale: item.rationale.trim() === '' ? undefined : item.rationale,
    })),
  );
  // A determination needs a rationale; an item whose letter states none keeps its outcome on the item only.
  const decided = p.letter.items.flatMap((item, i) => (item.rationale.trim() === '' ? [] : [{ item, i }]));
  if (decided.length > 0) {
    const reviewerId = await placeholderReviewerId(tx);
    await determinations.createMany(
      tx,
      decided.map(({ item, i }) => ({
        itemId: itemIds[i] as number,
        reviewerId,
        decision: item.decision,
        basis: item.reviewerBasis,
        rationale: item.rationale,
        decidedAt: p.issuedAt,
      })),
    );
  }
  const record = await letters.create(tx, {
    caseId: created.id,
    kind: 'public-redacted',
    format: p.format,
    issuedAt: p.issuedAt,
    letter: p.letter,
  });
  await appendAudit(tx, {
    actor,
    action: IMPORT_AUDIT_ACTION,
    entityType: 'case',
    entityId: String(created.id),
    caseId: created.id,
    requestId,
    details: {
      letterId: record.id,
      items: p.letter.items.length,
      format: p.format,
      syntheticCaseNumber: p.synthetic,
    },
  });
  return {
    status: 'imported',
    caseId: created.id,
    caseNumber: p.caseNumber,
    letterId: record.id,
    items: p.letter.items.length,
    syntheticCaseNumber: p.synthetic,
  };
}

/**
 * Stores a published letter as a closed case (see the module comment), in one transaction of its
 * own. A letter that does not match the letter schema: IMR_LETTER_INVALID; a record the store
 * refuses: its coded error (IMR_VALIDATION…), with nothing written. Error messages name fields,
 * never their values (letters are PHI).
 */
export async function importLetter(
  store: Store,
  letter: Letter,
  actor: AuditActor,
  options: ImportOptions = {},
): Promise<Result<ImportOutcome, ImrError>> {
  const parsed = Letter.safeParse(letter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? '(root)' : issue.path.join('.');
    return err(
      imrError('IMR_LETTER_INVALID', `The letter does not match the letter schema at ${where}.`, { path: where }),
    );
  }
  const p = plan(parsed.data, options);
  const requestId = options.requestId ?? `import-${randomUUID()}`;
  return store.transaction((tx) => writeImport(tx, p, actor, requestId));
}
