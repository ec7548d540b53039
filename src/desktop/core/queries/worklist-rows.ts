import { attemptPlan, type AttemptPlan } from '../../../shared/domain/attempts';
import type { Policy } from '../../../shared/domain/policy';
import { transitionsData, type SlaTransitions } from '../../../shared/domain/sla';
import type { WorklistRow } from '../../../shared/ipc/views';
import type { WorklistEntry } from '../../store/callback-index';
import type { LocalStore } from '../../store/local-store';
import { slaStateOf, type SlaRank } from './sla-rank';

/** What a worklist row shows that does not depend on `now`, the viewer or the users table. */
interface RowBase {
  policy: Policy;
  row: Omit<WorklistRow, 'assigneeName' | 'mine' | 'sla' | 'nextAttempt' | 'pendingSync' | 'handoff'>;
  handoff: { to: 1 | 2; reason: string; by: string; at: number } | null;
  plan: AttemptPlan;
}

/**
 * The store's derived cache of decrypted rows per index entry. An entry object is
 * replaced whenever its callback, customer or inquiry changes (confirmed or
 * optimistic: both re-index it), so an entry's base can never be stale, and the
 * WeakMap lets it go with the entry. A policy change (another object) rebuilds
 * it. Being a derived cache, it goes with every wipe and reset (sign-out).
 */
export const WORKLIST_ROWS_CACHE = 'worklist.rows';
const basesOf = (store: LocalStore) =>
  store.derived(WORKLIST_ROWS_CACHE, () => new WeakMap<WorklistEntry, RowBase>());

interface UsersCache {
  fingerprint: string;
  names: Map<string, string>;
}

/**
 * The page's rows: three decrypts per callback the first time it is shown,
 * none after that until it changes.
 */
export function worklistRows(
  store: LocalStore,
  page: readonly { entry: WorklistEntry; rank: SlaRank; transitions: SlaTransitions }[],
  me: string,
  now: number,
  policy: Policy,
): WorklistRow[] {
  const users = userNames(store);
  const bases = basesOf(store);
  const rows: WorklistRow[] = [];
  for (const { entry, rank, transitions } of page) {
    const base = baseOf(store, bases, entry, policy);
    if (!base) continue;
    const { row: r, plan, handoff } = base;
    rows.push({
      id: r.id,
      customerId: r.customerId,
      customerName: r.customerName,
      receiptNumber: r.receiptNumber,
      language: r.language,
      urgency: r.urgency,
      tier: r.tier,
      status: r.status,
      assigneeId: r.assigneeId,
      assigneeName: r.assigneeId ? (users.get(r.assigneeId) ?? null) : null,
      mine: r.assigneeId === me,
      createdAt: r.createdAt,
      dueAt: r.dueAt,
      sla: {
        state: slaStateOf(rank),
        remainingMs: r.dueAt - now,
        lastWindow: transitions.lastWindow,
        transitions: transitionsData(transitions),
      },
      attemptsMade: r.attemptsMade,
      nextAttempt:
        plan.kind === 'next'
          ? {
              attemptNumber: plan.attemptNumber,
              earliest: plan.window.earliest,
              latest: plan.window.latest,
              // attemptPlan's timing: the window does not depend on `now`, only this does.
              timing:
                now < plan.window.earliest ? 'too-early' : now > plan.window.latest ? 'late' : 'in-window',
            }
          : null,
      scheduledSlot: r.scheduledSlot,
      customerWaitingUntil: r.customerWaitingUntil,
      pendingSync: entry.pending,
      handoff: handoff
        ? { to: handoff.to, reason: handoff.reason, byName: users.get(handoff.by) ?? null, at: handoff.at }
        : null,
    });
  }
  return rows;
}

function baseOf(
  store: LocalStore,
  bases: WeakMap<WorklistEntry, RowBase>,
  entry: WorklistEntry,
  policy: Policy,
): RowBase | undefined {
  const cached = bases.get(entry);
  if (cached && cached.policy === policy) return cached;
  const callback = store.rows.get('callbacks', entry.id);
  if (!callback) return undefined;
  const customer = store.rows.get('customers', callback.customerId);
  const inquiry = store.rows.get('inquiries', callback.inquiryId);
  const base: RowBase = {
    policy,
    plan: attemptPlan(callback, Number.NEGATIVE_INFINITY, policy),
    handoff: callback.handoffs?.at(-1) ?? null,
    row: {
      id: entry.id,
      customerId: callback.customerId,
      customerName: customer?.name ?? null,
      receiptNumber: inquiry?.receiptNumber ?? null,
      language: customer?.preferredLanguage ?? null,
      urgency: callback.urgency,
      tier: callback.tier,
      status: callback.status,
      assigneeId: callback.assigneeId,
      createdAt: callback.createdAt,
      dueAt: callback.dueAt,
      attemptsMade: callback.attempts.length,
      scheduledSlot: callback.scheduledSlot,
      customerWaitingUntil: callback.customerWaitingUntil,
    },
  };
  bases.set(entry, base);
  return base;
}

/** Assignee names, decrypted again only when a users row changed (RowCache.fingerprint). */
export function userNames(store: LocalStore): Map<string, string> {
  const holder = store.derived<{ users?: UsersCache }>('worklist.users', () => ({}));
  const fingerprint = store.rows.fingerprint('users');
  if (holder.users?.fingerprint === fingerprint) return holder.users.names;
  const names = new Map(store.rows.list('users').map((u) => [u.id, u.name]));
  holder.users = { fingerprint, names };
  return names;
}
