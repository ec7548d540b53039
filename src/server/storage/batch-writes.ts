import type { Transaction } from 'kysely';
import { rowKey, type RowKey, type TableName } from '../../shared/sync/rows';
import { auditRow, type AuditEvent } from '../audit';
import type { Database, MutationLogTable } from './schema';

/**
 * Write-side helpers for applying a whole push batch inside ONE transaction:
 * set-based reads and multi-row writes, so a batch costs a handful of queries
 * instead of several per mutation. Every function expects the caller's
 * transaction (the single connection is held for its whole duration, which is
 * what makes reading the version counter once and writing it back at the end safe).
 */

type Trx = Transaction<Database>;

/** A row as stored: its JSON `data` and its version (parse it per use, so no caller can alias another's object). */
export interface StoredRowData {
  data: string;
  version: number;
}

/** An entity row ready to upsert, stamped with its version. */
export interface StampedRow {
  table: Exclude<TableName, 'users'>;
  id: string;
  team: string;
  version: number;
  data: string;
}

/** Rows per statement: far below SQLite's bound-parameter limit whatever the column count. */
const CHUNK = 400;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The live rows among `keys` (one query per table per chunk), keyed by `rowKey`. Deleted rows count as absent. */
export async function readRowData(trx: Trx, keys: readonly RowKey[]): Promise<Map<string, StoredRowData>> {
  const found = new Map<string, StoredRowData>();
  const byTable = new Map<TableName, Set<string>>();
  for (const key of keys) {
    const ids = byTable.get(key.table) ?? new Set<string>();
    ids.add(key.id);
    byTable.set(key.table, ids);
  }
  for (const [table, ids] of byTable) {
    for (const part of chunks([...ids])) {
      const rows = await trx
        .selectFrom(table)
        .select(['id', 'version', 'data'])
        .where('id', 'in', part)
        .where('deleted', '=', 0)
        .execute();
      for (const r of rows) found.set(rowKey(table, r.id), { data: r.data, version: r.version });
    }
  }
  return found;
}

/** The global version counter as it stands in this transaction. */
export async function readVersionCounter(trx: Trx): Promise<number> {
  const row = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'version')
    .executeTakeFirstOrThrow();
  return row.value;
}

/** Moves the global version counter to `value` (the last version handed out in this transaction). */
export async function writeVersionCounter(trx: Trx, value: number): Promise<void> {
  await trx.updateTable('meta').set({ value }).where('key', '=', 'version').execute();
}

/** Upserts entity rows, a multi-row statement per table. A row listed twice keeps its last state. */
export async function upsertRows(trx: Trx, rows: readonly StampedRow[]): Promise<void> {
  const byTable = new Map<StampedRow['table'], Map<string, StampedRow>>();
  for (const row of rows) {
    const latest = byTable.get(row.table) ?? new Map<string, StampedRow>();
    latest.set(row.id, row);
    byTable.set(row.table, latest);
  }
  for (const [table, latest] of byTable) {
    for (const part of chunks([...latest.values()])) {
      await trx
        .insertInto(table)
        .values(part.map((r) => ({ id: r.id, team: r.team, version: r.version, deleted: 0, data: r.data })))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            team: eb.ref('excluded.team'),
            version: eb.ref('excluded.version'),
            deleted: 0,
            data: eb.ref('excluded.data'),
          })),
        )
        .execute();
    }
  }
}

/** The mutation-log rows already stored for `seqs` of one client, by seq. */
export async function findLoggedMutations(
  trx: Trx,
  clientId: string,
  seqs: readonly number[],
): Promise<Map<number, MutationLogTable>> {
  const logged = new Map<number, MutationLogTable>();
  for (const part of chunks([...new Set(seqs)])) {
    const rows = await trx
      .selectFrom('mutation_log')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('seq', 'in', part)
      .execute();
    for (const r of rows) logged.set(r.seq, r);
  }
  return logged;
}

/** Appends mutation-log rows, multi-row statements. */
export async function insertMutationLog(trx: Trx, rows: readonly MutationLogTable[]): Promise<void> {
  for (const part of chunks(rows)) await trx.insertInto('mutation_log').values(part).execute();
}

/** Appends audit events in order, multi-row statements (each row exactly as appendAudit writes it). */
export async function insertAuditEvents(trx: Trx, events: readonly AuditEvent[]): Promise<void> {
  for (const part of chunks(events))
    await trx.insertInto('audit_events').values(part.map(auditRow)).execute();
}
