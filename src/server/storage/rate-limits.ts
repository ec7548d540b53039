import type { Transaction } from 'kysely';
import type { Db } from './database';
import type { Database } from './schema';

type Executor = Db | Transaction<Database>;

/** A hit counted in a fixed window: the count after it, and the window it was counted in. */
export interface Hit {
  bucket: string;
  windowStart: number;
  hits: number;
}

/**
 * Counts one hit in `bucket`'s current fixed window (`windowMs` long, aligned to the
 * epoch) in ONE statement, so parallel requests on any node each get their own count.
 * A row left from an earlier window starts again at 1.
 */
export async function countHit(db: Executor, bucket: string, windowMs: number, now: number): Promise<Hit> {
  const windowStart = now - (now % windowMs);
  const row = await db
    .insertInto('rate_limits')
    .values({ bucket, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.column('bucket').doUpdateSet((eb) => ({
        hits: eb
          .case()
          .when('rate_limits.window_start', '=', eb.ref('excluded.window_start'))
          .then(eb('rate_limits.hits', '+', 1))
          .else(1)
          .end(),
        window_start: eb.ref('excluded.window_start'),
      })),
    )
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  return { bucket, windowStart: Number(row.window_start), hits: Number(row.hits) };
}

/** The hits counted in `bucket`'s current window (0 when it has none), counting nothing. */
export async function readHits(db: Executor, bucket: string, windowMs: number, now: number): Promise<number> {
  const windowStart = now - (now % windowMs);
  const row = await db
    .selectFrom('rate_limits')
    .select('hits')
    .where('bucket', '=', bucket)
    .where('window_start', '=', windowStart)
    .executeTakeFirst();
  return row ? Number(row.hits) : 0;
}

/** Takes back a hit (the attempt turned out not to count), if its window is still the bucket's. */
export async function refundHit(db: Executor, hit: Hit): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set((eb) => ({ hits: eb('hits', '-', 1) }))
    .where('bucket', '=', hit.bucket)
    .where('window_start', '=', hit.windowStart)
    .where('hits', '>', 0)
    .execute();
}

/** Forgets windows that ended before `before` (a timer calls it; any node may). */
export async function pruneRateLimits(db: Executor, before: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', before).execute();
}
