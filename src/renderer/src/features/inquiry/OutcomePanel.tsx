import { SERVICE_REQUEST_TYPES } from '../../../../shared/sync/rows';
import type { ScriptOutcome } from '../../../../shared/scripts';
import { useT } from '../../i18n';
import { AppointmentForm } from '../appointment/AppointmentForm';
import { appointmentToIpc } from '../appointment/to-ipc';
import { ExpediteChecklist } from '../expedite/ExpediteChecklist';
import { expediteToIpc } from '../expedite/to-ipc';
import type { InquirySubmission } from './submit-inquiry';

export type ServiceRequestType = (typeof SERVICE_REQUEST_TYPES)[number];

/** The service request's fields, kept by the screen so the type stays chosen for the next inquiry. */
export interface ServiceRequestDraft {
  type: ServiceRequestType;
  description: string;
}

/**
 * Where the script ended and what that outcome needs before the inquiry is saved:
 * the expedite checklist, the appointment request, a service request, or nothing more.
 */
export function OutcomePanel(props: {
  outcome: ScriptOutcome;
  callerLanguage: 'en' | 'es';
  callerReceipt: string;
  saving: boolean;
  serviceRequest: ServiceRequestDraft;
  onServiceRequest(draft: ServiceRequestDraft): void;
  onSave(extra: InquirySubmission['extra']): void;
}) {
  const t = useT();
  const { outcome, saving } = props;
  return (
    <section className="panel outcome" aria-labelledby="outcome-title" data-outcome={outcome.outcome}>
      <h2 id="outcome-title">
        {t.inquiry.outcomeTitle}: {t.inquiry.outcome[outcome.outcome]}
        {outcome.urgency ? ` (${t.urgency[outcome.urgency]})` : ''}
      </h2>
      {outcome.reason ? (
        <p>
          {t.inquiry.tier2Reason}: {t.inquiry.tier2Reasons[outcome.reason]}
        </p>
      ) : null}
      {outcome.link && outcome.channel ? (
        <p>
          {t.inquiry.linkTo[outcome.channel]}: <span className="link-text">{outcome.link}</span>
        </p>
      ) : null}
      {outcome.outcome === 'expedite-intake' ? (
        <ExpediteChecklist
          callerLanguage={props.callerLanguage}
          initialReceipt={props.callerReceipt}
          submitting={saving}
          onSubmit={(request, routingSource) =>
            props.onSave({ expedite: expediteToIpc(request, routingSource) })
          }
        />
      ) : outcome.outcome === 'appointment-request' ? (
        <AppointmentForm
          initialUrgent={outcome.urgency === 'urgent'}
          submitting={saving}
          onSubmit={(request) => props.onSave({ appointment: appointmentToIpc(request) })}
        />
      ) : (
        <FinishForm
          withServiceRequest={outcome.outcome === 'service-request'}
          saving={saving}
          serviceRequest={props.serviceRequest}
          onServiceRequest={props.onServiceRequest}
          onSave={props.onSave}
        />
      )}
    </section>
  );
}

/** Save for every other outcome; a service request first asks for its type and description. */
function FinishForm(props: {
  withServiceRequest: boolean;
  saving: boolean;
  serviceRequest: ServiceRequestDraft;
  onServiceRequest(draft: ServiceRequestDraft): void;
  onSave(extra: InquirySubmission['extra']): void;
}) {
  const t = useT();
  const { serviceRequest: sr, withServiceRequest } = props;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(
          withServiceRequest ? { serviceRequest: { type: sr.type, description: sr.description } } : {},
        );
      }}
    >
      {withServiceRequest ? (
        <>
          <div className="field">
            <label htmlFor="sr-type">{t.inquiry.serviceRequestType}</label>
            <select
              id="sr-type"
              value={sr.type}
              onChange={(e) => props.onServiceRequest({ ...sr, type: e.target.value as ServiceRequestType })}
            >
              {SERVICE_REQUEST_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t.inquiry.srTypes[type]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="sr-description">{t.inquiry.serviceRequestDescription}</label>
            <textarea
              id="sr-description"
              value={sr.description}
              onChange={(e) => props.onServiceRequest({ ...sr, description: e.target.value })}
            />
          </div>
        </>
      ) : null}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={props.saving || (withServiceRequest && sr.description.trim() === '')}
        >
          {t.inquiry.submit}
        </button>
      </div>
    </form>
  );
}
