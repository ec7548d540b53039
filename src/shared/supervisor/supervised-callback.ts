import type { CallbackRow } from '../sync/rows/callback';

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
>;

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
  };
}
