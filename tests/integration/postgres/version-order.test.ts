import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { migrateToLatest } from '../../../src/server/storage/database';
import {
  openPostgresDatabase,
  type PostgresDatabase,
} from '../../../src/server/storage/postgres/open-postgres';
import { PgBatchWrites } from '../../../src/server/storage/postgres/pg-batch-writes';
import { PgChangeReader } from '../../../src/server/storage/postgres/pg-change-reader';
import { PgPullReader } from '../../../src/server/storage/postgres/pg-pull-reader';
import { newPostgresDatabase } from '../../support/test-store';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The invariant pulls rely on (docs/scale-out.md §3): a reader never sees version
 * N+1 before N is committed. Three "nodes" (pools) commit batches concurrently,
 * each waiting a random time between allocating its versions and committing — the
 * window in which a sequence-based scheme would let a later version become visible
 * first — while readers page through the changes by cursor, as desktops do. Every
 * version must reach every reader exactly once, in order.
 */
describe('versions in commit order across nodes (PostgreSQL)', () => {
  let database: { url: string; drop(): Promise<void> };
  const nodes: PostgresDatabase[] = [];

  beforeAll(async () => {
    database = await newPostgresDatabase();
    for (let i = 0; i < 3; i++)
      nodes.push(
        openPostgresDatabase(database.url, {
          applicationName: `node-${i}`,
          max: 6,
          onError: () => undefined,
        }),
      );
    const { db } = nodes[0] as PostgresDatabase;
    const migrated = await migrateToLatest(db);
    expect(migrated.ok).toBe(true);
    await db
      .insertInto('users')
      .values({
        id: 'u-1',
        team: 'alpha',
        version: 0,
        deleted: 0,
        data: '{}',
        username: 'u1',
        password_hash: 'x',
        failed_sign_ins: 0,
        locked_until: null,
      })
      .execute();
    await db
      .insertInto('clients')
      .values(
        Array.from({ length: 12 }, (_, i) => ({
          client_id: `c-${i}`,
          user_id: 'u-1',
          last_seq: 0,
          created_at: 0,
        })),
      )
      .execute();
  });

  afterAll(async () => {
    for (const node of nodes) await node.db.destroy();
    await database?.drop();
  });

  /** One batch: k new rows, versions allocated last, a random pause before the commit. */
  const commitBatch = (pool: pg.Pool, clientId: string, tag: string, k: number) =>
    PgBatchWrites.transaction(pool, clientId, async (writes) => {
      await writes.readRowData([{ table: 'customers', id: `${tag}-0` }]);
      const first = await writes.allocateVersions(k);
      await sleep(Math.random() * 15);
      await writes.upsertRows(
        Array.from({ length: k }, (_, i) => ({
          table: 'customers' as const,
          id: `${tag}-${i}`,
          team: 'alpha',
          version: first + i,
          data: '{}',
        })),
      );
      return first + k - 1;
    });

  it('delivers every version exactly once, in order, to readers paging while three nodes commit', async () => {
    const writers = Array.from({ length: 12 }, async (_, w) => {
      const node = nodes[w % nodes.length] as PostgresDatabase;
      for (let b = 0; b < 15; b++) await commitBatch(node.pool, `c-${w}`, `w${w}-b${b}`, 1 + ((w + b) % 4));
    });
    let writing = true;
    const readers = nodes.map(async (node, r) => {
      const reader = new PgPullReader(node.pool);
      const seen: number[] = [];
      let cursor = 0;
      for (;;) {
        const done = !writing;
        const { page } = await reader.read({ team: 'alpha' }, cursor, 7 + r, 'c-0');
        if (!page) throw new Error('cursor ahead');
        seen.push(...page.rows.map((row) => row.version));
        cursor = page.cursor;
        if (done && !page.more) return seen;
        if (!page.more) await sleep(1);
      }
    });
    await Promise.all(writers);
    writing = false;
    const total = Array.from({ length: 12 }, (_, w) =>
      Array.from({ length: 15 }, (_, b) => 1 + ((w + b) % 4)).reduce((a, n) => a + n, 0),
    ).reduce((a, n) => a + n, 0);
    const expected = Array.from({ length: total }, (_, i) => i + 1);
    for (const seen of await Promise.all(readers)) expect(seen).toEqual(expected);
    const changes = await new PgChangeReader(nodes[1]!.pool, ['customers']).since(0);
    expect(changes.version).toBe(total);
    expect(changes.rows).toHaveLength(total);
  });
});
