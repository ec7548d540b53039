import type { LocalStore } from '../../../src/desktop/store/local-store';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { slaStateAt, slaTransitions, type SlaInput } from '../../../src/shared/domain/sla';
import { slaInputFor } from '../../../src/shared/domain/sla-input';

/**
 * The SLA rule's input for a stored callback the slow, obvious way: the callback and its
 * customer decrypted, the whole rule's input built as the callback detail builds it.
 */
export function wholeRuleInput(store: LocalStore, callbackId: string): SlaInput {
  const cb = store.rows.get('callbacks', callbackId);
  if (!cb) throw new Error(`no callback ${callbackId}`);
  return slaInputFor(cb, store.rows.get('customers', cb.customerId) ?? undefined, DEFAULT_POLICY);
}

/** What a worklist row's `sla` must be at `now` by the whole rule (the reference the index is held to). */
export function expectedRowSla(store: LocalStore, row: { id: string; dueAt: number }, now: number) {
  const transitions = slaTransitions(wholeRuleInput(store, row.id), DEFAULT_POLICY);
  return {
    state: slaStateAt(transitions, now),
    remainingMs: row.dueAt - now,
    lastWindow: transitions.lastWindow,
    transitions,
  };
}
