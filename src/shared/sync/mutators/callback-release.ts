import { z } from 'zod';
import { err, ok } from '../../domain/result';
import { AGENT_ROLES, forbidden, requireRole } from '../authorization';
import { defineMutator, getRow, put, withoutVersion } from '../mutator';
import { idSchema } from '../rows/common';

export const releaseCallback = defineMutator({
  name: 'callback.release@1',
  description: 'Give a claimed callback back to the team queue.',
  args: z.object({ callbackId: idSchema }),
  reads: (args) => [{ table: 'callbacks', id: args.callbackId }],
  authorize(actor, args, rows) {
    const role = requireRole(actor, AGENT_ROLES, 'release callbacks');
    if (!role.ok) return role;
    const callback = getRow(rows, 'callbacks', args.callbackId);
    if (callback?.assigneeId && callback.assigneeId !== actor.userId && actor.role !== 'lead') {
      return forbidden('Only the agent who claimed this callback or a team lead can release it.', {
        rule: 'assignee-release',
      });
    }
    return ok(undefined);
  },
  apply(rows, args) {
    const callback = getRow(rows, 'callbacks', args.callbackId);
    if (!callback) return err('callback.not_found', 'This callback does not exist or is not on your team.');
    if (callback.status !== 'open') return err('callback.closed', 'This callback is already closed.');
    if (callback.assigneeId === null)
      return err('callback.not_claimed', 'This callback is not claimed by anyone.');
    return ok([put('callbacks', { ...withoutVersion(callback), assigneeId: null, claimedAt: null })]);
  },
});
