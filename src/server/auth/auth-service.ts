import { randomUUID } from 'node:crypto';
import { MINUTE_MS, HOUR_MS, type Policy } from '../../shared/domain/policy';
import { err, ok, type Result } from '../../shared/domain/result';
import type { SessionUser } from '../../shared/sync/protocol';
import type { Db } from '../storage/database';
import { clearSignInFailures, findUserById, findUserByUsername, recordSignInFailure } from '../storage/users';
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

/**
 * Sign-in with lockout, session tokens, sign-out and the server-side idle
 * timeout. Sessions are rows, so sign-out and idle expiry take effect at once
 * even though tokens are self-verifying.
 */
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly secret: string,
    private readonly policy: Policy,
    private readonly clock: () => number,
  ) {}

  async signIn(username: string, password: string): Promise<Result<SignedIn>> {
    const now = this.clock();
    const user = await findUserByUsername(this.db, username);
    if (!user) {
      await verifyPassword(password, await DUMMY_HASH_PROMISE);
      return err(INVALID, 'The user name or password is not correct.');
    }
    const { maxFailedSignIns, lockoutMinutes, sessionHours } = this.policy.security;
    if (user.lockedUntil !== null && user.lockedUntil > now) {
      const minutes = Math.ceil((user.lockedUntil - now) / MINUTE_MS);
      return err(
        'auth.locked',
        `Too many failed sign-ins; this account is locked for ${minutes} more minute(s).`,
      );
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
      if (lockedUntil !== null && lockedUntil > now) {
        return err(
          'auth.locked',
          `Too many failed sign-ins; this account is locked for ${Math.ceil((lockedUntil - now) / MINUTE_MS)} more minute(s).`,
        );
      }
      return err(INVALID, 'The user name or password is not correct.');
    }
    // Parallel wrong guesses may have locked the account while scrypt ran.
    const latest = await findUserByUsername(this.db, username);
    if (latest?.lockedUntil != null && latest.lockedUntil > now) {
      return err(
        'auth.locked',
        `Too many failed sign-ins; this account is locked for ${Math.ceil((latest.lockedUntil - now) / MINUTE_MS)} more minute(s).`,
      );
    }
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
    const now = this.clock();
    const claims = verifyToken(token, this.secret, now);
    if (!claims.ok) return claims;
    const session = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', claims.value.sid)
      .executeTakeFirst();
    if (!session || session.user_id !== claims.value.uid)
      return err('auth.invalid_token', 'Unknown session; sign in again.');
    if (session.revoked_at !== null)
      return err('auth.signed_out', 'This session was signed out; sign in again.');
    if (session.expires_at <= now)
      return err('auth.session_expired', 'Your session has expired; sign in again.');
    if (now - session.last_seen_at > this.policy.security.idleLockMinutes * MINUTE_MS) {
      return err(
        'auth.session_idle',
        `Your session ended after ${this.policy.security.idleLockMinutes} minutes without activity; sign in again.`,
      );
    }
    const user = await findUserById(this.db, session.user_id);
    if (!user || !user.profile.active)
      return err('auth.account_disabled', 'This account is disabled; ask an administrator.');
    if (options.touch)
      await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', session.id).execute();
    return ok({ sessionId: session.id, user: toSessionUser(user.profile), expiresAt: session.expires_at });
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
