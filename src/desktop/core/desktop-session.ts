import { randomUUID } from 'node:crypto';
import { DEFAULT_POLICY, MINUTE_MS, parsePolicy, type Policy } from '../../shared/domain/policy';
import { err, ok, type Result } from '../../shared/domain/result';
import type { ChannelResult, ParsedChannelArgs } from '../../shared/ipc/channels';
import type { ConnectionStateName, SessionState } from '../../shared/ipc/views';
import type { MutatorContext } from '../../shared/sync/mutator';
import type { SessionUser, SignInResponse } from '../../shared/sync/protocol';
import { TABLE_NAMES } from '../../shared/sync/rows';
import type { LocalStore } from '../store/local-store';
import { META_KEYS } from '../store/meta';
import type { PiiCipher } from '../store/pii-cipher';
import { cannotReach, requestSignIn, requestSignOut } from './auth-client';
import type { EventHub } from './event-hub';
import { IdleLock } from './idle-lock';
import type { CoreLogger } from './logger';
import type { NetworkPort } from './network/network-port';
import { checkVerifier, makeVerifier } from './password-verifier';
import { serverOffsetFromSignIn } from './server-clock';
import type { ServerAddresses } from './server-addresses';
import { saveProxyCredentials } from './network/proxy-credentials-store';
import { loadSession, resumableEnd, saveSession, type StoredSession } from './session-store';
import { loadUnlockVerifier, saveUnlockVerifier, upgradeUnlockVerifier } from './unlock-verifier-store';
import { countNoun, plural } from '../../shared/domain/language/plural';

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
    keepAliveDue(now: number, everyMs: number): void;
    /** The server answers on the sync connection now (so it has not ended the session). */
    readonly connected: boolean;
  };
  /** The rows were dropped with the session: per-user state elsewhere starts over. */
  onSignedOut(): void;
}

/** What opens a session: a sign-in, or a password change with the current (or one-time) password. */
type SessionRequestArgs = ParsedChannelArgs<'session.signIn'> | ParsedChannelArgs<'session.changePassword'>;

/**
 * Who is signed in on this desktop, and the idle lock: sign-in against the
 * server, offline unlock, sign-out (refused while changes are unsynced), the
 * forced sign-out after too many wrong passwords, and the session following the
 * synced profile. Everything else reads the user, policy and clocks from here.
 */
export class DesktopSession {
  private session: StoredSession | undefined;
  private readonly idle: IdleLock;
  /**
   * The password of an unlock made while the server could not be reached and its
   * session had ended: held in memory only (never stored), until the server answers
   * the re-authentication it is needed for.
   */
  /**
   * After an unlock the server could not confirm (ended, or out of reach so it may have
   * ended the session meanwhile): who signs in again once the server answers (memory
   * only; forgotten as soon as the server accepts the session or a sign-in succeeds).
   */
  private reauth: { username: string; password: string } | undefined;
  private reauthRunning = false;

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
      // A session the server ended for idleness or age stays at the lock screen (one unlock signs
      // in again); any other end (disabled account, sign-out elsewhere) shows the sign-in screen.
      status:
        !s || (s.expired && !resumableEnd(s)) ? 'signed-out' : this.idle.isLocked ? 'locked' : 'signed-in',
      user: s?.user ?? null,
      policy: s?.policy ?? null,
      expired: s?.expired ?? false,
      needsUsername: s?.expired === true && s.username === undefined,
      idleLockMinutes: this.idleLockMinutes(),
      noticeChannels: s?.noticeChannels ?? null,
      ssoName: s?.ssoName ?? null,
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

  /**
   * Sign-in, or a new password with the current (or one-time) one: both open a session.
   * The desktop's client id goes along, so this desktop's sign-ins are counted apart from
   * guesses elsewhere (docs/protocol.md, "Sign-in limits").
   */
  async signIn(args: SessionRequestArgs): Promise<R<'session.signIn'>> {
    const answer = await this.requestSession(args);
    if (!answer.ok) return answer;
    const { value, policy } = answer.value;
    const password = 'newPassword' in args ? args.newPassword : args.password;
    return this.open(value, policy, { username: args.username, password });
  }

  /**
   * A session from single sign-on (the identity provider's code, redeemed by the server):
   * a sign-in, or — at the lock screen — the unlock, which must be the same person.
   */
  signedInWithSso(value: SignInResponse, displayName: string): R<'session.signIn'> {
    const policy = parsePolicy(value.policy);
    if (!policy.ok)
      return err('sync.bad_policy', `The server sent a policy this desktop cannot use: ${policy.error}`);
    const current = this.session;
    if (current && this.idle.isLocked && current.user.id !== value.user.id)
      return err(
        'session.not_this_user',
        'The identity provider signed in someone else: only the person signed in at this desktop can unlock it.',
      );
    return this.open(value, policy.value, { sso: displayName });
  }

  /** A granted session becomes this desktop's (another user's cache is dropped first, unless it has unsent work). */
  private open(
    value: SignInResponse,
    policy: Policy,
    how: { username: string; password: string } | { sso: string },
  ): R<'session.signIn'> {
    const { store } = this.deps;
    const previousUser = store.meta.get(META_KEYS.userId);
    if (previousUser !== undefined && previousUser !== value.user.id) {
      const pending = store.outbox.count();
      if (pending > 0) {
        return err(
          'session.other_user_pending',
          `${plural('en', pending, { one: '# change made by another user on this desktop has', other: '# changes made by another user on this desktop have' })} not reached the server yet; that user must sign in and sync them first.`,
          { count: pending },
        );
      }
      this.deps.sync.stop();
      store.wipe();
    }
    const wasLocked = this.idle.isLocked;
    this.adopt(value, policy, how);
    if (wasLocked) this.deps.events.emit('lock', { locked: false });
    this.deps.logger.info('signed in', { userId: value.user.id, sso: 'sso' in how });
    return ok(this.announce());
  }

  /** Asks the first node that answers for a session (several configured: one may be down). */
  private async requestSession(
    args: SessionRequestArgs,
  ): Promise<Result<{ value: SignInResponse; policy: Policy }>> {
    // The installation key asks the server for this desk's code (reference numbers).
    const request = { ...args, clientId: this.clientId(), installation: this.deps.store.desk.key() };
    const answer = await this.deps.servers.firstAnswer(
      (url) => requestSignIn(this.deps.network, url, request),
      // A proxy or certificate problem may be one node's (its own certificate, a proxy rule): try the others too.
      (r) => !r.ok && cannotReach(r.error.code),
    );
    if (!answer.ok) return answer;
    const policy = parsePolicy(answer.value.policy);
    if (!policy.ok)
      return err('sync.bad_policy', `The server sent a policy this desktop cannot use: ${policy.error}`);
    return ok({ value: answer.value, policy: policy.value });
  }

  /** A session the server granted becomes this desktop's: stored, the unlock password kept as a verifier, sync (re)started. */
  private adopt(
    value: SignInResponse,
    policy: Policy,
    how: { username: string; password: string } | { sso: string },
  ): void {
    const username = 'sso' in how ? undefined : how.username;
    const { store, cipher } = this.deps;
    const session: StoredSession = {
      token: value.token,
      expiresAt: value.expiresAt,
      user: value.user,
      policy,
      serverOffsetMs: serverOffsetFromSignIn(
        value.expiresAt,
        policy.security.sessionHours,
        this.deps.clock(),
      ),
      expired: false,
      username,
      noticeChannels: value.noticeChannels,
      ...('sso' in how ? { ssoName: how.sso } : {}),
    };
    this.session = session;
    this.reauth = undefined;
    store.transaction(() => {
      saveSession(store.meta, cipher, session);
      store.meta.set(META_KEYS.userId, value.user.id);
      // Single sign-on: no password is kept; the lock screen goes through the provider again.
      if ('sso' in how) store.meta.delete(META_KEYS.unlockVerifier);
      else saveUnlockVerifier(store.meta, cipher, makeVerifier(how.password));
      // The proxy let this sign-in through with them: keep them for the sockets and the next start.
      const proxy = this.deps.network.proxyCredentials();
      if (proxy) saveProxyCredentials(store.meta, cipher, proxy);
      store.meta.delete(META_KEYS.unlockFailures);
      this.clientId();
      if (value.desk !== undefined && value.desk !== null) store.desk.setDesk(value.desk);
    });
    store.setPolicy(policy);
    this.idle.unlock();
    // A new token: the sync engine (and with it the outbox) starts over on it.
    this.deps.sync.stop('offline');
    this.deps.sync.start();
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
        `${plural('en', pending, { one: '# change has', other: '# changes have' })} not reached the server yet, so Agent Desk cannot sign out while locked. Unlock it and sync first.`,
        { count: pending },
      );
    }
    if (pending > 0 && !discardPending) {
      return err(
        'session.pending_changes',
        `${plural('en', pending, { one: '# change has', other: '# changes have' })} not reached the server yet. Connect to sync them first, or sign out anyway and discard them.`,
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
    this.session = { ...this.session, expired: true, endedBy: error.code };
    saveSession(this.deps.store.meta, this.deps.cipher, this.session);
    this.deps.logger.warn('session ended by the server', { code: error.code });
    this.announce();
    // Unlocked while the server was out of reach: sign in again with that password now.
    this.retrySignInAgain();
  }

  /** The server accepted the session (the sync connection is up): no re-authentication is waiting. */
  confirmedByServer(): void {
    if (!this.session?.expired) this.reauth = undefined;
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

  /**
   * Unlocks with the password the desktop knows (it works offline). When the server
   * has ended the session meanwhile (its idle limit), the same password signs in
   * again, so one entry resumes sync and sends the waiting changes; with the server
   * out of reach the desktop unlocks and signs in again as soon as it answers. Once
   * the server has ended the session its answer decides: a password changed since
   * this desktop kept one still lets the agent in, and a refusal always says what to
   * do next (never a lock screen with no way out for the waiting changes).
   */
  async unlock(args: ParsedChannelArgs<'session.unlock'>): Promise<R<'session.unlock'>> {
    const ssoName = this.session?.ssoName;
    if (ssoName !== undefined)
      return err(
        'session.sso_unlock',
        `You signed in with ${ssoName}: unlock with it too (this desktop keeps no password for you).`,
        { provider: ssoName },
      );
    const verifier = loadUnlockVerifier(this.deps.store.meta, this.deps.cipher);
    const known = verifier !== undefined && checkVerifier(args.password, verifier);
    const session = this.session;
    if (session?.expired) {
      const refused = await this.unlockEnded(session, args, known);
      if (refused) return refused;
    } else if (!known) {
      return this.wrongPassword();
    } else if (!this.deps.sync.connected && session?.username !== undefined) {
      // Out of reach: the server may end the idle session before it hears from us again.
      // Then the password just given signs in again, rather than asking for it a second time.
      this.reauth = { username: session.username, password: args.password };
    }
    this.deps.store.meta.delete(META_KEYS.unlockFailures);
    this.idle.unlock();
    this.deps.events.emit('lock', { locked: false });
    return ok(this.announce());
  }

  /** The unlock of a session the server ended: signs in again, or says why not (undefined: unlock). */
  private async unlockEnded(
    session: StoredSession,
    args: ParsedChannelArgs<'session.unlock'>,
    known: boolean,
  ): Promise<R<'session.unlock'> | undefined> {
    // A session stored before usernames were kept: the user name is asked once, then stored.
    const username = session.username ?? args.username;
    if (username === undefined) {
      return err(
        'session.username_needed',
        'Enter your user name as well as your password: this desktop needs it once to sign you in again.',
      );
    }
    const again = await this.signInAgain(username, args.password);
    if (again.ok) return undefined;
    const { code } = again.error;
    if (cannotReach(code)) {
      if (!known) return this.wrongPassword();
      this.reauth = { username, password: args.password };
      return undefined;
    }
    if (code === 'auth.invalid_credentials') {
      // The password this desktop knows is no longer the account's: the current one will be.
      if (known)
        return err(
          'session.password_changed',
          'The server no longer accepts this password (it was changed). Enter your current password; the changes waiting on this computer are kept.',
        );
      return this.wrongPassword();
    }
    if (code === 'auth.account_disabled') this.forceSignOut();
    return again;
  }

  /** A wrong unlock password: counted; too many in a row sign out (the outbox is kept). */
  private wrongPassword(): R<'session.unlock'> {
    const { meta } = this.deps.store;
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
      `That password is not right; try again (${countNoun('en', allowed - failures, 'attempt', 'attempts')} left before you are signed out).`,
      { attemptsLeft: allowed - failures },
    );
  }

  /** Signs in again as the session's user after the server ended the session. */
  private async signInAgain(username: string, password: string): Promise<Result<null>> {
    const userId = this.session?.user.id;
    const answer = await this.requestSession({ username, password });
    if (!answer.ok) return answer;
    // Signed out meanwhile: nothing to resume.
    if (!this.session) return ok(null);
    if (answer.value.value.user.id !== userId)
      return err(
        'session.not_this_user',
        'That user name is not the one signed in at this desktop; enter your own user name.',
      );
    this.adopt(answer.value.value, answer.value.policy, { username, password });
    this.deps.logger.info('signed in again after the server ended the session', { userId });
    return ok(null);
  }

  /** After an offline unlock: tries the re-authentication again (the core's timer calls it). */
  retrySignInAgain(): void {
    const reauth = this.reauth;
    if (reauth === undefined || this.reauthRunning || !this.session?.expired) return;
    this.reauthRunning = true;
    void this.signInAgain(reauth.username, reauth.password)
      .then((again) => {
        if (again.ok || !cannotReach(again.error.code)) this.reauth = undefined;
        if (again.ok) this.announce();
        else if (!cannotReach(again.error.code)) {
          this.deps.logger.warn('signing in again was refused', { code: again.error.code });
          // The unlock screen says why and takes the password the server accepts now.
          this.lock();
        }
      })
      .finally(() => {
        this.reauthRunning = false;
      });
  }

  activity(): Result<null> {
    if (!this.idle.isLocked) {
      this.idle.touch();
      this.deps.sync.keepAlive(this.serverNow(), this.keepAliveEveryMs());
    }
    return ok(null);
  }

  /**
   * A third of the idle timeout (never longer than the server's), so activity always
   * reaches the server before it would end the session.
   */
  private keepAliveEveryMs(): number {
    return (this.idleLockMinutes() * MINUTE_MS) / 3;
  }

  /**
   * Locks when the idle time ran out (the core's timer calls it); until then sends the
   * input that the keep-alive's spacing held back, so the server's idle limit counts
   * from the last input, as the lock does (a lead watching the board is not cut off sooner).
   */
  checkIdle(): void {
    if (!this.session) return;
    if (this.idle.check()) {
      this.deps.events.emit('lock', { locked: true });
      this.announce();
    } else if (!this.idle.isLocked) {
      this.deps.sync.keepAliveDue(this.serverNow(), this.keepAliveEveryMs());
    }
  }

  /** Tells everyone the session state changed; answers it. */
  private announce(): SessionState {
    const state = this.state();
    this.deps.events.emit('session', state);
    return state;
  }
}
