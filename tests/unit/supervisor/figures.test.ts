import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptPlan } from '../../../src/shared/domain/attempts';
import { DEFAULT_POLICY, HOUR_MS, MINUTE_MS } from '../../../src/shared/domain/policy';
import { slaStatus } from '../../../src/shared/domain/sla';
import { computeBoard, callbacksForFigure } from '../../../src/shared/supervisor/board';
import { dayOf } from '../../../src/shared/supervisor/days';
import { figureContext, isRetryPending, matchesFigure } from '../../../src/shared/supervisor/figures';
import { slaStateAt } from '../../../src/shared/supervisor/risk';
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

  it('due today ends at midnight New York time, not UTC', () => {
    // 23:30 EDT on the 12th is 03:30 UTC on the 13th.
    const lateTonight = callback('a', { dueAt: Date.UTC(2025, 2, 13, 3, 30) });
    const tomorrow = callback('b', { dueAt: Date.UTC(2025, 2, 13, 4, 0) });
    expect(matchesFigure(lateTonight, 'due-today', ctx)).toBe(true);
    expect(matchesFigure(tomorrow, 'due-today', ctx)).toBe(false);
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

  it('slaStateAt equals slaStatus', () => {
    fc.assert(
      fc.property(
        instantArb,
        instantArb,
        fc.constantFrom('urgent' as const, 'non-urgent' as const),
        (now, due, urgency) => {
          const endOfToday = dayOf(now, policy).end;
          expect(slaStateAt(due, urgency, now, endOfToday, policy)).toBe(
            slaStatus({ dueAt: due, urgency }, now, policy).state,
          );
        },
      ),
      { numRuns: 300 },
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
