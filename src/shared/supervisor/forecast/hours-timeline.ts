import { businessDateOf, closingOn, isBusinessDay, openingOn } from '../../domain/calendar/business-calendar';
import type { Policy } from '../../domain/policy';
import { addDays, compareDates } from '../../domain/time/zoned';
import { daySpan } from '../days';

/**
 * Callback hours and day boundaries between `from` and `until`, computed ONCE with
 * the shared business calendar (policy hours, weekdays, observed holidays, DST), so
 * the simulation's many "when can this start?" questions are binary searches
 * instead of calendar calls.
 */
export interface HoursTimeline {
  /** Open spans, ascending; the first may start at `from`. */
  open: { start: number; end: number }[];
  /** The earliest start >= t of work lasting `durationMs` that fits in one open span; Infinity when none. */
  startFor(t: number, durationMs: number): number;
  /** First midnight (callback-hours zone) after t. */
  endOfDay(t: number): number;
}

export function hoursTimeline(from: number, until: number, policy: Policy): HoursTimeline {
  const open: { start: number; end: number }[] = [];
  const midnights: number[] = [];
  const last = addDays(businessDateOf(Math.max(from, until), policy), 1);
  for (let date = businessDateOf(from, policy); compareDates(date, last) <= 0; date = addDays(date, 1)) {
    midnights.push(daySpan(date, policy).end);
    if (!isBusinessDay(date, policy)) continue;
    const start = Math.max(from, openingOn(date, policy));
    const end = closingOn(date, policy);
    if (end > start) open.push({ start, end });
  }
  const firstEndingAfter = (t: number) => {
    let lo = 0;
    let hi = open.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((open[mid] as { end: number }).end > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return {
    open,
    startFor(t, durationMs) {
      for (let i = firstEndingAfter(t); i < open.length; i++) {
        const span = open[i] as { start: number; end: number };
        const start = Math.max(t, span.start);
        // Work that cannot finish before the close starts at the next opening —
        // unless it is longer than a whole day of hours, which then starts anyway.
        if (start + durationMs <= span.end || start === span.start) return start;
      }
      return Number.POSITIVE_INFINITY;
    },
    endOfDay(t) {
      let lo = 0;
      let hi = midnights.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((midnights[mid] as number) > t) hi = mid;
        else lo = mid + 1;
      }
      return midnights[lo] ?? daySpan(addDays(businessDateOf(t, policy), 1), policy).start;
    },
  };
}
