import type BetterSqlite3 from 'better-sqlite3';
import { rowKey, TABLE_NAMES, type RowKey, type TableName } from '../../shared/sync/rows';
import { auditRow, type AuditEvent } from '../audit';
import { rawConnection, type Db } from './database';
import type { Transaction } from 'kysely';
import type { Database, MutationLogTable } from './schema';

/**
 * Storage for applying a whole push batch inside ONE transaction, as better-sqlite3
 * statements prepared once per connection and reused: a push is the server's
 * hottest write path, and building, compiling and re-preparing a Kysely query per
 * statement cost more than SQLite's own work. Every method is synchronous and runs
 * inside `BatchWrites.transaction`, on Kysely's own connection while Kysely holds it
 * between `begin` and `commit`: the connection is held for the whole transaction,
 * which is what makes reading the version counter once and writing it back at the
 * end safe.
 */

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

type Statement = BetterSqlite3.Statement;

const KNOWN_TABLES: ReadonlySet<string> = new Set(TABLE_NAMES);

/** Table names are spliced into SQL, so only the synced tables' own names are accepted. */
function tableName(table: string): string {
  if (!KNOWN_TABLES.has(table)) throw new Error(`Unknown table "${table}".`);
  return `"${table}"`;
}

export class BatchWrites {
  private static readonly byConnection = new WeakMap<BetterSqlite3.Database, BatchWrites>();

  /**
   * Runs `work` in ONE transaction of `db` with its connection's statements. `work` is
   * synchronous on purpose: every statement it runs is then part of this transaction
   * (nothing else can take the connection before the commit). A throw rolls it all back.
   */
  static transaction<T, R = T>(
    db: Db,
    work: (writes: BatchWrites) => T,
    /** Kysely work after `work`, still inside the same transaction (e.g. the notice outbox). */
    then?: (trx: Transaction<Database>, result: T) => Promise<R>,
  ): Promise<R> {
    const connection = rawConnection(db);
    if (!connection) throw new Error('A batch transaction needs a database opened with openDatabase.');
    const writes = BatchWrites.of(connection);
    return db.transaction().execute(async (trx) => {
      const result = work(writes);
      return then ? then(trx, result) : (result as unknown as R);
    });
  }

  /** The statements of `connection`, prepared on first use and kept for its lifetime. */
  private static of(connection: BetterSqlite3.Database): BatchWrites {
    let writes = BatchWrites.byConnection.get(connection);
    if (!writes) {
      writes = new BatchWrites(connection);
      BatchWrites.byConnection.set(connection, writes);
    }
    return writes;
  }

  private readonly readRow = new Map<string, Statement>();
  private readonly upsertRow = new Map<string, Statement>();
  private readonly statements = new Map<string, Statement>();

  private constructor(private readonly connection: BetterSqlite3.Database) {}

  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.connection.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** The live rows among `keys`, keyed by `rowKey`. Deleted rows count as absent. */
  readRowData(keys: readonly RowKey[]): Map<string, StoredRowData> {
    const found = new Map<string, StoredRowData>();
    for (const key of keys) {
      const k = rowKey(key.table, key.id);
      if (found.has(k)) continue;
      let stmt = this.readRow.get(key.table);
      if (!stmt) {
        stmt = this.connection.prepare(
          `select version, data from ${tableName(key.table)} where id = ? and deleted = 0`,
        );
        this.readRow.set(key.table, stmt);
      }
      const row = stmt.get(key.id) as StoredRowData | undefined;
      if (row) found.set(k, { data: row.data, version: row.version });
    }
    return found;
  }

  /** The global version counter as it stands in this transaction. */
  readVersionCounter(): number {
    const row = this.statement(`select value from meta where key = 'version'`).get() as
      { value: number } | undefined;
    if (!row) throw new Error('The version counter is missing (database not migrated?).');
    return row.value;
  }

  /** Moves the global version counter to `value` (the last version handed out in this transaction). */
  writeVersionCounter(value: number): void {
    this.statement(`update meta set value = ? where key = 'version'`).run(value);
  }

  /** Upserts entity rows; a row listed twice keeps its last state (and is written once). */
  upsertRows(rows: readonly StampedRow[]): void {
    const latest = new Map<string, StampedRow>();
    for (const r of rows) latest.set(rowKey(r.table, r.id), r);
    for (const r of latest.values()) {
      let stmt = this.upsertRow.get(r.table);
      if (!stmt) {
        stmt = this.connection.prepare(
          `insert into ${tableName(r.table)} (id, team, version, deleted, data) values (?, ?, ?, 0, ?)
           on conflict (id) do update set team = excluded.team, version = excluded.version,
             deleted = 0, data = excluded.data`,
        );
        this.upsertRow.set(r.table, stmt);
      }
      stmt.run(r.id, r.team, r.version, r.data);
    }
  }

  /** The mutation-log rows already stored for `seqs` of one client, by seq. */
  findLoggedMutations(clientId: string, seqs: readonly number[]): Map<number, MutationLogTable> {
    const logged = new Map<number, MutationLogTable>();
    const stmt = this.statement(`select * from mutation_log where client_id = ? and seq = ?`);
    for (const seq of seqs) {
      if (logged.has(seq)) continue;
      const row = stmt.get(clientId, seq) as MutationLogTable | undefined;
      if (row) logged.set(row.seq, row);
    }
    return logged;
  }

  /** Appends mutation-log rows. */
  insertMutationLog(rows: readonly MutationLogTable[]): void {
    const stmt = this.statement(
      `insert into mutation_log (client_id, seq, mutation_id, name, status, error_code, error_message, version, at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of rows)
      stmt.run(
        r.client_id,
        r.seq,
        r.mutation_id,
        r.name,
        r.status,
        r.error_code ?? null,
        r.error_message ?? null,
        r.version ?? null,
        r.at,
      );
  }

  /** Appends audit events in order (each row exactly as appendAudit writes it). */
  insertAuditEvents(events: readonly AuditEvent[]): void {
    const stmt = this.statement(
      `insert into audit_events (at, actor_id, action, entity_type, entity_id, source_ip, client_id, outcome, detail)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const event of events) {
      const a = auditRow(event);
      stmt.run(
        a.at,
        a.actor_id ?? null,
        a.action,
        a.entity_type ?? null,
        a.entity_id ?? null,
        a.source_ip ?? null,
        a.client_id ?? null,
        a.outcome,
        a.detail ?? null,
      );
    }
  }

  /** The last seq `clientId` sent; a desktop pushes only after it was registered. */
  clientLastSeq(clientId: string): number {
    const row = this.statement(`select last_seq from clients where client_id = ?`).get(clientId) as
      { last_seq: number } | undefined;
    if (!row) throw new Error(`Unknown desktop "${clientId}".`);
    return row.last_seq;
  }

  setClientLastSeq(clientId: string, seq: number): void {
    this.statement(`update clients set last_seq = ? where client_id = ?`).run(seq, clientId);
  }
}
