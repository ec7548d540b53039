import type { Insertable, Transaction } from 'kysely';
import type { Db } from './storage/database';
import type { Database } from './storage/schema';

export interface AuditEvent {
  at: number;
  actorId: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  sourceIp?: string | null;
  clientId?: string | null;
  outcome: string;
  /** Codes, counts and ids only. Never names, phones, e-mails or receipt numbers. */
  detail?: Record<string, unknown> | null;
}

/** The stored row for an event (shared by appendAudit and the batched writers). */
export function auditRow(event: AuditEvent): Insertable<Database['audit_events']> {
  return {
    at: event.at,
    actor_id: event.actorId,
    action: event.action,
    entity_type: event.entityType ?? null,
    entity_id: event.entityId ?? null,
    source_ip: event.sourceIp ?? null,
    client_id: event.clientId ?? null,
    outcome: event.outcome,
    detail: event.detail ? JSON.stringify(event.detail) : null,
  };
}

/** Appends one event (the table refuses updates and deletes). */
export async function appendAudit(db: Db | Transaction<Database>, event: AuditEvent): Promise<void> {
  await db.insertInto('audit_events').values(auditRow(event)).execute();
}
