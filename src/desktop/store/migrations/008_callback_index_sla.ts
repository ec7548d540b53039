import type { Migration } from './migration';

/**
 * What the worklist needs to judge a callback by the whole SLA rule (docs/domain.md,
 * "SLA state"), kept in `callback_index` so ranking 50,000 callbacks decrypts nothing:
 * the zones the customer's numbers ring in (no number, only IANA zone names, as the
 * lead's board keeps them), the attempts still allowed, and the earliest start of the
 * next one. The rows already indexed get the defaults here; the store re-indexes every
 * callback when its index basis (meta `callback_index_basis`) is not the current one,
 * which a cache migrated from 7 never has.
 */
export const migration008: Migration = {
  version: 8,
  name: 'callback_index_sla',
  up(db) {
    db.exec(`
      ALTER TABLE callback_index ADD COLUMN zones TEXT NOT NULL DEFAULT '';
      ALTER TABLE callback_index ADD COLUMN attempts_left INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE callback_index ADD COLUMN next_attempt_from INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
