import { z } from 'zod';
import { baseRowShape, idSchema, instantSchema, storedReceiptNumberSchema } from './common';

export const SERVICE_REQUEST_TYPES = [
  'outside-normal-processing-time',
  'non-delivery',
  'typographical-error',
  'address-change',
  'accommodation',
  'other',
] as const;
export const SERVICE_REQUEST_STATUSES = ['open', 'sent'] as const;

export const serviceRequestRowSchema = z.object({
  ...baseRowShape,
  inquiryId: idSchema,
  customerId: idSchema,
  receiptNumber: storedReceiptNumberSchema.nullable(),
  type: z.enum(SERVICE_REQUEST_TYPES),
  description: z.string().trim().min(1, 'describe the service request').max(4000),
  status: z.enum(SERVICE_REQUEST_STATUSES),
  createdAt: instantSchema,
  createdBy: idSchema,
});
export type ServiceRequestRow = z.infer<typeof serviceRequestRowSchema>;
