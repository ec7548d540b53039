import { z } from 'zod';
import { dueAt, urgencySchema } from '../../domain/sla';
import { err, ok } from '../../domain/result';
import { AGENT_ROLES, TIER2_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put, withoutVersion, type RowWrite } from '../mutator';
import { idSchema } from '../rows/common';
import { INQUIRY_OUTCOMES, scriptProgressSchema, type InquiryOutcome } from '../rows/inquiry';

/** Outcomes that put a callback on the worklist. */
const CREATES_CALLBACK: readonly InquiryOutcome[] = ['callback', 'tier2-escalation'];

/** Whether this outcome creates a callback (and so needs a callback id). */
export function createsCallback(outcome: InquiryOutcome): boolean {
  return CREATES_CALLBACK.includes(outcome);
}

export const recordInquiryOutcome = defineMutator({
  name: 'inquiry.record-outcome@1',
  description:
    'Complete an inquiry with its outcome; a callback or Tier 2 escalation also creates the callback (due time from the server clock and policy).',
  args: z
    .object({
      inquiryId: idSchema,
      outcome: z.enum(INQUIRY_OUTCOMES),
      script: scriptProgressSchema.nullable(),
      /** Client-generated id of the callback to create (callback and tier2-escalation only). */
      callbackId: idSchema.nullable(),
      /** The urgency the agent settled on; null keeps the inquiry's. */
      urgency: urgencySchema.nullable(),
    })
    .refine((a) => (a.callbackId !== null) === CREATES_CALLBACK.includes(a.outcome), {
      message: 'callbackId is required for the callback and tier2-escalation outcomes, and only for them',
      path: ['callbackId'],
    }),
  reads: (args) => [
    { table: 'inquiries', id: args.inquiryId },
    ...(args.callbackId ? [{ table: 'callbacks' as const, id: args.callbackId }] : []),
  ],
  authorize(actor, args, rows) {
    const role = requireRole(actor, AGENT_ROLES, 'complete inquiries');
    if (!role.ok) return role;
    if (getRow(rows, 'inquiries', args.inquiryId)?.tier === 2)
      return requireRole(actor, TIER2_ROLES, 'complete Tier 2 inquiries');
    return ok(undefined);
  },
  apply(rows, args, ctx) {
    const inquiry = getRow(rows, 'inquiries', args.inquiryId);
    if (!inquiry) return err('inquiry.not_found', 'This inquiry does not exist or is not on your team.');
    if (inquiry.status === 'completed')
      return err('inquiry.already_completed', 'This inquiry is already completed.');
    const urgency = args.urgency ?? inquiry.urgency;
    const escalated = args.outcome === 'tier2-escalation';
    const writes: RowWrite[] = [
      put('inquiries', {
        ...withoutVersion(inquiry),
        urgency,
        tier: escalated ? 2 : inquiry.tier,
        script: args.script ?? inquiry.script,
        status: 'completed',
        outcome: args.outcome,
        completedAt: ctx.now,
      }),
    ];
    if (args.callbackId !== null) {
      if (getRow(rows, 'callbacks', args.callbackId))
        return err('row.already_exists', 'This callback already exists.');
      writes.push(
        put('callbacks', {
          id: args.callbackId,
          team: inquiry.team,
          inquiryId: inquiry.id,
          customerId: inquiry.customerId,
          tier: escalated ? 2 : inquiry.tier,
          urgency,
          assigneeId: null,
          claimedAt: null,
          createdAt: ctx.now,
          // The SLA clock runs from the inquiry's (server) creation, not from when the form was finished.
          dueAt: dueAt(inquiry.createdAt, urgency, ctx.policy),
          attempts: [],
          extraAttemptsGranted: 0,
          status: 'open',
          scheduledSlot: null,
          textAhead: { enabled: false, sendAt: null },
          closedAt: null,
          notices: [],
          customerWaitingUntil: null,
        }),
      );
    }
    return ok(writes);
  },
});
