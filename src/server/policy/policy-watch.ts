import type { Policy } from '../../shared/domain/policy';
import type { Logger } from '../logger';
import type { Db } from '../storage/database';
import { loadPolicyVersions } from '../storage/policies';
import type { PolicyBook } from './policy-book';

export interface PolicyWatchDeps {
  db: Db;
  book: PolicyBook;
  clock: () => number;
  log: Logger;
  /** A different policy is in force now (published here or on another node, or a scheduled one's time came). */
  onChange: (policy: Policy) => void;
  /** How often the policy in force is compared (ms). */
  checkEveryMs?: number;
  /** How often the published versions are re-read, to see what other nodes published (ms). */
  reloadEveryMs?: number;
}

/**
 * Notices when the policy in force changes and says so once. The book holds every
 * version with its effective time, so a scheduled version comes into force by the
 * clock alone; versions published on another node arrive with the next reload.
 */
export class PolicyWatch {
  private inForce: Policy;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly deps: PolicyWatchDeps) {
    this.inForce = deps.book.at(deps.clock());
    const check = setInterval(() => this.check(), deps.checkEveryMs ?? 1_000);
    const reload = setInterval(() => void this.reload(), deps.reloadEveryMs ?? 5_000);
    check.unref();
    reload.unref();
    this.timers.push(check, reload);
  }

  /** Compares the policy in force now with the last one announced (call after publishing). */
  check(): void {
    const now = this.deps.book.at(this.deps.clock());
    if (now === this.inForce) return;
    this.inForce = now;
    this.deps.onChange(now);
  }

  private async reload(): Promise<void> {
    try {
      const { versions, unreadable } = await loadPolicyVersions(this.deps.db);
      if (unreadable.length > 0)
        this.deps.log.error({ ids: unreadable }, 'stored policy versions do not parse');
      this.deps.book.replace(versions);
      this.check();
    } catch (error) {
      this.deps.log.warn({ err: error }, 'could not re-read the published policies');
    }
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
  }
}
