import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

/**
 * Single sign-on (issue 18): which Agent Desk user an identity at the agency's
 * provider is (issuer + subject, the provider's stable id — never the user name,
 * which the provider may reassign), and the ID-token nonces already used, so a
 * token captured once cannot sign in again (kept until the token could have expired).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { epochMs } = columnTypes(db);
  await db.schema
    .createTable('sso_identities')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', epochMs, (c) => c.notNull())
    .addPrimaryKeyConstraint('sso_identities_pk', ['issuer', 'subject'])
    .execute();
  await db.schema.createIndex('sso_identities_user').on('sso_identities').column('user_id').execute();
  await db.schema
    .createTable('sso_nonces')
    .addColumn('nonce', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', epochMs, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_nonces_expiry').on('sso_nonces').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sso_nonces').execute();
  await db.schema.dropTable('sso_identities').execute();
}
