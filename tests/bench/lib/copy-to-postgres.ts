/**
 * Copies a seeded server SQLite file into an empty PostgreSQL database (migrated
 * by the server's own migrations first), so the PostgreSQL benches run on exactly
 * the rows the SQLite benches use — and in seconds, not the minutes the demo
 * generator's row-by-row writes would take over a network connection.
 */
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { migrateToLatest } from '../../../src/server/storage/database';
import { openPostgresDatabase } from '../../../src/server/storage/postgres/open-postgres';
import { SERVER_DB_FILE } from './dataset';

const ENTITY_COLUMNS = ['id', 'team', 'version', 'deleted', 'data'] as const;
const TABLES: Record<string, { columns: readonly string[]; types: readonly string[] }> = {
  users: {
    columns: [...ENTITY_COLUMNS, 'username', 'password_hash', 'failed_sign_ins', 'locked_until'],
    types: ['text', 'text', 'bigint', 'integer', 'text', 'text', 'text', 'integer', 'bigint'],
  },
  scope_exits: { columns: ['tbl', 'id', 'team', 'version'], types: ['text', 'text', 'text', 'bigint'] },
  meta: { columns: ['key', 'value'], types: ['text', 'bigint'] },
};
for (const table of [
  'customers',
  'inquiries',
  'callbacks',
  'expedite_requests',
  'appointment_requests',
  'service_requests',
  'presence',
  'scripts',
])
  TABLES[table] = { columns: ENTITY_COLUMNS, types: ['text', 'text', 'bigint', 'integer', 'text'] };

const BATCH = 5_000;

export async function copySqliteToPostgres(dataDir: string, databaseUrl: string): Promise<number> {
  const sqlite = new BetterSqlite3(join(dataDir, SERVER_DB_FILE), { readonly: true });
  const { db, pool } = openPostgresDatabase(databaseUrl, {
    applicationName: 'bench-copy',
    onError: () => undefined,
  });
  let copied = 0;
  try {
    const migrated = await migrateToLatest(db);
    if (!migrated.ok) throw new Error(migrated.error.message);
    await pool.query('delete from meta');
    for (const [table, { columns, types }] of Object.entries(TABLES)) {
      const rows = sqlite
        .prepare(`select ${columns.join(', ')} from "${table}"`)
        .raw()
        .all() as unknown[][];
      const params = types.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
      for (let i = 0; i < rows.length; i += BATCH) {
        const slice = rows.slice(i, i + BATCH);
        await pool.query(
          `insert into "${table}" (${columns.join(', ')}) select * from unnest(${params})`,
          columns.map((_, c) => slice.map((r) => r[c])),
        );
      }
      copied += rows.length;
    }
    await pool.query('analyze');
  } finally {
    sqlite.close();
    await db.destroy();
  }
  return copied;
}
