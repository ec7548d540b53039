import { useState } from 'react';
import { useT } from '../../i18n';
import { useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { checkCaller, EMPTY_CALLER, type CallerDraft } from '../inquiry/caller';
import { CallerFields } from '../inquiry/CallerFields';
import { submitInquiry } from '../inquiry/submit-inquiry';
import { AppointmentForm } from './AppointmentForm';
import { appointmentToIpc } from './to-ipc';
import { errorText } from '../../i18n/error-text';

/** An in-person appointment request taken directly: caller, then urgency, reason and explanation. */
export function AppointmentScreen() {
  const t = useT();
  const role = useSessionStore((s) => s.session?.user?.role);
  const announce = useUiStore((s) => s.announce);
  const [caller, setCaller] = useState<CallerDraft>(EMPTY_CALLER);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const [form, setForm] = useState(0);
  const callerOk = Object.keys(checkCaller(caller, t)).length === 0;

  return (
    <section aria-labelledby="appointment-screen-title">
      <h1 id="appointment-screen-title">{t.appointment.title}</h1>
      {done ? (
        <>
          <p role="status" className="notice" data-testid="appointment-done">
            ✔ {t.appointment.requested}
          </p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              setDone(false);
              setCaller(EMPTY_CALLER);
              setForm((n) => n + 1);
            }}
          >
            {t.inquiry.another}
          </button>
        </>
      ) : (
        <>
          <CallerFields idPrefix="appointment-caller" caller={caller} onChange={setCaller} />
          {error ? (
            <p role="alert" className="error-box">
              {error}
            </p>
          ) : null}
          <AppointmentForm
            key={form}
            submitting={saving || !callerOk}
            onSubmit={(request) => {
              setSaving(true);
              void submitInquiry({
                caller,
                intent: null,
                topic: t.appointment.title,
                role,
                outcome: 'appointment-request',
                urgency: request.urgent ? 'urgent' : 'non-urgent',
                script: null,
                extra: { appointment: appointmentToIpc(request) },
              }).then((result) => {
                setSaving(false);
                if (!result.ok) setError(errorText(result.error, t));
                else {
                  setError(null);
                  setDone(true);
                  announce(t.appointment.requested);
                }
              });
            }}
          />
        </>
      )}
    </section>
  );
}
