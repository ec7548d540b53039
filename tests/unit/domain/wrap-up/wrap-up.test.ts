import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, parsePolicy } from '../../../../src/shared/domain/policy';
import {
  afterCallWorkClock,
  afterCallWorkModeFor,
  afterCallWorkOnCallEnd,
  checkDisposition,
  contactDurations,
  dispositionsFor,
  finishAfterCallWork,
  mayBecomeAvailable,
  startAfterCallWork,
  type AfterCallWorkMode,
} from '../../../../src/shared/domain/wrap-up';

const codes = DEFAULT_POLICY.wrapUp.dispositions;
const T0 = Date.UTC(2025, 2, 12, 15);

describe('wrap-up codes (policy data)', () => {
  it('offer each role and channel only its codes', () => {
    const tier1Phone = dispositionsFor(codes, 'tier1', 'phone').map((d) => d.id);
    expect(tier1Phone).toContain('escalated-to-tier2');
    expect(tier1Phone).not.toContain('resolved-by-tier2');
    expect(tier1Phone).not.toContain('voicemail-left');
    const tier2Callback = dispositionsFor(codes, 'tier2', 'callback').map((d) => d.id);
    expect(tier2Callback).toContain('voicemail-left');
    expect(tier2Callback).toContain('returned-to-tier1');
    expect(dispositionsFor(codes, 'admin', 'phone')).toEqual([]);
  });

  it('refuse an unknown code and a code of another role or channel, by name', () => {
    expect(checkDisposition(codes, 'case-status-given', 'tier1', 'phone')).toMatchObject({ ok: true });
    expect(checkDisposition(codes, 'gone', 'tier1', 'phone')).toMatchObject({
      ok: false,
      error: { code: 'wrap_up.unknown_disposition', params: { disposition: 'gone' } },
    });
    expect(checkDisposition(codes, 'resolved-by-tier2', 'tier1', 'phone')).toMatchObject({
      ok: false,
      error: {
        code: 'wrap_up.disposition_not_allowed',
        message: expect.stringContaining('Resolved by a Tier 2'),
      },
    });
    expect(checkDisposition(codes, 'voicemail-left', 'tier2', 'phone')).toMatchObject({
      ok: false,
      error: { code: 'wrap_up.disposition_not_allowed' },
    });
  });

  it('are validated in the policy: unique ids, both languages, at least one role', () => {
    const withCodes = (dispositions: unknown) =>
      parsePolicy({ ...DEFAULT_POLICY, wrapUp: { ...DEFAULT_POLICY.wrapUp, dispositions } });
    expect(withCodes([...codes, codes[0]])).toMatchObject({
      ok: false,
      error: expect.stringContaining('unique'),
    });
    expect(
      withCodes([{ id: 'x', label: { en: 'X', es: '' }, roles: ['tier1'], channels: ['phone'] }]),
    ).toMatchObject({ ok: false, error: expect.stringContaining('wrapUp.dispositions.0.label.es') });
    expect(
      withCodes([{ id: 'x', label: { en: 'X', es: 'X' }, roles: [], channels: ['phone'] }]),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('at least one role'),
    });
  });

  it('policies stored before the section existed still parse, with the defaults', () => {
    const { wrapUp: _w, serviceRequests: _s, notes: _n, ...older } = DEFAULT_POLICY;
    const parsed = parsePolicy(older);
    expect(parsed).toMatchObject({ ok: true });
    if (parsed.ok) {
      expect(parsed.value.wrapUp.dispositions.map((d) => d.id)).toEqual(codes.map((d) => d.id));
      expect(parsed.value.serviceRequests.categories.length).toBeGreaterThan(0);
      expect(parsed.value.notes.maxChars).toBe(DEFAULT_POLICY.notes.maxChars);
    }
  });
});

describe('after-call work', () => {
  const boxed: AfterCallWorkMode = { kind: 'time-boxed', limitSeconds: 120 };

  it('follows the mode per team, else the default', () => {
    const policy = {
      default: boxed,
      teams: { bravo: { kind: 'mandatory' } as AfterCallWorkMode },
    };
    expect(afterCallWorkModeFor(policy, 'alpha')).toEqual(boxed);
    expect(afterCallWorkModeFor(policy, 'bravo')).toEqual({ kind: 'mandatory' });
    expect(afterCallWorkModeFor(policy, 'constructor')).toEqual(boxed);
  });

  it('optional: nothing starts by itself; the agent may take it and ends it', () => {
    expect(afterCallWorkOnCallEnd({ kind: 'optional' }, T0)).toBeNull();
    expect(mayBecomeAvailable(null, T0)).toBe(true);
    const taken = startAfterCallWork({ kind: 'optional' }, T0);
    expect(afterCallWorkClock(taken, T0 + 600_000)).toEqual({
      running: true,
      elapsedMs: 600_000,
      remainingMs: null,
    });
    expect(finishAfterCallWork(taken, T0 + 600_000)).toEqual({
      mode: 'optional',
      startedAt: T0,
      endedAt: T0 + 600_000,
      endedBy: 'agent',
    });
  });

  it('mandatory: starts at the call end and holds the agent until the wrap-up', () => {
    const work = afterCallWorkOnCallEnd({ kind: 'mandatory' }, T0);
    expect(work).toEqual({ mode: 'mandatory', startedAt: T0, endsAt: null });
    expect(mayBecomeAvailable(work, T0 + 3_600_000)).toBe(false);
  });

  it('time-boxed: counts down and returns the agent to Available at the limit', () => {
    const work = afterCallWorkOnCallEnd(boxed, T0);
    expect(work).toEqual({ mode: 'time-boxed', startedAt: T0, endsAt: T0 + 120_000 });
    if (!work) return;
    expect(afterCallWorkClock(work, T0 + 30_000)).toEqual({
      running: true,
      elapsedMs: 30_000,
      remainingMs: 90_000,
    });
    expect(mayBecomeAvailable(work, T0 + 119_999)).toBe(false);
    expect(mayBecomeAvailable(work, T0 + 120_000)).toBe(true);
    expect(finishAfterCallWork(work, T0 + 400_000)).toMatchObject({
      endedAt: T0 + 120_000,
      endedBy: 'time-limit',
    });
    expect(finishAfterCallWork(work, T0 + 40_000)).toMatchObject({ endedAt: T0 + 40_000, endedBy: 'agent' });
  });

  it('never counts more than the box, nor less than nothing (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 3600 }),
        fc.integer({ min: -10_000, max: 10_000_000 }),
        (limit, after) => {
          const work = startAfterCallWork({ kind: 'time-boxed', limitSeconds: limit }, T0);
          const done = finishAfterCallWork(work, T0 + after);
          const { afterCallWorkMs } = contactDurations({
            callStartedAt: T0 - 1000,
            callEndedAt: T0,
            afterCallWork: done,
          });
          expect(afterCallWorkMs).toBeGreaterThanOrEqual(0);
          expect(afterCallWorkMs).toBeLessThanOrEqual(limit * 1000);
        },
      ),
    );
  });

  it('handle time is talk time plus after-call work', () => {
    expect(
      contactDurations({
        callStartedAt: T0,
        callEndedAt: T0 + 300_000,
        afterCallWork: { startedAt: T0 + 300_000, endedAt: T0 + 360_000 },
      }),
    ).toEqual({ talkMs: 300_000, afterCallWorkMs: 60_000, handleMs: 360_000 });
  });
});
