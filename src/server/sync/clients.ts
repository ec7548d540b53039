import { DAY_MS } from '../../shared/domain/policy';
import { err, ok, type Result } from '../../shared/domain/result';
import type { Db } from '../storage/database';
import type { PullStore } from '../storage/server-store';
import { countHit, readHits } from '../storage/rate-limits';

/** New desktops one user registered today (policy.security.newDesktopsPerUserPerDay). */
const NEW_DESKTOPS_BUCKET = (userId: string) => `new-desktops:${userId}`;

/**
 * A client id (one desktop installation's outbox) belongs to the first user who
 * syncs with it. Another user presenting it is refused: their pushes would
 * otherwise be judged against someone else's sequence numbers.
 *
 * A known client is checked on the read-only connection (no write, no wait behind
 * pushes); only a new one costs writes: the user's new desktops today are read (refused
 * at the limit, so no user can grow the table without bound), then it is inserted by one
 * statement that keeps the first owner when two handshakes race (`on conflict do
 * nothing`, then read the owner back), and counted only if that statement created it.
 * So the handshakes of one new desktop racing each other (reconnects at shift start), or
 * an id that turns out to be someone else's, never use up the user's new desktops;
 * new desktops of one user registering at once can pass the limit by at most their
 * number, which connectionsPerUserPerMinute bounds.
 */
export async function bindClient(
  db: Db,
  reader: PullStore,
  clientId: string,
  userId: string,
  rule: { now: number; newPerDay: number },
): Promise<Result<void>> {
  let owner = (await reader.client(clientId))?.userId;
  if (owner === undefined) {
    const bucket = NEW_DESKTOPS_BUCKET(userId);
    if ((await readHits(db, bucket, DAY_MS, rule.now)) >= rule.newPerDay) {
      return err(
        'auth.too_many_desktops',
        `This account registered ${rule.newPerDay} new desktops today; ask an administrator, or use a desktop it already synced from.`,
        { perDay: rule.newPerDay },
      );
    }
    const inserted = await db
      .insertInto('clients')
      .values({ client_id: clientId, user_id: userId, last_seq: 0, created_at: rule.now })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) await countHit(db, bucket, DAY_MS, rule.now);
    owner = (await reader.client(clientId))?.userId;
  }
  if (owner !== userId) {
    return err(
      'auth.client_mismatch',
      'This desktop client id belongs to another user; the desktop must use a new client id for this user.',
    );
  }
  return ok(undefined);
}
