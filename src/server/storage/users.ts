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
  failedSignIns: number;
  lockedUntil: number | null;
}

type UserRecord = Database['users'];

function toStored(
  r: Pick<UserRecord, 'data' | 'version' | 'username' | 'password_hash' | 'failed_sign_ins' | 'locked_until'>,
): StoredUser {
  return {
    profile: userRowSchema.parse({ ...JSON.parse(r.data), version: r.version }),
    username: r.username,
    passwordHash: r.password_hash,
    failedSignIns: r.failed_sign_ins,
    lockedUntil: r.locked_until,
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
    })
    .execute();
  return version;
}

/** Replaces a user's profile (and optionally password), stamping a new version. */
export async function updateUserProfile(
  trx: Transaction<Database>,
  id: string,
  profile: Omit<UserRow, 'version'>,
  passwordHash?: string,
): Promise<number> {
  const version = await allocateVersions(trx, 1);
  await trx
    .updateTable('users')
    .set({
      team: profile.team,
      version,
      data: JSON.stringify(profile),
      ...(passwordHash ? { password_hash: passwordHash, failed_sign_ins: 0, locked_until: null } : {}),
    })
    .where('id', '=', id)
    .execute();
  return version;
}

export async function recordSignInFailure(
  db: Executor,
  id: string,
  failed: number,
  lockedUntil: number | null,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_sign_ins: failed, locked_until: lockedUntil })
    .where('id', '=', id)
    .execute();
}

export async function clearSignInFailures(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_sign_ins: 0, locked_until: null })
    .where('id', '=', id)
    .execute();
}
