import { useT } from '../../i18n';
import { useUiStore } from '../../state/ui-store';
import { IdentityPanel } from './IdentityPanel';
import { RecentContacts } from './TimelinePanel';
import { useCustomerRecord } from './use-customer-record';
import './Customer.css';

/**
 * The caller's record beside the inquiry a screen pop opened (issue 15 item 3): what is
 * open for them, who they are and how to reach them, their latest contacts, and the way
 * to their full page. The same pieces as the customer page, from the cache.
 */
export function CallerRecordPanel({ customerId }: { customerId: string }) {
  const t = useT();
  const { record } = useCustomerRecord(customerId);
  if (!record) return null;
  const openCallbacks = record.callbacks.filter((c) => c.status === 'open').length;
  return (
    <aside className="caller-record panel" aria-labelledby="caller-record-title" data-testid="caller-record">
      <h2 id="caller-record-title">{t.record.caller.title(record.customer.name)}</h2>
      <p data-testid="caller-record-summary">
        {t.record.caller.summary(openCallbacks, record.expedites.length)}
      </p>
      <IdentityPanel record={record} level={3} />
      <RecentContacts record={record} limit={3} />
      <div className="actions">
        <button
          type="button"
          onClick={() => useUiStore.getState().navigate({ name: 'customer', customerId })}
        >
          {t.record.caller.openFull}
        </button>
      </div>
    </aside>
  );
}
