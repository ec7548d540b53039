import type { Migration } from './migration';

/**
 * Each callback's SLA transitions (when it turns at risk, due today and overdue, and
 * its last callable window) kept in `callback_index`: they depend on the callback, the
 * zones of the customer's numbers and the policy — never on `now` — so they are worked
 * out when the callback is indexed instead of for every open callback each time the
 * desktop starts (~150 ms of a 50k start). Instants, not PII. Rows already indexed get
 * zeros; the store re-indexes every callback when its index basis is not the current
 * one, which a cache migrated from 10 never has.
 */
export const migration011: Migration = {
  version: 11,
  name: 'callback_index_transitions',
  up(db) {
    db.exec(`
      ALTER TABLE callback_index ADD COLUMN at_risk_from INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE callback_index ADD COLUMN attempts_miss_from INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE callback_index ADD COLUMN due_today_from INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE callback_index ADD COLUMN overdue_from INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE callback_index ADD COLUMN last_window_start INTEGER;
      ALTER TABLE callback_index ADD COLUMN last_window_end INTEGER;
    `);
  },
};
