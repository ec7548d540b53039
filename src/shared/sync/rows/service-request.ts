import { z } from 'zod';
import { policyItemIdSchema } from '../../domain/bilingual-label';
import { OPERATIONAL_COMPONENT_IDS } from '../../domain/identifiers/operational-components';
import { SERVICE_REQUEST_STATUSES } from '../../domain/service-requests/service-request';
import { parseLocalDate } from '../../domain/time/zoned';
import { baseRowShape, idSchema, instantSchema, storedReceiptNumberSchema } from './common';
import { storedReferenceSchema } from './reference';

export { SERVICE_REQUEST_STATUSES };

/** A status can change three times (open → sent → answered → closed); a storage bound with room. */
export const MAX_STATUS_CHANGES = 10;

/** A calendar date `YYYY-MM-DD` that exists. */
export const localDateTextSchema = z
  .string()
  .refine((text) => parseLocalDate(text) !== undefined, { message: 'a date is written YYYY-MM-DD' });

/**
 * A service request (PRODUCT.md rule 11): a category from the policy, its target date
 * computed by domain/service-requests from the category and the business calendar,
 * where it went, and a status the lead follows.
 */
export const serviceRequestRowSchema = z.object({
  ...baseRowShape,
  inquiryId: idSchema,
  customerId: idSchema,
  receiptNumber: storedReceiptNumberSchema.nullable(),
  /** A category id of the policy's `serviceRequests.categories` when it was made. */
  category: policyItemIdSchema,
  description: z.string().trim().min(1, 'describe the service request').max(4000),
  routing: z.enum(OPERATIONAL_COMPONENT_IDS),
  /** The office that has the case, when the receipt number tells. */
  office: z.string().max(120).nullable(),
  /** `migrated`: routed before routing was recorded (server migration 005). */
  routingSource: z.enum(['category', 'receipt', 'agent', 'migrated']),
  /** The business day the office should have answered by (policy zone). */
  targetDate: localDateTextSchema,
  status: z.enum(SERVICE_REQUEST_STATUSES),
  /** Every status after `open`, in order: who recorded it and when (server time). */
  statusChanges: z
    .array(z.object({ status: z.enum(SERVICE_REQUEST_STATUSES), at: instantSchema, by: idSchema }))
    .max(MAX_STATUS_CHANGES),
  reference: storedReferenceSchema('service-request').optional(),
  createdAt: instantSchema,
  createdBy: idSchema,
});
export type ServiceRequestRow = z.infer<typeof serviceRequestRowSchema>;
