import { sql } from 'kysely';
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
  /** Connections at most. */
  poolSize?: number;
  onError: (error: Error) => void;
}

/** The server's storage on PostgreSQL (docs/scale-out.md). */
export function openPostgresStore(options: PostgresStoreOptions): ServerStore {
  const { db, pool } = openPostgresDatabase(options.url, {
    applicationName: options.applicationName,
    max: options.poolSize ?? 10,
    onError: options.onError,
  });
  const pulls = new PgPullReader(pool);
  const sessions = new PgSessionReads(pool);
  return {
    kind: 'postgres',
    db,
    pool,
    pulls,
    sessions,
    changes: <T extends TableName>(tables: readonly T[]) => new PgChangeReader(pool, tables),
    pushTransaction: (clientId, work) => PgBatchWrites.transaction(pool, clientId, work),
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
        await Promise.race([sql`select 1`.execute(db), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => db.destroy(),
  };
}
