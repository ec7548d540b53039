import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, HOUR_MS } from '../../../../src/shared/domain/policy';
import { minutesOfDay } from '../../../../src/shared/domain/time/clock-time';
import { AREA_CODE_ZONES } from '../../../../src/shared/domain/phones/area-code-zones';
import type { CustomerPhone } from '../../../../src/shared/domain/phones/suggest-number';
import {
  LABEL_PREFERENCE,
  PHONE_LABELS,
  suggestNumber,
} from '../../../../src/shared/domain/phones/suggest-number';

const utc = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
/** Thu 2026-01-15, 11:00 in Chicago (17:00 UTC). */
const CHICAGO_11AM = utc(2026, 1, 15, 17);

const phone = (
  id: string,
  label: CustomerPhone['label'],
  number: string,
  extra: Partial<CustomerPhone> = {},
) => ({
  id,
  label,
  number,
  ...extra,
});
const ids = (s: ReturnType<typeof suggestNumber>) => s.ranked.map((r) => r.phone.id);

describe('suggestNumber', () => {
  it('keeps the label preference order as a named constant', () => {
    expect(LABEL_PREFERENCE).toEqual(['mobile', 'home', 'work', 'attorney', 'other']);
  });

  it('prefers a number whose best-time window contains the local now over label order', () => {
    const s = suggestNumber(
      [
        phone('m', 'mobile', '+13125550100'),
        phone('h', 'home', '+13125550101', { bestTime: { start: '10:00', end: '12:00' } }),
      ],
      undefined,
      CHICAGO_11AM,
      DEFAULT_POLICY,
    );
    expect(s.suggested?.phone.id).toBe('h');
    expect(s.suggested?.status).toBe('best-time');
    expect(s.suggested?.reason).toBe(
      "Inside the customer's best time 10:00–12:00 (it is 11:00 in America/Chicago).",
    );
    expect(s.reason).toBe(
      "Call home (312) 555-0101: Inside the customer's best time 10:00–12:00 (it is 11:00 in America/Chicago).",
    );
    expect(ids(s)).toEqual(['h', 'm']);
  });

  it('breaks ties by label preference, whatever the input order', () => {
    const s = suggestNumber(
      [
        phone('o', 'other', '+13125550104'),
        phone('a', 'attorney', '+13125550103'),
        phone('w', 'work', '+13125550102'),
        phone('m', 'mobile', '+13125550100'),
        phone('h', 'home', '+13125550101'),
      ],
      undefined,
      CHICAGO_11AM,
      DEFAULT_POLICY,
    );
    expect(ids(s)).toEqual(['m', 'h', 'w', 'a', 'o']);
    expect(s.ranked.every((r) => r.status === 'in-hours' && r.callable)).toBe(true);
  });

  it('ranks a number whose best time is later below one without a best time', () => {
    const s = suggestNumber(
      [
        phone('m', 'mobile', '+13125550100', { bestTime: { start: '18:00', end: '20:00' } }),
        phone('w', 'work', '+13125550102'),
      ],
      undefined,
      CHICAGO_11AM,
      DEFAULT_POLICY,
    );
    expect(ids(s)).toEqual(['w', 'm']);
    expect(s.ranked[1]).toMatchObject({ status: 'in-hours-outside-best-time', callable: true });
    expect(s.ranked[1]?.reason).toContain("outside the customer's best time 18:00–20:00");
  });

  it('never suggests a number outside local hours but still lists it with the warning', () => {
    // 11:00 in Chicago is 07:00 in Honolulu.
    const s = suggestNumber(
      [
        phone('m', 'mobile', '+18085550100'),
        phone('w', 'work', '+13125550102', { bestTime: { start: '16:00', end: '17:00' } }),
      ],
      undefined,
      CHICAGO_11AM,
      DEFAULT_POLICY,
    );
    expect(s.suggested?.phone.id).toBe('w');
    const hawaii = s.ranked[1];
    expect(hawaii).toMatchObject({
      status: 'outside-hours',
      callable: false,
      callableFrom: utc(2026, 1, 15, 18),
    });
    expect(hawaii?.warning?.message).toBe(
      'It is 7:00 where the customer is (Hawaii-Aleutian Standard Time); calls there start at 08:00.',
    );
    expect(hawaii?.reason).toContain('Callable from Thu 2026-01-15 08:00.');
  });

  it("uses the customer's stated zone over the area code, and a number's own zone over both", () => {
    const numbers = [
      phone('m', 'mobile', '+18085550100'),
      phone('w', 'work', '+18085550102', { timeZone: 'Pacific/Honolulu' }),
    ];
    const s = suggestNumber(numbers, 'America/New_York', CHICAGO_11AM, DEFAULT_POLICY);
    expect(s.suggested?.phone.id).toBe('m');
    expect(s.suggested?.local).toMatchObject({ timeZone: 'America/New_York', source: 'stated' });
    expect(s.ranked[1]).toMatchObject({ phone: { id: 'w' }, status: 'outside-hours' });
  });

  it('says when the earliest number becomes callable when none is callable now', () => {
    // 07:30 UTC: 01:30 in Chicago, 23:30 in Los Angeles, 21:30 in Honolulu — all closed.
    const s = suggestNumber(
      [
        phone('x', 'other', '+18085550104'),
        phone('m', 'mobile', '+12135550100'),
        phone('h', 'home', '+13125550101'),
      ],
      undefined,
      utc(2026, 1, 15, 7, 30),
      DEFAULT_POLICY,
    );
    expect(s.suggested).toBeUndefined();
    // Opening order: Chicago 08:00 CST = 14:00 UTC, Los Angeles 16:00 UTC, Honolulu 18:00 UTC.
    expect(ids(s)).toEqual(['h', 'm', 'x']);
    expect(s.ranked.map((r) => r.callableFrom)).toEqual([
      utc(2026, 1, 15, 14),
      utc(2026, 1, 15, 16),
      utc(2026, 1, 15, 18),
    ]);
    expect(s.nextCallableAt).toBe(utc(2026, 1, 15, 14));
    expect(s.reason).toBe(
      'No number can be called now; the earliest is home (312) 555-0101 at Thu 2026-01-15 08:00 (America/Chicago).',
    );
  });

  it('keeps numbers with unknown local time callable, after the known ones, with a warning', () => {
    const s = suggestNumber(
      [phone('t', 'mobile', '+18005550199'), phone('o', 'other', '+13125550104')],
      undefined,
      CHICAGO_11AM,
      DEFAULT_POLICY,
    );
    expect(ids(s)).toEqual(['o', 't']);
    expect(s.ranked[1]).toMatchObject({ status: 'local-time-unknown', callable: true });
    expect(s.ranked[1]?.warning?.code).toBe('phone.local_time_unknown');
  });

  it('lists a stored number that cannot be dialed last, with the reason', () => {
    const s = suggestNumber(
      [phone('bad', 'mobile', '+14165550100'), phone('o', 'other', '+13125550104')],
      undefined,
      CHICAGO_11AM,
      DEFAULT_POLICY,
    );
    expect(ids(s)).toEqual(['o', 'bad']);
    expect(s.ranked[1]).toMatchObject({
      status: 'invalid-number',
      callable: false,
      warning: { code: 'phone.not_us' },
    });
  });

  it('explains an empty list', () => {
    expect(suggestNumber([], undefined, CHICAGO_11AM, DEFAULT_POLICY)).toEqual({
      ranked: [],
      reason: 'The customer has no phone numbers on file.',
    });
  });
});

describe('suggestNumber properties', () => {
  const areaCodes = [...AREA_CODE_ZONES.keys(), '800', '888'];
  const window = fc
    .tuple(fc.integer({ min: 0, max: 23 * 60 + 58 }), fc.integer({ min: 1, max: 24 * 60 }))
    .map(([start, length]) => {
      const end = Math.min(start + length, 23 * 60 + 59);
      const hhmm = (m: number) =>
        `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return { start: hhmm(start), end: hhmm(end) };
    });
  const customerPhone = fc.record(
    {
      id: fc.uuid(),
      label: fc.constantFrom(...PHONE_LABELS),
      number: fc.constantFrom(...areaCodes).map((code) => `+1${code}5550143`),
      bestTime: window,
      timeZone: fc.constantFrom('America/New_York', 'Pacific/Honolulu', 'Pacific/Guam', 'America/Phoenix'),
    },
    { requiredKeys: ['id', 'label', 'number'] },
  );
  const input = fc.record({
    phones: fc.array(customerPhone, { maxLength: 6 }),
    stated: fc.option(fc.constantFrom('America/Chicago', 'America/Anchorage', 'America/Puerto_Rico'), {
      nil: undefined,
    }),
    now: fc.integer({ min: utc(2025, 1, 1, 0), max: utc(2028, 12, 31, 0) }),
  });
  const { start, end } = DEFAULT_POLICY.customerLocalHours;

  it('never marks a number callable outside customer-local calling hours', () => {
    fc.assert(
      fc.property(input, ({ phones, stated, now }) => {
        const s = suggestNumber(phones, stated, now, DEFAULT_POLICY);
        expect(s.ranked).toHaveLength(phones.length);
        if (s.suggested) expect(s.suggested.callable).toBe(true);
        for (const r of s.ranked) {
          if (!r.callable || !r.local) continue;
          const minute = r.local.local.hour * 60 + r.local.local.minute;
          expect(minute).toBeGreaterThanOrEqual(minutesOfDay(start));
          expect(minute).toBeLessThan(minutesOfDay(end));
        }
      }),
    );
  });

  it('suggests the first callable number, and when none is, something is callable at nextCallableAt', () => {
    fc.assert(
      fc.property(input, ({ phones, stated, now }) => {
        const s = suggestNumber(phones, stated, now, DEFAULT_POLICY);
        expect(s.suggested).toBe(s.ranked.find((r) => r.callable));
        if (s.suggested || s.nextCallableAt === undefined) return;
        expect(s.nextCallableAt).toBeGreaterThan(now);
        expect(s.nextCallableAt - now).toBeLessThanOrEqual(24 * HOUR_MS);
        expect(suggestNumber(phones, stated, s.nextCallableAt, DEFAULT_POLICY).suggested).toBeDefined();
      }),
    );
  });
});
