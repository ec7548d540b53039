import type BetterSqlite3 from 'better-sqlite3';
import { rowKey, TABLE_NAMES, type RowKey, type TableName } from '../../shared/sync/rows';
import { auditRow, type AuditEvent } from '../audit';
import { rawConnection, type Db } from './database';
import { REFERENCE_FIELD_MAX } from '../../shared/domain/identifiers/reference-number';
import { DESK_COUNTER, DESK_KINDS, type ServerDesk } from './desks';
import type { MutationLogTable } from './schema';

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
   * Runs `work` in ONE transaction of `db` with its connection's statements. Kysely
   * holds its one connection (behind its mutex) from `begin` to `commit`, so every
   * statement `work` runs is part of this transaction even across its awaits —
   * nothing else can take the connection before the commit (the read-only
   * connection is a different one). A throw rolls it all back.
   */
  static transaction<T>(db: Db, work: (writes: BatchWrites) => Promise<T>): Promise<T> {
    const connection = rawConnection(db);
    if (!connection) throw new Error('A batch transaction needs a database opened with openDatabase.');
    const writes = BatchWrites.of(connection);
    return db.transaction().execute(() => work(writes));
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

  /**
   * Allocates `count` consecutive versions and returns the first. The batch calls it
   * last, after judging everything (the same order as on PostgreSQL, where it takes
   * the counter's lock; here the transaction holds the only writer connection).
   */
  allocateVersions(count: number): number {
    const first = this.readVersionCounter() + 1;
    this.writeVersionCounter(first + count - 1);
    return first;
  }

  /** The global version counter as it stands in this transaction. */
  private readVersionCounter(): number {
    const row = this.statement(`select value from meta where key = 'version'`).get() as
      { value: number } | undefined;
    if (!row) throw new Error('The version counter is missing (database not migrated?).');
    return row.value;
  }

  /** Moves the global version counter to `value` (the last version handed out in this transaction). */
  private writeVersionCounter(value: number): void {
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

  /* ---------- reference numbers (see desks.ts, the same rules for Kysely writers) ---------- */

  /** Whether a reference number was ever given to a record. */
  referenceTaken(reference: string): boolean {
    return this.statement(`select 1 from record_references where reference = ?`).get(reference) !== undefined;
  }

  insertReferences(rows: readonly { reference: string; tbl: string; id: string }[]): void {
    const stmt = this.statement(`insert into record_references (reference, tbl, id) values (?, ?, ?)`);
    for (const r of rows) stmt.run(r.reference, r.tbl, r.id);
  }

  /** The server desk in use (the newest with sequences left), or undefined. */
  currentServerDesk(): ServerDesk | undefined {
    const row = this.statement(
      `select code, next_seq from desks where kind = '${DESK_KINDS.server}' and next_seq < ${REFERENCE_FIELD_MAX}
       order by code desc limit 1`,
    ).get() as { code: number; next_seq: number } | undefined;
    return row ? { code: Number(row.code), nextSeq: Number(row.next_seq) } : undefined;
  }

  /** A fresh server desk (the next code of the one counter). */
  newServerDesk(now: number): ServerDesk {
    const counter = this.statement(
      `update meta set value = value + 1 where key = '${DESK_COUNTER}' returning value`,
    ).get() as { value: number } | undefined;
    if (!counter) throw new Error('The desk-code counter is missing (database not migrated?).');
    const code = Number(counter.value) - 1;
    this.statement(
      `insert into desks (code, kind, installation_hash, next_seq, created_at) values (?, '${DESK_KINDS.server}', null, 0, ?)`,
    ).run(code, now);
    return { code, nextSeq: 0 };
  }

  saveServerDesk(desk: ServerDesk): void {
    this.statement(`update desks set next_seq = ? where code = ?`).run(desk.nextSeq, desk.code);
  }
}
