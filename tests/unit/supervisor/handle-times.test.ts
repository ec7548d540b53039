import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import {
  addContact,
  averageSeconds,
  emptyTotals,
  escalationsWaiting,
  handleTimeReport,
  waitingEscalation,
  type HandleTotals,
  type SupervisedWrapUp,
} from '../../../src/shared/supervisor';
import { dayKeyOf } from '../../../src/shared/supervisor/days';

/** Wednesday 2025-03-12 11:00 New York. */
const NOW = Date.UTC(2025, 2, 12, 15);
const DAY = 86_400_000;

const wrapUp = (
  id: string,
  agentId: string,
  endedAt: number,
  talkS: number,
  acwS: number,
): SupervisedWrapUp => ({
  id,
  team: 'alpha',
  agentId,
  callStartedAt: endedAt - talkS * 1000,
  callEndedAt: endedAt,
  afterCallWork:
    acwS > 0
      ? { mode: 'time-boxed', startedAt: endedAt, endedAt: endedAt + acwS * 1000, endedBy: 'agent' }
      : null,
});

function ledger(wrapUps: SupervisedWrapUp[]) {
  const days = new Map<string, Map<string, HandleTotals>>();
  for (const w of wrapUps) {
    const key = dayKeyOf(w.callEndedAt, DEFAULT_POLICY);
    let day = days.get(key);
    if (!day) days.set(key, (day = new Map()));
    let totals = day.get(w.agentId);
    if (!totals) day.set(w.agentId, (totals = emptyTotals()));
    addContact(totals, w, 1);
  }
  return (key: string) => days.get(key);
}

describe('handle time and after-call work per agent and team', () => {
  it('sums today and the last 14 days, per agent and for the team', () => {
    const lookup = ledger([
      wrapUp('w1', 'u-a', NOW - 3_600_000, 300, 60),
      wrapUp('w2', 'u-a', NOW - 2 * DAY, 600, 0),
      wrapUp('w3', 'u-b', NOW - 1_800_000, 120, 30),
      wrapUp('w4', 'u-b', NOW - 20 * DAY, 999, 999),
    ]);
    const report = handleTimeReport(lookup, ['u-a', 'u-b', 'u-c'], NOW, DEFAULT_POLICY);
    expect(report.days).toBe(14);
    expect(report.today).toBe('2025-03-12');
    const a = report.agents.find((l) => l.agentId === 'u-a');
    expect(a?.today).toEqual({ contacts: 1, talkMs: 300_000, afterCallWorkMs: 60_000, handleMs: 360_000 });
    expect(a?.period).toEqual({ contacts: 2, talkMs: 900_000, afterCallWorkMs: 60_000, handleMs: 960_000 });
    expect(report.agents.find((l) => l.agentId === 'u-c')?.period.contacts).toBe(0);
    expect(report.team.today).toEqual({
      contacts: 2,
      talkMs: 420_000,
      afterCallWorkMs: 90_000,
      handleMs: 510_000,
    });
    expect(report.team.period.contacts).toBe(3);
    expect(averageSeconds(report.team.today.handleMs, report.team.today.contacts)).toBe(255);
    expect(averageSeconds(0, 0)).toBeNull();
  });

  it('removing a contact undoes adding it', () => {
    const totals = emptyTotals();
    const w = wrapUp('w', 'u-a', NOW, 100, 20);
    addContact(totals, w, 1);
    addContact(totals, w, -1);
    expect(totals).toEqual(emptyTotals());
  });
});

describe('escalations waiting', () => {
  const cb = {
    id: 'cb1',
    customerId: 'cu',
    urgency: 'urgent' as const,
    tier: 2 as const,
    status: 'open',
    assigneeId: null,
    handoffs: [{ to: 2 as const, at: NOW - 5000, by: 'u-a' }],
  };

  it('are open, unclaimed Tier 2 callbacks whose last handoff was an escalation', () => {
    expect(waitingEscalation(cb)).toEqual({
      callbackId: 'cb1',
      customerId: 'cu',
      urgency: 'urgent',
      escalatedAt: NOW - 5000,
      escalatedBy: 'u-a',
    });
    expect(waitingEscalation({ ...cb, assigneeId: 'u-t2' })).toBeNull();
    expect(waitingEscalation({ ...cb, status: 'closed-resolved' })).toBeNull();
    expect(waitingEscalation({ ...cb, handoffs: [] })).toBeNull();
    expect(
      waitingEscalation({ ...cb, tier: 1, handoffs: [...cb.handoffs, { to: 1, at: NOW, by: 'u-t2' }] }),
    ).toBeNull();
  });

  it('are listed oldest first with their count', () => {
    const waiting = escalationsWaiting([
      { callbackId: 'b', customerId: 'c', urgency: 'urgent', escalatedAt: 20, escalatedBy: 'u' },
      { callbackId: 'a', customerId: 'c', urgency: 'non-urgent', escalatedAt: 10, escalatedBy: 'u' },
    ]);
    expect(waiting.count).toBe(2);
    expect(waiting.items.map((i) => i.callbackId)).toEqual(['a', 'b']);
  });
});
