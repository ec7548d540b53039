import { err, ok, type Result } from '../../shared/domain/result';
import type { UserRow } from '../../shared/sync/rows/user';

/** What a session is opened for. */
export type SessionProfile = Pick<UserRow, 'id' | 'name' | 'role' | 'team'>;
import type { Db } from '../storage/database';
import type { StoredUser } from '../storage/users';
import { revokeUserSessions, updateUserProfile } from '../storage/users';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords';
import type { SignInGate } from './sign-in-gate';

/** Where a sign-in came from. */
export interface SignInSource {
  /** The network address the limits count (fastify's request.ip, behind trusted proxies the client's). */
  ip: string;
  /** The desktop's client id, when it sent one. */
  clientId?: string | undefined;
}

export interface SignInFlowDeps {
  db: Db;
  gate: SignInGate;
  findUser(username: string): Promise<StoredUser | undefined>;
}

/** Whether `clientId` is a desktop `userId` has synced from (bound to them at its first handshake). */
export async function ownsDesktop(db: Db, userId: string, clientId: string | undefined): Promise<boolean> {
  if (clientId === undefined) return false;
  const row = await db
    .selectFrom('clients')
    .select('user_id')
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row?.user_id === userId;
}

/**
 * The password check every way in shares (sign-in, the one-time password's change):
 * the gate first (limits, delays), then the hash — against a dummy hash for an
 * unknown name, so neither the answer nor its timing says which names exist. A wrong
 * password and an unknown name are one failure; a disabled account says so only to
 * the right password. `then` runs once the password is known right and the account
 * active.
 */
export async function checkPassword<T>(
  deps: SignInFlowDeps,
  attempt: { username: string; password: string; from: SignInSource },
  then: (user: StoredUser) => Promise<Result<T>>,
): Promise<Result<T>> {
  const { username, password, from } = attempt;
  const user = await deps.findUser(username);
  const ownDesktop = user !== undefined && (await ownsDesktop(deps.db, user.profile.id, from.clientId));
  const admission = await deps.gate.admit({ username, ip: from.ip, clientId: from.clientId, ownDesktop });
  if (!admission.ok) return admission;
  const right = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
  if (!user || !right) return { ok: false, error: await deps.gate.failed(admission.value) };
  const passed = await deps.gate.succeeded(admission.value);
  if (!passed.ok) return passed;
  if (!user.profile.active)
    return err('auth.account_disabled', 'This account is disabled; ask an administrator.');
  return then(user);
}

/** Sign-in: the password check, then a session — unless the password is a one-time one. */
export function signInWithPassword<T>(
  deps: SignInFlowDeps,
  attempt: { username: string; password: string; from: SignInSource },
  openSession: (user: SessionProfile) => Promise<T>,
): Promise<Result<T>> {
  return checkPassword(deps, attempt, async (user) => {
    if (user.mustChangePassword) {
      return err(
        'auth.password_change_required',
        'An administrator set a one-time password for this account; choose a new password to sign in.',
      );
    }
    return ok(await openSession(user.profile));
  });
}

/**
 * A user chooses a new password (required after a one-time password, allowed any
 * time): the same password check as sign-in, then the new hash; every other session
 * of the user ends (`ended` closes their sockets), and a session opens.
 */
export function changePassword<T>(
  deps: SignInFlowDeps & { clock: () => number },
  attempt: { username: string; password: string; newPassword: string; from: SignInSource },
  openSession: (user: SessionProfile) => Promise<T>,
  ended: (userId: string) => void,
): Promise<Result<T>> {
  return checkPassword(deps, attempt, async (user) => {
    if (attempt.newPassword === attempt.password) {
      return err('auth.password_reused', 'Choose a new password that differs from the current one.');
    }
    const hash = await hashPassword(attempt.newPassword);
    const { version: _v, ...profile } = user.profile;
    const now = deps.clock();
    const revoked = await deps.db.transaction().execute(async (trx) => {
      await updateUserProfile(trx, profile.id, profile, { hash, oneTime: false });
      return revokeUserSessions(trx, profile.id, now);
    });
    if (revoked.length > 0) ended(profile.id);
    return ok(await openSession(profile));
  });
}
