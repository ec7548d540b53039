import type BetterSqlite3 from 'better-sqlite3';
import { err, ok, type Result } from '../../shared/domain/result';
import type { Migration } from './migrations';

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Brings the cache to the latest schema, one transaction per migration (a crash
 * leaves it at a whole version). A cache written by a NEWER Agent Desk is refused:
 * guessing at a schema we do not know could lose the agent's unsynced changes.
 */
export function migrateStore(
  db: BetterSqlite3.Database,
  migrations: readonly Migration[],
  target?: number,
): Result<MigrationReport> {
  const latest = migrations.at(-1)?.version ?? 0;
  const goal = target ?? latest;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) {
    return err(
      'store.newer_version',
      `This Agent Desk cache was written by a newer version of Agent Desk (cache schema ${from}; this version understands up to ${latest}). Update Agent Desk to open it, or remove the cache folder to start over (changes not yet synced in it would be lost).`,
    );
  }
  const applied: string[] = [];
  for (const migration of migrations) {
    if (migration.version <= from || migration.version > goal) continue;
    try {
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      })();
    } catch (error) {
      return err(
        'store.migration_failed',
        `Updating the local cache to version ${migration.version} (${migration.name}) failed: ${error instanceof Error ? error.message : String(error)}.`,
      );
    }
    applied.push(`${String(migration.version).padStart(3, '0')}_${migration.name}`);
  }
  return ok({ from, to: Math.max(from, Math.min(goal, latest)), applied });
}
