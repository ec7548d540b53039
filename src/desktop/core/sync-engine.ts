import { z } from 'zod';
import { err, type DomainError, type Result } from '../../shared/domain/result';
import type { ConnectionState, ConnectionStateName, SyncProgress } from '../../shared/ipc/views';
import type { MutatorContext } from '../../shared/sync/mutator';
import {
  ackSchema,
  EVENTS,
  LIMITS,
  pokeSchema,
  pulledPageSchema,
  type PokedPage,
  pushResponseSchema,
  SCHEMA_VERSION,
  type PresenceRequest,
} from '../../shared/sync/protocol';
import { TABLE_NAMES } from '../../shared/sync/rows';
import { META_KEYS } from '../store/meta';
import type { LocalStore, StoredRejection } from '../store/local-store';
import type { BackoffOptions } from './backoff';
import type { CoreLogger } from './logger';
import type { NetworkPort } from './network/network-port';
import { SocketConnection, type RequestFailure } from './socket-connection';
import {
  placeCallResultSchema,
  TELEPHONY_EVENTS,
  type PlaceCallArgs,
} from '../../shared/telephony/desk-events';

/** A pull answer; `latestVersion` (the server's version when it answered) drives the first-sync bar when sent. */
const pullPageSchema = pulledPageSchema.extend({ latestVersion: z.number().int().optional() });
const pullAnswerSchema = ackSchema(pullPageSchema);
/** Start-overs (server reset, scope change) one pull may make before it fails and is retried later. */
const MAX_RESETS_PER_PULL = 2;
const pushAnswerSchema = ackSchema(pushResponseSchema);
const placeCallAnswerSchema = ackSchema(placeCallResultSchema);

export interface SyncEngineDeps {
  serverUrl: string;
  network: NetworkPort;
  store: LocalStore;
  clientId: () => string;
  token: () => string | undefined;
  contextFor: (createdAt: number) => MutatorContext;
  clock: () => number;
  logger: CoreLogger;
  backoff?: BackoffOptions;
  ackTimeoutMs?: number;
  pullLimit?: number;
  onState(state: ConnectionState): void;
  onProgress(progress: SyncProgress): void;
  onChanged(tables: string[]): void;
  onRejected(rejection: StoredRejection): void;
  /** The server refused the session (expired, signed out elsewhere, wrong client): stop and ask to sign in. */
  onSessionEnded(error: DomainError): void;
  /** A call event for this agent (telephony:call, unvalidated: the listener parses it). */
  onTelephonyCall?(payload: unknown): void;
}

class RequestFailed extends Error {
  constructor(readonly domainError: DomainError) {
    super(domainError.message);
  }
}

/**
 * The socket.io side of sync: connect with the session, push the outbox, pull
 * until caught up, pull again on every poke, reconnect with backoff + jitter.
 * One sync runs at a time; a poke during a sync schedules one more.
 */
export class SyncEngine {
  private readonly connection: SocketConnection;
  private running = false;
  /** A local change (or a connect, or a poke without a version) asked for one more round. */
  private again = false;
  /** The highest version a poke announced since the round under way began (it may bring it). */
  private pokedVersion = 0;
  private name: ConnectionStateName = 'signed-out';
  private lastError: DomainError | null = null;
  private retryAt: number | null = null;
  private firstSync: SyncProgress | null = null;
  private firstSyncRunning = false;
  private presence: PresenceRequest | undefined;
  private locked = false;
  private lastKeepAliveAt = Number.NEGATIVE_INFINITY;
  private lastInputAt = Number.NEGATIVE_INFINITY;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly deps: SyncEngineDeps) {
    this.connection = new SocketConnection({
      network: deps.network,
      // Read at each connection: the core moves it to another node when one fails.
      get url() {
        return deps.serverUrl;
      },
      auth: () => ({
        token: deps.token() ?? '',
        clientId: deps.clientId(),
        schemaVersion: SCHEMA_VERSION,
        // The server knows this installation's desk code by it (reference numbers).
        installation: deps.store.desk.key(),
      }),
      sessionExpiredEvent: EVENTS.sessionExpired,
      logName: 'sync',
      clock: deps.clock,
      logger: deps.logger,
      ...(deps.backoff ? { backoff: deps.backoff } : {}),
      unreachable: (detail) => ({
        code: 'sync.unreachable',
        message: `The sync server at ${deps.serverUrl} cannot be reached (${detail}); working offline.`,
      }),
      disconnected: {
        code: 'sync.disconnected',
        message: 'The connection to the sync server was lost; working offline.',
      },
      onConnecting: () => {
        this.retryAt = null;
        this.setState('offline');
      },
      onConnect: () => {
        this.lastError = null;
        this.setState('syncing');
        this.sendPresence();
        this.requestSync();
      },
      listen: (socket) => {
        socket.on(EVENTS.poke, (payload: unknown) => this.poked(payload));
        socket.on(TELEPHONY_EVENTS.call, (payload: unknown) => deps.onTelephonyCall?.(payload));
      },
      onEnded: (error) => this.endSession(error),
      onRetrying: (error, retryAt) => {
        this.lastError = error;
        this.retryAt = retryAt;
        this.setState('offline');
      },
    });
  }

  state(): ConnectionState {
    const { store } = this.deps;
    const last = store.meta.get(META_KEYS.lastSyncedAt);
    return {
      state: this.name,
      pending: store.outbox.count(),
      rejected: store.rejectionCount(),
      lastSyncedAt: last === undefined ? null : Number(last),
      firstSync: this.firstSync,
      error: this.lastError,
      retryAt: this.retryAt,
    };
  }

  /** A first sync is pulling the snapshot (the core skips per-page work such as due-soon checks). */
  get inFirstSync(): boolean {
    return this.firstSyncRunning;
  }

  get connected(): boolean {
    return this.connection.connected;
  }

  private setState(name: ConnectionStateName): void {
    this.name = name;
    this.announce();
  }

  /** Tell the UI (pending count, error, progress). */
  announce(): void {
    this.deps.onState(this.state());
  }

  start(): void {
    this.connection.open();
  }

  /** Disconnects and stops reconnecting (sign-out, session end, shutdown). */
  stop(nextState: ConnectionStateName = 'signed-out'): void {
    // Presence belongs to the session that set it: the next user starts without one.
    this.presence = undefined;
    this.connection.close();
    this.retryAt = null;
    this.setState(nextState);
  }

  private endSession(error: DomainError): void {
    this.lastError = error;
    this.stop('signed-out');
    this.deps.onSessionEnded(error);
  }

  /** Reconnect now (the "retry" button; also after sign-in). */
  reconnectNow(): void {
    if (!this.connection.isOpen) return;
    if (this.connected) {
      this.requestSync();
      return;
    }
    this.connection.retryNow();
  }

  /**
   * The agent is active: re-send presence at most every `everyMs`, which also keeps the
   * server's idle timer for this session alive (pulls deliberately do not). Without it a
   * long call with nothing saved would end the session mid-call.
   */
  keepAlive(now: number, everyMs: number): void {
    this.lastInputAt = now;
    this.keepAliveDue(now, everyMs);
  }

  /**
   * The trailing keep-alive (the core's timer calls it): input that came after the last
   * keep-alive reaches the server once `everyMs` has passed, so the server's idle clock
   * starts no earlier than the agent's last input and never ends the session before the
   * desktop's own lock would. Data arriving is not input: only keepAlive() records any.
   */
  keepAliveDue(now: number, everyMs: number): void {
    if (this.lastInputAt <= this.lastKeepAliveAt || now - this.lastKeepAliveAt < everyMs) return;
    this.lastKeepAliveAt = now;
    this.sendPresence();
  }

  setPresence(presence: PresenceRequest): void {
    this.presence = presence;
    this.sendPresence();
  }

  /**
   * The desktop locked (or unlocked): the lead sees "Away (locked)" while it is, whatever
   * the agent's status was, and that status again after the unlock (issue 13 item 4). The
   * server does not count "away" as activity, so it still ends an idle session.
   */
  setLocked(locked: boolean): void {
    if (this.locked === locked) return;
    this.locked = locked;
    this.sendPresence();
  }

  private sendPresence(): void {
    const socket = this.connection.socket;
    const presence: PresenceRequest | undefined = this.locked
      ? { status: 'away-locked', currentItem: null }
      : this.presence;
    if (!presence || !socket?.connected) return;
    socket.timeout(this.deps.ackTimeoutMs ?? 15_000).emit(EVENTS.presence, presence, () => {});
  }

  requestSync(): void {
    if (!this.connected) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.loop();
  }

  /**
   * Something changed on the server at `version`. A cache whose cursor is already
   * there has it: the desktop that pushed a change is poked for it too, usually
   * after the pull that follows its push brought it. A round under way is not
   * repeated for a version it pulled past (see loop).
   */
  private poked(payload: unknown): void {
    const poke = pokeSchema.safeParse(payload);
    // Version 0 or none: the server did not say which, so pull.
    if (!poke.success || poke.data.version === 0) return this.requestSync();
    if (poke.data.version <= this.deps.store.cursor()) return;
    if (poke.data.page && this.applyPoked(poke.data.page) && poke.data.version <= this.deps.store.cursor())
      return;
    this.pokedVersion = Math.max(this.pokedVersion, poke.data.version);
    if (!this.running) this.requestSync();
  }

  /**
   * Applies the rows a poke brought, as a pulled page, when they continue this cache
   * exactly: idle (no round under way, whose pages come in order), caught up at the
   * page's `from`, first sync done, the same access scope, and an empty outbox (the
   * page carries no seq to confirm pushed changes with). Otherwise (false) the poke
   * is handled as one without rows: a pull.
   */
  private applyPoked(page: PokedPage): boolean {
    const { store } = this.deps;
    if (this.running || !this.connected) return false;
    if (store.cursor() !== page.from || store.outbox.count() > 0) return false;
    if (store.meta.get(META_KEYS.firstSyncDone) === undefined || store.pullScope() !== page.scope)
      return false;
    const applied = store.applyPull(
      { rows: page.rows, cursor: page.cursor, more: false, scope: page.scope, lastMutationSeq: 0 },
      this.deps.contextFor,
    );
    if (!applied.ok) {
      this.deps.logger.warn('sync: a poked page could not be applied; pulling instead', {
        code: applied.error.code,
      });
      return false;
    }
    store.meta.set(META_KEYS.lastSyncedAt, String(this.deps.clock()));
    if (applied.value.tables.size > 0) this.deps.onChanged([...applied.value.tables]);
    this.announce();
    return true;
  }

  /** Another round is needed: asked for, or a poke announced a version the cache does not have. */
  private wantsAnotherRound(): boolean {
    return this.again || this.pokedVersion > this.deps.store.cursor();
  }

  /** Resolves when no sync is running (tests, shutdown). */
  whenIdle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async loop(): Promise<void> {
    this.running = true;
    this.setState('syncing');
    try {
      let another: boolean;
      do {
        this.again = false;
        await this.syncOnce();
        // A poke leads to one round at most, even when a lagging server's cursor stays behind it.
        another = this.wantsAnotherRound();
        this.pokedVersion = 0;
      } while (another && this.connected);
      this.deps.store.meta.set(META_KEYS.lastSyncedAt, String(this.deps.clock()));
      if (this.connected) this.setState('online');
    } catch (error) {
      const domain =
        error instanceof RequestFailed
          ? error.domainError
          : {
              code: 'sync.failed',
              message: `Sync failed: ${error instanceof Error ? error.message : String(error)}`,
            };
      this.deps.logger.warn('sync: failed', { code: domain.code });
      this.lastError = domain;
      if (domain.code.startsWith('auth.')) this.endSession(domain);
      else this.connection.retryLater(domain);
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private async syncOnce(): Promise<void> {
    await this.pushAll();
    await this.pullAll();
  }

  private async pushAll(): Promise<void> {
    const { store } = this.deps;
    for (;;) {
      const batch = store.outbox.unsent(LIMITS.maxMutationsPerPush);
      if (batch.length === 0) return;
      const raw = await this.request(EVENTS.push, { clientId: this.deps.clientId(), mutations: batch });
      const answer = pushAnswerSchema.safeParse(raw);
      if (!answer.success)
        throw new RequestFailed({
          code: 'sync.bad_response',
          message: 'The server answered a push with something this desktop cannot read.',
        });
      if (!answer.data.ok) throw new RequestFailed(answer.data.error);
      const recorded = store.recordPushResults(
        answer.data.value.results,
        this.deps.contextFor,
        this.deps.clock(),
      );
      for (const rejection of recorded.rejections) this.deps.onRejected(rejection);
      if (recorded.changed.tables.size > 0) this.deps.onChanged([...recorded.changed.tables]);
      this.announce();
    }
  }

  /**
   * Pulls until caught up. The next page is requested as soon as this page's answer
   * (and so its cursor) arrives, and this page is applied while the server prepares
   * the next one; pages are still applied in order, one transaction each, and
   * nothing after a failed page is applied. The first sync uses the largest page
   * and announces its changes once, at the end, instead of after every page.
   *
   * Two answers make the cache start over from cursor 0 as a first sync, keeping
   * the outbox: `sync.cursor_ahead` (the server's data was reset) and a page whose
   * `scope` differs from the one the cache was filled for (an administrator moved
   * the user to another team or changed their role). That page is not applied: the
   * old scope's rows are dropped and the new scope is pulled from the start.
   */
  private async pullAll(): Promise<void> {
    const { store } = this.deps;
    let first = store.meta.get(META_KEYS.firstSyncDone) === undefined;
    const limitFor = (firstSync: boolean) =>
      this.deps.pullLimit ?? (firstSync ? LIMITS.maxPullLimit : LIMITS.defaultPullLimit);
    let limit = limitFor(first);
    const changed = new Set<string>();
    let resets = 0;
    let next: Promise<unknown> | undefined;
    const startOver = (nextScope?: string) => {
      resets += 1;
      store.resetConfirmed(nextScope);
      // Whatever the UI shows came from the dropped rows: it must read again now, not after the snapshot.
      this.deps.onChanged([...TABLE_NAMES]);
      changed.clear();
      first = true;
      limit = limitFor(true);
      this.firstSync = { done: 0, total: null };
      this.deps.onProgress(this.firstSync);
      this.announce();
    };
    this.firstSyncRunning = first;
    try {
      for (;;) {
        this.firstSyncRunning = first;
        const raw = await (next ?? this.pullRequest(store.cursor(), limit));
        next = undefined;
        const read = this.readPage(raw, resets < MAX_RESETS_PER_PULL);
        if ('startOver' in read) {
          startOver(read.scope);
          continue;
        }
        const { page } = read;
        // The answer depends only on the cursor, which is this page's: ask now, apply meanwhile.
        if (page.more) next = this.pullRequest(page.cursor, limit);
        const applied = store.applyPull(page, this.deps.contextFor);
        if (!applied.ok) throw new RequestFailed(applied.error);
        for (const table of applied.value.tables) changed.add(table);
        if (!first && changed.size > 0) {
          this.deps.onChanged([...changed]);
          changed.clear();
        }
        if (first) {
          this.firstSync = {
            done: page.cursor,
            total: page.latestVersion ?? (page.more ? null : page.cursor),
          };
          this.deps.onProgress(this.firstSync);
        }
        if (!page.more) break;
      }
      if (first) {
        store.meta.set(META_KEYS.firstSyncDone, '1');
        this.firstSync = null;
      }
    } finally {
      this.firstSyncRunning = false;
      // Pages applied before a failure are in the cache: say so even when the sync stops here.
      if (changed.size > 0) this.deps.onChanged([...changed]);
    }
    this.announce();
  }

  /**
   * A pull answer: the page to apply, or a start-over (the server's data was reset:
   * no scope; the user's access scope changed: the new one), or a RequestFailed.
   */
  private readPage(
    raw: unknown,
    mayStartOver: boolean,
  ):
    | { page: z.output<typeof pulledPageSchema> & { latestVersion?: number } }
    | { startOver: true; scope?: string } {
    const answer = pullAnswerSchema.safeParse(raw);
    if (!answer.success)
      throw new RequestFailed({
        code: 'sync.bad_response',
        message: 'The server answered a pull with something this desktop cannot read.',
      });
    if (!answer.data.ok) {
      // The server's data was reset: forget ours and sync from scratch (the outbox stays).
      if (answer.data.error.code === 'sync.cursor_ahead' && mayStartOver) return { startOver: true };
      throw new RequestFailed(answer.data.error);
    }
    const page = answer.data.value;
    const held = this.deps.store.pullScope();
    if (page.scope === undefined || held === undefined || page.scope === held) return { page };
    if (!mayStartOver)
      throw new RequestFailed({
        code: 'sync.scope_changed',
        message: 'Your team or role changed again while this desktop was catching up; it will retry.',
      });
    this.deps.logger.info('sync: access scope changed, dropping the cached rows');
    return { startOver: true, scope: page.scope };
  }

  /** A pull request whose failure is handled where it is awaited (or ignored, when a page before it failed). */
  private pullRequest(cursor: number, limit: number): Promise<unknown> {
    const answer = this.request(EVENTS.pull, { cursor, limit });
    answer.catch(() => undefined);
    return answer;
  }

  /** Asks the server to place a call through the telephony platform (the cti port). */
  async placeCall(args: PlaceCallArgs): Promise<Result<{ callId: string }>> {
    try {
      const answer = placeCallAnswerSchema.safeParse(await this.request(TELEPHONY_EVENTS.placeCall, args));
      if (!answer.success)
        return err('sync.bad_answer', 'The server answered place-call in a form this app does not know.');
      return answer.data;
    } catch (error) {
      if (error instanceof RequestFailed) return { ok: false, error: error.domainError };
      throw error;
    }
  }

  /** One request with an acknowledgement; fails on timeout or when the connection drops. */
  private async request(event: string, payload: unknown): Promise<unknown> {
    const outcome = await this.connection.request(event, payload, this.deps.ackTimeoutMs ?? 30_000);
    if (outcome.ok) return outcome.answer;
    throw new RequestFailed(REQUEST_FAILURES[outcome.failure](event));
  }
}

const REQUEST_FAILURES: Record<RequestFailure, (event: string) => DomainError> = {
  offline: () => ({ code: 'sync.disconnected', message: 'Not connected to the sync server.' }),
  disconnected: () => ({
    code: 'sync.disconnected',
    message: 'The connection dropped before the server answered.',
  }),
  timeout: (event) => ({ code: 'sync.timeout', message: `The server did not answer ${event} in time.` }),
};
