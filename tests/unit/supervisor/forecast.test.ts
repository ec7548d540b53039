import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  HOUR_MS,
  MINUTE_MS,
  parsePolicy,
  type Policy,
} from '../../../src/shared/domain/policy';
import { forecastBreaches, type ForecastSettings } from '../../../src/shared/supervisor/forecast/forecast';
import { attemptFails } from '../../../src/shared/supervisor/forecast/simulate';
import { ny } from '../domain/helpers';
import { callback } from './fixtures';

const WED_10 = ny('2025-03-12 10:00');
const run = (
  cbs: ReturnType<typeof callback>[],
  settings: ForecastSettings,
  now: number,
  policy: Policy = DEFAULT_POLICY,
) => {
  const result = forecastBreaches(cbs, settings, now, policy);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const urgentDue = (id: string, due: number) => callback(id, { dueAt: due, createdAt: due - 72 * HOUR_MS });

describe('breach forecast', () => {
  it('no backlog: no breaches, nothing to prevent', () => {
    const f = run([], { agentsOnShift: 3, averageHandleMinutes: 20 }, WED_10);
    expect(f.counts.total).toBe(0);
    expect(f.breaches).toEqual([]);
    expect(f.prevention).toBeNull();
    expect(f.clearsAt).toBe(WED_10);
  });

  it('10 urgent callbacks due in 2 hours, 1 agent, 30 minutes each: 6 breach; 2 more agents (4 agent-hours) prevent it', () => {
    const cbs = Array.from({ length: 10 }, (_, i) => urgentDue(`cb-${i}`, WED_10 + 2 * HOUR_MS));
    const f = run(cbs, { agentsOnShift: 1, averageHandleMinutes: 30 }, WED_10);
    expect(f.counts).toEqual({ 'already-overdue': 0, capacity: 6, hours: 0, total: 6 });
    // Four close by 12:00 (10:30, 11:00, 11:30, 12:00 — on time); the fifth at 12:30.
    expect(f.breaches.map((b) => b.projectedCloseAt).sort()).toEqual(
      [12.5, 13, 13.5, 14, 14.5, 15].map((h) => WED_10 + (h - 10) * HOUR_MS),
    );
    expect(f.breaches.every((b) => b.dueAt === WED_10 + 2 * HOUR_MS && b.cause === 'capacity')).toBe(true);
    expect(f.prevention).toEqual({ extraAgents: 2, agentHours: 4, until: WED_10 + 2 * HOUR_MS });
    const staffed = run(cbs, { agentsOnShift: 3, averageHandleMinutes: 30 }, WED_10);
    expect(staffed.counts.total).toBe(0);
  });

  it('works the riskiest first: an urgent callback due sooner beats an older non-urgent one', () => {
    const cbs = [
      callback('later', { urgency: 'non-urgent', dueAt: WED_10 + 3 * HOUR_MS }),
      urgentDue('sooner', WED_10 + HOUR_MS),
    ];
    const f = run(cbs, { agentsOnShift: 1, averageHandleMinutes: 60 }, WED_10);
    expect(f.counts.total).toBe(0);
  });

  it('works by the SLA rule: a customer whose callable time runs out today comes before an earlier due time', () => {
    // Due Thursday 13:00 in Hawaii: Thursday's window there opens at 14:00 New York, so today is the last.
    const hawaii = callback('hawaii', { dueAt: ny('2025-03-13 13:00') }, ['Pacific/Honolulu']);
    // Due an hour earlier in New York, with Thursday morning still callable: on track.
    const newYork = callback('new-york', { dueAt: ny('2025-03-13 12:00') }, ['America/New_York']);
    // One attempt fills the rest of today's hours: whoever goes first is on time, the other is not.
    const f = run([newYork, hawaii], { agentsOnShift: 1, averageHandleMinutes: 8.5 * 60 }, WED_10);
    expect(f.breaches.map((b) => b.callbackId)).toEqual(['new-york']);
  });

  it('over a weekend: Friday evening hours only, and what is created after closing cannot be saved', () => {
    const fri17 = ny('2025-03-14 17:00');
    const satNoon = ny('2025-03-15 12:00');
    const cbs = [
      ...Array.from({ length: 5 }, (_, i) => urgentDue(`cb-${i}`, satNoon)),
      callback('late', { dueAt: satNoon, createdAt: ny('2025-03-14 18:45') }),
    ];
    const f = run(cbs, { agentsOnShift: 1, averageHandleMinutes: 30 }, fri17);
    // 17:00, 17:30 and 18:00 fit before the 18:30 close; the rest waits for Monday.
    expect(f.counts).toEqual({ 'already-overdue': 0, capacity: 2, hours: 1, total: 3 });
    // Monday from 07:00 the agent works the two overdue ones first (same due time, id order), then it.
    expect(f.breaches.find((b) => b.callbackId === 'late')?.projectedCloseAt).toBe(ny('2025-03-17 08:30'));
    // One more agent for the 90 open minutes left before the Saturday due time.
    expect(f.prevention).toEqual({ extraAgents: 1, agentHours: 1.5, until: satNoon });
  });

  it('callback hours come from the policy', () => {
    const parsed = parsePolicy({
      ...DEFAULT_POLICY,
      callbackHours: { ...DEFAULT_POLICY.callbackHours, daily: { start: '09:00', end: '12:00' } },
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const now = ny('2025-03-12 11:00');
    const cbs = Array.from({ length: 4 }, (_, i) => urgentDue(`cb-${i}`, ny('2025-03-12 14:00')));
    expect(run(cbs, { agentsOnShift: 1, averageHandleMinutes: 30 }, now, parsed.value).counts.total).toBe(2);
    expect(run(cbs, { agentsOnShift: 1, averageHandleMinutes: 30 }, now).counts.total).toBe(0);
  });

  it('a failed attempt waits the policy retry gap before the next one', () => {
    const settings = { agentsOnShift: 1, averageHandleMinutes: 30, unreachedShare: 1 };
    // Attempt 1 10:00–10:30 fails, attempt 2 from 11:30 ends 12:00: closed as unable to reach.
    expect(run([urgentDue('a', WED_10 + 3 * HOUR_MS)], settings, WED_10).counts.total).toBe(0);
    const f = run([urgentDue('b', WED_10 + 105 * MINUTE_MS)], settings, WED_10);
    expect(f.breaches).toMatchObject([
      { callbackId: 'b', cause: 'hours', projectedCloseAt: WED_10 + 2 * HOUR_MS },
    ]);
    expect(f.prevention).toBeNull();
  });

  it('overdue callbacks are reported as already overdue', () => {
    const f = run(
      [urgentDue('old', WED_10 - HOUR_MS)],
      { agentsOnShift: 1, averageHandleMinutes: 30 },
      WED_10,
    );
    expect(f.breaches).toMatchObject([{ callbackId: 'old', cause: 'already-overdue' }]);
  });

  it('arrivals add projected callbacks; without agents the urgent ones breach', () => {
    const f = run(
      [],
      {
        agentsOnShift: 0,
        averageHandleMinutes: 30,
        arrivals: { perOpenHour: 2, urgentShare: 0.5 },
        horizonHours: 80,
      },
      WED_10,
    );
    expect(f.projectedArrivals).toBeGreaterThan(0);
    expect(f.breaches.length).toBeGreaterThan(0);
    expect(f.breaches.every((b) => b.projected && b.urgency === 'urgent' && b.cause === 'capacity')).toBe(
      true,
    );
    expect(f.prevention?.extraAgents).toBe(1);
  });

  it('is deterministic', () => {
    const cbs = Array.from({ length: 40 }, (_, i) =>
      urgentDue(`cb-${i}`, WED_10 + (i % 7) * HOUR_MS + HOUR_MS),
    );
    const settings = { agentsOnShift: 2, averageHandleMinutes: 25, unreachedShare: 0.3 };
    expect(run(cbs, settings, WED_10)).toEqual(run(cbs, settings, WED_10));
  });

  it('refuses bad settings with a reason', () => {
    const bad = forecastBreaches([], { agentsOnShift: -1, averageHandleMinutes: 30 }, WED_10, DEFAULT_POLICY);
    expect(bad).toMatchObject({ ok: false, error: { code: 'forecast.bad_agents' } });
    const noTime = forecastBreaches(
      [],
      { agentsOnShift: 1, averageHandleMinutes: 0 },
      WED_10,
      DEFAULT_POLICY,
    );
    expect(noTime).toMatchObject({ ok: false, error: { code: 'forecast.bad_handle_time' } });
  });

  it('spreads an assumed share evenly', () => {
    const fails = Array.from({ length: 10 }, (_, i) => attemptFails(i + 1, 0.3)).filter(Boolean).length;
    expect(fails).toBe(3);
    expect(attemptFails(1, 0)).toBe(false);
    expect(attemptFails(1, 1)).toBe(true);
  });
});
