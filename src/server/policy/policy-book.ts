import type { Policy } from '../../shared/domain/policy';
import type { PolicyVersion } from '../storage/policies';

/** The policy in force at an instant (what every rule on the server asks). */
export type PolicyAt = (at: number) => Policy;

/**
 * The policies in force over time: the configured one (file or default) from the
 * beginning, then each published version from its effective instant. Which instant a
 * rule asks about is the rule's business (docs/domain.md, "Policy over time"): due
 * times use the policy in force when the callback is created; everything else the
 * policy in force when it is applied.
 */
export class PolicyBook {
  private versions: PolicyVersion[] = [];

  constructor(
    private readonly base: Policy,
    versions: readonly PolicyVersion[] = [],
  ) {
    this.replace(versions);
  }

  /** The policy in force at `instant`. */
  readonly at: PolicyAt = (instant) => {
    let found: Policy = this.base;
    for (const v of this.versions) {
      if (v.effectiveFrom > instant) break;
      found = v.policy;
    }
    return found;
  };

  /** The configured policy (in force before any published version). */
  get configured(): Policy {
    return this.base;
  }

  /** Published versions, oldest in force first. */
  list(): readonly PolicyVersion[] {
    return this.versions;
  }

  /** The first instant after `instant` at which another version takes over, if any. */
  nextChangeAfter(instant: number): number | undefined {
    return this.versions.find((v) => v.effectiveFrom > instant)?.effectiveFrom;
  }

  /**
   * Takes the versions as stored now. A version already known keeps its object, so the
   * policy in force keeps its identity across reloads (watchers compare by identity).
   */
  replace(versions: readonly PolicyVersion[]): void {
    const known = new Map(this.versions.map((v) => [v.id, v]));
    this.versions = versions
      .map((v) => known.get(v.id) ?? v)
      .sort(
        (a, b) => a.effectiveFrom - b.effectiveFrom || a.createdAt - b.createdAt || a.id.localeCompare(b.id),
      );
  }
}
