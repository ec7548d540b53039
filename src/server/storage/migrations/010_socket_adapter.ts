import { sql, type Kysely } from 'kysely';
import { storeKindOf } from '../store-kind';

/**
 * PostgreSQL only: the table `@socket.io/postgres-adapter` keeps messages between
 * nodes that are too large for a NOTIFY payload (8,000 bytes). Created here, by
 * the migration, so the application's role needs no DDL right at run time. The
 * adapter deletes its old rows itself. Nothing on SQLite (one node, no adapter).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (storeKindOf(db) !== 'postgres') return;
  await sql`create table socket_io_attachments (
    id bigserial unique,
    created_at timestamptz default now(),
    payload bytea
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (storeKindOf(db) !== 'postgres') return;
  await db.schema.dropTable('socket_io_attachments').execute();
}
