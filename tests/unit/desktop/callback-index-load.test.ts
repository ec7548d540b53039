import { afterEach, describe, expect, it } from 'vitest';
import type { LocalStore } from '../../../src/desktop/store/local-store';
import { queryWorklist } from '../../../src/desktop/core/queries/worklist';
import { slaInputOf } from '../../../src/desktop/store/callback-index';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { slaTransitions } from '../../../src/shared/domain/sla';
import { worklistQuerySchema } from '../../../src/shared/ipc/views';
import { NOW } from '../sync/fixtures';
import { applyPage, removeTempCaches, tempCache, twoZoneRows } from './temp-cache';

/**
 * The worklist's in-memory copy is loaded from callback_index as raw rows (arrays in
 * the statement's column order) to make one object per callback: a column read into
 * the wrong field would sort or filter the worklist wrongly without any error. And
 * the zones of the customers' numbers are shared lists, not one array per callback.
 */
afterEach(removeTempCaches);

function storeWith(): LocalStore {
  const store = tempCache();
  applyPage(store, twoZoneRows());
  return store;
}

describe('loading the worklist’s in-memory copy', () => {
  it('reads every column into its own field, in due order', () => {
    const store = storeWith();
    const stored = store.db
      .prepare(
        `SELECT id, status, urgency, tier, assignee_id, due_at, language, second_attempt_pending, pending,
           zones, attempts_left, next_attempt_from, waiting_until, at_risk_from, attempts_miss_from, due_today_from,
           overdue_from, last_window_start, last_window_end FROM callback_index ORDER BY due_at, id`,
      )
      .all() as Record<string, unknown>[];
    const entries = store.callbacks.sortedEntries();
    expect(entries.map((e) => e.id)).toEqual(['cb-2', 'cb-1', 'cb-3']);
    expect(entries).toEqual(
      stored.map((r) => ({
        id: r['id'],
        status: r['status'],
        urgency: r['urgency'],
        tier: r['tier'],
        assigneeId: r['assignee_id'],
        dueAt: r['due_at'],
        language: r['language'],
        secondAttemptPending: r['second_attempt_pending'] === 1,
        pending: r['pending'] === 1,
        zones: r['zones'] === '' ? [] : (r['zones'] as string).split(','),
        attemptsLeft: r['attempts_left'],
        nextAttemptFrom: r['next_attempt_from'],
        waitingUntil: r['waiting_until'],
        transitions: {
          atRiskFrom: r['at_risk_from'],
          attemptsMissFrom: r['attempts_miss_from'],
          dueTodayFrom: r['due_today_from'],
          overdueFrom: r['overdue_from'],
          lastWindow: { start: r['last_window_start'], end: r['last_window_end'] },
        },
      })),
    );
    // The fixture's values are not all alike, so a swapped column would show above.
    expect(entries[0]).toMatchObject({ tier: 2, urgency: 'non-urgent', assigneeId: 'u-me' });
  });

  it('keeps each callback’s SLA transitions as the rule works them out under the store’s policy', () => {
    const store = storeWith();
    for (const entry of store.callbacks.sortedEntries())
      expect(entry.transitions).toEqual(slaTransitions(slaInputOf(entry), DEFAULT_POLICY));
    expect(store.callbacks.indexedUnder(DEFAULT_POLICY)).toBe(true);
    expect(store.callbacks.indexedUnder(structuredClone(DEFAULT_POLICY))).toBe(true);
    const stricter = { ...DEFAULT_POLICY, sla: { ...DEFAULT_POLICY.sla, urgentAtRiskHours: 30 } };
    expect(store.callbacks.indexedUnder(stricter)).toBe(false);
  });

  it('ranks by the policy the worklist is asked with, not the stored transitions of another', () => {
    const store = storeWith();
    const query = worklistQuerySchema.parse({ scope: 'team', offset: 0, limit: 50 });
    const states = (policy: typeof DEFAULT_POLICY) =>
      queryWorklist(store, query, { userId: 'u-me' }, NOW, policy).rows.map((r) => r.sla.state);
    expect(states(DEFAULT_POLICY)).toEqual(['at-risk', 'on-track', 'on-track']);
    // Urgent callbacks turn at risk 12 callable hours ahead by default; at 100 they are at risk already.
    const stricter = { ...DEFAULT_POLICY, sla: { ...DEFAULT_POLICY.sla, urgentAtRiskHours: 100 } };
    expect(store.callbacks.indexedUnder(stricter)).toBe(false);
    expect(states(stricter)).toEqual(['at-risk', 'at-risk', 'at-risk']);
  });

  it('gives callbacks whose customers ring in the same zones one shared, frozen list', () => {
    const store = storeWith();
    const [second, first, west] = store.callbacks.sortedEntries();
    expect(first?.zones).toEqual(['America/New_York']);
    expect(second?.zones).toBe(first?.zones);
    expect(west?.zones).toEqual(['America/Los_Angeles']);
    expect(Object.isFrozen(first?.zones)).toBe(true);
  });
});
