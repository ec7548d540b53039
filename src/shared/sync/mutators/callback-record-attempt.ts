import { z } from 'zod';
import {
  attemptOutcomeSchema,
  callbackResolution,
  checkAttemptAllowed,
  type AttemptRecord,
} from '../../domain/attempts';
import {
  checkCustomerHours,
  customerHoursExceptionSchema,
} from '../../domain/phones/customer-hours-exception';
import { formatUsPhone, parseUsPhone } from '../../domain/phones/phone-number';
import { HOUR_MS } from '../../domain/policy';
import { MAX_REPORTED_AGE_MS, reportedTimeProblem } from '../../domain/reported-time';
import { err, ok, type Result } from '../../domain/result';
import { describeInstant } from '../../domain/time/zoned';
import { AGENT_ROLES, forbidden, requireRole } from '../authorization';
import {
  defineMutator,
  getRow,
  put,
  withoutVersion,
  type Actor,
  type Mutator,
  type MutatorContext,
  type RowMap,
  type RowWrite,
} from '../mutator';
import { idSchema } from '../rows/common';
import type { RowOf } from '../rows';
import type { CallbackStatus } from '../rows/callback';
import { isNumberOnFile } from '../rows/customer';

const STATUS_BY_RESOLUTION = {
  open: 'open',
  completed: 'closed-resolved',
  'unable-to-reach': 'closed-unable-to-reach',
} as const satisfies Record<string, CallbackStatus>;

const numberDialedSchema = z
  .string()
  .regex(
    /^\+1\d{10}(?:;ext=\d{1,10})?$/,
    'the number dialed must be a US number in E.164 form, e.g. +12025550123 or +12025550123;ext=12',
  )
  .superRefine((value, ctx) => {
    const parsed = parseUsPhone(value.split(';ext=')[0] ?? value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error.message });
  });

const attemptFields = {
  callbackId: idSchema,
  attemptId: idSchema,
  numberDialed: numberDialedSchema,
  outcome: attemptOutcomeSchema,
  messageLeft: z.boolean(),
};

/** The message-left flag must agree with the outcome (both are sent so neither is inferred). */
function withMessageLeftRule<S extends z.ZodType<{ outcome: string; messageLeft: boolean }>>(schema: S) {
  return schema.refine((a) => a.messageLeft === (a.outcome === 'no-answer-message-left'), {
    message: 'messageLeft must be true exactly when the outcome is "no answer, message left"',
    path: ['messageLeft'],
  });
}

const argsV1 = withMessageLeftRule(z.object(attemptFields));
const argsV2 = withMessageLeftRule(
  z.object({
    ...attemptFields,
    at: z.number().int().nonnegative(),
    /**
     * Only for a call outside the customer's local hours that they asked for (optional:
     * outboxes queued before it existed still parse, and are held to the hours).
     */
    exception: customerHoursExceptionSchema.nullable().optional(),
  }),
);
type AttemptArgs = z.infer<typeof argsV1> & {
  exception?: z.infer<typeof customerHoursExceptionSchema> | null;
};

/** Reads, follow-up reads and authorization are the same in every version. */
const common = {
  reads: (args: AttemptArgs) => [{ table: 'callbacks' as const, id: args.callbackId }],
  // The customer's numbers on file: an attempt is only ever made to one of them.
  readsAfter(args: AttemptArgs, rows: RowMap) {
    const callback = getRow(rows, 'callbacks', args.callbackId);
    return callback ? [{ table: 'customers' as const, id: callback.customerId }] : [];
  },
  authorize(actor: Actor, args: AttemptArgs, rows: RowMap): Result<void> {
    const role = requireRole(actor, AGENT_ROLES, 'record callback attempts');
    if (!role.ok) return role;
    const callback = getRow(rows, 'callbacks', args.callbackId);
    if (callback?.tier === 2 && actor.role === 'tier1') {
      return forbidden('Only Tier 2 agents and team leads can work Tier 2 callbacks.', {
        rule: 'tier2-work',
      });
    }
    return ok(undefined);
  },
} satisfies Pick<Mutator<AttemptArgs>, 'reads' | 'readsAfter' | 'authorize'>;

/**
 * `@1`: the attempt's time is the server's receive time. Kept for outboxes queued by older
 * desktops; an attempt made offline and synced later is judged (and stamped) at sync time.
 */
export const recordCallbackAttemptV1 = defineMutator({
  name: 'callback.record-attempt@1',
  description:
    'Record one callback attempt (time is the server clock); closes the callback when reached or out of attempts.',
  args: argsV1,
  ...common,
  apply: (rows, args, ctx) => applyAttempt(rows, args, ctx, ctx.now),
});

/**
 * `@2`: the desktop sends `at`, its estimate of server time when the agent recorded the
 * attempt, so an attempt made during a network cut keeps its time and is judged against
 * callback hours and retry gaps as of then. `at` is trusted only within bounds.
 */
export const recordCallbackAttempt = defineMutator({
  name: 'callback.record-attempt@2',
  description:
    "Record one callback attempt at the desktop's time of recording (bounded by the server clock); closes the callback when reached or out of attempts.",
  args: argsV2,
  ...common,
  apply: (rows, args, ctx) =>
    applyAttempt(rows, args, ctx, args.at, (callback) =>
      checkAttemptTimeBounds(args.at, callback.attempts, ctx.now, ctx.policy.callbackHours.timeZone),
    ),
  // The kind only: the agent's note may name the customer or their reasons.
  auditDetail: (args) => (args.exception ? { customerHoursException: args.exception.kind } : null),
});

/** Whether a desktop-reported attempt time can be believed, given the server clock and the history. */
export function checkAttemptTimeBounds(
  at: number,
  attempts: readonly AttemptRecord[],
  serverNow: number,
  timeZone: string,
): Result<void> {
  const when = (instant: number) => describeInstant(instant, timeZone);
  const problem = reportedTimeProblem(at, serverNow);
  if (problem === 'in-future') {
    return err(
      'attempt.time_in_future',
      `The attempt's time (${when(at)}) is ahead of the server clock (${when(serverNow)}); check this computer's clock and sign in again.`,
    );
  }
  if (problem === 'too-old') {
    return err(
      'attempt.time_too_old',
      `The attempt's time (${when(at)}) is more than ${MAX_REPORTED_AGE_MS / HOUR_MS} hours ago; an attempt held offline that long can't be recorded. Record a new attempt if you call again.`,
    );
  }
  const last = attempts.reduce((latest, a) => Math.max(latest, a.at), Number.NEGATIVE_INFINITY);
  if (at < last) {
    return err(
      'attempt.before_last_attempt',
      `The attempt's time (${when(at)}) is before this callback's last recorded attempt (${when(last)}).`,
    );
  }
  return ok(undefined);
}

/** `checkTime`: @2's bounds on a reported time, run once the callback is known to be the agent's to work. */
function applyAttempt(
  rows: RowMap,
  args: AttemptArgs,
  ctx: MutatorContext,
  at: number,
  checkTime: (callback: RowOf<'callbacks'>) => Result<void> = () => ok(undefined),
): Result<RowWrite[]> {
  const callback = getRow(rows, 'callbacks', args.callbackId);
  if (!callback) return err('callback.not_found', 'This callback does not exist or is not on your team.');
  if (callback.status !== 'open') return err('callback.closed', 'This callback is already closed.');
  if (callback.assigneeId !== ctx.userId) {
    return err('callback.not_claimed_by_you', 'Claim this callback before recording an attempt.');
  }
  if (callback.attempts.some((a) => a.id === args.attemptId)) {
    return err('attempt.duplicate_id', 'An attempt with this id is already recorded.');
  }
  // Absent only when the host did not read follow-ups (an older desktop); the server always does.
  const customer = getRow(rows, 'customers', callback.customerId);
  if (customer && !isNumberOnFile(customer.phones, args.numberDialed)) {
    const [e164 = args.numberDialed, ext] = args.numberDialed.split(';ext=');
    return err(
      'callback.number_not_on_file',
      `${formatUsPhone(e164, ext)} is not on file for this customer; dial one of their numbers, or add this one to the customer first.`,
    );
  }
  const trusted = checkTime(callback);
  if (!trusted.ok) return trusted;
  const allowed = checkAttemptAllowed(callback, at, ctx.policy);
  if (!allowed.ok) return allowed;
  const hours = customerHoursOf(callback, customer, args, at, ctx);
  if (!hours.ok) return hours;
  const attempt: AttemptRecord = {
    id: args.attemptId,
    at,
    agentId: ctx.userId,
    numberDialed: args.numberDialed,
    outcome: args.outcome,
    messageLeft: args.messageLeft,
    ...(hours.value.exception ? { customerHoursException: hours.value.exception } : {}),
  };
  const next = { ...withoutVersion(callback), attempts: [...callback.attempts, attempt] };
  const status = STATUS_BY_RESOLUTION[callbackResolution(next, ctx.policy)];
  // Closed by this attempt, so closed when it was made.
  return ok([put('callbacks', { ...next, status, closedAt: status === 'open' ? null : at })]);
}

/**
 * PRODUCT.md rule 3 on the server too: no call outside 08:00–21:00 where the customer
 * is (the number's stated zone, the customer's, else the area code), unless the
 * customer asked for it (the exception, recorded on the attempt).
 */
function customerHoursOf(
  callback: RowOf<'callbacks'>,
  customer: RowOf<'customers'> | undefined,
  args: AttemptArgs,
  at: number,
  ctx: MutatorContext,
) {
  const [e164 = args.numberDialed] = args.numberDialed.split(';ext=');
  const zone = customer?.phones.find((p) => p.e164 === e164)?.timeZone;
  return checkCustomerHours(
    {
      phone: { e164, ...(zone ? { timeZone: zone } : {}) },
      customerTimeZone: customer?.timeZone,
      at,
      scheduledSlot: callback.scheduledSlot,
      exception: args.exception,
    },
    ctx.policy,
  );
}
