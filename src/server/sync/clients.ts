import { DAY_MS } from '../../shared/domain/policy';
import { err, ok, type Result } from '../../shared/domain/result';
import type { Db } from '../storage/database';
import type { PullStore } from '../storage/server-store';
import { countHit, refundHit } from '../storage/rate-limits';

/** New desktops one user registered today (policy.security.newDesktopsPerUserPerDay). */
const NEW_DESKTOPS_BUCKET = (userId: string) => `new-desktops:${userId}`;

/**
 * A client id (one desktop installation's outbox) belongs to the first user who
 * syncs with it. Another user presenting it is refused: their pushes would
 * otherwise be judged against someone else's sequence numbers.
 *
 * A known client is checked on the read-only connection (no write, no wait behind
 * pushes); only a new one costs writes: it is counted against the user's new desktops
 * per day (refused past the limit, so no user can grow the table without bound), then
 * inserted by one statement that keeps the first owner when two handshakes race
 * (`on conflict do nothing`, then read the owner back).
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
    const hit = await countHit(db, NEW_DESKTOPS_BUCKET(userId), DAY_MS, rule.now);
    if (hit.hits > rule.newPerDay) {
      return err(
        'auth.too_many_desktops',
        `This account registered ${rule.newPerDay} new desktops today; ask an administrator, or use a desktop it already synced from.`,
        { perDay: rule.newPerDay },
      );
    }
    await db
      .insertInto('clients')
      .values({ client_id: clientId, user_id: userId, last_seq: 0, created_at: rule.now })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .execute();
    owner = (await reader.client(clientId))?.userId;
    // Someone else's desktop after all (a race, or a stolen id): it was not a new one of ours.
    if (owner !== userId) await refundHit(db, hit);
  }
  if (owner !== userId) {
    return err(
      'auth.client_mismatch',
      'This desktop client id belongs to another user; the desktop must use a new client id for this user.',
    );
  }
  return ok(undefined);
}
