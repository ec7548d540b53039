/**
 * initial_sync_50k, sync_pulls_per_own_change, worklist_query_p95, customer_search_p95,
 * customer_record_p95 and rss_desktop_50k. This process IS
 * the desktop: a real DesktopCore (cache, outbox, socket.io sync engine) signs
 * in to the real server (a child process) and pulls the team's snapshot.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import {
  CACHE_FILE_NAME,
  createDesktopCore,
  fileKeyProvider,
  type DesktopCore,
} from '../../src/desktop/core';
import { worklistQuerySchema, type WorklistQuery } from '../../src/shared/ipc/views';
import { benchCustomerRecord } from './bench-customer-record';
import { DESKTOP_AGENT, loadDataset } from './lib/dataset';
import { idleNodeRssBytes, MB, memoryLine } from './lib/idle-rss';
import { note, printBench } from './lib/report';
import { figureName, sizedName, startServerProcess } from './lib/server-process';
import { nowMs, percentile, withTimeout } from './lib/stats';

const datasetFile = process.argv[2] as string;
const dataset = loadDataset(datasetFile);
/** The 200k data set measures the sync, the worklist, memory and the start; the rest is the 50k run's. */
const LARGE = (dataset.size ?? '50k') !== '50k';
/** Kept for the frame bench (the run's work folder is removed at the end of `npm run bench`). */
export const DESKTOP_DIR_NAME = 'desktop';
const SYNC_TIMEOUT_MS = 300_000;
/** BENCH_PULL_LIMIT=2000 measures the first sync with the protocol's largest page (docs/performance.md). */
const PULL_LIMIT = Number(process.env['BENCH_PULL_LIMIT'] ?? 0) || undefined;

async function initialSync(core: DesktopCore): Promise<number> {
  const online = new Promise<void>((resolve) => {
    core.events.on('connection', (state) => {
      if (state.state === 'online') resolve();
    });
  });
  const started = nowMs();
  const signedIn = await core.session.signIn({
    username: DESKTOP_AGENT.username,
    password: DESKTOP_AGENT.password,
  });
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.error.message}`);
  await withTimeout(online, SYNC_TIMEOUT_MS, 'the first sync');
  return nowMs() - started;
}

function rawInsertBaselineMs(): number {
  const script = fileURLToPath(new URL('./sync-baseline-insert.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, dataset.dataDir], {
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return Number(run.stdout.trim().split('\n').at(-1));
}

/** The filter / sort / search mixes an agent uses (PRODUCT.md: worklist), at the renderer's page size. */
function worklistQueries(now: number): WorklistQuery[] {
  const page = 200;
  return [
    { scope: 'team', offset: 0, limit: page },
    { scope: 'team', offset: 10_000, limit: page },
    { scope: 'queue', offset: 0, limit: page },
    { scope: 'mine', offset: 0, limit: page },
    {
      scope: 'team',
      status: ['open', 'closed-resolved', 'closed-unable-to-reach'],
      offset: 20_000,
      limit: page,
    },
    { scope: 'team', urgency: ['urgent'], offset: 0, limit: page },
    { scope: 'team', language: ['es'], tier: [2], offset: 0, limit: page },
    { scope: 'team', sla: ['overdue', 'due-today'], offset: 0, limit: page },
    { scope: 'team', dueBefore: now + 86_400_000, offset: 0, limit: page },
    { scope: 'team', secondAttemptPending: true, offset: 0, limit: page },
    { scope: 'team', search: 'garcía', offset: 0, limit: page },
    { scope: 'team', search: 'maria lopez', offset: 0, limit: page },
    { scope: 'team', search: 'EAC', offset: 0, limit: page },
    { scope: 'team', search: '5550142', offset: 0, limit: page },
  ];
}

/**
 * The raw SQL page needs the (status, …, due_at) indexes a SQL worklist would have: the cache
 * no longer keeps them (migration 005; the worklist sorts in memory), so the baseline gets its
 * own for as long as it is timed.
 */
function withRawPageIndexes(core: DesktopCore, run: () => void): void {
  core.store.db.exec(`CREATE INDEX bench_raw_status_due ON callback_index (status, due_at);
    CREATE INDEX bench_raw_status_urgency_due ON callback_index (status, urgency, due_at);`);
  try {
    run();
  } finally {
    core.store.db.exec('DROP INDEX bench_raw_status_due; DROP INDEX bench_raw_status_urgency_due;');
  }
}

/** The raw SQL page: same filter columns and order key, ids + encrypted blobs, no decoding. */
function rawPageMs(core: DesktopCore, offset: number, limit: number, urgency: string | null): number {
  const started = nowMs();
  core.store.db
    .prepare(
      `SELECT page.*, cr.data FROM (
         SELECT * FROM callback_index WHERE status = 'open' ${urgency ? 'AND urgency = @urgency' : ''}
         ORDER BY due_at, id LIMIT @limit OFFSET @offset
       ) page JOIN confirmed_rows cr ON cr.tbl = 'callbacks' AND cr.id = page.id`,
    )
    .all({ offset, limit, ...(urgency ? { urgency } : {}) });
  return nowMs() - started;
}

/** The first page the worklist shows when Agent Desk opens (the team's callbacks, the renderer's page size). */
const FIRST_PAGE = worklistQuerySchema.parse({ scope: 'team', offset: 0, limit: 200 });

/**
 * desktop_start_50k: a desktop core launched on the already-synced cache (key loaded, cache
 * opened and checked, stored session decrypted, sync engine built; the server is gone, as on
 * a desk whose network is not up yet) until the first worklist page is answered. The cache
 * is as the last close left it, with the worklist snapshot that close wrote (checked). The
 * modules are already loaded in this process: the packaged app loads its one bundle before
 * this starts. Baseline: the same file opened with raw better-sqlite3 and one page read.
 * Best of three launches each (the first of a pair warms the OS page cache for the other).
 */
async function desktopStart(dir: string, serverUrl: string): Promise<void> {
  const launches: number[] = [];
  const raws: number[] = [];
  for (let round = 0; round < 3; round++) {
    const started = nowMs();
    const created = await createDesktopCore({
      dataDir: dir,
      serverUrl,
      keyProvider: fileKeyProvider(join(dir, 'cache.key')),
      timers: false,
    });
    if (!created.ok) throw new Error(created.error.message);
    const page = created.value.queries.worklist(FIRST_PAGE);
    launches.push(nowMs() - started);
    const fromSnapshot =
      created.value.store.db.prepare('SELECT 1 FROM worklist_snapshot_valid').get() !== undefined;
    await created.value.close();
    if (!page.ok) throw new Error(page.error.message);
    if (!fromSnapshot) throw new Error('the launch did not find the worklist snapshot the last close wrote');
    if (page.value.rows.length !== FIRST_PAGE.limit)
      throw new Error(`first page has ${page.value.rows.length} rows`);

    const rawStarted = nowMs();
    const db = new BetterSqlite3(join(dir, CACHE_FILE_NAME), { readonly: true });
    db.prepare(
      `SELECT page.*, cr.data FROM (SELECT * FROM callback_index ORDER BY due_at, id LIMIT 200) page
       JOIN confirmed_rows cr ON cr.tbl = 'callbacks' AND cr.id = page.id`,
    ).all();
    db.close();
    raws.push(nowMs() - rawStarted);
  }
  note(
    `desktop start on the synced cache: ${launches.map((ms) => ms.toFixed(0)).join(', ')} ms; raw open + page ${raws.map((ms) => ms.toFixed(1)).join(', ')} ms`,
  );
  printBench({
    name: sizedName(dataset, 'desktop_start_50k'),
    value: Math.min(...launches),
    unit: 'ms',
    baseline: Math.min(...raws),
    goal: LARGE ? 'report' : '<=1000ms',
  });
}

/** Changes made for sync_pulls_per_own_change; the poke of one arrives before the next is made. */
const OWN_CHANGES = 10;
/** Longer than the server's poke gap (200 ms): each change's poke, folded or not, has arrived. */
const POKE_SETTLE_MS = 500;

/**
 * How many pulls one change made on this desktop costs it: the pull after its push
 * (which brings the change back confirmed) is the baseline; the team's poke for the
 * same change used to cost a second one.
 */
async function ownChangePulls(core: DesktopCore, callbackId: string): Promise<void> {
  let pulls = 0;
  const apply = core.store.applyPull.bind(core.store);
  core.store.applyPull = (page, contextFor) => {
    pulls += 1;
    return apply(page, contextFor);
  };
  try {
    for (let round = 0; round < OWN_CHANGES; round++) {
      const channel = round % 2 === 0 ? 'callback.claim' : 'callback.release';
      const changed = core.commands.run(channel, { callbackId });
      if (!changed.ok) throw new Error(`own change failed: ${changed.error.message}`);
      // The command started the push and the pull after it; then the team's poke arrives.
      await core.whenSyncIdle();
      await new Promise((resolve) => setTimeout(resolve, POKE_SETTLE_MS));
      await core.whenSyncIdle();
    }
  } finally {
    core.store.applyPull = apply;
  }
  note(`own changes: ${OWN_CHANGES} claims/releases cost ${pulls} pulls`);
  printBench({
    name: 'sync_pulls_per_own_change',
    value: pulls / OWN_CHANGES,
    unit: 'pulls',
    baseline: 1,
    goal: '<=1x',
  });
}

async function main(): Promise<void> {
  // On a PostgreSQL cluster only the first sync is measured (from one of its nodes).
  const server = await startServerProcess(dataset.dataDir, 420_000, dataset.cluster);
  const dir = join(dirname(datasetFile), DESKTOP_DIR_NAME);
  rmSync(dir, { recursive: true, force: true });
  let core: DesktopCore | undefined;
  try {
    const created = await createDesktopCore({
      dataDir: dir,
      serverUrl: server.url,
      keyProvider: fileKeyProvider(join(dir, 'cache.key')),
      timers: false,
      ...(PULL_LIMIT ? { pullLimit: PULL_LIMIT } : {}),
    });
    if (!created.ok) throw new Error(created.error.message);
    core = created.value;
    const syncMs = await initialSync(core);
    const counts = core.store.db
      .prepare('SELECT tbl, count(*) AS n FROM confirmed_rows GROUP BY tbl')
      .all() as { tbl: string; n: number }[];
    const total = counts.reduce((s, c) => s + c.n, 0);
    note(
      `initial sync: ${total} rows (${counts.map((c) => `${c.tbl} ${c.n}`).join(', ')}) in ${syncMs.toFixed(0)} ms`,
    );
    note(memoryLine('after the first sync'));
    if (!LARGE) await ownChangePulls(core, dataset.openTier2[0] as string);
    await server.stop();
    const baselineMs = rawInsertBaselineMs();
    printBench({
      name: sizedName(dataset, figureName(dataset, 'initial_sync_50k')),
      value: syncMs,
      unit: 'ms',
      baseline: baselineMs,
      goal: '<=3x',
    });
    if (dataset.cluster) return;
    if (dataset.syncTimeFile && !LARGE) writeFileSync(dataset.syncTimeFile, String(syncMs));
    if (LARGE) {
      // How the first sync grows from 50k to 200k callbacks (4× the rows): linear is 4×.
      const smaller =
        dataset.syncTimeFile && existsSync(dataset.syncTimeFile)
          ? Number(readFileSync(dataset.syncTimeFile, 'utf8'))
          : NaN;
      if (Number.isNaN(smaller))
        note('initial_sync_200k_vs_50k: the 50k first sync did not run in this bench run');
      printBench({
        name: 'initial_sync_200k_vs_50k',
        value: syncMs,
        unit: 'ms',
        baseline: smaller,
        goal: '<=4.5x',
      });
    }

    // Worklist: every query once cold (the first search builds the in-memory search index), then measured.
    const callbacks = (
      core.store.db.prepare('SELECT count(*) AS n FROM callback_index').get() as { n: number }
    ).n;
    const queries = worklistQueries(core.session.serverNow()).map((q) => worklistQuerySchema.parse(q));
    for (const q of queries) {
      const started = nowMs();
      const page = core.queries.worklist(q);
      if (!page.ok) throw new Error(page.error.message);
      note(
        `worklist cold ${JSON.stringify({ ...q, limit: undefined })}: ${(nowMs() - started).toFixed(1)} ms, ${page.value.total} rows`,
      );
    }
    const times: number[] = [];
    const raw: number[] = [];
    const synced = core;
    withRawPageIndexes(synced, () => {
      const deadline = nowMs() + 45_000;
      for (let round = 0; round < 30 && nowMs() < deadline; round++) {
        for (const q of queries) {
          const started = nowMs();
          synced.queries.worklist(q);
          times.push(nowMs() - started);
          raw.push(rawPageMs(synced, q.offset, q.limit, q.urgency?.[0] ?? null));
        }
      }
    });
    note(
      `worklist over ${callbacks} cached callbacks: ${times.length} queries, p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(1)} ms; raw p95 ${percentile(raw, 95).toFixed(2)} ms`,
    );
    printBench({
      name: sizedName(dataset, 'worklist_query_p95'),
      value: percentile(times, 95),
      unit: 'ms',
      baseline: percentile(raw, 95),
      goal: 'p95<16ms',
    });

    note(memoryLine('after the worklist queries'));
    if (!LARGE) afterChangeAndRecord(core, queries, raw);
    note(memoryLine('at the end'));

    const peak = process.resourceUsage().maxRSS * 1024;
    const idle = idleNodeRssBytes();
    note(
      `desktop core peak RSS ${(peak / MB).toFixed(0)} MB (current ${(process.memoryUsage().rss / MB).toFixed(0)} MB), idle node ${(idle / MB).toFixed(0)} MB`,
    );
    printBench({
      name: sizedName(dataset, 'rss_desktop_50k'),
      value: peak / MB,
      unit: 'MB',
      baseline: idle / MB,
      goal: LARGE ? 'report' : '<=250MB',
    });
    const closing = nowMs();
    await core.close();
    note(`desktop core closed in ${(nowMs() - closing).toFixed(0)} ms (it writes the worklist snapshot)`);
    core = undefined;
    await desktopStart(dir, server.url);
  } finally {
    await core?.close();
    await server.stop();
  }
}

/** worklist_query_after_change_p95, then the customer search and record figures. */
function afterChangeAndRecord(
  core: DesktopCore,
  queries: ReturnType<typeof worklistQuerySchema.parse>[],
  raw: number[],
): void {
  // The same queries right after the data changed (a claim / release on this desktop, as a
  // poke's pull would change it): cached answers are dropped, so this is the miss path.
  const afterChange: number[] = [];
  const churned = dataset.openTier2[0] as string;
  for (let round = 0; round < 10; round++) {
    const changed =
      round % 2 === 0
        ? core.commands.run('callback.claim', { callbackId: churned })
        : core.commands.run('callback.release', { callbackId: churned });
    if (!changed.ok) throw new Error(`local change failed: ${changed.error.message}`);
    for (const q of queries) {
      const started = nowMs();
      core.queries.worklist(q);
      afterChange.push(nowMs() - started);
    }
  }
  note(
    `worklist right after a data change: ${afterChange.length} queries, p50 ${percentile(afterChange, 50).toFixed(2)} ms, p95 ${percentile(afterChange, 95).toFixed(2)} ms, max ${Math.max(...afterChange).toFixed(1)} ms`,
  );
  printBench({
    name: 'worklist_query_after_change_p95',
    value: percentile(afterChange, 95),
    unit: 'ms',
    baseline: percentile(raw, 95),
    goal: 'report',
  });

  // Where the peak comes from (docs/performance.md, "Memory"): the sync and worklist, or the customer directory.
  const peakBefore = (process.resourceUsage().maxRSS * 1024) / MB;
  note(`desktop core peak RSS before the customer search: ${peakBefore.toFixed(0)} MB`);
  benchCustomerRecord(core);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    note(`bench-sync failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
