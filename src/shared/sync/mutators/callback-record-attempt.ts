import { z } from 'zod';
import {
  attemptOutcomeSchema,
  callbackResolution,
  checkAttemptAllowed,
  type AttemptRecord,
} from '../../domain/attempts';
import { formatUsPhone, parseUsPhone } from '../../domain/phones/phone-number';
import { err, ok } from '../../domain/result';
import { AGENT_ROLES, forbidden, requireRole } from '../authorization';
import { defineMutator, getRow, put, withoutVersion } from '../mutator';
import { idSchema } from '../rows/common';
import type { CallbackStatus } from '../rows/callback';
import { isNumberOnFile } from '../rows/customer';

const STATUS_BY_RESOLUTION = {
  open: 'open',
  completed: 'closed-resolved',
  'unable-to-reach': 'closed-unable-to-reach',
} as const satisfies Record<string, CallbackStatus>;

export const recordCallbackAttempt = defineMutator({
  name: 'callback.record-attempt@1',
  description:
    'Record one callback attempt (time is the server clock); closes the callback when reached or out of attempts.',
  args: z
    .object({
      callbackId: idSchema,
      attemptId: idSchema,
      numberDialed: z
        .string()
        .regex(
          /^\+1\d{10}(?:;ext=\d{1,10})?$/,
          'the number dialed must be a US number in E.164 form, e.g. +12025550123 or +12025550123;ext=12',
        )
        .superRefine((value, ctx) => {
          const parsed = parseUsPhone(value.split(';ext=')[0] ?? value);
          if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error.message });
        }),
      outcome: attemptOutcomeSchema,
      messageLeft: z.boolean(),
    })
    .refine((a) => a.messageLeft === (a.outcome === 'no-answer-message-left'), {
      message: 'messageLeft must be true exactly when the outcome is "no answer, message left"',
      path: ['messageLeft'],
    }),
  reads: (args) => [{ table: 'callbacks', id: args.callbackId }],
  // The customer's numbers on file: an attempt is only ever made to one of them.
  readsAfter(args, rows) {
    const callback = getRow(rows, 'callbacks', args.callbackId);
    return callback ? [{ table: 'customers', id: callback.customerId }] : [];
  },
  authorize(actor, args, rows) {
    const role = requireRole(actor, AGENT_ROLES, 'record callback attempts');
    if (!role.ok) return role;
    const callback = getRow(rows, 'callbacks', args.callbackId);
    if (callback?.tier === 2 && actor.role === 'tier1') {
      return forbidden('Only Tier 2 agents and team leads can work Tier 2 callbacks.');
    }
    return ok(undefined);
  },
  apply(rows, args, ctx) {
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
    const allowed = checkAttemptAllowed(callback, ctx.now, ctx.policy);
    if (!allowed.ok) return allowed;
    const attempt: AttemptRecord = {
      id: args.attemptId,
      at: ctx.now,
      agentId: ctx.userId,
      numberDialed: args.numberDialed,
      outcome: args.outcome,
      messageLeft: args.messageLeft,
    };
    const next = { ...withoutVersion(callback), attempts: [...callback.attempts, attempt] };
    const status = STATUS_BY_RESOLUTION[callbackResolution(next, ctx.policy)];
    return ok([put('callbacks', { ...next, status, closedAt: status === 'open' ? null : ctx.now })]);
  },
});
