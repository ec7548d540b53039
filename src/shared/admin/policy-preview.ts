import { allowedAttempts, type CallbackAttemptState } from '../domain/attempts';
import type { Policy } from '../domain/policy';
import { dueAt, SLA_STATES, slaStateAt, slaTransitions, type SlaState, type Urgency } from '../domain/sla';
import { slaInputFor, type SlaCustomer } from '../domain/sla-input';
import { policyChanges, type PolicyChange } from './policy-fields';

/** An open callback as the preview reads it, with its customer's numbers (for callable time). */
export interface PreviewCallback extends CallbackAttemptState {
  urgency: Urgency;
  customer: SlaCustomer | undefined;
}

export type StateCounts = Record<SlaState, number>;

export interface PolicyPreview {
  /** The instant the preview judges at: the proposed policy's effective time, or now if that is past. */
  at: number;
  changes: PolicyChange[];
  /** A callback created at `at`: due then under the policy in force, and under the proposed one. */
  newCallbacks: Array<{ urgency: Urgency; dueInForce: number; dueProposed: number }>;
  open: {
    total: number;
    statesInForce: StateCounts;
    statesProposed: StateCounts;
    /** Open callbacks whose SLA state (overdue / due today / at risk / on track) would change. */
    stateChanged: number;
    /** Open callbacks whose number of allowed attempts would change. */
    attemptsChanged: number;
  };
}

const emptyCounts = (): StateCounts => Object.fromEntries(SLA_STATES.map((s) => [s, 0])) as StateCounts;

/**
 * What publishing `proposed` would change, judged at `at` (PRODUCT.md: policy is data,
 * edited by admins). Due times of open callbacks do NOT change: a callback keeps the
 * due time the policy in force at its creation gave it (docs/domain.md, "Policy over
 * time"). What changes for them is everything judged when applied: their SLA state
 * (callable hours, at-risk thresholds, attempts still needed) and the attempts allowed.
 * New callbacks get the proposed targets.
 */
export function previewPolicy(
  inForce: Policy,
  proposed: Policy,
  at: number,
  open: readonly PreviewCallback[],
): PolicyPreview {
  const statesInForce = emptyCounts();
  const statesProposed = emptyCounts();
  let stateChanged = 0;
  let attemptsChanged = 0;
  for (const cb of open) {
    const before = slaStateAt(slaTransitions(slaInputFor(cb, cb.customer, inForce), inForce), at);
    const after = slaStateAt(slaTransitions(slaInputFor(cb, cb.customer, proposed), proposed), at);
    statesInForce[before] += 1;
    statesProposed[after] += 1;
    if (before !== after) stateChanged += 1;
    if (allowedAttempts(cb, inForce) !== allowedAttempts(cb, proposed)) attemptsChanged += 1;
  }
  const urgencies: Urgency[] = ['urgent', 'non-urgent'];
  return {
    at,
    changes: policyChanges(inForce, proposed),
    newCallbacks: urgencies.map((urgency) => ({
      urgency,
      dueInForce: dueAt(at, urgency, inForce),
      dueProposed: dueAt(at, urgency, proposed),
    })),
    open: { total: open.length, statesInForce, statesProposed, stateChanged, attemptsChanged },
  };
}
