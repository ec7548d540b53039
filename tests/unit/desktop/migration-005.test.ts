import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateStore } from '../../../src/desktop/store/migrate';
import { MIGRATIONS } from '../../../src/desktop/store/migrations';

const dirs: string[] = [];
function freshDb(): BetterSqlite3.Database {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-migration-005-'));
  dirs.push(dir);
  return new BetterSqlite3(join(dir, 'cache.db'));
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const insert = (db: BetterSqlite3.Database, id: string, assignee: string | null, due: number) =>
  db
    .prepare(
      `INSERT INTO callback_index (id, team, status, urgency, tier, assignee_id, due_at, created_at, attempts,
         second_attempt_pending, language, customer_id, inquiry_id, pending)
       VALUES (?, 'alpha', 'open', 'urgent', 2, ?, ?, 1, 1, 1, 'es', ?, ?, 0)`,
    )
    .run(id, assignee, due, `cu-${id}`, `in-${id}`);
const all = (db: BetterSqlite3.Database) => db.prepare('SELECT * FROM callback_index ORDER BY id').all();
const indexes = (db: BetterSqlite3.Database) =>
  (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'callback_index' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
const plan = (db: BetterSqlite3.Database, sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ');
const deletes = (db: BetterSqlite3.Database) =>
  (db.prepare('SELECT deletes FROM callback_index_version').get() as { deletes: number }).deletes;

describe('cache migration 005 (slim callback_index)', () => {
  it('keeps every index row of 004, column for column', () => {
    const db = freshDb();
    migrateStore(db, MIGRATIONS, 4);
    insert(db, 'cb-1', 'u-1', 30);
    insert(db, 'cb-2', null, 10);
    const before = all(db);
    const result = migrateStore(db, MIGRATIONS, 5);
    expect(result).toEqual({ ok: true, value: { from: 4, to: 5, applied: ['005_slim_callback_index'] } });
    expect(all(db)).toEqual(before);
    expect(before).toHaveLength(2);
    db.close();
  });

  it('has no rowid and only the indexes SQL still reads, which those queries use', () => {
    const db = freshDb();
    migrateStore(db, MIGRATIONS, 5);
    expect(() => db.prepare('SELECT rowid FROM callback_index').all()).toThrow(/rowid/);
    expect(indexes(db)).toEqual([
      'callback_index_assignee',
      'callback_index_customer',
      'callback_index_inquiry',
    ]);
    expect(
      plan(db, "SELECT id, due_at FROM callback_index WHERE assignee_id = 'u' AND status = 'open'"),
    ).toContain('callback_index_assignee');
    expect(plan(db, "SELECT id FROM callback_index WHERE customer_id = 'c'")).toContain(
      'callback_index_customer',
    );
    expect(plan(db, "SELECT id FROM callback_index WHERE inquiry_id = 'i'")).toContain(
      'callback_index_inquiry',
    );
    // One row per callback, still.
    insert(db, 'cb-1', null, 1);
    expect(() => insert(db, 'cb-1', null, 2)).toThrow(/UNIQUE/);
    db.close();
  });

  it('still counts deletes for the in-memory copy (the 004 trigger lives on the new table)', () => {
    const db = freshDb();
    migrateStore(db, MIGRATIONS, 4);
    insert(db, 'cb-1', null, 1);
    db.prepare("DELETE FROM callback_index WHERE id = 'cb-1'").run();
    expect(deletes(db)).toBe(1);
    migrateStore(db, MIGRATIONS, 5);
    insert(db, 'cb-2', null, 1);
    insert(db, 'cb-3', null, 1);
    db.exec('DELETE FROM callback_index');
    expect(deletes(db)).toBe(3);
    db.close();
  });
});
