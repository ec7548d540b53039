import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, HOUR_MS, policySchema } from '../../../src/shared/domain/policy';
import {
  dueAt,
  slaRiskOrder,
  slaStateAt,
  slaTransitions,
  type SlaInput,
} from '../../../src/shared/domain/sla';
import { ny } from './helpers';

const policy = DEFAULT_POLICY;

describe('SLA clock', () => {
  it('makes urgent callbacks due 72 hours and non-urgent ones 14 days after creation', () => {
    const created = ny('2026-11-30 10:00');
    expect(dueAt(created, 'urgent', policy)).toBe(created + 72 * HOUR_MS);
    expect(dueAt(created, 'non-urgent', policy)).toBe(created + 14 * 24 * HOUR_MS);
  });

  it('takes its numbers from the policy', () => {
    const custom = policySchema.parse({ ...policy, sla: { ...policy.sla, urgentDueHours: 48 } });
    expect(dueAt(0, 'urgent', custom)).toBe(48 * HOUR_MS);
  });

  it('reports overdue, due today, at risk and on track by callable time, not wall-clock time', () => {
    // Due Thursday 10:00 New York: Thursday 07:00–10:00 is the last callable window.
    const item: SlaInput = { dueAt: ny('2026-12-03 10:00'), urgency: 'urgent' };
    const stateAt = (at: string, it = item) => slaStateAt(slaTransitions(it, policy), ny(at));
    expect(stateAt('2026-12-03 10:00')).toBe('overdue');
    expect(stateAt('2026-12-03 08:00')).toBe('due-today');
    expect(stateAt('2026-12-03 00:00')).toBe('due-today'); // the last window's day has begun
    // Wednesday 20:00: 14 wall-clock hours left, but only Thursday's 3 callable hours (< 12).
    expect(stateAt('2026-12-02 20:00')).toBe('at-risk');
    // Tuesday 08:00: Tuesday's, Wednesday's and Thursday's hours (> 12 callable hours) are left.
    expect(stateAt('2026-12-01 08:00')).toBe('on-track');
    expect(stateAt('2026-12-01 08:00', { ...item, urgency: 'non-urgent' })).toBe('at-risk'); // < 48 h
  });

  it('keeps due times monotonic in creation time (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: 0, max: 1e10 }),
        fc.constantFrom('urgent' as const, 'non-urgent' as const),
        (a, delta, urgency) => {
          expect(dueAt(a + delta, urgency, policy)).toBeGreaterThanOrEqual(dueAt(a, urgency, policy));
        },
      ),
    );
  });

  it('sorts by severity, then by due time', () => {
    const items = [
      { state: 'on-track' as const, dueAt: 1 },
      { state: 'overdue' as const, dueAt: 9 },
      { state: 'at-risk' as const, dueAt: 5 },
      { state: 'overdue' as const, dueAt: 3 },
    ];
    expect([...items].sort(slaRiskOrder).map((i) => `${i.state}:${i.dueAt}`)).toEqual([
      'overdue:3',
      'overdue:9',
      'at-risk:5',
      'on-track:1',
    ]);
  });
});
