import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  businessDateOf,
  closedReasonAt,
  closingOn,
  fitWindow,
  isOpen,
  nextOpening,
  openMinutesBetween,
  shiftBusinessDays,
} from '../../../src/shared/domain/calendar/business-calendar';
import { DEFAULT_POLICY, policySchema } from '../../../src/shared/domain/policy';
import { MIN, ny } from './helpers';

const policy = DEFAULT_POLICY;

describe('callback hours', () => {
  it('are open 07:00 to 18:30 New York time on a weekday, half-open at the close', () => {
    expect(isOpen(ny('2026-11-30 06:59'), policy)).toBe(false);
    expect(isOpen(ny('2026-11-30 07:00'), policy)).toBe(true);
    expect(isOpen(ny('2026-11-30 18:29'), policy)).toBe(true);
    expect(isOpen(ny('2026-11-30 18:30'), policy)).toBe(false);
  });

  it('follow New York through DST: 07:00 is 12:00Z in winter and 11:00Z in summer', () => {
    expect(nextOpening(Date.UTC(2026, 2, 6, 6), policy)).toBe(Date.UTC(2026, 2, 6, 12)); // Fri before the change
    expect(nextOpening(Date.UTC(2026, 2, 9, 6), policy)).toBe(Date.UTC(2026, 2, 9, 11)); // Mon after
    expect(nextOpening(Date.UTC(2026, 10, 2, 6), policy)).toBe(Date.UTC(2026, 10, 2, 12)); // Mon after fall-back
  });

  it('say why they are closed', () => {
    expect(closedReasonAt(ny('2026-11-28 10:00'), policy)).toMatchObject({ code: 'weekend' });
    expect(closedReasonAt(ny('2026-11-26 10:00'), policy)).toEqual({
      code: 'holiday',
      message: 'Thu 2026-11-26 is a federal holiday (Thanksgiving Day)',
    });
    expect(closedReasonAt(ny('2026-11-30 06:15'), policy)?.message).toBe(
      '06:15 EST is before callback hours (07:00–18:30 EST)',
    );
    expect(closedReasonAt(ny('2026-07-14 19:05'), policy)?.message).toBe(
      '19:05 EDT is after callback hours (07:00–18:30 EDT)',
    );
    expect(closedReasonAt(ny('2026-11-30 12:00'), policy)).toBeUndefined();
  });

  it('find the next opening across a weekend and an observed holiday', () => {
    expect(nextOpening(ny('2026-11-27 18:45'), policy)).toBe(ny('2026-11-30 07:00'));
    expect(nextOpening(ny('2026-07-02 19:00'), policy)).toBe(ny('2026-07-06 07:00')); // Fri Jul 3 observed
    expect(nextOpening(ny('2026-11-30 09:10'), policy)).toBe(ny('2026-11-30 09:10'));
    expect(nextOpening(ny('2021-12-30 19:00'), policy)).toBe(ny('2022-01-03 07:00')); // Dec 31 observes Jan 1
  });

  it('move a window that starts after hours to the next opening, keeping its length', () => {
    const fitted = fitWindow({ earliest: ny('2026-11-27 18:50'), latest: ny('2026-11-27 19:20') }, policy);
    expect(fitted.window).toEqual({ earliest: ny('2026-11-30 07:00'), latest: ny('2026-11-30 07:30') });
    expect(fitted.adjustment?.code).toBe('moved');
    expect(fitted.adjustment?.message).toBe(
      '18:50 EST is after callback hours (07:00–18:30 EST); moved to Mon 2026-11-30 07:00–07:30 EST',
    );
  });

  it('shorten a window that runs past the close', () => {
    const fitted = fitWindow({ earliest: ny('2026-11-30 18:15'), latest: ny('2026-11-30 18:45') }, policy);
    expect(fitted.window).toEqual({ earliest: ny('2026-11-30 18:15'), latest: ny('2026-11-30 18:30') });
    expect(fitted.adjustment?.code).toBe('shortened');
  });

  it('leave a window inside hours alone', () => {
    const window = { earliest: ny('2026-11-30 10:00'), latest: ny('2026-11-30 10:30') };
    expect(fitWindow(window, policy)).toEqual({ window });
  });

  it('count open minutes: one full day is 11.5 hours, a weekend none', () => {
    expect(openMinutesBetween(ny('2026-11-30 07:00'), ny('2026-12-01 07:00'), policy)).toBe(690);
    expect(openMinutesBetween(ny('2026-11-27 18:30'), ny('2026-11-30 07:00'), policy)).toBe(0);
    expect(openMinutesBetween(ny('2026-11-30 12:00'), ny('2026-11-30 11:00'), policy)).toBe(0);
  });

  it('shift business days over weekends and holidays, both ways', () => {
    const mon = businessDateOf(ny('2026-11-30 12:00'), policy);
    expect(shiftBusinessDays(mon, -1, policy)).toEqual({ year: 2026, month: 11, day: 27 });
    expect(shiftBusinessDays(mon, -2, policy)).toEqual({ year: 2026, month: 11, day: 25 }); // skips Thanksgiving
    expect(shiftBusinessDays(mon, 5, policy)).toEqual({ year: 2026, month: 12, day: 7 });
  });

  it('follow the policy, not literals: a Saturday shift and other hours', () => {
    const custom = policySchema.parse({
      ...policy,
      callbackHours: {
        ...policy.callbackHours,
        weekdays: [1, 2, 3, 4, 5, 6],
        daily: { start: '08:00', end: '17:00' },
      },
    });
    expect(isOpen(ny('2026-11-28 10:00'), custom)).toBe(true);
    expect(isOpen(ny('2026-11-30 07:30'), custom)).toBe(false);
    expect(isOpen(ny('2026-11-30 17:00'), custom)).toBe(false);
  });

  it('never produce a fitted window outside callback hours (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2032, 0, 1) }),
        fc.integer({ min: 0, max: 600 }),
        (start, widthMinutes) => {
          const input = { earliest: start, latest: start + widthMinutes * MIN };
          const { window } = fitWindow(input, policy);
          expect(isOpen(window.earliest, policy)).toBe(true);
          expect(window.earliest).toBeGreaterThanOrEqual(input.earliest);
          expect(window.latest).toBeGreaterThanOrEqual(window.earliest);
          expect(window.latest).toBeLessThanOrEqual(
            closingOn(businessDateOf(window.earliest, policy), policy),
          );
        },
      ),
    );
  });
});
