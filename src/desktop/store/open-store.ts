import BetterSqlite3 from 'better-sqlite3';
import { err, ok, type Result } from '../../shared/domain/result';
import { migrateStore, type MigrationReport } from './migrate';
import { MIGRATIONS } from './migrations';

export interface OpenedStore {
  db: BetterSqlite3.Database;
  migration: MigrationReport;
}

/**
 * Opens (or creates) the cache file: WAL so reads never wait for the sync
 * writer, synchronous=FULL because the outbox must survive a power cut, and
 * secure_delete so rows removed at sign-out are overwritten, not just unlinked.
 * Pulled pages relax this for their own commit only (withRelaxedDurability).
 */
export function openStore(file: string): Result<OpenedStore> {
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file);
  } catch (error) {
    return err(
      'store.open_failed',
      `The local cache ${file} could not be opened: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('temp_store = MEMORY');
  } catch (error) {
    db.close();
    return err(
      'store.open_failed',
      `The local cache ${file} is not a usable database: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  const migrated = migrateStore(db, MIGRATIONS);
  if (!migrated.ok) {
    db.close();
    return migrated;
  }
  return ok({ db, migration: migrated.value });
}

/**
 * Runs `write` (which opens its own transaction) with synchronous=NORMAL, then
 * restores FULL. Only for writes that can be redone from the server: a pulled
 * page writes its cursor in the same transaction, so a commit lost in a power
 * cut is simply pulled again (WAL + NORMAL never corrupts the file, it may
 * only lose the last commits). Outbox writes keep FULL, and their fsync also
 * makes every earlier relaxed commit durable.
 */
export function withRelaxedDurability<T>(db: BetterSqlite3.Database, write: () => T): T {
  // Inside someone else's transaction the pragma would not apply to its commit: leave it alone.
  if (db.inTransaction) return write();
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
