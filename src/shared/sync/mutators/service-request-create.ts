import { z } from 'zod';
import { err, ok } from '../../domain/result';
import { AGENT_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put } from '../mutator';
import { idSchema } from '../rows/common';
import { SERVICE_REQUEST_TYPES } from '../rows/service-request';

export const createServiceRequest = defineMutator({
  name: 'service-request.create@1',
  description: 'Open a service request for the case on an inquiry.',
  args: z.object({
    serviceRequestId: idSchema,
    inquiryId: idSchema,
    type: z.enum(SERVICE_REQUEST_TYPES),
    description: z.string().trim().min(1, 'describe the service request').max(4000),
  }),
  reads: (args) => [
    { table: 'service_requests', id: args.serviceRequestId },
    { table: 'inquiries', id: args.inquiryId },
  ],
  authorize: (actor) => requireRole(actor, AGENT_ROLES, 'open service requests'),
  apply(rows, args, ctx) {
    if (getRow(rows, 'service_requests', args.serviceRequestId)) {
      return err('row.already_exists', 'This service request already exists.');
    }
    const inquiry = getRow(rows, 'inquiries', args.inquiryId);
    if (!inquiry) return err('inquiry.not_found', 'This inquiry does not exist or is not on your team.');
    return ok([
      put('service_requests', {
        id: args.serviceRequestId,
        team: inquiry.team,
        inquiryId: inquiry.id,
        customerId: inquiry.customerId,
        receiptNumber: inquiry.receiptNumber,
        type: args.type,
        description: args.description,
        status: 'open',
        createdAt: ctx.now,
        createdBy: ctx.userId,
      }),
    ]);
  },
});
