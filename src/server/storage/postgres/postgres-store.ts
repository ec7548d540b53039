import type { TableName } from '../../../shared/sync/rows';
import type { ServerStore } from '../server-store';
import { openPostgresDatabase } from './open-postgres';
import { PgBatchWrites } from './pg-batch-writes';
import { PgChangeReader } from './pg-change-reader';
import { PgPullReader } from './pg-pull-reader';
import { PgSessionReads } from './pg-session-reads';

/** The advisory lock nodes take around their start-up work (any constant nobody else uses). */
const STARTUP_LOCK = 0x41_44_53_54; // 'ADST'

export interface PostgresStoreOptions {
  url: string;
  /** This node's name in pg_stat_activity. */
  applicationName: string;
  /** Connections at most, of each of the write and the read pool. */
  poolSize?: number;
  /** The socket.io adapter's connections (default 8). */
  clusterPoolSize?: number | undefined;
  onError: (error: Error) => void;
}

/** The server's storage on PostgreSQL (docs/scale-out.md). */
export function openPostgresStore(options: PostgresStoreOptions): ServerStore {
  const { db, appendDb, pool, writes, readPool, clusterPool, close } = openPostgresDatabase(options.url, {
    applicationName: options.applicationName,
    max: options.poolSize ?? 10,
    ...(options.clusterPoolSize === undefined ? {} : { clusterMax: options.clusterPoolSize }),
    onError: options.onError,
  });
  const pulls = new PgPullReader(readPool);
  const sessions = new PgSessionReads(readPool);
  return {
    kind: 'postgres',
    db,
    appendDb,
    pool,
    clusterPool,
    pulls,
    sessions,
    changes: <T extends TableName>(tables: readonly T[]) => new PgChangeReader(readPool, tables),
    pushTransaction: (clientId, work) => PgBatchWrites.transaction(writes, clientId, work),
    async exclusively(work) {
      // A session-level lock on one held connection: other nodes wait here until this one is done.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
        try {
          return await work();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    async ping(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`PostgreSQL did not answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      try {
        // On the read pool: a node busy writing is still ready.
        await Promise.race([readPool.query('select 1'), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close,
  };
}
