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

/** A page row as SQLite returns it (raw arrays: no object per row): table index, id, version, deleted flag, data. */
type StoredRow = [number, string, number, number, string];

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
   *
   * One statement per page: a UNION ALL with one arm per (table, team) and one per
   * team for its scope exits (rows that left it, delivered as deletions), each an
   * ordered range of the (team, version) index, merged by version under the
   * LIMIT. SQLite runs the arms as coroutines, so a page reads only the rows it
   * returns (plus one). `team in (?, ?)` would sort every remaining row of the
   * table on each page instead (a temp B-tree), which made a first sync quadratic.
   */
  page(scope: PullScope, cursor: number, limit: number, latest: number): PullPage {
    const teams = scope.team === GLOBAL_TEAM ? [GLOBAL_TEAM] : [scope.team, GLOBAL_TEAM];
    const params: unknown[] = [];
    for (const table of TABLE_NAMES) {
      if (scope.everyTeam?.includes(table)) params.push(cursor);
      else for (const team of teams) params.push(team, cursor);
    }
    for (const team of teams) params.push(team, cursor);
    params.push(limit + 1);
    const stored = this.pageStatement(scope, teams.length).all(...params);
    const more = stored.length > limit;
    const count = more ? limit : stored.length;
    const rows: PulledRow[] = new Array<PulledRow>(count);
    for (let i = 0; i < count; i++) {
      const [tableIndex, id, version, deletedFlag, json] = stored[i] as StoredRow;
      const deleted = deletedFlag === 1;
      let data: Record<string, unknown> | null = null;
      if (!deleted) {
        data = JSON.parse(json) as Record<string, unknown>;
        data.version = version;
      }
      rows[i] = { table: TABLE_NAMES[tableIndex] as TableName, id, version, deleted, data };
    }
    const end = more ? (rows.at(-1)?.version ?? cursor) : Math.max(cursor, latest);
    return { rows, cursor: end, more };
  }

  /** The page statement for a scope's shape (how many teams, which tables ignore the team), prepared once. */
  private pageStatement(scope: PullScope, teamCount: number): Statement<unknown[], StoredRow> {
    const everyTeam = TABLE_NAMES.filter((table) => scope.everyTeam?.includes(table));
    const key = `${teamCount}|${everyTeam.join(',')}`;
    let stmt = this.pageStmts.get(key);
    if (!stmt) {
      const arms: string[] = [];
      TABLE_NAMES.forEach((table, index) => {
        // Table names come from TABLE_NAMES, never from a request.
        const select = `select ${index} as t, id, version, deleted, data from "${table}"`;
        if (everyTeam.includes(table)) arms.push(`${select} where version > ?`);
        else for (let i = 0; i < teamCount; i++) arms.push(`${select} where team = ? and version > ?`);
      });
      // Rows that left the team (a moved user's): deletions for this team's desktops (migration 004).
      const tableIndex = `case tbl ${TABLE_NAMES.map((table, index) => `when '${table}' then ${index}`).join(' ')} end`;
      for (let i = 0; i < teamCount; i++) {
        arms.push(
          `select ${tableIndex} as t, id, version, 1 as deleted, '' as data from scope_exits where team = ? and version > ?`,
        );
      }
      stmt = this.sqlite
        .prepare<unknown[], StoredRow>(`${arms.join(' union all ')} order by version limit ?`)
        .raw(true);
      this.pageStmts.set(key, stmt);
    }
    return stmt;
  }
}
