import { addDays, compareDates, weekdayOf, type LocalDate } from '../time/zoned';

/**
 * U.S. federal holidays (5 U.S.C. 6103) and the dates they are observed by federal
 * offices: a holiday on a Saturday is observed the Friday before, one on a Sunday
 * the Monday after. New Year's Day on a Saturday is therefore observed on
 * December 31 of the year before — callers must look one year ahead.
 * Inauguration Day (D.C. area only, every fourth year) is not included: the center
 * is national; a lead can close a day with a policy change if needed.
 */
export interface FederalHoliday {
  name: string;
  /** The legal date. */
  date: LocalDate;
  /** The date offices are closed. */
  observed: LocalDate;
}

type Rule = { name: string; since?: number } & (
  | { month: number; day: number }
  | { month: number; weekday: number; nth: number } // nth = -1 means last
);

const RULES: readonly Rule[] = [
  { name: "New Year's Day", month: 1, day: 1 },
  { name: 'Birthday of Martin Luther King, Jr.', month: 1, weekday: 1, nth: 3, since: 1986 },
  { name: "Washington's Birthday", month: 2, weekday: 1, nth: 3 },
  { name: 'Memorial Day', month: 5, weekday: 1, nth: -1 },
  { name: 'Juneteenth National Independence Day', month: 6, day: 19, since: 2021 },
  { name: 'Independence Day', month: 7, day: 4 },
  { name: 'Labor Day', month: 9, weekday: 1, nth: 1 },
  { name: 'Columbus Day', month: 10, weekday: 1, nth: 2 },
  { name: 'Veterans Day', month: 11, day: 11 },
  { name: 'Thanksgiving Day', month: 11, weekday: 4, nth: 4 },
  { name: 'Christmas Day', month: 12, day: 25 },
];

function nthWeekday(year: number, month: number, weekday: number, nth: number): LocalDate {
  if (nth > 0) {
    const first: LocalDate = { year, month, day: 1 };
    const shift = (weekday - weekdayOf(first) + 7) % 7;
    return addDays(first, shift + (nth - 1) * 7);
  }
  // Day 0 of the next month is the last day of this one (Date.UTC rolls over).
  const last = addDays({ year, month: month + 1, day: 1 }, -1);
  const back = (weekdayOf(last) - weekday + 7) % 7;
  return addDays(last, -back);
}

function observedDate(date: LocalDate): LocalDate {
  const wd = weekdayOf(date);
  if (wd === 6) return addDays(date, -1);
  if (wd === 0) return addDays(date, 1);
  return date;
}

const cache = new Map<number, readonly FederalHoliday[]>();

/** The federal holidays whose legal date falls in `year`. */
export function federalHolidays(year: number): readonly FederalHoliday[] {
  let list = cache.get(year);
  if (!list) {
    list = RULES.filter((r) => r.since === undefined || year >= r.since).map((r) => {
      const date =
        'day' in r ? { year, month: r.month, day: r.day } : nthWeekday(year, r.month, r.weekday, r.nth);
      return { name: r.name, date, observed: observedDate(date) };
    });
    cache.set(year, list);
  }
  return list;
}

/** The holiday observed on `date`, if any (including next year's New Year's Day). */
export function observedHolidayOn(date: LocalDate): FederalHoliday | undefined {
  for (const year of [date.year, date.year + 1]) {
    const hit = federalHolidays(year).find((h) => compareDates(h.observed, date) === 0);
    if (hit) return hit;
  }
  return undefined;
}
