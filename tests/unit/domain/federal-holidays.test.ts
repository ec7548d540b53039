import { describe, expect, it } from 'vitest';
import { federalHolidays, observedHolidayOn } from '../../../src/shared/domain/calendar/federal-holidays';
import { formatLocalDate, weekdayOf } from '../../../src/shared/domain/time/zoned';

const observed = (year: number) => federalHolidays(year).map((h) => formatLocalDate(h.observed));

describe('federal holidays', () => {
  it('lists 2026 with Independence Day (a Saturday) observed on Friday July 3', () => {
    expect(observed(2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('moves 2027 Sunday holidays to Monday and Saturday ones to Friday', () => {
    const list = observed(2027);
    expect(list).toContain('2027-06-18'); // Juneteenth, Saturday
    expect(list).toContain('2027-07-05'); // Independence Day, Sunday
    expect(list).toContain('2027-12-24'); // Christmas, Saturday
  });

  it("observes New Year's Day 2022 (a Saturday) on Friday, December 31, 2021", () => {
    const hit = observedHolidayOn({ year: 2021, month: 12, day: 31 });
    expect(hit?.name).toBe("New Year's Day");
    expect(hit?.date).toEqual({ year: 2022, month: 1, day: 1 });
    // December 2021 closes twice: Christmas (a Saturday) on the 24th, and 2022's New Year's Day.
    const december2021 = [...observed(2021), ...observed(2022)].filter((d) => d.startsWith('2021-12'));
    expect(december2021).toEqual(['2021-12-24', '2021-12-31']);
  });

  it('has Juneteenth only from 2021', () => {
    expect(federalHolidays(2020).some((h) => h.name.startsWith('Juneteenth'))).toBe(false);
    expect(federalHolidays(2021).some((h) => h.name.startsWith('Juneteenth'))).toBe(true);
  });

  it('never observes a holiday on a weekend, for 50 years', () => {
    for (let year = 2000; year < 2050; year++) {
      for (const h of federalHolidays(year)) {
        expect([0, 6]).not.toContain(weekdayOf(h.observed));
      }
    }
  });

  it('puts Memorial Day on the last Monday of May and Thanksgiving on the fourth Thursday', () => {
    expect(formatLocalDate(federalHolidays(2027).find((h) => h.name === 'Memorial Day')!.date)).toBe(
      '2027-05-31',
    );
    expect(formatLocalDate(federalHolidays(2025).find((h) => h.name === 'Thanksgiving Day')!.date)).toBe(
      '2025-11-27',
    );
  });
});
