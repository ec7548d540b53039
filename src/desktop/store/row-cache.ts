import type BetterSqlite3 from 'better-sqlite3';
import {
  rowKey,
  ROW_SCHEMAS,
  type AnyRow,
  type RowKey,
  type RowOf,
  type TableName,
} from '../../shared/sync/rows';
import type { PiiCipher } from './pii-cipher';

/**
 * The row data of the cache: `confirmed_rows` is what the server said,
 * `pending_rows` the optimistic overlay written by mutations still in the outbox.
 * The effective row (what the agent sees) is the pending one if any, else the
 * confirmed one. Everything is stored encrypted.
 */
export class RowCache {
  private readonly stmts;
  /**
   * Rows putConfirmed validated during the current recordingFresh() call, keyed
   * `table/id`, as decode() would return them: the re-index at the end of a pull
   * page reads them from here instead of decrypting what it has just encrypted.
   * Only alive inside one transaction (a rollback cannot leave a stale entry behind).
   */
  private fresh: Map<string, AnyRow> | undefined;

  constructor(
    db: BetterSqlite3.Database,
    private readonly cipher: PiiCipher,
  ) {
    this.stmts = {
      confirmed: db.prepare<[string, string], { data: Buffer; version: number }>(
        'SELECT data, version FROM confirmed_rows WHERE tbl = ? AND id = ?',
      ),
      pending: db.prepare<[string, string], { data: Buffer }>(
        'SELECT data FROM pending_rows WHERE tbl = ? AND id = ?',
      ),
      putConfirmed: db.prepare<[string, string, number, string, Buffer]>(
        `INSERT INTO confirmed_rows (tbl, id, version, team, data) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tbl, id) DO UPDATE SET version = excluded.version, team = excluded.team, data = excluded.data`,
      ),
      deleteConfirmed: db.prepare<[string, string]>('DELETE FROM confirmed_rows WHERE tbl = ? AND id = ?'),
      putPending: db.prepare<[string, string, Buffer]>(
        `INSERT INTO pending_rows (tbl, id, data) VALUES (?, ?, ?)
         ON CONFLICT (tbl, id) DO UPDATE SET data = excluded.data`,
      ),
      pendingKeys: db.prepare<[], { tbl: string; id: string }>('SELECT tbl, id FROM pending_rows'),
      clearPending: db.prepare('DELETE FROM pending_rows'),
      confirmedIdsOf: db.prepare<[string], { id: string }>('SELECT id FROM confirmed_rows WHERE tbl = ?'),
      pendingIdsOf: db.prepare<[string], { id: string }>('SELECT id FROM pending_rows WHERE tbl = ?'),
      idsAfter: db.prepare<{ table: string; afterId: string; limit: number }, { id: string }>(
        `SELECT id FROM confirmed_rows WHERE tbl = @table AND id > @afterId
         UNION SELECT id FROM pending_rows WHERE tbl = @table AND id > @afterId
         ORDER BY id LIMIT @limit`,
      ),
      isPending: db.prepare<[string, string], { n: number }>(
        'SELECT 1 AS n FROM pending_rows WHERE tbl = ? AND id = ?',
      ),
      fingerprint: db.prepare<[string, string], { fingerprint: string }>(
        `SELECT coalesce((SELECT group_concat(id || ':' || version) FROM confirmed_rows WHERE tbl = ?), '')
           || '|' || coalesce((SELECT group_concat(id || ':' || hex(substr(data, 1, 13))) FROM pending_rows
                               WHERE tbl = ?), '') AS fingerprint`,
      ),
    };
  }

  private decode<T extends TableName>(table: T, id: string, data: Buffer, place: string, version: number) {
    const json = JSON.parse(this.cipher.decrypt(data, place)) as Record<string, unknown>;
    return { ...json, version } as RowOf<T>;
  }

  getConfirmed<T extends TableName>(table: T, id: string): RowOf<T> | undefined {
    const found = this.stmts.confirmed.get(table, id);
    return found ? this.decode(table, id, found.data, `row/${table}/${id}`, found.version) : undefined;
  }

  /** The row as the agent sees it: optimistic if a pending mutation wrote it. */
  get<T extends TableName>(table: T, id: string): RowOf<T> | undefined {
    const pending = this.stmts.pending.get(table, id);
    if (pending) return this.decode(table, id, pending.data, `pending/${table}/${id}`, 0);
    return this.getConfirmed(table, id);
  }

  /**
   * The effective row and whether it is optimistic, for the indexes: like get(),
   * but a row this transaction's putConfirmed just validated is answered without
   * decrypting it. The object may be shared: read it, never change it.
   */
  view<T extends TableName>(table: T, id: string): { row: RowOf<T>; pending: boolean } | undefined {
    const pending = this.stmts.pending.get(table, id);
    if (pending)
      return { row: this.decode(table, id, pending.data, `pending/${table}/${id}`, 0), pending: true };
    const fresh = this.fresh?.get(rowKey(table, id));
    const row = fresh ? (fresh as RowOf<T>) : this.getConfirmed(table, id);
    return row ? { row, pending: false } : undefined;
  }

  /**
   * Runs `write` (one transaction: the caller's) remembering the rows putConfirmed
   * validates, for view(); forgets them when it returns or throws.
   */
  recordingFresh<R>(write: () => R): R {
    this.fresh = new Map();
    try {
      return write();
    } finally {
      this.fresh = undefined;
    }
  }

  isPending(table: TableName, id: string): boolean {
    return this.stmts.isPending.get(table, id) !== undefined;
  }

  /** The effective rows among `keys` that exist, keyed like a mutator's RowMap. */
  read(keys: readonly RowKey[]): Map<string, AnyRow> {
    const rows = new Map<string, AnyRow>();
    for (const key of keys) {
      const row = this.get(key.table, key.id);
      if (row) rows.set(rowKey(key.table, key.id), row);
    }
    return rows;
  }

  /** Every effective row of a (small) table: scripts, users, presence. */
  list<T extends TableName>(table: T): RowOf<T>[] {
    const ids = new Set([
      ...this.stmts.confirmedIdsOf.all(table).map((r) => r.id),
      ...this.stmts.pendingIdsOf.all(table).map((r) => r.id),
    ]);
    return [...ids].flatMap((id) => {
      const row = this.get(table, id);
      return row ? [row] : [];
    });
  }

  /**
   * Up to `limit` ids of the table's effective rows (confirmed or optimistic) after
   * `afterId`, in id order: a large table read a slice at a time (the customer
   * directory's build), never held whole.
   */
  idsAfter(table: TableName, afterId: string, limit: number): string[] {
    return this.stmts.idsAfter.all({ table, afterId, limit }).map((r) => r.id);
  }

  /**
   * A string that changes whenever a row of this (small) table changes, read without
   * decrypting anything: every confirmed row's id and version, and every optimistic
   * row's id and blob IV (fresh per write). For caches of decrypted rows (user names).
   */
  fingerprint(table: TableName): string {
    return this.stmts.fingerprint.get(table, table)?.fingerprint ?? '';
  }

  /** A row from the server; validated against the shared schema before it is stored. */
  putConfirmed(table: TableName, id: string, version: number, data: unknown): boolean {
    const parsed = ROW_SCHEMAS[table].safeParse(data);
    if (!parsed.success) return false;
    // zod's output is a fresh object of ours: blank its version for the blob (JSON leaves
    // undefined out), then set the column's, which makes it what getConfirmed would decode.
    const row = parsed.data as Omit<AnyRow, 'version'> & { version?: number };
    row.version = undefined;
    const blob = this.cipher.encrypt(JSON.stringify(row), `row/${table}/${id}`);
    row.version = version;
    this.stmts.putConfirmed.run(table, id, version, row.team, blob);
    this.fresh?.set(rowKey(table, id), row as AnyRow);
    return true;
  }

  deleteConfirmed(table: TableName, id: string): void {
    this.stmts.deleteConfirmed.run(table, id);
    this.fresh?.delete(rowKey(table, id));
  }

  putPending(table: TableName, row: { id: string }): void {
    const { version: _v, ...data } = row as { id: string; version?: number };
    this.stmts.putPending.run(
      table,
      row.id,
      this.cipher.encrypt(JSON.stringify(data), `pending/${table}/${row.id}`),
    );
  }

  pendingKeys(): RowKey[] {
    return this.stmts.pendingKeys.all().map((r) => ({ table: r.tbl as TableName, id: r.id }));
  }

  clearPending(): void {
    this.stmts.clearPending.run();
  }
}
