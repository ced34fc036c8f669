import { sql } from 'kysely';
import type { LetterFormat } from '../domain/case.js';
import { Instant } from '../domain/clock-dates.js';
import { type ImrError, ImrFailure, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import { DEMO_LETTERHEAD, type Letterhead } from '../letter/index.js';
import type { Handle, Store, Tx } from '../store/index.js';

/**
 * What every command runs in. A command reads through `read` and makes its change in `write`, which
 * is one database transaction on its own, or one savepoint of a batch's transaction. A coded failure
 * (an `ImrFailure`) inside `write` rolls back everything the command wrote, its audit event included,
 * and comes back as an error result; anything else thrown is a bug and propagates.
 */

export interface WorkflowOptions {
  /** Name of the IMR organization in letters (default: the letterhead's name). */
  readonly organization?: string;
  /** The organization's name, address and signatory on its correspondence (default: a demonstration one). */
  readonly letterhead?: Letterhead;
  /**
   * Generate the notices (assignment and request for information, ineligibility) as case documents
   * when the commands run. Default off: simulations and imports send no mail; the server turns it on.
   */
  readonly correspondence?: boolean;
  /** Open review assignments a reviewer may carry (the store keeps no capacity per reviewer). Default 40. */
  readonly reviewerCapacity?: number;
  /** Letter formats `issueLetter` renders when the call does not say. Default text and PDF. */
  readonly letterFormats?: readonly LetterFormat[];
  /** A deadline this many calendar days away or fewer is "due soon" in the queue. Default 2. */
  readonly dueSoonDays?: number;
  /** Largest document accepted, in bytes. Default 50 MB. */
  readonly maxDocumentBytes?: number;
}

export interface ResolvedOptions {
  readonly organization: string;
  readonly letterhead: Letterhead;
  readonly correspondence: boolean;
  readonly reviewerCapacity: number;
  readonly letterFormats: readonly LetterFormat[];
  readonly dueSoonDays: number;
  readonly maxDocumentBytes: number;
}

export function resolveOptions(o: WorkflowOptions = {}): ResolvedOptions {
  const letterhead =
    o.letterhead ?? (o.organization === undefined ? DEMO_LETTERHEAD : { ...DEMO_LETTERHEAD, name: o.organization });
  return {
    organization: o.organization ?? letterhead.name,
    letterhead,
    correspondence: o.correspondence ?? false,
    reviewerCapacity: o.reviewerCapacity ?? 40,
    letterFormats: o.letterFormats ?? ['text', 'pdf'],
    dueSoonDays: o.dueSoonDays ?? 2,
    maxDocumentBytes: o.maxDocumentBytes ?? 50 * 1024 * 1024,
  };
}

export interface Scope {
  readonly store: Store;
  /** The moment the command runs (the workflow's clock, read once per command). */
  readonly at: string;
  readonly read: Handle;
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<Result<T, ImrError>>;
  readonly options: ResolvedOptions;
  /**
   * A value this command or an earlier command of its batch read or wrote (the reviewer registry,
   * the case's parties). Per command outside a batch.
   */
  recall<T>(key: string): T | undefined;
  /** Keeps a value for the commands after this one; dropped if this command's change rolls back. */
  remember(key: string, value: unknown): void;
  /** Records of a case as they were at `version` (see `CaseCache`). */
  caseValue<T>(caseId: number, version: number, kind: CaseCacheKind): T | undefined;
  /** Keeps a record of the case at `version`; dropped if this command's change rolls back. */
  keepCaseValue(caseId: number, version: number, kind: CaseCacheKind, value: unknown): void;
  /** The command moved the case from `from` to `to`: what it did not replace is still valid. */
  carryCase(caseId: number, from: number, to: number): void;
}

/** Runs `fn`, turning a thrown coded failure into an error result (for work outside `write`). */
export async function attempt<T>(fn: () => Promise<Result<T, ImrError>>): Promise<Result<T, ImrError>> {
  try {
    return await fn();
  } catch (thrown) {
    if (thrown instanceof ImrFailure) return err(thrown.error);
    throw thrown;
  }
}

export function readClock(now: () => string): Result<string, ImrError> {
  const at = now();
  if (!Instant.safeParse(at).success) {
    return err(imrError('IMR_INTERNAL', 'The workflow clock did not give an ISO instant.'));
  }
  return ok(new Date(at).toISOString());
}

export type CaseCacheKind = 'events' | 'facts' | 'items' | 'assignments' | 'determinations' | 'summary';

/**
 * What the workflow last read or wrote of a case, keyed by case version. Every command that changes a
 * case's items, assignments, determinations, summary or recorded events also moves the case to a new
 * version (and the update checks the version it read), so a value kept for version v is the database's
 * value for as long as the case stays at v: a command reads the case's version fresh and takes cached
 * values only for that version. The application and UR decision never change (kept under any version).
 * Parties are not kept here: they can be corrected without a new case version. Bounded: the oldest
 * cases are dropped first.
 */
export class CaseCache {
  readonly #limit: number;
  readonly #entries = new Map<number, { version: number; values: Map<CaseCacheKind, unknown> }>();

  constructor(limit = 20_000) {
    this.#limit = limit;
  }

  get<T>(caseId: number, version: number, kind: CaseCacheKind): T | undefined {
    const e = this.#entries.get(caseId);
    if (e === undefined) return undefined;
    if (kind === 'facts') return e.values.get(kind) as T | undefined;
    return e.version === version ? (e.values.get(kind) as T | undefined) : undefined;
  }

  set(caseId: number, version: number, kind: CaseCacheKind, value: unknown): void {
    let e = this.#entries.get(caseId);
    if (e === undefined || e.version !== version) {
      const facts = e?.values.get('facts');
      e = { version, values: new Map(facts === undefined ? [] : [['facts', facts]]) };
      this.#entries.delete(caseId);
      this.#entries.set(caseId, e);
      if (this.#entries.size > this.#limit) {
        const oldest = this.#entries.keys().next().value;
        if (oldest !== undefined) this.#entries.delete(oldest);
      }
    }
    e.values.set(kind, value);
  }

  carry(caseId: number, from: number, to: number): void {
    const e = this.#entries.get(caseId);
    if (e !== undefined && e.version === from) e.version = to;
  }
}

/** Commit-aware caches: what a command keeps becomes visible to later commands only when it commits. */
function cacheScope(shared: Map<string, unknown>, cases: CaseCache) {
  const staged = new Map<string, unknown>();
  const stagedCase: (() => void)[] = [];
  const stagedValues = new Map<string, unknown>();
  const caseKey = (caseId: number, version: number, kind: CaseCacheKind) =>
    kind === 'facts' ? `${caseId}:facts` : `${caseId}:${version}:${kind}`;
  return {
    recall: <T>(key: string): T | undefined => (staged.has(key) ? staged.get(key) : shared.get(key)) as T | undefined,
    remember: (key: string, value: unknown): void => {
      staged.set(key, value);
    },
    caseValue: <T>(caseId: number, version: number, kind: CaseCacheKind): T | undefined => {
      const key = caseKey(caseId, version, kind);
      return (stagedValues.has(key) ? stagedValues.get(key) : cases.get(caseId, version, kind)) as T | undefined;
    },
    keepCaseValue: (caseId: number, version: number, kind: CaseCacheKind, value: unknown): void => {
      stagedValues.set(caseKey(caseId, version, kind), value);
      stagedCase.push(() => cases.set(caseId, version, kind, value));
    },
    carryCase: (caseId: number, from: number, to: number): void => {
      for (const kind of ['events', 'items', 'assignments', 'determinations', 'summary'] as const) {
        const old = caseKey(caseId, from, kind);
        if (stagedValues.has(old)) stagedValues.set(caseKey(caseId, to, kind), stagedValues.get(old));
      }
      stagedCase.push(() => cases.carry(caseId, from, to));
    },
    settle<T>(result: Result<T, ImrError>): Result<T, ImrError> {
      if (result.ok) {
        for (const [k, v] of staged) shared.set(k, v);
        for (const apply of stagedCase) apply();
      }
      staged.clear();
      stagedCase.length = 0;
      stagedValues.clear();
      return result;
    },
  };
}

export function standaloneScope(store: Store, at: string, options: ResolvedOptions, cases: CaseCache): Scope {
  const cache = cacheScope(new Map(), cases);
  return {
    store,
    at,
    read: store,
    write: async (fn) => cache.settle(await store.transaction(fn)),
    options,
    recall: cache.recall,
    remember: cache.remember,
    caseValue: cache.caseValue,
    keepCaseValue: cache.keepCaseValue,
    carryCase: cache.carryCase,
  };
}

/**
 * One savepoint name for every command: SQLite and PostgreSQL both let a name be reused, `release` and
 * `rollback to` taking the most recent savepoint of that name, which is the command's own as long as
 * commands run one after another (or nest). The same SQL text each time lets SQLite reuse the
 * compiled statement (see the store's statement cache) instead of compiling three per command.
 */
const SAVEPOINT = 'wf_command';

/** One command inside a batch transaction: a savepoint it commits to or rolls back to. */
async function inSavepoint<T>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<Result<T, ImrError>> {
  await sql.raw(`savepoint ${SAVEPOINT}`).execute(tx.db);
  try {
    const value = await fn(tx);
    await sql.raw(`release savepoint ${SAVEPOINT}`).execute(tx.db);
    return ok(value);
  } catch (thrown) {
    if (!(thrown instanceof ImrFailure)) throw thrown;
    await sql.raw(`rollback to savepoint ${SAVEPOINT}`).execute(tx.db);
    await sql.raw(`release savepoint ${SAVEPOINT}`).execute(tx.db);
    return err(thrown.error);
  }
}

export function batchScope(
  store: Store,
  tx: Tx,
  at: string,
  options: ResolvedOptions,
  shared: Map<string, unknown>,
  cases: CaseCache,
): Scope {
  const cache = cacheScope(shared, cases);
  return {
    store,
    at,
    read: tx,
    write: async (fn) => cache.settle(await inSavepoint(tx, fn)),
    options,
    recall: cache.recall,
    remember: cache.remember,
    caseValue: cache.caseValue,
    keepCaseValue: cache.keepCaseValue,
    carryCase: cache.carryCase,
  };
}
