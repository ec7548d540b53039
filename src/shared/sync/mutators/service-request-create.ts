import { z } from 'zod';
import { policyItemIdSchema } from '../../domain/bilingual-label';
import {
  OPERATIONAL_COMPONENT_IDS,
  type OperationalComponent,
} from '../../domain/identifiers/operational-components';
import { parseReceiptNumber } from '../../domain/identifiers/receipt-number';
import { err, ok, type Result } from '../../domain/result';
import {
  findCategory,
  routeServiceRequest,
  serviceRequestTargetDate,
} from '../../domain/service-requests/service-request';
import { AGENT_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put, type MutatorContext, type RowMap, type RowWrite } from '../mutator';
import { idSchema } from '../rows/common';
import { withReference } from './with-reference';

/** The `type` values of `@1`: the default categories carry the same ids. */
export const LEGACY_SERVICE_REQUEST_TYPES = [
  'outside-normal-processing-time',
  'non-delivery',
  'typographical-error',
  'address-change',
  'accommodation',
  'other',
] as const;

const descriptionSchema = z.string().trim().min(1, 'describe the service request').max(4000);

interface Draft {
  serviceRequestId: string;
  inquiryId: string;
  category: string;
  description: string;
  routing: OperationalComponent | null;
}

const reads = (args: { serviceRequestId: string; inquiryId: string }) => [
  { table: 'service_requests' as const, id: args.serviceRequestId },
  { table: 'inquiries' as const, id: args.inquiryId },
];

/**
 * The request as the domain shapes it: the policy's category (not retired), its target
 * date from the business calendar, and where it goes (the category's component, or
 * the office the receipt number names — the agent's choice when it names none).
 */
function applyServiceRequest(rows: RowMap, args: Draft, ctx: MutatorContext): Result<RowWrite[]> {
  if (getRow(rows, 'service_requests', args.serviceRequestId)) {
    return err('row.already_exists', 'This service request already exists.');
  }
  const inquiry = getRow(rows, 'inquiries', args.inquiryId);
  if (!inquiry) return err('inquiry.not_found', 'This inquiry does not exist or is not on your team.');
  const category = findCategory(ctx.policy.serviceRequests.categories, args.category, {
    forNewRequest: true,
  });
  if (!category.ok) return category;
  const receipt = inquiry.receiptNumber ? parseReceiptNumber(inquiry.receiptNumber) : undefined;
  const route = routeServiceRequest(category.value, receipt?.ok ? receipt.value : undefined, args.routing);
  if (!route.ok) return route;
  return ok([
    put('service_requests', {
      id: args.serviceRequestId,
      team: inquiry.team,
      inquiryId: inquiry.id,
      customerId: inquiry.customerId,
      receiptNumber: inquiry.receiptNumber,
      category: category.value.id,
      description: args.description,
      routing: route.value.routing,
      office: route.value.office,
      routingSource: route.value.source,
      targetDate: serviceRequestTargetDate(ctx.now, category.value, ctx.policy),
      status: 'open',
      statusChanges: [],
      createdAt: ctx.now,
      createdBy: ctx.userId,
    }),
  ]);
}

/** `@1` (queued outboxes of older desktops): a fixed `type` list, routed by the receipt number alone. */
const argsV1 = z.object({
  serviceRequestId: idSchema,
  inquiryId: idSchema,
  type: z.enum(LEGACY_SERVICE_REQUEST_TYPES),
  description: descriptionSchema,
});

export const createServiceRequestV1 = defineMutator({
  name: 'service-request.create@1',
  description: 'Open a service request for the case on an inquiry.',
  args: argsV1,
  reads,
  authorize: (actor) => requireRole(actor, AGENT_ROLES, 'open service requests'),
  apply: (rows, args, ctx) => applyServiceRequest(rows, { ...args, category: args.type, routing: null }, ctx),
});

const byCategory = defineMutator({
  name: 'service-request.create (category)',
  description:
    'Open a service request in a policy category: target date from the business calendar, routed to its office.',
  args: z.object({
    serviceRequestId: idSchema,
    inquiryId: idSchema,
    category: policyItemIdSchema,
    description: descriptionSchema,
    /** The agent's choice, needed only when the category goes to the case's office and the receipt does not tell. */
    routing: z.enum(OPERATIONAL_COMPONENT_IDS).nullable(),
  }),
  reads,
  authorize: (actor) => requireRole(actor, AGENT_ROLES, 'open service requests'),
  apply: applyServiceRequest,
});

/** `@2`: a policy category, routing, target date, and the reference number read back to the caller. */
export const createServiceRequest = withReference(byCategory, 'service-request.create@2', 'service_requests');
