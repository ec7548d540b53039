import { err, ok, type Result } from '../../shared/domain/result';
import type { Db } from '../storage/database';

/**
 * A client id (one desktop installation's outbox) belongs to the first user who
 * syncs with it. Another user presenting it is refused: their pushes would
 * otherwise be judged against someone else's sequence numbers.
 */
export async function bindClient(
  db: Db,
  clientId: string,
  userId: string,
  now: number,
): Promise<Result<void>> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('clients')
      .select('user_id')
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    if (!existing) {
      await trx
        .insertInto('clients')
        .values({ client_id: clientId, user_id: userId, last_seq: 0, created_at: now })
        .execute();
      return ok(undefined);
    }
    if (existing.user_id !== userId) {
      return err(
        'auth.client_mismatch',
        'This desktop client id belongs to another user; the desktop must use a new client id for this user.',
      );
    }
    return ok(undefined);
  });
}
