import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchCluster, Dataset } from './dataset';
import { withTimeout } from './stats';

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));

export interface ServerHandle {
  url: string;
  child: ChildProcess;
  /** Current and peak resident memory of the server process. */
  rss(): Promise<{ rssBytes: number; maxRssBytes: number; sockets: number }>;
  stop(): Promise<void>;
}

function forkServer(options: Record<string, unknown>): ChildProcess {
  return fork(CHILD, [JSON.stringify(options)], {
    // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=…" profiles the server (docs/performance.md).
    execArgv: [
      '--import',
      'tsx',
      ...(process.env['BENCH_SERVER_NODE_ARGS']?.split(' ').filter(Boolean) ?? []),
    ],
    // The server's own logs are not BENCH lines: send them to stderr.
    stdio: ['ignore', process.stderr, process.stderr, 'ipc'],
  });
}

function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if ((m as { type?: string }).type === type) {
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as T);
      }
    };
    const onExit = (code: number | null) =>
      reject(new Error(`the server child exited (${code}) before "${type}"`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Seeds a data folder with the server's own demo generator and waits until the seeding server has stopped. */
export async function seedServerData(
  dataDir: string,
  demo: { rows: number; callbackShare?: number },
  scriptsDir: string,
): Promise<number> {
  const child = forkServer({
    dataDir,
    demoRows: demo.rows,
    ...(demo.callbackShare !== undefined ? { demoCallbackShare: demo.callbackShare } : {}),
    scriptsDir,
    lifetimeMs: 240_000,
    seedOnly: true,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const seeded = await withTimeout(nextMessage<{ startMs: number }>(child, 'seeded'), 240_000, 'seeding');
  await withTimeout(exited, 30_000, 'the seeding server stopping');
  return seeded.startMs;
}

/**
 * Starts the real server on an existing (seeded) data folder, on 127.0.0.1 and an
 * ephemeral port; with `cluster`, one node of it on PostgreSQL (`node` names it).
 */
export async function startServerProcess(
  dataDir: string,
  lifetimeMs: number,
  cluster?: BenchCluster,
  node = 0,
  extra: Record<string, unknown> = {},
): Promise<ServerHandle> {
  const onPostgres = cluster
    ? {
        databaseUrl: cluster.databaseUrl,
        sessionSecret: cluster.sessionSecret,
        nodeName: `bench-node-${node}`,
      }
    : {};
  const child = forkServer({ dataDir, demoRows: 0, lifetimeMs, ...onPostgres, ...extra });
  const ready = await withTimeout(nextMessage<{ url: string }>(child, 'ready'), 120_000, 'server start');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: ready.url,
    child,
    rss: () => {
      const answer = nextMessage<{ rssBytes: number; maxRssBytes: number; sockets: number }>(child, 'rss');
      child.send({ type: 'rss' });
      return withTimeout(answer, 10_000, 'server rss');
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop' });
      await withTimeout(exited, 20_000, 'server stop').catch(() => child.kill('SIGKILL'));
    },
  };
}

/** The servers a bench talks to: one node on SQLite, or every node of the data set's PostgreSQL cluster. */
export interface Servers {
  urls: string[];
  /** The first node (where a bench's own changes go). */
  url: string;
  stop(): Promise<void>;
}

export async function startServers(dataset: Dataset, lifetimeMs: number): Promise<Servers> {
  const count = dataset.cluster?.nodes ?? 1;
  const nodes: ServerHandle[] = [];
  // One after the other: the first start migrates (nothing to do on a copied database) under the start-up lock.
  for (let i = 0; i < count; i++)
    nodes.push(await startServerProcess(dataset.dataDir, lifetimeMs, dataset.cluster, i));
  const urls = nodes.map((n) => n.url);
  return {
    urls,
    url: urls[0] as string,
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stop()));
    },
  };
}

/** The figure's name for this data set (prefixed on a PostgreSQL cluster). */
export function figureName(dataset: Dataset, name: string): string {
  return `${dataset.cluster?.figurePrefix ?? ''}${name}`;
}

/** A figure of a data set larger than the default 50k one: `worklist_query_p95` → `worklist_query_p95_200k`. */
export function sizedName(dataset: Dataset, name: string): string {
  const size = dataset.size ?? '50k';
  return size === '50k' ? name : `${name.replace(/_50k$/, '')}_${size}`;
}
