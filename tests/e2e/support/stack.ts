import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import type { RowWrite } from '../../../src/shared/sync/mutator';

/**
 * A real sync server (demo data) and browser hosts (one desktop core each, so one
 * signed-in agent each), started as child processes on free ports with temporary
 * data folders. The server can be stopped and restarted on the same port and data
 * folder to test offline work.
 */
export interface Stack {
  serverUrl: string;
  /** The server's data folder (its SQLite file: a spec may read what the demo seed made). */
  serverDataDir: string;
  /** The address each browser host printed (with its launch secret). */
  hostUrls: string[];
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Callback hours around the clock and no wait between attempts, so the flows run
 * whenever the suite does (nights, weekends); every other number is the default.
 */
export const E2E_POLICY = {
  version: 1,
  sla: {
    urgentDueHours: 72,
    nonUrgentDueDays: 14,
    urgentAtRiskHours: 12,
    nonUrgentAtRiskHours: 48,
    dueSoonHours: 4,
  },
  attempts: { maxAttempts: 2, retryEarliestMinutes: 0, retryLatestMinutes: 90, maxExtraAttemptsGranted: 1 },
  callbackHours: {
    timeZone: 'America/New_York',
    daily: { start: '00:00', end: '23:59' },
    weekdays: [0, 1, 2, 3, 4, 5, 6],
    observeFederalHolidays: false,
  },
  customerLocalHours: { start: '00:00', end: '23:59' },
  notices: { ...DEFAULT_POLICY.notices, customerLocalDaytime: { start: '00:00', end: '23:59' } },
  callerIdAreaCode: '202',
  textAhead: { minBusinessDaysBefore: 1, maxBusinessDaysBefore: 2 },
  security: { ...DEFAULT_POLICY.security },
};

const STARTUP_MS = 60_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

function spawnNode(args: string[], logPrefix: string, env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test', ...env },
  });
  const relay = (chunk: Buffer) => {
    if (process.env.AGENT_DESK_E2E_VERBOSE) process.stdout.write(`[${logPrefix}] ${chunk.toString()}`);
  };
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  return child;
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The starter scripts (resources/scripts), published the way an administrator does: over the admin API. */
export async function publishStarterScripts(serverUrl: string): Promise<void> {
  const signIn = await fetch(`${serverUrl}/api/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin.grace', password: 'demo-password-7' }),
  });
  const session = (await signIn.json()) as { ok: boolean; value?: { token: string } };
  if (!session.ok || !session.value) throw new Error(`e2e: admin sign-in failed (${signIn.status})`);
  const index = JSON.parse(readFileSync('resources/scripts/index.json', 'utf8')) as { scripts: string[] };
  for (const file of index.scripts) {
    const content = JSON.parse(readFileSync(join('resources/scripts', file), 'utf8')) as {
      id: string;
      version: number;
    };
    const response = await fetch(`${serverUrl}/api/admin/scripts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.value.token}` },
      body: JSON.stringify({
        scriptId: content.id,
        scriptVersion: content.version,
        content,
        reason: { code: 'script-update' },
      }),
    });
    // 409: already published (a restarted server keeps its data).
    if (!response.ok && response.status !== 409) {
      throw new Error(`e2e: publishing ${file} failed: ${response.status} ${await response.text()}`);
    }
  }
}

export interface StackOptions {
  hosts: number;
  demoRows: number;
  /** The server's telephony platforms (its `--telephony` file, docs/telephony.md); none when absent. */
  telephony?: { platforms: unknown[] };
  /** How the browser hosts dial (`--telephony-port`); manual when absent. */
  telephonyPort?: 'manual' | 'cti';
  /** Extra environment for the server (e.g. its SMS provider, docs/deployment.md), given its own URL. */
  serverEnv?: (serverUrl: string) => Record<string, string>;
  /**
   * A clock file (support/file-clock.ts) the server and every desktop core read instead of
   * the system clock: the shift test moves time. The server then runs as clocked-server.ts.
   */
  clockFile?: string;
  /** The policy instead of E2E_POLICY (e.g. real callback hours, for a flow on a moved clock). */
  policy?: object;
  /** Rows put into the fresh server database besides the demo data (with `clockFile` only). */
  fixture?: RowWrite[];
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-e2e-'));
  const policyFile = join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify(options.policy ?? E2E_POLICY));
  const telephonyFile = join(dir, 'telephony.json');
  if (options.telephony) writeFileSync(telephonyFile, JSON.stringify(options.telephony));
  const fixtureFile = join(dir, 'fixture.json');
  if (options.fixture) writeFileSync(fixtureFile, JSON.stringify(options.fixture));
  const serverPort = await freePort();
  const serverUrl = `http://127.0.0.1:${serverPort}`;
  let server: ChildProcess | undefined;
  const hosts: ChildProcess[] = [];

  const startServer = async () => {
    const common = [
      '--port',
      String(serverPort),
      '--data',
      join(dir, 'server'),
      '--rows',
      String(options.demoRows),
    ];
    server = spawnNode(
      options.clockFile
        ? [
            'tests/e2e/support/clocked-server.ts',
            ...common,
            '--policy',
            policyFile,
            '--clock-file',
            options.clockFile,
            ...(options.fixture ? ['--fixture', fixtureFile] : []),
          ]
        : [
            'src/server/index.ts',
            ...common,
            '--policy',
            policyFile,
            '--log-level',
            'warn',
            ...(options.telephony ? ['--telephony', telephonyFile] : []),
          ],
      'server',
      options.serverEnv?.(serverUrl),
    );
    // The clocked server says when it is ready (it restarts once after writing a fixture).
    let ready = !options.clockFile;
    server.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('clocked server on')) ready = true;
    });
    const deadline = Date.now() + STARTUP_MS;
    while (!ready || !(await healthy(serverUrl))) {
      if (server.exitCode !== null) throw new Error(`the sync server exited with code ${server.exitCode}`);
      if (Date.now() > deadline) throw new Error(`the sync server did not answer on ${serverUrl}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const startHost = (index: number) =>
    new Promise<string>((resolve, reject) => {
      const child = spawnNode(
        [
          ...(options.clockFile
            ? ['tests/e2e/support/clocked-host.ts', '--clock-file', options.clockFile]
            : ['src/desktop/host-web/main.ts']),
          '--server-url',
          serverUrl,
          '--embedded-server',
          'false',
          '--port',
          '0',
          '--data',
          join(dir, `web-host-${index}`),
          ...(options.telephonyPort ? ['--telephony-port', options.telephonyPort] : []),
        ],
        `host-${index}`,
      );
      hosts.push(child);
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`browser host ${index} printed no address:\n${output}`)),
        STARTUP_MS,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/#secret=\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`browser host ${index} exited with code ${code}:\n${output}`));
      });
    });

  try {
    await startServer();
    await publishStarterScripts(serverUrl);
    const hostUrls: string[] = [];
    for (let i = 0; i < options.hosts; i++) hostUrls.push(await startHost(i));
    return {
      serverUrl,
      serverDataDir: join(dir, 'server'),
      hostUrls,
      stopServer: () => stopChild(server),
      startServer,
      close: async () => {
        await Promise.all(hosts.map((h) => stopChild(h)));
        await stopChild(server);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(hosts.map((h) => stopChild(h)));
    await stopChild(server);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
