import { MINUTE_MS, type Policy } from '../../shared/domain/policy';
import { err, ok, type DomainError, type Result } from '../../shared/domain/result';
import type { Db } from '../storage/database';
import { countHit, readHits, refundHit, type Hit } from '../storage/rate-limits';
import { blockUntil, clearGuards, countFailure, readGuard } from '../storage/sign-in-guards';
import { countNoun } from '../../shared/domain/language/plural';

/** Guard keys: the name as typed (known or not), or an account on one of its owner's own desktops. */
export const guardKey = {
  name: (username: string) => `name:${username}`,
  desktop: (username: string, clientId: string) => `desktop:${username}:${clientId}`,
} as const;

export const RATE_BUCKETS = {
  /** Failed sign-ins from one address. */
  address: (ip: string) => `sign-in:address:${ip}`,
  /** Failed sign-ins from everywhere. */
  everyone: 'sign-in:all',
  /** Sign-ins from one address under way now (each gives its hit back when it ends). */
  inFlight: (ip: string) => `sign-in:in-flight:${ip}`,
} as const;

/** A limit on failed sign-ins: counted when one fails, read before the next is let in. */
interface FailureLimit {
  bucket: string;
  limit: number;
  windowMs: number;
}

type Security = Policy['security'];

/**
 * How long sign-in waits after `failures` wrong passwords in a row: nothing before
 * maxFailedSignIns, then lockoutFirstDelaySeconds doubling with each further failure,
 * never more than lockoutMinutes. A burst of guesses by someone else costs the owner
 * seconds, not a quarter of an hour; a sustained attack still reaches the cap.
 */
export function lockDelayMs(failures: number, security: Security): number {
  if (failures < security.maxFailedSignIns) return 0;
  const doublings = Math.min(failures - security.maxFailedSignIns, 30);
  return Math.min(
    security.lockoutMinutes * MINUTE_MS,
    security.lockoutFirstDelaySeconds * 1000 * 2 ** doublings,
  );
}

/** One sign-in attempt as the gate sees it. */
export interface Attempt {
  username: string;
  ip: string;
  /** The desktop's client id when it sent one; it counts only if the account already owns it. */
  clientId?: string | undefined;
  /** Whether that client id is a desktop the account synced from (the caller looked it up). */
  ownDesktop: boolean;
}

/** An admitted attempt: where its failure would count, and the hits it gives back when it ends. */
export interface Admission {
  key: string;
  account: string;
  /** Counted only if it fails (its address's failures, everyone's failures). */
  failureLimits: FailureLimit[];
  /** Its place among its address's sign-ins under way; given back either way. */
  inFlight: Hit | null;
  /** It holds one of this node's places for sign-ins under way; given back either way. */
  onNode: boolean;
  now: number;
}

/**
 * What stands before the password check (docs/protocol.md, "Sign-in limits"):
 * per-address and overall limits on failed sign-ins (429 with Retry-After), and the
 * per-guard delay after repeated failures (423). Every counter lives in the database,
 * so every node of a deployment applies the same limits. A sign-in from a desktop the
 * account already synced from skips the address and overall limits and counts its
 * failures on its own guard: guesses from elsewhere can delay the name, not its owner.
 */
export class SignInGate {
  /** Sign-ins under way on this node (not from their owners' desktops). */
  private underWayHere = 0;

  constructor(
    private readonly db: Db,
    private readonly policyAt: (at: number) => Policy,
    private readonly clock: () => number,
  ) {}

  /**
   * Lets the attempt in unless its address has used up its failed sign-ins for the
   * window or has too many sign-ins under way, everyone together has, or the guard
   * makes it wait; refused attempts end here. Both failure limits count only failures
   * (in failed()), so a shift start of many right passwords — from one NAT address or
   * from 2,000 desktops at once — is never refused for being many. What bounds guesses
   * that all start before any has failed is how many may be under way at once: per
   * address across the deployment, and per node (at most that many past a limit).
   */
  async admit(attempt: Attempt): Promise<Result<Admission>> {
    const now = this.clock();
    const security = this.policyAt(now).security;
    if (attempt.ownDesktop) {
      const key = attempt.clientId
        ? guardKey.desktop(attempt.username, attempt.clientId)
        : guardKey.name(attempt.username);
      const blocked = await this.blockedFor(key, now);
      if (blocked > 0) return locked(blocked);
      return ok({ key, account: attempt.username, failureLimits: [], inFlight: null, onNode: false, now });
    }
    if (this.underWayHere >= security.signInsInFlightPerNode) return rateLimited(1000);
    this.underWayHere += 1;
    let admitted = false;
    let inFlight: Hit | undefined;
    try {
      inFlight = await countHit(this.db, RATE_BUCKETS.inFlight(attempt.ip), MINUTE_MS, now);
      if (inFlight.hits > security.signInsInFlightPerAddress) return rateLimited(1000);
      const address: FailureLimit = {
        bucket: RATE_BUCKETS.address(attempt.ip),
        limit: security.signInFailuresPerAddress,
        windowMs: security.signInLimitWindowMinutes * MINUTE_MS,
      };
      const everyone: FailureLimit = {
        bucket: RATE_BUCKETS.everyone,
        limit: security.signInFailuresPerMinute,
        windowMs: MINUTE_MS,
      };
      for (const limit of [address, everyone]) {
        if ((await readHits(this.db, limit.bucket, limit.windowMs, now)) >= limit.limit)
          return rateLimited(windowEnd(now, limit.windowMs) - now);
      }
      const key = guardKey.name(attempt.username);
      const blocked = await this.blockedFor(key, now);
      if (blocked > 0) return locked(blocked);
      admitted = true;
      return ok({
        key,
        account: attempt.username,
        failureLimits: [address, everyone],
        inFlight,
        onNode: true,
        now,
      });
    } finally {
      // Refused here (or failed on the way): it is no longer under way.
      if (!admitted) {
        this.underWayHere -= 1;
        if (inFlight) await refundHit(this.db, inFlight);
      }
    }
  }

  /** The attempt is no longer under way (either way it ended). */
  private async release(admission: Admission): Promise<void> {
    if (admission.onNode) this.underWayHere -= 1;
    if (admission.inFlight) await refundHit(this.db, admission.inFlight);
  }

  /** A wrong password (or an unknown name): counted; the answer says if sign-in must now wait. */
  async failed(admission: Admission): Promise<DomainError> {
    const { now } = admission;
    const security = this.policyAt(now).security;
    await this.release(admission);
    for (const { bucket, windowMs } of admission.failureLimits)
      await countHit(this.db, bucket, windowMs, now);
    const failures = await countFailure(
      this.db,
      { key: admission.key, account: admission.account },
      now,
      now - security.lockoutMinutes * MINUTE_MS,
    );
    const delay = lockDelayMs(failures, security);
    if (delay === 0) return INVALID;
    await blockUntil(this.db, admission.key, now + delay);
    return locked(await this.blockedFor(admission.key, now)).error;
  }

  /**
   * The right password. Parallel wrong guesses may have blocked the guard while the
   * hash ran: then it is refused like them. Otherwise the guard forgets its failures.
   * Either way the sign-in is no longer under way.
   */
  async succeeded(admission: Admission): Promise<Result<void>> {
    await this.release(admission);
    const blocked = await this.blockedFor(admission.key, admission.now);
    if (blocked > 0) return locked(blocked);
    await clearGuards(this.db, [admission.key]);
    return ok(undefined);
  }

  private async blockedFor(key: string, now: number): Promise<number> {
    const guard = await readGuard(this.db, key);
    return guard?.blockedUntil != null && guard.blockedUntil > now ? guard.blockedUntil - now : 0;
  }
}

/** When the fixed window (aligned to the epoch, as rate_limits counts) that holds `now` ends. */
function windowEnd(now: number, windowMs: number): number {
  return now - (now % windowMs) + windowMs;
}

const INVALID: DomainError = {
  code: 'auth.invalid_credentials',
  message: 'The user name or password is not correct.',
};

/** 423: the name (or this desktop's sign-ins of it) must wait; `seconds` goes out as Retry-After. */
function locked(ms: number): { ok: false; error: DomainError } {
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.ceil(ms / MINUTE_MS);
  return err(
    'auth.locked',
    `Too many failed sign-ins; try again in ${countNoun('en', minutes, 'minute', 'minutes')}, or ask an administrator to unlock the account.`,
    { minutes, seconds },
  );
}

/**
 * 429: too many failed sign-ins from this address (or from everywhere) in the current
 * window, or too many under way from it at once (then a second's wait).
 */
function rateLimited(ms: number): { ok: false; error: DomainError } {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return err(
    'auth.rate_limited',
    `Too many failed sign-ins from this network; try again in ${countNoun('en', seconds, 'second', 'seconds')}.`,
    { seconds },
  );
}

export { INVALID as INVALID_CREDENTIALS };
