import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  openPostgresDatabase,
  type PostgresDatabase,
} from '../../../src/server/storage/postgres/open-postgres';
import { storeKindOf } from '../../../src/server/storage/store-kind';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/test-database';

describe('the PostgreSQL the tests run on', () => {
  let database: TestDatabase;
  let store: PostgresDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresAdminUrl'));
    store = openPostgresDatabase(database.url, { applicationName: 'harness-test', onError: () => undefined });
  });

  afterAll(async () => {
    await store?.db.destroy();
    await database?.drop();
  });

  it('is PostgreSQL 17 or later, in its own empty database', async () => {
    const { rows } = await sql<{ v: number }>`select current_setting('server_version_num')::int as v`.execute(
      store.db,
    );
    expect(rows[0]?.v).toBeGreaterThanOrEqual(170000);
    const tables = await sql<{
      n: number;
    }>`select count(*) as n from pg_tables where schemaname = 'public'`.execute(store.db);
    expect(tables.rows[0]?.n).toBe(0);
    expect(storeKindOf(store.db)).toBe('postgres');
  });

  it('reads BIGINT as a number and refuses one beyond 2^53 instead of rounding it', async () => {
    const ms = Date.UTC(2025, 2, 12, 14);
    const { rows } = await sql<{ at: number }>`select ${ms}::bigint as at`.execute(store.db);
    expect(rows[0]?.at).toBe(ms);
    await expect(sql`select 9007199254740993::bigint as big`.execute(store.db)).rejects.toThrow(
      /beyond 2\^53/,
    );
  });
});
