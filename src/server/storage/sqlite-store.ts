import { join } from 'node:path';
import { sql } from 'kysely';
import type { TableName } from '../../shared/sync/rows';
import { BatchWrites } from './batch-writes';
import { ChangeReader } from './change-reader';
import { scheduleCheckpoints } from './checkpoints';
import { DATABASE_FILE, openDatabase, openReadConnection, type ReadDb } from './database';
import { PullReader } from './pull-reader';
import type { PullStore, ServerStore, SessionStore } from './server-store';
import { SessionReads } from './session-reads';

/**
 * The server's storage on the embedded SQLite file (the default): Kysely's one
 * writer connection, and a read-only connection for pulls, changes and session
 * checks (opened on first use — after the migrations, when the file exists in WAL
 * mode). better-sqlite3 is synchronous, so every promise here is already settled.
 */
export function openSqliteStore(dataDir: string, onError: (error: unknown) => void): ServerStore {
  const file = join(dataDir, DATABASE_FILE);
  const db = openDatabase(file);
  const checkpoints = scheduleCheckpoints(db, 1_000, onError);
  let reader: ReadDb | undefined;
  const read = (): ReadDb => (reader ??= openReadConnection(file));
  let pullReader: PullReader | undefined;
  const pull = () => (pullReader ??= new PullReader(read()));
  let sessionReads: SessionReads | undefined;
  const session = () => (sessionReads ??= new SessionReads(read()));

  const pulls: PullStore = {
    head: async (clientId) => pull().head(clientId),
    client: async (clientId) => pull().client(clientId),
    read: async (scope, cursor, limit, clientId) => {
      const r = pull();
      // One read transaction: the version, the page and the client's seq agree.
      return r.snapshot(() => {
        const latest = r.currentVersion();
        const lastSeq = r.client(clientId)?.lastSeq ?? 0;
        if (cursor > latest) return { latest, lastSeq, page: undefined };
        return { latest, lastSeq, page: r.page(scope, cursor, limit, latest) };
      });
    },
  };
  const sessions: SessionStore = {
    session: async (sessionId) => session().session(sessionId),
    userByName: async (username) => session().userByName(username),
  };
  return {
    kind: 'sqlite',
    db,
    appendDb: db,
    pool: undefined,
    clusterPool: undefined,
    pulls,
    sessions,
    changes: <T extends TableName>(tables: readonly T[]) => {
      let changes: ChangeReader<T> | undefined;
      return {
        since: async (cursor: number) => (changes ??= new ChangeReader(read(), tables)).since(cursor),
      };
    },
    pushTransaction: (_clientId, work) => BatchWrites.transaction(db, work),
    // One process owns the file: nothing to wait for.
    exclusively: (work) => work(),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      reader?.close();
      await checkpoints.stop();
      await db.destroy();
    },
  };
}
