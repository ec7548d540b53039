import { MINUTE_MS } from '../../shared/domain/policy';
import { err, ok, type Result } from '../../shared/domain/result';
import type { Db } from '../storage/database';
import { countHit } from '../storage/rate-limits';
import { countNoun } from '../../shared/domain/language/plural';

/** One user's socket connections (policy.security.connectionsPerUserPerMinute). */
export const CONNECT_BUCKET = (userId: string) => `connect:${userId}`;

/**
 * Counts one connection of a user in the current minute (in the database: every node
 * counts into the same window) and refuses it past `perMinute`, saying when to retry.
 * Desktops reconnect with backoff, far below the limit; a loop of connects is not.
 */
export async function withinRate(
  db: Db,
  bucket: string,
  perMinute: number,
  now: number,
): Promise<Result<void>> {
  const hit = await countHit(db, bucket, MINUTE_MS, now);
  if (hit.hits <= perMinute) return ok(undefined);
  const seconds = Math.max(1, Math.ceil((hit.windowStart + MINUTE_MS - now) / 1000));
  return err(
    'auth.too_many_connections',
    `This account opened more than ${perMinute} connections in a minute; try again in ${countNoun('en', seconds, 'second', 'seconds')}.`,
    { seconds, perMinute },
  );
}
