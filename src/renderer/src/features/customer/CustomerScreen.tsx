import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { IdentityPanel } from './IdentityPanel';
import { NotesPanel } from './NotesPanel';
import { TimelinePanel } from './TimelinePanel';
import { useCustomerRecord } from './use-customer-record';
import './Customer.css';

/**
 * The customer page (issue 14 item 3): who they are and how to reach them, one
 * timeline of every contact, and the notes. Read from the cache, so it works offline.
 */
export function CustomerScreen({ customerId }: { customerId: string }) {
  const t = useT();
  const { record, error } = useCustomerRecord(customerId);
  if (error) {
    return (
      <section aria-labelledby="customer-title">
        <h1 id="customer-title">{t.record.search.title}</h1>
        <p role="alert" className="error-box">
          {errorText(error, t)}
        </p>
      </section>
    );
  }
  if (record === undefined) return <p role="status">{t.app.loading}</p>;
  if (record === null) {
    return (
      <section aria-labelledby="customer-title">
        <h1 id="customer-title">{t.record.search.title}</h1>
        <p className="notice">{t.record.page.notFound}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="customer-title" className="customer-page">
      <h1 id="customer-title">{t.record.page.title(record.customer.name)}</h1>
      <IdentityPanel record={record} />
      <TimelinePanel record={record} />
      <NotesPanel record={record} />
    </section>
  );
}
