/**
 * push_one_desktop, push_100_desktops, push_ack_p99: acknowledged mutations per
 * second through the real push protocol, the way SyncEngine sends them — one
 * batch of up to 100 in flight per desktop, the next after the ack. Each batch
 * claims and releases 50 callbacks of the desktop's own slice, so every
 * mutation is applied (and every push pokes the team). Baseline: a bare
 * socket.io server answering acknowledged messages, same client pattern.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { loadDataset, TEAM_AGENTS } from './lib/dataset';
import { connect, connectMany, request, signIn } from './lib/protocol-client';
import { connectRaw, startRawServer } from './lib/raw-echo';
import { note, printBench } from './lib/report';
import { figureName, startServerProcess } from './lib/server-process';
import { nowMs, percentile } from './lib/stats';

const dataset = loadDataset(process.argv[2] as string);
const CALLBACKS_PER_DESKTOP = 50;
const DESKTOPS = 100;
const ONE_DESKTOP_MS = 5_000;
const MANY_DESKTOPS_MS = 8_000;
const MAX_BATCHES_PER_DESKTOP = 2_000;
/** 100 desktops × 100 mutations queue on the server's one connection: allow a slow machine to drain them. */
const PUSH_ACK_TIMEOUT_MS = 120_000;

interface Desktop {
  socket: Socket;
  clientId: string;
  callbacks: string[];
  seq: number;
}

interface Tally {
  acked: number;
  applied: number;
  rejected: number;
  latencies: number[];
}

function batchFor(desktop: Desktop): { id: string; seq: number; name: string; args: unknown }[] {
  return desktop.callbacks.flatMap((callbackId) => [
    { id: randomUUID(), seq: ++desktop.seq, name: 'callback.claim@1', args: { callbackId } },
    { id: randomUUID(), seq: ++desktop.seq, name: 'callback.release@1', args: { callbackId } },
  ]);
}

async function pushLoop(desktop: Desktop, until: number, tally: Tally): Promise<void> {
  for (let i = 0; i < MAX_BATCHES_PER_DESKTOP && nowMs() < until; i++) {
    const mutations = batchFor(desktop);
    const started = nowMs();
    const answer = await request<{ results: { status: string; error?: { code: string } }[] }>(
      desktop.socket,
      'push',
      { clientId: desktop.clientId, mutations },
      PUSH_ACK_TIMEOUT_MS,
    );
    tally.latencies.push(nowMs() - started);
    if (!answer.ok || !answer.value)
      throw new Error(`push refused: ${answer.error?.code} ${answer.error?.message}`);
    tally.acked += answer.value.results.length;
    for (const r of answer.value.results) {
      if (r.status === 'applied') tally.applied += 1;
      else if (r.status === 'rejected') tally.rejected += 1;
    }
  }
}

async function rawLoop(socket: Socket, until: number, tally: Tally): Promise<void> {
  for (let i = 0; i < 1_000_000 && nowMs() < until; i++) {
    const started = nowMs();
    await request(socket, 'echo', { n: i });
    tally.latencies.push(nowMs() - started);
    tally.acked += 1;
  }
}

const emptyTally = (): Tally => ({ acked: 0, applied: 0, rejected: 0, latencies: [] });

async function measureRaw(): Promise<{ one: Tally & { ms: number }; many: Tally & { ms: number } }> {
  const raw = await startRawServer(120_000);
  try {
    const sockets = await connectMany(DESKTOPS, 20, () => connectRaw(raw.url));
    const one = emptyTally();
    let started = nowMs();
    await rawLoop(sockets[0] as Socket, started + ONE_DESKTOP_MS / 2, one);
    const oneMs = nowMs() - started;
    const many = emptyTally();
    started = nowMs();
    await Promise.all(sockets.map((s) => rawLoop(s, started + MANY_DESKTOPS_MS / 2, many)));
    const manyMs = nowMs() - started;
    for (const s of sockets) s.disconnect();
    return { one: { ...one, ms: oneMs }, many: { ...many, ms: manyMs } };
  } finally {
    await raw.stop();
  }
}

/** Signs in the bench agents on `urls[0]` and connects `count` desktops, spread over `urls`, each with its own slice. */
async function connectDesktops(urls: readonly string[], count: number): Promise<Desktop[]> {
  const pool = dataset.openTier1;
  if (pool.length < count * CALLBACKS_PER_DESKTOP)
    throw new Error(`only ${pool.length} open callbacks to push against`);
  const agents = [TEAM_AGENTS[1], TEAM_AGENTS[2]];
  const sessions = await Promise.all(agents.map((a) => signIn(urls[0] as string, a.username, a.password)));
  const desktops: Desktop[] = [];
  await connectMany(count, 20, (i) => {
    const clientId = `bench-push-${i}-${randomUUID()}`;
    const session = sessions[i % sessions.length] as { token: string };
    return connect(urls[i % urls.length] as string, session.token, clientId).then((socket) => {
      desktops[i] = {
        socket,
        clientId,
        callbacks: pool.slice(i * CALLBACKS_PER_DESKTOP, (i + 1) * CALLBACKS_PER_DESKTOP),
        seq: 0,
      };
      return socket;
    });
  });
  return desktops;
}

/** DESKTOPS desktops spread over `urls` pushing at once for MANY_DESKTOPS_MS: mutations/s and batch latencies. */
async function pushFromMany(urls: readonly string[], what: string): Promise<Tally & { rate: number }> {
  const desktops = await connectDesktops(urls, DESKTOPS);
  const many = emptyTally();
  const started = nowMs();
  await Promise.all(desktops.map((d) => pushLoop(d, started + MANY_DESKTOPS_MS, many)));
  const rate = (many.acked / (nowMs() - started)) * 1000;
  note(
    `push ${DESKTOPS} desktops, ${what}: ${many.acked} acked (${many.applied} applied, ${many.rejected} rejected) at ${rate.toFixed(0)}/s, batch ack p50 ${percentile(many.latencies, 50).toFixed(1)} ms, p99 ${percentile(many.latencies, 99).toFixed(1)} ms`,
  );
  for (const d of desktops) d.socket.disconnect();
  return { ...many, rate };
}

async function main(): Promise<void> {
  if (dataset.cluster) return clusterMain();
  const raw = await measureRaw();
  const rawOne = (raw.one.acked / raw.one.ms) * 1000;
  const rawMany = (raw.many.acked / raw.many.ms) * 1000;
  note(
    `raw socket.io acks: one client ${rawOne.toFixed(0)}/s (p99 ${percentile(raw.one.latencies, 99).toFixed(2)} ms), ${DESKTOPS} clients ${rawMany.toFixed(0)}/s (p99 ${percentile(raw.many.latencies, 99).toFixed(2)} ms)`,
  );

  const server = await startServerProcess(dataset.dataDir, 190_000);
  try {
    const [single] = await connectDesktops([server.url], 1);
    const one = emptyTally();
    const started = nowMs();
    await pushLoop(single as Desktop, started + ONE_DESKTOP_MS, one);
    const oneRate = (one.acked / (nowMs() - started)) * 1000;
    single?.socket.disconnect();
    note(
      `push one desktop: ${one.acked} acked (${one.applied} applied, ${one.rejected} rejected) at ${oneRate.toFixed(0)}/s, batch ack p50 ${percentile(one.latencies, 50).toFixed(1)} ms, p99 ${percentile(one.latencies, 99).toFixed(1)} ms`,
    );
    printBench({
      name: 'push_one_desktop',
      value: oneRate,
      unit: 'mutations/s',
      baseline: rawOne,
      goal: '>=1x',
    });
    const many = await pushFromMany([server.url], 'one SQLite node');
    printBench({
      name: 'push_100_desktops',
      value: many.rate,
      unit: 'mutations/s',
      baseline: rawMany,
      goal: '>=1x',
    });
    printBench({
      name: 'push_ack_p99',
      value: percentile(many.latencies, 99),
      unit: 'ms',
      baseline: percentile(raw.many.latencies, 99),
      goal: 'report',
    });
  } finally {
    await server.stop();
  }
}

/**
 * On a PostgreSQL cluster: the same 100-desktop push against one SQLite node (the
 * baseline, measured here in the same run), one PostgreSQL node and two.
 */
async function clusterMain(): Promise<void> {
  const cluster = dataset.cluster as NonNullable<typeof dataset.cluster>;
  const sqlite = await startServerProcess(dataset.dataDir, 180_000);
  const onSqlite = await pushFromMany([sqlite.url], 'one SQLite node (baseline)').finally(() =>
    sqlite.stop(),
  );
  const a = await startServerProcess(dataset.dataDir, 120_000, cluster, 0);
  try {
    const onOne = await pushFromMany([a.url], 'one PostgreSQL node');
    const b = await startServerProcess(dataset.dataDir, 90_000, cluster, 1);
    try {
      const onTwo = await pushFromMany([a.url, b.url], 'two PostgreSQL nodes');
      const name = (n: string) => figureName(dataset, n);
      printBench({
        name: name('push_100_desktops_1_node'),
        value: onOne.rate,
        unit: 'mutations/s',
        baseline: onSqlite.rate,
        goal: 'report',
      });
      printBench({
        name: name('push_100_desktops_2_nodes'),
        value: onTwo.rate,
        unit: 'mutations/s',
        baseline: onSqlite.rate,
        goal: 'report',
      });
      printBench({
        name: name('push_scaling_1_to_2_nodes'),
        value: onTwo.rate,
        unit: 'mutations/s',
        baseline: onOne.rate,
        goal: 'report',
      });
      printBench({
        name: name('push_ack_p99_2_nodes'),
        value: percentile(onTwo.latencies, 99),
        unit: 'ms',
        baseline: percentile(onSqlite.latencies, 99),
        goal: 'report',
      });
    } finally {
      await b.stop();
    }
  } finally {
    await a.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    note(`bench-push failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
