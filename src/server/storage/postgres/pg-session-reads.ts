import type pg from 'pg';
import type { Database } from '../schema';

/** A session row with its user's stored profile (null when the user row is gone). */
export interface PgSessionRecord {
  user_id: string;
  expires_at: number;
  last_seen_at: number;
  revoked_at: number | null;
  user_version: number | null;
  user_data: string | null;
}

/** What session checks and sign-in read, on PostgreSQL (named statements, prepared once per connection). */
export class PgSessionReads {
  constructor(private readonly pool: pg.Pool) {}

  async session(sessionId: string): Promise<PgSessionRecord | undefined> {
    const { rows } = await this.pool.query<PgSessionRecord>({
      name: 'agent-desk-session',
      text: `select s.user_id, s.expires_at, s.last_seen_at, s.revoked_at, u.version as user_version, u.data as user_data
             from sessions s left join users u on u.id = s.user_id where s.id = $1`,
      values: [sessionId],
    });
    return rows[0];
  }

  async userByName(username: string): Promise<Database['users'] | undefined> {
    const { rows } = await this.pool.query<Database['users']>({
      name: 'agent-desk-user-by-name',
      text: 'select * from users where username = $1',
      values: [username],
    });
    return rows[0];
  }
}
