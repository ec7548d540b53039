/**
 * What the benches need to know about the seeded server data, read straight
 * from the server's SQLite file (read-only, while no server runs on it).
 */
import BetterSqlite3 from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SERVER_DB_FILE = 'agent-desk.sqlite';

/** The team whose agents every bench signs in as, and its demo users. */
export const BENCH_TEAM = 'alpha';
export const TEAM_AGENTS = [
  { username: 'tier1.alice', password: 'demo-password-1', tier: 1 },
  { username: 'tier2.carmen', password: 'demo-password-3', tier: 2 },
  { username: 'lead.erin', password: 'demo-password-5', tier: 2 },
] as const;
/** The desktop user of the sync, worklist and memory figures (Tier 2 sees every callback of the team). */
export const DESKTOP_AGENT = TEAM_AGENTS[1];

/**
 * Where the benches' servers run: absent, ONE node on the data folder's SQLite file;
 * present, `nodes` nodes on a PostgreSQL copy of the same rows (copy-to-postgres.ts).
 */
export interface BenchCluster {
  databaseUrl: string;
  sessionSecret: string;
  nodes: number;
  /** Prepended to every figure name (e.g. "pg_"), so both stores' figures appear side by side. */
  figurePrefix: string;
}

/**
 * The team's size a data set holds: "50k" (the default data set: 50,000 callbacks in the
 * bench team) or "200k" (the whole center's open work in one team's scope). Figures of
 * the larger one carry its size in their names.
 */
export type DatasetSize = '50k' | '200k';

export interface Dataset {
  dataDir: string;
  size?: DatasetSize;
  /** Where the 50k first sync writes its time and the 200k one reads it (the growth figure). */
  syncTimeFile?: string;
  cluster?: BenchCluster;
  latestVersion: number;
  counts: Record<string, number>;
  /** Open, unclaimed callbacks of the bench team, by tier; benches take disjoint slices. */
  openTier1: string[];
  openTier2: string[];
}

export function readDataset(dataDir: string): Dataset {
  const db = new BetterSqlite3(join(dataDir, SERVER_DB_FILE), { readonly: true });
  try {
    const latestVersion = (
      db.prepare("SELECT value FROM meta WHERE key = 'version'").get() as { value: number }
    ).value;
    const counts: Record<string, number> = {};
    for (const table of ['customers', 'inquiries', 'callbacks']) {
      counts[table] = (
        db.prepare(`SELECT count(*) AS n FROM ${table} WHERE team = ? AND deleted = 0`).get(BENCH_TEAM) as {
          n: number;
        }
      ).n;
    }
    const open = db
      .prepare(
        `SELECT id, json_extract(data, '$.tier') AS tier FROM callbacks
         WHERE team = ? AND deleted = 0 AND json_extract(data, '$.status') = 'open'
           AND json_extract(data, '$.assigneeId') IS NULL ORDER BY id`,
      )
      .all(BENCH_TEAM) as { id: string; tier: number }[];
    return {
      dataDir,
      latestVersion,
      counts,
      openTier1: open.filter((r) => r.tier === 1).map((r) => r.id),
      openTier2: open.filter((r) => r.tier === 2).map((r) => r.id),
    };
  } finally {
    db.close();
  }
}

export function saveDataset(file: string, dataset: Dataset): void {
  writeFileSync(file, JSON.stringify(dataset));
}

export function loadDataset(file: string): Dataset {
  return JSON.parse(readFileSync(file, 'utf8')) as Dataset;
}
