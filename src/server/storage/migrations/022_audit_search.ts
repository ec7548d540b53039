import type { Kysely } from 'kysely';

/** Administrators search the audit trail by time and by action (issue 17): indexes for both. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('audit_events_at').on('audit_events').columns(['at']).execute();
  await db.schema
    .createIndex('audit_events_action_at')
    .on('audit_events')
    .columns(['action', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_action_at').execute();
  await db.schema.dropIndex('audit_events_at').execute();
}
