import { z } from 'zod';
import { err, ok } from '../../domain/result';
import { LEAD_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put, withoutVersion } from '../mutator';
import { idSchema } from '../rows/common';

export const reassignCallback = defineMutator({
  name: 'callback.reassign@1',
  description: 'A team lead moves a callback to another agent of the team (or back to the queue with null).',
  args: z.object({ callbackId: idSchema, assigneeId: idSchema.nullable() }),
  reads: (args) => [
    { table: 'callbacks', id: args.callbackId },
    ...(args.assigneeId ? [{ table: 'users' as const, id: args.assigneeId }] : []),
  ],
  authorize: (actor) => requireRole(actor, LEAD_ROLES, 'reassign callbacks'),
  apply(rows, args, ctx) {
    const callback = getRow(rows, 'callbacks', args.callbackId);
    if (!callback) return err('callback.not_found', 'This callback does not exist or is not on your team.');
    if (callback.status !== 'open') return err('callback.closed', 'This callback is already closed.');
    if (args.assigneeId === null) {
      return ok([put('callbacks', { ...withoutVersion(callback), assigneeId: null, claimedAt: null })]);
    }
    const user = getRow(rows, 'users', args.assigneeId);
    if (!user || user.team !== callback.team) return err('user.not_found', 'That agent is not on this team.');
    if (!user.active) return err('user.inactive', 'That agent account is disabled.');
    if (user.role === 'admin')
      return err('callback.assignee_role', 'Callbacks can be assigned only to agents and leads.');
    if (callback.tier === 2 && user.role === 'tier1') {
      return err(
        'callback.tier_mismatch',
        'A Tier 2 callback can be assigned only to a Tier 2 agent or a lead.',
      );
    }
    if (callback.assigneeId === user.id) return ok([]);
    return ok([put('callbacks', { ...withoutVersion(callback), assigneeId: user.id, claimedAt: ctx.now })]);
  },
});
