import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * One empty database per test server on the shared test PostgreSQL: tests never
 * see each other's rows, and a database is dropped (with its connections) when
 * its test is done. The admin URL is TEST_DATABASE_URL, or the embedded server
 * the global setup started; its role must be allowed to create databases.
 */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** `url` with another database name (everything else kept). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function asAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(adminUrl: string, prefix = 'agent_desk_t'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await asAdmin(adminUrl, (c) => c.query(`create database ${pg.escapeIdentifier(name)}`));
  let dropped = false;
  return {
    url: withDatabase(adminUrl, name),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await asAdmin(adminUrl, (c) =>
        c.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`),
      );
    },
  };
}
