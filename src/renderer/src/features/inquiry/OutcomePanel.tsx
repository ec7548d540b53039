import { useEffect, useState } from 'react';
import { HANDOFF_REASON_MAX_CHARS } from '../../../../shared/domain/handoff';
import {
  OPERATIONAL_COMPONENT_IDS,
  OPERATIONAL_COMPONENT_LABELS,
  type OperationalComponent,
} from '../../../../shared/domain/identifiers/operational-components';
import type { ScriptOutcome } from '../../../../shared/scripts';
import { useT } from '../../i18n';
import { usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { AppointmentForm } from '../appointment/AppointmentForm';
import { appointmentToIpc } from '../appointment/to-ipc';
import { ExpediteChecklist } from '../expedite/ExpediteChecklist';
import { expediteToIpc } from '../expedite/to-ipc';
import type { InquirySubmission } from './submit-inquiry';

/** The service request's fields, kept by the screen so the category stays chosen for the next inquiry. */
export interface ServiceRequestDraft {
  /** A policy category id; '' until the agent picks one. */
  category: string;
  description: string;
  routing: OperationalComponent | null;
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
          carried={outcome.carried}
          submitting={saving}
          onSubmit={(request) => props.onSave({ appointment: appointmentToIpc(request) })}
        />
      ) : (
        <FinishForm
          outcome={outcome}
          saving={saving}
          serviceRequest={props.serviceRequest}
          onServiceRequest={props.onServiceRequest}
          onSave={props.onSave}
        />
      )}
    </section>
  );
}

/** Save for every other outcome; a service request asks for its category and description, an escalation for why. */
function FinishForm(props: {
  outcome: ScriptOutcome;
  saving: boolean;
  serviceRequest: ServiceRequestDraft;
  onServiceRequest(draft: ServiceRequestDraft): void;
  onSave(extra: InquirySubmission['extra']): void;
}) {
  const t = useT();
  const [escalation, setEscalation] = useState({ reason: '', note: '' });
  const { serviceRequest: sr, outcome } = props;
  // The script may name the category its path implies, and carry the description it
  // collected; the agent can still change both.
  useEffect(() => {
    const category = sr.category === '' ? (outcome.serviceRequestType ?? '') : sr.category;
    const description = sr.description === '' ? (outcome.carried.explanation ?? '') : sr.description;
    if (category !== sr.category || description !== sr.description) {
      props.onServiceRequest({ ...sr, category, description });
    }
  }, [outcome.serviceRequestType, outcome.carried.explanation]);
  const withServiceRequest = outcome.outcome === 'service-request';
  const escalating = outcome.outcome === 'tier2-escalation';
  const incomplete =
    (withServiceRequest && (sr.category === '' || sr.description.trim() === '')) ||
    (escalating && escalation.reason.trim() === '');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave({
          ...(withServiceRequest ? { serviceRequest: sr } : {}),
          ...(escalating ? { escalation: { code: outcome.reason ?? null, ...escalation } } : {}),
        });
      }}
    >
      {withServiceRequest ? <ServiceRequestFields draft={sr} onChange={props.onServiceRequest} /> : null}
      {escalating ? <EscalationFields value={escalation} onChange={setEscalation} /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={props.saving || incomplete}>
          {t.inquiry.submit}
        </button>
      </div>
    </form>
  );
}

/** The policy's service-request categories (retired ones are not offered), the description, the office when needed. */
function ServiceRequestFields(props: {
  draft: ServiceRequestDraft;
  onChange(draft: ServiceRequestDraft): void;
}) {
  const t = useT();
  const ui = useUiStore((s) => s.language);
  const categories = usePolicy().serviceRequests.categories.filter((c) => !c.retired);
  const { draft: sr, onChange } = props;
  return (
    <>
      <div className="field">
        <label htmlFor="sr-category">{t.record.serviceRequest.category}</label>
        <select
          id="sr-category"
          value={sr.category}
          onChange={(e) => onChange({ ...sr, category: e.target.value })}
        >
          <option value="">{t.inquiry.choose}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label[ui]} ({t.record.serviceRequest.target(c.targetBusinessDays)})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sr-routing">{t.record.serviceRequest.routing}</label>
        <select
          id="sr-routing"
          value={sr.routing ?? ''}
          onChange={(e) =>
            onChange({ ...sr, routing: (e.target.value || null) as OperationalComponent | null })
          }
        >
          <option value="">{t.record.serviceRequest.routingAuto}</option>
          {OPERATIONAL_COMPONENT_IDS.map((id) => (
            <option key={id} value={id}>
              {OPERATIONAL_COMPONENT_LABELS[id][ui]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sr-description">{t.inquiry.serviceRequestDescription}</label>
        <textarea
          id="sr-description"
          value={sr.description}
          onChange={(e) => onChange({ ...sr, description: e.target.value })}
        />
      </div>
    </>
  );
}

/** Why Tier 2 (a sentence for the officer) and an optional note: both reach the officer before claiming. */
function EscalationFields(props: {
  value: { reason: string; note: string };
  onChange(value: { reason: string; note: string }): void;
}) {
  const t = useT();
  const { value, onChange } = props;
  return (
    <>
      <div className="field">
        <label htmlFor="escalation-reason">{t.record.handoff.escalationReason}</label>
        <input
          id="escalation-reason"
          value={value.reason}
          maxLength={HANDOFF_REASON_MAX_CHARS}
          onChange={(e) => onChange({ ...value, reason: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="escalation-note">{t.record.handoff.escalationNote}</label>
        <textarea
          id="escalation-note"
          value={value.note}
          onChange={(e) => onChange({ ...value, note: e.target.value })}
        />
      </div>
    </>
  );
}
