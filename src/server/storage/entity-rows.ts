import type { RowOf, TableName } from '../../shared/sync/rows';
import type { Db } from './database';

/** Ids per `in (…)` list: far below every database's parameter limit. */
const IDS_PER_QUERY = 500;

type EntityName = Exclude<TableName, 'users'>;

/**
 * Every live row of an entity table, of one team or of all (reports, the policy
 * preview). Rows were validated by their zod schema when written, so they are read as
 * stored, without a second validation pass.
 */
export async function readEntityRows<T extends EntityName>(
  db: Db,
  table: T,
  teams?: readonly string[],
): Promise<RowOf<T>[]> {
  if (teams !== undefined && teams.length === 0) return [];
  // Every entity table has the same columns (EntityTable): one concrete name types the query.
  let query = db
    .selectFrom(table as 'callbacks')
    .select(['version', 'data'])
    .where('deleted', '=', 0);
  if (teams !== undefined) query = query.where('team', 'in', teams);
  const rows = await query.execute();
  return rows.map((r) => ({ ...(JSON.parse(r.data) as object), version: Number(r.version) }) as RowOf<T>);
}

/** The live rows of `table` among `ids`, by id. */
export async function readEntityRowsById<T extends EntityName>(
  db: Db,
  table: T,
  ids: readonly string[],
): Promise<Map<string, RowOf<T>>> {
  const found = new Map<string, RowOf<T>>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += IDS_PER_QUERY) {
    const rows = await db
      .selectFrom(table as 'callbacks')
      .select(['id', 'version', 'data'])
      .where('deleted', '=', 0)
      .where('id', 'in', unique.slice(i, i + IDS_PER_QUERY))
      .execute();
    for (const r of rows)
      found.set(r.id, { ...(JSON.parse(r.data) as object), version: Number(r.version) } as RowOf<T>);
  }
  return found;
}
