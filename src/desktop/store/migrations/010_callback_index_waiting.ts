import type { Migration } from './migration';

/**
 * Until when the customer waits for the call after answering "yes" to "available
 * now?" (issue 20), kept in `callback_index` so the worklist puts waiting callbacks
 * first without decrypting the agent's open callbacks on every new answer (that cost
 * ~0.5 s after each change for an agent with thousands assigned). An instant, not PII.
 * Rows already indexed get NULL; the store re-indexes every callback when its index
 * basis is not the current one, which a cache migrated from 9 never has.
 */
export const migration010: Migration = {
  version: 10,
  name: 'callback_index_waiting',
  up(db) {
    db.exec('ALTER TABLE callback_index ADD COLUMN waiting_until INTEGER');
  },
};
