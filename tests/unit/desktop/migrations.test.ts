import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateStore } from '../../../src/desktop/store/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/desktop/store/migrations';
import { openStore } from '../../../src/desktop/store/open-store';

const dirs: string[] = [];
function dbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-migrations-'));
  dirs.push(dir);
  return join(dir, 'cache.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tables = (db: BetterSqlite3.Database) =>
  (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
const indexes = (db: BetterSqlite3.Database, table: string) =>
  (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name NOT LIKE 'sqlite_%'",
      )
      .all(table) as { name: string }[]
  ).map((r) => r.name);

describe('cache migrations', () => {
  it('are numbered 1, 2, 3… without gaps, and the latest is what the store reaches', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('001 creates meta, confirmed/pending rows, the outbox and rejections', () => {
    const db = new BetterSqlite3(dbFile());
    const result = migrateStore(db, MIGRATIONS, 1);
    expect(result).toEqual({ ok: true, value: { from: 0, to: 1, applied: ['001_initial'] } });
    expect(tables(db)).toEqual(['confirmed_rows', 'meta', 'outbox', 'pending_rows', 'rejections']);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    // The outbox never reuses a sequence number, even after deletes.
    db.prepare(
      "INSERT INTO outbox (id, name, args, created_at, status) VALUES ('a', 'n', x'00', 1, 'pending')",
    ).run();
    db.prepare("DELETE FROM outbox WHERE id = 'a'").run();
    const next = db
      .prepare(
        "INSERT INTO outbox (id, name, args, created_at, status) VALUES ('b', 'n', x'00', 1, 'pending')",
      )
      .run();
    expect(next.lastInsertRowid).toBe(2);
    expect(() =>
      db
        .prepare(
          "INSERT INTO outbox (id, name, args, created_at, status) VALUES ('c', 'n', x'00', 1, 'sent')",
        )
        .run(),
    ).toThrow();
    db.close();
  });

  it('002 adds the worklist index table with its indexes, keeping 001 data', () => {
    const db = new BetterSqlite3(dbFile());
    migrateStore(db, MIGRATIONS, 1);
    db.prepare("INSERT INTO meta (key, value) VALUES ('cursor', '42')").run();
    const result = migrateStore(db, MIGRATIONS, 2);
    expect(result).toEqual({ ok: true, value: { from: 1, to: 2, applied: ['002_worklist_index'] } });
    expect(tables(db)).toContain('callback_index');
    expect(indexes(db, 'callback_index')).toEqual(
      expect.arrayContaining([
        'callback_index_status_due',
        'callback_index_assignee',
        'callback_index_customer',
      ]),
    );
    expect(db.prepare("SELECT value FROM meta WHERE key = 'cursor'").get()).toEqual({ value: '42' });
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM callback_index WHERE assignee_id = 'u' AND status = 'open' ORDER BY due_at",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('callback_index_assignee');
    db.close();
  });

  it('003 makes rejection messages encrypted blobs, dropping plain ones and keeping the rest of each row', () => {
    const db = new BetterSqlite3(dbFile());
    migrateStore(db, MIGRATIONS, 2);
    db.prepare(
      "INSERT INTO rejections (mutation_id, name, code, message, subject_tbl, subject_id, at, dismissed) VALUES ('m-1', 'claimCallback', 'callback.taken', 'Jane Doe took it', 'callbacks', 'cb-1', 5, 0)",
    ).run();
    const result = migrateStore(db, MIGRATIONS, 3);
    expect(result).toEqual({
      ok: true,
      value: { from: 2, to: 3, applied: ['003_encrypted_rejection_messages'] },
    });
    const columns = db.prepare('PRAGMA table_info(rejections)').all() as { name: string; type: string }[];
    expect(columns.find((c) => c.name === 'message')?.type).toBe('BLOB');
    const row = db.prepare("SELECT * FROM rejections WHERE mutation_id = 'm-1'").get() as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({ code: 'callback.taken', subject_id: 'cb-1', at: 5, dismissed: 0 });
    expect(Buffer.isBuffer(row.message) && row.message.length).toBe(0);
    // STRICT: a plain text message can no longer be written by mistake.
    expect(() =>
      db
        .prepare(
          "INSERT INTO rejections (mutation_id, name, code, message, at) VALUES ('m-2', 'n', 'c', 'plain', 1)",
        )
        .run(),
    ).toThrow();
    db.close();
  });

  it('opening an up-to-date cache applies nothing', () => {
    const file = dbFile();
    const first = openStore(file);
    expect(first.ok && first.value.migration.applied).toHaveLength(MIGRATIONS.length);
    if (first.ok) first.value.db.close();
    const second = openStore(file);
    expect(second.ok && second.value.migration).toEqual({
      from: LATEST_SCHEMA_VERSION,
      to: LATEST_SCHEMA_VERSION,
      applied: [],
    });
    if (second.ok) {
      expect(second.value.db.pragma('journal_mode', { simple: true })).toBe('wal');
      second.value.db.close();
    }
  });

  it('refuses a cache written by a newer Agent Desk, with a clear message, and leaves it untouched', () => {
    const file = dbFile();
    const db = new BetterSqlite3(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const opened = openStore(file);
    expect(opened.ok).toBe(false);
    if (!opened.ok) {
      expect(opened.error.code).toBe('store.newer_version');
      expect(opened.error.message).toContain(`cache schema ${LATEST_SCHEMA_VERSION + 1}`);
      expect(opened.error.message).toContain('Update Agent Desk');
    }
    const check = new BetterSqlite3(file);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(tables(check)).toEqual([]);
    check.close();
  });

  it('a failing migration rolls back whole and reports which one', () => {
    const db = new BetterSqlite3(dbFile());
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        up: (d: BetterSqlite3.Database) => d.exec('CREATE TABLE x (a); SELECT * FROM nope;'),
      },
    ];
    const result = migrateStore(db, broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toContain('(broken)');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(tables(db)).not.toContain('x');
    db.close();
  });
});
