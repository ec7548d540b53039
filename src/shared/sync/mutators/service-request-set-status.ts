import { z } from 'zod';
import { err, ok } from '../../domain/result';
import { SERVICE_REQUEST_STATUSES, checkStatusChange } from '../../domain/service-requests/service-request';
import { TIER2_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put, withoutVersion } from '../mutator';
import { idSchema } from '../rows/common';
import { MAX_STATUS_CHANGES } from '../rows/service-request';

export const setServiceRequestStatus = defineMutator({
  name: 'service-request.set-status@1',
  description: 'A Tier 2 officer or lead records what the office did: sent, answered, closed (forward only).',
  args: z.object({
    serviceRequestId: idSchema,
    status: z.enum(SERVICE_REQUEST_STATUSES).exclude(['open']),
  }),
  reads: (args) => [{ table: 'service_requests', id: args.serviceRequestId }],
  authorize: (actor) => requireRole(actor, TIER2_ROLES, 'change the status of service requests'),
  apply(rows, args, ctx) {
    const request = getRow(rows, 'service_requests', args.serviceRequestId);
    if (!request) {
      return err('service_request.not_found', 'This service request does not exist or is not on your team.');
    }
    const allowed = checkStatusChange(request.status, args.status);
    if (!allowed.ok) return allowed;
    if (request.statusChanges.length >= MAX_STATUS_CHANGES) {
      return err(
        'service_request.too_many_changes',
        'This service request has no room for another status change.',
      );
    }
    return ok([
      put('service_requests', {
        ...withoutVersion(request),
        status: args.status,
        statusChanges: [...request.statusChanges, { status: args.status, at: ctx.now, by: ctx.userId }],
      }),
    ]);
  },
});
