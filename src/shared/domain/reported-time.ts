import { HOUR_MS, MINUTE_MS } from './policy';

/**
 * Times a desktop reports (when an attempt was made, when a call started and ended):
 * its estimate of the server's clock, trusted within bounds. Protocol tolerances, not
 * business rules, so they are not in the policy.
 */

/** How far ahead of the server's clock a desktop's time may be: its estimate drifts a little. */
export const REPORTED_CLOCK_SKEW_MS = 2 * MINUTE_MS;

/**
 * The longest a desktop may hold a record offline and still have its own times
 * accepted. Sessions last a shift, so anything older than a day is not a network cut
 * but a stale outbox (or a wrong clock); the server refuses it rather than rewrite history.
 */
export const MAX_REPORTED_AGE_MS = 24 * HOUR_MS;

/** Why a reported instant cannot be believed, or undefined when it can. */
export function reportedTimeProblem(at: number, serverNow: number): 'in-future' | 'too-old' | undefined {
  if (at > serverNow + REPORTED_CLOCK_SKEW_MS) return 'in-future';
  if (at < serverNow - MAX_REPORTED_AGE_MS) return 'too-old';
  return undefined;
}
