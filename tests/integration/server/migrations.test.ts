import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, type Db } from '../../../src/server/storage/database';
import { MIGRATIONS } from '../../../src/server/storage/migrations';
import { parseReference } from '../../../src/shared/domain/identifiers/reference-number';
import { freshDatabase, TEST_STORE, type FreshDatabase } from '../../support/test-store';
import { callback, inquiry } from './fixtures';

/** Tables of the schema, without the migrator's own (both stores). */
async function tables(db: Db): Promise<string[]> {
  const found = await db.introspection.getTables();
  return found
    .map((t) => t.name)
    .filter((name) => !name.startsWith('kysely_') && !name.startsWith('sqlite_'))
    .sort();
}

/** Runs on both stores (projects `integration` and `integration-pg`): every migration, each way. */
describe(`server migrations (${TEST_STORE})`, () => {
  const opened: FreshDatabase[] = [];
  const fresh = async () => {
    const database = await freshDatabase();
    opened.push(database);
    return database.db;
  };
  afterEach(async () => {
    for (const d of opened.splice(0)) await d.dispose();
  });

  it('001_accounts creates users and sessions', async () => {
    const db = await fresh();
    expect(await migrateToLatest(db, '001_accounts')).toEqual({ ok: true, value: ['001_accounts'] });
    expect(await tables(db)).toEqual(['sessions', 'users']);
  });

  it('002_sync creates the entity tables, version counter and client bookkeeping', async () => {
    const db = await fresh();
    await migrateToLatest(db, '002_sync');
    expect(await tables(db)).toEqual(
      [
        'appointment_requests',
        'callbacks',
        'clients',
        'customers',
        'expedite_requests',
        'inquiries',
        'meta',
        'mutation_log',
        'presence',
        'scripts',
        'service_requests',
        'sessions',
        'users',
      ].sort(),
    );
    expect(await db.selectFrom('meta').selectAll().execute()).toEqual([{ key: 'version', value: 0 }]);
  });

  it('stores epoch milliseconds, versions and sequence numbers beyond 32 bits, read back as numbers', async () => {
    const db = await fresh();
    await migrateToLatest(db);
    const at = Date.UTC(2025, 2, 12, 14);
    await db
      .insertInto('users')
      .values({
        id: 'u-1',
        team: 'alpha',
        version: 2 ** 40,
        deleted: 0,
        data: '{}',
        username: 'u1',
        password_hash: 'x',
        failed_sign_ins: 0,
        locked_until: at,
      })
      .execute();
    await db
      .insertInto('sessions')
      .values({ id: 's-1', user_id: 'u-1', created_at: at, expires_at: at, last_seen_at: at, revoked_at: at })
      .execute();
    await db
      .insertInto('clients')
      .values({ client_id: 'c-1', user_id: 'u-1', last_seq: 2 ** 40, created_at: at })
      .execute();
    await db
      .insertInto('mutation_log')
      .values({
        client_id: 'c-1',
        seq: 2 ** 40,
        mutation_id: 'm',
        name: 'n',
        status: 'applied',
        error_code: null,
        error_message: null,
        version: 2 ** 41,
        at,
      })
      .execute();
    expect(await db.selectFrom('users').select(['version', 'locked_until']).executeTakeFirst()).toEqual({
      version: 2 ** 40,
      locked_until: at,
    });
    expect(await db.selectFrom('sessions').select(['created_at', 'revoked_at']).executeTakeFirst()).toEqual({
      created_at: at,
      revoked_at: at,
    });
    expect(await db.selectFrom('mutation_log').select(['seq', 'version', 'at']).executeTakeFirst()).toEqual({
      seq: 2 ** 40,
      version: 2 ** 41,
      at,
    });
  });

  it('003_audit creates an append-only audit table (the database refuses changes, not just the code)', async () => {
    const db = await fresh();
    await migrateToLatest(db, '003_audit');
    await db
      .insertInto('audit_events')
      .values({
        at: Date.UTC(2025, 2, 12),
        actor_id: 'u',
        action: 'a',
        entity_type: null,
        entity_id: null,
        source_ip: null,
        client_id: null,
        outcome: 'ok',
        detail: null,
      })
      .execute();
    await expect(db.updateTable('audit_events').set({ outcome: 'changed' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    if (TEST_STORE === 'postgres')
      await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(/append-only/);
    expect(await db.selectFrom('audit_events').select('outcome').execute()).toEqual([{ outcome: 'ok' }]);
  });

  it('004_scope_exits keeps one exit per (table, id, team), indexed for a team pull by version', async () => {
    const db = await fresh();
    await migrateToLatest(db, '003_audit');
    expect(await migrateToLatest(db, '004_scope_exits')).toEqual({ ok: true, value: ['004_scope_exits'] });
    await db
      .insertInto('scope_exits')
      .values({ tbl: 'users', id: 'u-1', team: 'alpha', version: 5 })
      .execute();
    await expect(
      db.insertInto('scope_exits').values({ tbl: 'users', id: 'u-1', team: 'alpha', version: 9 }).execute(),
    ).rejects.toThrow(/UNIQUE|duplicate key/);
    const indexes = (await db.introspection.getTables()).find((t) => t.name === 'scope_exits');
    expect(indexes).toBeDefined();
    if (TEST_STORE === 'sqlite') {
      const plan = await sql<{
        detail: string;
      }>`explain query plan select id from scope_exits where team = 'alpha' and version > 3 order by version`.execute(
        db,
      );
      expect(plan.rows.map((r) => r.detail).join(' ')).toContain('scope_exits_team_version');
    } else {
      const found = await sql<{
        indexname: string;
      }>`select indexname from pg_indexes where tablename = 'scope_exits' order by indexname`.execute(db);
      expect(found.rows.map((r) => r.indexname)).toContain('scope_exits_team_version');
    }
  });

  it('005_customer_record: desks, used references, notes and wrap-ups; every record gets a server reference and a new version; service requests move to categories', async () => {
    const db = await fresh();
    await migrateToLatest(db, '004_scope_exits');
    const legacy = {
      inquiries: [{ id: 'in-1', data: inquiry('in-1', 'alpha', 'cu-1') }],
      callbacks: [{ id: 'cb-1', data: callback('cb-1', 'alpha') }],
      service_requests: [
        {
          id: 'sr-1',
          data: {
            id: 'sr-1',
            team: 'alpha',
            inquiryId: 'in-1',
            customerId: 'cu-1',
            receiptNumber: 'EAC2212345678',
            type: 'address-change',
            description: 'Moved.',
            status: 'sent',
            createdAt: Date.UTC(2025, 2, 14, 23), // Friday 19:00 New York
            createdBy: 'u-1',
          },
        },
        {
          id: 'sr-2',
          data: {
            id: 'sr-2',
            team: 'alpha',
            inquiryId: 'in-1',
            customerId: 'cu-1',
            receiptNumber: null,
            type: 'other',
            description: 'No receipt.',
            status: 'open',
            createdAt: Date.UTC(2025, 2, 12, 14),
            createdBy: 'u-1',
          },
        },
      ],
    } as const;
    let version = 0;
    for (const [table, rows] of Object.entries(legacy)) {
      for (const r of rows) {
        version += 1;
        await sql`insert into ${sql.table(table)} (id, team, version, deleted, data) values (${r.id}, 'alpha', ${version}, 0, ${JSON.stringify(r.data)})`.execute(
          db,
        );
      }
    }
    await sql`update meta set value = ${version} where key = 'version'`.execute(db);
    expect(await migrateToLatest(db, '005_customer_record')).toEqual({
      ok: true,
      value: ['005_customer_record'],
    });
    expect(await tables(db)).toEqual(
      expect.arrayContaining(['desks', 'record_references', 'notes', 'wrap_ups']),
    );

    const data = async (table: 'inquiries' | 'callbacks' | 'service_requests', id: string) => {
      const row = await db
        .selectFrom(table)
        .select(['data', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return {
        ...(JSON.parse(row.data) as Record<string, unknown>),
        version: Number(row.version),
      } as Record<string, unknown> & { version: number };
    };
    const inq = await data('inquiries', 'in-1');
    const cb = await data('callbacks', 'cb-1');
    const sr1 = await data('service_requests', 'sr-1');
    const sr2 = await data('service_requests', 'sr-2');
    for (const [row, kind] of [
      [inq, 'inquiry'],
      [cb, 'callback'],
      [sr1, 'service-request'],
    ] as const) {
      const parsed = parseReference(row['reference'] as string);
      expect(parsed).toMatchObject({ ok: true, value: { kind } });
      expect(row.version).toBeGreaterThan(version);
    }
    expect(sr1).toMatchObject({
      category: 'address-change',
      status: 'sent-to-office',
      routing: 'service-center-operations',
      office: 'Vermont Service Center',
      routingSource: 'receipt',
      targetDate: '2025-03-24',
      statusChanges: [],
    });
    expect(sr1).not.toHaveProperty('type');
    expect(sr2).toMatchObject({ category: 'other', status: 'open', routingSource: 'migrated' });
    const used = await db.selectFrom('record_references').selectAll().execute();
    expect(used).toHaveLength(4);
    expect(new Set(used.map((u) => u.reference)).size).toBe(4);
    const desks = await db.selectFrom('desks').selectAll().execute();
    expect(desks).toMatchObject([{ kind: 'server', installation_hash: null, next_seq: 4 }]);
    expect(
      Number(
        (await db.selectFrom('meta').select('value').where('key', '=', 'version').executeTakeFirstOrThrow())
          .value,
      ),
    ).toBe(version + 4);
  });

  it('020_account_security adds sign-in guards, rate-limit windows and the one-time flag, and drops stored refusal text', async () => {
    const db = await fresh();
    await migrateToLatest(db, '010_socket_adapter');
    await db
      .insertInto('users')
      .values({
        id: 'u-1',
        team: 'alpha',
        version: 1,
        deleted: 0,
        data: '{}',
        username: 'agent.one',
        password_hash: 'x',
        failed_sign_ins: 0,
        locked_until: null,
      } as never)
      .execute();
    await db
      .insertInto('clients')
      .values({ client_id: 'client-1', user_id: 'u-1', last_seq: 1, created_at: 1 })
      .execute();
    await db
      .insertInto('mutation_log')
      .values({
        client_id: 'client-1',
        seq: 1,
        mutation_id: 'm-1',
        name: 'callback.record-attempt@2',
        status: 'rejected',
        error_code: 'callback.number_not_on_file',
        error_message: '(305) 555-0199 is not on file',
        version: null,
        at: 1,
      })
      .execute();
    expect(await migrateToLatest(db, '020_account_security')).toEqual({
      ok: true,
      value: ['020_account_security'],
    });
    expect(await tables(db)).toEqual(expect.arrayContaining(['sign_in_guards', 'rate_limits']));
    expect(await db.selectFrom('mutation_log').select(['error_code', 'error_message']).execute()).toEqual([
      { error_code: 'callback.number_not_on_file', error_message: null },
    ]);
    expect(await db.selectFrom('users').select('must_change_password').execute()).toEqual([
      { must_change_password: 0 },
    ]);
  });

  it('021_policies stores published policy versions', async () => {
    const db = await fresh();
    expect((await migrateToLatest(db, '021_policies')).ok).toBe(true);
    expect(await tables(db)).toContain('policies');
  });

  it('010_socket_adapter creates the adapter attachments table on PostgreSQL only', async () => {
    const db = await fresh();
    await migrateToLatest(db, '005_customer_record');
    expect(await migrateToLatest(db, '010_socket_adapter')).toEqual({
      ok: true,
      value: ['010_socket_adapter'],
    });
    expect((await tables(db)).includes('socket_io_attachments')).toBe(TEST_STORE === 'postgres');
  });

  it('migrates every step down and up again to the same schema', async () => {
    const db = await fresh();
    await migrateToLatest(db);
    const latest = await tables(db);
    const names = Object.keys(MIGRATIONS);
    for (let i = names.length - 2; i >= 0; i--) {
      const down = await migrateToLatest(db, names[i]);
      expect(down.ok, `down to ${names[i]}`).toBe(true);
    }
    expect(await migrateToLatest(db)).toEqual({ ok: true, value: names.slice(1) });
    expect(await tables(db)).toEqual(latest);
  });

  it('refuses a database from a newer server', async () => {
    const db = await fresh();
    await migrateToLatest(db);
    await sql`insert into kysely_migration (name, timestamp) values ('999_future', '2099-01-01')`.execute(db);
    expect(await migrateToLatest(db)).toMatchObject({ ok: false, error: { code: 'storage.newer_schema' } });
  });

  it('038_sso keys an identity by issuer and subject, and uses a nonce once', async () => {
    const db = await fresh();
    const names = Object.keys(MIGRATIONS);
    // The one before it, whichever that is as migrations are added.
    await migrateToLatest(db, names[names.indexOf('038_sso') - 1]);
    expect(await migrateToLatest(db, '038_sso')).toEqual({ ok: true, value: ['038_sso'] });
    const identity = { issuer: 'https://idp', subject: 's-1', user_id: 'u-1', created_at: 1 };
    await db.insertInto('sso_identities').values(identity).execute();
    await expect(db.insertInto('sso_identities').values(identity).execute()).rejects.toThrow(
      /UNIQUE|duplicate key/,
    );
    await db
      .insertInto('sso_identities')
      .values({ ...identity, issuer: 'https://other-idp' })
      .execute();
    await db.insertInto('sso_nonces').values({ nonce: 'n-1', expires_at: 2 }).execute();
    await expect(
      db.insertInto('sso_nonces').values({ nonce: 'n-1', expires_at: 3 }).execute(),
    ).rejects.toThrow(/UNIQUE|duplicate key/);
  });

  it('035_telephony makes a platform event id count once (its primary key), per platform', async () => {
    const db = await fresh();
    const names = Object.keys(MIGRATIONS);
    // The one before it, whichever that is as migrations are added.
    await migrateToLatest(db, names[names.indexOf('035_telephony') - 1]);
    expect(await migrateToLatest(db, '035_telephony')).toEqual({ ok: true, value: ['035_telephony'] });
    const event = { platform: 'p', event_id: 'e-1', type: 'call.offered', call_id: 'c-1', received_at: 1 };
    await db.insertInto('telephony_events').values(event).execute();
    await expect(db.insertInto('telephony_events').values(event).execute()).rejects.toThrow(
      /UNIQUE|duplicate key/,
    );
    await db
      .insertInto('telephony_events')
      .values({ ...event, platform: 'q' })
      .execute();
    expect(await db.selectFrom('telephony_events').select('platform').orderBy('platform').execute()).toEqual([
      { platform: 'p' },
      { platform: 'q' },
    ]);
  });
});
