import { businessDateOf } from '../../../shared/domain/calendar/business-calendar';
import { HOUR_MS, type Policy } from '../../../shared/domain/policy';
import { SLA_STATES, type SlaState } from '../../../shared/domain/sla';
import { addDays, zonedTimeToInstant } from '../../../shared/domain/time/zoned';

/** An index into SLA_STATES: 0 overdue, 1 due today, 2 at risk, 3 on track. */
export type SlaRank = 0 | 1 | 2 | 3;

/**
 * slaStatus (shared/domain/sla) with the calendar work done once per query, so
 * the worklist can rank 50,000 callbacks by SLA risk in a couple of
 * milliseconds: "due today" is "before the next midnight in the callback-hours
 * zone", the rest is arithmetic on due_at and urgency.
 */
export function slaRanker(now: number, policy: Policy): SlaRanker {
  const tomorrow = zonedTimeToInstant(
    { ...addDays(businessDateOf(now, policy), 1), hour: 0, minute: 0 },
    policy.callbackHours.timeZone,
  );
  const urgentRisk = policy.sla.urgentAtRiskHours * HOUR_MS;
  const nonUrgentRisk = policy.sla.nonUrgentAtRiskHours * HOUR_MS;
  const riskOf = (urgency: string) => (urgency === 'urgent' ? urgentRisk : nonUrgentRisk);
  return {
    now,
    tomorrow,
    riskOf,
    rankOf: ({ dueAt, urgency }) => {
      if (dueAt <= now) return 0;
      if (dueAt < tomorrow) return 1;
      return dueAt - now < riskOf(urgency) ? 2 : 3;
    },
  };
}

export interface SlaRanker {
  now: number;
  /** The next midnight in the callback-hours zone: "due today" ends there. */
  tomorrow: number;
  /** How long before its due time a callback of this urgency is at risk. */
  riskOf(urgency: string): number;
  rankOf(item: { dueAt: number; urgency: string }): SlaRank;
}

export function slaStateOf(rank: SlaRank): SlaState {
  return SLA_STATES[rank];
}
