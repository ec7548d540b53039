import pg from 'pg';

/** PostgreSQL type ids whose text form node-postgres leaves as a string by default. */
const INT8_OID = 20;

/**
 * BIGINT as a JavaScript number. The columns that need 64 bits (epoch milliseconds,
 * versions, sequence numbers) stay far below 2^53; one that does not is refused
 * loudly rather than rounded.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`A BIGINT value (${text}) is beyond 2^53.`);
  return value;
}

const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? parseInt8
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PostgresPoolOptions {
  /** Connections at most (default 10). */
  max?: number;
  /** Shown in pg_stat_activity, so a DBA sees which node holds which connection. */
  applicationName: string;
  /** Connection errors of idle AND checked-out clients (a restart of PostgreSQL ends every connection). */
  onError: (error: Error) => void;
}

/**
 * A pool of connections to PostgreSQL with the server's settings: BIGINT parsed
 * to numbers, a bounded wait for a connection (a request fails and is retried by
 * the desktop instead of hanging while PostgreSQL restarts), and transactions left
 * open by a dead peer ended by the server after a minute.
 *
 * node-postgres stops listening for errors on a client while it is checked out;
 * a connection lost then (PostgreSQL restarting under a held LISTEN client, say)
 * would be an unhandled 'error' event that kills the process. Every client gets
 * its own listener for its whole life, so the node survives and reconnects.
 */
export function createPostgresPool(url: string, options: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    idle_in_transaction_session_timeout: 60_000,
    keepAlive: true,
    types: TYPES,
  });
  pool.on('error', options.onError);
  pool.on('connect', (client) => {
    client.on('error', options.onError);
  });
  return pool;
}
