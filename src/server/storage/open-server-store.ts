import { hostname } from 'node:os';
import { openPostgresStore } from './postgres/postgres-store';
import type { ServerStore } from './server-store';
import { openSqliteStore } from './sqlite-store';
import { isPostgresUrl } from './store-kind';

export interface StoreOptions {
  /** The data folder (SQLite's file lives there). */
  dataDir: string;
  /** A `postgres://` URL: PostgreSQL instead of the data folder's SQLite file. */
  databaseUrl?: string;
  /** This node's name (PostgreSQL's application_name). */
  nodeName?: string;
  /** PostgreSQL connections at most for this node. */
  poolSize?: number;
  /** The socket.io adapter's connections (one listens, the rest publish). */
  clusterPoolSize?: number | undefined;
  onError: (error: unknown) => void;
}

/** A name for this node where none was configured: host and process. */
export function defaultNodeName(): string {
  return `agent-desk@${hostname()}:${process.pid}`;
}

/** Opens the store the options select: PostgreSQL with a database URL, else the embedded SQLite file. */
export function openServerStore(options: StoreOptions): ServerStore {
  if (options.databaseUrl === undefined) return openSqliteStore(options.dataDir, options.onError);
  if (!isPostgresUrl(options.databaseUrl))
    throw new Error('The database URL must start with postgres:// or postgresql://.');
  return openPostgresStore({
    url: options.databaseUrl,
    applicationName: (options.nodeName ?? defaultNodeName()).slice(0, 63),
    poolSize: options.poolSize,
    clusterPoolSize: options.clusterPoolSize,
    onError: options.onError,
  });
}
