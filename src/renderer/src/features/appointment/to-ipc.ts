import type { AppointmentRequest } from '../../../../shared/domain/appointments';
import type { ChannelArgs } from '../../../../shared/ipc';

type IpcAppointment = NonNullable<ChannelArgs<'inquiry.submit'>['appointment']>;

/** The form's domain request as the IPC contract carries it (the sync layer speaks the domain's ids). */
export function appointmentToIpc(request: AppointmentRequest): IpcAppointment {
  const office = request.preferredOffice ? `\nPreferred office: ${request.preferredOffice}` : '';
  return {
    urgent: request.urgent,
    urgentReason: request.urgent && request.urgentReason ? request.urgentReason : null,
    explanation: `${request.explanation.trim()}${office}`,
  };
}
