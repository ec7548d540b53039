import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_POLICY, MINUTE_MS, parsePolicy, type Policy } from '../../shared/domain/policy';
import { err, ok, type Result } from '../../shared/domain/result';
import type { SlaState } from '../../shared/domain/sla';
import type { ChannelResult, IpcChannel, ParsedChannelArgs } from '../../shared/ipc/channels';
import { EventHub } from './event-hub';
import type { ConnectionState, SessionState, WorklistPage } from '../../shared/ipc/views';
import type { MutatorContext } from '../../shared/sync/mutator';
import { SCHEMA_VERSION } from '../../shared/sync/protocol';
import {
  claimCallback,
  createInquiry,
  createServiceRequest,
  grantExtraAttempt,
  reassignCallback,
  recordCallbackAttempt,
  recordExpediteRequest,
  recordInquiryOutcome,
  referExpediteRequest,
  releaseCallback,
  requestAppointment,
  scheduleCallback,
  upsertCustomer,
} from '../../shared/sync/registry';
import { TABLE_NAMES } from '../../shared/sync/rows';
import { LocalStore, type PlannedMutation } from '../store/local-store';
import { META_KEYS } from '../store/meta';
import { openStore } from '../store/open-store';
import { createPiiCipher, type PiiCipher } from '../store/pii-cipher';
import { requestSignIn, requestSignOut } from './auth-client';
import type { BackoffOptions } from './backoff';
import { CALLBACK_OUTCOMES, planInquirySubmit } from './commands';
import { detectDueSoon } from './due-soon';
import { isAllowedExternalUrl } from './external-links';
import { IdleLock } from './idle-lock';
import type { KeyProvider } from './key-provider';
import { silentLogger, type CoreLogger } from './logger';
import { checkVerifier, makeVerifier } from './password-verifier';
import { loadUnlockVerifier, saveUnlockVerifier, upgradeUnlockVerifier } from './unlock-verifier-store';
import { callbackDetail } from './queries/callback-detail';
import { getScript, listScripts } from './queries/scripts';
import { queryWorklist } from './queries/worklist';
import { serverOffsetFromSignIn } from './server-clock';
import { loadSession, saveSession, type StoredSession } from './session-store';
import { SyncEngine } from './sync-engine';
import { SupervisorDesk } from './supervisor/supervisor-desk';

export interface DesktopCoreOptions {
  /** Folder for the cache (created if missing). */
  dataDir: string;
  serverUrl: string;
  keyProvider: KeyProvider;
  clock?: () => number;
  logger?: CoreLogger;
  appVersion?: string;
  /**
   * The desktop's own idle lock (IT's idleLockMinutes setting). It can only be
   * stricter than the server's policy, which ends idle sessions itself: the
   * shorter of the two applies.
   */
  idleLockMinutes?: number;
  backoff?: BackoffOptions;
  pullLimit?: number;
  /** Opens an allowed https link in the system browser; false when this host cannot. */
  openExternal?: (url: string) => Promise<boolean> | boolean;
  newId?: () => string;
  /** Run the idle-lock and due-soon timers (tests call checkTimers() instead). */
  timers?: boolean;
}

export const CACHE_FILE_NAME = 'agent-desk-cache.db';

type R<C extends IpcChannel> = Result<ChannelResult<C>>;

/**
 * The desktop core: cache, outbox, sync and every query and command the UI
 * uses — plain Node, no Electron. The Electron shell and the browser host
 * both construct it and serve it through createIpcHandlers.
 */
export class DesktopCore {
  readonly events = new EventHub();
  private session: StoredSession | undefined;
  private readonly idle: IdleLock;
  private readonly engine: SyncEngine;
  /** The supervisor view (leads): live board link, drill-down, forecast, bulk actions. */
  readonly supervisor: SupervisorDesk;
  private dueStates = new Map<string, SlaState>();
  private lastDueCount = -1;
  private timer: NodeJS.Timeout | undefined;
  private readonly clock: () => number;
  private readonly newId: () => string;
  private readonly logger: CoreLogger;

  constructor(
    private readonly options: DesktopCoreOptions,
    readonly store: LocalStore,
    private readonly cipher: PiiCipher,
  ) {
    this.clock = options.clock ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.logger = options.logger ?? silentLogger;
    this.session = loadSession(store.meta, cipher);
    upgradeUnlockVerifier(store.meta, cipher);
    store.setPolicy(this.policy());
    this.idle = new IdleLock(() => this.idleLockMinutes(), this.clock);
    this.engine = new SyncEngine({
      serverUrl: options.serverUrl,
      store,
      clientId: () => this.clientId(),
      token: () => this.session?.token,
      contextFor: (createdAt) => this.context(createdAt),
      clock: this.clock,
      logger: this.logger,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.pullLimit ? { pullLimit: options.pullLimit } : {}),
      onState: (state) => {
        this.events.emit('connection', state);
        if (state.state === 'online') this.warmWorklist();
      },
      onProgress: (progress) => this.events.emit('syncProgress', progress),
      onChanged: (tables) => this.changed(tables),
      onRejected: (rejection) => this.events.emit('mutationRejected', rejection),
      onSessionEnded: (error) => this.sessionEnded(error),
    });
    this.supervisor = new SupervisorDesk({
      serverUrl: options.serverUrl,
      store,
      session: () => (this.session && !this.session.expired ? this.session : undefined),
      clock: this.clock,
      logger: this.logger,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      enqueue: (name, args) => this.single(name, args),
      onSnapshot: (snapshot) => this.events.emit('supervisorSnapshot', snapshot),
      onStatus: (status) => this.events.emit('supervisorStatus', status),
      onSessionEnded: (error) => this.sessionEnded(error),
    });
    this.events.on('session', () => this.supervisor.sessionChanged());
    // A change synced before the app last closed (a move announced at the end of an interrupted sync).
    this.followOwnProfile();
    if (options.timers ?? true) {
      this.timer = setInterval(() => this.checkTimers(), 15_000);
      this.timer.unref();
    }
    if (this.session && !this.session.expired) this.engine.start();
  }

  /* ---------- clock, policy, context ---------- */

  policy(): Policy {
    return this.session?.policy ?? DEFAULT_POLICY;
  }

  private idleLockMinutes(): number {
    const server = this.policy().security.idleLockMinutes;
    return Math.min(this.options.idleLockMinutes ?? server, server);
  }

  /** Best estimate of the server's clock (the SLA clock). */
  serverNow(): number {
    return this.clock() + (this.session?.serverOffsetMs ?? 0);
  }

  private clientId(): string {
    let id = this.store.meta.get(META_KEYS.clientId);
    if (!id) {
      id = randomUUID();
      this.store.meta.set(META_KEYS.clientId, id);
    }
    return id;
  }

  private context(now: number): MutatorContext {
    const user = this.session?.user;
    return {
      userId: user?.id ?? 'nobody',
      role: user?.role ?? 'tier1',
      team: user?.team ?? 'none',
      now,
      policy: this.policy(),
      clientId: this.clientId(),
    };
  }

  /**
   * Once the cache is caught up, load the worklist's in-memory order now and build the
   * search index in slices between other work, so neither the first worklist page
   * nor the agent's first search waits for 50,000 decrypts.
   */
  private warmWorklist(): void {
    const failed = (error: unknown) =>
      this.logger.warn('the worklist could not be prepared ahead of time', {
        reason: error instanceof Error ? error.message : String(error),
      });
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
    this.followOwnProfile();
    this.events.emit('dataChanged', { tables: [...tables] });
    this.checkDueSoon();
  }

  /**
   * An administrator may change the signed-in user's team, role or name while the
   * session lasts: the server judges by the new profile at once (and a moved user's
   * cache starts over, see SyncEngine.pullAll). The synced users row is the server's
   * word, so the session follows it: the screens and the mutators' local context
   * (team, role) must not keep the old ones until the next sign-in.
   */
  private followOwnProfile(): void {
    const session = this.session;
    if (!session) return;
    const row = this.store.rows.get('users', session.user.id);
    if (!row) return;
    const { name, role, team } = row;
    const user = session.user;
    if (user.name === name && user.role === role && user.team === team) return;
    this.session = { ...session, user: { ...user, name, role, team } };
    saveSession(this.store.meta, this.cipher, this.session);
    this.logger.info('session: profile changed by an administrator; following it');
    this.events.emit('session', this.sessionState());
  }

  /* ---------- session ---------- */

  sessionState(): SessionState {
    const s = this.session;
    return {
      status: !s ? 'signed-out' : this.idle.isLocked ? 'locked' : 'signed-in',
      user: s?.user ?? null,
      policy: s?.policy ?? null,
      expired: s?.expired ?? false,
      idleLockMinutes: this.idleLockMinutes(),
    };
  }

  isSignedIn(): boolean {
    return this.session !== undefined;
  }

  isLocked(): boolean {
    return this.idle.isLocked;
  }

  async signIn(args: ParsedChannelArgs<'session.signIn'>): Promise<R<'session.signIn'>> {
    const answer = await requestSignIn(this.options.serverUrl, args.username, args.password);
    if (!answer.ok) return answer;
    const { value } = answer;
    const policy = parsePolicy(value.policy);
    if (!policy.ok)
      return err('sync.bad_policy', `The server sent a policy this desktop cannot use: ${policy.error}`);
    const previousUser = this.store.meta.get(META_KEYS.userId);
    if (previousUser !== undefined && previousUser !== value.user.id) {
      const pending = this.store.outbox.count();
      if (pending > 0) {
        return err(
          'session.other_user_pending',
          `${pending} change(s) made by another user on this desktop have not reached the server yet; that user must sign in and sync them first.`,
          { count: pending },
        );
      }
      this.engine.stop();
      this.store.wipe();
    }
    this.session = {
      token: value.token,
      expiresAt: value.expiresAt,
      user: value.user,
      policy: policy.value,
      serverOffsetMs: serverOffsetFromSignIn(
        value.expiresAt,
        policy.value.security.sessionHours,
        this.clock(),
      ),
      expired: false,
    };
    this.store.db.transaction(() => {
      saveSession(this.store.meta, this.cipher, this.session as StoredSession);
      this.store.meta.set(META_KEYS.userId, value.user.id);
      saveUnlockVerifier(this.store.meta, this.cipher, makeVerifier(args.password));
      this.store.meta.delete(META_KEYS.unlockFailures);
      this.clientId();
    })();
    this.store.setPolicy(policy.value);
    this.idle.unlock();
    this.logger.info('signed in', { userId: value.user.id });
    this.engine.stop('offline');
    this.engine.start();
    const state = this.sessionState();
    this.events.emit('session', state);
    return ok(state);
  }

  async signOut(args: ParsedChannelArgs<'session.signOut'>): Promise<R<'session.signOut'>> {
    const pending = this.store.outbox.count();
    // Whoever sits at a locked desk may not be its agent: they must not throw away the agent's work.
    if (this.idle.isLocked && args.discardPending) {
      return err(
        'session.locked_discard',
        'Unsynced changes cannot be discarded while Agent Desk is locked. Unlock it first.',
      );
    }
    if (this.idle.isLocked && pending > 0) {
      return err(
        'session.locked_pending',
        `${pending} change(s) have not reached the server yet, so Agent Desk cannot sign out while locked. Unlock it and sync first.`,
        { count: pending },
      );
    }
    if (pending > 0 && !args.discardPending) {
      return err(
        'session.pending_changes',
        `${pending} change(s) have not reached the server yet. Connect to sync them first, or sign out anyway and discard them.`,
        { count: pending },
      );
    }
    const token = this.session?.token;
    this.engine.stop('signed-out');
    if (token && this.session && !this.session.expired) await requestSignOut(this.options.serverUrl, token);
    this.session = undefined;
    this.store.wipe();
    this.store.setPolicy(DEFAULT_POLICY);
    this.idle.unlock();
    this.dueStates = new Map();
    this.logger.info('signed out; cache wiped');
    const state = this.sessionState();
    this.events.emit('session', state);
    this.events.emit('dataChanged', { tables: [...TABLE_NAMES] });
    this.engine.announce();
    return ok(state);
  }

  private sessionEnded(error: { code: string; message: string }): void {
    if (!this.session) return;
    this.session = { ...this.session, expired: true };
    saveSession(this.store.meta, this.cipher, this.session);
    this.logger.warn('session ended by the server', { code: error.code });
    this.events.emit('session', this.sessionState());
  }

  lock(): R<'session.lock'> {
    if (!this.idle.isLocked) {
      this.idle.lock();
      this.events.emit('lock', { locked: true });
      this.events.emit('session', this.sessionState());
    }
    return ok(this.sessionState());
  }

  unlock(args: ParsedChannelArgs<'session.unlock'>): R<'session.unlock'> {
    const verifier = loadUnlockVerifier(this.store.meta, this.cipher);
    if (!verifier || !checkVerifier(args.password, verifier)) {
      const failures = this.store.meta.getNumber(META_KEYS.unlockFailures, 0) + 1;
      const allowed = this.policy().security.maxFailedSignIns;
      if (failures >= allowed) {
        this.forceSignOut();
        return err(
          'session.unlock_attempts_exceeded',
          `${allowed} wrong passwords in a row: you have been signed out. Sign in again; changes not yet synced were kept and will be sent after you sign in.`,
          { count: allowed },
        );
      }
      this.store.meta.set(META_KEYS.unlockFailures, String(failures));
      return err(
        'session.wrong_password',
        `That password is not right; try again (${allowed - failures} attempt(s) left before you are signed out).`,
        { attemptsLeft: allowed - failures },
      );
    }
    this.store.meta.delete(META_KEYS.unlockFailures);
    this.idle.unlock();
    this.events.emit('lock', { locked: false });
    this.events.emit('session', this.sessionState());
    return ok(this.sessionState());
  }

  /**
   * Too many wrong unlock passwords: end the session so only the server can let
   * the agent back in. The outbox stays (encrypted) and is sent after the same
   * agent signs in again; everything else the cache holds is dropped.
   */
  private forceSignOut(): void {
    const token = this.session && !this.session.expired ? this.session.token : undefined;
    this.engine.stop('signed-out');
    if (token) {
      void requestSignOut(this.options.serverUrl, token).catch(() => undefined);
    }
    this.session = undefined;
    this.store.wipeKeepingOutbox();
    this.store.setPolicy(DEFAULT_POLICY);
    this.idle.unlock();
    this.dueStates = new Map();
    this.logger.warn('too many wrong unlock passwords; signed out, outbox kept');
    this.events.emit('lock', { locked: false });
    this.events.emit('session', this.sessionState());
    this.events.emit('dataChanged', { tables: [...TABLE_NAMES] });
    this.engine.announce();
  }

  activity(): R<'session.activity'> {
    if (!this.idle.isLocked) {
      this.idle.touch();
      // A third of the idle timeout (never longer than the server's), so activity
      // always reaches the server before it would end the session.
      this.engine.keepAlive(this.serverNow(), (this.idleLockMinutes() * MINUTE_MS) / 3);
    }
    return ok(null);
  }

  /** Idle lock and due-soon checks (a 15-second timer in production; called directly by tests). */
  checkTimers(): void {
    if (this.session && this.idle.check()) {
      this.events.emit('lock', { locked: true });
      this.events.emit('session', this.sessionState());
    }
    this.checkDueSoon();
  }

  private checkDueSoon(): void {
    const me = this.session?.user.id;
    // A half-pulled snapshot would announce a changing due count per page: the end of the first sync checks once.
    if (!me || this.engine.inFirstSync) return;
    const mine = this.store.db
      .prepare(
        "SELECT id, due_at AS dueAt, urgency FROM callback_index WHERE assignee_id = ? AND status = 'open'",
      )
      .all(me) as { id: string; dueAt: number; urgency: 'urgent' | 'non-urgent' }[];
    const check = detectDueSoon(this.dueStates, mine, this.serverNow(), this.policy());
    this.dueStates = check.states;
    if (check.items.length > 0 || check.dueCount !== this.lastDueCount) {
      this.lastDueCount = check.dueCount;
      this.events.emit('dueSoon', { items: check.items, dueCount: check.dueCount });
    }
  }

  /* ---------- sync ---------- */

  connectionState(): ConnectionState {
    return this.engine.state();
  }

  syncNow(): R<'sync.now'> {
    if (this.session && !this.session.expired) this.engine.reconnectNow();
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

  /* ---------- queries ---------- */

  worklist(args: ParsedChannelArgs<'worklist.query'>): Result<WorklistPage> {
    const user = this.session?.user;
    if (!user) return err('session.not_signed_in', 'Sign in first.');
    return ok(queryWorklist(this.store, args, { userId: user.id }, this.serverNow(), this.policy()));
  }

  callback(args: ParsedChannelArgs<'callback.get'>): R<'callback.get'> {
    return callbackDetail(this.store, args.callbackId, this.context(this.serverNow()), this.policy());
  }

  customer(args: ParsedChannelArgs<'customer.get'>): R<'customer.get'> {
    return ok(this.store.rows.get('customers', args.customerId) ?? null);
  }

  teamUsers(): R<'team.users'> {
    const team = this.session?.user.team;
    return ok(
      this.store.rows
        .list('users')
        .filter((u) => u.team === team)
        .map((u) => ({ id: u.id, name: u.name, role: u.role, active: u.active }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  }

  scripts(): R<'scripts.list'> {
    return ok(listScripts(this.store));
  }

  script(args: ParsedChannelArgs<'scripts.get'>): R<'scripts.get'> {
    return getScript(this.store, args.scriptId, args.version);
  }

  /* ---------- commands (mutations) ---------- */

  /** Optimistic apply + durable outbox in one transaction, then tell the UI and push. */
  private mutate(planned: PlannedMutation[]): Result<void> {
    if (!this.session) return err('session.not_signed_in', 'Sign in first.');
    const result = this.store.enqueue(planned, this.context(this.serverNow()));
    if (!result.ok) return result;
    this.changed([...result.value.tables]);
    this.engine.announce();
    this.engine.requestSync();
    return ok(undefined);
  }

  private single(name: string, args: unknown): Result<{ mutationId: string }> {
    const mutationId = this.newId();
    const done = this.mutate([{ id: mutationId, name, args }]);
    return done.ok ? ok({ mutationId }) : done;
  }

  claim(args: ParsedChannelArgs<'callback.claim'>): R<'callback.claim'> {
    return this.single(claimCallback.name, args);
  }

  release(args: ParsedChannelArgs<'callback.release'>): R<'callback.release'> {
    return this.single(releaseCallback.name, args);
  }

  recordAttempt(args: ParsedChannelArgs<'callback.recordAttempt'>): R<'callback.recordAttempt'> {
    const attemptId = this.newId();
    // The time the agent recorded it, so an attempt queued during a network cut keeps its time.
    const done = this.single(recordCallbackAttempt.name, {
      ...args,
      attemptId,
      messageLeft: args.outcome === 'no-answer-message-left',
      at: this.serverNow(),
    });
    return done.ok ? ok({ ...done.value, attemptId }) : done;
  }

  schedule(args: ParsedChannelArgs<'callback.schedule'>): R<'callback.schedule'> {
    return this.single(scheduleCallback.name, args);
  }

  grantExtraAttempt(args: ParsedChannelArgs<'callback.grantExtraAttempt'>): R<'callback.grantExtraAttempt'> {
    return this.single(grantExtraAttempt.name, args);
  }

  reassign(args: ParsedChannelArgs<'callback.reassign'>): R<'callback.reassign'> {
    return this.single(reassignCallback.name, args);
  }

  upsertCustomer(args: ParsedChannelArgs<'customer.upsert'>): R<'customer.upsert'> {
    const customerId = args.customerId ?? this.newId();
    const done = this.single(upsertCustomer.name, { ...args.fields, customerId });
    return done.ok ? ok({ ...done.value, customerId }) : done;
  }

  createInquiry(args: ParsedChannelArgs<'inquiry.create'>): R<'inquiry.create'> {
    const inquiryId = this.newId();
    const done = this.single(createInquiry.name, { ...args, inquiryId });
    return done.ok ? ok({ ...done.value, inquiryId }) : done;
  }

  recordOutcome(args: ParsedChannelArgs<'inquiry.recordOutcome'>): R<'inquiry.recordOutcome'> {
    const callbackId = CALLBACK_OUTCOMES.includes(args.outcome) ? this.newId() : null;
    const done = this.single(recordInquiryOutcome.name, { ...args, callbackId });
    return done.ok ? ok({ ...done.value, callbackId }) : done;
  }

  submitInquiry(args: ParsedChannelArgs<'inquiry.submit'>): R<'inquiry.submit'> {
    const plan = planInquirySubmit(args, this.newId);
    if (!plan.ok) return plan;
    const done = this.mutate(plan.value.mutations);
    if (!done.ok) return done;
    return ok({ mutationIds: plan.value.mutations.map((m) => m.id), ...plan.value.ids });
  }

  recordExpedite(args: ParsedChannelArgs<'expedite.record'>): R<'expedite.record'> {
    const expediteId = this.newId();
    const done = this.single(recordExpediteRequest.name, { ...args, expediteId });
    return done.ok ? ok({ ...done.value, expediteId }) : done;
  }

  referExpedite(args: ParsedChannelArgs<'expedite.refer'>): R<'expedite.refer'> {
    return this.single(referExpediteRequest.name, args);
  }

  requestAppointment(args: ParsedChannelArgs<'appointment.request'>): R<'appointment.request'> {
    const appointmentId = this.newId();
    const done = this.single(requestAppointment.name, { ...args, appointmentId });
    return done.ok ? ok({ ...done.value, appointmentId }) : done;
  }

  createServiceRequest(args: ParsedChannelArgs<'serviceRequest.create'>): R<'serviceRequest.create'> {
    const serviceRequestId = this.newId();
    const done = this.single(createServiceRequest.name, { ...args, serviceRequestId });
    return done.ok ? ok({ ...done.value, serviceRequestId }) : done;
  }

  /** Presence is last-writer-wins and skips the outbox: sent now if online, re-sent on reconnect. */
  setPresence(args: ParsedChannelArgs<'presence.set'>): R<'presence.set'> {
    this.engine.setPresence(args);
    return ok(null);
  }

  /* ---------- app ---------- */

  appInfo(): R<'app.info'> {
    return ok({
      appVersion: this.options.appVersion ?? '0.0.0',
      serverUrl: this.options.serverUrl,
      schemaVersion: SCHEMA_VERSION,
    });
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
    this.store.db.close();
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
