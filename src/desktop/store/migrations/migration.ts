import type BetterSqlite3 from 'better-sqlite3';

/** One numbered schema step. `version` is what PRAGMA user_version holds after it ran. */
export interface Migration {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}
