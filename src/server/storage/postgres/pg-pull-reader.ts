import type pg from 'pg';
import { GLOBAL_TEAM, TABLE_NAMES, type TableName } from '../../../shared/sync/rows';
import type { PulledRow } from '../../../shared/sync/protocol';
import type { PullPage, PullScope } from '../pull-reader';

interface Waiting {
  resolve: (head: { version: number; lastSeq: number }) => void;
  reject: (error: unknown) => void;
}

/** A page row as the page statement returns it (array mode): table index, id, version, deleted flag, data. */
type StoredRow = [number, string, number, number, string];

export interface HeadAndPage {
  /** The current version, in the same snapshot as the page. */
  latest: number;
  /** The client's last processed seq (0 for an unknown client). */
  lastSeq: number;
  /** Undefined when the cursor is beyond `latest` (the server's data was reset). */
  page: PullPage | undefined;
}

/**
 * The pull side of the row store on PostgreSQL. The version, the page and the
 * client's seq come from ONE statement — one snapshot even under READ COMMITTED,
 * one round trip, no transaction (docs/scale-out.md §4). The page is the same
 * `union all` of (team, version) index ranges as on SQLite, each arm limited
 * itself: PostgreSQL merges limited arms in order (Merge Append), reading at most
 * `limit` rows per arm, whereas an unlimited union under one `order by … limit`
 * is planned as a scan and a sort of every remaining row (a first sync would be
 * quadratic again; tests/integration/postgres/pull-page-plan.test.ts).
 */
export class PgPullReader {
  private readonly pageSql = new Map<string, string>();
  /** Heads asked for in this turn of the event loop, by client (read together by `readHeads`). */
  private heads: Map<string, Waiting[]> | null = null;

  constructor(private readonly pool: pg.Pool) {}

  /**
   * The current version and the client's last processed seq. After a poke every
   * desktop of a team pulls at once; on SQLite a head is a microsecond statement, here
   * a round trip each — so the heads asked for in one turn of the event loop are read
   * by ONE statement (one snapshot: the version and every seq agree).
   */
  head(clientId: string): Promise<{ version: number; lastSeq: number }> {
    return new Promise((resolve, reject) => {
      if (!this.heads) {
        this.heads = new Map();
        setImmediate(() => void this.readHeads());
      }
      const waiting = this.heads.get(clientId);
      if (waiting) waiting.push({ resolve, reject });
      else this.heads.set(clientId, [{ resolve, reject }]);
    });
  }

  private async readHeads(): Promise<void> {
    const batch = this.heads as Map<string, Waiting[]>;
    this.heads = null;
    try {
      const { rows } = await this.pool.query<{ version: number | null; id: string; last_seq: number | null }>(
        {
          name: 'agent-desk-pull-heads',
          text: `select (select value from meta where key = 'version') as version, ids.id, c.last_seq
               from unnest($1::text[]) as ids(id) left join clients c on c.client_id = ids.id`,
          values: [[...batch.keys()]],
        },
      );
      const version = rows[0]?.version ?? 0;
      const lastSeq = new Map(rows.map((r) => [r.id, r.last_seq ?? 0]));
      for (const [clientId, waiting] of batch)
        for (const w of waiting) w.resolve({ version, lastSeq: lastSeq.get(clientId) ?? 0 });
    } catch (error) {
      for (const waiting of batch.values()) for (const w of waiting) w.reject(error);
    }
  }

  /** The client's owner and last processed seq; undefined for an unknown client. */
  async client(clientId: string): Promise<{ userId: string; lastSeq: number } | undefined> {
    const { rows } = await this.pool.query<{ user_id: string; last_seq: number }>({
      name: 'agent-desk-client',
      text: 'select user_id, last_seq from clients where client_id = $1',
      values: [clientId],
    });
    const row = rows[0];
    return row ? { userId: row.user_id, lastSeq: row.last_seq } : undefined;
  }

  /** One page after `cursor` in scope, with the version and the client's seq of the same snapshot. */
  async read(scope: PullScope, cursor: number, limit: number, clientId: string): Promise<HeadAndPage> {
    const teams = scope.team === GLOBAL_TEAM ? [GLOBAL_TEAM] : [scope.team, GLOBAL_TEAM];
    const everyTeam = TABLE_NAMES.filter((table) => scope.everyTeam?.includes(table));
    const { name, text } = this.statement(teams.length, everyTeam);
    const result = await this.pool.query<unknown[]>({
      name,
      text,
      values: [clientId, cursor, limit + 1, ...teams],
      rowMode: 'array',
    });
    const first = result.rows[0] as [number | null, number | null, ...unknown[]] | undefined;
    const latest = first?.[0] ?? 0;
    const lastSeq = first?.[1] ?? 0;
    if (cursor > latest) return { latest, lastSeq, page: undefined };
    const stored = result.rows.filter((r) => r[2] !== null).map((r) => r.slice(2) as StoredRow);
    return { latest, lastSeq, page: toPage(stored, cursor, limit, latest) };
  }

  /**
   * The statement for a scope's shape, named so each connection prepares it once.
   * Parameters: $1 client id, $2 cursor, $3 limit + 1, $4… the teams.
   */
  private statement(teamCount: number, everyTeam: readonly TableName[]): { name: string; text: string } {
    const key = `${teamCount}|${everyTeam.join(',')}`;
    let text = this.pageSql.get(key);
    if (!text) {
      const teamParams = Array.from({ length: teamCount }, (_, i) => `$${i + 4}`);
      const arms: string[] = [];
      TABLE_NAMES.forEach((table, index) => {
        // Table names come from TABLE_NAMES, never from a request.
        const select = `select ${index} as t, id, version, deleted, data from "${table}"`;
        if (everyTeam.includes(table)) arms.push(`(${select} where version > $2 order by version limit $3)`);
        else
          for (const team of teamParams)
            arms.push(`(${select} where team = ${team} and version > $2 order by version limit $3)`);
      });
      const tableIndex = `case tbl ${TABLE_NAMES.map((table, index) => `when '${table}' then ${index}`).join(' ')} end`;
      for (const team of teamParams) {
        arms.push(
          `(select ${tableIndex} as t, id, version, 1 as deleted, '' as data from scope_exits where team = ${team} and version > $2 order by version limit $3)`,
        );
      }
      text = `with head as materialized (
          select (select value from meta where key = 'version') as latest,
                 (select last_seq from clients where client_id = $1) as last_seq),
        page as (${arms.join(' union all ')} order by version limit $3)
        select head.latest, head.last_seq, page.t, page.id, page.version, page.deleted, page.data
        from head left join page on true order by page.version`;
      this.pageSql.set(key, text);
    }
    return { name: `agent-desk-pull-page-${key}`, text };
  }
}

/** Stored rows (up to limit + 1) → the page, with the cursor it brings the reader to (as PullReader.page). */
function toPage(stored: readonly StoredRow[], cursor: number, limit: number, latest: number): PullPage {
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
