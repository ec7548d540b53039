import { sql, type Transaction } from 'kysely';
import type { AnyRow, RowKey, TableName } from '../../shared/sync/rows';
import { rowKey, TABLE_NAMES } from '../../shared/sync/rows';
import type { RowWrite } from '../../shared/sync/mutator';
import {
  isReferencedTable,
  REFERENCE_KIND_OF_TABLE,
  type ReferencedTable,
} from '../../shared/sync/rows/reference';
import { registerReferences, takeServerReferences } from './desks';
import type { Database } from './schema';
import type { Db } from './database';
import { lockRowKeysIn } from './postgres/row-key-locks';
import { storeKindOf } from './store-kind';

type Executor = Db | Transaction<Database>;

/** Allocates `count` consecutive global versions and returns the first. */
export async function allocateVersions(trx: Executor, count: number): Promise<number> {
  const row = await trx
    .updateTable('meta')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('key', '=', 'version')
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value - count + 1;
}

export async function currentVersion(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'version')
    .executeTakeFirstOrThrow();
  return row.value;
}

/**
 * Loads the rows among `keys` that exist (deleted rows count as absent). On
 * PostgreSQL each key is locked first (until the transaction ends), as a push
 * batch does, so a writer that read a row is the only one writing it until commit.
 */
export async function readRows(trx: Executor, keys: readonly RowKey[]): Promise<Map<string, AnyRow>> {
  if (storeKindOf(trx) === 'postgres') await lockRowKeysIn(trx, keys);
  const rows = new Map<string, AnyRow>();
  const byTable = new Map<TableName, string[]>();
  for (const key of keys) byTable.set(key.table, [...(byTable.get(key.table) ?? []), key.id]);
  for (const [table, ids] of byTable) {
    const found = await trx
      .selectFrom(table)
      .select(['id', 'version', 'data'])
      .where('id', 'in', ids)
      .where('deleted', '=', 0)
      .execute();
    for (const r of found)
      rows.set(rowKey(table, r.id), { ...JSON.parse(r.data), version: r.version } as AnyRow);
  }
  return rows;
}

/**
 * Stores mutator writes, each stamped with its own next global version (so a
 * pull page can end between any two rows). Users are never written here — their
 * credentials live beside the profile; see users.ts. A record of a referenced
 * table written without a reference number (one the server creates) gets a server
 * reference here, in the same transaction. Returns the last version.
 */
export async function writeRows(
  trx: Transaction<Database>,
  writes: readonly RowWrite[],
  now: number = Date.now(),
): Promise<number | undefined> {
  if (writes.length === 0) return undefined;
  let version = await allocateVersions(trx, writes.length);
  let last = version;
  for (const write of await withServerReferences(trx, writes, now)) {
    if (write.table === 'users') throw new Error('users are written through storage/users.ts');
    const data = JSON.stringify(write.row);
    await trx
      .insertInto(write.table)
      .values({ id: write.row.id, team: write.row.team, version, deleted: 0, data })
      .onConflict((oc) => oc.column('id').doUpdateSet({ team: write.row.team, version, deleted: 0, data }))
      .execute();
    last = version;
    version += 1;
  }
  return last;
}

/** The writes, each record of a referenced table that lacks a reference number given a server one. */
async function withServerReferences(
  trx: Transaction<Database>,
  writes: readonly RowWrite[],
  now: number,
): Promise<RowWrite[]> {
  const missing = writes.filter(
    (w) => isReferencedTable(w.table) && (w.row as { reference?: string }).reference === undefined,
  );
  if (missing.length === 0) return [...writes];
  const refs = await takeServerReferences(
    trx,
    missing.map((w) => REFERENCE_KIND_OF_TABLE[w.table as ReferencedTable]),
    now,
  );
  const given = new Map(missing.map((w, i) => [w, refs[i] as string]));
  await registerReferences(
    trx,
    missing.map((w) => ({ reference: given.get(w) as string, tbl: w.table, id: w.row.id })),
  );
  return writes.map((w) => {
    const reference = given.get(w);
    return reference === undefined ? w : ({ ...w, row: { ...w.row, reference } } as RowWrite);
  });
}

// The pull side (pages for desktops) reads on the read-only connection: see pull-reader.ts.

/** Row counts per table (health and tests). */
export async function countRows(db: Executor): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  for (const table of TABLE_NAMES) {
    const r = await db
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(r.n);
  }
  return counts;
}
