import { MINUTE_MS } from '../../shared/domain/policy';

/**
 * The idle lock (policy.security.idleLockMinutes, or the managed setting): after
 * that long without activity the UI locks; unlocking needs the password.
 */
export class IdleLock {
  private lastActivity: number;
  private locked = false;

  constructor(
    private readonly minutes: () => number,
    private readonly clock: () => number,
  ) {
    this.lastActivity = clock();
  }

  get isLocked(): boolean {
    return this.locked;
  }

  touch(): void {
    this.lastActivity = this.clock();
  }

  /** True when this check locked it (so the caller announces it once). */
  check(): boolean {
    if (this.locked) return false;
    if (this.clock() - this.lastActivity >= this.minutes() * MINUTE_MS) {
      this.locked = true;
      return true;
    }
    return false;
  }

  lock(): void {
    this.locked = true;
  }

  unlock(): void {
    this.locked = false;
    this.touch();
  }
}
