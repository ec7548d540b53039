import type { Policy } from '../domain/policy';
import { slaTransitions, type SlaTransitions } from '../domain/sla';
import { slaInputFor } from '../domain/sla-input';
import type { CallbackRow, Handoff } from '../sync/rows/callback';

/** The callback row's fields the supervisor view reads. */
export type SupervisedFields = Pick<
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

/**
 * The part of a callback the supervisor view reads. Everything else (phones, names)
 * stays out of the aggregates, so the board can never leak it: of the customer only
 * the zones their numbers ring in are kept, because the SLA rule counts callable
 * time (docs/domain.md), and `sla` holds the instants the callback's state worsens
 * (null once closed) — worked out once per change of the callback, its customer's
 * numbers or the policy, so the board counts states without a calendar walk.
 */
export interface SupervisedCallback extends SupervisedFields {
  zones: readonly string[];
  sla: SlaTransitions | null;
}

/** Copies the supervised fields out of a full row (drops the rest) and works out its SLA transitions. */
export function toSupervised(
  row: SupervisedFields,
  zones: readonly string[],
  policy: Policy,
): SupervisedCallback {
  const fields: SupervisedFields = {
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
  const sla = fields.status === 'open' ? slaTransitions(slaInputFor(fields, zones, policy), policy) : null;
  return { ...fields, zones: [...zones], sla };
}
