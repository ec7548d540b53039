import type {
  DrillDownView,
  ForecastView,
  SupervisorSnapshotView,
} from '../../../shared/ipc/supervisor-views';
import type { DrillDownResponse, Forecast, SupervisorSnapshot } from '../../../shared/supervisor';
import type { LocalStore } from '../../store/local-store';

/**
 * The supervisor channel sends ids only; names come from the rows this desktop
 * already pulled for the lead's team (decrypted here, never sent anywhere). A row
 * the cache does not hold yet shows without a name rather than failing.
 */
export function joinDrillDown(store: LocalStore, response: DrillDownResponse): DrillDownView {
  const users = userNames(store);
  return {
    ...response,
    items: response.items.map((item) => {
      const customer = store.rows.get('customers', item.customerId);
      const inquiry = store.rows.get('inquiries', item.inquiryId);
      const local = store.rows.get('callbacks', item.id);
      // The lead's own reassignment shows at once (optimistic), like the worklist does.
      const assigneeId = local && local.status === 'open' ? local.assigneeId : item.assigneeId;
      return {
        ...item,
        assigneeId,
        customerName: customer?.name ?? null,
        receiptNumber: inquiry?.receiptNumber ?? null,
        language: customer?.preferredLanguage ?? null,
        assigneeName: assigneeId ? (users.get(assigneeId) ?? null) : null,
        pendingSync: store.rows.isPending('callbacks', item.id),
      };
    }),
  };
}

export function joinForecast(store: LocalStore, forecast: Forecast): ForecastView {
  return {
    ...forecast,
    breaches: forecast.breaches.map((b) => {
      const callback = store.rows.get('callbacks', b.callbackId);
      const customer = callback ? store.rows.get('customers', callback.customerId) : undefined;
      return { ...b, customerName: customer?.name ?? null };
    }),
  };
}

/** The customer each agent is working on, by name (the roster carries a row reference only). */
export function joinSnapshot(store: LocalStore, snapshot: SupervisorSnapshot): SupervisorSnapshotView {
  return {
    ...snapshot,
    roster: snapshot.roster.map((entry) => {
      const item = entry.currentItem;
      const row = item ? store.rows.get(item.table, item.id) : undefined;
      const customer = row ? store.rows.get('customers', row.customerId) : undefined;
      return { ...entry, currentItemName: customer?.name ?? null };
    }),
  };
}

function userNames(store: LocalStore): Map<string, string> {
  return new Map(store.rows.list('users').map((u) => [u.id, u.name]));
}
