import { MINUTE_MS, type Policy } from '../../shared/domain/policy';
import { err, ok, type DomainError, type Result } from '../../shared/domain/result';
import type { Db } from '../storage/database';
import { countHit, refundHit, type Hit } from '../storage/rate-limits';
import { blockUntil, clearGuards, countFailure, readGuard } from '../storage/sign-in-guards';

/** Guard keys: the name as typed (known or not), or an account on one of its owner's own desktops. */
export const guardKey = {
  name: (username: string) => `name:${username}`,
  desktop: (username: string, clientId: string) => `desktop:${username}:${clientId}`,
} as const;

export const RATE_BUCKETS = {
  address: (ip: string) => `sign-in:address:${ip}`,
  everyone: 'sign-in:all',
} as const;

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

/** An admitted attempt: where its failure would count, and the limit hits a success gives back. */
export interface Admission {
  key: string;
  account: string;
  hits: Hit[];
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
  constructor(
    private readonly db: Db,
    private readonly policyAt: (at: number) => Policy,
    private readonly clock: () => number,
  ) {}

  /** Counts the attempt against the limits and checks the guard; refused attempts end here. */
  async admit(attempt: Attempt): Promise<Result<Admission>> {
    const now = this.clock();
    const security = this.policyAt(now).security;
    const hits: Hit[] = [];
    if (!attempt.ownDesktop) {
      const limits = [
        {
          bucket: RATE_BUCKETS.address(attempt.ip),
          limit: security.signInFailuresPerAddress,
          windowMs: security.signInLimitWindowMinutes * MINUTE_MS,
        },
        { bucket: RATE_BUCKETS.everyone, limit: security.signInFailuresPerMinute, windowMs: MINUTE_MS },
      ];
      for (const { bucket, limit, windowMs } of limits) {
        const hit = await countHit(this.db, bucket, windowMs, now);
        hits.push(hit);
        if (hit.hits > limit) return rateLimited(hit.windowStart + windowMs - now);
      }
    }
    const key =
      attempt.ownDesktop && attempt.clientId
        ? guardKey.desktop(attempt.username, attempt.clientId)
        : guardKey.name(attempt.username);
    const blocked = await this.blockedFor(key, now);
    if (blocked > 0) return locked(blocked);
    return ok({ key, account: attempt.username, hits, now });
  }

  /** A wrong password (or an unknown name): counted; the answer says if sign-in must now wait. */
  async failed(admission: Admission): Promise<DomainError> {
    const { now } = admission;
    const security = this.policyAt(now).security;
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
   * hash ran: then it is refused like them. Otherwise the guard forgets its failures
   * and the limits get their hits back (they count failures, not sign-ins).
   */
  async succeeded(admission: Admission): Promise<Result<void>> {
    const blocked = await this.blockedFor(admission.key, admission.now);
    if (blocked > 0) return locked(blocked);
    await clearGuards(this.db, [admission.key]);
    for (const hit of admission.hits) await refundHit(this.db, hit);
    return ok(undefined);
  }

  private async blockedFor(key: string, now: number): Promise<number> {
    const guard = await readGuard(this.db, key);
    return guard?.blockedUntil != null && guard.blockedUntil > now ? guard.blockedUntil - now : 0;
  }
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
    `Too many failed sign-ins; try again in ${minutes} minute(s), or ask an administrator to unlock the account.`,
    { minutes, seconds },
  );
}

/** 429: too many failed sign-ins from this address (or from everywhere) in the current window. */
function rateLimited(ms: number): { ok: false; error: DomainError } {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return err(
    'auth.rate_limited',
    `Too many failed sign-ins from this network; try again in ${seconds} second(s).`,
    { seconds },
  );
}

export { INVALID as INVALID_CREDENTIALS };
