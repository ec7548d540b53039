import { inBothLanguages, useT } from '../../i18n';
import { DirectIntakeScreen } from '../inquiry/DirectIntakeScreen';
import { AppointmentForm, appointmentInputSchema, isEmptyAppointmentInput } from './AppointmentForm';
import { appointmentToIpc } from './to-ipc';

/** An in-person appointment request taken directly: caller, then urgency, reason and explanation. */
export function AppointmentScreen() {
  const t = useT();
  return (
    <DirectIntakeScreen
      id="appointment"
      title={t.appointment.title}
      doneText={t.appointment.requested}
      draft={{ form: 'appointment', schema: appointmentInputSchema, isEmpty: isEmptyAppointmentInput }}
      form={({ key, caller, submitting, submit, initial, onInput }) => (
        <AppointmentForm
          key={key}
          initial={initial}
          onInput={onInput}
          submitting={submitting}
          onSubmit={(request) =>
            submit({
              caller,
              topic: inBothLanguages((m) => m.appointment.title),
              outcome: 'appointment-request',
              urgency: request.urgent ? 'urgent' : 'non-urgent',
              extra: { appointment: appointmentToIpc(request) },
            })
          }
        />
      )}
    />
  );
}
