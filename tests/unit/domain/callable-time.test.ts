import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDateOf, isOpen } from '../../../src/shared/domain/calendar/business-calendar';
import { callableOnDay, CallableTimeline } from '../../../src/shared/domain/callable-time';
import type { AttemptRecord } from '../../../src/shared/domain/attempts';
import { slaInputFor } from '../../../src/shared/domain/sla-input';
import { DEFAULT_POLICY, HOUR_MS, MINUTE_MS, type Policy } from '../../../src/shared/domain/policy';
import {
  slaStateAt,
  assessSla,
  slaTransitions,
  SLA_STATES,
  type SlaInput,
  type SlaState,
} from '../../../src/shared/domain/sla';
import { sameDate, zonedParts } from '../../../src/shared/domain/time/zoned';
import { ny } from './helpers';

const policy = DEFAULT_POLICY;
const day = (text: string) => businessDateOf(ny(`${text} 12:00`), policy);

describe('callable time: callback hours ∩ the customer’s local hours', () => {
  it('is callback hours alone when no zone is known, nothing on weekends and holidays', () => {
    expect(callableOnDay(day('2026-12-04'), [], policy)).toEqual([
      { start: ny('2026-12-04 07:00'), end: ny('2026-12-04 18:30') },
    ]);
    expect(callableOnDay(day('2026-12-05'), [], policy)).toEqual([]); // Saturday
    expect(callableOnDay(day('2026-11-26'), [], policy)).toEqual([]); // Thanksgiving
  });

  it('starts at 08:00 where the customer is (Pacific, Hawaii) and wraps for Guam', () => {
    expect(callableOnDay(day('2026-12-04'), ['America/Los_Angeles'], policy)).toEqual([
      { start: ny('2026-12-04 11:00'), end: ny('2026-12-04 18:30') },
    ]);
    expect(callableOnDay(day('2026-12-04'), ['Pacific/Honolulu'], policy)).toEqual([
      { start: ny('2026-12-04 13:00'), end: ny('2026-12-04 18:30') },
    ]);
    // Guam is 15 hours ahead of New York in winter: its 08:00 is New York's 17:00.
    expect(callableOnDay(day('2026-12-04'), ['Pacific/Guam'], policy)).toEqual([
      { start: ny('2026-12-04 17:00'), end: ny('2026-12-04 18:30') },
    ]);
  });

  it('is the union over the customer’s numbers', () => {
    expect(callableOnDay(day('2026-12-04'), ['Pacific/Honolulu', 'America/Los_Angeles'], policy)).toEqual([
      { start: ny('2026-12-04 11:00'), end: ny('2026-12-04 18:30') },
    ]);
  });

  it('counts callable time and finds the last window before a due time', () => {
    const timeline = new CallableTimeline(ny('2026-12-04 06:40'), [], policy); // Friday
    expect(timeline.callableMsUntil(ny('2026-12-07 06:33'))).toBe(11.5 * HOUR_MS);
    expect(timeline.lastBefore(ny('2026-12-07 06:33'))).toEqual({
      start: ny('2026-12-04 07:00'),
      end: ny('2026-12-04 18:30'),
    });
    expect(timeline.callableMsUntil(ny('2026-12-07 08:00'))).toBe(12.5 * HOUR_MS);
  });
});

describe('SLA state counts callable time (the issue’s Friday example)', () => {
  it('an urgent callback created Friday 06:33 is due today, not "on track, 2 d 23 h"', () => {
    const item: SlaInput = { dueAt: ny('2026-12-07 06:33'), urgency: 'urgent' };
    const status = assessSla(item, ny('2026-12-04 06:40'), policy);
    expect(status).toMatchObject({ state: 'due-today', reason: 'last-window-today' });
    expect(status.lastWindow).toEqual({ start: ny('2026-12-04 07:00'), end: ny('2026-12-04 18:30') });
    // After Friday's close nothing callable is left before Monday 06:33.
    expect(assessSla(item, ny('2026-12-05 10:00'), policy)).toMatchObject({
      state: 'due-today',
      reason: 'no-callable-time',
      callableMsLeft: 0,
    });
  });

  it('is at risk when the two attempts 60–90 minutes apart no longer fit', () => {
    // Due Tuesday 07:30; on Monday 18:00 only 30 minutes Monday + 30 minutes Tuesday remain.
    const item: SlaInput = { dueAt: ny('2026-12-08 07:30'), urgency: 'urgent', attemptsLeft: 2 };
    const monday = assessSla(item, ny('2026-12-07 09:00'), policy);
    expect(monday.state).toBe('at-risk'); // 10 h left < 12 h
    const oneAttempt = assessSla({ ...item, attemptsLeft: 1 }, ny('2026-12-07 18:20'), policy);
    expect(oneAttempt.state).toBe('at-risk');
    // 18:20 and then Tuesday 07:00 still fit; from 18:30 the first attempt is Tuesday 07:00 and
    // the second (60 minutes later) would be after the due time.
    expect(assessSla(item, ny('2026-12-07 18:20'), policy).reason).toBe('little-callable-time');
    expect(assessSla(item, ny('2026-12-07 18:40'), policy)).toMatchObject({
      state: 'at-risk',
      reason: 'attempts-do-not-fit',
    });
  });

  it('knows a customer in Hawaii can only be called from 13:00 New York time', () => {
    const item: SlaInput = { dueAt: ny('2026-12-04 12:00'), urgency: 'urgent', zones: ['Pacific/Honolulu'] };
    // Thursday: Honolulu's hours run 13:00–18:30 New York time; Friday's window opens after the due time.
    expect(assessSla(item, ny('2026-12-03 08:00'), policy)).toMatchObject({ state: 'due-today' });
    // Without the customer's zone: 10.5 h Thursday + 5 h Friday, more than the 12 h at-risk threshold.
    expect(assessSla({ ...item, zones: [] }, ny('2026-12-03 08:00'), policy).state).toBe('on-track');
  });
});

/**
 * The reference answer, computed independently: minute by minute, with the
 * calendar's isOpen and the customer's wall clock, then the rule as written in
 * docs/domain.md (greedy attempts forward from now).
 */
function referenceState(item: SlaInput, now: number, p: Policy): SlaState {
  if (now >= item.dueAt) return 'overdue';
  const zones = item.zones ?? [];
  const local = (t: number, zone: string) => {
    const parts = zonedParts(t, zone);
    const minute = parts.hour * 60 + parts.minute;
    return minute >= 8 * 60 && minute < 21 * 60;
  };
  const callable = (t: number) => isOpen(t, p) && (zones.length === 0 || zones.some((z) => local(t, z)));
  const minutes: number[] = [];
  for (let t = now; t < item.dueAt; t += MINUTE_MS) if (callable(t)) minutes.push(t);
  const last = minutes[minutes.length - 1];
  if (last === undefined || sameDate(businessDateOf(last, p), businessDateOf(now, p))) return 'due-today';
  let at = Math.max(now, item.earliestNextAttempt ?? now);
  for (let n = 0; n < (item.attemptsLeft ?? 1); n++) {
    const slot = minutes.find((m) => m >= at);
    if (slot === undefined) return 'at-risk';
    at = slot + p.attempts.retryEarliestMinutes * MINUTE_MS;
  }
  const threshold = item.urgency === 'urgent' ? p.sla.urgentAtRiskHours : p.sla.nonUrgentAtRiskHours;
  return minutes.length * MINUTE_MS < threshold * HOUR_MS ? 'at-risk' : 'on-track';
}

const zoneSets = fc.constantFrom<readonly string[]>(
  [],
  ['America/New_York'],
  ['America/Los_Angeles'],
  ['Pacific/Honolulu'],
  ['Pacific/Guam'],
  ['America/Chicago', 'Pacific/Honolulu'],
);
// Minute-aligned instants from Oct 2026 to Apr 2027 (two DST changes, Thanksgiving, Christmas, New Year).
const instant = fc.integer({ min: 0, max: 180 * 24 * 60 }).map((m) => ny('2026-10-01 00:00') + m * MINUTE_MS);

describe('SLA transitions (property)', () => {
  it('the state from precomputed transitions equals the minute-by-minute reference', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 3 * 24 * 60 }),
        fc.constantFrom('urgent' as const, 'non-urgent' as const),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 120 }),
        zoneSets,
        (now, minutesToDue, urgency, attemptsLeft, retryIn, zones) => {
          const item: SlaInput = {
            dueAt: now + minutesToDue * MINUTE_MS,
            urgency,
            attemptsLeft,
            earliestNextAttempt: now + retryIn * MINUTE_MS,
            zones,
          };
          expect(slaStateAt(slaTransitions(item, policy), now)).toBe(referenceState(item, now, policy));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('only ever gets worse as time passes (until the callback changes)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 20 * 24 * 60 }), zoneSets, (created, toDue, zones) => {
        const item: SlaInput = {
          dueAt: created + toDue * MINUTE_MS,
          urgency: 'non-urgent',
          attemptsLeft: 2,
          zones,
        };
        const transitions = slaTransitions(item, policy);
        let worst = SLA_STATES.length - 1;
        for (let t = created; t <= item.dueAt + HOUR_MS; t += 37 * MINUTE_MS) {
          const rank = SLA_STATES.indexOf(slaStateAt(transitions, t));
          expect(rank).toBeLessThanOrEqual(worst);
          worst = rank;
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('slaInputFor: one input for the worklist and the board', () => {
  const created = ny('2026-12-01 09:00');
  const callback = {
    createdAt: created,
    dueAt: created + 72 * HOUR_MS,
    urgency: 'urgent' as const,
    attempts: [] as AttemptRecord[],
    extraAttemptsGranted: 0,
  };

  it('takes the zones of the customer’s numbers, a number’s own zone first', () => {
    const input = slaInputFor(
      callback,
      {
        phones: [{ e164: '+13105550100' }, { e164: '+12025550100', timeZone: 'Pacific/Honolulu' }],
        timeZone: null,
      },
      policy,
    );
    expect(input.zones).toEqual(['America/Los_Angeles', 'Pacific/Honolulu']);
    expect(input.attemptsLeft).toBe(2);
    expect(slaInputFor(callback, undefined, policy).zones).toEqual([]);
    // Zones already worked out (the supervisor index keeps zones, not phones).
    expect(slaInputFor(callback, ['Pacific/Guam'], policy).zones).toEqual(['Pacific/Guam']);
  });
});

describe('the last callable window, as the screens say it', () => {
  it('is part of the transitions and does not depend on now', () => {
    const item: SlaInput = { dueAt: ny('2026-12-07 06:33'), urgency: 'urgent' };
    const friday = { start: ny('2026-12-04 07:00'), end: ny('2026-12-04 18:30') };
    expect(slaTransitions(item, policy).lastWindow).toEqual(friday);
    // The same window the assessment finds before it opens.
    expect(assessSla(item, ny('2026-12-04 06:40'), policy).lastWindow).toEqual(friday);
  });

  it('ends at the due time when it falls inside the window, else is the day before', () => {
    expect(slaTransitions({ dueAt: ny('2026-12-04 10:00'), urgency: 'urgent' }, policy).lastWindow).toEqual({
      start: ny('2026-12-04 07:00'),
      end: ny('2026-12-04 10:00'),
    });
    expect(
      slaTransitions({ dueAt: ny('2026-12-04 05:00'), urgency: 'urgent', zones: [] }, policy).lastWindow?.end,
    ).toBe(ny('2026-12-03 18:30'));
  });
});
