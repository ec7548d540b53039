import { z } from 'zod';
import {
  APPOINTMENT_OFFICE_MAX_CHARS,
  appointmentPriority,
  checkAppointmentRequest,
  urgentAppointmentReasonSchema,
} from '../../domain/appointments';
import { err, ok } from '../../domain/result';
import { AGENT_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put } from '../mutator';
import { idSchema } from '../rows/common';
import { withReference } from './with-reference';

/** Reason ids the sync layer used before it spoke the domain's vocabulary (queued outboxes). */
const LEGACY_REASONS: Readonly<Record<string, string>> = {
  'financial-hardship': 'financial-loss-employment-or-benefits',
};
const reasonArgSchema = z.preprocess(
  (value) => (typeof value === 'string' ? (LEGACY_REASONS[value] ?? value) : value),
  urgentAppointmentReasonSchema,
);

export const requestAppointment = defineMutator({
  name: 'appointment.request@1',
  description:
    'Request an in-person appointment: urgent ones go to individual review, others queue for the next slot.',
  args: z
    .object({
      appointmentId: idSchema,
      inquiryId: idSchema,
      urgent: z.boolean(),
      urgentReason: reasonArgSchema.nullable(),
      explanation: z.string().max(8000),
      preferredOffice: z.string().trim().max(APPOINTMENT_OFFICE_MAX_CHARS).nullish(),
    })
    .superRefine((a, ctx) => {
      // The domain's rules and wording (urgent needs a reason, explanation required…), on the edge.
      const issues = checkAppointmentRequest({
        urgent: a.urgent,
        ...(a.urgentReason ? { urgentReason: a.urgentReason } : {}),
        explanation: a.explanation,
      });
      for (const issue of issues) {
        const field = issue.code.includes('reason') ? 'urgentReason' : 'explanation';
        ctx.addIssue({ code: 'custom', message: issue.message, path: [field] });
      }
    }),
  reads: (args) => [
    { table: 'appointment_requests', id: args.appointmentId },
    { table: 'inquiries', id: args.inquiryId },
  ],
  authorize: (actor) => requireRole(actor, AGENT_ROLES, 'request appointments'),
  apply(rows, args, ctx) {
    if (getRow(rows, 'appointment_requests', args.appointmentId)) {
      return err('row.already_exists', 'This appointment request already exists.');
    }
    const inquiry = getRow(rows, 'inquiries', args.inquiryId);
    if (!inquiry) return err('inquiry.not_found', 'This inquiry does not exist or is not on your team.');
    const priority = appointmentPriority(args, ctx.now);
    return ok([
      put('appointment_requests', {
        id: args.appointmentId,
        team: inquiry.team,
        inquiryId: inquiry.id,
        customerId: inquiry.customerId,
        urgent: args.urgent,
        urgentReason: args.urgentReason,
        explanation: args.explanation.trim(),
        preferredOffice: args.preferredOffice ? args.preferredOffice : null,
        receiptNumber: inquiry.receiptNumber,
        status: priority.handling === 'review-individually' ? 'under-review' : 'queued',
        priority: { ...priority },
        createdAt: ctx.now,
        createdBy: ctx.userId,
      }),
    ]);
  },
});

/** `@2`: `@1` with the request's reference number. */
export const requestAppointmentWithReference = withReference(
  requestAppointment,
  'appointment.request@2',
  'appointment_requests',
);
