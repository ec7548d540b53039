import type { Migration } from './migration';

/**
 * A snapshot of the worklist's in-memory copy of `callback_index` (issue 19: a desktop
 * that starts in a blink). Loading the copy row by row from the table made 50,000
 * objects of 19 columns through SQLite (~300 ms of a ~310 ms start); the snapshot is
 * one blob written when the desktop closes (`worklist-snapshot.ts`) and read back in
 * one go. It can never describe another table than the one beside it: every insert,
 * update and delete of `callback_index` — whatever code makes it — deletes it in the
 * same transaction (so a rolled-back write leaves it too). Plain columns only, like
 * the index: ids, states and instants, no PII.
 */
export const migration012: Migration = {
  version: 12,
  name: 'worklist_snapshot',
  up(db) {
    db.exec(`
      CREATE TABLE worklist_snapshot (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        format INTEGER NOT NULL,
        data BLOB NOT NULL
      );
      CREATE TRIGGER worklist_snapshot_inserted AFTER INSERT ON callback_index
        BEGIN DELETE FROM worklist_snapshot; END;
      CREATE TRIGGER worklist_snapshot_updated AFTER UPDATE ON callback_index
        BEGIN DELETE FROM worklist_snapshot; END;
      CREATE TRIGGER worklist_snapshot_deleted AFTER DELETE ON callback_index
        BEGIN DELETE FROM worklist_snapshot; END;
    `);
  },
};
