import { z } from 'zod';
import { err, ok } from '../../domain/result';
import { AGENT_ROLES, forbidden, requireRole } from '../authorization';
import { defineMutator, getRow, put, withoutVersion } from '../mutator';
import { idSchema } from '../rows/common';

export const claimCallback = defineMutator({
  name: 'callback.claim@1',
  description: 'Take ownership of an open, unclaimed callback.',
  args: z.object({ callbackId: idSchema }),
  reads: (args) => [{ table: 'callbacks', id: args.callbackId }],
  authorize(actor, args, rows) {
    const role = requireRole(actor, AGENT_ROLES, 'claim callbacks');
    if (!role.ok) return role;
    const callback = getRow(rows, 'callbacks', args.callbackId);
    if (callback?.tier === 2 && actor.role === 'tier1') {
      return forbidden('Tier 2 callbacks can be claimed only by Tier 2 agents and team leads.', {
        rule: 'tier2-claim',
      });
    }
    return ok(undefined);
  },
  apply(rows, args, ctx) {
    const callback = getRow(rows, 'callbacks', args.callbackId);
    if (!callback) return err('callback.not_found', 'This callback does not exist or is not on your team.');
    if (callback.status !== 'open') return err('callback.closed', 'This callback is already closed.');
    // Claiming what you already own is a no-op, so a retried claim never fails.
    if (callback.assigneeId === ctx.userId) return ok([]);
    if (callback.assigneeId !== null) {
      return err('callback.already_claimed', 'This callback is already claimed by another agent.');
    }
    return ok([
      put('callbacks', { ...withoutVersion(callback), assigneeId: ctx.userId, claimedAt: ctx.now }),
    ]);
  },
});
