import { DAY_MS, MINUTE_MS } from '../../shared/domain/policy';
import type { Logger } from '../logger';
import type { PolicyAt } from '../policy/policy-book';
import type { Db } from '../storage/database';
import { pruneRateLimits } from '../storage/rate-limits';
import { pruneGuards } from '../storage/sign-in-guards';

/** How often the counters are swept (a sweep is two deletes; any node may run it). */
const EVERY_MS = 10 * MINUTE_MS;

/**
 * Forgets sign-in failures the policy no longer remembers and rate-limit windows long
 * over: unknown names and one-off addresses would otherwise grow the tables forever.
 * Returns the stop function.
 */
export function scheduleForgetting(
  db: Db,
  deps: { clock: () => number; policyAt: PolicyAt; log: Logger },
): () => void {
  const timer = setInterval(() => {
    const now = deps.clock();
    const { lockoutMinutes } = deps.policyAt(now).security;
    Promise.all([
      pruneGuards(db, now - lockoutMinutes * MINUTE_MS, now),
      // The longest window a counter uses is a day (new desktops per day).
      pruneRateLimits(db, now - DAY_MS),
    ]).catch((error: unknown) => deps.log.warn({ err: error }, 'could not forget old sign-in counters'));
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
