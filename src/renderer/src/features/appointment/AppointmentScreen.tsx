import { inBothLanguages, useT } from '../../i18n';
import { DirectIntakeScreen } from '../inquiry/DirectIntakeScreen';
import { AppointmentForm } from './AppointmentForm';
import { appointmentToIpc } from './to-ipc';

/** An in-person appointment request taken directly: caller, then urgency, reason and explanation. */
export function AppointmentScreen() {
  const t = useT();
  return (
    <DirectIntakeScreen
      id="appointment"
      title={t.appointment.title}
      doneText={t.appointment.requested}
      form={({ key, caller, submitting, submit }) => (
        <AppointmentForm
          key={key}
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
