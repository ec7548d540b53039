/**
 * Baseline of initial_sync_50k: the same rows the desktop pulled (the bench
 * team's and the global ones, read from the server's file) inserted with raw
 * better-sqlite3 into a fresh file with the cache's journal settings, in ONE
 * transaction. Prints the insert time in ms (and nothing else) on stdout.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLE_NAMES } from '../../src/shared/sync/rows';
import { BENCH_TEAM, SERVER_DB_FILE } from './lib/dataset';

const dataDir = process.argv[2] as string;
const source = new BetterSqlite3(join(dataDir, SERVER_DB_FILE), { readonly: true });
const rows: { tbl: string; id: string; version: number; team: string; data: string }[] = [];
for (const table of TABLE_NAMES) {
  const found = source
    .prepare(`SELECT id, version, team, data FROM ${table} WHERE deleted = 0 AND team IN (?, '*')`)
    .all(BENCH_TEAM) as { id: string; version: number; team: string; data: string }[];
  for (const r of found) rows.push({ tbl: table, ...r });
}
source.close();

const dir = mkdtempSync(join(tmpdir(), 'agent-desk-bench-raw-'));
try {
  const db = new BetterSqlite3(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE confirmed_rows (tbl TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
    team TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (tbl, id))`);
  const insert = db.prepare(
    'INSERT INTO confirmed_rows (tbl, id, version, team, data) VALUES (?, ?, ?, ?, ?)',
  );
  const started = performance.now();
  db.transaction(() => {
    for (const r of rows) insert.run(r.tbl, r.id, r.version, r.team, r.data);
  })();
  const ms = performance.now() - started;
  db.close();
  process.stderr.write(`[bench] raw insert: ${rows.length} rows in ${ms.toFixed(0)} ms\n`);
  process.stdout.write(`${ms}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
