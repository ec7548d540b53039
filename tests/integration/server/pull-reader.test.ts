import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  migrateToLatest,
  openDatabase,
  openReadConnection,
  type Db,
  type ReadDb,
} from '../../../src/server/storage/database';
import { PullReader, type PullScope } from '../../../src/server/storage/pull-reader';
import { GLOBAL_TEAM, type TableName } from '../../../src/shared/sync/rows';

interface Stored {
  table: TableName;
  id: string;
  team: string;
  version: number;
  deleted: boolean;
}

const TABLES: TableName[] = ['users', 'customers', 'inquiries', 'callbacks', 'presence', 'scripts'];
const TEAMS = ['alpha', 'bravo', GLOBAL_TEAM];

// The page is one merged statement over every (table, team) arm: these tests
// page through interleaved rows of several tables and teams and compare with a
// plain filter of what was stored.
describe('PullReader.page', () => {
  let dir: string;
  let db: Db;
  let reader: ReadDb;
  let pull: PullReader;
  const stored: Stored[] = [];
  const prepared: string[] = [];
  let latest = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agent-desk-pull-reader-'));
    const file = join(dir, 'db.sqlite');
    db = openDatabase(file);
    expect((await migrateToLatest(db)).ok).toBe(true);
    // The test's own writer connection: rows go in as stored bytes, past storage's API.
    const sqlite = new BetterSqlite3(file);
    // Versions are unique and interleave tables and teams; a gap at the end (meta ahead of rows) is allowed.
    for (let version = 1; version <= 180; version++) {
      const table = TABLES[(version * 7) % TABLES.length] as TableName;
      const team = table === 'scripts' ? GLOBAL_TEAM : (TEAMS[(version * 5) % TEAMS.length] as string);
      const id = `${table}-${version}`;
      const deleted = table !== 'users' && version % 11 === 0;
      const data = JSON.stringify({ id, team, note: `row ${version}`, version: 0 });
      if (table === 'users') {
        sqlite
          .prepare(
            'insert into users (id, team, version, deleted, data, username, password_hash) values (?, ?, ?, 0, ?, ?, ?)',
          )
          .run(id, team, version, data, `user.${version}`, 'x');
      } else {
        sqlite
          .prepare(`insert into "${table}" (id, team, version, deleted, data) values (?, ?, ?, ?, ?)`)
          .run(id, team, version, deleted ? 1 : 0, data);
      }
      stored.push({ table, id, team, version, deleted });
    }
    latest = 185;
    sqlite.prepare("update meta set value = ? where key = 'version'").run(latest);
    sqlite.close();
    reader = openReadConnection(file);
    const prepare = reader.prepare.bind(reader);
    reader.prepare = ((source: string) => {
      prepared.push(source);
      return prepare(source);
    }) as typeof reader.prepare;
    pull = new PullReader(reader);
  });
  afterAll(async () => {
    reader.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const inScope = (scope: PullScope, row: Stored) =>
    (scope.everyTeam?.includes(row.table) ?? false) || row.team === scope.team || row.team === GLOBAL_TEAM;

  const pageAll = (scope: PullScope, from: number, limit: number) => {
    const rows = [];
    let cursor = from;
    for (let pages = 0; pages < 1000; pages++) {
      const page = pull.snapshot(() => pull.page(scope, cursor, limit, pull.currentVersion()));
      expect(page.rows.length).toBeLessThanOrEqual(limit);
      rows.push(...page.rows);
      cursor = page.cursor;
      if (!page.more) return { rows, cursor };
    }
    throw new Error('paging did not end');
  };

  it('delivers every row in scope once, oldest first, whatever the page size and start', () => {
    const scopes: PullScope[] = [
      { team: 'alpha' },
      { team: 'bravo' },
      { team: GLOBAL_TEAM, everyTeam: ['users'] },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...scopes),
        fc.integer({ min: 0, max: 190 }),
        fc.integer({ min: 1, max: 40 }),
        (scope, from, limit) => {
          const { rows, cursor } = pageAll(scope, from, limit);
          const expected = stored.filter((r) => r.version > from && inScope(scope, r));
          expect(rows.map((r) => `${r.table}/${r.id}@${r.version}`)).toEqual(
            expected.map((r) => `${r.table}/${r.id}@${r.version}`),
          );
          expect(cursor).toBe(Math.max(from, latest));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the wire shape: the stored data with the row version, null data for a deletion', () => {
    const { rows } = pageAll({ team: 'alpha' }, 0, 500);
    const live = rows.find((r) => !r.deleted);
    const gone = rows.find((r) => r.deleted);
    expect(live).toEqual({
      table: live?.table,
      id: live?.id,
      version: live?.version,
      deleted: false,
      data: { id: live?.id, team: expect.any(String), note: `row ${live?.version}`, version: live?.version },
    });
    expect(gone).toEqual({
      table: gone?.table,
      id: gone?.id,
      version: gone?.version,
      deleted: true,
      data: null,
    });
  });

  it('ends a page at its last row while more wait, and at the current version after the last one', () => {
    const first = pull.snapshot(() => pull.page({ team: 'alpha' }, 0, 3, latest));
    expect(first.more).toBe(true);
    expect(first.cursor).toBe(first.rows.at(-1)?.version);
    const tail = pull.snapshot(() => pull.page({ team: 'alpha' }, 180, 3, latest));
    expect(tail).toEqual({ rows: [], cursor: latest, more: false });
  });

  it('reads a page from ordered index ranges, never sorting the rest of a table', () => {
    pull.snapshot(() => pull.page({ team: 'alpha' }, 0, 2, latest));
    const pageSql = prepared.filter((source) => source.includes('union all'));
    expect(pageSql.length).toBeGreaterThan(0);
    for (const source of pageSql) {
      const plan = reader
        .prepare(`explain query plan ${source}`)
        .all(...Array.from({ length: (source.match(/\?/g) ?? []).length }, () => 0)) as { detail: string }[];
      expect(plan.map((step) => step.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
    }
  });
});
