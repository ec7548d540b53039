import type { Transaction } from 'kysely';
import type { Db } from './database';
import type { Database } from './schema';

type Executor = Db | Transaction<Database>;

export interface Guard {
  failures: number;
  blockedUntil: number | null;
  lastFailureAt: number;
}

/** The guard of `key`, if it holds failures. */
export async function readGuard(db: Executor, key: string): Promise<Guard | undefined> {
  const row = await db.selectFrom('sign_in_guards').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) return undefined;
  return {
    failures: Number(row.failures),
    blockedUntil: row.blocked_until === null ? null : Number(row.blocked_until),
    lastFailureAt: Number(row.last_failure_at),
  };
}

/**
 * Counts one failure in ONE statement (parallel guesses on any node each get their
 * own count). Failures older than `forgetBefore` are forgotten: the count starts again.
 * Returns the count after this failure.
 */
export async function countFailure(
  db: Executor,
  guard: { key: string; account: string },
  now: number,
  forgetBefore: number,
): Promise<number> {
  const row = await db
    .insertInto('sign_in_guards')
    .values({ ...guard, failures: 1, blocked_until: null, last_failure_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('sign_in_guards.last_failure_at', '<', forgetBefore)
          .then(1)
          .else(eb('sign_in_guards.failures', '+', 1))
          .end(),
        last_failure_at: now,
      })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

/** Blocks `key` until `until`, never shortening a block already in place. */
export async function blockUntil(db: Executor, key: string, until: number): Promise<void> {
  await db
    .updateTable('sign_in_guards')
    .set({ blocked_until: until })
    .where('key', '=', key)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', until)]))
    .execute();
}

/** Forgets the failures of these keys (a right password). */
export async function clearGuards(db: Executor, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.deleteFrom('sign_in_guards').where('key', 'in', keys).execute();
}

/** Forgets every failure of an account, its own desktops' included (an administrator's unlock). */
export async function clearAccountGuards(db: Executor, account: string): Promise<number> {
  const result = await db.deleteFrom('sign_in_guards').where('account', '=', account).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Accounts whose own guard (the name, not a desktop's) delays sign-in at `now`, with when it ends. */
export async function blockedAccounts(
  db: Executor,
  keyPrefix: string,
  now: number,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('sign_in_guards')
    .select(['key', 'account', 'blocked_until'])
    .where('blocked_until', '>', now)
    .execute();
  const blocked = new Map<string, number>();
  for (const r of rows)
    if (r.key === `${keyPrefix}${r.account}`) blocked.set(r.account, Number(r.blocked_until));
  return blocked;
}

/** Forgets guards whose last failure was before `before` and that block nothing any more. */
export async function pruneGuards(db: Executor, before: number, now: number): Promise<void> {
  await db
    .deleteFrom('sign_in_guards')
    .where('last_failure_at', '<', before)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', now)]))
    .execute();
}
