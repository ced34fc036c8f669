import type { Selectable } from 'kysely';
import { type AuditEvent, NewAuditEvent } from '../../domain/case.js';
import { nowIso, parseInput } from '../codec.js';
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
