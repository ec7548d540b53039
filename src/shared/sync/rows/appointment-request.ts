import { z } from 'zod';
import { baseRowShape, idSchema, instantSchema } from './common';

/** PRODUCT.md rule 8: urgent reasons are reviewed individually; the rest queue for the next slot. */
export const APPOINTMENT_URGENT_REASONS = [
  'family-emergency-travel',
  'medical-emergency',
  'financial-hardship',
] as const;
export const APPOINTMENT_STATUSES = ['queued', 'under-review', 'scheduled', 'cancelled'] as const;

export const appointmentRequestRowSchema = z.object({
  ...baseRowShape,
  inquiryId: idSchema,
  customerId: idSchema,
  urgent: z.boolean(),
  urgentReason: z.enum(APPOINTMENT_URGENT_REASONS).nullable(),
  explanation: z.string().trim().max(4000),
  status: z.enum(APPOINTMENT_STATUSES),
  createdAt: instantSchema,
  createdBy: idSchema,
});
export type AppointmentRequestRow = z.infer<typeof appointmentRequestRowSchema>;
