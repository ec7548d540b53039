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
const snapshot = (db: BetterSqlite3.Database) =>
  db.prepare("INSERT INTO worklist_snapshot (only, format, data) VALUES (1, 1, x'00')").run();
const count = (db: BetterSqlite3.Database) =>
  (db.prepare('SELECT count(*) AS n FROM worklist_snapshot').get() as { n: number }).n;

describe('cache migration 012 (the worklist snapshot)', () => {
  it('adds an empty snapshot table beside the index rows of 011, one row at most', () => {
    const db = new BetterSqlite3(':memory:');
    open.push(db);
    migrateStore(db, MIGRATIONS, 11);
    insert(db, 'cb-1');
    expect(migrateStore(db, MIGRATIONS, 12)).toEqual({
      ok: true,
      value: { from: 11, to: 12, applied: ['012_worklist_snapshot'] },
    });
    expect(db.prepare('SELECT id FROM callback_index').all()).toEqual([{ id: 'cb-1' }]);
    expect(count(db)).toBe(0);
    snapshot(db);
    expect(() =>
      db.prepare("INSERT INTO worklist_snapshot (only, format, data) VALUES (2, 1, x'00')").run(),
    ).toThrow();
    expect(() =>
      db.prepare('INSERT INTO worklist_snapshot (only, format, data) VALUES (1, 1, NULL)').run(),
    ).toThrow();
  });

  it('any insert, update or delete of callback_index deletes the snapshot in its transaction', () => {
    const db = new BetterSqlite3(':memory:');
    open.push(db);
    migrateStore(db, MIGRATIONS, 12);
    insert(db, 'cb-1');
    for (const write of [
      () => insert(db, 'cb-2'),
      () => db.prepare("UPDATE callback_index SET status = 'closed-resolved' WHERE id = 'cb-1'").run(),
      () => db.prepare("DELETE FROM callback_index WHERE id = 'cb-2'").run(),
    ]) {
      snapshot(db);
      write();
      expect(count(db)).toBe(0);
    }
    // Rolled back with the write: the snapshot still describes the table.
    snapshot(db);
    expect(() =>
      db.transaction(() => {
        db.prepare("UPDATE callback_index SET due_at = 99 WHERE id = 'cb-1'").run();
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(count(db)).toBe(1);
    // A write that touches no row leaves it.
    db.prepare("UPDATE callback_index SET due_at = 99 WHERE id = 'nope'").run();
    expect(count(db)).toBe(1);
  });
});
