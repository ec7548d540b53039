import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateStore } from '../../../src/desktop/store/migrate';
import { MIGRATIONS } from '../../../src/desktop/store/migrations';

const open: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const insert = (db: BetterSqlite3.Database, id: string) =>
  db
    .prepare(
      `INSERT INTO callback_index (id, team, status, urgency, tier, assignee_id, due_at, created_at, attempts,
         second_attempt_pending, language, customer_id, inquiry_id, pending)
       VALUES (?, 'alpha', 'open', 'urgent', 1, NULL, 10, 1, 0, 0, 'en', 'cu', 'in', 0)`,
    )
    .run(id);
/** A snapshot as a close writes it: the blob, and the row that says it is valid. */
const snapshot = (db: BetterSqlite3.Database) =>
  db.exec(`INSERT OR REPLACE INTO worklist_snapshot (only, format, data) VALUES (1, 1, x'00');
           INSERT OR IGNORE INTO worklist_snapshot_valid (only) VALUES (1);`);
const count = (db: BetterSqlite3.Database, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const valid = (db: BetterSqlite3.Database) => count(db, 'worklist_snapshot_valid');
const blobs = (db: BetterSqlite3.Database) => count(db, 'worklist_snapshot');

function migrated(): BetterSqlite3.Database {
  const db = new BetterSqlite3(':memory:');
  open.push(db);
  migrateStore(db, MIGRATIONS, 12);
  return db;
}

describe('cache migration 012 (the worklist snapshot)', () => {
  it('adds empty snapshot tables beside the index rows of 011, one row each at most', () => {
    const db = new BetterSqlite3(':memory:');
    open.push(db);
    migrateStore(db, MIGRATIONS, 11);
    insert(db, 'cb-1');
    expect(migrateStore(db, MIGRATIONS, 12)).toEqual({
      ok: true,
      value: { from: 11, to: 12, applied: ['012_worklist_snapshot'] },
    });
    expect(db.prepare('SELECT id FROM callback_index').all()).toEqual([{ id: 'cb-1' }]);
    expect([blobs(db), valid(db)]).toEqual([0, 0]);
    snapshot(db);
    expect([blobs(db), valid(db)]).toEqual([1, 1]);
    expect(() =>
      db.prepare("INSERT INTO worklist_snapshot (only, format, data) VALUES (2, 1, x'00')").run(),
    ).toThrow();
    expect(() =>
      db.prepare('INSERT INTO worklist_snapshot (only, format, data) VALUES (1, 1, NULL)').run(),
    ).toThrow();
    expect(() => db.prepare('INSERT INTO worklist_snapshot_valid (only) VALUES (2)').run()).toThrow();
  });

  it('any insert, update or delete of callback_index makes it invalid in its transaction; the blob stays', () => {
    const db = migrated();
    insert(db, 'cb-1');
    for (const write of [
      () => insert(db, 'cb-2'),
      () => db.prepare("UPDATE callback_index SET status = 'closed-resolved' WHERE id = 'cb-1'").run(),
      () => db.prepare("DELETE FROM callback_index WHERE id = 'cb-2'").run(),
    ]) {
      snapshot(db);
      write();
      expect([blobs(db), valid(db)]).toEqual([1, 0]);
    }
    // Rolled back with the write: the snapshot still describes the table.
    snapshot(db);
    expect(() =>
      db.transaction(() => {
        db.prepare("UPDATE callback_index SET due_at = 99 WHERE id = 'cb-1'").run();
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(valid(db)).toBe(1);
    // A write that touches no row leaves it.
    db.prepare("UPDATE callback_index SET due_at = 99 WHERE id = 'nope'").run();
    expect(valid(db)).toBe(1);
  });

  it('takes the blob too when the last index row goes (a wipe, a new scope)', () => {
    const db = migrated();
    insert(db, 'cb-1');
    insert(db, 'cb-2');
    snapshot(db);
    db.prepare("DELETE FROM callback_index WHERE id = 'cb-1'").run();
    expect([blobs(db), valid(db)]).toEqual([1, 0]);
    snapshot(db);
    db.exec('DELETE FROM callback_index');
    expect([blobs(db), valid(db)]).toEqual([0, 0]);
  });
});
