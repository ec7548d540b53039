import type { Migration } from './migration';

/**
 * The worklist's query table: one plain row per callback with exactly the
 * columns the worklist filters and sorts by (none of them PII), indexed so a
 * page of 50,000 callbacks is a range scan, not a decrypt-everything pass.
 */
export const migration002: Migration = {
  version: 2,
  name: 'worklist_index',
  up(db) {
    db.exec(`
      CREATE TABLE callback_index (
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
      ) STRICT;
      CREATE INDEX callback_index_status_due ON callback_index (status, due_at);
      CREATE INDEX callback_index_assignee ON callback_index (assignee_id, status, due_at);
      CREATE INDEX callback_index_urgency ON callback_index (status, urgency, due_at);
      CREATE INDEX callback_index_tier ON callback_index (status, tier, due_at);
      CREATE INDEX callback_index_language ON callback_index (status, language, due_at);
      CREATE INDEX callback_index_second ON callback_index (second_attempt_pending, status, due_at);
      CREATE INDEX callback_index_customer ON callback_index (customer_id);
      CREATE INDEX callback_index_inquiry ON callback_index (inquiry_id);
    `);
  },
};
