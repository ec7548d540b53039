import type { Migration } from './migration';

/**
 * Drafts of forms in progress (issue 13 item 4): one per user, form kind and
 * callback, so Esc or a tab change never loses what the agent typed. The body
 * is PII (encrypted like every other cached value); the user id keeps another
 * agent signing in on the same desktop from ever reading it.
 */
export const migration009: Migration = {
  version: 9,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        user_id TEXT NOT NULL,
        form TEXT NOT NULL,
        callback_id TEXT NOT NULL,
        body BLOB NOT NULL,
        saved_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, form, callback_id)
      ) STRICT
    `);
  },
};
