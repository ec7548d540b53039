import type { Statement } from 'better-sqlite3';
import type { TableName } from '../../shared/sync/rows';
import type { ReadDb } from './database';

/** One changed row as the readers of changes need it (stored JSON, not parsed). */
export interface ChangedRow<T extends TableName> {
  table: T;
  id: string;
  deleted: boolean;
  data: string;
}

/**
 * Every committed change to some tables since a version, on the read-only
 * connection: each table's rows with `version` in (cursor, now], in version order,
 * all read in one snapshot with prepared statements. Off the writer connection, a
 * reader of changes (the supervisor index) never queues behind pushes for it, nor
 * makes them wait.
 */
export class ChangeReader<T extends TableName> {
  private readonly versionStmt: Statement<[], { value: number }>;
  private readonly tableStmts: { table: T; stmt: Statement<[number, number], [string, number, string]> }[];

  constructor(
    private readonly sqlite: ReadDb,
    tables: readonly T[],
  ) {
    this.versionStmt = sqlite.prepare("select value from meta where key = 'version'");
    this.tableStmts = tables.map((table) => ({
      table,
      stmt: sqlite
        .prepare<[number, number], [string, number, string]>(
          `select id, deleted, data from ${table} where version > ? and version <= ? order by version`,
        )
        .raw(),
    }));
  }

  /** The changes after `cursor` and the version they bring the reader to. */
  since(cursor: number): { version: number; rows: ChangedRow<T>[] } {
    return this.sqlite.transaction(() => {
      const version = this.versionStmt.get()?.value ?? 0;
      const rows: ChangedRow<T>[] = [];
      if (version <= cursor) return { version, rows };
      for (const { table, stmt } of this.tableStmts) {
        for (const [id, deleted, data] of stmt.all(cursor, version))
          rows.push({ table, id, deleted: deleted !== 0, data });
      }
      return { version, rows };
    })();
  }
}
