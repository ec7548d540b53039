import { HOUR_MS, type Policy } from '../domain/policy';
import type { SlaState, Urgency } from '../domain/sla';

/**
 * slaStatus(…).state with the end of `now`'s day passed in: the same rule (overdue,
 * due today, at risk, on track) without two calendar lookups per call, for sorting
 * thousands of callbacks. `endOfToday` is the first instant of the next day in the
 * callback-hours zone (DaySpan.end). A unit test holds it equal to slaStatus.
 */
export function slaStateAt(
  dueAt: number,
  urgency: Urgency,
  now: number,
  endOfToday: number,
  policy: Policy,
): SlaState {
  const remaining = dueAt - now;
  if (remaining <= 0) return 'overdue';
  if (dueAt < endOfToday) return 'due-today';
  const atRisk = urgency === 'urgent' ? policy.sla.urgentAtRiskHours : policy.sla.nonUrgentAtRiskHours;
  return remaining < atRisk * HOUR_MS ? 'at-risk' : 'on-track';
}
