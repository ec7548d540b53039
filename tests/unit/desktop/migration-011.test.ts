import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateStore } from '../../../src/desktop/store/migrate';
import { MIGRATIONS } from '../../../src/desktop/store/migrations';

const open: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('cache migration 011 (callback index: the SLA transitions)', () => {
  it('adds the transitions, zeros and NULL windows for indexed rows, integers only', () => {
    const db = new BetterSqlite3(':memory:');
    open.push(db);
    migrateStore(db, MIGRATIONS, 10);
    db.prepare(
      `INSERT INTO callback_index (id, team, status, urgency, tier, assignee_id, due_at, created_at, attempts,
         second_attempt_pending, language, customer_id, inquiry_id, pending, zones, attempts_left, next_attempt_from,
         waiting_until)
       VALUES ('cb-1', 'alpha', 'open', 'urgent', 1, 'u-1', 500, 100, 0, 0, 'en', 'cu-1', 'in-1', 0, '', 2, 0, NULL)`,
    ).run();
    const before = db.prepare('SELECT * FROM callback_index').get();
    const result = migrateStore(db, MIGRATIONS, 11);
    expect(result).toEqual({
      ok: true,
      value: { from: 10, to: 11, applied: ['011_callback_index_transitions'] },
    });
    expect(db.prepare('SELECT * FROM callback_index').get()).toEqual({
      ...(before as object),
      at_risk_from: 0,
      attempts_miss_from: 0,
      due_today_from: 0,
      overdue_from: 0,
      last_window_start: null,
      last_window_end: null,
    });
    db.prepare(
      'UPDATE callback_index SET at_risk_from = 400, last_window_start = 300, last_window_end = 450',
    ).run();
    expect(() => db.prepare("UPDATE callback_index SET overdue_from = 'later'").run()).toThrow();
    expect(() => db.prepare('UPDATE callback_index SET due_today_from = NULL').run()).toThrow();
  });
});
