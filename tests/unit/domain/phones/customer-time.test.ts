import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, parsePolicy } from '../../../../src/shared/domain/policy';
import type { Policy } from '../../../../src/shared/domain/policy';
import {
  callingHoursCheck,
  customerLocalTime,
  nextLocalOpening,
} from '../../../../src/shared/domain/phones/customer-time';

const utc = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const WINTER = (h: number, mi = 0) => utc(2026, 1, 15, h, mi);
const SUMMER = (h: number, mi = 0) => utc(2026, 7, 15, h, mi);

const LA = '+12135550143';
const PHOENIX = '+16025550143';
const HONOLULU = '+18085550143';
const SAN_JUAN = '+17875550143';
const GUAM = '+16715550143';
const PENSACOLA = '+18505550143';
const TOLL_FREE = '+18005550199';

describe('customerLocalTime', () => {
  it('reads the zone from the area code', () => {
    const t = customerLocalTime(LA, WINTER(15, 15));
    expect(t).toMatchObject({ timeZone: 'America/Los_Angeles', source: 'area-code', approximate: false });
    expect(t?.local).toMatchObject({ year: 2026, month: 1, day: 15, hour: 7, minute: 15 });
  });

  it('lets a stated zone win over the area code', () => {
    const t = customerLocalTime(LA, WINTER(15, 15), 'America/New_York');
    expect(t).toMatchObject({ timeZone: 'America/New_York', source: 'stated', approximate: false });
    expect(t?.local.hour).toBe(10);
  });

  it("prefers a zone stated for the number over the customer's stated zone", () => {
    const t = customerLocalTime({ e164: LA, timeZone: 'America/Denver' }, WINTER(15), 'America/New_York');
    expect(t?.timeZone).toBe('America/Denver');
  });

  it('ignores a stated zone that is not a real zone', () => {
    const t = customerLocalTime(LA, WINTER(15), 'Mars/Olympus_Mons');
    expect(t).toMatchObject({ timeZone: 'America/Los_Angeles', source: 'area-code' });
  });

  it('is undefined for numbers without a place', () => {
    expect(customerLocalTime(TOLL_FREE, WINTER(15))).toBeUndefined();
    expect(customerLocalTime(TOLL_FREE, WINTER(15), 'America/Chicago')?.timeZone).toBe('America/Chicago');
  });

  it('Arizona keeps standard time: same as Los Angeles in summer, an hour ahead in winter', () => {
    expect(customerLocalTime(PHOENIX, SUMMER(15))?.local.hour).toBe(8);
    expect(customerLocalTime(LA, SUMMER(15))?.local.hour).toBe(8);
    expect(customerLocalTime(PHOENIX, WINTER(15))?.local.hour).toBe(8);
    expect(customerLocalTime(LA, WINTER(15))?.local.hour).toBe(7);
  });

  it('Hawaii, Puerto Rico and Guam have no DST', () => {
    for (const at of [WINTER, SUMMER]) {
      expect(customerLocalTime(HONOLULU, at(18))?.local.hour).toBe(8);
      expect(customerLocalTime(SAN_JUAN, at(12))?.local.hour).toBe(8);
    }
    expect(customerLocalTime(GUAM, utc(2026, 1, 14, 22))?.local).toMatchObject({ day: 15, hour: 8 });
    expect(customerLocalTime(GUAM, utc(2026, 7, 14, 22))?.local).toMatchObject({ day: 15, hour: 8 });
  });
});

describe('callingHoursCheck', () => {
  it('blocks a call before local hours, saying where and when', () => {
    expect(callingHoursCheck({ e164: LA }, WINTER(15, 15), DEFAULT_POLICY)).toMatchObject({
      allowed: false,
      warning: {
        code: 'phone.too_early_for_customer',
        message: 'It is 7:15 where the customer is (Pacific Time); calls there start at 08:00.',
      },
    });
  });

  it('blocks a call at and after the end of local hours', () => {
    // 21:00 in New York in winter is 02:00 UTC the next day.
    const check = callingHoursCheck({ e164: '+12125550143' }, utc(2026, 1, 16, 2), DEFAULT_POLICY);
    expect(check.allowed).toBe(false);
    expect(check.warning).toEqual({
      code: 'phone.too_late_for_customer',
      message: 'It is 21:00 where the customer is (Eastern Time); calls there end at 21:00.',
    });
    const lastMinute = callingHoursCheck({ e164: '+12125550143' }, utc(2026, 1, 16, 1, 59), DEFAULT_POLICY);
    expect(lastMinute.allowed).toBe(true);
    expect(lastMinute.warning).toBeUndefined();
  });

  it('allows a call at the first minute of local hours', () => {
    const check = callingHoursCheck({ e164: HONOLULU }, SUMMER(18), DEFAULT_POLICY);
    expect(check).toMatchObject({ allowed: true, local: { timeZone: 'Pacific/Honolulu' } });
    expect(check.warning).toBeUndefined();
    expect(callingHoursCheck({ e164: HONOLULU }, SUMMER(17, 59), DEFAULT_POLICY).allowed).toBe(false);
  });

  it('uses the stated zone on the phone', () => {
    // 07:15 in Los Angeles, but the customer said they live in New York (10:15).
    const check = callingHoursCheck(
      { e164: LA, timeZone: 'America/New_York' },
      WINTER(15, 15),
      DEFAULT_POLICY,
    );
    expect(check).toMatchObject({ allowed: true, local: { source: 'stated', timeZone: 'America/New_York' } });
  });

  it('says "likely" when the area code spans zones', () => {
    // 07:30 Central = 13:30 UTC in winter.
    const check = callingHoursCheck({ e164: PENSACOLA }, WINTER(13, 30), DEFAULT_POLICY);
    expect(check.allowed).toBe(false);
    expect(check.warning?.message).toBe(
      'It is likely 7:30 where the customer is (Central Time, guessed from area code 850); calls there start at 08:00.',
    );
  });

  it('allows a call to a number with unknown local time, with a warning', () => {
    const check = callingHoursCheck({ e164: TOLL_FREE }, WINTER(4), DEFAULT_POLICY);
    expect(check.allowed).toBe(true);
    expect(check.local).toBeUndefined();
    expect(check.warning?.code).toBe('phone.local_time_unknown');
    expect(check.warning?.message).toContain('area code 800');
    expect(check.warning?.message).toContain('between 08:00 and 21:00');
  });

  it('takes its hours from the policy', () => {
    const parsed = parsePolicy({ ...DEFAULT_POLICY, customerLocalHours: { start: '09:00', end: '17:00' } });
    if (!parsed.ok) throw new Error(parsed.error);
    const policy: Policy = parsed.value;
    // 08:30 in Chicago in winter.
    const check = callingHoursCheck({ e164: '+13125550143' }, WINTER(14, 30), policy);
    expect(check.allowed).toBe(false);
    expect(check.warning?.message).toContain('calls there start at 09:00');
    expect(callingHoursCheck({ e164: '+13125550143' }, WINTER(14, 30), DEFAULT_POLICY).allowed).toBe(true);
  });
});

describe('nextLocalOpening', () => {
  const hours = DEFAULT_POLICY.customerLocalHours;

  it('is now while hours are open', () => {
    expect(nextLocalOpening('America/Los_Angeles', WINTER(17), hours)).toBe(WINTER(17));
  });

  it('is later the same local day before hours open', () => {
    expect(nextLocalOpening('America/Los_Angeles', WINTER(15, 15), hours)).toBe(WINTER(16));
  });

  it('is the next local day after hours close, across a DST change', () => {
    // Sat 2026-10-31 22:00 PDT; Los Angeles falls back on Sunday, so 08:00 PST = 16:00 UTC.
    const saturdayNight = utc(2026, 11, 1, 5);
    expect(nextLocalOpening('America/Los_Angeles', saturdayNight, hours)).toBe(utc(2026, 11, 1, 16));
  });
});
