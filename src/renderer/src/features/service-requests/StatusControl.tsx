import { useId, useState } from 'react';
import {
  SERVICE_REQUEST_STATUSES,
  type ServiceRequestStatus,
} from '../../../../shared/domain/service-requests/service-request';
import { TIER2_ROLES } from '../../../../shared/sync/authorization';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';

/** Whether the signed-in user records what the office did (the server checks it again). */
export function useFollowsServiceRequests(): boolean {
  const role = useSessionStore((s) => s.session?.user?.role);
  return role !== undefined && (TIER2_ROLES as readonly string[]).includes(role);
}

/**
 * The lead's or Tier 2 officer's step on a service request (issue 14 item 7): the
 * statuses after the current one (a request only moves forward), recorded through
 * the core; the lists re-read when the core announces the change.
 */
export function StatusControl(props: { id: string; status: ServiceRequestStatus; reference: string }) {
  const t = useT();
  const announce = useUiStore((s) => s.announce);
  const fieldId = useId();
  const next = SERVICE_REQUEST_STATUSES.slice(SERVICE_REQUEST_STATUSES.indexOf(props.status) + 1);
  const [choice, setChoice] = useState<ServiceRequestStatus | ''>('');
  const [error, setError] = useState<string | null>(null);
  if (next.length === 0) return null;
  const save = async () => {
    if (choice === '' || choice === 'open') return;
    const result = await invoke('serviceRequest.setStatus', { serviceRequestId: props.id, status: choice });
    if (!result.ok) return setError(errorText(result.error, t));
    setError(null);
    setChoice('');
    announce(t.record.serviceRequest.statusRecorded);
  };
  return (
    <form
      className="sr-status"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={fieldId} className="visually-hidden">
        {t.record.serviceRequest.newStatus(props.reference)}
      </label>
      <select id={fieldId} value={choice} onChange={(e) => setChoice(e.target.value as ServiceRequestStatus)}>
        <option value="">{t.inquiry.choose}</option>
        {next.map((s) => (
          <option key={s} value={s}>
            {t.record.timeline.srStatus[s]}
          </option>
        ))}
      </select>{' '}
      <button type="submit" disabled={choice === ''}>
        {t.record.serviceRequest.setStatus}
      </button>
      {error ? (
        <p role="alert" className="error-box">
          {error}
        </p>
      ) : null}
    </form>
  );
}
