import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { rowKey, type RowKey } from '../../../shared/sync/rows';

/**
 * The advisory-lock id of a synced row: the first 64 bits of SHA-1 of its key, as
 * a signed BIGINT. Two keys sharing an id only ever wait for each other (never a
 * wrong answer): the lock serializes, the row read after it decides.
 */
export function rowLockId(key: RowKey): bigint {
  return createHash('sha1').update(rowKey(key.table, key.id)).digest().readBigInt64BE(0);
}

/**
 * Takes a transaction-scoped advisory lock on each row key, in ascending id order,
 * in one statement (docs/scale-out.md §3). Every writer of synced rows locks what it
 * reads before reading it, so two batches touching one row run one after the other
 * and the second reads the first's committed row; a key of a row that does not
 * exist yet is locked the same way (two creates of one id). Held until commit.
 */
export async function lockRowKeys(
  client: Pick<pg.ClientBase, 'query'>,
  keys: readonly RowKey[],
): Promise<void> {
  if (keys.length === 0) return;
  await client.query(LOCK_SQL, [sortedLockIds(keys)]);
}

/** lockRowKeys inside a Kysely transaction (presence, admin writes: the same locks as a push). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: the statement names no table
export async function lockRowKeysIn(trx: Kysely<any>, keys: readonly RowKey[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`select pg_advisory_xact_lock(k) from (select unnest(${sortedLockIds(keys)}::bigint[]) as k order by 1) as ordered`.execute(
    trx,
  );
}

const LOCK_SQL =
  'select pg_advisory_xact_lock(k) from (select unnest($1::bigint[]) as k order by 1) as ordered';

/** Distinct lock ids in ascending order (every writer locks in the same order), as strings for BIGINT. */
function sortedLockIds(keys: readonly RowKey[]): string[] {
  return [...new Set(keys.map(rowLockId))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
}
