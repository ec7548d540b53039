import { displayReference } from '../../../shared/domain/identifiers/reference-number';
import type { Policy } from '../../../shared/domain/policy';
import { isPastTarget } from '../../../shared/domain/service-requests/service-request';
import { PAST_TARGET_MAX, type ServiceRequestsPastTarget } from '../../../shared/ipc/customer-views';
import type { LocalStore } from '../../store/local-store';

/**
 * The team's service requests still open or sent to the office after their target
 * date, oldest target first (then oldest request): the lead's follow-up list.
 */
export function serviceRequestsPastTarget(
  store: LocalStore,
  now: number,
  policy: Policy,
): ServiceRequestsPastTarget {
  const late = store.rows
    .list('service_requests')
    .filter((r) => isPastTarget(r, now, policy))
    .sort((a, b) => a.targetDate.localeCompare(b.targetDate) || a.createdAt - b.createdAt);
  const requests = late.slice(0, PAST_TARGET_MAX).map((r) => ({
    id: r.id,
    customerId: r.customerId,
    customerName: store.rows.get('customers', r.customerId)?.name ?? null,
    category: r.category,
    status: r.status,
    targetDate: r.targetDate,
    // Formatted here so the worklist bundle stays light.
    reference: displayReference(r.reference),
  }));
  return { requests, total: late.length };
}
