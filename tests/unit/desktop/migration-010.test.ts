import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateStore } from '../../../src/desktop/store/migrate';
import { MIGRATIONS } from '../../../src/desktop/store/migrations';

const open: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('cache migration 010 (callback index: until when the customer waits)', () => {
  it('adds waiting_until, NULL for indexed rows, integers only', () => {
    const db = new BetterSqlite3(':memory:');
    open.push(db);
    migrateStore(db, MIGRATIONS, 9);
    db.prepare(
      `INSERT INTO callback_index (id, team, status, urgency, tier, assignee_id, due_at, created_at, attempts,
         second_attempt_pending, language, customer_id, inquiry_id, pending, zones, attempts_left, next_attempt_from)
       VALUES ('cb-1', 'alpha', 'open', 'urgent', 1, 'u-1', 500, 100, 0, 0, 'en', 'cu-1', 'in-1', 0, '', 2, 0)`,
    ).run();
    const before = db.prepare('SELECT * FROM callback_index').get();
    const result = migrateStore(db, MIGRATIONS, 10);
    expect(result).toEqual({ ok: true, value: { from: 9, to: 10, applied: ['010_callback_index_waiting'] } });
    expect(db.prepare('SELECT * FROM callback_index').get()).toEqual({
      ...(before as object),
      waiting_until: null,
    });
    db.prepare('UPDATE callback_index SET waiting_until = 1800').run();
    expect(() => db.prepare("UPDATE callback_index SET waiting_until = 'soon'").run()).toThrow();
  });
});
