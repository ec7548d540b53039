import type { CallbackRow, Handoff } from '../sync/rows/callback';

/**
 * The part of a callback row the supervisor view reads. Everything else (phones,
 * names) stays out of the aggregates, so the board can never leak it.
 */
export type SupervisedCallback = Pick<
  CallbackRow,
  | 'id'
  | 'team'
  | 'inquiryId'
  | 'customerId'
  | 'tier'
  | 'urgency'
  | 'assigneeId'
  | 'claimedAt'
  | 'createdAt'
  | 'dueAt'
  | 'attempts'
  | 'extraAttemptsGranted'
  | 'status'
  | 'scheduledSlot'
  | 'closedAt'
> & {
  /** Who escalated or handed back, when, to which tier: never the reason's text. */
  handoffs?: Pick<Handoff, 'to' | 'at' | 'by'>[];
};

/** Copies the supervised fields out of a full row (drops the rest). */
export function toSupervised(row: SupervisedCallback): SupervisedCallback {
  return {
    id: row.id,
    team: row.team,
    inquiryId: row.inquiryId,
    customerId: row.customerId,
    tier: row.tier,
    urgency: row.urgency,
    assigneeId: row.assigneeId,
    claimedAt: row.claimedAt,
    createdAt: row.createdAt,
    dueAt: row.dueAt,
    attempts: row.attempts,
    extraAttemptsGranted: row.extraAttemptsGranted,
    status: row.status,
    scheduledSlot: row.scheduledSlot,
    closedAt: row.closedAt,
    ...(row.handoffs ? { handoffs: row.handoffs.map(({ to, at, by }) => ({ to, at, by })) } : {}),
  };
}
