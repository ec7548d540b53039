import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import { err, ok, type Result } from '../../shared/domain/result';
import type { ChannelResult, IpcChannel, ParsedChannelArgs } from '../../shared/ipc/channels';
import type { ConnectionState } from '../../shared/ipc/views';
import { SCHEMA_VERSION } from '../../shared/sync/protocol';
import { LocalStore } from '../store/local-store';
import { META_KEYS } from '../store/meta';
import { openStore } from '../store/open-store';
import { createPiiCipher, type PiiCipher } from '../store/pii-cipher';
import { AdminDesk } from './admin/admin-desk';
import type { BackoffOptions } from './backoff';
import { DesktopCommands } from './commands';
import { SsoBrowserFlow } from './sso/sso-browser-flow';
import { DesktopDrafts } from './desktop-drafts';
import { DesktopSession } from './desktop-session';
import { DueSoonWatch } from './due-soon';
import { EventHub } from './event-hub';
import { isAllowedExternalUrl } from './external-links';
import type { KeyProvider } from './key-provider';
import { silentLogger, type CoreLogger } from './logger';
import { directNetwork, type NetworkPort } from './network/network-port';
import { loadProxyCredentials, saveProxyCredentials } from './network/proxy-credentials-store';
import { DesktopQueries } from './queries/desktop-queries';
import { ServerAddresses, splitServerUrls } from './server-addresses';
import { loadSession } from './session-store';
import { SupervisorDesk } from './supervisor/supervisor-desk';
import { SyncEngine } from './sync-engine';
import { DesktopTelephony, type TelephonySettings } from './desktop-telephony';

export interface DesktopCoreOptions {
  /** Folder for the cache (created if missing). */
  dataDir: string;
  serverUrl: string;
  /** How to reach the server: proxy and trusted authorities (default: direct, Node's roots). */
  network?: NetworkPort;
  keyProvider: KeyProvider;
  clock?: () => number;
  logger?: CoreLogger;
  appVersion?: string;
  /** Managed-settings override of policy.security.idleLockMinutes. */
  idleLockMinutes?: number;
  backoff?: BackoffOptions;
  pullLimit?: number;
  /** Opens an allowed https link in the system browser; false when this host cannot. */
  openExternal?: (url: string) => Promise<boolean> | boolean;
  newId?: () => string;
  /** Run the idle-lock and due-soon timers (tests call checkTimers() instead). */
  timers?: boolean;
  /** How agents dial (managed settings); default: manual. */
  telephony?: TelephonySettings;
  /** The identity provider IT allows for single sign-on (managed setting ssoIssuer); unset: the server's. */
  ssoIssuer?: string;
  /** Opens the identity provider's sign-in page in the system browser; absent: the screen opens it. */
  openSignInPage?: (url: string) => Promise<boolean> | boolean;
}

export const CACHE_FILE_NAME = 'agent-desk-cache.db';

type R<C extends IpcChannel> = Result<ChannelResult<C>>;

/** How often the idle lock and due-soon times are checked. */
const TIMER_MS = 15_000;

/**
 * The desktop core: cache, outbox, sync and every query and command the UI
 * uses — plain Node, no Electron. The Electron shell and the browser host
 * both construct it and serve it through createIpcHandlers. Its parts: the
 * session and idle lock, the queries, the commands, the sync engine and the
 * supervisor desk; this class wires them and answers the IPC gate.
 */
export class DesktopCore {
  readonly events = new EventHub();
  /** Who is signed in, the idle lock, the policy and the server's clock. */
  readonly session: DesktopSession;
  /** Single sign-on through the system browser (docs/deployment.md §14). */
  readonly sso: SsoBrowserFlow;
  /** Forms in progress, per user, encrypted in the cache. */
  readonly drafts: DesktopDrafts;
  /** What the screens read. */
  readonly queries: DesktopQueries;
  /** Every change the renderer can make (the command table, the inquiry submit, presence). */
  readonly commands: DesktopCommands;
  /** The supervisor view (leads): live board link, drill-down, forecast, bulk actions. */
  readonly supervisor: SupervisorDesk;
  /** The administration area (admins): users, scripts, policy, the audit trail, over HTTP. */
  readonly admin: AdminDesk;
  /** Click-to-dial by the configured port, and this agent's call events. */
  readonly telephony: DesktopTelephony;
  private readonly engine: SyncEngine;
  private readonly dueSoon: DueSoonWatch;
  private timer: NodeJS.Timeout | undefined;
  private readonly logger: CoreLogger;
  private readonly network: NetworkPort;
  private readonly servers: ServerAddresses;
  private readonly clock: () => number;

  constructor(
    private readonly options: DesktopCoreOptions,
    readonly store: LocalStore,
    private readonly cipher: PiiCipher,
  ) {
    const clock = (this.clock = options.clock ?? Date.now);
    const newId = options.newId ?? randomUUID;
    this.logger = options.logger ?? silentLogger;
    const backoff = options.backoff ? { backoff: options.backoff } : {};
    const network = (this.network = options.network ?? directNetwork());
    const proxyCredentials = loadProxyCredentials(store.meta, cipher);
    if (proxyCredentials) network.setProxyCredentials(proxyCredentials);
    const servers = (this.servers = new ServerAddresses(splitServerUrls(options.serverUrl)));
    /** The node the engine last connected to: the one to move away from when that failed. */
    let syncUrl = servers.current;
    this.engine = new SyncEngine({
      network,
      get serverUrl() {
        syncUrl = servers.current;
        return syncUrl;
      },
      store,
      clientId: () => this.session.clientId(),
      token: () => this.session.token(),
      contextFor: (createdAt) => this.session.context(createdAt),
      clock,
      logger: this.logger,
      ...backoff,
      ...(options.pullLimit ? { pullLimit: options.pullLimit } : {}),
      onState: (state) => {
        // A failed or lost connection (a reconnect is scheduled): the next attempt goes to the next node.
        if (state.state === 'offline' && state.retryAt !== null) servers.failedOver(syncUrl);
        this.events.emit('connection', state);
        if (state.state === 'online') {
          this.session.confirmedByServer();
          this.warmWorklist();
        }
      },
      onProgress: (progress) => this.events.emit('syncProgress', progress),
      onChanged: (tables) => this.changed(tables),
      onRejected: (rejection) => this.events.emit('mutationRejected', rejection),
      onSessionEnded: (error) => this.session.ended(error),
      onTelephonyCall: (payload) => this.telephony.received(payload),
    });
    this.session = new DesktopSession({
      servers,
      network,
      store,
      cipher,
      events: this.events,
      clock,
      logger: this.logger,
      ...(options.idleLockMinutes === undefined ? {} : { idleLockMinutes: options.idleLockMinutes }),
      sync: this.engine,
      onSignedOut: () => this.dueSoon.reset(),
    });
    this.drafts = new DesktopDrafts(
      store,
      () => this.session.user()?.id,
      () => this.session.serverNow(),
    );
    this.sso = new SsoBrowserFlow({
      servers,
      network,
      trustedIssuer: options.ssoIssuer,
      openBrowser: options.openSignInPage,
      installation: () => store.desk.key(),
    });
    this.dueSoon = new DueSoonWatch({
      mine: (userId) => store.callbacks.openAssignedTo(userId),
      userId: () => this.session.user()?.id,
      inFirstSync: () => this.engine.inFirstSync,
      serverNow: () => this.session.serverNow(),
      policy: () => this.session.policy(),
      notify: (event) => this.events.emit('dueSoon', event),
    });
    this.queries = new DesktopQueries(store, this.session);
    this.commands = new DesktopCommands({
      store,
      newId,
      context: (now) => (this.session.isSignedIn() ? this.session.context(now) : undefined),
      serverNow: () => this.session.serverNow(),
      changed: (tables) => this.changed(tables),
      sync: this.engine,
    });
    this.supervisor = new SupervisorDesk({
      network,
      // The node the sync engine uses now (the supervisor link follows it when it reconnects).
      get serverUrl() {
        return servers.current;
      },
      store,
      session: () => this.session.active(),
      sessionEnded: () => this.session.state().expired,
      clock,
      logger: this.logger,
      ...backoff,
      enqueue: (name, args) => this.commands.enqueue(name, args),
      onSnapshot: (snapshot) => this.events.emit('supervisorSnapshot', snapshot),
      onStatus: (status) => this.events.emit('supervisorStatus', status),
      onSessionEnded: (error) => this.session.ended(error),
    });
    this.telephony = new DesktopTelephony({
      settings: options.telephony ?? { port: 'manual', uriTemplate: null },
      store,
      user: () => this.session.user(),
      serverNow: () => this.session.serverNow(),
      policy: () => this.session.policy(),
      ...(options.openExternal ? { openExternal: options.openExternal } : {}),
      placeCall: (args) => this.engine.placeCall(args),
      emit: (event) => this.events.emit('telephonyCall', event),
      logger: this.logger,
    });
    this.admin = new AdminDesk({
      network,
      serverUrl: options.serverUrl,
      session: () => this.session.active(),
    });
    this.events.on('session', () => this.supervisor.sessionChanged());
    this.events.on('lock', ({ locked }) => this.engine.setLocked(locked));
    // A change synced before the app last closed (a move announced at the end of an interrupted sync).
    this.session.followOwnProfile();
    if (options.timers ?? true) {
      this.timer = setInterval(() => this.checkTimers(), TIMER_MS);
      this.timer.unref();
    }
    if (this.session.active()) this.engine.start();
  }

  /* ---------- the IPC gate (dispatchIpc) ---------- */

  isSignedIn(): boolean {
    return this.session.isSignedIn();
  }

  isLocked(): boolean {
    return this.session.isLocked();
  }

  /* ---------- changes and timers ---------- */

  /**
   * Once the cache is caught up, load the worklist's in-memory order now and build the
   * worklist's search index and the customer directory in slices between other work,
   * so neither the first worklist page nor the agent's first search (worklist or
   * Ctrl+K) waits for 50,000 decrypts.
   */
  private warmWorklist(): void {
    const failed = (error: unknown) =>
      this.logger.warn('the worklist could not be prepared ahead of time', {
        reason: error instanceof Error ? error.message : String(error),
      });
    if (!this.store.customers.isBuilt()) this.store.customers.warm().catch(failed);
    if (this.store.search.isWarm()) return;
    try {
      this.store.callbacks.sortedEntries();
    } catch (error) {
      failed(error);
    }
    this.store.search.warm().catch(failed);
  }

  private changed(tables: readonly string[]): void {
    // Every change, not only `users`: a first sync after a move announces its tables once, at its end.
    this.session.followOwnProfile();
    this.events.emit('dataChanged', { tables: [...tables] });
    this.dueSoon.check();
  }

  /** Idle lock and due-soon checks (a 15-second timer in production; called directly by tests). */
  checkTimers(): void {
    this.session.checkIdle();
    this.session.retrySignInAgain();
    this.supervisor.checkFreshness(this.clock());
    this.dueSoon.check();
  }

  /* ---------- sync ---------- */

  connectionState(): ConnectionState {
    return this.engine.state();
  }

  syncNow(): R<'sync.now'> {
    if (this.session.active()) this.engine.reconnectNow();
    return ok(this.engine.state());
  }

  /** Resolves when no sync is running (tests and shutdown). */
  whenSyncIdle(): Promise<void> {
    return this.engine.whenIdle();
  }

  rejections(): R<'sync.rejections'> {
    return ok(this.store.rejections());
  }

  dismissRejection(args: ParsedChannelArgs<'sync.dismissRejection'>): R<'sync.dismissRejection'> {
    this.store.dismissRejection(args.mutationId);
    this.engine.announce();
    return ok(null);
  }

  /**
   * The agent's proxy credentials (after a `network.proxy_auth_*` error): every
   * connection uses them from now on. Signed in, they are kept with the session and
   * the sync connection retries at once; signed out, the next sign-in uses them and
   * keeps them if it succeeds.
   */
  useProxyCredentials(args: ParsedChannelArgs<'network.proxyCredentials'>): R<'network.proxyCredentials'> {
    this.network.setProxyCredentials(args);
    if (this.session.isSignedIn()) saveProxyCredentials(this.store.meta, this.cipher, args);
    if (this.session.active()) this.engine.reconnectNow();
    return ok(null);
  }

  /* ---------- app ---------- */

  appInfo(): R<'app.info'> {
    return ok({
      appVersion: this.options.appVersion ?? '0.0.0',
      serverUrl: this.servers.current,
      schemaVersion: SCHEMA_VERSION,
    });
  }

  async ssoInfo(): Promise<R<'session.ssoInfo'>> {
    const found = await this.sso.discover();
    if (!found.ok) return found;
    const { enabled, displayName, required } = found.value;
    return ok({ enabled, displayName, required });
  }

  async ssoFinish(): Promise<R<'session.ssoFinish'>> {
    const finished = await this.sso.finish();
    if (!finished.ok) return finished;
    return this.session.signedInWithSso(finished.value.session, finished.value.displayName);
  }

  async openExternal(args: ParsedChannelArgs<'app.openExternal'>): Promise<R<'app.openExternal'>> {
    if (!isAllowedExternalUrl(args.url)) {
      return err('app.link_not_allowed', 'This link is not on the list of sites Agent Desk may open.');
    }
    const opened = (await this.options.openExternal?.(args.url)) ?? false;
    return ok({ opened, url: args.url });
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.supervisor.close();
    this.engine.stop('signed-out');
    this.store.close();
  }
}

/**
 * Opens the cache (migrating it; refusing one from a newer version) with the
 * key from the key provider and builds the core. Never throws.
 */
export async function createDesktopCore(options: DesktopCoreOptions): Promise<Result<DesktopCore>> {
  let key: Buffer;
  try {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    key = await options.keyProvider.loadKey();
  } catch (error) {
    return err(
      'store.key_unavailable',
      `The key that protects the local cache could not be loaded: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  const cipher = createPiiCipher(key);
  if (!cipher.ok) return cipher;
  const opened = openStore(join(options.dataDir, CACHE_FILE_NAME));
  if (!opened.ok) return opened;
  const store = new LocalStore(opened.value.db, cipher.value, DEFAULT_POLICY);
  // A session that cannot be decrypted (another key) means this cache is unreadable: refuse clearly.
  const probe = store.meta.get(META_KEYS.session);
  if (probe !== undefined && loadSession(store.meta, cipher.value) === undefined) {
    opened.value.db.close();
    return err(
      'store.wrong_key',
      'The local cache was encrypted with a different key (the OS keychain entry changed). Remove the cache folder to start over.',
    );
  }
  return ok(new DesktopCore(options, store, cipher.value));
}
