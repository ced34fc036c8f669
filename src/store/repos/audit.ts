import type { Selectable } from 'kysely';
import { type AuditEvent, NewAuditEvent } from '../../domain/case.js';
import { ImrFailure } from '../../domain/errors.js';
import { nowIso, parseInput } from '../codec.js';
import { storeErrorOf } from '../db-errors.js';
import type { AuditEventsTable, Handle, Tx } from '../schema.js';
import { clampLimit } from './common.js';

function fromRow(r: Selectable<AuditEventsTable>): AuditEvent {
  const event: AuditEvent = {
    id: r.id,
    at: r.at,
    actor: r.actor_user_id ?? 'system',
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    requestId: r.request_id,
    details: JSON.parse(r.details) as AuditEvent['details'],
  };
  return r.case_id === null ? event : { ...event, caseId: r.case_id };
}

/**
 * Records who did what, when, under which request. Takes the transaction of the change it records,
 * so both commit or neither does. Details carry ids and codes, never PHI (the schema keeps values
 * flat and short). The table refuses updates and deletes.
 */
export async function appendAudit(tx: Tx, event: NewAuditEvent): Promise<AuditEvent> {
  const v = parseInput(NewAuditEvent, event, 'audit event');
  const row = await tx.db
    .insertInto('audit_events')
    .values({
      at: v.at ?? nowIso(),
      actor_user_id: v.actor === 'system' ? null : v.actor,
      action: v.action,
      entity_type: v.entityType,
      entity_id: v.entityId,
      case_id: v.caseId ?? null,
      request_id: v.requestId,
      details: JSON.stringify(v.details ?? {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

export interface AuditPage {
  readonly limit?: number;
  /** Events after this id (paging forward through the log). */
  readonly afterId?: number;
}

export const auditEvents = {
  /** The case's events in the order they happened. */
  async listByCase(h: Handle, caseId: number, page: AuditPage = {}): Promise<AuditEvent[]> {
    let q = h.db.selectFrom('audit_events').selectAll().where('case_id', '=', caseId);
    if (page.afterId !== undefined) q = q.where('id', '>', page.afterId);
    const rows = await q
      .orderBy('id')
      .limit(clampLimit(page.limit, 500, 5000))
      .execute();
    return rows.map(fromRow);
  },

  async listByEntity(h: Handle, entityType: string, entityId: string, page: AuditPage = {}): Promise<AuditEvent[]> {
    let q = h.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId);
    if (page.afterId !== undefined) q = q.where('id', '>', page.afterId);
    const rows = await q
      .orderBy('id')
      .limit(clampLimit(page.limit, 500, 5000))
      .execute();
    return rows.map(fromRow);
  },

  /** The whole log, in order, a page at a time. */
  async list(h: Handle, page: AuditPage = {}): Promise<AuditEvent[]> {
    let q = h.db.selectFrom('audit_events').selectAll();
    if (page.afterId !== undefined) q = q.where('id', '>', page.afterId);
    const rows = await q
      .orderBy('id')
      .limit(clampLimit(page.limit, 500, 5000))
      .execute();
    return rows.map(fromRow);
  },
};

/**
 * Appends events that record a read, not a change (who opened a case page, which cases a queue
 * listed, a refused attempt): one multi-row insert, in a statement of its own rather than a
 * `Store.transaction`, so it does not move the change counter (`changeCount`) and the responses kept
 * under it (the case page, the queue) stay kept — no kept response is made from the audit log. The
 * insert is atomic and durable before it resolves; the caller answers only after it has. Call it with
 * the store, never inside a transaction. A store failure is thrown as a coded `ImrFailure`.
 */
export async function appendReadEvents(h: Handle, events: readonly NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const at = nowIso();
  const rows = events.map((event) => {
    const v = parseInput(NewAuditEvent, event, 'audit event');
    return {
      at: v.at ?? at,
      actor_user_id: v.actor === 'system' ? null : v.actor,
      action: v.action,
      entity_type: v.entityType,
      entity_id: v.entityId,
      case_id: v.caseId ?? null,
      request_id: v.requestId,
      details: JSON.stringify(v.details ?? {}),
    };
  });
  try {
    await h.db.insertInto('audit_events').values(rows).execute();
  } catch (thrown) {
    // As `Store.transaction` does: a lost connection or a busy database is a coded failure.
    const coded = storeErrorOf(thrown);
    if (coded !== undefined) throw new ImrFailure(coded);
    throw thrown;
  }
}

/** Audit detail values are short strings: a list of ids is spread over `caseIds`, `caseIds_2`, … */
const ID_LIST_CHUNK = 200;

/** Details naming many ids (`key`, `key_2`, …), each value a comma-separated run of at most 200 characters. */
export function idListDetails(key: string, ids: readonly number[]): Record<string, string> {
  const out: Record<string, string> = {};
  let chunk = '';
  let n = 1;
  for (const id of ids) {
    const next = chunk === '' ? String(id) : `${chunk},${id}`;
    if (next.length > ID_LIST_CHUNK) {
      out[n === 1 ? key : `${key}_${n}`] = chunk;
      n += 1;
      chunk = String(id);
    } else chunk = next;
  }
  if (chunk !== '') out[n === 1 ? key : `${key}_${n}`] = chunk;
  return out;
}

/** The ids `idListDetails` spread over `key`, `key_2`, … of an event's details, in order. */
export function idsInDetails(key: string, details: Readonly<Record<string, unknown>>): number[] {
  const out: number[] = [];
  for (let n = 1; ; n += 1) {
    const value = details[n === 1 ? key : `${key}_${n}`];
    if (typeof value !== 'string') return out;
    if (value !== '') out.push(...value.split(',').map(Number));
  }
}
