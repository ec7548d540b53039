import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from '../schema';
import { createPostgresPool } from './postgres-pool';
import { gatedPool, WriteGate, type WritePool } from './write-gate';

export interface PostgresDatabase {
  /** Kysely over the write pool, behind the node's write gate. */
  db: Kysely<Database>;
  /** Kysely over the same write pool without the gate: appends that take no version (server-store.ts `appendDb`). */
  appendDb: Kysely<Database>;
  /** The write pool itself (start-up lock, tests). */
  pool: pg.Pool;
  /** The write pool behind the gate: every write transaction of this node takes it. */
  writes: WritePool;
  gate: WriteGate;
  /** Reads of committed state (pulls, session checks, sign-in look-ups): never behind writers. */
  readPool: pg.Pool;
  /** The socket.io adapter's publishes (NOTIFY): never behind writers or readers. */
  clusterPool: pg.Pool;
  close(): Promise<void>;
}

/** Write transactions a node runs at once; the rest queue in the node (write-gate.ts). */
const WRITE_CONCURRENCY = 4;
/**
 * Connections of the adapter's pool by default (configurable: clusterPoolSize): one holds
 * the LISTEN, the others publish, one short NOTIFY each. Three timed out under the load
 * bench's 2,000 agents (publishes waited more than the pool's 10 s for a connection).
 */
const CLUSTER_POOL_SIZE = 8;

/**
 * Opens the PostgreSQL store's three pools, so no kind of work can starve another
 * of connections (docs/scale-out.md): writes (`max`, behind the write gate, with
 * Kysely's PostgreSQL dialect over them), reads (`max`) and the adapter's publishes.
 */
export function openPostgresDatabase(
  url: string,
  options: { applicationName: string; max?: number; clusterMax?: number; onError: (error: Error) => void },
): PostgresDatabase {
  const max = options.max ?? 10;
  const pool = createPostgresPool(url, { ...options, max });
  const readPool = createPostgresPool(url, { ...options, max });
  const clusterPool = createPostgresPool(url, { ...options, max: options.clusterMax ?? CLUSTER_POOL_SIZE });
  // Below the pool's size: the start-up lock and a migration's own connection still fit.
  const gate = new WriteGate(Math.max(1, Math.min(WRITE_CONCURRENCY, max - 1)));
  const writes = gatedPool(pool, gate);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: writes }) });
  // Not destroyed on its own: it shares the write pool, which `db.destroy()` ends.
  const appendDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    appendDb,
    pool,
    writes,
    gate,
    readPool,
    clusterPool,
    async close() {
      await db.destroy();
      await Promise.all([readPool.end(), clusterPool.end()]);
    },
  };
}
