import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateStore } from '../../../src/desktop/store/migrate';
import { MIGRATIONS } from '../../../src/desktop/store/migrations';

const open: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('cache migration 008 (callback index SLA columns)', () => {
  it("adds the customer's zones, attempts left and next attempt start, with defaults for indexed rows", () => {
    const db = new BetterSqlite3(':memory:');
    open.push(db);
    migrateStore(db, MIGRATIONS, 7);
    db.prepare(
      `INSERT INTO callback_index (id, team, status, urgency, tier, assignee_id, due_at, created_at, attempts,
         second_attempt_pending, language, customer_id, inquiry_id, pending)
       VALUES ('cb-1', 'alpha', 'open', 'urgent', 1, NULL, 500, 100, 0, 0, 'en', 'cu-1', 'in-1', 0)`,
    ).run();
    const before = db.prepare('SELECT * FROM callback_index').get();
    const result = migrateStore(db, MIGRATIONS, 8);
    expect(result).toEqual({ ok: true, value: { from: 7, to: 8, applied: ['008_callback_index_sla'] } });
    expect(db.prepare('SELECT * FROM callback_index').get()).toEqual({
      ...(before as object),
      zones: '',
      attempts_left: 1,
      next_attempt_from: 0,
    });
    // The store re-derives them: a migrated cache has no index basis yet.
    expect(db.prepare("SELECT value FROM meta WHERE key = 'callback_index_basis'").get()).toBeUndefined();
    // STRICT still holds for the new columns.
    expect(() => db.prepare("UPDATE callback_index SET attempts_left = 'two'").run()).toThrow();
  });
});
