import type { Kysely } from 'kysely';
import { storeKindOf } from '../store-kind';
import { columnTypes, makeAppendOnly } from './column-types';

/** The append-only audit trail: triggers refuse UPDATE and DELETE so "append-only" is enforced, not hoped. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { epochMs } = columnTypes(db);
  await db.schema
    .createTable('audit_events')
    .addColumn('id', storeKindOf(db) === 'postgres' ? 'bigint' : 'integer', (c) =>
      storeKindOf(db) === 'postgres'
        ? c.primaryKey().generatedAlwaysAsIdentity()
        : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', epochMs, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('source_ip', 'text')
    .addColumn('client_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema
    .createIndex('audit_events_entity')
    .on('audit_events')
    .columns(['entity_type', 'entity_id'])
    .execute();
  await db.schema.createIndex('audit_events_actor').on('audit_events').columns(['actor_id', 'at']).execute();
  await makeAppendOnly(db, 'audit_events');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_events').execute();
}
