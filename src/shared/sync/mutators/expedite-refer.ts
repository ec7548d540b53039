import { z } from 'zod';
import { err, ok } from '../../domain/result';
import { TIER2_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put, withoutVersion } from '../mutator';
import { idSchema } from '../rows/common';

export const referExpediteRequest = defineMutator({
  name: 'expedite.refer@1',
  description: 'Mark a recorded expedite request as referred to its operational component (Tier 2 action).',
  args: z.object({ expediteId: idSchema }),
  reads: (args) => [{ table: 'expedite_requests', id: args.expediteId }],
  authorize: (actor) => requireRole(actor, TIER2_ROLES, 'refer expedite requests'),
  apply(rows, args, ctx) {
    const request = getRow(rows, 'expedite_requests', args.expediteId);
    if (!request)
      return err('expedite.not_found', 'This expedite request does not exist or is not on your team.');
    if (request.status === 'referred')
      return err('expedite.already_referred', 'This expedite request was already referred.');
    return ok([
      put('expedite_requests', { ...withoutVersion(request), status: 'referred', referredAt: ctx.now }),
    ]);
  },
});
