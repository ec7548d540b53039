import type { Migration } from './migration';

/**
 * Rejection messages are the server's words about a change, and may quote
 * customer data: they become AES-256-GCM blobs like every other PII column.
 * A migration has no key, so messages stored plain by an older version are
 * dropped (an empty blob; the reader shows a generic reason, the code stays).
 */
export const migration003: Migration = {
  version: 3,
  name: 'encrypted_rejection_messages',
  up(db) {
    db.exec(`
      CREATE TABLE rejections_new (
        mutation_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        code TEXT NOT NULL,
        message BLOB NOT NULL,
        subject_tbl TEXT,
        subject_id TEXT,
        at INTEGER NOT NULL,
        dismissed INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO rejections_new (mutation_id, name, code, message, subject_tbl, subject_id, at, dismissed)
        SELECT mutation_id, name, code, x'', subject_tbl, subject_id, at, dismissed FROM rejections;
      DROP TABLE rejections;
      ALTER TABLE rejections_new RENAME TO rejections;
    `);
  },
};
