import type pg from 'pg';
import type { Selectable } from 'kysely';
import type { Database } from '../schema';
import type { SessionRecord } from '../session-reads';

/** What session checks and sign-in read, on PostgreSQL (named statements, prepared once per connection). */
export class PgSessionReads {
  constructor(private readonly pool: pg.Pool) {}

  async session(sessionId: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.pool.query<SessionRecord>({
      name: 'agent-desk-session',
      text: `select s.user_id, s.expires_at, s.last_seen_at, s.revoked_at, u.version as user_version, u.data as user_data
             from sessions s left join users u on u.id = s.user_id where s.id = $1`,
      values: [sessionId],
    });
    return rows[0];
  }

  async userByName(username: string): Promise<Selectable<Database['users']> | undefined> {
    const { rows } = await this.pool.query<Selectable<Database['users']>>({
      name: 'agent-desk-user-by-name',
      text: 'select * from users where username = $1',
      values: [username],
    });
    return rows[0];
  }
}
