import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../src/server/storage/database';
import {
  openPostgresDatabase,
  type PostgresDatabase,
} from '../../../src/server/storage/postgres/open-postgres';
import { PgPullReader } from '../../../src/server/storage/postgres/pg-pull-reader';
import { newPostgresDatabase } from '../../support/test-store';

/**
 * A pull page on PostgreSQL reads at most `limit` rows per arm: the `union all` of
 * limited (team, version) index ranges is merged in order (Merge Append), never
 * scanned and sorted as a whole — which made a first sync quadratic on SQLite before
 * (docs/performance.md) and would on PostgreSQL too.
 */
describe('the PostgreSQL pull page', () => {
  let database: { url: string; drop(): Promise<void> };
  let store: PostgresDatabase;

  beforeAll(async () => {
    database = await newPostgresDatabase();
    store = openPostgresDatabase(database.url, { applicationName: 'plan-test', onError: () => undefined });
    expect((await migrateToLatest(store.db)).ok).toBe(true);
    await sql`insert into callbacks (id, team, version, deleted, data)
      select 'cb-' || g, case when g % 3 = 0 then 'bravo' else 'alpha' end, g, 0, '{"n":' || g || '}'
      from generate_series(1, 30000) g`.execute(store.db);
    await sql`insert into customers (id, team, version, deleted, data)
      select 'cu-' || g, 'alpha', 30000 + g, 0, '{}' from generate_series(1, 5000) g`.execute(store.db);
    await sql`update meta set value = 35000 where key = 'version'`.execute(store.db);
    await sql`analyze`.execute(store.db);
  });

  afterAll(async () => {
    await store?.db.destroy();
    await database?.drop();
  });

  it('is merged from index ranges, not sorted as a whole', async () => {
    const reader = new PgPullReader(store.pool);
    const page = await reader.read({ team: 'alpha' }, 100, 500, 'nobody');
    expect(page.latest).toBe(35000);
    expect(page.page?.rows).toHaveLength(500);
    expect(page.page?.rows.every((r) => r.table === 'callbacks')).toBe(true);
    const versions = page.page?.rows.map((r) => r.version) ?? [];
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions[0]).toBe(101);
    // The statement the reader ran, explained with the same parameters.
    const { text } = (reader as unknown as { statement(n: number, e: []): { text: string } }).statement(
      2,
      [],
    );
    const plan = await store.pool.query<{ 'QUERY PLAN': string }>(`explain ${text}`, [
      'nobody',
      100,
      501,
      'alpha',
      '*',
    ]);
    const lines = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(lines).toContain('Merge Append');
    expect(lines).toMatch(/Index Scan using callbacks_(team_)?version on callbacks/);
    expect(lines).not.toMatch(/Seq Scan on callbacks/);
  });

  it('ends at the current version when the changes run out, and says when the cursor is ahead', async () => {
    const reader = new PgPullReader(store.pool);
    const last = await reader.read({ team: 'alpha' }, 34990, 500, 'nobody');
    expect(last.page).toMatchObject({ more: false, cursor: 35000 });
    expect(last.page?.rows).toHaveLength(10);
    expect((await reader.read({ team: 'alpha' }, 40000, 500, 'nobody')).page).toBeUndefined();
  });
});
