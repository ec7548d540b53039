export { URGENT_APPOINTMENT_REASONS, URGENT_APPOINTMENT_REASON_LABELS } from './urgent-reasons';
export type { UrgentAppointmentReason } from './urgent-reasons';
export {
  APPOINTMENT_EXPLANATION_MAX_CHARS,
  APPOINTMENT_OFFICE_MAX_CHARS,
  appointmentRequestSchema,
  checkAppointmentRequest,
  urgentAppointmentReasonSchema,
} from './appointment-request';
export type { AppointmentRequest } from './appointment-request';
export { APPOINTMENT_HANDLING_LABELS, appointmentPriority, compareAppointmentPriority } from './priority';
export type { AppointmentHandling, AppointmentPriority } from './priority';
