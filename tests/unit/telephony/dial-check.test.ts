import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, HOUR_MS } from '../../../src/shared/domain/policy';
import { dialArgsSchema } from '../../../src/shared/ipc/telephony-views';
import { placeCallArgsSchema } from '../../../src/shared/telephony/desk-events';
import { checkDial } from '../../../src/shared/telephony/dial-check';
import { callbackRow, customerRow } from '../../fixtures/rows';

// 11:30 UTC on a Wednesday: 07:30 in New York (callback hours are open), 04:30 in Los Angeles.
const AT = Date.UTC(2025, 2, 12, 11, 30);
const NUMBER = '+12125550123';
const claimed = callbackRow({ assigneeId: 'u-a', createdAt: AT - 24 * HOUR_MS, dueAt: AT + 48 * HOUR_MS });
const inLosAngeles = customerRow({ timeZone: 'America/Los_Angeles' });
const asked = { kind: 'customer-request' as const, note: 'Asked for a call before her shift' };
const dial = (exception?: Parameters<typeof checkDial>[6], callback = claimed) =>
  checkDial(callback, inLosAngeles, NUMBER, 'u-a', AT, DEFAULT_POLICY, exception);

describe('checkDial: customer-local hours and their one exception, as on the attempt', () => {
  it('refuses a dial outside the customer’s hours with the attempt’s code', () => {
    expect(dial()).toMatchObject({ ok: false, error: { code: 'attempt.outside_customer_hours' } });
  });

  it('allows the call the customer asked for, and says which exception it needed', () => {
    const allowed = dial(asked);
    expect(allowed.ok && allowed.value).toMatchObject({
      exception: asked,
      warning: undefined,
      local: { timeZone: 'America/Los_Angeles', local: { hour: 4, minute: 30 } },
    });
  });

  it('accepts "the customer chose this slot" only inside that slot', () => {
    expect(dial({ kind: 'scheduled-slot' })).toMatchObject({
      ok: false,
      error: { code: 'attempt.exception_no_slot' },
    });
    const scheduled = { ...claimed, scheduledSlot: { start: AT - HOUR_MS / 4, end: AT + HOUR_MS / 2 } };
    const allowed = dial({ kind: 'scheduled-slot' }, scheduled);
    expect(allowed.ok && allowed.value.exception).toEqual({ kind: 'scheduled-slot' });
  });

  it('records no exception inside the customer’s hours, even when one is offered', () => {
    const inNewYork = customerRow({ timeZone: 'America/New_York' });
    const later = checkDial(claimed, inNewYork, NUMBER, 'u-a', AT + HOUR_MS, DEFAULT_POLICY, asked);
    expect(later.ok && later.value.exception).toBeNull();
  });

  it('carries the exception through the dial and place-call arguments, validated', () => {
    const args = { callbackId: 'cb', attemptId: 'at-1', numberDialed: NUMBER, exception: asked };
    expect(dialArgsSchema.parse(args)).toEqual(args);
    expect(placeCallArgsSchema.parse(args)).toEqual(args);
    const short = { ...args, exception: { kind: 'customer-request', note: 'ok' } };
    expect(placeCallArgsSchema.safeParse(short).success).toBe(false);
    expect(dialArgsSchema.safeParse({ ...args, exception: { kind: 'because' } }).success).toBe(false);
  });
});
