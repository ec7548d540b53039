import { describe, expect, it } from 'vitest';
import { checkCustomerHours, customerHoursExceptionSchema } from '../../../../src/shared/domain/phones';
import { DEFAULT_POLICY } from '../../../../src/shared/domain/policy';
import { ny, MIN } from '../helpers';

const SAN_JUAN = '+17875550112'; // America/Puerto_Rico: one hour ahead of New York in winter
// 05:02 in San Juan on a Friday in December: 04:02 in New York.
const EARLY = ny('2026-12-04 04:02');
const MIDDAY = ny('2026-12-04 11:00');

describe('checkCustomerHours', () => {
  it('refuses a call before 08:00 customer-local, saying the hours and the way out', () => {
    const result = checkCustomerHours({ phone: { e164: SAN_JUAN }, at: EARLY }, DEFAULT_POLICY);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'attempt.outside_customer_hours',
        params: {
          at: EARLY,
          timeZone: 'America/Puerto_Rico',
          start: '08:00',
          end: '21:00',
          approximate: 'no',
        },
      },
    });
    if (!result.ok) expect(result.error.message).toContain('5:02');
  });

  it('allows a call inside the hours and records no exception, even when one was offered', () => {
    const result = checkCustomerHours(
      {
        phone: { e164: SAN_JUAN },
        at: MIDDAY,
        exception: { kind: 'customer-request', note: 'asked for noon' },
      },
      DEFAULT_POLICY,
    );
    expect(result).toMatchObject({ ok: true, value: { exception: null } });
  });

  it('uses the zone stated for the number, then the customer’s, then the area code', () => {
    // 07:30 New York is 08:30 in San Juan (allowed) but 04:30 in Los Angeles.
    const at = ny('2026-12-04 07:30');
    expect(checkCustomerHours({ phone: { e164: SAN_JUAN }, at }, DEFAULT_POLICY).ok).toBe(true);
    expect(
      checkCustomerHours(
        { phone: { e164: SAN_JUAN }, customerTimeZone: 'America/Los_Angeles', at },
        DEFAULT_POLICY,
      ).ok,
    ).toBe(false);
    expect(
      checkCustomerHours(
        {
          phone: { e164: SAN_JUAN, timeZone: 'America/Puerto_Rico' },
          customerTimeZone: 'America/Los_Angeles',
          at,
        },
        DEFAULT_POLICY,
      ).ok,
    ).toBe(true);
  });

  it('allows the call when the customer asked for this time, and returns the exception to record', () => {
    const exception = {
      kind: 'customer-request' as const,
      note: 'Asked for a call before 6 am, before work',
    };
    expect(
      checkCustomerHours({ phone: { e164: SAN_JUAN }, at: EARLY, exception }, DEFAULT_POLICY),
    ).toMatchObject({
      ok: true,
      value: { exception, local: { timeZone: 'America/Puerto_Rico' } },
    });
  });

  it('takes "the customer chose this slot" only inside the slot they chose', () => {
    const slot = { start: EARLY - 2 * MIN, end: EARLY + 28 * MIN };
    const exception = { kind: 'scheduled-slot' as const };
    expect(
      checkCustomerHours(
        { phone: { e164: SAN_JUAN }, at: EARLY, scheduledSlot: slot, exception },
        DEFAULT_POLICY,
      ),
    ).toMatchObject({ ok: true, value: { exception } });
    for (const scheduledSlot of [null, { start: EARLY + MIN, end: EARLY + 30 * MIN }]) {
      expect(
        checkCustomerHours(
          { phone: { e164: SAN_JUAN }, at: EARLY, scheduledSlot, exception },
          DEFAULT_POLICY,
        ),
      ).toMatchObject({ ok: false, error: { code: 'attempt.exception_no_slot' } });
    }
  });

  it('lets a call through when no zone is known (the screens warn)', () => {
    expect(checkCustomerHours({ phone: { e164: '+18005550199' }, at: EARLY }, DEFAULT_POLICY)).toEqual({
      ok: true,
      value: { exception: null },
    });
  });

  it('needs a real note for a customer request', () => {
    expect(customerHoursExceptionSchema.safeParse({ kind: 'customer-request', note: '  ok ' }).success).toBe(
      false,
    );
    expect(customerHoursExceptionSchema.safeParse({ kind: 'customer-request' }).success).toBe(false);
    expect(customerHoursExceptionSchema.safeParse({ kind: 'because' }).success).toBe(false);
  });
});
