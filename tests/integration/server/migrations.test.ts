import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../../../src/server/storage/database';
import { parseReference } from '../../../src/shared/domain/identifiers/reference-number';
import { callback, inquiry } from './fixtures';

async function tables(db: Db): Promise<string[]> {
  const r = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%' order by name`.execute(
    db,
  );
  return r.rows.map((x) => x.name);
}

describe('server migrations', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'agent-desk-mig-'));
    dirs.push(dir);
    return openDatabase(join(dir, 'db.sqlite'));
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('001_accounts creates users and sessions', async () => {
    const db = fresh();
    expect(await migrateToLatest(db, '001_accounts')).toEqual({ ok: true, value: ['001_accounts'] });
    expect(await tables(db)).toEqual(['sessions', 'users']);
    await db.destroy();
  });

  it('002_sync creates the entity tables, version counter and client bookkeeping', async () => {
    const db = fresh();
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
    await db.destroy();
  });

  it('003_audit creates an append-only audit table', async () => {
    const db = fresh();
    await migrateToLatest(db);
    await db
      .insertInto('audit_events')
      .values({
        at: 1,
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
    await db.destroy();
  });

  it('004_scope_exits keeps one exit per (table, id, team), indexed for a team pull by version', async () => {
    const db = fresh();
    await migrateToLatest(db, '003_audit');
    expect(await migrateToLatest(db, '004_scope_exits')).toEqual({ ok: true, value: ['004_scope_exits'] });
    await db
      .insertInto('scope_exits')
      .values({ tbl: 'users', id: 'u-1', team: 'alpha', version: 5 })
      .execute();
    await expect(
      db.insertInto('scope_exits').values({ tbl: 'users', id: 'u-1', team: 'alpha', version: 9 }).execute(),
    ).rejects.toThrow(/UNIQUE/);
    const plan = await sql<{
      detail: string;
    }>`explain query plan select id from scope_exits where team = 'alpha' and version > 3 order by version`.execute(
      db,
    );
    expect(plan.rows.map((r) => r.detail).join(' ')).toContain('scope_exits_team_version');
    await db.destroy();
  });

  it('005_customer_record: desks, used references, notes and wrap-ups; every record gets a server reference and a new version; service requests move to categories', async () => {
    const db = fresh();
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
    expect(await migrateToLatest(db)).toEqual({ ok: true, value: ['005_customer_record'] });
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
    await db.destroy();
  });

  it('migrates down cleanly and refuses a database from a newer server', async () => {
    const db = fresh();
    await migrateToLatest(db);
    await sql`insert into kysely_migration (name, timestamp) values ('999_future', '2099-01-01')`.execute(db);
    expect(await migrateToLatest(db)).toMatchObject({ ok: false, error: { code: 'storage.newer_schema' } });
    await db.destroy();
  });
});
