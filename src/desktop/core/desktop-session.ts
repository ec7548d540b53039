import { randomUUID } from 'node:crypto';
import { DEFAULT_POLICY, MINUTE_MS, parsePolicy, type Policy } from '../../shared/domain/policy';
import { err, ok, type Result } from '../../shared/domain/result';
import type { ChannelResult, ParsedChannelArgs } from '../../shared/ipc/channels';
import type { ConnectionStateName, SessionState } from '../../shared/ipc/views';
import type { MutatorContext } from '../../shared/sync/mutator';
import type { SessionUser } from '../../shared/sync/protocol';
import { TABLE_NAMES } from '../../shared/sync/rows';
import type { LocalStore } from '../store/local-store';
import { META_KEYS } from '../store/meta';
import type { PiiCipher } from '../store/pii-cipher';
import { requestSignIn, requestSignOut } from './auth-client';
import type { EventHub } from './event-hub';
import { IdleLock } from './idle-lock';
import type { CoreLogger } from './logger';
import type { NetworkPort } from './network/network-port';
import { checkVerifier, makeVerifier } from './password-verifier';
import { serverOffsetFromSignIn } from './server-clock';
import type { ServerAddresses } from './server-addresses';
import { saveProxyCredentials } from './network/proxy-credentials-store';
import { loadSession, saveSession, type StoredSession } from './session-store';
import { loadUnlockVerifier, saveUnlockVerifier, upgradeUnlockVerifier } from './unlock-verifier-store';

type R<C extends 'session.signIn' | 'session.signOut' | 'session.lock' | 'session.unlock'> = Result<
  ChannelResult<C>
>;

export interface DesktopSessionDeps {
  /** The sync server's nodes: sign-in goes through the first that answers. */
  servers: ServerAddresses;
  network: NetworkPort;
  store: LocalStore;
  cipher: PiiCipher;
  events: EventHub;
  clock: () => number;
  logger: CoreLogger;
  /** Managed-settings override of policy.security.idleLockMinutes. */
  idleLockMinutes?: number;
  /** The sync engine, started and stopped with the session. */
  sync: {
    start(): void;
    stop(next?: ConnectionStateName): void;
    announce(): void;
    keepAlive(now: number, everyMs: number): void;
  };
  /** The rows were dropped with the session: per-user state elsewhere starts over. */
  onSignedOut(): void;
}

/**
 * Who is signed in on this desktop, and the idle lock: sign-in against the
 * server, offline unlock, sign-out (refused while changes are unsynced), the
 * forced sign-out after too many wrong passwords, and the session following the
 * synced profile. Everything else reads the user, policy and clocks from here.
 */
export class DesktopSession {
  private session: StoredSession | undefined;
  private readonly idle: IdleLock;

  constructor(private readonly deps: DesktopSessionDeps) {
    this.session = loadSession(deps.store.meta, deps.cipher);
    upgradeUnlockVerifier(deps.store.meta, deps.cipher);
    deps.store.setPolicy(this.policy());
    this.idle = new IdleLock(() => this.idleLockMinutes(), deps.clock);
  }

  /* ---------- what the rest of the core reads ---------- */

  policy(): Policy {
    return this.session?.policy ?? DEFAULT_POLICY;
  }

  /** Best estimate of the server's clock (the SLA clock). */
  serverNow(): number {
    return this.deps.clock() + (this.session?.serverOffsetMs ?? 0);
  }

  user(): SessionUser | undefined {
    return this.session?.user;
  }

  /** The session, unless signed out or ended by the server. */
  active(): { user: SessionUser; token: string } | undefined {
    return this.session && !this.session.expired ? this.session : undefined;
  }

  token(): string | undefined {
    return this.session?.token;
  }

  isSignedIn(): boolean {
    return this.session !== undefined;
  }

  isLocked(): boolean {
    return this.idle.isLocked;
  }

  clientId(): string {
    const { meta } = this.deps.store;
    let id = meta.get(META_KEYS.clientId);
    if (!id) {
      id = randomUUID();
      meta.set(META_KEYS.clientId, id);
    }
    return id;
  }

  /** The mutators' context: who acts, under which policy, at `now`. */
  context(now: number): MutatorContext {
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

  state(): SessionState {
    const s = this.session;
    return {
      status: !s ? 'signed-out' : this.idle.isLocked ? 'locked' : 'signed-in',
      user: s?.user ?? null,
      policy: s?.policy ?? null,
      expired: s?.expired ?? false,
      idleLockMinutes: this.idleLockMinutes(),
    };
  }

  /**
   * The desktop's own idle lock (IT's idleLockMinutes setting) can only be stricter
   * than the server's policy, which ends idle sessions itself: the shorter applies.
   */
  private idleLockMinutes(): number {
    const server = this.policy().security.idleLockMinutes;
    return Math.min(this.deps.idleLockMinutes ?? server, server);
  }

  /* ---------- sign-in and sign-out ---------- */

  async signIn(args: ParsedChannelArgs<'session.signIn'>): Promise<R<'session.signIn'>> {
    const { store, cipher } = this.deps;
    // The first node that answers (several configured: one may be down); the installation key asks for the desk code.
    const installation = store.desk.key();
    const answer = await this.deps.servers.firstAnswer(
      (url) => requestSignIn(this.deps.network, url, args.username, args.password, installation),
      // A proxy or certificate problem may be one node's (its own certificate, a proxy rule): try the others too.
      (r) => !r.ok && (r.error.code === 'sync.server_unreachable' || r.error.code.startsWith('network.')),
    );
    if (!answer.ok) return answer;
    const { value } = answer;
    const policy = parsePolicy(value.policy);
    if (!policy.ok)
      return err('sync.bad_policy', `The server sent a policy this desktop cannot use: ${policy.error}`);
    const previousUser = store.meta.get(META_KEYS.userId);
    if (previousUser !== undefined && previousUser !== value.user.id) {
      const pending = store.outbox.count();
      if (pending > 0) {
        return err(
          'session.other_user_pending',
          `${pending} change(s) made by another user on this desktop have not reached the server yet; that user must sign in and sync them first.`,
          { count: pending },
        );
      }
      this.deps.sync.stop();
      store.wipe();
    }
    const session: StoredSession = {
      token: value.token,
      expiresAt: value.expiresAt,
      user: value.user,
      policy: policy.value,
      serverOffsetMs: serverOffsetFromSignIn(
        value.expiresAt,
        policy.value.security.sessionHours,
        this.deps.clock(),
      ),
      expired: false,
    };
    this.session = session;
    store.transaction(() => {
      saveSession(store.meta, cipher, session);
      store.meta.set(META_KEYS.userId, value.user.id);
      saveUnlockVerifier(store.meta, cipher, makeVerifier(args.password));
      // The proxy let this sign-in through with them: keep them for the sockets and the next start.
      const proxy = this.deps.network.proxyCredentials();
      if (proxy) saveProxyCredentials(store.meta, cipher, proxy);
      store.meta.delete(META_KEYS.unlockFailures);
      this.clientId();
      if (value.desk !== undefined && value.desk !== null) store.desk.setDesk(value.desk);
    });
    store.setPolicy(policy.value);
    this.idle.unlock();
    this.deps.logger.info('signed in', { userId: value.user.id });
    this.deps.sync.stop('offline');
    this.deps.sync.start();
    return ok(this.announce());
  }

  async signOut(args: ParsedChannelArgs<'session.signOut'>): Promise<R<'session.signOut'>> {
    const refused = this.signOutRefusal(args.discardPending);
    if (refused) return refused;
    const token = this.active()?.token;
    this.deps.sync.stop('signed-out');
    if (token) await requestSignOut(this.deps.network, this.deps.servers.current, token);
    this.session = undefined;
    this.deps.store.wipe();
    this.forgetUser();
    this.deps.logger.info('signed out; cache wiped');
    const state = this.announce();
    this.deps.events.emit('dataChanged', { tables: [...TABLE_NAMES] });
    this.deps.sync.announce();
    return ok(state);
  }

  private signOutRefusal(discardPending: boolean): R<'session.signOut'> | undefined {
    const pending = this.deps.store.outbox.count();
    // Whoever sits at a locked desk may not be its agent: they must not throw away the agent's work.
    if (this.idle.isLocked && discardPending) {
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
    if (pending > 0 && !discardPending) {
      return err(
        'session.pending_changes',
        `${pending} change(s) have not reached the server yet. Connect to sync them first, or sign out anyway and discard them.`,
        { count: pending },
      );
    }
    return undefined;
  }

  /**
   * Too many wrong unlock passwords: end the session so only the server can let
   * the agent back in. The outbox stays (encrypted) and is sent after the same
   * agent signs in again; everything else the cache holds is dropped.
   */
  private forceSignOut(): void {
    const token = this.active()?.token;
    this.deps.sync.stop('signed-out');
    if (token)
      void requestSignOut(this.deps.network, this.deps.servers.current, token).catch(() => undefined);
    this.session = undefined;
    this.deps.store.wipeKeepingOutbox();
    this.forgetUser();
    this.deps.logger.warn('too many wrong unlock passwords; signed out, outbox kept');
    this.deps.events.emit('lock', { locked: false });
    this.announce();
    this.deps.events.emit('dataChanged', { tables: [...TABLE_NAMES] });
    this.deps.sync.announce();
  }

  /** Signed out: the next person at this desk enters their own proxy credentials. */
  private forgetUser(): void {
    this.deps.network.setProxyCredentials(null);
    this.deps.store.setPolicy(DEFAULT_POLICY);
    this.idle.unlock();
    this.deps.onSignedOut();
  }

  /** The server refused the session (expired, signed out elsewhere): keep the data, ask to sign in. */
  ended(error: { code: string; message: string }): void {
    if (!this.session) return;
    this.session = { ...this.session, expired: true };
    saveSession(this.deps.store.meta, this.deps.cipher, this.session);
    this.deps.logger.warn('session ended by the server', { code: error.code });
    this.announce();
  }

  /**
   * An administrator may change the signed-in user's team, role or name while the
   * session lasts: the server judges by the new profile at once (and a moved user's
   * cache starts over, see SyncEngine.pullAll). The synced users row is the server's
   * word, so the session follows it: the screens and the mutators' local context
   * (team, role) must not keep the old ones until the next sign-in.
   */
  followOwnProfile(): void {
    const session = this.session;
    if (!session) return;
    const row = this.deps.store.rows.get('users', session.user.id);
    if (!row) return;
    const { name, role, team } = row;
    const user = session.user;
    if (user.name === name && user.role === role && user.team === team) return;
    this.session = { ...session, user: { ...user, name, role, team } };
    saveSession(this.deps.store.meta, this.deps.cipher, this.session);
    this.deps.logger.info('session: profile changed by an administrator; following it');
    this.announce();
  }

  /* ---------- idle lock ---------- */

  lock(): R<'session.lock'> {
    if (!this.idle.isLocked) {
      this.idle.lock();
      this.deps.events.emit('lock', { locked: true });
      this.announce();
    }
    return ok(this.state());
  }

  unlock(args: ParsedChannelArgs<'session.unlock'>): R<'session.unlock'> {
    const { meta } = this.deps.store;
    const verifier = loadUnlockVerifier(meta, this.deps.cipher);
    if (!verifier || !checkVerifier(args.password, verifier)) {
      const failures = meta.getNumber(META_KEYS.unlockFailures, 0) + 1;
      const allowed = this.policy().security.maxFailedSignIns;
      if (failures >= allowed) {
        this.forceSignOut();
        return err(
          'session.unlock_attempts_exceeded',
          `${allowed} wrong passwords in a row: you have been signed out. Sign in again; changes not yet synced were kept and will be sent after you sign in.`,
          { count: allowed },
        );
      }
      meta.set(META_KEYS.unlockFailures, String(failures));
      return err(
        'session.wrong_password',
        `That password is not right; try again (${allowed - failures} attempt(s) left before you are signed out).`,
        { attemptsLeft: allowed - failures },
      );
    }
    meta.delete(META_KEYS.unlockFailures);
    this.idle.unlock();
    this.deps.events.emit('lock', { locked: false });
    return ok(this.announce());
  }

  activity(): Result<null> {
    if (!this.idle.isLocked) {
      this.idle.touch();
      // A third of the idle timeout (never longer than the server's), so activity
      // always reaches the server before it would end the session.
      this.deps.sync.keepAlive(this.serverNow(), (this.idleLockMinutes() * MINUTE_MS) / 3);
    }
    return ok(null);
  }

  /** Locks when the idle time ran out (the core's timer calls it). */
  checkIdle(): void {
    if (this.session && this.idle.check()) {
      this.deps.events.emit('lock', { locked: true });
      this.announce();
    }
  }

  /** Tells everyone the session state changed; answers it. */
  private announce(): SessionState {
    const state = this.state();
    this.deps.events.emit('session', state);
    return state;
  }
}
