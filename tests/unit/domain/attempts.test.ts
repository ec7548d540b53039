import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attemptPlan,
  attemptRecordSchema,
  callbackResolution,
  canGrantExtraAttempt,
  checkAttemptAllowed,
  type AttemptOutcome,
  type AttemptRecord,
  type CallbackAttemptState,
} from '../../../src/shared/domain/attempts';
import { businessDateOf, closingOn, isOpen } from '../../../src/shared/domain/calendar/business-calendar';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { dueAt } from '../../../src/shared/domain/sla';
import { MIN, ny } from './helpers';

const policy = DEFAULT_POLICY;

function attempt(at: number, outcome: AttemptOutcome = 'no-answer-message-left'): AttemptRecord {
  return {
    id: `a${at}`,
    at,
    agentId: 'u1',
    numberDialed: '+12025550143',
    outcome,
    messageLeft: outcome === 'no-answer-message-left',
  };
}

function callback(
  attempts: AttemptRecord[],
  extra = 0,
  createdAt = ny('2026-11-30 09:00'),
): CallbackAttemptState {
  return { createdAt, dueAt: dueAt(createdAt, 'urgent', policy), attempts, extraAttemptsGranted: extra };
}

describe('attempt policy', () => {
  it('plans the first attempt from creation to the due time', () => {
    const plan = attemptPlan(callback([]), ny('2026-11-30 09:05'), policy);
    expect(plan).toMatchObject({
      kind: 'next',
      attemptNumber: 1,
      allowedAttempts: 2,
      basis: 'creation',
      timing: 'in-window',
    });
    if (plan.kind !== 'next') throw new Error('expected next');
    expect(plan.window.earliest).toBe(ny('2026-11-30 09:00'));
    expect(plan.window.latest).toBe(ny('2026-12-03 09:00'));
  });

  it('ends the first window at the last close before a deadline that falls at night', () => {
    const created = ny('2026-11-30 20:00'); // due Thu 20:00 → really Thu 18:30
    const plan = attemptPlan(callback([], 0, created), created, policy);
    if (plan.kind !== 'next') throw new Error('expected next');
    expect(plan.window.earliest).toBe(ny('2026-12-01 07:00'));
    expect(plan.window.latest).toBe(ny('2026-12-03 18:30'));
    expect(plan.timing).toBe('too-early');
  });

  it('puts the second attempt 60–90 minutes after a failed first', () => {
    const plan = attemptPlan(callback([attempt(ny('2026-11-30 10:00'))]), ny('2026-11-30 10:30'), policy);
    expect(plan).toMatchObject({
      kind: 'next',
      attemptNumber: 2,
      basis: 'retry',
      timing: 'too-early',
      window: { earliest: ny('2026-11-30 11:00'), latest: ny('2026-11-30 11:30') },
    });
  });

  it('moves a second attempt that would fall after hours to the next opening, and says why', () => {
    const plan = attemptPlan(callback([attempt(ny('2026-11-25 17:50'))]), ny('2026-11-25 18:00'), policy);
    if (plan.kind !== 'next') throw new Error('expected next');
    expect(plan.window).toEqual({ earliest: ny('2026-11-27 07:00'), latest: ny('2026-11-27 07:30') });
    expect(plan.adjustment?.message).toBe(
      '18:50 EST is after callback hours (07:00–18:30 EST); moved to Fri 2026-11-27 07:00–07:30 EST',
    );
  });

  it('refuses a second attempt before 60 minutes, outside hours, or when none is left', () => {
    const first = ny('2026-11-30 10:00');
    const one = callback([attempt(first)]);
    expect(checkAttemptAllowed(one, first + 59 * MIN, policy)).toMatchObject({
      ok: false,
      error: { code: 'attempt.too_early' },
    });
    expect(checkAttemptAllowed(one, first + 60 * MIN, policy)).toEqual({
      ok: true,
      value: { attemptNumber: 2, late: false },
    });
    expect(checkAttemptAllowed(one, first + 3 * 60 * MIN, policy)).toEqual({
      ok: true,
      value: { attemptNumber: 2, late: true },
    });
    expect(checkAttemptAllowed(callback([]), ny('2026-11-30 19:00'), policy)).toMatchObject({
      ok: false,
      error: {
        code: 'attempt.outside_hours',
        message:
          "Callbacks can't be made now: 19:00 EST is after callback hours (07:00–18:30 EST). Callback hours open again Tue 2026-12-01 07:00 EST.",
      },
    });
    const two = callback([attempt(first), attempt(first + 70 * MIN, 'busy')]);
    const refused = checkAttemptAllowed(two, first + 200 * MIN, policy);
    expect(refused).toMatchObject({ ok: false, error: { code: 'attempt.none_left' } });
    if (!refused.ok) expect(refused.error.message).toContain('a lead may grant one more');
  });

  it('closes as unable to reach after the second failed attempt, and a lead may grant exactly one more', () => {
    const first = ny('2026-11-30 10:00');
    const two = callback([attempt(first, 'no-answer-no-message'), attempt(first + 65 * MIN, 'wrong-number')]);
    expect(callbackResolution(two, policy)).toBe('unable-to-reach');
    expect(canGrantExtraAttempt(two, policy)).toEqual({ ok: true, value: undefined });

    const granted = { ...two, extraAttemptsGranted: 1 };
    expect(callbackResolution(granted, policy)).toBe('open');
    expect(attemptPlan(granted, first + 200 * MIN, policy)).toMatchObject({ kind: 'next', attemptNumber: 3 });
    const three = { ...granted, attempts: [...granted.attempts, attempt(first + 240 * MIN, 'busy')] };
    expect(callbackResolution(three, policy)).toBe('unable-to-reach');
    expect(canGrantExtraAttempt(three, policy)).toMatchObject({
      ok: false,
      error: { code: 'attempt.grant_limit' },
    });
    expect(canGrantExtraAttempt(callback([]), policy)).toMatchObject({
      ok: false,
      error: { code: 'attempt.grant_not_needed' },
    });
  });

  it('completes when the customer is reached, and refuses further attempts', () => {
    const reached = callback([attempt(ny('2026-11-30 10:00'), 'reached-follow-up')]);
    expect(callbackResolution(reached, policy)).toBe('completed');
    expect(checkAttemptAllowed(reached, ny('2026-11-30 12:00'), policy)).toMatchObject({
      ok: false,
      error: { code: 'attempt.completed' },
    });
  });

  it('places the first attempt inside a customer-chosen slot', () => {
    const state = {
      ...callback([]),
      scheduledSlot: { start: ny('2026-12-01 14:00'), end: ny('2026-12-01 14:30') },
    };
    const tooSoon = checkAttemptAllowed(state, ny('2026-12-01 13:00'), policy);
    expect(tooSoon).toMatchObject({ ok: false, error: { code: 'attempt.too_early' } });
    expect(checkAttemptAllowed(state, ny('2026-12-01 14:10'), policy)).toMatchObject({ ok: true });
  });

  it('rejects an attempt record whose message flag contradicts its outcome', () => {
    const bad = { ...attempt(1, 'busy'), messageLeft: true };
    expect(attemptRecordSchema.safeParse(bad).success).toBe(false);
    expect(attemptRecordSchema.safeParse(attempt(1, 'busy')).success).toBe(true);
  });

  it('never plans a retry outside callback hours or sooner than 60 minutes after the last attempt (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2031, 0, 1) }),
        fc.constantFrom<AttemptOutcome>(
          'no-answer-message-left',
          'no-answer-no-message',
          'busy',
          'wrong-number',
        ),
        (firstAt, outcome) => {
          const plan = attemptPlan(callback([attempt(firstAt, outcome)], 0, firstAt - MIN), firstAt, policy);
          if (plan.kind !== 'next') throw new Error('expected next');
          expect(plan.window.earliest - firstAt).toBeGreaterThanOrEqual(
            policy.attempts.retryEarliestMinutes * MIN,
          );
          expect(isOpen(plan.window.earliest, policy)).toBe(true);
          expect(plan.window.latest).toBeLessThanOrEqual(
            closingOn(businessDateOf(plan.window.earliest, policy), policy),
          );
        },
      ),
    );
  });
});
