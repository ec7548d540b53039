import { z } from 'zod';
import { canGrantExtraAttempt } from '../../domain/attempts';
import { err, ok } from '../../domain/result';
import { LEAD_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put, withoutVersion } from '../mutator';
import { idSchema } from '../rows/common';

export const grantExtraAttempt = defineMutator({
  name: 'callback.grant-extra-attempt@1',
  description: 'A team lead reopens a callback closed as unable to reach for one more attempt.',
  args: z.object({ callbackId: idSchema }),
  reads: (args) => [{ table: 'callbacks', id: args.callbackId }],
  authorize: (actor) => requireRole(actor, LEAD_ROLES, 'grant extra callback attempts'),
  apply(rows, args, ctx) {
    const callback = getRow(rows, 'callbacks', args.callbackId);
    if (!callback) return err('callback.not_found', 'This callback does not exist or is not on your team.');
    const allowed = canGrantExtraAttempt(callback, ctx.policy);
    if (!allowed.ok) return allowed;
    return ok([
      put('callbacks', {
        ...withoutVersion(callback),
        extraAttemptsGranted: callback.extraAttemptsGranted + 1,
        status: 'open',
        closedAt: null,
      }),
    ]);
  },
});
