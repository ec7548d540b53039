/**
 * A token bucket per key (a platform): `burst` requests at once, refilled at
 * `perSecond`. In memory, per server process: with several processes each keeps its
 * own buckets, so a platform spread over N nodes may send N times the rate — the
 * limit protects each process, not a global quota.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limits: () => { perSecond: number; burst: number },
    private readonly clock: () => number,
  ) {}

  /** Takes one token; answers how many ms to wait when none is left. */
  take(key: string): { ok: true } | { ok: false; retryAfterMs: number } {
    const { perSecond, burst } = this.limits();
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    const refilled = Math.min(burst, bucket.tokens + ((now - bucket.at) * perSecond) / 1000);
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, at: now });
      return { ok: false, retryAfterMs: Math.ceil(((1 - refilled) * 1000) / perSecond) };
    }
    this.buckets.set(key, { tokens: refilled - 1, at: now });
    return { ok: true };
  }
}
