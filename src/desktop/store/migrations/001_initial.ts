import type { Migration } from './migration';

/**
 * The cache's core: confirmed server rows, the optimistic overlay written by
 * pending mutations, the durable outbox and surfaced rejections. Row data and
 * mutation arguments are AES-256-GCM blobs (customer data is PII at rest); only
 * ids, versions and teams are plain.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE confirmed_rows (
        tbl TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        team TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (tbl, id)
      ) STRICT;

      CREATE TABLE pending_rows (
        tbl TEXT NOT NULL,
        id TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (tbl, id)
      ) STRICT;

      -- AUTOINCREMENT: a seq is never reused, even after the rows before it were acknowledged and deleted.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        args BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'applied'))
      );

      CREATE TABLE rejections (
        mutation_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        subject_tbl TEXT,
        subject_id TEXT,
        at INTEGER NOT NULL,
        dismissed INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};
