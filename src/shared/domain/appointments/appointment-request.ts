import { z } from 'zod';
import { receiptNumberSchema } from '../identifiers/receipt-number';
import type { DomainError } from '../result';
import { URGENT_APPOINTMENT_REASONS, URGENT_APPOINTMENT_REASON_LABELS } from './urgent-reasons';

/**
 * A request for an in-person appointment at a field office (PRODUCT.md rule 8).
 * The schema is strict (unknown keys are rejected at the edge) and runs the same
 * checks as checkAppointmentRequest, so the form and the server agree.
 */

/** Not contact-center rules (those live in Policy): sane bounds for free-text fields. */
export const APPOINTMENT_EXPLANATION_MAX_CHARS = 2000;
export const APPOINTMENT_OFFICE_MAX_CHARS = 200;

export const urgentAppointmentReasonSchema = z.enum(URGENT_APPOINTMENT_REASONS);

const shape = {
  urgent: z.boolean(),
  urgentReason: urgentAppointmentReasonSchema.optional(),
  /** What the caller needs the appointment for and, when urgent, why it cannot wait. */
  explanation: z.string(),
  /** The field office the caller would prefer, as they name it; scheduling may differ. */
  preferredOffice: z.string().max(APPOINTMENT_OFFICE_MAX_CHARS).optional(),
  receiptNumber: receiptNumberSchema.optional(),
};

export const appointmentRequestSchema = z.strictObject(shape).superRefine((request, ctx) => {
  for (const issue of checkAppointmentRequest(request)) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: [FIELD_OF[issue.code] ?? 'explanation'] });
  }
});

export type AppointmentRequest = z.output<typeof appointmentRequestSchema>;

const FIELD_OF: Readonly<Record<string, string>> = {
  'appointment.urgent_reason_required': 'urgentReason',
  'appointment.reason_without_urgency': 'urgentReason',
  'appointment.explanation_required': 'explanation',
  'appointment.explanation_too_long': 'explanation',
};

/** Everything wrong with a request, as sentences the agent can act on; empty means valid. */
export function checkAppointmentRequest(request: AppointmentRequest): DomainError[] {
  const issues: DomainError[] = [];
  if (request.urgent && request.urgentReason === undefined) {
    issues.push({
      code: 'appointment.urgent_reason_required',
      message: `an urgent appointment request needs a reason: ${URGENT_APPOINTMENT_REASONS.map((r) => URGENT_APPOINTMENT_REASON_LABELS[r].en.toLowerCase()).join('; ')}`,
    });
  }
  if (!request.urgent && request.urgentReason !== undefined) {
    issues.push({
      code: 'appointment.reason_without_urgency',
      message: `a non-urgent request must not carry an urgent reason ('${URGENT_APPOINTMENT_REASON_LABELS[request.urgentReason].en}'): mark it urgent or remove the reason`,
      params: { reason: request.urgentReason },
    });
  }
  if (request.explanation.trim() === '') {
    issues.push({
      code: 'appointment.explanation_required',
      message: request.urgent
        ? 'explanation is required: record what the caller needs the appointment for and why it cannot wait'
        : 'explanation is required: record what the caller needs the appointment for',
      params: { urgent: request.urgent ? 'yes' : 'no' },
    });
  } else if (request.explanation.length > APPOINTMENT_EXPLANATION_MAX_CHARS) {
    issues.push({
      code: 'appointment.explanation_too_long',
      message: `explanation has ${request.explanation.length} characters; shorten it to ${APPOINTMENT_EXPLANATION_MAX_CHARS} or fewer`,
      params: { length: request.explanation.length, max: APPOINTMENT_EXPLANATION_MAX_CHARS },
    });
  }
  return issues;
}
