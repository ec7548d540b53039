import type { ExpressionBuilder } from 'kysely';
import { sql } from 'kysely';
import type { AuditEventView, AuditQuery } from '../../shared/admin/audit';
import { PII_TABLES } from '../../shared/sync/rows';
import type { Db } from './database';
import type { Database } from './schema';

/** `text` for a LIKE pattern: its own % _ and \ match themselves. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function like(column: 'action' | 'detail' | 'data', pattern: string) {
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/**
 * A customer and every record of theirs (inquiries, callbacks, requests): rows whose
 * stored JSON names them as `customerId`, found with a LIKE on the stored text (the
 * same in SQLite and PostgreSQL) and confirmed by parsing it.
 */
export async function customerRecordIds(db: Db, customerId: string): Promise<string[]> {
  const ids = [customerId];
  const pattern = `%${likeLiteral(`"customerId":${JSON.stringify(customerId)}`)}%`;
  for (const table of PII_TABLES) {
    if (table === 'customers') continue;
    const rows = await db
      .selectFrom(table as 'callbacks')
      .select(['id', 'data'])
      .where(like('data', pattern))
      .execute();
    for (const r of rows)
      if ((JSON.parse(r.data) as { customerId?: unknown }).customerId === customerId) ids.push(r.id);
  }
  return ids;
}

/** The most record ids one customer filter matches (and pull deliveries it looks for). */
const MAX_RECORD_IDS = 200;

type AuditEb = ExpressionBuilder<Database, 'audit_events' | 'users'>;

/**
 * One page of audit events matching the query, newest first. `recordIds` (from
 * customerRecordIds) matches events about those records and every pull that
 * delivered one of them (`sync.pull.viewed` lists ids only).
 */
export async function searchAudit(
  db: Db,
  query: AuditQuery,
  recordIds: readonly string[] | undefined,
  limit: number,
): Promise<AuditEventView[]> {
  let q = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_id')
    .select([
      'audit_events.id as id',
      'audit_events.at as at',
      'audit_events.actor_id as actorId',
      'users.username as actorName',
      'audit_events.action as action',
      'audit_events.entity_type as entityType',
      'audit_events.entity_id as entityId',
      'audit_events.source_ip as sourceIp',
      'audit_events.client_id as clientId',
      'audit_events.outcome as outcome',
      'audit_events.detail as detail',
    ])
    .orderBy('audit_events.id', 'desc')
    .limit(limit);
  if (query.actor) q = q.where('audit_events.actor_id', '=', query.actor);
  if (query.action) {
    q = query.action.endsWith('.')
      ? q.where(like('action', `${likeLiteral(query.action)}%`))
      : q.where('audit_events.action', '=', query.action);
  }
  if (query.entityType) q = q.where('audit_events.entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('audit_events.entity_id', '=', query.entityId);
  if (query.from !== undefined) q = q.where('audit_events.at', '>=', query.from);
  if (query.to !== undefined) q = q.where('audit_events.at', '<', query.to);
  if (query.before !== undefined) q = q.where('audit_events.id', '<', query.before);
  if (recordIds) {
    const ids = recordIds.slice(0, MAX_RECORD_IDS);
    q = q.where((eb: AuditEb) =>
      eb.or([
        eb('audit_events.entity_id', 'in', ids),
        eb.and([
          eb('audit_events.action', '=', 'sync.pull.viewed'),
          eb.or(ids.map((id) => like('detail', `%${likeLiteral(JSON.stringify(id))}%`))),
        ]),
      ]),
    );
  }
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), at: Number(r.at) }));
}
