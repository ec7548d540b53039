import { useCallback, useEffect, useState } from 'react';
import type { DomainError } from '../../../../shared/domain/result';
import type { CustomerRecord } from '../../../../shared/ipc/customer-views';
import { invoke, onDataChanged } from '../../api/agent-desk';

/** The tables a customer's record is read from. */
export const CUSTOMER_RECORD_TABLES = [
  'customers',
  'inquiries',
  'callbacks',
  'service_requests',
  'expedite_requests',
  'appointment_requests',
  'notes',
  'users',
] as const;

/** A customer's record from the cache; re-read when one of its tables changes. Undefined while loading, null when absent. */
export function useCustomerRecord(customerId: string) {
  const [record, setRecord] = useState<CustomerRecord | null | undefined>(undefined);
  const [error, setError] = useState<DomainError | null>(null);

  const reload = useCallback(async () => {
    const result = await invoke('customer.record', { customerId });
    if (!result.ok) return setError(result.error);
    setError(null);
    setRecord(result.value);
  }, [customerId]);

  useEffect(() => {
    void reload();
    return onDataChanged(CUSTOMER_RECORD_TABLES, () => void reload());
  }, [reload]);

  return { record, error };
}
