import { z } from 'zod';
import { checkHandoffReason, TIER2_REASONS } from '../../domain/handoff';
import { err, ok, type Result } from '../../domain/result';
import { AGENT_ROLES, TIER2_ROLES, forbidden, requireRole } from '../authorization';
import {
  defineMutator,
  getRow,
  put,
  withoutVersion,
  type MutatorContext,
  type RowMap,
  type RowWrite,
} from '../mutator';
import { MAX_HANDOFFS } from '../rows/callback';
import { idSchema, type Tier } from '../rows/common';

/**
 * Handoffs between the tiers (issue 14): a Tier 1 agent escalates a callback to Tier 2
 * with why and a note; a Tier 2 officer hands one back to Tier 1 with why. Either way
 * the callback goes to the other tier's queue unclaimed, with the handoff on the row
 * (who, when, why, which note), so the next agent sees it before claiming.
 */
const handoffArgs = z.object({
  callbackId: idSchema,
  reason: z.string().max(2000),
  /** Escalations: the script's reason, when one applies. */
  code: z.enum(TIER2_REASONS).nullable(),
  /** A note about this callback written just before (note.add), or null. */
  noteId: idSchema.nullable(),
});
type HandoffArgs = z.infer<typeof handoffArgs>;

const reads = (args: HandoffArgs) => [{ table: 'callbacks' as const, id: args.callbackId }];
const readsAfter = (args: HandoffArgs) => (args.noteId ? [{ table: 'notes' as const, id: args.noteId }] : []);

function applyHandoff(rows: RowMap, args: HandoffArgs, ctx: MutatorContext, to: Tier): Result<RowWrite[]> {
  const callback = getRow(rows, 'callbacks', args.callbackId);
  if (!callback) return err('callback.not_found', 'This callback does not exist or is not on your team.');
  if (callback.status !== 'open') return err('callback.closed', 'This callback is already closed.');
  if (callback.tier === to) {
    return err(
      'handoff.already_there',
      to === 2 ? 'This callback is already with Tier 2.' : 'This callback is already with Tier 1.',
    );
  }
  if (callback.assigneeId !== null && callback.assigneeId !== ctx.userId && ctx.role !== 'lead') {
    return err('callback.not_claimed_by_you', 'Another agent has claimed this callback.');
  }
  const reason = checkHandoffReason(args.reason);
  if (!reason.ok) return reason;
  const note = args.noteId ? getRow(rows, 'notes', args.noteId) : undefined;
  if (note && note.customerId !== callback.customerId) {
    return err('note.wrong_customer', 'The handoff note must be about the same customer.');
  }
  const handoffs = callback.handoffs ?? [];
  if (handoffs.length >= MAX_HANDOFFS) {
    return err('handoff.too_many', 'This callback has gone between the tiers too often; ask your team lead.');
  }
  return ok([
    put('callbacks', {
      ...withoutVersion(callback),
      tier: to,
      assigneeId: null,
      claimedAt: null,
      handoffs: [
        ...handoffs,
        {
          to,
          code: to === 2 ? args.code : null,
          reason: reason.value,
          noteId: args.noteId,
          by: ctx.userId,
          at: ctx.now,
        },
      ],
    }),
  ]);
}

export const escalateCallback = defineMutator({
  name: 'callback.escalate@1',
  description:
    'Escalate a Tier 1 callback to Tier 2 with the reason and a note; it goes to the Tier 2 queue.',
  args: handoffArgs,
  reads,
  readsAfter,
  authorize: (actor) => requireRole(actor, AGENT_ROLES, 'escalate callbacks'),
  apply: (rows, args, ctx) => applyHandoff(rows, args, ctx, 2),
});

export const handBackCallback = defineMutator({
  name: 'callback.hand-back@1',
  description:
    'A Tier 2 officer hands a callback back to Tier 1 with the reason; it goes to the Tier 1 queue.',
  args: handoffArgs,
  reads,
  readsAfter,
  authorize(actor) {
    const role = requireRole(actor, TIER2_ROLES, 'hand callbacks back to Tier 1');
    if (!role.ok) return forbidden(role.error.message, { rule: 'tier2-hand-back' });
    return ok(undefined);
  },
  apply: (rows, args, ctx) => applyHandoff(rows, args, ctx, 1),
});
