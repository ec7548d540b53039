import { allowedAttempts, isReached } from '../../domain/attempts';
import { openMinutesBetween } from '../../domain/calendar/business-calendar';
import { DAY_MS, HOUR_MS, MINUTE_MS, type Policy } from '../../domain/policy';
import { err, ok, type Result } from '../../domain/result';
import { dueAt as slaDueAt, slaTransitions, type Urgency } from '../../domain/sla';
import { slaInputFor } from '../../domain/sla-input';
import type { SupervisedCallback } from '../supervised-callback';
import { hoursTimeline, type HoursTimeline } from './hours-timeline';
import {
  attemptFails,
  simulate,
  type SimulationResult,
  type SimulationSettings,
  type WorkItem,
} from './simulate';

/** The open callbacks' fields the forecast reads. */
export type ForecastCallback = Pick<
  SupervisedCallback,
  | 'id'
  | 'urgency'
  | 'status'
  | 'createdAt'
  | 'dueAt'
  | 'attempts'
  | 'extraAttemptsGranted'
  | 'scheduledSlot'
  | 'zones'
  | 'sla'
>;

export interface ForecastSettings {
  /** Agents working callbacks through the coming callback hours. */
  agentsOnShift: number;
  /** Minutes one attempt takes, wrap-up included. */
  averageHandleMinutes: number;
  /** Share of attempts that do not reach the customer (0–1); 0 = every next attempt closes its callback. */
  unreachedShare?: number;
  /** New callbacks per open hour (and the urgent share of them); none when absent. */
  arrivals?: { perOpenHour: number; urgentShare: number } | null;
  /**
   * How far to look; default: the latest due time among the callbacks, and at least one
   * urgent SLA period (policy) ahead, at most MAX_HORIZON_DAYS.
   */
  horizonHours?: number;
}

export type BreachCause = 'already-overdue' | 'capacity' | 'hours';

export interface ForecastBreach {
  callbackId: string;
  urgency: Urgency;
  /** The breach happens at the due time. */
  dueAt: number;
  /** When the simulation closes it; null = not within the horizon. */
  projectedCloseAt: number | null;
  /**
   * already-overdue: due before now. hours: breaches even with unlimited agents (no
   * callback hours or retry gap left before the due time). capacity: preventable.
   */
  cause: BreachCause;
  projected: boolean;
}

export interface Forecast {
  at: number;
  horizonEnd: number;
  settings: {
    agentsOnShift: number;
    averageHandleMinutes: number;
    unreachedShare: number;
    arrivals: { perOpenHour: number; urgentShare: number } | null;
  };
  openCallbacks: number;
  projectedArrivals: number;
  /** Every breach within the horizon, earliest first (at most MAX_LISTED_BREACHES listed). */
  breaches: ForecastBreach[];
  counts: Record<BreachCause, number> & { total: number };
  /** Extra capacity that prevents every capacity breach; null when there is none to prevent. */
  prevention: { extraAgents: number; agentHours: number; until: number } | null;
  /** When the last callback closes at current staffing; null when not all close within the horizon. */
  clearsAt: number | null;
}

export const MAX_HORIZON_DAYS = 31;
export const MAX_LISTED_BREACHES = 1000;
/** Guards the simulation size (arrivals × horizon). */
export const MAX_FORECAST_ITEMS = 200_000;

function validate(settings: ForecastSettings): Result<void> {
  const { agentsOnShift, averageHandleMinutes, unreachedShare, arrivals, horizonHours } = settings;
  if (!Number.isInteger(agentsOnShift) || agentsOnShift < 0)
    return err('forecast.bad_agents', 'Agents on shift must be a whole number of 0 or more.');
  if (!(averageHandleMinutes > 0) || averageHandleMinutes > DAY_MS / MINUTE_MS)
    return err(
      'forecast.bad_handle_time',
      'Average handle time must be more than 0 minutes and at most a day.',
    );
  if (unreachedShare !== undefined && !(unreachedShare >= 0 && unreachedShare <= 1))
    return err('forecast.bad_unreached_share', 'The unreached share must be between 0 and 1.');
  if (arrivals && (!(arrivals.perOpenHour >= 0) || !(arrivals.urgentShare >= 0 && arrivals.urgentShare <= 1)))
    return err(
      'forecast.bad_arrivals',
      'Arrivals need a rate of 0 or more per hour and an urgent share between 0 and 1.',
    );
  if (horizonHours !== undefined && !(horizonHours > 0 && horizonHours <= MAX_HORIZON_DAYS * 24))
    return err(
      'forecast.bad_horizon',
      `The horizon must be more than 0 hours and at most ${MAX_HORIZON_DAYS} days.`,
    );
  return ok(undefined);
}

/**
 * The next attempt of an open callback, as attemptPlan would plan it (a unit test
 * holds them equal), without fitting the window into hours — the timeline does that.
 */
export function workItemFor(cb: ForecastCallback, now: number, policy: Policy): WorkItem | null {
  if (cb.status !== 'open' || cb.attempts.some((a) => isReached(a.outcome))) return null;
  const made = cb.attempts.length;
  const allowed = allowedAttempts(cb, policy);
  if (made >= allowed) return null;
  const last = cb.attempts[made - 1];
  const earliest = last
    ? last.at + policy.attempts.retryEarliestMinutes * MINUTE_MS
    : cb.scheduledSlot
      ? cb.scheduledSlot.start
      : cb.createdAt;
  return {
    id: cb.id,
    urgency: cb.urgency,
    dueAt: cb.dueAt,
    readyAt: Math.max(now, earliest),
    attemptNumber: made + 1,
    allowedAttempts: allowed,
    projected: false,
    // The index keeps them up to date with the callback; work them out when it did not.
    sla: cb.sla ?? slaTransitions(slaInputFor(cb, cb.zones, policy), policy),
  };
}

/** Arrivals spread evenly over the open hours; urgency by the same even-spread rule as failures. */
function projectedArrivals(
  arrivals: NonNullable<ForecastSettings['arrivals']>,
  timeline: HoursTimeline,
  horizonEnd: number,
  policy: Policy,
): WorkItem[] {
  if (arrivals.perOpenHour <= 0) return [];
  const step = HOUR_MS / arrivals.perOpenHour;
  const out: WorkItem[] = [];
  for (const span of timeline.open) {
    for (let t = span.start + step; t <= Math.min(span.end, horizonEnd); t += step) {
      const n = out.length + 1;
      const urgency: Urgency = attemptFails(n, arrivals.urgentShare) ? 'urgent' : 'non-urgent';
      const createdAt = Math.round(t);
      const dueAt = slaDueAt(createdAt, urgency, policy);
      const attempts = policy.attempts.maxAttempts;
      out.push({
        id: `projected-${n}`,
        urgency,
        dueAt,
        readyAt: createdAt,
        attemptNumber: 1,
        allowedAttempts: attempts,
        projected: true,
        // A callback not yet created: no customer zones known, callback hours alone.
        sla: slaTransitions(
          { dueAt, urgency, attemptsLeft: attempts, earliestNextAttempt: createdAt },
          policy,
        ),
      });
      if (out.length >= MAX_FORECAST_ITEMS) return out;
    }
  }
  return out;
}

/**
 * Every breach at current staffing with its cause, earliest due first: already overdue,
 * hours (breaches even with unlimited agents) or capacity (preventable). `until` is the
 * due time of the last capacity breach (now when there is none).
 */
function classifyBreaches(
  items: readonly WorkItem[],
  atStaffing: SimulationResult,
  unlimited: SimulationResult,
  now: number,
): { breaches: ForecastBreach[]; counts: Forecast['counts']; until: number } {
  const byId = new Map(items.map((i) => [i.id, i]));
  const breaches: ForecastBreach[] = [];
  const counts = { 'already-overdue': 0, capacity: 0, hours: 0, total: 0 };
  let until = now;
  for (const id of atStaffing.breaches) {
    const item = byId.get(id) as WorkItem;
    const cause: BreachCause =
      item.dueAt <= now ? 'already-overdue' : unlimited.breaches.has(id) ? 'hours' : 'capacity';
    counts[cause] += 1;
    counts.total += 1;
    if (cause === 'capacity') until = Math.max(until, item.dueAt);
    breaches.push({
      callbackId: id,
      urgency: item.urgency,
      dueAt: item.dueAt,
      projectedCloseAt: atStaffing.closeAt.get(id) ?? null,
      cause,
      projected: item.projected,
    });
  }
  breaches.sort((a, b) => a.dueAt - b.dueAt || a.callbackId.localeCompare(b.callbackId));
  return { breaches, counts, until };
}

/**
 * The smallest extra agent count whose breaches are no more than unlimited capacity's,
 * and the agent-hours that means through the callback hours until `until`.
 * Binary search assumes more agents never hurt (see docs/forecast.md, limits).
 */
function smallestPrevention(
  run: (agents: number) => SimulationResult,
  agentsOnShift: number,
  unlimitedAgents: number,
  unlimited: SimulationResult,
  until: number,
  now: number,
  policy: Policy,
): NonNullable<Forecast['prevention']> {
  const target = unlimited.breaches.size;
  let lo = 1;
  let hi = unlimitedAgents - agentsOnShift;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (run(agentsOnShift + mid).breaches.size <= target) hi = mid;
    else lo = mid + 1;
  }
  const hours = openMinutesBetween(now, until, policy) / 60;
  return { extraAgents: lo, agentHours: Math.round(lo * hours * 10) / 10, until };
}

/**
 * Breach forecast (docs/forecast.md): which open callbacks will still be open at
 * their due time if the agents on shift work them in SLA-risk order through the
 * coming callback hours, and the smallest number of extra agents that prevents
 * every breach capacity can prevent. Deterministic: same inputs, same answer.
 */
export function forecastBreaches(
  callbacks: Iterable<ForecastCallback>,
  settings: ForecastSettings,
  now: number,
  policy: Policy,
): Result<Forecast> {
  const valid = validate(settings);
  if (!valid.ok) return valid;
  const existing: WorkItem[] = [];
  for (const cb of callbacks) {
    const item = workItemFor(cb, now, policy);
    if (item) existing.push(item);
  }
  if (existing.length > MAX_FORECAST_ITEMS)
    return err('forecast.too_large', `The forecast handles at most ${MAX_FORECAST_ITEMS} callbacks.`);
  const maxHorizon = now + MAX_HORIZON_DAYS * DAY_MS;
  const horizonEnd =
    settings.horizonHours !== undefined
      ? now + settings.horizonHours * HOUR_MS
      : Math.min(
          maxHorizon,
          existing.reduce((m, i) => Math.max(m, i.dueAt), now + policy.sla.urgentDueHours * HOUR_MS),
        );
  const timeline = hoursTimeline(now, horizonEnd, policy);
  const arrivals = settings.arrivals
    ? projectedArrivals(settings.arrivals, timeline, horizonEnd, policy)
    : [];
  const items = [...existing, ...arrivals];
  const base: Omit<SimulationSettings, 'agents'> = {
    now,
    horizonEnd,
    handleMs: Math.round(settings.averageHandleMinutes * MINUTE_MS),
    unreachedShare: settings.unreachedShare ?? 0,
    timeline,
    policy,
  };
  const run = (agents: number) => simulate(items, { ...base, agents });
  const atStaffing = run(settings.agentsOnShift);
  // With an agent per callback nobody ever waits: what breaches then, hours alone cause.
  const unlimitedAgents = Math.max(settings.agentsOnShift, items.length);
  const unlimited = unlimitedAgents === settings.agentsOnShift ? atStaffing : run(unlimitedAgents);

  const { breaches, counts, until } = classifyBreaches(items, atStaffing, unlimited, now);
  const prevention =
    counts.capacity > 0
      ? smallestPrevention(run, settings.agentsOnShift, unlimitedAgents, unlimited, until, now, policy)
      : null;

  let clearsAt: number | null = items.length === atStaffing.closeAt.size ? now : null;
  if (clearsAt !== null) for (const t of atStaffing.closeAt.values()) clearsAt = Math.max(clearsAt, t);
  return ok({
    at: now,
    horizonEnd,
    settings: {
      agentsOnShift: settings.agentsOnShift,
      averageHandleMinutes: settings.averageHandleMinutes,
      unreachedShare: base.unreachedShare,
      arrivals: settings.arrivals ?? null,
    },
    openCallbacks: existing.length,
    projectedArrivals: arrivals.length,
    breaches: breaches.slice(0, MAX_LISTED_BREACHES),
    counts,
    prevention,
    clearsAt,
  });
}
