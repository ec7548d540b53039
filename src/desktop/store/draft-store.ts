import type BetterSqlite3 from 'better-sqlite3';
import type { DraftForm } from '../../shared/ipc/channels';
import type { PiiCipher } from './pii-cipher';

export interface DraftKey {
  userId: string;
  form: DraftForm;
  callbackId: string;
}

export interface Draft {
  /** The form's fields as the renderer serialized them (JSON text). */
  body: string;
  savedAt: number;
}

/**
 * Per-user drafts of forms in progress, encrypted at rest with the cache's PII
 * cipher. The place (user, form, callback) is the associated data, so a draft
 * cannot be moved to another user or callback unnoticed.
 */
export class DraftStore {
  private readonly getStmt: BetterSqlite3.Statement<
    [string, string, string],
    { body: Buffer; saved_at: number }
  >;
  private readonly putStmt: BetterSqlite3.Statement<[string, string, string, Buffer, number]>;
  private readonly delStmt: BetterSqlite3.Statement<[string, string, string]>;

  constructor(
    db: BetterSqlite3.Database,
    private readonly cipher: PiiCipher,
  ) {
    this.getStmt = db.prepare(
      'SELECT body, saved_at FROM drafts WHERE user_id = ? AND form = ? AND callback_id = ?',
    );
    this.putStmt = db.prepare(
      `INSERT INTO drafts (user_id, form, callback_id, body, saved_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, form, callback_id) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at`,
    );
    this.delStmt = db.prepare('DELETE FROM drafts WHERE user_id = ? AND form = ? AND callback_id = ?');
  }

  save(key: DraftKey, body: string, savedAt: number): void {
    this.putStmt.run(
      key.userId,
      key.form,
      key.callbackId,
      this.cipher.encrypt(body, draftPlace(key)),
      savedAt,
    );
  }

  load(key: DraftKey): Draft | undefined {
    const row = this.getStmt.get(key.userId, key.form, key.callbackId);
    if (row === undefined) return undefined;
    return { body: this.cipher.decrypt(row.body, draftPlace(key)), savedAt: row.saved_at };
  }

  discard(key: DraftKey): void {
    this.delStmt.run(key.userId, key.form, key.callbackId);
  }
}

function draftPlace(key: DraftKey): string {
  return `draft/${key.userId}/${key.form}/${key.callbackId}`;
}
