import { sql, type Kysely } from 'kysely';

/**
 * Account security (issue 17): sign-in guards keyed by the name typed (known or not,
 * so an unknown name is answered exactly like a real one) or by an account on its
 * owner's own desktop; fixed-window rate-limit counters; the one-time-password flag.
 * In the database, not in process memory, so every server node shares them. And the
 * mutation log's stored refusal sentences are dropped (codes stay).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_guards')
    .addColumn('key', 'text', (c) => c.primaryKey())
    // The user name the guard protects (its own key, or one of its owner's desktops).
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('blocked_until', 'bigint')
    .addColumn('last_failure_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_guards_last_failure')
    .on('sign_in_guards')
    .columns(['last_failure_at'])
    .execute();
  await db.schema.createIndex('sign_in_guards_account').on('sign_in_guards').columns(['account']).execute();
  await db.schema
    .createTable('rate_limits')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_window').on('rate_limits').columns(['window_start']).execute();
  // Refusal sentences could quote what an agent typed (a phone number): the log keeps codes only.
  await sql`update mutation_log set error_message = null`.execute(db);
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
  await db.schema.dropTable('rate_limits').execute();
  await db.schema.dropTable('sign_in_guards').execute();
}
