import type { WorklistRow } from '../../../../shared/ipc';

/**
 * Whether two answers for a row would draw the same thing, so a refreshed or re-rendered
 * page does not re-render rows that did not change. Compares every field the row view
 * reads (the countdown ticks on its own from dueAt; `sla` is the core's snapshot of it).
 */
export function sameRowView(a: WorklistRow | undefined, b: WorklistRow | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.id === b.id &&
    a.customerName === b.customerName &&
    a.receiptNumber === b.receiptNumber &&
    a.language === b.language &&
    a.urgency === b.urgency &&
    a.tier === b.tier &&
    a.status === b.status &&
    a.assigneeId === b.assigneeId &&
    a.assigneeName === b.assigneeName &&
    a.mine === b.mine &&
    a.dueAt === b.dueAt &&
    a.attemptsMade === b.attemptsMade &&
    a.pendingSync === b.pendingSync &&
    a.nextAttempt?.attemptNumber === b.nextAttempt?.attemptNumber &&
    a.nextAttempt?.earliest === b.nextAttempt?.earliest &&
    a.nextAttempt?.latest === b.nextAttempt?.latest &&
    a.nextAttempt?.timing === b.nextAttempt?.timing &&
    a.scheduledSlot?.start === b.scheduledSlot?.start &&
    a.customerWaitingUntil === b.customerWaitingUntil
  );
}
