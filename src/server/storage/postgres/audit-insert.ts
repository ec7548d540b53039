import { auditRow, type AuditEvent } from '../../audit';

/**
 * One insert of any number of audit events on PostgreSQL, in order: one array per
 * column (`unnest … with ordinality`), so the statement has nine parameters however
 * many rows it writes. A multi-row VALUES list built by Kysely has nine per row:
 * after a poke, 500 desktops' view rows were 4,500 parameters to build, compile and
 * send, the largest part of the time before the poke's page could leave
 * (docs/performance.md). Each row is exactly what appendAudit writes.
 */
export function auditInsert(events: readonly AuditEvent[]): { text: string; values: unknown[] } {
  const rows = events.map(auditRow);
  return {
    text: `insert into audit_events (at, actor_id, action, entity_type, entity_id, source_ip, client_id, outcome, detail)
       select at, actor_id, action, entity_type, entity_id, source_ip, client_id, outcome, detail
       from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[]) with ordinality
         as r(at, actor_id, action, entity_type, entity_id, source_ip, client_id, outcome, detail, n)
       order by n`,
    values: [
      rows.map((a) => a.at),
      rows.map((a) => a.actor_id ?? null),
      rows.map((a) => a.action),
      rows.map((a) => a.entity_type ?? null),
      rows.map((a) => a.entity_id ?? null),
      rows.map((a) => a.source_ip ?? null),
      rows.map((a) => a.client_id ?? null),
      rows.map((a) => a.outcome),
      rows.map((a) => a.detail ?? null),
    ],
  };
}
