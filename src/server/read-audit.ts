import type { FastifyRequest } from 'fastify';
import type { NewAuditEvent } from '../domain/case.js';
import { ImrFailure, imrError } from '../domain/errors.js';
import { appendReadEvents, idListDetails, type Store } from '../store/index.js';

/**
 * The audit of reads that show PHI without changing anything — the case page (`case.read`), the
 * queue (`queue.read`: which cases it listed) — and of refused attempts on case routes
 * (`access.refused`). Each event is in the database before the response leaves: a request waits for
 * its event, and a failure to write fails the request. Events from requests that arrive together are
 * written in one statement (group commit: a write starts on the event loop's next turn, so the events
 * of every request handled in this one go with it, and while a write is under way the next ones
 * gather) — one commit per statement is most of a write's cost. They
 * are appended outside `Store.transaction`, so they do not move the change counter and the kept case
 * pages and queues stay kept (store/repos/audit.ts `appendReadEvents`).
 *
 * Read events name the case as their entity (`entityType: 'case'`, `entityId`) and leave `caseId`
 * unset: the case's audit trail (`GET …/audit`) lists them, while the clocks, which read a case's
 * events by `caseId`, never wade through them. Details carry ids and codes only.
 */

export const CASE_READ_ACTION = 'case.read';
export const QUEUE_READ_ACTION = 'queue.read';
export const ACCESS_REFUSED_ACTION = 'access.refused';

/** Why a request on a case route was refused. */
export type RefusalReason = 'role' | 'not-assigned' | 'missing' | 'read-only';

/** Events written in one statement at most. */
const MAX_BATCH = 200;

interface Waiting {
  readonly event: NewAuditEvent;
  resolve(): void;
  reject(error: unknown): void;
}

export class ReadAuditLog {
  readonly #store: Store;
  readonly #now: () => string;
  #pending: Waiting[] = [];
  /** A write is scheduled or under way (it takes every event pending when it runs). */
  #writing = false;

  constructor(store: Store, now: () => string) {
    this.#store = store;
    this.#now = now;
  }

  /** Resolves once the event is stored; a store failure becomes a coded failure of the request. */
  record(event: NewAuditEvent): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ event, resolve, reject });
      if (!this.#writing) {
        this.#writing = true;
        setImmediate(() => void this.#write());
      }
    });
  }

  async #write(): Promise<void> {
    try {
      while (this.#pending.length > 0) {
        const batch = this.#pending.splice(0, MAX_BATCH);
        try {
          await appendReadEvents(
            this.#store,
            batch.map((w) => w.event),
          );
          for (const w of batch) w.resolve();
        } catch (thrown) {
          for (const w of batch) w.reject(thrown);
        }
      }
    } finally {
      this.#writing = false;
    }
  }

  /** Someone saw a case page (`via`: the page, or the case's timeline). */
  caseRead(request: FastifyRequest, caseId: number, via: 'case-page' | 'timeline' = 'case-page'): Promise<void> {
    return this.record({
      ...this.#who(request),
      action: CASE_READ_ACTION,
      entityType: 'case',
      entityId: String(caseId),
      details: { via },
    });
  }

  /** Someone saw a queue listing these cases (`scope`: the desk's queue, or a reviewer's own; `asked`: the filters, as codes). */
  queueRead(
    request: FastifyRequest,
    scope: string,
    caseIds: readonly number[],
    asked: Readonly<Record<string, string | number | boolean>> = {},
  ): Promise<void> {
    return this.record({
      ...this.#who(request),
      action: QUEUE_READ_ACTION,
      entityType: 'queue',
      entityId: scope,
      details: { ...asked, count: caseIds.length, ...idListDetails('caseIds', caseIds) },
    });
  }

  /** A request on a case route was refused (`caseId` undefined: the path's id was not an id). */
  refused(request: FastifyRequest, caseId: number | undefined, route: string, reason: RefusalReason): Promise<void> {
    const user = request.signedIn?.user;
    return this.record({
      ...this.#who(request),
      action: ACCESS_REFUSED_ACTION,
      entityType: 'case',
      entityId: caseId === undefined ? 'invalid' : String(caseId),
      details: { route, method: request.method, reason, ...(user === undefined ? {} : { role: user.role }) },
    });
  }

  #who(request: FastifyRequest): Pick<NewAuditEvent, 'at' | 'actor' | 'requestId'> {
    const user = request.signedIn?.user;
    if (user === undefined) throw new ImrFailure(imrError('IMR_UNAUTHENTICATED'));
    return { at: this.#now(), actor: user.id, requestId: request.id };
  }
}
