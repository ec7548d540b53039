import { attemptPlan, checkAttemptAllowed } from '../../../shared/domain/attempts';
import type { Policy } from '../../../shared/domain/policy';
import { suggestNumber } from '../../../shared/domain/phones/suggest-number';
import { err, ok, type DomainError, type Result } from '../../../shared/domain/result';
import { assessSla } from '../../../shared/domain/sla';
import { slaInputFor } from '../../../shared/domain/sla-input';
import { CALLBACK_ACTIONS, type CallbackDetail } from '../../../shared/ipc/views';
import type { Actor, Mutator, MutatorContext } from '../../../shared/sync/mutator';
import {
  askAvailability,
  claimCallback,
  grantExtraAttempt,
  reassignCallback,
  recordCallbackAttempt,
  releaseCallback,
  scheduleCallback,
} from '../../../shared/sync/registry';
import { toCustomerPhone } from '../../../shared/sync/rows/customer';
import { applyMutation, prepareMutation } from '../../../shared/sync/run-mutation';
import type { LocalStore } from '../../store/local-store';
import { userNames } from './worklist-rows';

type Action = (typeof CALLBACK_ACTIONS)[number];

/**
 * The permissions shown on the detail screen come from the SAME shared rules the
 * server enforces: authorize for every action, and a dry run of apply where the
 * arguments are just the callback (claim, release, grant) so "already claimed"
 * shows before the agent clicks.
 */
const ACTIONS: Record<Action, { mutator: Mutator<unknown>; dryRun: boolean }> = {
  claim: { mutator: claimCallback as Mutator<unknown>, dryRun: true },
  release: { mutator: releaseCallback as Mutator<unknown>, dryRun: true },
  recordAttempt: { mutator: recordCallbackAttempt as Mutator<unknown>, dryRun: false },
  schedule: { mutator: scheduleCallback as Mutator<unknown>, dryRun: false },
  grantExtraAttempt: { mutator: grantExtraAttempt as Mutator<unknown>, dryRun: true },
  reassign: { mutator: reassignCallback as Mutator<unknown>, dryRun: false },
  askAvailability: { mutator: askAvailability as Mutator<unknown>, dryRun: true },
};

export function callbackDetail(
  store: LocalStore,
  callbackId: string,
  ctx: MutatorContext,
  policy: Policy,
): Result<CallbackDetail> {
  const callback = store.rows.get('callbacks', callbackId);
  if (!callback)
    return err('callback.not_found', 'This callback is not in your cache (it may belong to another team).');
  const customer = store.rows.get('customers', callback.customerId) ?? null;
  const inquiry = store.rows.get('inquiries', callback.inquiryId) ?? null;
  const now = ctx.now;
  const suggestion = suggestNumber(
    (customer?.phones ?? []).map((p, i) => toCustomerPhone(p, i)),
    customer?.timeZone ?? undefined,
    now,
    policy,
  );
  const permissions = {} as CallbackDetail['permissions'];
  for (const action of CALLBACK_ACTIONS)
    permissions[action] = permission(store, ACTIONS[action], callbackId, ctx);
  // Say it before the agent dials, not after: too early, outside callback hours, none left.
  if (permissions.recordAttempt.allowed && callback.status === 'open') {
    const timing = checkAttemptAllowed(callback, now, policy);
    if (!timing.ok) permissions.recordAttempt = { allowed: false, reason: timing.error };
  }
  return ok({
    callback,
    customer,
    inquiry,
    // The whole rule here: the customer's local hours and the attempts still needed count too.
    sla: assessSla(slaInputFor(callback, customer ?? undefined, policy), now, policy),
    plan: attemptPlan(callback, now, policy),
    numbers: {
      suggested: suggestion.suggested ? Number(suggestion.suggested.phone.id) : null,
      phones: suggestion.ranked.map((r) => ({
        label: r.phone.label,
        e164: r.phone.number,
        ext: r.phone.extension ?? null,
        callable: r.callable,
        status: r.status,
        reason: r.reason,
        callableFrom: r.callableFrom ?? null,
      })),
      reason: suggestion.reason,
      nextCallableAt: suggestion.nextCallableAt ?? null,
    },
    permissions,
    pendingSync: store.rows.isPending('callbacks', callbackId),
    now,
    ...peopleContext(store, callback),
  });
}

/**
 * The handoffs' notes (the Tier 1 note for the officer) and the names of the people the
 * screen mentions — who handed off, who holds the callback, who made each attempt — so
 * it never shows a user id.
 */
function peopleContext(
  store: LocalStore,
  callback: CallbackDetail['callback'],
): Pick<CallbackDetail, 'handoffNotes' | 'names'> {
  const all = userNames(store);
  const handoffs = callback.handoffs ?? [];
  const handoffNotes = handoffs.flatMap((h) => {
    const note = h.noteId ? store.rows.get('notes', h.noteId) : undefined;
    return note ? [note] : [];
  });
  const ids = [...handoffs.map((h) => h.by), ...callback.attempts.map((a) => a.agentId), callback.assigneeId];
  const names = Object.fromEntries(
    ids.flatMap((id) => (id !== null && all.has(id) ? [[id, all.get(id) as string]] : [])),
  );
  return { handoffNotes, names };
}

function permission(
  store: LocalStore,
  action: { mutator: Mutator<unknown>; dryRun: boolean },
  callbackId: string,
  ctx: MutatorContext,
): { allowed: boolean; reason: DomainError | null } {
  const first = store.rows.read([{ table: 'callbacks', id: callbackId }]);
  // The rows found through the callback (its customer, for the consent "available now?" needs).
  const rows = action.mutator.readsAfter
    ? store.rows.read([
        { table: 'callbacks', id: callbackId },
        ...action.mutator.readsAfter({ callbackId }, first),
      ])
    : first;
  const actor: Actor = { userId: ctx.userId, role: ctx.role, team: ctx.team };
  if (action.dryRun) {
    const prepared = prepareMutation(action.mutator.name, { callbackId });
    if (!prepared.ok) return { allowed: false, reason: prepared.error };
    const result = applyMutation(prepared.value, rows, ctx);
    return result.ok ? { allowed: true, reason: null } : { allowed: false, reason: result.error };
  }
  const allowed = action.mutator.authorize(actor, { callbackId } as never, rows);
  return allowed.ok ? { allowed: true, reason: null } : { allowed: false, reason: allowed.error };
}
