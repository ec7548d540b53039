/**
 * `npm run bench`: seeds a real server's data folder with the server's own demo
 * generator, then runs each bench in its own child process (bounded in time)
 * and prints exactly one BENCH line per figure on stdout — a figure whose bench
 * failed or timed out is printed with value=NaN, and the reason goes to stderr.
 *
 * BENCH_ONLY=sync,push,... runs a subset (development); sync200k the 200,000-callback set;
 * pg every PostgreSQL phase, pg-push / pg-fanout / pg-sync / pg-load one of them.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedCluster, type EmbeddedCluster } from '../support/postgres/embedded-cluster';
import { createTestDatabase } from '../support/postgres/test-database';
import { copySqliteToPostgres } from './lib/copy-to-postgres';
import { readDataset, saveDataset, type Dataset } from './lib/dataset';
import { note, printBench } from './lib/report';
import { seedServerData } from './lib/server-process';

/**
 * The demo generator with every inquiry ending in a callback writes 3 rows per inquiry
 * (customer, inquiry, callback), alternating between two teams: 300,000 rows give the
 * bench team (alpha) exactly 50,000 inquiries, 50,000 customers and 50,000 callbacks.
 */
const DEMO = { rows: 300_000, callbackShare: 1 };
/** Four times that: 200,000 callbacks in the bench team, the whole center's open work in one scope. */
const DEMO_200K = { rows: 1_200_000, callbackShare: 1 };
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

interface Phase {
  key: string;
  script: string;
  figures: { name: string; unit: string; goal: string }[];
  timeoutMs: number;
}

const PHASES: Phase[] = [
  {
    key: 'sync',
    script: 'bench-sync.ts',
    timeoutMs: 360_000,
    figures: [
      { name: 'initial_sync_50k', unit: 'ms', goal: '<=3x' },
      { name: 'sync_pulls_per_own_change', unit: 'pulls', goal: '<=1x' },
      { name: 'worklist_query_p95', unit: 'ms', goal: 'p95<16ms' },
      { name: 'worklist_query_after_change_p95', unit: 'ms', goal: 'report' },
      { name: 'customer_search_p95', unit: 'ms', goal: 'p95<16.7ms' },
      { name: 'customer_record_p95', unit: 'ms', goal: 'p95<16.7ms' },
      { name: 'rss_desktop_50k', unit: 'MB', goal: '<=250MB' },
      { name: 'desktop_start_50k', unit: 'ms', goal: '<=1000ms' },
    ],
  },
  {
    key: 'push',
    script: 'bench-push.ts',
    timeoutMs: 200_000,
    figures: [
      { name: 'push_one_desktop', unit: 'mutations/s', goal: '>=1x' },
      { name: 'push_100_desktops', unit: 'mutations/s', goal: '>=1x' },
      { name: 'push_ack_p99', unit: 'ms', goal: 'report' },
    ],
  },
  {
    key: 'fanout',
    script: 'bench-fanout.ts',
    timeoutMs: 120_000,
    figures: [
      { name: 'fanout_p50', unit: 'ms', goal: 'report' },
      { name: 'fanout_p99', unit: 'ms', goal: 'p99<100ms' },
    ],
  },
  {
    key: 'screenpop',
    script: 'bench-screen-pop.ts',
    timeoutMs: 330_000,
    figures: [{ name: 'screen_pop_p99', unit: 'ms', goal: 'p99<1000ms' }],
  },
  {
    key: 'load',
    script: 'bench-load.ts',
    timeoutMs: 360_000,
    figures: [
      { name: 'load_1000_agents', unit: 'ms', goal: 'report' },
      { name: 'load_1000_agents_errors', unit: 'errors', goal: '0' },
    ],
  },
  {
    key: 'rss',
    script: 'bench-rss-server.ts',
    timeoutMs: 120_000,
    figures: [{ name: 'rss_server_1000', unit: 'MB', goal: 'report' }],
  },
  {
    key: 'frame',
    script: 'bench-frame.ts',
    timeoutMs: 180_000,
    figures: [{ name: 'worklist_frame_p95', unit: 'ms', goal: 'p95<16.7ms' }],
  },
];

/**
 * The desktop at 200,000 callbacks (`BENCH_ONLY=sync200k`), on its own seeded data folder:
 * the first sync (and how it grows from the 50k one of this run), the worklist queries,
 * memory, the start, and the scrolling frames.
 */
const LARGE_PHASES: Phase[] = [
  {
    key: 'sync200k',
    script: 'bench-sync.ts',
    timeoutMs: 900_000,
    figures: [
      { name: 'initial_sync_200k', unit: 'ms', goal: '<=3x' },
      { name: 'initial_sync_200k_vs_50k', unit: 'ms', goal: '<=4.5x' },
      { name: 'worklist_query_p95_200k', unit: 'ms', goal: 'p95<16ms' },
      { name: 'rss_desktop_200k', unit: 'MB', goal: 'report' },
      { name: 'desktop_start_200k', unit: 'ms', goal: 'report' },
    ],
  },
  {
    key: 'sync200k',
    script: 'bench-frame.ts',
    timeoutMs: 240_000,
    figures: [{ name: 'worklist_frame_p95_200k', unit: 'ms', goal: 'p95<16.7ms' }],
  },
];

/**
 * The same benches on PostgreSQL with two server nodes (`BENCH_ONLY=pg`): the data set
 * copied into an embedded PostgreSQL 17 (BENCH_DATABASE_URL: a server of yours, whose
 * role may create databases), figures prefixed `pg_`.
 */
const PG_PHASES: Phase[] = [
  {
    key: 'pg-push',
    script: 'bench-push.ts',
    timeoutMs: 200_000,
    figures: [
      { name: 'pg_push_100_desktops_1_node', unit: 'mutations/s', goal: 'report' },
      { name: 'pg_push_100_desktops_2_nodes', unit: 'mutations/s', goal: 'report' },
      { name: 'pg_push_scaling_1_to_2_nodes', unit: 'mutations/s', goal: 'report' },
      { name: 'pg_push_ack_p99_2_nodes', unit: 'ms', goal: 'report' },
    ],
  },
  {
    key: 'pg-fanout',
    script: 'bench-fanout.ts',
    timeoutMs: 180_000,
    figures: [
      { name: 'pg_fanout_p50', unit: 'ms', goal: 'report' },
      { name: 'pg_fanout_p99', unit: 'ms', goal: 'p99<100ms' },
    ],
  },
  {
    key: 'pg-sync',
    script: 'bench-sync.ts',
    timeoutMs: 240_000,
    figures: [{ name: 'pg_initial_sync_50k', unit: 'ms', goal: '<=3x' }],
  },
  {
    key: 'pg-load',
    script: 'bench-load.ts',
    timeoutMs: 420_000,
    figures: [
      { name: 'pg_load_2000_agents', unit: 'ms', goal: 'report' },
      { name: 'pg_load_2000_agents_errors', unit: 'errors', goal: '0' },
    ],
  },
];

/** The data set's rows in a PostgreSQL database for two nodes; returns the data set file and what to stop. */
async function postgresDataset(
  dataset: Dataset,
  work: string,
): Promise<{ file: string; stop: () => Promise<void> }> {
  let cluster: EmbeddedCluster | undefined;
  const adminUrl = process.env['BENCH_DATABASE_URL'] ?? (cluster = await startEmbeddedCluster()).url;
  const database = await createTestDatabase(adminUrl, 'agent_desk_bench');
  const started = performance.now();
  const rows = await copySqliteToPostgres(dataset.dataDir, database.url);
  note(`copied ${rows} rows into PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const file = join(work, 'dataset-pg.json');
  saveDataset(file, {
    ...dataset,
    cluster: {
      databaseUrl: database.url,
      sessionSecret: 'bench-session-secret-shared-by-every-node',
      nodes: 2,
      figurePrefix: 'pg_',
    },
  });
  return {
    file,
    stop: async () => {
      await database.drop().catch(() => undefined);
      await cluster?.destroy();
    },
  };
}

/** Seeds the 200k data folder (under `work/200k`) and runs the phases of that size. */
async function runLarge(work: string, syncTimeFile: string, only: string[] | undefined): Promise<void> {
  const dir = join(work, '200k');
  const dataDir = join(dir, 'server');
  mkdirSync(dir, { recursive: true });
  const seedMs = await seedServerData(dataDir, DEMO_200K, join(ROOT, 'resources/scripts'));
  const large = readDataset(dataDir);
  note(
    `seeded ${DEMO_200K.rows} demo rows in ${(seedMs / 1000).toFixed(1)} s; team alpha: ${JSON.stringify(large.counts)}`,
  );
  const file = join(dir, 'dataset.json');
  saveDataset(file, { ...large, size: '200k', syncTimeFile });
  await runPhases(LARGE_PHASES, file, only);
  rmSync(dataDir, { recursive: true, force: true });
}

/** Runs the phases `only` selects, printing NaN for every figure a phase did not report. */
async function runPhases(phases: Phase[], datasetFile: string, only: string[] | undefined): Promise<void> {
  for (const phase of phases) {
    if (only && !only.includes(phase.key) && !(phase.key.startsWith('pg-') && only.includes('pg'))) continue;
    const phaseStart = performance.now();
    const printed = await runPhase(phase, datasetFile);
    note(`${phase.key} (${phase.script}): ${((performance.now() - phaseStart) / 1000).toFixed(1)} s`);
    for (const f of phase.figures) {
      if (printed.has(f.name)) continue;
      note(`${f.name}: not measured (the ${phase.key} bench did not report it; see its messages above)`);
      printBench({ name: f.name, value: NaN, unit: f.unit, baseline: NaN, goal: f.goal });
    }
  }
}

/** Runs one bench child; forwards its BENCH lines, returns the names it printed. */
function runPhase(phase: Phase, datasetFile: string): Promise<Set<string>> {
  return new Promise((done) => {
    const printed = new Set<string>();
    const child = spawn(
      process.execPath,
      [
        // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=…" profiles the bench processes (docs/performance.md).
        ...(process.env['BENCH_NODE_ARGS']?.split(' ').filter(Boolean) ?? []),
        '--import',
        'tsx',
        join(ROOT, 'tests/bench', phase.script),
        datasetFile,
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
        detached: false,
      },
    );
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.startsWith('BENCH ')) {
          process.stdout.write(`${line}\n`);
          printed.add(line.split(' ')[1] as string);
        } else if (line.trim()) process.stderr.write(`${line}\n`);
      }
    });
    const timer = setTimeout(() => {
      note(`${phase.key}: over its ${phase.timeoutMs / 1000} s budget, stopping it`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    }, phase.timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) note(`${phase.key}: exited with ${code ?? signal}`);
      done(printed);
    });
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const only = process.env['BENCH_ONLY']?.split(',').map((s) => s.trim());
  note(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`,
  );
  const work = mkdtempSync(join(tmpdir(), 'agent-desk-bench-'));
  const dataDir = join(work, 'server');
  try {
    const seedMs = await seedServerData(dataDir, DEMO, join(ROOT, 'resources/scripts'));
    const dataset = readDataset(dataDir);
    note(
      `seeded ${DEMO.rows} demo rows in ${(seedMs / 1000).toFixed(1)} s; team alpha: ${JSON.stringify(dataset.counts)}, open unclaimed callbacks: tier 1 ${dataset.openTier1.length}, tier 2 ${dataset.openTier2.length}`,
    );
    const datasetFile = join(work, 'dataset.json');
    const syncTimeFile = join(work, 'initial-sync-50k.ms');
    saveDataset(datasetFile, { ...dataset, syncTimeFile });
    await runPhases(PHASES, datasetFile, only);
    if (!only || only.includes('sync200k')) await runLarge(work, syncTimeFile, only);
    if (!only || only.some((key) => key === 'pg' || key.startsWith('pg-'))) {
      const pg = await postgresDataset(dataset, work);
      try {
        await runPhases(PG_PHASES, pg.file, only);
      } finally {
        await pg.stop();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    note(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
}

main().catch((error: unknown) => {
  note(`bench run failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
