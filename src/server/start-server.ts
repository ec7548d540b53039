import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DEFAULT_POLICY, type Policy } from '../shared/domain/policy';
import { AuthService } from './auth/auth-service';
import { ok } from '../shared/domain/result';
import { seedIfEmpty } from './demo/seed';
import { createHttpApp } from './http/http-app';
import { createLogger, type Logger } from './logger';
import { startNotices, type NoticeOptions, type NoticeService } from './notices/notice-service';
import { loadScriptFiles } from './scripts/script-files';
import { Metrics } from './metrics';
import { scheduleCheckpoints } from './storage/checkpoints';
import {
  DATABASE_FILE,
  migrateToLatest,
  openDatabase,
  openReadConnection,
  type Db,
} from './storage/database';
import { createSyncServer, type SyncServer } from './sync/socket-server';
import { startSupervisor, type SupervisorService } from './supervisor/supervisor-service';

export interface StartOptions {
  dataDir: string;
  host?: string;
  /** 0 = an ephemeral port (tests). */
  port?: number;
  /**
   * Seed demo users (published passwords) and demo rows into an empty database.
   * Default: only when `host` is a loopback address (isLoopbackHost).
   */
  demo?: boolean;
  demoRows?: number;
  demoSeed?: number;
  /** Share of demo inquiries that end with a callback (see DemoDataOptions.callbackShare). */
  demoCallbackShare?: number;
  /** Script files the seed publishes into an empty database (validated at start); none when absent. */
  scriptsDir?: string;
  policy?: Policy;
  sessionSecret?: string;
  logLevel?: string;
  /** The server clock (tests inject one; production uses Date.now). */
  clock?: () => number;
  sessionSweepMs?: number;
  /** How often subscribed supervisor boards re-read clock-driven figures (default 5 s). */
  supervisorTickMs?: number;
  /** Customer notices: providers, templates, the worker's pace (docs/deployment.md). */
  notices?: NoticeOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  log: Logger;
  metrics: Metrics;
  seeded: boolean;
  /** Whether demo users and rows were allowed (they are seeded only into an empty database). */
  demo: boolean;
  sync: SyncServer;
  supervisor: SupervisorService;
  notices: NoticeService;
  close(): Promise<void>;
}

const SECRET_FILE = 'session-secret';

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** A host only this machine can reach: the one case where demo accounts with published passwords are safe. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.trim().toLowerCase());
}

/** The secret from config, else the one generated into the data folder on first start (mode 0600). */
function loadSecret(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** Starts the sync server: migrates, seeds an empty database, then serves HTTP and socket.io on one port. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const clock = options.clock ?? Date.now;
  const policy = options.policy ?? DEFAULT_POLICY;
  const log = createLogger(options.logLevel ?? 'info');
  mkdirSync(options.dataDir, { recursive: true });
  const secret = loadSecret(options.dataDir, options.sessionSecret);
  const host = options.host ?? '127.0.0.1';
  const demo = options.demo ?? isLoopbackHost(host);
  const { db, seeded } = await openSeededDatabase(options, { demo, now: clock(), policy, log });
  const checkpoints = scheduleCheckpoints(db, 1_000, (error) =>
    log.warn({ err: error }, 'WAL checkpoint failed'),
  );
  const metrics = new Metrics();
  // After migrations, so the file exists in WAL mode; reads on it never wait behind the writer.
  const reader = openReadConnection(join(options.dataDir, DATABASE_FILE));
  const sessionSweepMs = options.sessionSweepMs ?? 30_000;
  const auth = new AuthService({
    db,
    reader,
    secret,
    policy,
    clock,
    lastSeenFlushMs: Math.min(sessionSweepMs, 2_000),
  });
  // The routes need the socket server (sign-out closes sockets) and it needs the HTTP server: break the cycle lazily.
  const holder: { sync?: SyncServer; supervisor?: SupervisorService } = {};
  const app = createHttpApp({ db, auth, policy, metrics, clock, sync: () => holder.sync as SyncServer }, log);
  await app.ready();
  const shared = { db, reader, auth, policy, clock, log, metrics };
  const notices = startNotices(options.notices ?? {}, {
    db,
    policy,
    clock,
    log,
    secret,
    poke: (teams, version) => holder.sync?.poke(teams, version),
  });
  const sync = createSyncServer(app.server, {
    ...shared,
    afterWrites: notices.afterWrites,
    sessionSweepMs,
    onRowsChanged: () => holder.supervisor?.rowsChanged(),
  });
  holder.sync = sync;
  const supervisor = await startSupervisor({
    ...shared,
    io: sync.io,
    tickMs: options.supervisorTickMs,
    sessionSweepMs: options.sessionSweepMs,
  });
  holder.supervisor = supervisor;
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  log.info({ url, seeded, demo }, 'agent desk sync server listening');
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    supervisor.close();
    await notices.close();
    await sync.close();
    await app.close();
    await auth.close();
    reader.close();
    await checkpoints.stop();
    await db.destroy();
  };
  return { url, port: address.port, db, log, metrics, seeded, demo, sync, supervisor, notices, close };
}

/**
 * Opens the data folder's database, brings it to the current schema and seeds it
 * when empty (demo users and rows only when `demo`; the script files either way).
 * A database it cannot use is closed again and the start fails with the reason.
 */
async function openSeededDatabase(
  options: StartOptions,
  context: { demo: boolean; now: number; policy: Policy; log: Logger },
): Promise<{ db: Db; seeded: boolean }> {
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const migrated = await migrateToLatest(db);
  if (!migrated.ok) {
    await db.destroy();
    throw new Error(migrated.error.message);
  }
  if (migrated.value.length > 0) context.log.info({ migrations: migrated.value }, 'database migrated');
  const scripts = options.scriptsDir === undefined ? ok([]) : loadScriptFiles(options.scriptsDir);
  if (!scripts.ok) {
    await db.destroy();
    throw new Error(scripts.error.message);
  }
  const seeded = await seedIfEmpty(db, {
    demo: context.demo,
    rows: options.demoRows ?? 3000,
    seed: options.demoSeed ?? 20_240_101,
    ...(options.demoCallbackShare !== undefined ? { callbackShare: options.demoCallbackShare } : {}),
    now: context.now,
    policy: context.policy,
    scripts: scripts.value,
  });
  return { db, seeded };
}
