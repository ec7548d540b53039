import type { Transaction } from 'kysely';
import type { Role, UserRow } from '../../shared/sync/rows/user';
import { userRowSchema } from '../../shared/sync/rows/user';
import { allocateVersions } from './row-store';
import type { Db } from './database';
import type { Database } from './schema';

type Executor = Db | Transaction<Database>;

export interface StoredUser {
  profile: UserRow;
  username: string;
  passwordHash: string;
  /** The password is a one-time password an administrator set: it must be changed before any session. */
  mustChangePassword: boolean;
}

type UserRecord = Database['users'];

function toStored(
  r: Pick<UserRecord, 'data' | 'version' | 'username' | 'password_hash'> & { must_change_password: number },
): StoredUser {
  return {
    profile: userRowSchema.parse({ ...JSON.parse(r.data), version: r.version }),
    username: r.username,
    passwordHash: r.password_hash,
    mustChangePassword: r.must_change_password === 1,
  };
}

export async function findUserByUsername(db: Executor, username: string): Promise<StoredUser | undefined> {
  const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return r ? toStored(r) : undefined;
}

export async function findUserById(db: Executor, id: string): Promise<StoredUser | undefined> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toStored(r) : undefined;
}

export async function listUsers(db: Executor): Promise<StoredUser[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toStored);
}

export interface NewUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  team: string;
  passwordHash: string;
  /** The password is a one-time password (an administrator's new account): changed at first sign-in. */
  oneTimePassword?: boolean;
}

/** Inserts a user, stamping the profile with the next global version (so desktops pull it). */
export async function insertUser(trx: Transaction<Database>, user: NewUser): Promise<number> {
  const version = await allocateVersions(trx, 1);
  const profile = { id: user.id, team: user.team, name: user.name, role: user.role, active: true };
  await trx
    .insertInto('users')
    .values({
      id: user.id,
      team: user.team,
      version,
      deleted: 0,
      data: JSON.stringify(profile),
      username: user.username,
      password_hash: user.passwordHash,
      failed_sign_ins: 0,
      locked_until: null,
      must_change_password: user.oneTimePassword ? 1 : 0,
    })
    .execute();
  return version;
}

/** A password to store: its hash, and whether it is a one-time password the user must change at sign-in. */
export interface NewPassword {
  hash: string;
  oneTime: boolean;
}

/** Rows that follow a user to another team: the old team's desktops are told they left. */
const ROWS_THAT_MOVE_WITH_THE_USER = ['users', 'presence'] as const;

/**
 * Replaces a user's profile (and optionally password), stamping a new version. A
 * move to another team also records scope exits, so the old team's pulls delete
 * the user's `users` and `presence` rows (each at its own version).
 */
export async function updateUserProfile(
  trx: Transaction<Database>,
  id: string,
  profile: Omit<UserRow, 'version'>,
  password?: NewPassword,
): Promise<number> {
  const before = await trx.selectFrom('users').select('team').where('id', '=', id).executeTakeFirst();
  const moved = before !== undefined && before.team !== profile.team;
  const exits = moved ? ROWS_THAT_MOVE_WITH_THE_USER.length : 0;
  const first = await allocateVersions(trx, 1 + exits);
  if (moved) {
    for (const [i, tbl] of ROWS_THAT_MOVE_WITH_THE_USER.entries()) {
      await trx
        .insertInto('scope_exits')
        .values({ tbl, id, team: before.team, version: first + i })
        .onConflict((oc) => oc.columns(['tbl', 'id', 'team']).doUpdateSet({ version: first + i }))
        .execute();
    }
  }
  // The profile's own version is the last: a pull that has it has the exits too.
  const version = first + exits;
  await trx
    .updateTable('users')
    .set({
      team: profile.team,
      version,
      data: JSON.stringify(profile),
      ...(password ? { password_hash: password.hash, must_change_password: password.oneTime ? 1 : 0 } : {}),
    })
    .where('id', '=', id)
    .execute();
  return version;
}

/** Signs out every live session of a user (password reset). Returns their ids so live sockets can be closed. */
export async function revokeUserSessions(trx: Executor, userId: string, now: number): Promise<string[]> {
  const rows = await trx
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
