import type { Kysely } from 'kysely';

/**
 * Published policy versions (issue 17): each is in force from `effective_from` until
 * the next one's. The configured policy (file or default) is in force before the
 * first. Rows are never changed: a correction is a new version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('effective_from', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('policies_effective_from')
    .on('policies')
    .columns(['effective_from', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policies').execute();
}
