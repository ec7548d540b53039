import type { Kysely } from 'kysely';

/**
 * The telephony bridge (docs/telephony.md). `telephony_events` makes each platform
 * event id count once: its primary key is the idempotency check, so it holds across
 * several server processes sharing one database. `telephony_calls` follows each call
 * (who has it, which callback attempt it is, how it ended). Times are milliseconds
 * (bigint: they do not fit PostgreSQL's 32-bit integer).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('telephony_events')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('telephony_events_pk', ['platform', 'event_id'])
    .execute();
  await db.schema
    .createTable('telephony_calls')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('callback_id', 'text')
    .addColumn('attempt_id', 'text')
    .addColumn('number', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .addColumn('end_reason', 'text')
    .addColumn('duration_seconds', 'integer')
    .addPrimaryKeyConstraint('telephony_calls_pk', ['platform', 'call_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('telephony_calls').execute();
  await db.schema.dropTable('telephony_events').execute();
}
