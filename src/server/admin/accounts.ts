import { randomUUID } from 'node:crypto';
import type { AdminReason } from '../../shared/admin/reason';
import type { AdminUser, NewUser, UserList, UserPatch, UserQuery } from '../../shared/admin/users';
import { err, ok, type DomainError, type Result } from '../../shared/domain/result';
import type { UserRow } from '../../shared/sync/rows/user';
import { appendAudit } from '../audit';
import type { AuthService } from '../auth/auth-service';
import { oneTimePassword } from '../auth/one-time-password';
import { hashPassword } from '../auth/passwords';
import { guardKey } from '../auth/sign-in-gate';
import type { Db } from '../storage/database';
import { blockedAccounts, clearAccountGuards } from '../storage/sign-in-guards';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  revokeUserSessions,
  updateUserProfile,
  type StoredUser,
} from '../storage/users';
import type { SyncServer } from '../sync/socket-server';

export interface AccountsDeps {
  db: Db;
  auth: AuthService;
  clock: () => number;
  sync: () => SyncServer;
}

/** Who made a change and from where (the audit row's actor and source). */
export interface Actor {
  userId: string;
  ip: string;
}

const NAME_KEY_PREFIX = guardKey.name('');

function reasonDetail(reason: AdminReason): Record<string, string> {
  return reason.ticket ? { reason: reason.code, ticket: reason.ticket } : { reason: reason.code };
}

/** Users matching the query, with whether sign-in is delayed for them. */
export async function listAccounts(deps: AccountsDeps, query: UserQuery): Promise<UserList> {
  const now = deps.clock();
  const [stored, blocked] = await Promise.all([
    listUsers(deps.db),
    blockedAccounts(deps.db, NAME_KEY_PREFIX, now),
  ]);
  const all = stored.map((u) => toAdminUser(u, blocked.get(u.username) ?? null));
  const q = query.q?.toLowerCase();
  const users = all.filter(
    (u) =>
      (!q || u.username.includes(q) || u.name.toLowerCase().includes(q)) &&
      (!query.role || u.role === query.role) &&
      (!query.team || u.team === query.team) &&
      (!query.status || hasStatus(u, query.status)),
  );
  return { users, teams: [...new Set(all.map((u) => u.team))].sort() };
}

function hasStatus(u: AdminUser, status: NonNullable<UserQuery['status']>): boolean {
  if (status === 'active') return u.active;
  if (status === 'disabled') return !u.active;
  if (status === 'locked') return u.lockedUntil !== null;
  return u.mustChangePassword;
}

function toAdminUser(u: StoredUser, lockedUntil: number | null): AdminUser {
  const { id, name, role, team, active, version } = u.profile;
  return {
    id,
    username: u.username,
    name,
    role,
    team,
    active,
    version,
    lockedUntil,
    mustChangePassword: u.mustChangePassword,
  };
}

/** A new account with a one-time password (shown once; the user chooses their own at first sign-in). */
export async function createAccount(
  deps: AccountsDeps,
  input: NewUser,
  by: Actor,
): Promise<Result<{ id: string; oneTimePassword: string }>> {
  if (await findUserByUsername(deps.db, input.username)) {
    return err('user.username_taken', `The user name ${input.username} is already taken.`);
  }
  const id = `u-${randomUUID()}`;
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const { reason, ...profile } = input;
  const version = await deps.db.transaction().execute(async (trx) => {
    const v = await insertUser(trx, { id, ...profile, passwordHash, oneTimePassword: true });
    await appendAudit(trx, {
      at: deps.clock(),
      actorId: by.userId,
      action: 'admin.user.create',
      entityType: 'user',
      entityId: id,
      sourceIp: by.ip,
      outcome: 'ok',
      detail: { ...reasonDetail(reason), role: profile.role, team: profile.team },
    });
    return v;
  });
  deps.sync().poke([profile.team], version, { usersChanged: true });
  return ok({ id, oneTimePassword: password });
}

/** Whether the change would leave the deployment without an active administrator. */
async function leavesNoAdmin(db: Db, id: string, next: Omit<UserRow, 'version'>): Promise<boolean> {
  if (next.role === 'admin' && next.active) return false;
  const users = await listUsers(db);
  return !users.some((u) => u.profile.id !== id && u.profile.role === 'admin' && u.profile.active);
}

/**
 * Name, role, team, active. A role or team change goes through the scope-move machinery
 * (updateUserProfile: scope exits, both teams poked; the user's sockets follow the new
 * scope). Disabling ends every session of the user in the same transaction and closes
 * their sockets on every channel and node: re-enabling later does not bring them back.
 */
export async function updateAccount(
  deps: AccountsDeps,
  id: string,
  patch: UserPatch,
  by: Actor,
): Promise<Result<UserRow>> {
  const existing = await findUserById(deps.db, id);
  if (!existing) return err('user.not_found', 'No user with this id.');
  const { reason, ...changes } = patch;
  const { version: _v, ...current } = existing.profile;
  const profile = { ...current, ...changes };
  if (await leavesNoAdmin(deps.db, id, profile)) {
    return err(
      'admin.last_admin',
      'This would leave no active administrator; make another administrator first.',
    );
  }
  const disabling = current.active && !profile.active;
  const now = deps.clock();
  const { version, revoked } = await deps.db.transaction().execute(async (trx) => {
    const v = await updateUserProfile(trx, id, profile);
    const sessions = disabling ? await revokeUserSessions(trx, id, now) : [];
    await appendAudit(trx, {
      at: now,
      actorId: by.userId,
      action: disabling
        ? 'admin.user.disable'
        : !current.active && profile.active
          ? 'admin.user.enable'
          : 'admin.user.update',
      entityType: 'user',
      entityId: id,
      sourceIp: by.ip,
      outcome: 'ok',
      detail: {
        ...reasonDetail(reason),
        fields: Object.keys(changes),
        ...roleTeamMove(current, profile),
        sessionsEnded: sessions.length,
      },
    });
    return { version: v, revoked: sessions.length };
  });
  // Session checks are cached: the change must count from the next request.
  await deps.sync().userChanged(id);
  if (disabling || revoked > 0) {
    deps.sync().endUser(id, {
      code: 'auth.account_disabled',
      message: 'An administrator disabled this account; ask an administrator.',
    });
  }
  deps.sync().poke(new Set([current.team, profile.team]), version, { usersChanged: true });
  return ok({ ...profile, version });
}

function roleTeamMove(
  before: Omit<UserRow, 'version'>,
  after: Omit<UserRow, 'version'>,
): Record<string, string> {
  const move: Record<string, string> = {};
  if (before.role !== after.role) Object.assign(move, { roleFrom: before.role, roleTo: after.role });
  if (before.team !== after.team) Object.assign(move, { teamFrom: before.team, teamTo: after.team });
  return move;
}

/** A one-time password replaces the user's; every session ends and sign-in delays are lifted. */
export async function resetPassword(
  deps: AccountsDeps,
  id: string,
  reason: AdminReason,
  by: Actor,
): Promise<Result<{ oneTimePassword: string }>> {
  const existing = await findUserById(deps.db, id);
  if (!existing) return err('user.not_found', 'No user with this id.');
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  const { version: _v, ...profile } = existing.profile;
  const now = deps.clock();
  const ended = await deps.db.transaction().execute(async (trx) => {
    await updateUserProfile(trx, id, profile, { hash, oneTime: true });
    const sessions = await revokeUserSessions(trx, id, now);
    await clearAccountGuards(trx, existing.username);
    await appendAudit(trx, {
      at: now,
      actorId: by.userId,
      action: 'admin.user.reset-password',
      entityType: 'user',
      entityId: id,
      sourceIp: by.ip,
      outcome: 'ok',
      detail: { ...reasonDetail(reason), sessionsEnded: sessions.length },
    });
    return sessions.length;
  });
  await deps.sync().userChanged(id);
  if (ended > 0) deps.sync().endUser(id, PASSWORD_RESET);
  return ok({ oneTimePassword: password });
}

const PASSWORD_RESET: DomainError = {
  code: 'auth.signed_out',
  message: 'Your password was reset by an administrator; sign in with the one-time password you were given.',
};

/** Lifts every sign-in delay of the account (its name's and its desktops'). */
export async function unlockAccount(
  deps: AccountsDeps,
  id: string,
  reason: AdminReason,
  by: Actor,
): Promise<Result<{ cleared: number }>> {
  const existing = await findUserById(deps.db, id);
  if (!existing) return err('user.not_found', 'No user with this id.');
  const cleared = await deps.db.transaction().execute(async (trx) => {
    const n = await clearAccountGuards(trx, existing.username);
    await appendAudit(trx, {
      at: deps.clock(),
      actorId: by.userId,
      action: 'admin.user.unlock',
      entityType: 'user',
      entityId: id,
      sourceIp: by.ip,
      outcome: 'ok',
      detail: { ...reasonDetail(reason), cleared: n },
    });
    return n;
  });
  return ok({ cleared });
}
