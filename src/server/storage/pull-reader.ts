import type { Statement } from 'better-sqlite3';
import type { TableName } from '../../shared/sync/rows';
import { GLOBAL_TEAM, TABLE_NAMES } from '../../shared/sync/rows';
import type { PulledRow } from '../../shared/sync/protocol';
import type { ReadDb } from './database';

export interface PullScope {
  /** Rows of this team and global rows. */
  team: string;
  /** Tables delivered whatever the row's team (admins: users). */
  everyTeam?: readonly TableName[];
}

export interface PullPage {
  rows: PulledRow[];
  cursor: number;
  more: boolean;
}

interface StoredRow {
  id: string;
  version: number;
  deleted: number;
  data: string;
}

/**
 * The pull side of the row store, on the read-only connection with prepared
 * statements. Everything here is synchronous: call it inside `snapshot` so the
 * version, the page and the client's sequence come from one committed state.
 */
export class PullReader {
  private readonly versionStmt: Statement<[], { value: number }>;
  private readonly clientStmt: Statement<[string], { user_id: string; last_seq: number }>;
  private readonly headStmt: Statement<[string], { version: number; last_seq: number | null }>;
  private readonly pageStmts = new Map<string, Statement<unknown[], StoredRow>>();

  constructor(private readonly sqlite: ReadDb) {
    this.versionStmt = sqlite.prepare("select value from meta where key = 'version'");
    this.clientStmt = sqlite.prepare('select user_id, last_seq from clients where client_id = ?');
    this.headStmt = sqlite.prepare(
      "select (select value from meta where key = 'version') as version, (select last_seq from clients where client_id = ?) as last_seq",
    );
  }

  /** Runs `read` as one read transaction (one snapshot of the database). */
  snapshot<T>(read: () => T): T {
    return this.sqlite.transaction(read)();
  }

  /**
   * The current version and the client's last processed sequence (0 for an
   * unknown client), read by one statement: one snapshot without a transaction.
   */
  head(clientId: string): { version: number; lastSeq: number } {
    const row = this.headStmt.get(clientId);
    return { version: row?.version ?? 0, lastSeq: row?.last_seq ?? 0 };
  }

  currentVersion(): number {
    return this.versionStmt.get()?.value ?? 0;
  }

  /** The client's owner and the last sequence the server processed for it; undefined for an unknown client. */
  client(clientId: string): { userId: string; lastSeq: number } | undefined {
    const row = this.clientStmt.get(clientId);
    return row ? { userId: row.user_id, lastSeq: row.last_seq } : undefined;
  }

  /**
   * One page of rows changed after `cursor` in scope, oldest first. `latest` is
   * the current version read in the same snapshot: at the end of the changes the
   * cursor jumps to it, so rows of other teams are not rescanned on every pull.
   */
  page(scope: PullScope, cursor: number, limit: number, latest: number): PullPage {
    const candidates: PulledRow[] = [];
    for (const table of TABLE_NAMES) {
      const everyTeam = scope.everyTeam?.includes(table) ?? false;
      const stored = everyTeam
        ? this.statement(table, false).all(cursor, limit + 1)
        : this.statement(table, true).all(cursor, scope.team, GLOBAL_TEAM, limit + 1);
      for (const r of stored) {
        const deleted = r.deleted === 1;
        let data: Record<string, unknown> | null = null;
        if (!deleted) {
          data = JSON.parse(r.data) as Record<string, unknown>;
          data.version = r.version;
        }
        candidates.push({ table, id: r.id, version: r.version, deleted, data } as PulledRow);
      }
    }
    candidates.sort((a, b) => a.version - b.version);
    const more = candidates.length > limit;
    const rows = more ? candidates.slice(0, limit) : candidates;
    const end = more ? (rows.at(-1)?.version ?? cursor) : Math.max(cursor, latest);
    return { rows, cursor: end, more };
  }

  private statement(table: TableName, scoped: boolean): Statement<unknown[], StoredRow> {
    const key = `${table}:${scoped}`;
    let stmt = this.pageStmts.get(key);
    if (!stmt) {
      // Table names come from TABLE_NAMES, never from a request.
      stmt = this.sqlite.prepare(
        `select id, version, deleted, data from "${table}" where version > ?${scoped ? ' and team in (?, ?)' : ''} order by version limit ?`,
      );
      this.pageStmts.set(key, stmt);
    }
    return stmt;
  }
}
