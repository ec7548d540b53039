/**
 * fanout_p50 / fanout_p99: 500 desktops of one team are connected (protocol
 * stand-ins, several agents with distinct client ids); another desktop claims
 * or releases a callback; each desktop stops the clock when the callback shows the
 * change: in the rows the poke brings when they continue its cursor (poke-pages.ts),
 * else in the pull it makes on the poke (poke → pull → row), as the desktop does.
 * Baseline: a bare socket.io server broadcasting one message to 500 sockets.
 * Both sides first run 3 untimed trials (JIT warm-up), then 20 timed ones.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { loadDataset, TEAM_AGENTS } from './lib/dataset';
import { connect, connectMany, request, signIn, type PullAnswer } from './lib/protocol-client';
import { connectRaw, startRawServer } from './lib/raw-echo';
import { note, printBench } from './lib/report';
import { figureName, startServers } from './lib/server-process';
import { nowMs, percentile, sleep } from './lib/stats';

const dataset = loadDataset(process.argv[2] as string);
/** On a PostgreSQL cluster: 1,000 desktops spread over the nodes (the figure is theirs on the other nodes). */
const DESKTOPS = dataset.cluster ? 1_000 : 500;
const TRIALS = 20;
/** Trials run before the timed ones, not counted (JIT warm-up of the poke → pull path). */
const WARMUP_TRIALS = 3;
const TRIAL_TIMEOUT_MS = 5_000;
/** Latency recorded for a desktop that never saw the change within the trial. */
const MISSED = Number.POSITIVE_INFINITY;

interface Watcher {
  socket: Socket;
  /** The node it is connected to (0 = where the changes are made). */
  node: number;
  cursor: number;
  pulling: boolean;
  again: boolean;
  /** Set per trial: what to wait for, and when the change was sent. */
  expect: { id: string; assigneeId: string | null; t0: number; done: boolean } | null;
  latency: number;
  /** When this trial's first poke arrived (ms after the change was sent): splits the latency in two. */
  poked: number;
}

/** Stops the trial's clock when `rows` show the change this watcher waits for. */
function look(w: Watcher, rows: PullAnswer['rows']): void {
  const e = w.expect;
  if (!e || e.done) return;
  const hit = rows.find(
    (r) =>
      r.table === 'callbacks' &&
      r.id === e.id &&
      (r.data as { assigneeId: string | null }).assigneeId === e.assigneeId,
  );
  if (hit) {
    e.done = true;
    w.latency = nowMs() - e.t0;
  }
}

/**
 * A poke, as the desktop's sync engine takes it: the rows it brings when they continue
 * this watcher's cursor exactly and no pull is under way, else a pull.
 */
function poked(
  w: Watcher,
  poke: { version: number; page?: { from: number; cursor: number; rows: PullAnswer['rows'] } },
): void {
  if (w.cursor === 0) return;
  if (poke.page && !w.pulling && poke.page.from === w.cursor) {
    w.cursor = poke.page.cursor;
    look(w, poke.page.rows);
    if (w.cursor >= poke.version) return;
  }
  void pullUntilCurrent(w).catch((e: unknown) => note(`watcher pull failed: ${String(e)}`));
}

async function pullUntilCurrent(w: Watcher): Promise<void> {
  if (w.pulling) {
    w.again = true;
    return;
  }
  w.pulling = true;
  try {
    do {
      w.again = false;
      for (let page = 0; page < 20; page++) {
        const answer = await request<PullAnswer>(w.socket, 'pull', { cursor: w.cursor, limit: 500 });
        if (!answer.ok || !answer.value) throw new Error(`pull refused: ${answer.error?.message}`);
        w.cursor = answer.value.cursor;
        look(w, answer.value.rows);
        if (!answer.value.more) break;
      }
    } while (w.again);
  } finally {
    w.pulling = false;
  }
}

async function rawBaseline(): Promise<number[]> {
  const raw = await startRawServer(100_000);
  const latencies: number[] = [];
  try {
    const sockets = await connectMany(DESKTOPS + 1, 25, () => connectRaw(raw.url));
    const trigger = sockets[DESKTOPS] as Socket;
    // The same untimed warm-up trials as the measured side.
    for (let trial = 0; trial < WARMUP_TRIALS + TRIALS; trial++) {
      const got: number[] = [];
      let t0 = 0;
      const all = new Promise<void>((resolve) => {
        for (const s of sockets.slice(0, DESKTOPS)) {
          s.once('broadcast', () => {
            got.push(nowMs() - t0);
            if (got.length === DESKTOPS) resolve();
          });
        }
      });
      t0 = nowMs();
      trigger.emit('trigger', { trial });
      await Promise.race([all, sleep(TRIAL_TIMEOUT_MS)]);
      if (trial >= WARMUP_TRIALS)
        latencies.push(...got, ...new Array<number>(DESKTOPS - got.length).fill(MISSED));
      for (const s of sockets) s.removeAllListeners('broadcast');
      await sleep(100);
    }
    for (const s of sockets) s.disconnect();
  } finally {
    await raw.stop();
  }
  return latencies;
}

async function main(): Promise<void> {
  const raw = await rawBaseline();
  note(
    `raw broadcast to ${DESKTOPS} sockets: p50 ${percentile(raw, 50).toFixed(1)} ms, p99 ${percentile(raw, 99).toFixed(1)} ms`,
  );

  const server = await startServers(dataset, 150_000);
  try {
    const sessions = await Promise.all(TEAM_AGENTS.map((a) => signIn(server.url, a.username, a.password)));
    const changerSession = sessions[1] as { token: string; user: { id: string } };
    const changerClientId = `bench-fanout-changer-${randomUUID()}`;
    const changer = await connect(server.url, changerSession.token, changerClientId);
    const watchers: Watcher[] = [];
    await connectMany(DESKTOPS, 25, async (i) => {
      const session = sessions[i % sessions.length] as { token: string };
      const node = i % server.urls.length;
      const url = server.urls[node] as string;
      const socket = await connect(url, session.token, `bench-fanout-${i}-${randomUUID()}`);
      const w: Watcher = {
        socket,
        node,
        cursor: 0,
        pulling: false,
        again: false,
        expect: null,
        latency: MISSED,
        poked: MISSED,
      };
      socket.on('poke', (poke: Parameters<typeof poked>[1]) => {
        if (w.expect && w.poked === MISSED) w.poked = nowMs() - w.expect.t0;
        poked(w, poke);
      });
      watchers[i] = w;
      return socket;
    });
    note(`${DESKTOPS} desktops connected to ${server.urls.length} node(s)`);
    // With several nodes, the figure is what desktops on the OTHER nodes saw of a change made through node 0.
    const measured = (ws: Watcher[]) => (server.urls.length > 1 ? ws.filter((w) => w.node !== 0) : ws);

    const callbackId = dataset.openTier1[6_000] as string;
    let seq = 0;
    const change = async (name: string) => {
      const answer = await request<{
        results: { status: string; version?: number; error?: { code: string } }[];
      }>(changer, 'push', {
        clientId: changerClientId,
        mutations: [{ id: randomUUID(), seq: ++seq, name, args: { callbackId } }],
      });
      const result = answer.value?.results[0];
      if (!answer.ok || result?.status !== 'applied')
        throw new Error(`${name} not applied: ${JSON.stringify(answer)}`);
      return result.version ?? 0;
    };
    // Warm-up changes: the last version they wrote is where every desktop's cursor starts (they
    // are "caught up"). A claim of a callback the changer already holds (a SQLite fan-out run
    // before this one, in the data copied from it) writes nothing and has no version.
    const start = Math.max(await change('callback.claim@1'), await change('callback.release@1'));
    if (start === 0)
      throw new Error('the warm-up changes wrote nothing: no version to start the desktops at');
    await sleep(300);
    for (const w of watchers) w.cursor = start;
    await Promise.all(watchers.map((w) => pullUntilCurrent(w)));

    /** Per trial: when the push was acknowledged and when the measured desktops heard the poke (ms after sending). */
    const split: {
      acked: number;
      pokeP50: number;
      pokeP99: number;
      localPokeP50: number;
      /** The stand-ins' own CPU time during the trial (they share the machine's cores with the servers). */
      clientCpu: number;
      elapsed: number;
    }[] = [];
    /** One change → every desktop has it; the latency each desktop saw (MISSED past the window). */
    const trialRun = async (claim: boolean): Promise<number[]> => {
      const cpuBefore = process.cpuUsage();
      const t0 = nowMs();
      for (const w of watchers) {
        w.latency = MISSED;
        w.poked = MISSED;
        w.expect = { id: callbackId, assigneeId: claim ? changerSession.user.id : null, t0, done: false };
      }
      await change(claim ? 'callback.claim@1' : 'callback.release@1');
      const acked = nowMs() - t0;
      const deadline = t0 + TRIAL_TIMEOUT_MS;
      while (nowMs() < deadline && watchers.some((w) => !w.expect?.done)) await sleep(2);
      const trialLatencies = measured(watchers).map((w) => w.latency);
      const cpu = process.cpuUsage(cpuBefore);
      const pokes = measured(watchers).map((w) => w.poked);
      const local = watchers.filter((w) => w.node === 0).map((w) => w.poked);
      split.push({
        acked,
        elapsed: nowMs() - t0,
        clientCpu: (cpu.user + cpu.system) / 1000,
        pokeP50: percentile(pokes, 50),
        pokeP99: percentile(pokes, 99),
        localPokeP50: percentile(local, 50),
      });
      while (watchers.some((w) => w.pulling) && nowMs() < deadline + 2_000) await sleep(5);
      await sleep(150);
      return trialLatencies;
    };
    // Untimed trials first, so the figure is the running server's, not the JIT's first compile of this path.
    for (let trial = 0; trial < WARMUP_TRIALS; trial++) {
      const warm = await trialRun(trial % 2 === 0);
      note(
        `warm-up trial ${trial + 1} (not counted): all ${DESKTOPS} had it after ${Math.max(...warm).toFixed(1)} ms`,
      );
    }
    const latencies: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const trialLatencies = await trialRun((trial + WARMUP_TRIALS) % 2 === 0);
      latencies.push(...trialLatencies);
      note(
        `trial ${trial + 1}: all ${trialLatencies.length} measured desktops had it after ${Math.max(...trialLatencies).toFixed(1)} ms (p50 ${percentile(trialLatencies, 50).toFixed(1)} ms)`,
      );
    }
    const timed = split.slice(WARMUP_TRIALS);
    const median = (values: number[]) => percentile(values, 50).toFixed(1);
    const onChangingNode =
      server.urls.length > 1
        ? ` (by the desktops on the node the change went through: p50 ${median(timed.map((s) => s.localPokeP50))} ms)`
        : '';
    note(
      `where the time goes (median of the timed trials): the change's push acknowledged after ${median(timed.map((s) => s.acked))} ms, the poke heard by the measured desktops after p50 ${median(timed.map((s) => s.pokeP50))} / p99 ${median(timed.map((s) => s.pokeP99))} ms${onChangingNode}; the rest is their pull. The ${DESKTOPS} stand-ins themselves used ${median(timed.map((s) => s.clientCpu))} ms of CPU per trial (trial ${median(timed.map((s) => s.elapsed))} ms)`,
    );
    const missed = latencies.filter((l) => l === MISSED).length;
    if (missed > 0)
      note(`${missed} deliveries missed the ${TRIAL_TIMEOUT_MS} ms trial window (counted as infinite)`);
    printBench({
      name: figureName(dataset, 'fanout_p50'),
      value: percentile(latencies, 50),
      unit: 'ms',
      baseline: percentile(raw, 50),
      goal: 'report',
    });
    printBench({
      name: figureName(dataset, 'fanout_p99'),
      value: percentile(latencies, 99),
      unit: 'ms',
      baseline: percentile(raw, 99),
      goal: 'p99<100ms',
    });
    changer.disconnect();
    for (const w of watchers) w.socket.disconnect();
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    note(`bench-fanout failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
