import { z } from 'zod';
import { callableBackward, CallableTimeline, type CallableWindow, type Interval } from './callable-time';
import { DAY_MS, HOUR_MS, MINUTE_MS, type Policy } from './policy';

/**
 * The SLA clock (PRODUCT.md rule 1). Creation time is the server's; the due time
 * is elapsed time from it (72 h urgent, 14 × 24 h non-urgent), which keeps due
 * times monotonic in creation time even across DST changes.
 */
export const urgencySchema = z.enum(['urgent', 'non-urgent']);
export type Urgency = z.infer<typeof urgencySchema>;

export const SLA_STATES = ['overdue', 'due-today', 'at-risk', 'on-track'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export function dueAt(createdAt: number, urgency: Urgency, policy: Policy): number {
  return urgency === 'urgent'
    ? createdAt + policy.sla.urgentDueHours * HOUR_MS
    : createdAt + policy.sla.nonUrgentDueDays * DAY_MS;
}

/** Why a callback has its state, in words the screens turn into a sentence. */
export const SLA_REASONS = [
  'past-due',
  /** No callable time is left before the due time: it will be late whatever the agent does. */
  'no-callable-time',
  /** The last callable window before the due time is today's. */
  'last-window-today',
  /** The attempts still needed (60–90 minutes apart) no longer fit before the due time. */
  'attempts-do-not-fit',
  /** Less callable time is left than the policy's at-risk hours. */
  'little-callable-time',
  'enough-time',
] as const;
export type SlaReason = (typeof SLA_REASONS)[number];

export interface SlaInput {
  dueAt: number;
  urgency: Urgency;
  /** Attempts still allowed and needed (default 1). */
  attemptsLeft?: number;
  /** The next attempt may not start before this (a retry's earliest time). */
  earliestNextAttempt?: number;
  /** The customer's zones (one per phone); none means callback hours alone. */
  zones?: readonly string[];
}

export interface SlaStatus {
  state: SlaState;
  /** Milliseconds until due; negative once overdue. */
  remainingMs: number;
  /** Callable milliseconds left before the due time (callback hours ∩ customer-local hours). */
  callableMsLeft: number;
  /** The last callable window before the due time (its end clipped to it); null when none is left. */
  lastWindow: Interval | null;
  reason: SlaReason;
}

/**
 * When a callback's SLA state gets worse, as instants that do not depend on `now`:
 * callable time only shrinks as time passes, so the state only ever worsens until
 * the callback's data changes (an attempt, a new phone, a policy). 0 means "from the
 * start". Ranking 50,000 callbacks is then a comparison per callback, and the lead's
 * board can count states from sorted instants.
 */
export interface SlaTransitions {
  /** At risk from here on: too little callable time left, or the attempts no longer fit. */
  atRiskFrom: number;
  /** Only the attempts-do-not-fit part of atRiskFrom (to say why). */
  attemptsMissFrom: number;
  /** Due today from here on: midnight (policy zone) of the last callable window's day. */
  dueTodayFrom: number;
  overdueFrom: number;
  /**
   * The last callable window before the due time (its end clipped to it), null when
   * none is left at all: what the screens say ("last callable window: today until 18:30").
   * A window that has already begun is still this window, so it too holds for every `now`.
   */
  lastWindow: Interval | null;
}

/**
 * The SLA rule (PRODUCT.md rule 1 with rule 3's hours), counting CALLABLE time —
 * callback hours ∩ the customer's local hours ∩ business days — not wall-clock time:
 * - overdue: the due time has passed;
 * - due today: the last callable window before the due time is today's, or none is
 *   left at all (it will be late; the lead must know today);
 * - at risk: less callable time left than the policy's at-risk hours (per urgency),
 *   or the attempts still needed, the policy's retry gap apart, no longer fit;
 * - on track otherwise.
 */
export function slaTransitions(item: SlaInput, policy: Policy): SlaTransitions {
  const zones = item.zones ?? [];
  const due = item.dueAt;
  const threshold =
    (item.urgency === 'urgent' ? policy.sla.urgentAtRiskHours : policy.sla.nonUrgentAtRiskHours) * HOUR_MS;
  let last: CallableWindow | undefined;
  let littleFrom = FROM_THE_START;
  let left = 0;
  for (const window of callableBackward(due, zones, policy)) {
    last ??= window;
    const length = window.end - window.start;
    if (left + length < threshold) {
      left += length;
      continue;
    }
    // From just after this point, less than `threshold` of callable time is left.
    littleFrom = window.end - (threshold - left) + 1;
    break;
  }
  const dueTodayFrom = last ? last.dayStart : FROM_THE_START;
  const attemptsMissFrom = attemptsMissFromOf(item, policy);
  const dueToday = Math.min(dueTodayFrom, due);
  return {
    atRiskFrom: Math.min(littleFrom, attemptsMissFrom, dueToday),
    attemptsMissFrom,
    dueTodayFrom: dueToday,
    overdueFrom: due,
    lastWindow: last ? { start: last.start, end: last.end } : null,
  };
}

/** SlaTransitions on the wire (a worklist row, a drill-down item): a countdown then needs no zones. */
export const slaTransitionsSchema = z.object({
  atRiskFrom: z.number(),
  attemptsMissFrom: z.number(),
  dueTodayFrom: z.number(),
  overdueFrom: z.number(),
  lastWindow: z.object({ start: z.number(), end: z.number() }).nullable(),
});

/** "From the start": any instant before every real now (JSON- and SQLite-safe, unlike -Infinity). */
export const FROM_THE_START = 0;

/**
 * The attempts still needed fit when the first can start at or before the latest
 * feasible start: placed backwards from the due time, each at the latest callable
 * instant at least the retry gap before the next. From one ms after it they miss.
 */
function attemptsMissFromOf(item: SlaInput, policy: Policy): number {
  const count = Math.max(1, item.attemptsLeft ?? 1);
  const gap = policy.attempts.retryEarliestMinutes * MINUTE_MS;
  const windows = callableBackward(item.dueAt, item.zones ?? [], policy);
  let window = windows.next();
  let latest = item.dueAt - 1;
  for (let n = 0; n < count; n++) {
    while (!window.done && window.value.start > latest) window = windows.next();
    if (window.done) return FROM_THE_START;
    latest = Math.min(window.value.end - 1, latest) - (n < count - 1 ? gap : 0);
  }
  const latestStart = latest;
  if ((item.earliestNextAttempt ?? FROM_THE_START) > latestStart) return FROM_THE_START;
  return latestStart + 1;
}

/**
 * Transitions as plain data, for what leaves the process (a worklist page crosses IPC):
 * an entry of the desktop's worklist snapshot is its own transitions object and reads
 * them from its columns through getters, which a structured clone would not keep.
 */
export function transitionsData(t: SlaTransitions): SlaTransitions {
  return {
    atRiskFrom: t.atRiskFrom,
    attemptsMissFrom: t.attemptsMissFrom,
    dueTodayFrom: t.dueTodayFrom,
    overdueFrom: t.overdueFrom,
    lastWindow: t.lastWindow,
  };
}

/** The state at `now` from precomputed transitions. */
export function slaStateAt(transitions: SlaTransitions, now: number): SlaState {
  if (now >= transitions.overdueFrom) return 'overdue';
  if (now >= transitions.dueTodayFrom) return 'due-today';
  if (now >= transitions.atRiskFrom) return 'at-risk';
  return 'on-track';
}

/**
 * Where a callback stands against its SLA at `now` (the rule: slaTransitions), with
 * what a screen says about it: callable time left, the last callable window, why.
 */
export function assessSla(item: SlaInput, now: number, policy: Policy): SlaStatus {
  const transitions = slaTransitions(item, policy);
  const state = slaStateAt(transitions, now);
  const remainingMs = item.dueAt - now;
  if (state === 'overdue') {
    return { state, remainingMs, callableMsLeft: 0, lastWindow: null, reason: 'past-due' };
  }
  const timeline = new CallableTimeline(now, item.zones ?? [], policy);
  const callableMsLeft = timeline.callableMsUntil(item.dueAt);
  const lastWindow = timeline.lastBefore(item.dueAt) ?? null;
  const reason: SlaReason =
    state === 'due-today'
      ? lastWindow
        ? 'last-window-today'
        : 'no-callable-time'
      : state === 'at-risk'
        ? now >= transitions.attemptsMissFrom
          ? 'attempts-do-not-fit'
          : 'little-callable-time'
        : 'enough-time';
  return { state, remainingMs, callableMsLeft, lastWindow, reason };
}

/** Sort key for "sorted by SLA risk": severity first, then the earlier due time. */
export function slaRiskOrder(
  a: { state: SlaState; dueAt: number },
  b: { state: SlaState; dueAt: number },
): number {
  return SLA_STATES.indexOf(a.state) - SLA_STATES.indexOf(b.state) || a.dueAt - b.dueAt;
}
