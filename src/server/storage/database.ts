import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { err, ok, type Result } from '../../shared/domain/result';
import { MIGRATIONS, migrationProvider } from './migrations';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/** The server's database file in its data folder (the server, the admin bootstrap and tools open the same). */
export const DATABASE_FILE = 'agent-desk.sqlite';

/** A read-only connection to the same file (see openReadConnection). */
export type ReadDb = BetterSqlite3.Database;

/** The better-sqlite3 connection behind each Kysely instance openDatabase made. */
const connections = new WeakMap<Db, BetterSqlite3.Database>();

/**
 * The raw connection Kysely runs `db` on, for storage's hot paths that reuse
 * prepared statements instead of compiling a query per call (BatchWrites). For
 * storage/ only: a test (storage-boundary) keeps every other module off it. It is the SAME single
 * connection, so a statement run inside `db.transaction().execute(cb)`'s callback
 * is part of that transaction (Kysely's mutex is held until commit); never use it
 * outside such a callback while Kysely may hold the connection. Undefined for a
 * Kysely instance openDatabase did not create.
 */
export function rawConnection(db: Db): BetterSqlite3.Database | undefined {
  return connections.get(db);
}

/**
 * Opens the embedded SQLite database (WAL, foreign keys on). Kysely's SQLite
 * driver runs everything on ONE connection behind a mutex, so transactions are
 * serialized — which is what makes claim arbitration exact.
 */
export function openDatabase(file: string): Db {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The server checkpoints on a timer (scheduleCheckpoints); this threshold (~40 MiB) only
  // bounds the WAL where no timer runs, and the size limit truncates it after a checkpoint.
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('journal_size_limit = 67108864');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  connections.set(db, sqlite);
  return db;
}

/**
 * A second, read-only connection to the database file. WAL lets it read the last
 * committed state while the writer connection is inside a transaction, so reads
 * on it (pulls, session checks) never queue behind pushes. better-sqlite3 is
 * synchronous: a read run inside `reader.transaction(...)()` is one snapshot, so
 * the values it reads agree with each other. Open it after the writer (and after
 * migrations): the file must exist and be in WAL mode.
 */
export function openReadConnection(file: string): ReadDb {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** Brings the schema up to date; refuses a database migrated by a newer server. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely migrations are untyped by design
export async function migrateToLatest(db: Kysely<any>, target?: string): Promise<Result<string[]>> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const known = new Set(Object.keys(MIGRATIONS));
  const { error, results } =
    target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/corrupted migrations/i.test(message)) {
      return err(
        'storage.newer_schema',
        `The data folder was written by a newer server (unknown migrations; this server knows ${[...known].join(', ')}). Use that server version or another data folder.`,
      );
    }
    return err('storage.migration_failed', `Database migration failed: ${message}`);
  }
  return ok((results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName));
}
