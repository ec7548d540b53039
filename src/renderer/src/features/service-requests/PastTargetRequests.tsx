import { useCallback, useEffect, useState } from 'react';
import type { DomainError } from '../../../../shared/domain/result';
import type { ServiceRequestsPastTarget } from '../../../../shared/ipc/customer-views';
import { invoke, onDataChanged } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { formatDate } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { StatusControl, useFollowsServiceRequests } from './StatusControl';
import './ServiceRequests.css';

const TABLES = ['service_requests', 'customers'] as const;

/**
 * The worklist's follow-up list for leads and Tier 2 officers (issue 14 item 7): the
 * team's service requests still waiting on the office after their target date, with
 * the step to record what the office did and a way to the customer's record.
 */
export function PastTargetRequests() {
  const follows = useFollowsServiceRequests();
  return follows ? <PastTargetTable /> : null;
}

function PastTargetTable() {
  const t = useT();
  const m = t.record.serviceRequest;
  const ui = useUiStore((s) => s.language);
  const navigate = useUiStore((s) => s.navigate);
  const categories = usePolicy().serviceRequests.categories;
  const [list, setList] = useState<ServiceRequestsPastTarget | null>(null);
  const [error, setError] = useState<DomainError | null>(null);
  const reload = useCallback(async () => {
    const result = await invoke('serviceRequests.pastTarget', {});
    if (!result.ok) return setError(result.error);
    setError(null);
    setList(result.value);
  }, []);
  useEffect(() => {
    void reload();
    return onDataChanged(TABLES, () => void reload());
  }, [reload]);

  return (
    <section className="panel" aria-labelledby="sr-past-title" data-testid="sr-past-target">
      <h2 id="sr-past-title">{m.pastTitle}</h2>
      {error ? (
        <p role="alert" className="error-box">
          {errorText(error, t)}
        </p>
      ) : null}
      {list ? <p aria-live="polite">{m.pastCount(list.total, list.requests.length)}</p> : null}
      {list && list.requests.length > 0 ? (
        <div className="sr-table-wrap">
          <table className="sr-table">
            <caption className="visually-hidden">{m.pastTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{m.reference}</th>
                <th scope="col">{m.customer}</th>
                <th scope="col">{m.category}</th>
                <th scope="col">{m.targetDate}</th>
                <th scope="col">{m.status}</th>
              </tr>
            </thead>
            <tbody>
              {list.requests.map((r) => {
                const reference = r.reference ?? t.record.timeline.noReference;
                return (
                  <tr key={r.id} data-testid="sr-past-row">
                    <th scope="row" className="reference">
                      {reference}
                    </th>
                    <td>
                      <button
                        type="button"
                        onClick={() => navigate({ name: 'customer', customerId: r.customerId })}
                      >
                        {r.customerName ?? t.worklist.noName}
                      </button>
                    </td>
                    <td>{categories.find((c) => c.id === r.category)?.label[ui] ?? r.category}</td>
                    <td>{formatDate(r.targetDate)}</td>
                    <td>
                      {t.record.timeline.srStatus[r.status]}
                      <StatusControl id={r.id} status={r.status} reference={reference} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
