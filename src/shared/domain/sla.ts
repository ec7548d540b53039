import { z } from 'zod';
import { businessDateOf } from './calendar/business-calendar';
import { DAY_MS, HOUR_MS, type Policy } from './policy';
import { sameDate } from './time/zoned';

/**
 * The SLA clock (PRODUCT.md rule 1). Creation time is the server's; the due time
 * is elapsed time from it (72 h urgent, 14 × 24 h non-urgent), which keeps due
 * times monotonic in creation time even across DST changes.
 */
export const urgencySchema = z.enum(['urgent', 'non-urgent']);
export type Urgency = z.infer<typeof urgencySchema>;

export const SLA_STATES = ['overdue', 'due-today', 'at-risk', 'on-track'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export function dueAt(createdAt: number, urgency: Urgency, policy: Policy): number {
  return urgency === 'urgent'
    ? createdAt + policy.sla.urgentDueHours * HOUR_MS
    : createdAt + policy.sla.nonUrgentDueDays * DAY_MS;
}

export interface SlaStatus {
  state: SlaState;
  /** Milliseconds until due; negative once overdue. */
  remainingMs: number;
}

/**
 * Where a callback stands against its SLA at `now`, most severe first: overdue,
 * then due today (same calendar day in the callback-hours zone), then at risk
 * (less than the policy's at-risk hours remain), else on track.
 */
export function slaStatus(item: { dueAt: number; urgency: Urgency }, now: number, policy: Policy): SlaStatus {
  const remainingMs = item.dueAt - now;
  if (remainingMs <= 0) return { state: 'overdue', remainingMs };
  if (sameDate(businessDateOf(item.dueAt, policy), businessDateOf(now, policy))) {
    return { state: 'due-today', remainingMs };
  }
  const atRiskHours =
    item.urgency === 'urgent' ? policy.sla.urgentAtRiskHours : policy.sla.nonUrgentAtRiskHours;
  if (remainingMs < atRiskHours * HOUR_MS) return { state: 'at-risk', remainingMs };
  return { state: 'on-track', remainingMs };
}

/** Sort key for "sorted by SLA risk": severity first, then the earlier due time. */
export function slaRiskOrder(
  a: { state: SlaState; dueAt: number },
  b: { state: SlaState; dueAt: number },
): number {
  return SLA_STATES.indexOf(a.state) - SLA_STATES.indexOf(b.state) || a.dueAt - b.dueAt;
}
