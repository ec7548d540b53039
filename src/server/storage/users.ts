import { sql, type Transaction } from 'kysely';
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
  passwordHash?: string,
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
      ...(passwordHash ? { password_hash: passwordHash, failed_sign_ins: 0, locked_until: null } : {}),
    })
    .where('id', '=', id)
    .execute();
  return version;
}

/**
 * Counts one failed sign-in in a single statement (parallel guesses cannot lose
 * counts) and locks the account when the count reaches `maxFailedSignIns`. A lock
 * that has run out starts a fresh count; a running lock is kept, not extended.
 * Returns the account's lockedUntil after the update.
 */
export async function recordSignInFailure(
  db: Executor,
  id: string,
  rule: { now: number; maxFailedSignIns: number; lockUntil: number },
): Promise<number | null> {
  const expired = sql<boolean>`locked_until is not null and locked_until <= ${rule.now}`;
  const running = sql<boolean>`locked_until is not null and locked_until > ${rule.now}`;
  const count = sql<number>`case when ${expired} then 1 else failed_sign_ins + 1 end`;
  const row = await db
    .updateTable('users')
    .set({
      failed_sign_ins: count,
      locked_until: sql<
        number | null
      >`case when ${running} then locked_until when ${count} >= ${rule.maxFailedSignIns} then ${rule.lockUntil} else null end`,
    })
    .where('id', '=', id)
    .returning(['failed_sign_ins', 'locked_until'])
    .executeTakeFirst();
  return row?.locked_until ?? null;
}

export async function clearSignInFailures(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_sign_ins: 0, locked_until: null })
    .where('id', '=', id)
    .execute();
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
