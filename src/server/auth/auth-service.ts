import { randomUUID } from 'node:crypto';
import { MINUTE_MS, HOUR_MS } from '../../shared/domain/policy';
import { err, ok, type Result } from '../../shared/domain/result';
import type { SessionUser } from '../../shared/sync/protocol';
import { sql } from 'kysely';
import type { UserRow } from '../../shared/sync/rows/user';
import { userRowSchema } from '../../shared/sync/rows/user';
import type { Db } from '../storage/database';
import type { SessionStore } from '../storage/server-store';
import type { SessionRecord } from '../storage/session-reads';
import type { PolicyAt } from '../policy/policy-book';
import type { StoredUser } from '../storage/users';
import { changePassword, signInWithPassword, type SessionProfile, type SignInSource } from './sign-in-flow';
import { SignInGate } from './sign-in-gate';
import { signToken, verifyToken } from './tokens';

export interface AuthenticatedSession {
  sessionId: string;
  user: SessionUser;
  expiresAt: number;
}

export interface SignedIn extends AuthenticatedSession {
  token: string;
}

export interface AuthServiceDeps {
  db: Db;
  /** Session and user reads (SQLite: the read-only connection, never queued behind writes; PostgreSQL: the pool). */
  sessions: SessionStore;
  secret: string;
  /** The policy in force at an instant (security numbers: session length, idle time, sign-in limits). */
  policyAt: PolicyAt;
  clock: () => number;
  /** How often user activity (`last_seen_at`) is written back, batched (default 2 s). */
  lastSeenFlushMs?: number;
  /** How long a checked session is trusted before it is read again (default 5 s; see AuthService). */
  sessionCacheMs?: number;
}

interface CachedSession extends SessionRecord {
  sid: string;
  exp: number;
  /** performance.now() when read: the entry is re-read after sessionCacheMs. */
  readAt: number;
}

const MAX_CACHED_SESSIONS = 50_000;

/** Parsed user profiles kept per (id, version): a stored profile never changes without a new version. */
const MAX_PROFILES = 10_000;

/**
 * Sign-in with lockout, session tokens, sign-out and the server-side idle
 * timeout. Sessions are rows, so sign-out and idle expiry take effect at once
 * even though tokens are self-verifying.
 *
 * Every socket event is authenticated, so the check must not touch the database
 * each time: a token seen before is looked up in memory (its HMAC was verified
 * when it was first read), and its session and user are read with one statement
 * (SessionStore) at most every `sessionCacheMs`. What ends a session is applied to
 * that cache at once: sign-out here, and `userChanged` (called by whatever revokes
 * a user's sessions or edits a user — the admin routes — on this node, and through
 * the cluster on every other node); the periodic re-read is a safety net, not the
 * mechanism. Expiry and the idle timeout are computed on every check.
 * Activity (`touch`) is kept in memory and written as one batched update every
 * few seconds; the idle check uses the newer of the stored and the pending time.
 */
export class AuthService {
  private readonly db: Db;
  private readonly secret: string;
  private readonly policyAt: PolicyAt;
  readonly gate: SignInGate;
  private readonly clock: () => number;
  private readonly reads: SessionStore;
  private readonly profiles = new Map<string, UserRow | null>();
  /** Token → its claims and session, as last read. */
  private readonly sessions = new Map<string, CachedSession>();
  /** Token → its session read under way (checks that arrive meanwhile share it). */
  private readonly reading = new Map<string, Promise<Result<CachedSession>>>();
  /** Sessions ended here or on another node, with when (performance.now): an older read is not cached. */
  private readonly ended = new Map<string, number>();
  /** Users `userChanged` was told about, with when (performance.now): an older read is neither cached nor answered by `known`. */
  private readonly changed = new Map<string, number>();
  private readonly sessionCacheMs: number;
  /** Session id → its latest activity seen here (cached rows may hold an older last_seen_at). */
  private readonly seen = new Map<string, number>();
  /** Sessions whose activity is not yet written to `sessions.last_seen_at`. */
  private readonly unwritten = new Set<string>();
  private readonly flushTimer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(deps: AuthServiceDeps) {
    this.db = deps.db;
    this.secret = deps.secret;
    this.policyAt = deps.policyAt;
    this.clock = deps.clock;
    this.gate = new SignInGate(deps.db, deps.policyAt, deps.clock);
    this.sessionCacheMs = deps.sessionCacheMs ?? 5_000;
    this.reads = deps.sessions;
    this.flushTimer = setInterval(() => void this.flushLastSeen(), deps.lastSeenFlushMs ?? 2_000);
    this.flushTimer.unref();
  }

  /**
   * Sign-in with a password (sign-in-flow.ts: the limits and delays of SignInGate,
   * one answer for unknown names and wrong passwords). `from` says where it came from:
   * the address the limits count, and the desktop's client id if it sent one.
   */
  async signIn(username: string, password: string, from: SignInSource = LOCAL): Promise<Result<SignedIn>> {
    return signInWithPassword(
      { db: this.db, gate: this.gate, findUser: (name) => this.findUser(name) },
      { username, password, from },
      (user) => this.openSession(user),
    );
  }

  /**
   * The user's new password, checked like a sign-in with the current (or one-time)
   * one; every other session of the user ends (`ended` closes their sockets).
   */
  async changePassword(
    attempt: { username: string; password: string; newPassword: string; from: SignInSource },
    ended: (userId: string) => void,
  ): Promise<Result<SignedIn>> {
    const result = await changePassword(
      { db: this.db, gate: this.gate, clock: this.clock, findUser: (name) => this.findUser(name) },
      attempt,
      (user) => this.openSession(user),
      ended,
    );
    if (result.ok) await this.userChanged(result.value.user.id);
    return result;
  }

  /**
   * A new session for a user whose credentials checked out (a password, or the identity
   * provider: then `maxMs` bounds it to the SSO re-authentication interval).
   */
  async openSession(user: SessionProfile, maxMs = Number.POSITIVE_INFINITY): Promise<SignedIn> {
    const now = this.clock();
    const sessionId = randomUUID();
    const expiresAt = now + Math.min(this.policyAt(now).security.sessionHours * HOUR_MS, maxMs);
    await this.db
      .insertInto('sessions')
      .values({
        id: sessionId,
        user_id: user.id,
        created_at: now,
        expires_at: expiresAt,
        last_seen_at: now,
        revoked_at: null,
      })
      .execute();
    const token = signToken({ sid: sessionId, uid: user.id, exp: expiresAt }, this.secret);
    return { token, sessionId, expiresAt, user: toSessionUser(user) };
  }

  /**
   * Checks a token against its session row: signature, expiry, revocation, idle
   * timeout and the account still being active. `touch` marks user activity
   * (pushes, presence) — machine traffic like pulls does not keep a session alive.
   */
  async authenticate(token: string, options: { touch: boolean }): Promise<Result<AuthenticatedSession>> {
    const now = this.clock();
    return this.judge(await this.session(token, now), now, options);
  }

  /**
   * The user by name, read through SessionStore (committed state, so a failure
   * counted by recordSignInFailure is seen; on SQLite the read-only connection)
   * instead of waiting in the writer's queue behind pushes: sign-in storms come
   * with work in progress.
   */
  private async findUser(username: string): Promise<StoredUser | undefined> {
    const r = await this.reads.userByName(username);
    if (!r) return undefined;
    const profile = userRowSchema.parse({ ...JSON.parse(r.data), version: r.version });
    return {
      profile,
      username: r.username,
      passwordHash: r.password_hash,
      mustChangePassword: r.must_change_password === 1,
    };
  }

  /**
   * The check as far as this node knows now, without waiting for the database: from
   * the cached session however old (a stale one is re-read in the background), or
   * `'reading'` while nothing can be said yet — a token not cached, or one whose user
   * `userChanged` marked changed and whose re-read has not finished (on another node the
   * change arrives as an event, so a caller may ask in between: the old team or role
   * must not be answered then). For callers that must decide synchronously — the
   * supervisor re-checks its subscribers right before a board goes out.
   */
  known(token: string): Result<AuthenticatedSession> | 'reading' {
    const now = this.clock();
    const cached = this.sessions.get(token);
    if (!cached || performance.now() - cached.readAt >= this.sessionCacheMs)
      void this.session(token, now).catch(() => undefined);
    if (!cached || cached.readAt <= (this.changed.get(cached.user_id) ?? -Infinity)) return 'reading';
    return this.judge(ok(cached), now, { touch: false });
  }

  /** Signature, expiry, revocation, idle timeout and the account still active, for a session as read. */
  private judge(
    session: Result<CachedSession>,
    now: number,
    options: { touch: boolean },
  ): Result<AuthenticatedSession> {
    if (!session.ok) return session;
    const { sid } = session.value;
    if (session.value.exp <= now)
      return err('auth.session_expired', 'Your session has expired; sign in again.');
    if (session.value.revoked_at !== null)
      return err('auth.signed_out', 'This session was signed out; sign in again.');
    if (session.value.expires_at <= now)
      return err('auth.session_expired', 'Your session has expired; sign in again.');
    const lastSeen = Math.max(session.value.last_seen_at, this.seen.get(sid) ?? 0);
    const minutes = this.policyAt(now).security.idleLockMinutes;
    if (now - lastSeen > minutes * MINUTE_MS) {
      return err(
        'auth.session_idle',
        `Your session ended after ${minutes} minutes without activity; sign in again.`,
        { minutes },
      );
    }
    const profile = this.profile(session.value.user_id, session.value.user_version, session.value.user_data);
    if (!profile || !profile.active)
      return err('auth.account_disabled', 'This account is disabled; ask an administrator.');
    if (options.touch && now > lastSeen) {
      this.seen.set(sid, now);
      this.unwritten.add(sid);
    }
    return ok({ sessionId: sid, user: toSessionUser(profile), expiresAt: session.value.expires_at });
  }

  /**
   * A user's sessions or profile changed (password reset, disabled, team or role
   * changed, signed out on another node): re-reads what is cached about them, so
   * every check from now on — `known` included — sees the change.
   */
  async userChanged(userId: string): Promise<void> {
    this.changed.set(userId, performance.now());
    if (this.changed.size > MAX_CACHED_SESSIONS) this.changed.clear();
    const tokens = [...this.sessions].filter(([, cached]) => cached.user_id === userId).map(([t]) => t);
    for (const token of tokens) {
      const cached = this.sessions.get(token);
      if (cached) cached.readAt = -Infinity;
      // A read under way may predate the change: the re-read below must not join it.
      this.reading.delete(token);
    }
    const now = this.clock();
    await Promise.all(tokens.map((token) => this.session(token, now)));
  }

  /**
   * The token's claims and session row: from the cache while fresh, else verified and
   * read — once for all the checks of that token that arrive while it is read (a
   * desktop's reconnect sends its handshake and queued events together).
   */
  private session(token: string, now: number): Promise<Result<CachedSession>> {
    const cached = this.sessions.get(token);
    if (cached && performance.now() - cached.readAt < this.sessionCacheMs) return Promise.resolve(ok(cached));
    const pending = this.reading.get(token);
    if (pending) return pending;
    const read = this.readSession(token, now).finally(() => {
      if (this.reading.get(token) === read) this.reading.delete(token);
    });
    this.reading.set(token, read);
    // Every caller awaits `read`; this keeps a failure (PostgreSQL restarting) from also
    // counting as unhandled on the shared promise itself, which would end the process.
    read.catch(() => undefined);
    return read;
  }

  private async readSession(token: string, now: number): Promise<Result<CachedSession>> {
    const claims = verifyToken(token, this.secret, now);
    if (!claims.ok) return claims;
    const readAt = performance.now();
    const row = await this.reads.session(claims.value.sid);
    if (!row || row.user_id !== claims.value.uid) {
      this.sessions.delete(token);
      return err('auth.invalid_token', 'Unknown session; sign in again.');
    }
    const fresh: CachedSession = { ...row, sid: claims.value.sid, exp: claims.value.exp, readAt };
    // A read that started before a newer one finished (or before a sign-out here) must not replace it.
    const current = this.sessions.get(token);
    if (current && current.readAt > readAt) return ok(current);
    // Read before the session ended (a sign-out on this or another node) or before its user
    // changed (a read already under way when userChanged came): answer, but do not keep.
    if ((this.ended.get(claims.value.sid) ?? -Infinity) >= readAt) return ok(fresh);
    if ((this.changed.get(row.user_id) ?? -Infinity) >= readAt) return ok(fresh);
    if (this.sessions.size >= MAX_CACHED_SESSIONS) {
      this.sessions.clear();
      // Written activity is in the rows read from now on.
      for (const id of this.seen.keys()) if (!this.unwritten.has(id)) this.seen.delete(id);
    }
    this.sessions.set(token, fresh);
    return ok(fresh);
  }

  /**
   * Writes pending activity times in one transaction (never moving one back).
   * Runs on a timer; close() runs it a last time. Failed writes stay pending.
   */
  flushLastSeen(): Promise<void> {
    const run = this.flushing.then(async () => {
      if (this.unwritten.size === 0) return;
      const batch = [...this.unwritten].map((id) => [id, this.seen.get(id) ?? 0] as const);
      this.unwritten.clear();
      try {
        await this.db.transaction().execute(async (trx) => {
          for (const [id, seen] of batch)
            await trx
              .updateTable('sessions')
              // Never moves one back; `case` reads the same on SQLite and PostgreSQL.
              .set({
                last_seen_at: sql<number>`case when last_seen_at > ${seen} then last_seen_at else ${seen} end`,
              })
              .where('id', '=', id)
              .execute();
        });
      } catch {
        // Kept for the next flush (`seen` still holds the times).
        for (const [id] of batch) this.unwritten.add(id);
      }
    });
    this.flushing = run;
    return run;
  }

  /** Stops the flush timer and writes pending activity (before the database closes). */
  async close(): Promise<void> {
    clearInterval(this.flushTimer);
    await this.flushLastSeen();
  }

  private profile(id: string, version: number | null, data: string | null): UserRow | null {
    if (version === null || data === null) return null;
    const key = `${id}@${version}`;
    const known = this.profiles.get(key);
    if (known !== undefined) return known;
    const parsed = userRowSchema.safeParse({ ...JSON.parse(data), version });
    const profile = parsed.success ? parsed.data : null;
    if (this.profiles.size >= MAX_PROFILES) this.profiles.clear();
    this.profiles.set(key, profile);
    return profile;
  }

  /**
   * A session ended (signed out here, or on another node: its sockets are being told now).
   * Its cached checks go at once, and a read that started before is not cached, so the next
   * check of its token reads the revoked row — before any other node's userChanged arrives.
   */
  sessionEnded(sessionId: string): void {
    this.ended.set(sessionId, performance.now());
    if (this.ended.size > MAX_CACHED_SESSIONS) this.ended.clear();
    for (const [token, cached] of this.sessions) if (cached.sid === sessionId) this.sessions.delete(token);
    // A read under way may be of this session's token (not cached yet): later checks start their own.
    this.reading.clear();
  }

  /**
   * Revokes the token's session. Returns its id (so live sockets of that session can
   * be closed) and its user's (so other nodes drop what they cache: userChanged).
   */
  async signOut(token: string): Promise<Result<{ sessionId: string; userId: string }>> {
    const claims = verifyToken(token, this.secret, this.clock());
    if (!claims.ok && claims.error.code !== 'auth.session_expired') return claims;
    const found = claims.ok ? claims.value : undefined;
    if (!found) return err('auth.invalid_token', 'The session token is not valid.');
    await this.db
      .updateTable('sessions')
      .set({ revoked_at: this.clock() })
      .where('id', '=', found.sid)
      .where('revoked_at', 'is', null)
      .execute();
    this.sessionEnded(found.sid);
    return ok({ sessionId: found.sid, userId: found.uid });
  }
}

/** Where a sign-in came from when the caller does not say (tests, tools): one shared limit bucket. */
const LOCAL: SignInSource = { ip: 'local' };

function toSessionUser(profile: {
  id: string;
  name: string;
  role: SessionUser['role'];
  team: string;
}): SessionUser {
  return { id: profile.id, name: profile.name, role: profile.role, team: profile.team };
}
