import { useEffect, useState } from 'react';
import { z } from 'zod';
import {
  APPOINTMENT_HANDLING_LABELS,
  URGENT_APPOINTMENT_REASONS,
  URGENT_APPOINTMENT_REASON_LABELS,
  appointmentPriority,
  checkAppointmentRequest,
  type AppointmentRequest,
  urgentAppointmentReasonSchema,
  type UrgentAppointmentReason,
} from '../../../../shared/domain/appointments';
import { useT } from '../../i18n';
import { useUiStore } from '../../state/ui-store';
import { errorText } from '../../i18n/error-text';

/** What the agent has put in the form, as kept in a draft. */
export const appointmentInputSchema = z.object({
  urgent: z.boolean(),
  reason: urgentAppointmentReasonSchema.optional(),
  explanation: z.string(),
  office: z.string(),
});
export type AppointmentInput = z.output<typeof appointmentInputSchema>;

export function isEmptyAppointmentInput(input: AppointmentInput): boolean {
  return !input.urgent && input.reason === undefined && input.explanation === '' && input.office === '';
}

/** Appointment request (PRODUCT.md rule 8): urgent ones with a reason are reviewed individually; others queue. */
export function AppointmentForm(props: {
  initialUrgent?: boolean;
  /** What the script already collected (its carry): the agent does not ask again. */
  carried?: { urgentReason?: string; explanation?: string };
  /** The input of a restored draft (it wins over `initialUrgent` and `carried`). */
  initial?: AppointmentInput;
  /** The input as the agent changes it, for the draft. */
  onInput?(input: AppointmentInput): void;
  submitting?: boolean;
  onSubmit(request: AppointmentRequest): void;
}) {
  const t = useT();
  const ui = useUiStore((s) => s.language);
  const [urgent, setUrgent] = useState(props.initial?.urgent ?? props.initialUrgent ?? false);
  const [reason, setReason] = useState<UrgentAppointmentReason | undefined>(() =>
    props.initial
      ? props.initial.reason
      : URGENT_APPOINTMENT_REASONS.find((r) => r === props.carried?.urgentReason),
  );
  const [explanation, setExplanation] = useState(
    props.initial?.explanation ?? props.carried?.explanation ?? '',
  );
  const [office, setOffice] = useState(props.initial?.office ?? '');
  const input: AppointmentInput = { urgent, ...(reason ? { reason } : {}), explanation, office };
  const reported = JSON.stringify(input);
  useEffect(() => props.onInput?.(input), [reported]);
  const request: AppointmentRequest = {
    urgent,
    ...(urgent && reason ? { urgentReason: reason } : {}),
    explanation,
    ...(office.trim() ? { preferredOffice: office.trim() } : {}),
  };
  const issues = checkAppointmentRequest(request);
  const handling = appointmentPriority(request, 0).handling;

  return (
    <form
      className="appointment"
      aria-labelledby="appointment-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (issues.length === 0) props.onSubmit(request);
      }}
    >
      <h2 id="appointment-title">{t.appointment.title}</h2>
      <fieldset>
        <legend>{t.appointment.urgentQuestion}</legend>
        <label className="choice">
          <input type="radio" name="appt-urgent" checked={urgent} onChange={() => setUrgent(true)} />
          {t.appointment.urgent}
        </label>
        <label className="choice">
          <input type="radio" name="appt-urgent" checked={!urgent} onChange={() => setUrgent(false)} />
          {t.appointment.notUrgent}
        </label>
      </fieldset>
      {urgent ? (
        <fieldset>
          <legend>{t.appointment.reason}</legend>
          {URGENT_APPOINTMENT_REASONS.map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="appt-reason" checked={reason === r} onChange={() => setReason(r)} />
              {URGENT_APPOINTMENT_REASON_LABELS[r][ui]}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor="appt-explanation">{t.appointment.explanation}</label>
        <textarea
          id="appt-explanation"
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="appt-office">{t.appointment.office}</label>
        <input id="appt-office" value={office} onChange={(e) => setOffice(e.target.value)} />
      </div>
      <p>
        <strong>{t.appointment.handling}:</strong> {APPOINTMENT_HANDLING_LABELS[handling][ui]}
      </p>
      {issues.length > 0 ? (
        <section aria-labelledby="appt-missing-title">
          <h3 id="appt-missing-title">{t.appointment.missing}</h3>
          <ul aria-live="polite">
            {issues.map((i) => (
              <li key={i.code}>{errorText(i, t)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={issues.length > 0 || props.submitting}>
          {t.appointment.submit}
        </button>
      </div>
    </form>
  );
}
