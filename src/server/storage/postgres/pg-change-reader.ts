import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { TableName } from '../../../shared/sync/rows';
import type { ChangedRow } from '../change-reader';

/**
 * Every committed change to some tables since a version, on PostgreSQL: the
 * version and each table's rows in (cursor, version] come from ONE statement, so
 * they agree (one snapshot), in version order. The supervisor index follows the
 * database with it, whichever node committed the change.
 */
export class PgChangeReader<T extends TableName> {
  private readonly text: string;
  private readonly name: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly tables: readonly T[],
  ) {
    // Table names come from the caller's constant list, never from a request.
    const arms = tables.map(
      (table, index) => `select ${index} as t, id, deleted, data, version from "${table}" where version > $1`,
    );
    this.text = `with head as materialized (select value as latest from meta where key = 'version')
      select head.latest, c.t, c.id, c.deleted, c.data
      from head left join (${arms.join(' union all ')}) as c on c.version <= head.latest
      order by c.version`;
    // A prepared statement's name is cut at 63 characters: a digest of the text keeps
    // it short and different for every list of tables.
    this.name = `agent-desk-changes-${createHash('sha256').update(this.text).digest('hex').slice(0, 24)}`;
  }

  /** The changes after `cursor` and the version they bring the reader to. */
  async since(cursor: number): Promise<{ version: number; rows: ChangedRow<T>[] }> {
    const result = await this.pool.query<unknown[]>({
      name: this.name,
      text: this.text,
      values: [cursor],
      rowMode: 'array',
    });
    const version = (result.rows[0]?.[0] as number | null | undefined) ?? 0;
    const rows: ChangedRow<T>[] = [];
    for (const r of result.rows) {
      if (r[1] === null) continue;
      rows.push({
        table: this.tables[r[1] as number] as T,
        id: r[2] as string,
        deleted: r[3] !== 0,
        data: r[4] as string,
      });
    }
    return { version: Math.max(version, cursor), rows };
  }
}
