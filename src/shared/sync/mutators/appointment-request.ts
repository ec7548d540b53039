import { z } from 'zod';
import { err, ok } from '../../domain/result';
import { AGENT_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put } from '../mutator';
import { idSchema } from '../rows/common';
import { APPOINTMENT_URGENT_REASONS } from '../rows/appointment-request';

export const requestAppointment = defineMutator({
  name: 'appointment.request@1',
  description:
    'Request an in-person appointment: urgent ones go to individual review, others queue for the next slot.',
  args: z
    .object({
      appointmentId: idSchema,
      inquiryId: idSchema,
      urgent: z.boolean(),
      urgentReason: z.enum(APPOINTMENT_URGENT_REASONS).nullable(),
      explanation: z.string().trim().max(4000),
    })
    .refine((a) => a.urgent === (a.urgentReason !== null), {
      message: 'an urgent appointment request needs an urgent reason, and only an urgent one has it',
      path: ['urgentReason'],
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
    return ok([
      put('appointment_requests', {
        id: args.appointmentId,
        team: inquiry.team,
        inquiryId: inquiry.id,
        customerId: inquiry.customerId,
        urgent: args.urgent,
        urgentReason: args.urgentReason,
        explanation: args.explanation,
        status: args.urgent ? 'under-review' : 'queued',
        createdAt: ctx.now,
        createdBy: ctx.userId,
      }),
    ]);
  },
});
