import type BetterSqlite3 from 'better-sqlite3';

/** Small key → text settings of the cache (cursor, client id, session). */
export class MetaStore {
  private readonly getStmt: BetterSqlite3.Statement<[string], { value: string }>;
  private readonly setStmt: BetterSqlite3.Statement<[string, string]>;
  private readonly delStmt: BetterSqlite3.Statement<[string]>;

  constructor(db: BetterSqlite3.Database) {
    this.getStmt = db.prepare('SELECT value FROM meta WHERE key = ?');
    this.setStmt = db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.delStmt = db.prepare('DELETE FROM meta WHERE key = ?');
  }

  get(key: string): string | undefined {
    return this.getStmt.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.setStmt.run(key, value);
  }

  delete(key: string): void {
    this.delStmt.run(key);
  }

  getNumber(key: string, fallback: number): number {
    const raw = this.get(key);
    const n = raw === undefined ? Number.NaN : Number(raw);
    return Number.isFinite(n) ? n : fallback;
  }
}

export const META_KEYS = {
  clientId: 'client_id',
  cursor: 'cursor',
  session: 'session',
  unlockVerifier: 'unlock_verifier',
  /** Wrong unlock passwords in a row (kept across restarts, so quitting does not reset it). */
  unlockFailures: 'unlock_failures',
  userId: 'user_id',
  lastSyncedAt: 'last_synced_at',
  firstSyncDone: 'first_sync_done',
  /** The server's scope key the confirmed rows were pulled for (the pull answer's `scope`). */
  pullScope: 'pull_scope',
  /** The agent's Basic credentials for the proxy (encrypted); dropped with the session. */
  proxyCredentials: 'proxy_credentials',
} as const;
