import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

/**
 * Rows that left a team's scope without being deleted: a user moved to another
 * team takes their `users` and `presence` rows along (the row's team changes), so
 * desktops of the old team would never hear of it. An exit is delivered to the old
 * team's pulls as a deletion at its own version; one per (table, id, team), the
 * latest move wins.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { bigCount } = columnTypes(db);
  await db.schema
    .createTable('scope_exits')
    .addColumn('tbl', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('version', bigCount, (c) => c.notNull())
    .addPrimaryKeyConstraint('scope_exits_pk', ['tbl', 'id', 'team'])
    .execute();
  await db.schema
    .createIndex('scope_exits_team_version')
    .on('scope_exits')
    .columns(['team', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scope_exits').execute();
}
