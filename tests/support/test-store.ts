import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Db } from '../../src/server/storage/database';
import { openServerStore } from '../../src/server/storage/open-server-store';
import { openPostgresDatabase } from '../../src/server/storage/postgres/open-postgres';
import type { ServerStore } from '../../src/server/storage/server-store';
import type { StoreKind } from '../../src/server/storage/store-kind';
import { createTestDatabase } from './postgres/test-database';

/**
 * The store this test run exercises: the server's integration suite runs once on
 * SQLite (project `integration`) and once on PostgreSQL (`integration-pg`, which
 * sets AGENT_DESK_TEST_STORE and starts the test PostgreSQL).
 */
export const TEST_STORE: StoreKind = process.env.AGENT_DESK_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/** A new, empty PostgreSQL database for one test server (its URL); dropped by `drop`. */
export async function newPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  return createTestDatabase(inject('postgresAdminUrl'));
}

export interface FreshDatabase {
  db: Db;
  kind: StoreKind;
  /** Closes the database and removes it (file or PostgreSQL database). */
  dispose(): Promise<void>;
}

/** An empty, unmigrated database of this run's store, opened with Kysely. */
export async function freshDatabase(): Promise<FreshDatabase> {
  if (TEST_STORE === 'postgres') {
    const database = await newPostgresDatabase();
    const { db } = openPostgresDatabase(database.url, { applicationName: 'test', onError: () => undefined });
    return {
      db,
      kind: 'postgres',
      async dispose() {
        await db.destroy();
        await database.drop();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-db-'));
  const db = openDatabase(join(dir, 'db.sqlite'));
  return {
    db,
    kind: 'sqlite',
    async dispose() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface FreshStore {
  store: ServerStore;
  /** Closes the store and removes its data (folder, PostgreSQL database). */
  dispose(): Promise<void>;
}

/** An empty, unmigrated server store of this run's kind (the port the server itself uses). */
export async function freshStore(): Promise<FreshStore> {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-store-'));
  const database = TEST_STORE === 'postgres' ? await newPostgresDatabase() : undefined;
  const store = openServerStore({
    dataDir: dir,
    ...(database ? { databaseUrl: database.url } : {}),
    nodeName: 'test',
    onError: () => undefined,
  });
  return {
    store,
    async dispose() {
      await store.close();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
