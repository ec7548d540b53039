import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeReader } from '../../../src/server/storage/change-reader';
import {
  migrateToLatest,
  openDatabase,
  openReadConnection,
  type Db,
  type ReadDb,
} from '../../../src/server/storage/database';

type Followed = 'callbacks' | 'presence' | 'users';
const FOLLOWED: Followed[] = ['callbacks', 'presence', 'users'];

/** The supervisor index's source of changes, on a real database file with a writer and a read-only connection. */
describe('ChangeReader', () => {
  let dir: string;
  let db: Db;
  let reader: ReadDb;
  /** The test's own writer connection: rows go in as stored bytes, past storage's API. */
  let sqlite: BetterSqlite3.Database;
  const stored: { table: Followed | 'customers'; id: string; version: number; deleted: boolean }[] = [];
  let latest = 0;

  const write = (table: Followed | 'customers', version: number, deleted = false) => {
    const id = `${table}-${version}`;
    const data = JSON.stringify({ id, team: 'alpha', version: 0 });
    if (table === 'users')
      sqlite
        .prepare(
          'insert into users (id, team, version, deleted, data, username, password_hash) values (?, ?, ?, 0, ?, ?, ?)',
        )
        .run(id, 'alpha', version, data, `user.${version}`, 'x');
    else
      sqlite
        .prepare(`insert into "${table}" (id, team, version, deleted, data) values (?, ?, ?, ?, ?)`)
        .run(id, 'alpha', version, deleted ? 1 : 0, data);
    sqlite.prepare("update meta set value = ? where key = 'version'").run(version);
    stored.push({ table, id, version, deleted: table !== 'users' && deleted });
    latest = version;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agent-desk-change-reader-'));
    const file = join(dir, 'db.sqlite');
    db = openDatabase(file);
    expect((await migrateToLatest(db)).ok).toBe(true);
    sqlite = new BetterSqlite3(file);
    const tables = [...FOLLOWED, 'customers' as const];
    for (let version = 1; version <= 120; version++)
      write(
        tables[(version * 7) % tables.length] as Followed,
        version,
        version % 13 === 0 && version % 2 === 1,
      );
    reader = openReadConnection(file);
  });
  afterAll(async () => {
    sqlite.close();
    reader.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every change of the followed tables after a cursor, table by table in version order', () => {
    const changes = new ChangeReader(reader, FOLLOWED);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 130 }), (cursor) => {
        const { version, rows } = changes.since(cursor);
        expect(version).toBe(latest);
        const expected = FOLLOWED.flatMap((table) =>
          stored.filter((r) => r.table === table && r.version > cursor),
        );
        expect(rows.map((r) => `${r.table}/${r.id}/${r.deleted}`)).toEqual(
          expected.map((r) => `${r.table}/${r.id}/${r.deleted}`),
        );
        expect(rows.every((r) => r.table !== ('customers' as string))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('sees only committed writes: a push still in its transaction is not read, and is once it commits', () => {
    const changes = new ChangeReader(reader, FOLLOWED);
    const before = changes.since(0);
    sqlite.exec('BEGIN IMMEDIATE');
    write('callbacks', latest + 1);
    const during = changes.since(0);
    expect(during.version).toBe(before.version);
    expect(during.rows).toHaveLength(before.rows.length);
    sqlite.exec('COMMIT');
    const after = changes.since(before.version);
    expect(after.version).toBe(latest);
    expect(after.rows.map((r) => r.id)).toEqual([`callbacks-${latest}`]);
  });
});
