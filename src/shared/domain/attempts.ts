import { z } from 'zod';
import {
  businessDateOf,
  closedReasonAt,
  closingOn,
  fitWindow,
  isBusinessDay,
  isOpen,
  nextOpening,
  zoneAbbreviation,
  type TimeWindow,
  type WindowAdjustment,
} from './calendar/business-calendar';
import { customerHoursExceptionSchema } from './phones/customer-hours-exception';
import { MINUTE_MS, type Policy } from './policy';
import { err, ok, type Result } from './result';
import { observedHolidayOn } from './calendar/federal-holidays';
import { addDays, describeInstant } from './time/zoned';
import { countNoun } from './language/plural';

/**
 * Callback attempts (PRODUCT.md rule 2): at most `maxAttempts`; after a failed one
 * the next is due `retryEarliestMinutes`–`retryLatestMinutes` later, inside callback
 * hours; after the last failed one the callback closes as unable to reach, unless a
 * lead grants extra attempts.
 */
export const ATTEMPT_OUTCOMES = [
  'reached-resolved',
  'reached-follow-up',
  'no-answer-message-left',
  'no-answer-no-message',
  'busy',
  'wrong-number',
] as const;
export const attemptOutcomeSchema = z.enum(ATTEMPT_OUTCOMES);
export type AttemptOutcome = z.infer<typeof attemptOutcomeSchema>;

export function isReached(outcome: AttemptOutcome): boolean {
  return outcome === 'reached-resolved' || outcome === 'reached-follow-up';
}

export const attemptRecordSchema = z
  .object({
    id: z.string().min(1).max(64),
    /** Server time of the attempt. */
    at: z.number().int(),
    agentId: z.string().min(1).max(64),
    /** E.164 with optional extension, as dialed. */
    numberDialed: z.string().min(1).max(32),
    outcome: attemptOutcomeSchema,
    messageLeft: z.boolean(),
    /** Made outside the customer's local hours because they asked for it (recorded and audited). */
    customerHoursException: customerHoursExceptionSchema.optional(),
  })
  .refine((a) => a.messageLeft === (a.outcome === 'no-answer-message-left'), {
    message: 'messageLeft must be true exactly when the outcome is "no answer, message left"',
    path: ['messageLeft'],
  });
export type AttemptRecord = z.infer<typeof attemptRecordSchema>;

export interface CallbackAttemptState {
  createdAt: number;
  dueAt: number;
  attempts: readonly AttemptRecord[];
  extraAttemptsGranted: number;
  /** A slot the customer chose (scheduled callback); the first attempt belongs in it. */
  scheduledSlot?: { start: number; end: number } | null;
}

export type AttemptTiming = 'too-early' | 'in-window' | 'late';

export type AttemptPlan =
  | { kind: 'completed'; outcome: AttemptOutcome; at: number }
  | { kind: 'unable-to-reach'; attemptsMade: number; canGrantExtra: boolean }
  | {
      kind: 'next';
      /** 1-based. */
      attemptNumber: number;
      allowedAttempts: number;
      basis: 'creation' | 'scheduled-slot' | 'retry';
      window: TimeWindow;
      adjustment?: WindowAdjustment;
      timing: AttemptTiming;
    };

export function allowedAttempts(
  state: Pick<CallbackAttemptState, 'extraAttemptsGranted'>,
  policy: Policy,
): number {
  return policy.attempts.maxAttempts + state.extraAttemptsGranted;
}

/** The last open instant at or before `deadline`: a deadline at night really ends at the close. */
export function lastOpenAtOrBefore(deadline: number, policy: Policy): number {
  if (isOpen(deadline, policy)) return deadline;
  let date = businessDateOf(deadline, policy);
  for (let i = 0; i <= 31; i++) {
    if (isBusinessDay(date, policy) && closingOn(date, policy) <= deadline) return closingOn(date, policy);
    date = addDays(date, -1);
  }
  return deadline;
}

interface PlannedWindow {
  basis: 'creation' | 'scheduled-slot' | 'retry';
  window: TimeWindow;
  adjustment?: WindowAdjustment;
}

function firstAttemptWindow(state: CallbackAttemptState, policy: Policy): PlannedWindow {
  if (state.scheduledSlot) {
    const fitted = fitWindow(
      { earliest: state.scheduledSlot.start, latest: state.scheduledSlot.end },
      policy,
    );
    return { basis: 'scheduled-slot', ...fitted };
  }
  const earliest = nextOpening(state.createdAt, policy);
  const latest = Math.max(earliest, lastOpenAtOrBefore(state.dueAt, policy));
  return { basis: 'creation', window: { earliest, latest } };
}

function retryWindow(lastAt: number, policy: Policy): PlannedWindow {
  const { retryEarliestMinutes, retryLatestMinutes } = policy.attempts;
  return {
    basis: 'retry',
    ...fitWindow(
      {
        earliest: lastAt + retryEarliestMinutes * MINUTE_MS,
        latest: lastAt + retryLatestMinutes * MINUTE_MS,
      },
      policy,
    ),
  };
}

/** What happens next for a callback, given its attempt history and `now`. */
export function attemptPlan(state: CallbackAttemptState, now: number, policy: Policy): AttemptPlan {
  const reached = state.attempts.find((a) => isReached(a.outcome));
  if (reached) return { kind: 'completed', outcome: reached.outcome, at: reached.at };
  const made = state.attempts.length;
  const allowed = allowedAttempts(state, policy);
  if (made >= allowed) {
    return {
      kind: 'unable-to-reach',
      attemptsMade: made,
      canGrantExtra: state.extraAttemptsGranted < policy.attempts.maxExtraAttemptsGranted,
    };
  }
  const last = state.attempts[made - 1];
  const next = last ? retryWindow(last.at, policy) : firstAttemptWindow(state, policy);
  const timing: AttemptTiming =
    now < next.window.earliest ? 'too-early' : now > next.window.latest ? 'late' : 'in-window';
  return {
    kind: 'next',
    attemptNumber: made + 1,
    allowedAttempts: allowed,
    basis: next.basis,
    window: next.window,
    ...(next.adjustment ? { adjustment: next.adjustment } : {}),
    timing,
  };
}

/**
 * Whether an agent may record an attempt at `now`. Late is allowed (better late
 * than never; the SLA view shows it); too early, outside hours, or with no
 * attempts left is refused with the reason.
 */
export function checkAttemptAllowed(
  state: CallbackAttemptState,
  now: number,
  policy: Policy,
): Result<{ attemptNumber: number; late: boolean }> {
  const plan = attemptPlan(state, now, policy);
  if (plan.kind === 'completed')
    return err('attempt.completed', 'The customer was already reached on this callback.');
  if (plan.kind === 'unable-to-reach') {
    return err(
      'attempt.none_left',
      `All ${plan.attemptsMade} attempts were made; the callback is closed as unable to reach${plan.canGrantExtra ? ' (a lead may grant one more)' : ''}.`,
      { attemptsMade: plan.attemptsMade, canGrantExtra: plan.canGrantExtra ? 'yes' : 'no' },
    );
  }
  const closed = closedReasonAt(now, policy);
  if (closed) {
    const opens = nextOpening(now, policy);
    const zone = zoneAbbreviation(opens, policy.callbackHours.timeZone);
    const { timeZone, daily } = policy.callbackHours;
    const holiday =
      closed.code === 'holiday' ? observedHolidayOn(businessDateOf(now, policy))?.name : undefined;
    return err(
      'attempt.outside_hours',
      `Callbacks can't be made now: ${closed.message}. Callback hours open again ${describeInstant(opens, policy.callbackHours.timeZone)} ${zone}.`,
      {
        closedReason: closed.code,
        at: now,
        opensAt: opens,
        timeZone,
        hoursStart: daily.start,
        hoursEnd: daily.end,
        ...(holiday ? { holiday } : {}),
      },
    );
  }
  if (plan.timing === 'too-early') {
    const zone = zoneAbbreviation(plan.window.earliest, policy.callbackHours.timeZone);
    const when = `${describeInstant(plan.window.earliest, policy.callbackHours.timeZone)} ${zone}`;
    return err(
      'attempt.too_early',
      plan.basis === 'retry'
        ? `Attempt ${plan.attemptNumber} is not due before ${when} (${policy.attempts.retryEarliestMinutes} minutes after the last attempt).`
        : `The customer asked to be called from ${when}.`,
      {
        basis: plan.basis === 'retry' ? 'retry' : 'customer',
        attemptNumber: plan.attemptNumber,
        earliest: plan.window.earliest,
        timeZone: policy.callbackHours.timeZone,
        minutes: policy.attempts.retryEarliestMinutes,
      },
    );
  }
  return ok({ attemptNumber: plan.attemptNumber, late: plan.timing === 'late' });
}

/** A lead may grant extra attempts only to a callback closed as unable to reach, up to the policy's limit. */
export function canGrantExtraAttempt(state: CallbackAttemptState, policy: Policy): Result<void> {
  const plan = attemptPlan(state, Number.NEGATIVE_INFINITY, policy);
  if (plan.kind !== 'unable-to-reach') {
    return err(
      'attempt.grant_not_needed',
      'Extra attempts can only be granted once every allowed attempt failed.',
    );
  }
  if (!plan.canGrantExtra) {
    return err(
      'attempt.grant_limit',
      `This callback already had ${countNoun('en', state.extraAttemptsGranted, 'extra attempt', 'extra attempts')} granted; the limit is ${policy.attempts.maxExtraAttemptsGranted}.`,
      { granted: state.extraAttemptsGranted, limit: policy.attempts.maxExtraAttemptsGranted },
    );
  }
  return ok(undefined);
}

export type CallbackResolution = 'open' | 'completed' | 'unable-to-reach';

/** The callback's status implied by its attempts. */
export function callbackResolution(state: CallbackAttemptState, policy: Policy): CallbackResolution {
  const kind = attemptPlan(state, Number.NEGATIVE_INFINITY, policy).kind;
  return kind === 'next' ? 'open' : kind;
}
