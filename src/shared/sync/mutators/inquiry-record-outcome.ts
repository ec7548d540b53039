import { z } from 'zod';
import { checkHandoffReason, TIER2_REASONS } from '../../domain/handoff';
import { dueAt, urgencySchema } from '../../domain/sla';
import { err, ok, type Result } from '../../domain/result';
import { AGENT_ROLES, TIER2_ROLES, requireRole } from '../authorization';
import {
  defineMutator,
  getRow,
  put,
  withoutVersion,
  type Actor,
  type MutatorContext,
  type RowMap,
  type RowWrite,
} from '../mutator';
import type { Handoff } from '../rows/callback';
import { idSchema } from '../rows/common';
import { INQUIRY_OUTCOMES, scriptProgressSchema, type InquiryOutcome } from '../rows/inquiry';
import { referenceArgSchema } from './with-reference';

/** Outcomes that put a callback on the worklist. */
const CREATES_CALLBACK: readonly InquiryOutcome[] = ['callback', 'tier2-escalation'];

/** Whether this outcome creates a callback (and so needs a callback id). */
export function createsCallback(outcome: InquiryOutcome): boolean {
  return CREATES_CALLBACK.includes(outcome);
}

const baseArgs = z.object({
  inquiryId: idSchema,
  outcome: z.enum(INQUIRY_OUTCOMES),
  script: scriptProgressSchema.nullable(),
  /** Client-generated id of the callback to create (callback and tier2-escalation only). */
  callbackId: idSchema.nullable(),
  /** The urgency the agent settled on; null keeps the inquiry's. */
  urgency: urgencySchema.nullable(),
});

const callbackIdRule = {
  check: (a: { callbackId: string | null; outcome: InquiryOutcome }) =>
    (a.callbackId !== null) === CREATES_CALLBACK.includes(a.outcome),
  message: 'callbackId is required for the callback and tier2-escalation outcomes, and only for them',
};

const argsV1 = baseArgs.refine(callbackIdRule.check, {
  message: callbackIdRule.message,
  path: ['callbackId'],
});

const argsV2 = baseArgs
  .extend({
    /** The new callback's reference number (with callbackId). */
    callbackReference: referenceArgSchema('callbacks').nullable(),
    /** tier2-escalation only: why, and the note for the Tier 2 officer (written by note.add before this). */
    escalation: z
      .object({
        code: z.enum(TIER2_REASONS).nullable(),
        reason: z.string().max(2000),
        noteId: idSchema.nullable(),
      })
      .nullable(),
  })
  .refine(callbackIdRule.check, { message: callbackIdRule.message, path: ['callbackId'] })
  .refine((a) => (a.callbackReference !== null) === (a.callbackId !== null), {
    message: 'callbackReference goes with callbackId',
    path: ['callbackReference'],
  })
  .refine((a) => (a.escalation !== null) === (a.outcome === 'tier2-escalation'), {
    message: 'escalation (reason and note) is required for a Tier 2 escalation, and only for it',
    path: ['escalation'],
  });

type ArgsV1 = z.infer<typeof argsV1>;

const reads = (args: ArgsV1) => [
  { table: 'inquiries' as const, id: args.inquiryId },
  ...(args.callbackId ? [{ table: 'callbacks' as const, id: args.callbackId }] : []),
];

function authorize(actor: Actor, args: ArgsV1, rows: RowMap): Result<void> {
  const role = requireRole(actor, AGENT_ROLES, 'complete inquiries');
  if (!role.ok) return role;
  if (getRow(rows, 'inquiries', args.inquiryId)?.tier === 2)
    return requireRole(actor, TIER2_ROLES, 'complete Tier 2 inquiries');
  return ok(undefined);
}

interface CallbackExtras {
  reference?: string;
  handoff?: Handoff;
}

function applyOutcome(
  rows: RowMap,
  args: ArgsV1,
  ctx: MutatorContext,
  extras: CallbackExtras = {},
): Result<RowWrite[]> {
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
        ...(extras.reference ? { reference: extras.reference } : {}),
        ...(extras.handoff ? { handoffs: [extras.handoff] } : {}),
      }),
    );
  }
  return ok(writes);
}

export const recordInquiryOutcomeV1 = defineMutator({
  name: 'inquiry.record-outcome@1',
  description:
    'Complete an inquiry with its outcome; a callback or Tier 2 escalation also creates the callback (due time from the server clock and policy).',
  args: argsV1,
  reads,
  authorize,
  apply: (rows, args, ctx) => applyOutcome(rows, args, ctx),
});

/**
 * `@2`: the callback carries its reference number, and a Tier 2 escalation carries
 * its handoff — why, the note for the officer, who and when — so the officer sees
 * it on the row before claiming.
 */
export const recordInquiryOutcome = defineMutator({
  name: 'inquiry.record-outcome@2',
  description:
    'Complete an inquiry with its outcome; a callback or Tier 2 escalation creates the callback with its reference number, an escalation with its reason and note.',
  args: argsV2,
  reads,
  readsAfter: (args) =>
    args.escalation?.noteId ? [{ table: 'notes' as const, id: args.escalation.noteId }] : [],
  authorize,
  apply(rows, args, ctx) {
    let handoff: Handoff | undefined;
    if (args.escalation) {
      const reason = checkHandoffReason(args.escalation.reason);
      if (!reason.ok) return reason;
      const noteId = args.escalation.noteId;
      const inquiry = getRow(rows, 'inquiries', args.inquiryId);
      const note = noteId ? getRow(rows, 'notes', noteId) : undefined;
      if (noteId && note && note.customerId !== inquiry?.customerId) {
        return err('note.wrong_customer', 'The escalation note must be about the same customer.');
      }
      handoff = {
        to: 2,
        code: args.escalation.code,
        reason: reason.value,
        noteId,
        by: ctx.userId,
        at: ctx.now,
      };
    }
    return applyOutcome(rows, args, ctx, {
      ...(args.callbackReference ? { reference: args.callbackReference } : {}),
      ...(handoff ? { handoff } : {}),
    });
  },
});
