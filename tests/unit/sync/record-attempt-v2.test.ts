import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, HOUR_MS, MINUTE_MS } from '../../../src/shared/domain/policy';
import { MAX_REPORTED_AGE_MS, REPORTED_CLOCK_SKEW_MS } from '../../../src/shared/domain/reported-time';
import { checkAttemptTimeBounds } from '../../../src/shared/sync/mutators/callback-record-attempt';
import { MUTATORS } from '../../../src/shared/sync/registry';
import type { RowOf } from '../../../src/shared/sync/rows';
import { attemptRecord, callbackRow, customerRow } from '../../fixtures/rows';
import { mutatorContext, rowMap, runMutation } from './fixtures';

/** Wednesday 2025-03-12, New York (EDT, UTC-4): callback hours end at 18:30. */
const nyTime = (hour: number, minute: number) => Date.UTC(2025, 2, 12, hour + 4, minute);
const MADE = nyTime(18, 20); // the agent dials while the network is down…
const SYNCED = nyTime(18, 31); // …and the outbox reaches the server after hours.

const ctx = (now: number) => mutatorContext({ now });
const map = rowMap;
const attempt = (id: string, at: number) => attemptRecord({ id, at });
const cb = (over: Partial<RowOf<'callbacks'>> = {}) =>
  callbackRow({
    assigneeId: 'u-a',
    claimedAt: nyTime(9, 0),
    createdAt: nyTime(8, 0),
    dueAt: nyTime(8, 0) + 72 * HOUR_MS,
    ...over,
  });
const customer = customerRow();
const args = (at: number, id = 'a-new') => ({
  callbackId: 'cb',
  attemptId: id,
  numberDialed: '+12125550123',
  outcome: 'busy',
  messageLeft: false,
  at,
});
const run = (at: number, now: number, callback = cb(), id?: string) =>
  runMutation(
    'callback.record-attempt@2',
    args(at, id),
    map(['callbacks', callback], ['customers', customer]),
    ctx(now),
  );
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('callback.record-attempt@2 (the attempt keeps the time it was made)', () => {
  it('is registered next to @1, which stays for queued outboxes', () => {
    expect(Object.keys(MUTATORS)).toEqual(
      expect.arrayContaining(['callback.record-attempt@1', 'callback.record-attempt@2']),
    );
  });

  it('accepts an attempt made in hours and synced after hours, stamped with its own time', () => {
    const r = run(MADE, SYNCED);
    expect(r).toMatchObject({
      ok: true,
      value: [{ table: 'callbacks', row: { status: 'open', attempts: [{ id: 'a-new', at: MADE }] } }],
    });
    // The bug @2 fixes: @1 judges the same attempt at the server's receive time.
    const { at: _at, ...v1Args } = args(MADE);
    expect(
      code(
        runMutation(
          'callback.record-attempt@1',
          v1Args,
          map(['callbacks', cb()], ['customers', customer]),
          ctx(SYNCED),
        ),
      ),
    ).toBe('attempt.outside_hours');
  });

  it('judges callback hours and retry gaps at the attempt time, not the sync time', () => {
    expect(code(run(nyTime(18, 35), nyTime(18, 36)))).toBe('attempt.outside_hours');
    const first = cb({ attempts: [attempt('a1', nyTime(16, 0))] });
    expect(code(run(nyTime(16, 30), nyTime(17, 30), first))).toBe('attempt.too_early');
    const second = run(nyTime(17, 10), nyTime(18, 45), first);
    expect(second).toMatchObject({
      ok: true,
      value: [{ row: { status: 'closed-unable-to-reach', closedAt: nyTime(17, 10) } }],
    });
  });

  it('refuses a time ahead of the server clock beyond the skew allowance', () => {
    const now = nyTime(12, 0);
    expect(code(run(now + REPORTED_CLOCK_SKEW_MS, now))).toBe('ok');
    const ahead = run(now + REPORTED_CLOCK_SKEW_MS + 1, now);
    expect(code(ahead)).toBe('attempt.time_in_future');
    expect(ahead.ok ? '' : ahead.error.message).toMatch(/ahead of the server clock/);
  });

  it('refuses a time older than the offline window', () => {
    const made = nyTime(12, 0);
    expect(code(run(made, made + MAX_REPORTED_AGE_MS))).toBe('ok');
    const stale = run(made, made + MAX_REPORTED_AGE_MS + 1);
    expect(code(stale)).toBe('attempt.time_too_old');
    expect(stale.ok ? '' : stale.error.message).toMatch(/24 hours/);
  });

  it("refuses a time before the callback's last recorded attempt", () => {
    const later = cb({ attempts: [attempt('a1', nyTime(9, 0))] });
    const r = run(nyTime(8, 59), nyTime(12, 0), later);
    expect(code(r)).toBe('attempt.before_last_attempt');
    expect(r.ok ? '' : r.error.message).toMatch(/before this callback's last recorded attempt/);
  });

  it('requires an integer, non-negative `at`', () => {
    for (const at of [1.5, -1, Number.NaN])
      expect(code(run(at, nyTime(12, 0)))).toBe('mutation.invalid_args');
    const { at: _at, ...missing } = args(MADE);
    expect(
      code(
        runMutation(
          'callback.record-attempt@2',
          missing,
          map(['callbacks', cb()], ['customers', customer]),
          ctx(SYNCED),
        ),
      ),
    ).toBe('mutation.invalid_args');
  });

  it('checkAttemptTimeBounds: accepted exactly when within [now − window, now + skew] and not before the last attempt', () => {
    const now = nyTime(12, 0);
    fc.assert(
      fc.property(
        fc.integer({ min: -2 * MAX_REPORTED_AGE_MS, max: 10 * MINUTE_MS }),
        fc.option(fc.integer({ min: -2 * MAX_REPORTED_AGE_MS, max: 10 * MINUTE_MS }), {
          nil: undefined,
        }),
        (offset, lastOffset) => {
          const at = now + offset;
          const history = lastOffset === undefined ? [] : [attempt('a1', now + lastOffset)];
          const expected =
            at <= now + REPORTED_CLOCK_SKEW_MS &&
            at >= now - MAX_REPORTED_AGE_MS &&
            (lastOffset === undefined || at >= now + lastOffset);
          expect(checkAttemptTimeBounds(at, history, now, DEFAULT_POLICY.callbackHours.timeZone).ok).toBe(
            expected,
          );
        },
      ),
    );
  });
});
