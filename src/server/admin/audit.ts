import { AUDIT_CSV_HEADER, type AuditPage, type AuditQuery } from '../../shared/admin/audit';
import { toCsv } from '../../shared/reports/csv';
import { appendAudit } from '../audit';
import type { Db } from '../storage/database';
import { customerRecordIds, searchAudit } from '../storage/audit-search';
import type { Actor } from './accounts';

const PAGE = 100;
/** The most events one CSV export holds (narrow the filters for more). */
export const EXPORT_LIMIT = 50_000;

/** The filters as the viewing event records them: ids, codes and times only. */
function filtersOf(query: AuditQuery): Record<string, string | number> {
  const { before: _b, limit: _l, ...filters } = query;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<
    string,
    string | number
  >;
}

async function matching(db: Db, query: AuditQuery, limit: number) {
  const recordIds = query.customer ? await customerRecordIds(db, query.customer) : undefined;
  return searchAudit(db, query, recordIds, limit);
}

/**
 * One page of the audit trail. Viewing it is itself audited (`admin.audit.search`, with
 * the filters), and the page is answered only once that is stored: a view that could not
 * be recorded is not shown.
 */
export async function searchAuditTrail(
  db: Db,
  query: AuditQuery,
  by: Actor & { now: number },
): Promise<AuditPage> {
  const limit = query.limit ?? PAGE;
  const found = await matching(db, query, limit + 1);
  const events = found.slice(0, limit);
  await appendAudit(db, {
    at: by.now,
    actorId: by.userId,
    action: 'admin.audit.search',
    sourceIp: by.ip,
    outcome: 'ok',
    detail: { filters: filtersOf(query), shown: events.length },
  });
  return { events, next: found.length > limit ? (events.at(-1)?.id ?? null) : null };
}

/** The matching events as CSV (RFC 4180, formulas neutralized), newest first; audited as `admin.audit.export`. */
export async function exportAuditTrail(
  db: Db,
  query: AuditQuery,
  by: Actor & { now: number },
): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const found = await matching(db, { ...query, before: undefined }, EXPORT_LIMIT + 1);
  const events = found.slice(0, EXPORT_LIMIT);
  await appendAudit(db, {
    at: by.now,
    actorId: by.userId,
    action: 'admin.audit.export',
    sourceIp: by.ip,
    outcome: 'ok',
    detail: { filters: filtersOf(query), rows: events.length },
  });
  const csv = toCsv(
    AUDIT_CSV_HEADER,
    events.map((e) => [
      e.id,
      new Date(e.at).toISOString(),
      e.actorId,
      e.actorName,
      e.action,
      e.entityType,
      e.entityId,
      e.outcome,
      e.sourceIp,
      e.clientId,
      e.detail,
    ]),
  );
  return { csv, rows: events.length, truncated: found.length > EXPORT_LIMIT };
}
