import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateStore } from '../../../src/desktop/store/migrate';
import { MIGRATIONS } from '../../../src/desktop/store/migrations';

const open: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('cache migration 009 (drafts)', () => {
  it('adds a drafts table keyed by user, form and callback whose body is a blob', () => {
    const db = new BetterSqlite3(':memory:');
    open.push(db);
    migrateStore(db, MIGRATIONS, 8);
    const result = migrateStore(db, MIGRATIONS, 9);
    expect(result).toEqual({ ok: true, value: { from: 8, to: 9, applied: ['009_drafts'] } });
    const insert = db.prepare(
      'INSERT INTO drafts (user_id, form, callback_id, body, saved_at) VALUES (?, ?, ?, ?, ?)',
    );
    insert.run('u-1', 'inquiry', 'cb-1', Buffer.from([1]), 5);
    // One draft per user, form and callback.
    expect(() => insert.run('u-1', 'inquiry', 'cb-1', Buffer.from([2]), 6)).toThrow(/UNIQUE/);
    insert.run('u-2', 'inquiry', 'cb-1', Buffer.from([3]), 6);
    // STRICT: the body is never stored as plain text.
    expect(() => insert.run('u-1', 'expedite', 'cb-1', 'plain', 7)).toThrow();
  });
});
