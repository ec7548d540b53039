import type { Migration } from './migration';

/**
 * A snapshot of the worklist's in-memory copy of `callback_index` (issue 19: a desktop
 * that starts in a blink). Loading the copy row by row from the table made 50,000
 * objects of 19 columns through SQLite (~300 ms of a ~310 ms start); the snapshot is
 * one blob written when the desktop closes (`worklist-snapshot.ts`) and read back in
 * one go. Plain columns only, like the index: ids, states and instants, no PII.
 *
 * It can never describe another table than the one beside it: it is read only while
 * `worklist_snapshot_valid` holds its row, and every insert, update and delete of
 * `callback_index` — whatever code makes it — deletes that row in the same transaction
 * (so a rolled-back write leaves it too). The blob itself stays until the next close
 * overwrites it: deleting ~7 MB inside the agent's first write after a start would cost
 * that write ~70 ms (the cache's secure_delete zeroes every freed page). When the last
 * index row goes (a sign-out wipe, a new access scope) the blob goes with it.
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
      CREATE TABLE worklist_snapshot_valid (only INTEGER PRIMARY KEY CHECK (only = 1));
      CREATE TRIGGER worklist_snapshot_inserted AFTER INSERT ON callback_index
        BEGIN DELETE FROM worklist_snapshot_valid; END;
      CREATE TRIGGER worklist_snapshot_updated AFTER UPDATE ON callback_index
        BEGIN DELETE FROM worklist_snapshot_valid; END;
      CREATE TRIGGER worklist_snapshot_deleted AFTER DELETE ON callback_index
        BEGIN DELETE FROM worklist_snapshot_valid; END;
      CREATE TRIGGER worklist_snapshot_emptied AFTER DELETE ON callback_index
        WHEN NOT EXISTS (SELECT 1 FROM callback_index)
        BEGIN DELETE FROM worklist_snapshot; END;
    `);
  },
};
