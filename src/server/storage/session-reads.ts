import type { Statement } from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { ReadDb } from './database';
import type { Database } from './schema';

/** A session row with its user's stored profile (null when the user row is gone). */
export interface SessionRecord {
  user_id: string;
  expires_at: number;
  last_seen_at: number;
  revoked_at: number | null;
  user_version: number | null;
  user_data: string | null;
}

/**
 * What session checks and sign-in read, as statements prepared once on the
 * read-only connection: committed rows, never queued behind the writer.
 */
export class SessionReads {
  private readonly sessionStmt: Statement<[string], SessionRecord>;
  private readonly userByNameStmt: Statement<[string], Selectable<Database['users']>>;

  constructor(reader: ReadDb) {
    this.sessionStmt = reader.prepare(
      `select s.user_id, s.expires_at, s.last_seen_at, s.revoked_at, u.version as user_version, u.data as user_data
       from sessions s left join users u on u.id = s.user_id where s.id = ?`,
    );
    this.userByNameStmt = reader.prepare('select * from users where username = ?');
  }

  session(sessionId: string): SessionRecord | undefined {
    return this.sessionStmt.get(sessionId);
  }

  userByName(username: string): Selectable<Database['users']> | undefined {
    return this.userByNameStmt.get(username);
  }
}
