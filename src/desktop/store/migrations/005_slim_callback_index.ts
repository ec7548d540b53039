import type { Migration } from './migration';

/**
 * Rebuilds `callback_index` as a WITHOUT ROWID table (keyed by callback id alone)
 * with the three indexes that are still read in SQL: by customer and by inquiry
 * (which callbacks a changed customer/inquiry re-indexes) and by assignee (the
 * due-soon check). The five (status, …, due_at) indexes of 002 served SQL
 * worklist queries; the worklist now filters and sorts an in-memory copy
 * (004), so they only cost writes: every callback a sync page or a mutation
 * touches updated ten B-trees, now four. Rows are kept; 004's delete counter
 * trigger is re-created on the new table.
 */
export const migration005: Migration = {
  version: 5,
  name: 'slim_callback_index',
  up(db) {
    db.exec(`
      CREATE TABLE callback_index_slim (
        id TEXT PRIMARY KEY,
        team TEXT NOT NULL,
        status TEXT NOT NULL,
        urgency TEXT NOT NULL,
        tier INTEGER NOT NULL,
        assignee_id TEXT,
        due_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        second_attempt_pending INTEGER NOT NULL,
        language TEXT,
        customer_id TEXT NOT NULL,
        inquiry_id TEXT NOT NULL,
        pending INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      INSERT INTO callback_index_slim SELECT id, team, status, urgency, tier, assignee_id, due_at, created_at,
        attempts, second_attempt_pending, language, customer_id, inquiry_id, pending FROM callback_index;
      DROP TABLE callback_index;
      ALTER TABLE callback_index_slim RENAME TO callback_index;
      CREATE INDEX callback_index_assignee ON callback_index (assignee_id, status);
      CREATE INDEX callback_index_customer ON callback_index (customer_id);
      CREATE INDEX callback_index_inquiry ON callback_index (inquiry_id);
      CREATE TRIGGER callback_index_deleted AFTER DELETE ON callback_index
        BEGIN UPDATE callback_index_version SET deletes = deletes + 1 WHERE only = 1; END;
    `);
  },
};
