import { formatUsPhone } from '../../../shared/domain/phones';
import type { ParsedChannelArgs } from '../../../shared/ipc/channels';
import type { CustomerRecord, CustomerSearchResult } from '../../../shared/ipc/customer-views';
import type { RowOf, TableName } from '../../../shared/sync/rows';
import type { CustomerRecordTable } from '../../../shared/sync/customer-search-entry';
import type { LocalStore } from '../../store/local-store';
import { userNames } from './worklist-rows';

/** The search box's answer: the matching customers of the cache, best first. */
export function searchCustomers(
  store: LocalStore,
  args: ParsedChannelArgs<'customer.search'>,
): CustomerSearchResult {
  const found = store.customers.search(args.text, args.limit);
  const customers = found.ids.flatMap((id) => {
    const c = store.rows.get('customers', id);
    if (!c) return [];
    const first = c.phones[0];
    const phone = first ? formatUsPhone(first.e164, first.ext ?? undefined) : null;
    return [{ id, name: c.name, aNumber: c.aNumber, phone, preferredLanguage: c.preferredLanguage }];
  });
  return { customers, total: found.total };
}

/** One customer and every contact and note of theirs in the cache; undefined when the customer is not there. */
export function customerRecord(
  store: LocalStore,
  customerId: string,
  now: number,
): CustomerRecord | undefined {
  const customer = store.rows.get('customers', customerId);
  if (!customer) return undefined;
  const records = store.customers.recordsOf(customerId);
  const rowsOf = <T extends CustomerRecordTable & TableName>(table: T): RowOf<T>[] =>
    (records.get(table) ?? []).flatMap((id) => {
      const row = store.rows.get(table, id);
      return row ? [row] : [];
    });
  const record = {
    customer,
    inquiries: rowsOf('inquiries'),
    callbacks: rowsOf('callbacks'),
    serviceRequests: rowsOf('service_requests'),
    expedites: rowsOf('expedite_requests'),
    appointments: rowsOf('appointment_requests'),
    notes: rowsOf('notes'),
  };
  const all = userNames(store);
  const ids = new Set<string>();
  for (const q of record.inquiries) ids.add(q.createdBy);
  for (const c of record.callbacks) {
    if (c.assigneeId) ids.add(c.assigneeId);
    for (const a of c.attempts) ids.add(a.agentId);
    for (const h of c.handoffs ?? []) ids.add(h.by);
  }
  for (const s of record.serviceRequests) ids.add(s.createdBy);
  for (const e of record.expedites) ids.add(e.recordedBy);
  for (const a of record.appointments) ids.add(a.createdBy);
  for (const n of record.notes) ids.add(n.createdBy);
  const names = Object.fromEntries(
    [...ids].flatMap((id) => (all.has(id) ? [[id, all.get(id) as string]] : [])),
  );
  return { ...record, names, now };
}
