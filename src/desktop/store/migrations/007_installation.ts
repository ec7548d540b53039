import type { Migration } from './migration';

/**
 * The installation's identity for reference numbers (docs/domain.md, "Reference
 * numbers"): a random secret key, the desk code the server gave it, and the next
 * sequence of that desk. One row, outside `meta`, because a sign-out wipes every
 * user's data but must not hand the installation a new desk code or reuse a number.
 */
export const migration007: Migration = {
  version: 7,
  name: 'installation',
  up(db) {
    db.exec(`
      CREATE TABLE installation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key TEXT NOT NULL,
        desk INTEGER,
        next_seq INTEGER NOT NULL DEFAULT 0
      )
    `);
  },
};
