import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateStore } from '../../../src/desktop/store/migrate';
import { MIGRATIONS } from '../../../src/desktop/store/migrations';

const dirs: string[] = [];
function freshDb(): BetterSqlite3.Database {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-migration-004-'));
  dirs.push(dir);
  return new BetterSqlite3(join(dir, 'cache.db'));
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const deletes = (db: BetterSqlite3.Database) =>
  (db.prepare('SELECT deletes FROM callback_index_version').get() as { deletes: number }).deletes;
const insert = (db: BetterSqlite3.Database, id: string) =>
  db
    .prepare(
      `INSERT INTO callback_index (id, team, status, urgency, tier, assignee_id, due_at, created_at, attempts,
         second_attempt_pending, language, customer_id, inquiry_id, pending)
       VALUES (?, 'alpha', 'open', 'urgent', 1, NULL, 10, 1, 0, 0, 'en', 'cu', 'in', 0)`,
    )
    .run(id);

describe('cache migration 004 (callback_index delete counter)', () => {
  it('keeps the index rows of 003 and starts the counter at zero', () => {
    const db = freshDb();
    migrateStore(db, MIGRATIONS, 3);
    insert(db, 'cb-1');
    const result = migrateStore(db, MIGRATIONS, 4);
    expect(result).toEqual({ ok: true, value: { from: 3, to: 4, applied: ['004_callback_index_version'] } });
    expect(db.prepare('SELECT id FROM callback_index').all()).toEqual([{ id: 'cb-1' }]);
    expect(deletes(db)).toBe(0);
    db.close();
  });

  it('counts every deleted row, bulk deletes included, and rolls back with its transaction', () => {
    const db = freshDb();
    migrateStore(db, MIGRATIONS, 4);
    insert(db, 'cb-1');
    insert(db, 'cb-2');
    insert(db, 'cb-3');
    db.prepare("UPDATE callback_index SET status = 'closed-resolved'").run();
    expect(deletes(db)).toBe(0);
    db.prepare("DELETE FROM callback_index WHERE id = 'cb-3'").run();
    expect(deletes(db)).toBe(1);
    expect(() =>
      db.transaction(() => {
        db.prepare("DELETE FROM callback_index WHERE id = 'cb-2'").run();
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    expect(deletes(db)).toBe(1);
    // A bulk delete (sign-out, server reset) is counted row by row: no silent truncate.
    db.exec('DELETE FROM callback_index');
    expect(deletes(db)).toBe(3);
    // One counter row, ever.
    expect(() =>
      db.prepare('INSERT INTO callback_index_version (only, deletes) VALUES (2, 0)').run(),
    ).toThrow();
    db.close();
  });
});
