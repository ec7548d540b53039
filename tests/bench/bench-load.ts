/**
 * load_1000_agents: Artillery (a client we did not write) plays 1,000 agents
 * arriving over 60 s against the real server. Each agent signs in over HTTP,
 * opens its own socket with the token in the handshake, catches up with a pull,
 * sets presence and works two callbacks at a human pace (claim → on a call →
 * record the attempt → release → pull). Figures: p99 of every acknowledged
 * socket.io request under that load (baseline: p99 of the same pull, unloaded)
 * and the number of errors (goal 0; baseline: the number of agents).
 *
 * Artillery's socket.io engine opens a first socket when an agent starts —
 * before any step, so before the sign-in. That socket uses a "lobby" session
 * (a user of an otherwise empty team created through the admin API); the
 * agent's own steps run on a second socket (namespace "/") opened after the
 * sign-in captured the agent's token. The client id of the agent's socket is
 * the signature part of its token: unique per session.
 */
import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureArtillery } from './lib/artillery';
import { loadDataset, SERVER_DB_FILE, TEAM_AGENTS } from './lib/dataset';
import { connect, request, signIn } from './lib/protocol-client';
import { note, printBench } from './lib/report';
import { figureName, startServers } from './lib/server-process';
import { SCHEMA_VERSION } from '../../src/shared/sync/protocol';
import { nowMs, percentile } from './lib/stats';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dataset = loadDataset(process.argv[2] as string);
/** On a PostgreSQL cluster: 2,000 agents, an Artillery run per node, each node's share of them. */
const AGENTS = Number(process.env['BENCH_LOAD_AGENTS'] ?? (dataset.cluster ? 2_000 : 1_000));
const LOAD_FIGURE = figureName(dataset, dataset.cluster ? 'load_2000_agents' : 'load_1000_agents');
/**
 * Arrivals: 1,000 agents over 60 s on one node; on the cluster 2,000 over 180 s. Each
 * sign-in costs one scrypt (~50 ms of CPU): 2,000 in 60 s is ~100 CPU-seconds in a minute,
 * more than this 2-core machine has beside PostgreSQL, two nodes and two Artillery runs
 * (docs/performance.md: the 60 s run and what it showed).
 */
const ARRIVAL_SECONDS = Number(process.env['BENCH_LOAD_SECONDS'] ?? (dataset.cluster ? 180 : 60));
/** The arrivals, the last agent's ~40 s of work, and room for a loaded machine. */
const ARTILLERY_TIMEOUT_MS = (ARRIVAL_SECONDS + 140) * 1000;
const LOBBY = { username: 'bench.lobby', password: 'bench-lobby-password-1', team: 'bench-lobby' };

function figuresNaN(reason: string): void {
  note(`${LOAD_FIGURE} not measured: ${reason}`);
  printBench({ name: LOAD_FIGURE, value: NaN, unit: 'ms', baseline: NaN, goal: 'report' });
  printBench({ name: `${LOAD_FIGURE}_errors`, value: NaN, unit: 'errors', baseline: AGENTS, goal: '0' });
}

interface ArtilleryReport {
  aggregate: {
    counters: Record<string, number>;
    summaries: Record<string, { p99: number; p50: number; max: number }>;
  };
}

/** One Artillery run of `rows` agents against `url`; its report, or why there is none. */
async function runArtillery(
  artillery: string,
  work: string,
  name: string,
  url: string,
  lobbyToken: string,
  rows: string[],
): Promise<ArtilleryReport | string> {
  const payloadFile = join(work, `${name}.csv`);
  writeFileSync(payloadFile, `${rows.join('\n')}\n`);
  const scriptFile = join(work, `${name}.json`);
  writeFileSync(
    scriptFile,
    JSON.stringify(scenario(url, lobbyToken, dataset.latestVersion, payloadFile, rows.length), null, 2),
  );
  const reportFile = join(work, `${name}-report.json`);
  note(`artillery: ${rows.length} agents over ${ARRIVAL_SECONDS} s against ${url}`);
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [artillery, 'run', '--quiet', '--output', reportFile, scriptFile], {
      cwd: work,
      env: { ...process.env, ARTILLERY_DISABLE_TELEMETRY: 'true', DO_NOT_TRACK: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (c: Buffer) => process.stderr.write(c));
    child.stderr.on('data', (c: Buffer) => process.stderr.write(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), ARTILLERY_TIMEOUT_MS);
    child.on('exit', (c) => {
      clearTimeout(timer);
      done(c);
    });
  });
  try {
    return JSON.parse(readFileSync(reportFile, 'utf8')) as ArtilleryReport;
  } catch {
    return `artillery exited with ${code} and wrote no report`;
  }
}

/** One callback per agent (Tier 1 agents get Tier 1 callbacks) and the first number on file for its customer. */
function agentRows(): string[] {
  const db = new BetterSqlite3(join(dataset.dataDir, SERVER_DB_FILE), { readonly: true });
  const numberOf = db.prepare<[string], { data: string }>('SELECT data FROM customers WHERE id = ?');
  const customerOf = db.prepare<[string], { data: string }>('SELECT data FROM callbacks WHERE id = ?');
  // Past the push and fan-out slices (0–6,000) when the data set is large enough.
  const tier1 = dataset.openTier1.slice(Math.min(7_000, Math.max(0, dataset.openTier1.length - AGENTS)));
  const tier2 = dataset.openTier2.slice(0);
  const rows: string[] = [];
  try {
    for (let i = 0; i < AGENTS; i++) {
      const agent = TEAM_AGENTS[i % TEAM_AGENTS.length] as (typeof TEAM_AGENTS)[number];
      const callbackId = (agent.tier === 1 ? tier1.shift() : (tier2.shift() ?? tier1.shift())) as string;
      const callback = JSON.parse(customerOf.get(callbackId)?.data ?? '{}') as { customerId: string };
      const customer = JSON.parse(numberOf.get(callback.customerId)?.data ?? '{}') as {
        phones: { e164: string; ext: string | null }[];
      };
      const phone = customer.phones[0] as { e164: string; ext: string | null };
      rows.push(
        [
          agent.username,
          agent.password,
          callbackId,
          (phone.ext ? `${phone.e164};ext=${phone.ext}` : phone.e164).replace(/^\+/, ''),
        ].join(','),
      );
    }
  } finally {
    db.close();
  }
  return rows;
}

const ack = { match: { json: '$.0.ok', value: true } };
const push = (seq: number, name: string, args: Record<string, unknown>) => ({
  emit: {
    channel: 'push',
    data: { clientId: '{{ clientId }}', mutations: [{ id: `m{{ $randomString(24) }}`, seq, name, args }] },
  },
  namespace: '/',
  acknowledge: ack,
});
const presence = (status: string, onCallback: boolean) => ({
  emit: {
    channel: 'presence',
    data: { status, currentItem: onCallback ? { table: 'callbacks', id: '{{ callbackId }}' } : null },
  },
  namespace: '/',
  acknowledge: ack,
});
const pull = {
  emit: { channel: 'pull', data: { cursor: '{{ cursor }}', limit: 100 } },
  namespace: '/',
  acknowledge: ack,
};

/** `agents`: this run's share (each node's Artillery run plays its own agents, not all of them). */
function scenario(
  url: string,
  lobbyToken: string,
  cursor: number,
  payloadFile: string,
  agents: number,
): unknown {
  const work = (round: number) => [
    { think: 4 },
    push(round * 3 + 1, 'callback.claim@1', { callbackId: '{{ callbackId }}' }),
    presence('on-call', true),
    { think: 6 },
    push(round * 3 + 2, 'callback.record-attempt@1', {
      callbackId: '{{ callbackId }}',
      attemptId: 'a{{ $randomString(24) }}',
      // The '+' lives here: a lone '{{ var }}' holding digits would be sent as a number.
      numberDialed: '+{{ numberDialed }}',
      outcome: 'no-answer-message-left',
      messageLeft: true,
    }),
    presence('after-call', false),
    { think: 3 },
    push(round * 3 + 3, 'callback.release@1', { callbackId: '{{ callbackId }}' }),
    pull,
  ];
  return {
    config: {
      target: url,
      phases: [{ duration: ARRIVAL_SECONDS, arrivalCount: agents, name: 'agents arrive' }],
      payload: {
        path: payloadFile,
        fields: ['username', 'password', 'callbackId', 'numberDialed'],
        order: 'sequence',
      },
      variables: { token: lobbyToken, clientId: 'bench-lobby-client', cursor },
      timeout: 30,
    },
    scenarios: [
      {
        name: 'agent works callbacks',
        engine: 'socketio',
        // Here, not in config: Artillery templates `config` once at load time, scenario options per agent.
        socketio: {
          transports: ['websocket'],
          // A socket that drops is counted as errors (its requests time out), never reconnected:
          // Artillery 2.0.21's engine calls a step's callback a second time on a reconnect's
          // connect_error ("Callback was already called") and the whole run dies without a report.
          reconnection: false,
          auth: { token: '{{ token }}', clientId: '{{ clientId }}', schemaVersion: SCHEMA_VERSION },
        },
        flow: [
          {
            post: {
              url: '/api/sign-in',
              json: { username: '{{ username }}', password: '{{ password }}' },
              capture: [
                { json: '$.value.token', as: 'token' },
                { regexp: '"token":"[^"]*\\.([A-Za-z0-9_-]+)"', group: 1, as: 'clientId' },
              ],
            },
          },
          pull,
          presence('available', false),
          ...work(0),
          ...work(1),
          presence('break', false),
        ],
      },
    ],
  };
}

/**
 * The lobby user (see the header comment), created the way an administrator creates
 * an account: the admin API answers a one-time password, which the user replaces.
 */
async function createLobbyUser(url: string): Promise<void> {
  const admin = await signIn(url, 'admin.grace', 'demo-password-7');
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const created = await post(
    '/api/admin/users',
    {
      username: LOBBY.username,
      name: 'Bench Lobby',
      role: 'tier1',
      team: LOBBY.team,
      reason: { code: 'new-hire' },
    },
    admin.token,
  );
  if (created.status === 409) return;
  if (created.status !== 201) throw new Error(`lobby user: HTTP ${created.status} ${await created.text()}`);
  const { oneTimePassword } = ((await created.json()) as { value: { oneTimePassword: string } }).value;
  const changed = await post('/api/password', {
    username: LOBBY.username,
    password: oneTimePassword,
    newPassword: LOBBY.password,
  });
  if (changed.status !== 200)
    throw new Error(`lobby password: HTTP ${changed.status} ${await changed.text()}`);
}

async function main(): Promise<void> {
  const artillery = ensureArtillery(ROOT);
  if (!artillery.ok) return figuresNaN(artillery.error.message);
  const work = mkdtempSync(join(tmpdir(), 'agent-desk-bench-load-'));
  const server = await startServers(dataset, ARTILLERY_TIMEOUT_MS + 60_000);
  try {
    await createLobbyUser(server.url);
    const lobby = await signIn(server.url, LOBBY.username, LOBBY.password);

    // Baseline: the same pull, one agent, no load.
    const agent = TEAM_AGENTS[1];
    const session = await signIn(server.url, agent.username, agent.password);
    const socket = await connect(server.url, session.token, `bench-load-probe-${randomUUID()}`);
    const unloaded: number[] = [];
    for (let i = 0; i < 50; i++) {
      const started = nowMs();
      await request(socket, 'pull', { cursor: dataset.latestVersion, limit: 100 });
      unloaded.push(nowMs() - started);
    }
    socket.disconnect();

    // Each node gets its share of the agents, each run its own Artillery process.
    const rows = agentRows();
    const reports = await Promise.all(
      server.urls.map((url, node) =>
        runArtillery(
          artillery.value,
          work,
          `agents-${node}`,
          url,
          lobby.token,
          rows.filter((_, i) => i % server.urls.length === node),
        ),
      ),
    );
    const metrics = await fetch(`${server.url}/metrics`)
      .then((r) => r.text())
      .catch(() => '');
    note(
      `server after the load: ${metrics
        .split('\n')
        .filter((l) => /^agent_desk_(mutations|pulls|protocol|sign_in)/.test(l))
        .join(', ')}`,
    );
    const missing = reports.find((r): r is string => typeof r === 'string');
    if (missing !== undefined) return figuresNaN(missing);
    const report = mergeReports(reports as ArtilleryReport[]);
    const { counters, summaries } = report.aggregate;
    const errors = Object.entries(counters)
      .filter(([k]) => k.startsWith('errors.'))
      .reduce((sum, [, v]) => sum + v, 0);
    const failed = counters['vusers.failed'] ?? 0;
    note(`artillery counters: ${JSON.stringify(counters)}`);
    const socketio = summaries['socketio.response_time'];
    const http = summaries['http.response_time'];
    note(
      `socket.io acks p50 ${socketio?.p50} ms p99 ${socketio?.p99} ms max ${socketio?.max} ms; sign-in HTTP p50 ${http?.p50} ms p99 ${http?.p99} ms; unloaded pull p99 ${percentile(unloaded, 99).toFixed(1)} ms`,
    );
    printBench({
      name: LOAD_FIGURE,
      value: socketio?.p99 ?? NaN,
      unit: 'ms',
      baseline: percentile(unloaded, 99),
      goal: 'report',
    });
    printBench({
      name: `${LOAD_FIGURE}_errors`,
      value: Math.max(errors, failed),
      unit: 'errors',
      baseline: AGENTS,
      goal: '0',
    });
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Several runs as one: counters added, each summary the worst of the runs (p99 of p99s, a bound). */
function mergeReports(reports: ArtilleryReport[]): ArtilleryReport {
  if (reports.length === 1) return reports[0] as ArtilleryReport;
  const counters: Record<string, number> = {};
  const summaries: ArtilleryReport['aggregate']['summaries'] = {};
  for (const { aggregate } of reports) {
    for (const [k, v] of Object.entries(aggregate.counters)) counters[k] = (counters[k] ?? 0) + v;
    for (const [k, v] of Object.entries(aggregate.summaries)) {
      const known = summaries[k];
      summaries[k] = known
        ? {
            p50: Math.max(known.p50, v.p50),
            p99: Math.max(known.p99, v.p99),
            max: Math.max(known.max, v.max),
          }
        : v;
    }
  }
  return { aggregate: { counters, summaries } };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    note(`bench-load failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
