import { sql, type ColumnDataType, type Kysely } from 'kysely';
import { storeKindOf } from '../store-kind';

/**
 * Column types a migration writes once for both stores. SQLite's INTEGER is 64
 * bits already; PostgreSQL's is 32, which epoch milliseconds outgrow (and versions
 * and sequence numbers may), so those columns are BIGINT there (read back as
 * numbers: storage/postgres/postgres-pool.ts). The SQLite schema is unchanged.
 */
export interface ColumnTypes {
  /** Epoch milliseconds. */
  epochMs: ColumnDataType;
  /** Global versions, sequence numbers, counters. */
  bigCount: ColumnDataType;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped
export function columnTypes(db: Kysely<any>): ColumnTypes {
  return storeKindOf(db) === 'postgres'
    ? { epochMs: 'bigint', bigCount: 'bigint' }
    : { epochMs: 'integer', bigCount: 'integer' };
}

/**
 * Makes `table` append-only in the database itself, not just in the code: UPDATE
 * and DELETE are refused with "<table> is append-only" (and on PostgreSQL TRUNCATE
 * too, which row triggers do not see). The deployment guide also grants the
 * application's role only INSERT and SELECT on it (docs/deployment.md).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped
export async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  const message = `${table} is append-only`;
  if (storeKindOf(db) === 'sqlite') {
    await sql`create trigger ${sql.id(`${table}_no_update`)} before update on ${sql.table(table)}
      begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_delete`)} before delete on ${sql.table(table)}
      begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
    return;
  }
  await sql`create or replace function agent_desk_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`create trigger ${sql.id(`${table}_no_update`)} before update or delete on ${sql.table(table)}
    for each row execute function agent_desk_refuse_change()`.execute(db);
  await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
    for each statement execute function agent_desk_refuse_change()`.execute(db);
}
