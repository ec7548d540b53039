import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DEFAULT_POLICY, type Policy } from '../shared/domain/policy';
import { AuthService } from './auth/auth-service';
import type { SsoConfig } from './auth/sso/sso-config';
import { SsoService } from './auth/sso/sso-service';
import { ok } from '../shared/domain/result';
import { seedIfEmpty } from './demo/seed';
import { createHttpApp, type ServerTls } from './http/http-app';
import { startMetricsListener, type MetricsListener } from './http/metrics-listener';
import { createLogger, type Logger } from './logger';
import { startNotices, type NoticeOptions, type NoticeService } from './notices/notice-service';
import { loadScriptFiles } from './scripts/script-files';
import { Metrics } from './metrics';
import { PolicyBook } from './policy/policy-book';
import { PolicyWatch } from './policy/policy-watch';
import { scheduleForgetting } from './auth/forget-counters';
import { loadPolicyVersions } from './storage/policies';
import { migrateToLatest, type Db } from './storage/database';
import { openServerStore } from './storage/open-server-store';
import type { ServerStore } from './storage/server-store';
import { postgresCluster, SINGLE_NODE } from './sync/cluster';
import { createSyncServer, type SyncServer } from './sync/socket-server';
import { startSupervisor, type SupervisorService } from './supervisor/supervisor-service';
import { TelephonyBridge } from './telephony/bridge';
import { createPlaceCall } from './telephony/place-call';
import { CallerIndex } from './telephony/customer-lookup';
import { NO_TELEPHONY, type TelephonyConfig } from './telephony/telephony-config';
import { TELEPHONY_EVENTS } from '../shared/telephony/desk-events';
import { userRoom } from './sync/sync-socket';

export interface StartOptions {
  dataDir: string;
  /**
   * A `postgres://` URL: run on PostgreSQL, as one node of possibly several
   * (docs/scale-out.md). Absent: the data folder's embedded SQLite file.
   */
  databaseUrl?: string;
  /** This node's name (logs, PostgreSQL's application_name); default host and pid. */
  nodeName?: string;
  /** PostgreSQL connections at most for this node (default 10). */
  dbPoolSize?: number;
  /** PostgreSQL connections of the socket.io adapter between nodes (default 8). */
  clusterPoolSize?: number;
  /** How long a graceful stop waits for pushes under way (default 10 s). */
  shutdownGraceMs?: number;
  /** The bearer credential GET /metrics needs on the main port (unset: loopback clients only). */
  metricsToken?: string;
  /** Serve /metrics, without a credential, on this separate port (and `metricsHost`, default 127.0.0.1). */
  metricsPort?: number;
  metricsHost?: string;
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
  /** The configured policy: in force until an administrator publishes another (PolicyBook). */
  policy?: Policy;
  sessionSecret?: string;
  /**
   * Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated),
   * so per-address limits count the desktop's address, not the load balancer's.
   */
  trustProxy?: string;
  /** Single sign-on through the agency's identity provider (validated SsoConfig); absent: local passwords only. */
  sso?: SsoConfig;
  logLevel?: string;
  /** The server clock (tests inject one; production uses Date.now). */
  clock?: () => number;
  sessionSweepMs?: number;
  /** How often subscribed supervisor boards re-read clock-driven figures (default 5 s). */
  supervisorTickMs?: number;
  /** Telephony platforms (docs/telephony.md); none by default. */
  telephony?: TelephonyConfig;
  /** Serve https with this certificate (default: http, for a TLS-terminating proxy in front or loopback). */
  tls?: ServerTls;
  /** How long an unchanged board goes without a heartbeat to its subscribers (default HEARTBEAT_MS). */
  supervisorHeartbeatMs?: number;
  /** Customer notices: providers, templates, the worker's pace (docs/deployment.md). */
  notices?: NoticeOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  store: ServerStore;
  /** The separate /metrics listener's address, when one was asked for (metricsPort). */
  metricsUrl: string | undefined;
  log: Logger;
  metrics: Metrics;
  seeded: boolean;
  /** Whether demo users and rows were allowed (they are seeded only into an empty database). */
  demo: boolean;
  sync: SyncServer;
  supervisor: SupervisorService;
  notices: NoticeService;
  policies: PolicyBook;
  /** Ready for traffic: not stopping, and the database answers (GET /ready). */
  readiness(): Promise<Readiness>;
  /** The graceful stop: not ready, no new sockets, pushes under way finished, sockets closed, then everything else. */
  close(): Promise<void>;
}

export type Readiness = { ready: true } | { ready: false; reason: string };

const SECRET_FILE = 'session-secret';
/** How long a starting node waits to hear the other nodes before it serves anyway (cluster.ts, `listening`). */
const START_LISTENER_WAIT_MS = 10_000;

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** A host only this machine can reach: the one case where demo accounts with published passwords are safe. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.trim().toLowerCase());
}

/**
 * The secret from config, else the one generated into the data folder on first
 * start (mode 0600). On PostgreSQL it must be configured: every node verifies the
 * tokens every other node issued, and no node's data folder is shared.
 */
function loadSecret(dataDir: string, configured: string | undefined, postgres: boolean): string {
  if (configured) return configured;
  if (postgres)
    throw new Error(
      'With PostgreSQL (several nodes) the session secret must be configured: set AGENT_DESK_SESSION_SECRET (at least 32 characters, the same on every node).',
    );
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
  const configured = options.policy ?? DEFAULT_POLICY;
  const log = createLogger(options.logLevel ?? 'info');
  mkdirSync(options.dataDir, { recursive: true });
  const secret = loadSecret(options.dataDir, options.sessionSecret, options.databaseUrl !== undefined);
  const host = options.host ?? '127.0.0.1';
  const demo = options.demo ?? isLoopbackHost(host);
  const store = openServerStore({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    nodeName: options.nodeName,
    poolSize: options.dbPoolSize,
    clusterPoolSize: options.clusterPoolSize,
    onError: (error) => log.warn({ err: error }, 'database connection error'),
  });
  const seeded = await prepareDatabase(store, options, { demo, now: clock(), policy: configured, log });
  const { db } = store;
  const policies = await loadPolicyBook(store, configured, log);
  const policyAt = policies.at;
  const forget = scheduleForgetting(db, { clock, policyAt, log });
  const metrics = new Metrics();
  const sessionSweepMs = options.sessionSweepMs ?? 30_000;
  const auth = new AuthService({
    db,
    sessions: store.sessions,
    secret,
    policyAt,
    clock,
    lastSeenFlushMs: Math.min(sessionSweepMs, 2_000),
  });
  let stopping = false;
  const readiness = async (): Promise<Readiness> => {
    if (stopping) return { ready: false, reason: 'stopping' };
    try {
      await store.ping(2_000);
      return { ready: true };
    } catch (error) {
      return { ready: false, reason: `database: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
  // The routes need the socket server (sign-out closes sockets) and it needs the HTTP server: break the cycle lazily.
  const holder: {
    sync?: SyncServer;
    supervisor?: SupervisorService;
    policyWatch?: PolicyWatch;
    bridge?: TelephonyBridge;
    notices?: NoticeService;
  } = {};
  const telephony = options.telephony ?? NO_TELEPHONY;
  const app = createHttpApp(
    {
      db,
      auth,
      policies,
      metrics,
      clock,
      readiness,
      metricsToken: options.metricsToken,
      sso: options.sso ? new SsoService(options.sso, { db, auth }) : undefined,
      policyPublished: () => holder.policyWatch?.check(),
      sync: () => holder.sync as SyncServer,
      telephony,
      bridge: () => holder.bridge as TelephonyBridge,
      notices: () => holder.notices as NoticeService,
    },
    log,
    { trustProxy: options.trustProxy, tls: options.tls },
  );
  await app.ready();
  const shared = { store, db, auth, policyAt, clock, log, metrics };
  // The outbox writes through the store's Kysely side: on PostgreSQL that is the write pool
  // behind the node's write gate, so a burst of notices queues with every other writer.
  const notices = startNotices(
    { ...(options.nodeName ? { owner: options.nodeName } : {}), ...options.notices },
    {
      db,
      policyAt,
      clock,
      log,
      secret,
      poke: (teams, version) => holder.sync?.poke(teams, version),
      openCallbacks: () => {
        const index = holder.supervisor?.index;
        return index ? index.teamNames().flatMap((team) => index.openCallbacks(team)) : [];
      },
    },
  );
  holder.notices = notices;
  const sync = createSyncServer(app.server, {
    ...shared,
    planNotices: notices.plan,
    cluster: store.clusterPool ? postgresCluster(store.clusterPool, log) : SINGLE_NODE,
    sessionSweepMs,
    onRowsChanged: () => holder.supervisor?.rowsChanged(),
    placeCall: createPlaceCall({ db, policyAt, clock, telephony }),
  });
  holder.sync = sync;
  const callers = new CallerIndex(store);
  holder.bridge = new TelephonyBridge({
    db,
    policyAt,
    clock,
    findCustomer: (keys) => callers.find(keys),
    notifyAgent: (userId, event) => sync.io.to(userRoom(userId)).emit(TELEPHONY_EVENTS.call, event),
    poke: (teams, version) => sync.poke(teams, version),
  });
  const supervisor = await startSupervisor({
    ...shared,
    io: sync.io,
    tickMs: options.supervisorTickMs,
    heartbeatMs: options.supervisorHeartbeatMs,
    sessionSweepMs: options.sessionSweepMs,
  });
  holder.supervisor = supervisor;
  const policyWatch = new PolicyWatch({
    db,
    book: policies,
    clock,
    log,
    onChange: (policy) => {
      log.info('another policy is in force: desktops told, boards re-judged');
      sync.announcePolicy(policy);
      supervisor.rowsChanged();
    },
  });
  holder.policyWatch = policyWatch;
  if (!(await sync.listening(START_LISTENER_WAIT_MS)))
    log.warn('not listening to the other nodes yet; the socket.io adapter keeps trying');
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address() as AddressInfo;
  const url = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  const metricsListener: MetricsListener | undefined =
    options.metricsPort === undefined
      ? undefined
      : await startMetricsListener(metrics, options.metricsHost ?? '127.0.0.1', options.metricsPort);
  log.info(
    { url, seeded, demo, store: store.kind, node: options.nodeName, metrics: metricsListener?.url },
    'agent desk sync server listening',
  );
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      stopping = true;
      const finished = await sync.drain(options.shutdownGraceMs ?? 10_000);
      if (!finished) log.warn('pushes still under way when the grace period ended');
      policyWatch.stop();
      supervisor.close();
      await notices.close();
      await sync.close();
      await app.close();
      await metricsListener?.close();
      await auth.close();
      forget();
      await store.close();
    })());
  return {
    url,
    port: address.port,
    db,
    store,
    metricsUrl: metricsListener?.url,
    log,
    metrics,
    seeded,
    demo,
    sync,
    supervisor,
    notices,
    policies,
    readiness,
    close,
  };
}

/**
 * Brings the database to the current schema and seeds it when empty (demo users
 * and rows only when `demo`; the script files either way) — on PostgreSQL under an
 * advisory lock, so of several nodes starting together one migrates and seeds and
 * the others then find nothing to do. A database it cannot use is closed and the
 * start fails with the reason.
 */
async function prepareDatabase(
  store: ServerStore,
  options: StartOptions,
  context: { demo: boolean; now: number; policy: Policy; log: Logger },
): Promise<boolean> {
  const scripts = options.scriptsDir === undefined ? ok([]) : loadScriptFiles(options.scriptsDir);
  try {
    if (!scripts.ok) throw new Error(scripts.error.message);
    return await store.exclusively(async () => {
      const migrated = await migrateToLatest(store.db);
      if (!migrated.ok) throw new Error(migrated.error.message);
      if (migrated.value.length > 0) context.log.info({ migrations: migrated.value }, 'database migrated');
      return seedIfEmpty(store.db, {
        demo: context.demo,
        rows: options.demoRows ?? 3000,
        seed: options.demoSeed ?? 20_240_101,
        ...(options.demoCallbackShare !== undefined ? { callbackShare: options.demoCallbackShare } : {}),
        now: context.now,
        policy: context.policy,
        scripts: scripts.ok ? scripts.value : [],
      });
    });
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** The configured policy and every published version; an unreadable stored version stops the start. */
async function loadPolicyBook(store: ServerStore, configured: Policy, log: Logger): Promise<PolicyBook> {
  const { versions, unreadable } = await loadPolicyVersions(store.db);
  if (unreadable.length > 0) {
    log.error({ ids: unreadable }, 'stored policy versions do not parse');
    await store.close();
    throw new Error(
      `Stored policy version(s) ${unreadable.join(', ')} no longer pass the policy schema; fix them or start an older server.`,
    );
  }
  return new PolicyBook(configured, versions);
}
