/**
 * Reconnection delays: exponential, capped, with jitter so a server restart is
 * not met by thousands of desktops reconnecting in the same second.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  factor: number;
  /** 0 = no jitter; 0.5 = the delay is uniformly spread over [50%, 100%] of the exponential value. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, factor: 2, jitter: 0.5 };

/** Delay before reconnection attempt `attempt` (0-based). `random` returns [0, 1). */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(options.maxMs, options.baseMs * options.factor ** Math.max(0, attempt));
  const jitter = Math.min(1, Math.max(0, options.jitter));
  return Math.round(exponential * (1 - jitter) + exponential * jitter * random());
}
