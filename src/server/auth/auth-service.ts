import { randomUUID } from 'node:crypto';
import { MINUTE_MS, HOUR_MS, type Policy } from '../../shared/domain/policy';
import { err, ok, type DomainError, type Result } from '../../shared/domain/result';
import type { SessionUser } from '../../shared/sync/protocol';
import { sql } from 'kysely';
import type { UserRow } from '../../shared/sync/rows/user';
import { userRowSchema } from '../../shared/sync/rows/user';
import type { Db } from '../storage/database';
import type { SessionStore } from '../storage/server-store';
import type { SessionRecord } from '../storage/session-reads';
import {
  clearSignInFailures,
  findUserByUsername,
  recordSignInFailure,
  type StoredUser,
} from '../storage/users';
import { DUMMY_HASH_PROMISE, verifyPassword } from './passwords';
import { signToken, verifyToken } from './tokens';

export interface AuthenticatedSession {
  sessionId: string;
  user: SessionUser;
  expiresAt: number;
}

export interface SignedIn extends AuthenticatedSession {
  token: string;
}

const INVALID = 'auth.invalid_credentials';

/** The refusal of a locked account, with the minutes left (rounded up) for the screen to say. */
function lockedOut(lockedUntil: number, now: number): { ok: false; error: DomainError } {
  const minutes = Math.ceil((lockedUntil - now) / MINUTE_MS);
  return err(
    'auth.locked',
    `Too many failed sign-ins; this account is locked for ${minutes} more minute(s).`,
    {
      minutes,
    },
  );
}

export interface AuthServiceDeps {
  db: Db;
  /** Session and user reads (SQLite: the read-only connection, never queued behind writes; PostgreSQL: the pool). */
  sessions: SessionStore;
  secret: string;
  policy: Policy;
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
  private readonly policy: Policy;
  private readonly clock: () => number;
  private readonly reads: SessionStore;
  private readonly profiles = new Map<string, UserRow | null>();
  /** Token → its claims and session, as last read. */
  private readonly sessions = new Map<string, CachedSession>();
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
    this.policy = deps.policy;
    this.clock = deps.clock;
    this.sessionCacheMs = deps.sessionCacheMs ?? 5_000;
    this.reads = deps.sessions;
    this.flushTimer = setInterval(() => void this.flushLastSeen(), deps.lastSeenFlushMs ?? 2_000);
    this.flushTimer.unref();
  }

  async signIn(username: string, password: string): Promise<Result<SignedIn>> {
    const now = this.clock();
    const user = await this.findUser(username);
    if (!user) {
      await verifyPassword(password, await DUMMY_HASH_PROMISE);
      return err(INVALID, 'The user name or password is not correct.');
    }
    const { maxFailedSignIns, lockoutMinutes } = this.policy.security;
    if (user.lockedUntil !== null && user.lockedUntil > now) {
      return lockedOut(user.lockedUntil, now);
    }
    const passwordRight = await verifyPassword(password, user.passwordHash);
    // A disabled account gets the same answer whatever the password, so it never confirms a guess.
    if (!user.profile.active)
      return err('auth.account_disabled', 'This account is disabled; ask an administrator.');
    if (!passwordRight) {
      const lockedUntil = await recordSignInFailure(this.db, user.profile.id, {
        now,
        maxFailedSignIns,
        lockUntil: now + lockoutMinutes * MINUTE_MS,
      });
      if (lockedUntil !== null && lockedUntil > now) return lockedOut(lockedUntil, now);
      return err(INVALID, 'The user name or password is not correct.');
    }
    // Parallel wrong guesses may have locked the account while scrypt ran: ask the writer, behind
    // which their failure counts may still be queued (the read connection would not see them yet).
    const latest = await findUserByUsername(this.db, username);
    if (latest?.lockedUntil != null && latest.lockedUntil > now) return lockedOut(latest.lockedUntil, now);
    // Most sign-ins have nothing to clear: skip the write.
    if (latest && (latest.failedSignIns !== 0 || latest.lockedUntil !== null))
      await clearSignInFailures(this.db, user.profile.id);
    return ok(await this.issueSession(user.profile, now));
  }

  /**
   * A new session for a user already checked (by password, or by the identity
   * provider: then `maxMs` bounds it to the SSO re-authentication interval).
   */
  async issueSession(profile: UserRow, now: number, maxMs = Number.POSITIVE_INFINITY): Promise<SignedIn> {
    const sessionId = randomUUID();
    const expiresAt = now + Math.min(this.policy.security.sessionHours * HOUR_MS, maxMs);
    await this.db
      .insertInto('sessions')
      .values({
        id: sessionId,
        user_id: profile.id,
        created_at: now,
        expires_at: expiresAt,
        last_seen_at: now,
        revoked_at: null,
      })
      .execute();
    const token = signToken({ sid: sessionId, uid: profile.id, exp: expiresAt }, this.secret);
    return { token, sessionId, expiresAt, user: toSessionUser(profile) };
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
      failedSignIns: r.failed_sign_ins,
      lockedUntil: r.locked_until,
    };
  }

  /**
   * The check as far as this node knows now, without waiting for the database: from
   * the cached session however old (a stale one is re-read in the background), or
   * undefined for a token not cached (read in the background too). For callers that
   * must decide synchronously — the supervisor re-checks its subscribers right before
   * a board goes out; `userChanged` has refreshed the cache of an edited user by then.
   */
  known(token: string): Result<AuthenticatedSession> | undefined {
    const now = this.clock();
    const cached = this.sessions.get(token);
    if (!cached || performance.now() - cached.readAt >= this.sessionCacheMs)
      void this.session(token, now).catch(() => undefined);
    return cached ? this.judge(ok(cached), now, { touch: false }) : undefined;
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
    if (now - lastSeen > this.policy.security.idleLockMinutes * MINUTE_MS) {
      const minutes = this.policy.security.idleLockMinutes;
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
    const tokens = [...this.sessions].filter(([, cached]) => cached.user_id === userId).map(([t]) => t);
    for (const token of tokens) {
      const cached = this.sessions.get(token);
      if (cached) cached.readAt = -Infinity;
    }
    const now = this.clock();
    await Promise.all(tokens.map((token) => this.session(token, now)));
  }

  /** The token's claims and session row: from the cache while fresh, else verified and read. */
  private async session(token: string, now: number): Promise<Result<CachedSession>> {
    const cached = this.sessions.get(token);
    if (cached && performance.now() - cached.readAt < this.sessionCacheMs) return ok(cached);
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
    for (const [cachedToken, cached] of this.sessions)
      if (cached.sid === found.sid) this.sessions.delete(cachedToken);
    return ok({ sessionId: found.sid, userId: found.uid });
  }
}

function toSessionUser(profile: {
  id: string;
  name: string;
  role: SessionUser['role'];
  team: string;
}): SessionUser {
  return { id: profile.id, name: profile.name, role: profile.role, team: profile.team };
}
