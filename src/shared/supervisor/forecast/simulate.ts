import { MINUTE_MS, type Policy } from '../../domain/policy';
import type { SlaTransitions, Urgency } from '../../domain/sla';
import type { HoursTimeline } from './hours-timeline';
import { MinHeap } from './min-heap';
import { RiskQueue } from './risk-queue';

/** One callback as the simulation sees it: when its next attempt may start and how many remain. */
export interface WorkItem {
  id: string;
  urgency: Urgency;
  dueAt: number;
  /** Earliest start of the next attempt (the retry gap, a scheduled slot, or its creation). */
  readyAt: number;
  /** 1-based number of the next attempt. */
  attemptNumber: number;
  allowedAttempts: number;
  /** A callback the arrival rate predicts, not one that exists. */
  projected: boolean;
  /**
   * When its SLA state worsens (callable time, the customer's zones), as of the forecast's
   * start. A retry keeps them: one fewer attempt left and a later start roughly cancel, and
   * recomputing per simulated attempt would cost seconds over the many runs of a forecast.
   */
  sla: SlaTransitions;
}

export interface SimulationSettings {
  now: number;
  horizonEnd: number;
  agents: number;
  handleMs: number;
  /** Share of attempts that do not reach the customer (0–1). */
  unreachedShare: number;
  timeline: HoursTimeline;
  policy: Policy;
}

export interface SimulationResult {
  /** When each callback closes (reached, or out of attempts); missing = not within the horizon. */
  closeAt: Map<string, number>;
  /** Ids that breach: still open at their due time, with due time within the horizon. */
  breaches: Set<string>;
  attempts: number;
}

/**
 * Deterministic failure pattern: attempt j (1-based) fails when the running count of
 * failures floor(j × share) steps up — the share, spread evenly, no randomness.
 */
export function attemptFails(j: number, share: number): boolean {
  return Math.floor(j * share) > Math.floor((j - 1) * share);
}

const byReady = (a: WorkItem, b: WorkItem) =>
  a.readyAt < b.readyAt || (a.readyAt === b.readyAt && a.id < b.id);

/**
 * Agents work callbacks in SLA-risk order (the worklist's order: overdue, due
 * today, at risk, on track by the SLA rule; earlier due first) during callback
 * hours. Each agent takes the riskiest ready callback the moment it is free, spends
 * the handle time on one attempt; a failed attempt makes the callback ready again
 * after the policy's retry gap, until its attempts run out. The ready callbacks
 * wait in a RiskQueue — O(log n) per attempt.
 */
export function simulate(items: readonly WorkItem[], s: SimulationSettings): SimulationResult {
  const closeAt = new Map<string, number>();
  const pending = new MinHeap<WorkItem>(byReady);
  const ready = new RiskQueue<WorkItem>();
  for (const item of items) pending.push({ ...item });
  const agents = new MinHeap<number>((a, b) => a < b);
  for (let i = 0; i < s.agents; i++) agents.push(s.now);
  const retryMs = s.policy.attempts.retryEarliestMinutes * MINUTE_MS;
  let attempts = 0;

  for (let free = agents.pop(); free !== undefined; free = agents.pop()) {
    const start = s.timeline.startFor(free, s.handleMs);
    // The earliest free agent is past the horizon: so is everyone else.
    if (start >= s.horizonEnd) break;
    for (let next = pending.peek(); next && next.readyAt <= start; next = pending.peek()) {
      pending.pop();
      ready.push(next, start);
    }
    const item = ready.pop(start);
    if (!item) {
      const next = pending.peek();
      if (!next) break;
      agents.push(next.readyAt);
      continue;
    }
    const end = start + s.handleMs;
    attempts += 1;
    if (!attemptFails(attempts, s.unreachedShare) || item.attemptNumber >= item.allowedAttempts) {
      closeAt.set(item.id, end);
    } else {
      item.attemptNumber += 1;
      item.readyAt = end + retryMs;
      pending.push(item);
    }
    agents.push(end);
  }

  const breaches = new Set<string>();
  for (const item of items) {
    if (item.dueAt > s.horizonEnd) continue;
    const closed = closeAt.get(item.id);
    if (closed === undefined || closed > item.dueAt) breaches.add(item.id);
  }
  return { closeAt, breaches, attempts };
}
