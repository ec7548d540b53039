import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptPlan } from '../../../src/shared/domain/attempts';
import { DEFAULT_POLICY, HOUR_MS, MINUTE_MS } from '../../../src/shared/domain/policy';
import { slaStateAt, slaTransitions } from '../../../src/shared/domain/sla';
import { slaInputFor } from '../../../src/shared/domain/sla-input';
import { computeBoard, callbacksForFigure } from '../../../src/shared/supervisor/board';
import { chartsFromCallbacks } from '../../../src/shared/supervisor/charts';
import { dayOf } from '../../../src/shared/supervisor/days';
import { figureContext, isRetryPending, matchesFigure } from '../../../src/shared/supervisor/figures';
import { ny } from '../domain/helpers';
import { attempt, callback, callbackArb, instantArb, NOW } from './fixtures';

const policy = DEFAULT_POLICY;
const ctx = figureContext(NOW, policy);

describe('board figures', () => {
  it('due soon is the policy window after now, overdue is at or before now', () => {
    const soon = callback('a', { dueAt: NOW + policy.sla.dueSoonHours * HOUR_MS });
    const justAfter = callback('b', { dueAt: NOW + policy.sla.dueSoonHours * HOUR_MS + 1 });
    const dueNow = callback('c', { dueAt: NOW });
    expect(matchesFigure(soon, 'due-soon', ctx)).toBe(true);
    expect(matchesFigure(justAfter, 'due-soon', ctx)).toBe(false);
    expect(matchesFigure(dueNow, 'overdue', ctx)).toBe(true);
    expect(matchesFigure(dueNow, 'due-soon', ctx)).toBe(false);
    const wider = { ...policy, sla: { ...policy.sla, dueSoonHours: 8 } };
    expect(matchesFigure(justAfter, 'due-soon', figureContext(NOW, wider))).toBe(true);
  });

  it('due today and at risk count callable time, as the worklist does (the SLA rule)', () => {
    // Wednesday 10:00 New York. Due Thursday 06:33: today's callback hours are the last before it.
    const beforeOpening = callback('a', { dueAt: ny('2025-03-13 06:33') });
    // Due Thursday 10:00: Thursday's hours still count, but only 8.5 + 3 callable hours are left (< 12).
    const thursday = callback('b', { dueAt: ny('2025-03-13 10:00') });
    expect(matchesFigure(beforeOpening, 'due-today', ctx)).toBe(true);
    expect(matchesFigure(beforeOpening, 'at-risk', ctx)).toBe(false);
    expect(matchesFigure(thursday, 'due-today', ctx)).toBe(false);
    expect(matchesFigure(thursday, 'at-risk', ctx)).toBe(true);
    // The same due time for a customer in Hawaii: Thursday's window there opens at 14:00 New York.
    const hawaii = callback('c', { dueAt: ny('2025-03-13 13:00') }, ['Pacific/Honolulu']);
    const newYork = callback('d', { dueAt: ny('2025-03-13 13:00') }, ['America/New_York']);
    expect(matchesFigure(hawaii, 'due-today', ctx)).toBe(true);
    expect(matchesFigure(newYork, 'due-today', ctx)).toBe(false);
  });

  it('the SLA-state figures equal the rule applied to each callback (property)', () => {
    fc.assert(
      fc.property(callbackArb(['x']), instantArb, (cb, now) => {
        const at = figureContext(now, policy);
        const open = cb.status === 'open';
        const state = open ? slaStateAt(slaTransitions(slaInputFor(cb, [], policy), policy), now) : null;
        expect(matchesFigure(cb, 'due-today', at)).toBe(state === 'due-today');
        expect(matchesFigure(cb, 'at-risk', at)).toBe(state === 'at-risk');
        expect(matchesFigure(cb, 'overdue', at)).toBe(state === 'overdue');
      }),
      { numRuns: 200 },
    );
  });

  it('closed callbacks count only in the closed-today figures, by the day they closed', () => {
    const resolved = callback('a', {
      status: 'closed-resolved',
      closedAt: NOW - HOUR_MS,
      dueAt: NOW - HOUR_MS,
    });
    const yesterday = callback('b', {
      status: 'closed-unable-to-reach',
      closedAt: dayOf(NOW, policy).start - 1,
    });
    const today = callback('c', { status: 'closed-unable-to-reach', closedAt: dayOf(NOW, policy).start });
    expect(matchesFigure(resolved, 'resolved-today', ctx)).toBe(true);
    expect(matchesFigure(resolved, 'overdue', ctx)).toBe(false);
    expect(matchesFigure(resolved, 'open', ctx)).toBe(false);
    expect(matchesFigure(yesterday, 'unable-to-reach-today', ctx)).toBe(false);
    expect(matchesFigure(today, 'unable-to-reach-today', ctx)).toBe(true);
  });

  it('second attempt pending needs a failed attempt and one more allowed', () => {
    const failed = callback('a', { attempts: [attempt(NOW - HOUR_MS, 'busy')] });
    const fresh = callback('b');
    const exhausted = callback('c', {
      attempts: [attempt(NOW - 3 * HOUR_MS, 'busy'), attempt(NOW - HOUR_MS, 'busy', 'u-1', 2)],
    });
    const granted = { ...exhausted, extraAttemptsGranted: 1 };
    expect(isRetryPending(failed, policy)).toBe(true);
    expect(isRetryPending(fresh, policy)).toBe(false);
    expect(isRetryPending(exhausted, policy)).toBe(false);
    expect(isRetryPending(granted, policy)).toBe(true);
  });

  it('second attempt pending agrees with attemptPlan (next, attempt 2 or later) on open callbacks', () => {
    fc.assert(
      fc.property(callbackArb(['x']), (cb) => {
        const open = { ...cb, status: 'open' as const, closedAt: null };
        const plan = attemptPlan(open, NOW, policy);
        expect(isRetryPending(open, policy)).toBe(plan.kind === 'next' && plan.attemptNumber >= 2);
      }),
      { numRuns: 150 },
    );
  });

  it('computeBoard counts by urgency and the drill-down lists exactly the counted callbacks', () => {
    const rows = [
      callback('u1', { dueAt: NOW + HOUR_MS }),
      callback('u2', { dueAt: NOW - MINUTE_MS }),
      callback('n1', { urgency: 'non-urgent', dueAt: NOW + 2 * HOUR_MS, assigneeId: 'u-1' }),
      callback('other', { team: 'bravo', dueAt: NOW + HOUR_MS }),
    ];
    const board = computeBoard('alpha', rows, NOW, policy);
    expect(board.figures['due-soon']).toEqual({ total: 2, urgent: 1, nonUrgent: 1 });
    expect(board.figures.overdue).toEqual({ total: 1, urgent: 1, nonUrgent: 0 });
    expect(board.figures.queued.total).toBe(2);
    expect(board.figures.claimed.total).toBe(1);
    expect(callbacksForFigure('alpha', rows, 'due-soon', NOW, policy).map((c) => c.id)).toEqual(['u1', 'n1']);
    expect(callbacksForFigure('alpha', rows, 'open', NOW, policy).map((c) => c.id)).toEqual([
      'u2',
      'u1',
      'n1',
    ]);
  });
});

describe('SLA compliance (what a lead means)', () => {
  it('counts closed on time, closed late and open past due by due day, all three against the rate', () => {
    const rows = [
      callback('on-time', { status: 'closed-resolved', dueAt: NOW - HOUR_MS, closedAt: NOW - 2 * HOUR_MS }),
      callback('late', {
        status: 'closed-unable-to-reach',
        dueAt: NOW - 2 * HOUR_MS,
        closedAt: NOW - HOUR_MS,
      }),
      callback('overdue', { dueAt: NOW - 3 * HOUR_MS }),
      callback('not-yet-due', { dueAt: NOW + HOUR_MS }),
    ];
    const chart = chartsFromCallbacks('alpha', rows, NOW, policy).slaCompliance;
    const today = chart.series.map((series) => [series.key, series.values.at(-1)]);
    expect(Object.fromEntries(today)).toEqual({
      compliance: 33.3,
      'on-time': 1,
      late: 1,
      'open-past-due': 1,
    });
    expect(chart.summary).toContain(
      '1 were closed on time, 1 closed late and 1 are still open past their due time',
    );
  });
});
