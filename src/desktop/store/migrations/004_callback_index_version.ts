import type { Migration } from './migration';

/**
 * A counter of rows deleted from `callback_index`, bumped by a trigger. The
 * worklist keeps an in-memory copy of the index (sorting 50,000 rows by SLA
 * risk per query is too slow in SQL) and patches it from the rows that
 * CallbackIndex.reindex() touched, re-reading them from SQLite (so a rolled-back
 * re-index is harmless). The one write that bypasses reindex() is the bulk
 * delete at sign-out or server reset: the counter moving by more than the
 * deletes the copy was told about makes it reload instead of going stale.
 * Deletes only: a trigger on every insert and update would slow the first
 * sync's 50,000 index writes.
 */
export const migration004: Migration = {
  version: 4,
  name: 'callback_index_version',
  up(db) {
    db.exec(`
      CREATE TABLE callback_index_version (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        deletes INTEGER NOT NULL
      ) STRICT;
      INSERT INTO callback_index_version (only, deletes) VALUES (1, 0);
      CREATE TRIGGER callback_index_deleted AFTER DELETE ON callback_index
        BEGIN UPDATE callback_index_version SET deletes = deletes + 1 WHERE only = 1; END;
    `);
  },
};
