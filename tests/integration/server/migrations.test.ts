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

  it('020_account_security adds sign-in guards, rate-limit windows and the one-time flag, and drops stored refusal text', async () => {
    const db = fresh();
    await migrateToLatest(db, '004_scope_exits');
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
    await db.destroy();
  });

  it('021_policies stores published policy versions', async () => {
    const db = fresh();
    expect((await migrateToLatest(db, '021_policies')).ok).toBe(true);
    expect(await tables(db)).toContain('policies');
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
