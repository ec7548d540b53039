import type { Migration } from './migration';

/**
 * A rejection keeps the specifics of the server's reason (DomainError.params:
 * times, counts, names) so the screen can say it in the agent's language, not
 * only in the English message. Encrypted like the message (they may quote
 * customer data); NULL for a reason without params and for rows stored before.
 */
export const migration006: Migration = {
  version: 6,
  name: 'rejection_params',
  up(db) {
    db.exec('ALTER TABLE rejections ADD COLUMN params BLOB');
  },
};
