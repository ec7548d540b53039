import { z } from 'zod';
import { baseRowShape, idSchema, instantSchema, storedReceiptNumberSchema } from './common';

/**
 * An expedite request as the contact center records it (PRODUCT.md rule 7). There
 * is deliberately NO decision field: the contact center never approves or denies;
 * it records and refers to the operational component.
 */
export const EXPEDITE_CRITERIA = [
  'severe-financial-loss',
  'urgent-humanitarian-reasons',
  'compelling-us-government-interests',
  'clear-uscis-error',
] as const;
export type ExpediteCriterion = (typeof EXPEDITE_CRITERIA)[number];

export const EXPEDITE_ROUTES = ['service-center-operations', 'field-operations'] as const;
export const EXPEDITE_STATUSES = ['recorded', 'referred'] as const;

export const documentationItemSchema = z.object({
  criterion: z.enum(EXPEDITE_CRITERIA),
  item: z.string().trim().min(1, 'a documentation item needs a description').max(200),
  provided: z.boolean(),
});

export const expediteRequestRowSchema = z.object({
  ...baseRowShape,
  inquiryId: idSchema,
  customerId: idSchema,
  receiptNumber: storedReceiptNumberSchema,
  criteria: z.array(z.enum(EXPEDITE_CRITERIA)).min(1, 'choose at least one expedite criterion'),
  explanation: z.string().trim().min(1, "record the caller's explanation").max(4000),
  documentation: z.array(documentationItemSchema).min(1, 'documentation is required for an expedite request'),
  routing: z.enum(EXPEDITE_ROUTES),
  status: z.enum(EXPEDITE_STATUSES),
  recordedAt: instantSchema,
  recordedBy: idSchema,
  referredAt: instantSchema.nullable(),
});
export type ExpediteRequestRow = z.infer<typeof expediteRequestRowSchema>;
