import type { Policy } from '../../../shared/domain/policy';
import {
  SLA_STATES,
  slaStateAt,
  slaTransitions,
  type SlaState,
  type SlaTransitions,
} from '../../../shared/domain/sla';
import { slaInputOf, type WorklistEntry } from '../../store/callback-index';

/** An index into SLA_STATES: 0 overdue, 1 due today, 2 at risk, 3 on track. */
export type SlaRank = 0 | 1 | 2 | 3;

/**
 * The SLA rule (shared/domain/sla: callable time left before the due time, not
 * wall-clock time) for worklist entries. An entry is replaced whenever its callback
 * changes, and a callback's transitions do not depend on `now`, so they are worked
 * out once per entry (and policy) and ranking 50,000 callbacks is then a few
 * comparisons each. Entries of the callback index carry theirs, worked out when the
 * callback was indexed (`stored`: the index was built under this same policy), so a
 * start ranks them without computing any. The index keeps the zones of the
 * customer's numbers (not the numbers: PII stays encrypted) and the attempts still
 * allowed, so the worklist judges a callback exactly as its detail screen and the
 * lead's board do.
 */
export function slaRanker(now: number, policy: Policy, stored = false): SlaRanker {
  const transitionsOf = (entry: RankedEntry): SlaTransitions => {
    if (stored && entry.transitions) return entry.transitions;
    let byEntry = cache.get(policy);
    if (!byEntry) {
      byEntry = new WeakMap();
      cache.set(policy, byEntry);
    }
    let transitions = byEntry.get(entry);
    if (!transitions) {
      transitions = slaTransitions(slaInputOf(entry), policy);
      byEntry.set(entry, transitions);
    }
    return transitions;
  };
  return {
    now,
    transitionsOf,
    rankOf: (entry) => SLA_STATES.indexOf(slaStateAt(transitionsOf(entry), now)) as SlaRank,
    nextChange: (entry) => {
      const t = transitionsOf(entry);
      let next = Infinity;
      for (const at of [t.atRiskFrom, t.dueTodayFrom, t.overdueFrom]) if (at > now && at < next) next = at;
      return next;
    },
  };
}

type RankedEntry = Pick<WorklistEntry, 'dueAt' | 'urgency' | 'zones' | 'attemptsLeft' | 'nextAttemptFrom'> &
  Partial<Pick<WorklistEntry, 'transitions'>>;
const cache = new WeakMap<Policy, WeakMap<RankedEntry, SlaTransitions>>();

export interface SlaRanker {
  now: number;
  /** The entry's SLA transitions (cached per entry and policy). */
  transitionsOf(entry: RankedEntry): SlaTransitions;
  rankOf(entry: RankedEntry): SlaRank;
  /** The first instant after `now` at which the entry's rank changes (Infinity when never). */
  nextChange(entry: RankedEntry): number;
}

export function slaStateOf(rank: SlaRank): SlaState {
  return SLA_STATES[rank];
}
