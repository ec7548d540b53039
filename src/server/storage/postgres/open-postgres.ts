import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from '../schema';
import { createPostgresPool } from './postgres-pool';

export interface PostgresDatabase {
  db: Kysely<Database>;
  /** The same pool Kysely uses (the socket.io adapter and the hot paths share it). */
  pool: pg.Pool;
}

/** Opens the PostgreSQL store: one pool, with Kysely's PostgreSQL dialect over it. */
export function openPostgresDatabase(
  url: string,
  options: { applicationName: string; max?: number; onError: (error: Error) => void },
): PostgresDatabase {
  const pool = createPostgresPool(url, options);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
