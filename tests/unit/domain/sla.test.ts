import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, HOUR_MS, policySchema } from '../../../src/shared/domain/policy';
import { dueAt, slaRiskOrder, slaStatus } from '../../../src/shared/domain/sla';
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

  it('reports overdue, due today, at risk and on track', () => {
    const due = ny('2026-12-03 10:00');
    const item = { dueAt: due, urgency: 'urgent' as const };
    expect(slaStatus(item, ny('2026-12-03 10:00'), policy)).toEqual({ state: 'overdue', remainingMs: 0 });
    expect(slaStatus(item, ny('2026-12-03 08:00'), policy)).toEqual({
      state: 'due-today',
      remainingMs: 2 * HOUR_MS,
    });
    expect(slaStatus(item, ny('2026-12-02 23:00'), policy).state).toBe('at-risk'); // 11 h left, tomorrow
    expect(slaStatus(item, ny('2026-12-02 20:00'), policy).state).toBe('on-track'); // 14 h left
    expect(slaStatus({ dueAt: due, urgency: 'non-urgent' }, ny('2026-12-01 20:00'), policy).state).toBe(
      'at-risk',
    );
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
