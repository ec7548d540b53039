import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, parsePolicy } from '../../../src/shared/domain/policy';

describe('policy', () => {
  it('holds the published defaults', () => {
    expect(DEFAULT_POLICY.sla.urgentDueHours).toBe(72);
    expect(DEFAULT_POLICY.sla.nonUrgentDueDays).toBe(14);
    expect(DEFAULT_POLICY.attempts).toMatchObject({
      maxAttempts: 2,
      retryEarliestMinutes: 60,
      retryLatestMinutes: 90,
    });
    expect(DEFAULT_POLICY.callbackHours).toMatchObject({
      timeZone: 'America/New_York',
      daily: { start: '07:00', end: '18:30' },
      weekdays: [1, 2, 3, 4, 5],
      observeFederalHolidays: true,
    });
    expect(DEFAULT_POLICY.customerLocalHours).toEqual({ start: '08:00', end: '21:00' });
    expect(DEFAULT_POLICY.security.idleLockMinutes).toBe(15);
  });

  it('rejects bad values with the field and the problem', () => {
    const swapped = {
      ...DEFAULT_POLICY,
      attempts: { ...DEFAULT_POLICY.attempts, retryEarliestMinutes: 120 },
    };
    expect(parsePolicy(swapped)).toEqual({
      ok: false,
      error: 'attempts: attempts.retryEarliestMinutes must not exceed attempts.retryLatestMinutes',
    });
    const badZone = {
      ...DEFAULT_POLICY,
      callbackHours: { ...DEFAULT_POLICY.callbackHours, timeZone: 'Mars/Olympus' },
    };
    expect(parsePolicy(badZone)).toMatchObject({
      ok: false,
      error: expect.stringContaining('callbackHours.timeZone'),
    });
    const badHours = {
      ...DEFAULT_POLICY,
      callbackHours: { ...DEFAULT_POLICY.callbackHours, daily: { start: '18:30', end: '07:00' } },
    };
    expect(parsePolicy(badHours)).toMatchObject({
      ok: false,
      error: expect.stringContaining('must start before'),
    });
    expect(
      parsePolicy({ ...DEFAULT_POLICY, customerLocalHours: { start: '8am', end: '21:00' } }),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('customerLocalHours.start'),
    });
    expect(parsePolicy('nonsense')).toMatchObject({ ok: false });
  });

  it('accepts a valid variant', () => {
    const parsed = parsePolicy({
      ...DEFAULT_POLICY,
      security: { ...DEFAULT_POLICY.security, idleLockMinutes: 5 },
    });
    expect(parsed.ok && parsed.value.security.idleLockMinutes).toBe(5);
  });
});
