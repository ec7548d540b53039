import { z } from 'zod';
import {
  APPOINTMENT_OFFICE_MAX_CHARS,
  URGENT_APPOINTMENT_REASONS,
  checkAppointmentRequest,
  urgentAppointmentReasonSchema,
} from '../../domain/appointments';
import { baseRowShape, idSchema, instantSchema, storedReceiptNumberSchema } from './common';
import { storedReferenceSchema } from './reference';

/**
 * PRODUCT.md rule 8: urgent reasons are reviewed individually; the rest queue for the
 * next slot. The reasons are domain/appointments' (one source of truth).
 */
export const APPOINTMENT_URGENT_REASONS = URGENT_APPOINTMENT_REASONS;
export const APPOINTMENT_STATUSES = ['queued', 'under-review', 'scheduled', 'cancelled'] as const;

/** domain/appointments appointmentPriority: the queue order (urgent band first, then oldest). */
export const appointmentPrioritySchema = z.object({
  band: z.union([z.literal(0), z.literal(1)]),
  createdAt: instantSchema,
  handling: z.enum(['review-individually', 'next-available-slot']),
});

export const appointmentRequestRowSchema = z
  .object({
    ...baseRowShape,
    inquiryId: idSchema,
    customerId: idSchema,
    urgent: z.boolean(),
    urgentReason: urgentAppointmentReasonSchema.nullable(),
    explanation: z.string(),
    /** The field office the caller would prefer, as they named it. */
    preferredOffice: z.string().max(APPOINTMENT_OFFICE_MAX_CHARS).nullable().optional(),
    /** The inquiry's receipt number, when it had one. */
    receiptNumber: storedReceiptNumberSchema.nullable().optional(),
    status: z.enum(APPOINTMENT_STATUSES),
    /** Rows written before priorities were stored lack it; appointmentPriority(row, row.createdAt) gives it. */
    priority: appointmentPrioritySchema.optional(),
    createdAt: instantSchema,
    createdBy: idSchema,
    reference: storedReferenceSchema('appointment').optional(),
  })
  .superRefine((row, ctx) => {
    const issues = checkAppointmentRequest({
      urgent: row.urgent,
      ...(row.urgentReason ? { urgentReason: row.urgentReason } : {}),
      explanation: row.explanation,
    });
    for (const issue of issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [] });
  });
export type AppointmentRequestRow = z.infer<typeof appointmentRequestRowSchema>;
