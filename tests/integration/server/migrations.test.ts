import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../../../src/server/storage/database';

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

  it('migrates down cleanly and refuses a database from a newer server', async () => {
    const db = fresh();
    await migrateToLatest(db);
    await sql`insert into kysely_migration (name, timestamp) values ('999_future', '2099-01-01')`.execute(db);
    expect(await migrateToLatest(db)).toMatchObject({ ok: false, error: { code: 'storage.newer_schema' } });
    await db.destroy();
  });

  it('035_telephony makes a platform event id count once (its primary key), per platform', async () => {
    const db = fresh();
    await migrateToLatest(db, '004_scope_exits');
    expect(await migrateToLatest(db, '035_telephony')).toEqual({ ok: true, value: ['035_telephony'] });
    const event = { platform: 'p', event_id: 'e-1', type: 'call.offered', call_id: 'c-1', received_at: 1 };
    await db.insertInto('telephony_events').values(event).execute();
    await expect(db.insertInto('telephony_events').values(event).execute()).rejects.toThrow(/UNIQUE/);
    await db
      .insertInto('telephony_events')
      .values({ ...event, platform: 'q' })
      .execute();
    await db.destroy();
  });
});
