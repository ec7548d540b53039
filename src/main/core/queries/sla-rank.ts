import { businessDateOf } from '../../../shared/domain/calendar/business-calendar';
import { HOUR_MS, type Policy } from '../../../shared/domain/policy';
import { addDays, zonedTimeToInstant } from '../../../shared/domain/time/zoned';

/**
 * slaStatus (shared/domain/sla) as a SQL expression over callback_index, so the
 * worklist can sort and filter 50,000 rows by SLA risk inside SQLite. Ranks
 * follow SLA_STATES: 0 overdue, 1 due today, 2 at risk, 3 on track.
 * Parameters: @now, @tomorrow, @urgentRisk, @nonUrgentRisk.
 */
export const SLA_RANK_SQL = `CASE
  WHEN due_at <= @now THEN 0
  WHEN due_at < @tomorrow THEN 1
  WHEN due_at - @now < (CASE urgency WHEN 'urgent' THEN @urgentRisk ELSE @nonUrgentRisk END) THEN 2
  ELSE 3 END`;

export function slaRankParams(now: number, policy: Policy) {
  const tomorrow = addDays(businessDateOf(now, policy), 1);
  return {
    now,
    tomorrow: zonedTimeToInstant({ ...tomorrow, hour: 0, minute: 0 }, policy.callbackHours.timeZone),
    urgentRisk: policy.sla.urgentAtRiskHours * HOUR_MS,
    nonUrgentRisk: policy.sla.nonUrgentAtRiskHours * HOUR_MS,
  };
}
