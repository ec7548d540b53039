import { describe, expect, it } from 'vitest';
import { policyChanges, policyLeaves, setLeaf } from '../../../src/shared/admin/policy-fields';
import { previewPolicy, type PreviewCallback } from '../../../src/shared/admin/policy-preview';
import { DAY_MS, DEFAULT_POLICY, HOUR_MS, parsePolicy, type Policy } from '../../../src/shared/domain/policy';

/** Wednesday 2025-03-12 10:00 in New York: inside callback hours. */
const NOW = Date.UTC(2025, 2, 12, 14);

describe('policy fields', () => {
  it('lists every value of the policy by path, weekdays one by one', () => {
    const leaves = policyLeaves(DEFAULT_POLICY);
    expect(leaves).toContainEqual({ path: 'sla.urgentDueHours', value: 72 });
    expect(leaves).toContainEqual({ path: 'callbackHours.weekdays.4', value: 5 });
    expect(leaves).toContainEqual({ path: 'security.lockoutFirstDelaySeconds', value: 30 });
    expect(new Set(leaves.map((l) => l.path)).size).toBe(leaves.length);
  });

  it('sets one value on a copy and names what changed', () => {
    const edited = setLeaf(DEFAULT_POLICY, 'attempts.maxAttempts', 3) as Policy;
    expect(DEFAULT_POLICY.attempts.maxAttempts).toBe(2);
    expect(parsePolicy(edited).ok).toBe(true);
    expect(policyChanges(DEFAULT_POLICY, edited)).toEqual([{ path: 'attempts.maxAttempts', from: 2, to: 3 }]);
    const invalid = setLeaf(DEFAULT_POLICY, 'sla.urgentDueHours', -1);
    expect(parsePolicy(invalid)).toMatchObject({
      ok: false,
      error: expect.stringContaining('sla.urgentDueHours'),
    });
  });
});

describe('policy preview', () => {
  const callback = (overrides: Partial<PreviewCallback>): PreviewCallback => ({
    createdAt: NOW - HOUR_MS,
    dueAt: NOW + 71 * HOUR_MS,
    attempts: [],
    extraAttemptsGranted: 0,
    urgency: 'urgent',
    customer: undefined,
    ...overrides,
  });

  it('keeps due times, re-judges SLA state and attempts, and gives new callbacks the new targets', () => {
    const proposed: Policy = {
      ...DEFAULT_POLICY,
      sla: { ...DEFAULT_POLICY.sla, urgentDueHours: 48, urgentAtRiskHours: 40 },
      attempts: { ...DEFAULT_POLICY.attempts, maxAttempts: 3 },
    };
    const open = [
      // 31.5 callable hours before its due time (Wed 10:00 to Sat 10:00): on track at 12 h, at risk at 40 h.
      callback({ dueAt: NOW + 3 * DAY_MS }),
      callback({ dueAt: NOW - HOUR_MS }),
      callback({ urgency: 'non-urgent', dueAt: NOW + 13 * DAY_MS }),
    ];
    const preview = previewPolicy(DEFAULT_POLICY, proposed, NOW, open);
    expect(preview.open.total).toBe(3);
    expect(preview.open.statesInForce).toMatchObject({ overdue: 1, 'on-track': 2 });
    expect(preview.open.statesProposed).toMatchObject({ overdue: 1, 'at-risk': 1, 'on-track': 1 });
    expect(preview.open.stateChanged).toBe(1);
    expect(preview.open.attemptsChanged).toBe(3);
    expect(preview.newCallbacks).toEqual([
      { urgency: 'urgent', dueInForce: NOW + 72 * HOUR_MS, dueProposed: NOW + 48 * HOUR_MS },
      { urgency: 'non-urgent', dueInForce: NOW + 14 * DAY_MS, dueProposed: NOW + 14 * DAY_MS },
    ]);
    expect(preview.changes.map((c) => c.path).sort()).toEqual([
      'attempts.maxAttempts',
      'sla.urgentAtRiskHours',
      'sla.urgentDueHours',
    ]);
  });
});
