import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  parseLocalDate,
  zonedParts,
  zonedTimeToInstant,
  zoneOffsetMs,
} from '../../../src/shared/domain/time/zoned';

const NY = 'America/New_York';

describe('zoned time', () => {
  it('reads New York wall-clock time in winter and summer', () => {
    expect(zonedParts(Date.UTC(2026, 0, 15, 12, 0), NY)).toMatchObject({ hour: 7, minute: 0, weekday: 4 });
    expect(zonedParts(Date.UTC(2026, 6, 15, 11, 0), NY)).toMatchObject({ hour: 7, minute: 0 });
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15), NY)).toBe(-5 * 3600_000);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 15), NY)).toBe(-4 * 3600_000);
  });

  it('resolves a time skipped by spring-forward to the same clock time after the gap', () => {
    // 2026-03-08 02:30 does not exist in New York; 03:30 EDT is 07:30Z.
    expect(zonedTimeToInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, NY)).toBe(
      Date.UTC(2026, 2, 8, 7, 30),
    );
  });

  it('resolves a time repeated by fall-back to the earlier one', () => {
    // 2026-11-01 01:30 happens at 05:30Z (EDT) and 06:30Z (EST).
    expect(zonedTimeToInstant({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, NY)).toBe(
      Date.UTC(2026, 10, 1, 5, 30),
    );
  });

  it('maps an instant to wall-clock time and back to the same wall-clock time (property)', () => {
    const zones = fc.constantFrom(
      NY,
      'America/Los_Angeles',
      'America/Phoenix',
      'Pacific/Honolulu',
      'Europe/London',
    );
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }),
        zones,
        (instant, zone) => {
          const local = zonedParts(instant, zone);
          const back = zonedTimeToInstant(local, zone);
          expect(zonedParts(back, zone)).toMatchObject({
            year: local.year,
            month: local.month,
            day: local.day,
            hour: local.hour,
            minute: local.minute,
          });
        },
      ),
    );
  });

  it('adds days across month and year ends, and parses only real dates', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseLocalDate('2026-02-29')).toBeUndefined();
    expect(parseLocalDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseLocalDate('2026-2-1')).toBeUndefined();
  });
});
