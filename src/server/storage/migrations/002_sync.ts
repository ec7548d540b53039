import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types';

export const ENTITY_TABLES = [
  'customers',
  'inquiries',
  'callbacks',
  'expedite_requests',
  'appointment_requests',
  'service_requests',
  'presence',
  'scripts',
] as const;

/** The synced entity tables, the global version counter and per-client mutation bookkeeping. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { epochMs, bigCount } = columnTypes(db);
  for (const table of ENTITY_TABLES) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team', 'text', (c) => c.notNull())
      .addColumn('version', bigCount, (c) => c.notNull())
      .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_version`).on(table).columns(['version']).execute();
    await db.schema.createIndex(`${table}_team_version`).on(table).columns(['team', 'version']).execute();
  }
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', bigCount, (c) => c.notNull())
    .execute();
  await sql`insert into meta (key, value) values ('version', 0)`.execute(db);
  await db.schema
    .createTable('clients')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('last_seq', bigCount, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', epochMs, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('mutation_log')
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.client_id'))
    .addColumn('seq', bigCount, (c) => c.notNull())
    .addColumn('mutation_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('version', bigCount)
    .addColumn('at', epochMs, (c) => c.notNull())
    .addPrimaryKeyConstraint('mutation_log_pk', ['client_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mutation_log').execute();
  await db.schema.dropTable('clients').execute();
  await db.schema.dropTable('meta').execute();
  for (const table of [...ENTITY_TABLES].reverse()) await db.schema.dropTable(table).execute();
}
