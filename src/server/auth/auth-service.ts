import { randomUUID } from 'node:crypto';
import { MINUTE_MS, HOUR_MS, type Policy } from '../../shared/domain/policy';
import { err, ok, type DomainError, type Result } from '../../shared/domain/result';
import type { SessionUser } from '../../shared/sync/protocol';
import { sql } from 'kysely';
import type { UserRow } from '../../shared/sync/rows/user';
import { userRowSchema } from '../../shared/sync/rows/user';
import type { Db, ReadDb } from '../storage/database';
import { SessionReads, type SessionRecord } from '../storage/session-reads';
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
  /** The read-only connection: session checks read committed rows without queueing behind writes. */
  reader: ReadDb;
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
 * when it was first read), and its session and user are read with one prepared
 * statement on the read-only connection (never queued behind writes) at most
 * every `sessionCacheMs`. What ends a session is applied to that cache at once:
 * sign-out here, and `userChanged` (called by whatever revokes a user's sessions
 * or edits a user: the admin routes); the periodic re-read is a safety net, not
 * the mechanism. Expiry and the idle timeout are computed on every check.
 * Activity (`touch`) is kept in memory and written as one batched update every
 * few seconds; the idle check uses the newer of the stored and the pending time.
 */
export class AuthService {
  private readonly db: Db;
  private readonly secret: string;
  private readonly policy: Policy;
  private readonly clock: () => number;
  private readonly reads: SessionReads;
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
    this.reads = new SessionReads(deps.reader);
    this.flushTimer = setInterval(() => void this.flushLastSeen(), deps.lastSeenFlushMs ?? 2_000);
    this.flushTimer.unref();
  }

  async signIn(username: string, password: string): Promise<Result<SignedIn>> {
    const now = this.clock();
    const user = this.findUser(username);
    if (!user) {
      await verifyPassword(password, await DUMMY_HASH_PROMISE);
      return err(INVALID, 'The user name or password is not correct.');
    }
    const { maxFailedSignIns, lockoutMinutes, sessionHours } = this.policy.security;
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
    const sessionId = randomUUID();
    const expiresAt = now + sessionHours * HOUR_MS;
    await this.db
      .insertInto('sessions')
      .values({
        id: sessionId,
        user_id: user.profile.id,
        created_at: now,
        expires_at: expiresAt,
        last_seen_at: now,
        revoked_at: null,
      })
      .execute();
    const token = signToken({ sid: sessionId, uid: user.profile.id, exp: expiresAt }, this.secret);
    return ok({ token, sessionId, expiresAt, user: toSessionUser(user.profile) });
  }

  /**
   * Checks a token against its session row: signature, expiry, revocation, idle
   * timeout and the account still being active. `touch` marks user activity
   * (pushes, presence) — machine traffic like pulls does not keep a session alive.
   */
  async authenticate(token: string, options: { touch: boolean }): Promise<Result<AuthenticatedSession>> {
    return Promise.resolve(this.check(token, options));
  }

  /**
   * The user by name, read on the read-only connection (committed state, so a
   * failure counted by recordSignInFailure is seen) instead of waiting in the
   * writer's queue behind pushes: sign-in storms come with work in progress.
   */
  private findUser(username: string): StoredUser | undefined {
    const r = this.reads.userByName(username);
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

  /** authenticate, synchronously (it reads nothing asynchronous). */
  check(token: string, options: { touch: boolean }): Result<AuthenticatedSession> {
    const now = this.clock();
    const session = this.session(token, now);
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
   * changed): forget what is cached about them so the next check reads it.
   */
  userChanged(userId: string): void {
    for (const [token, cached] of this.sessions) if (cached.user_id === userId) this.sessions.delete(token);
  }

  /** The token's claims and session row: from the cache while fresh, else verified and read. */
  private session(token: string, now: number): Result<CachedSession> {
    const cached = this.sessions.get(token);
    if (cached && performance.now() - cached.readAt < this.sessionCacheMs) return ok(cached);
    const claims = verifyToken(token, this.secret, now);
    if (!claims.ok) return claims;
    const row = this.reads.session(claims.value.sid);
    if (!row || row.user_id !== claims.value.uid) {
      this.sessions.delete(token);
      return err('auth.invalid_token', 'Unknown session; sign in again.');
    }
    const fresh: CachedSession = {
      ...row,
      sid: claims.value.sid,
      exp: claims.value.exp,
      readAt: performance.now(),
    };
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
              .set({ last_seen_at: sql<number>`max(last_seen_at, ${seen})` })
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

  /** Revokes the token's session. Returns its id so live sockets of that session can be closed. */
  async signOut(token: string): Promise<Result<string>> {
    const claims = verifyToken(token, this.secret, this.clock());
    if (!claims.ok && claims.error.code !== 'auth.session_expired') return claims;
    const sid = claims.ok ? claims.value.sid : undefined;
    if (!sid) return err('auth.invalid_token', 'The session token is not valid.');
    await this.db
      .updateTable('sessions')
      .set({ revoked_at: this.clock() })
      .where('id', '=', sid)
      .where('revoked_at', 'is', null)
      .execute();
    for (const [cachedToken, cached] of this.sessions)
      if (cached.sid === sid) this.sessions.delete(cachedToken);
    return ok(sid);
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
