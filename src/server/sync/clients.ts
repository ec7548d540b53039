import { err, ok, type Result } from '../../shared/domain/result';
import type { Db } from '../storage/database';
import type { PullStore } from '../storage/server-store';

/**
 * A client id (one desktop installation's outbox) belongs to the first user who
 * syncs with it. Another user presenting it is refused: their pushes would
 * otherwise be judged against someone else's sequence numbers.
 *
 * A known client is checked on the read-only connection (no write, no wait behind
 * pushes); only a new one costs a write, one insert that keeps the first owner
 * when two handshakes race (`on conflict do nothing`, then read the owner back).
 */
export async function bindClient(
  db: Db,
  reader: PullStore,
  clientId: string,
  userId: string,
  now: number,
): Promise<Result<void>> {
  let owner = (await reader.client(clientId))?.userId;
  if (owner === undefined) {
    await db
      .insertInto('clients')
      .values({ client_id: clientId, user_id: userId, last_seq: 0, created_at: now })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .execute();
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
