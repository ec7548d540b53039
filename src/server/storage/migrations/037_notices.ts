import type { Kysely } from 'kysely';

/**
 * The customer-notification outbox (docs/domain.md, "Customer notices"). One row per
 * notice; its id is the idempotency key (`<callbackId>:text-ahead:<slotStart>`,
 * `<callbackId>:available-now:<n>`), so a notice can be queued only once. A node
 * sends a row only after claiming it (state `sending`, its name and a lease); a row
 * found `sending` with an expired lease is never sent again (`unknown`). No customer
 * data: the address is resolved from the customer's consent at send time and kept
 * here only as a keyed hash (to match replies and STOP). Times are epoch ms (bigint).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('callback_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('send_at', 'bigint', (c) => c.notNull())
    .addColumn('next_at', 'bigint', (c) => c.notNull())
    .addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('provider_id', 'text')
    .addColumn('address_key', 'text')
    .addColumn('reason', 'text')
    .addColumn('reply', 'text')
    .addColumn('reply_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notices_due').on('notices').columns(['state', 'next_at']).execute();
  await db.schema.createIndex('notices_callback').on('notices').column('callback_id').execute();
  await db.schema.createIndex('notices_provider').on('notices').column('provider_id').execute();
  await db.schema.createIndex('notices_address').on('notices').columns(['address_key', 'kind']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notices').execute();
}
