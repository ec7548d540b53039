import type { Policy } from '../domain/policy';
import { businessDateOf } from '../domain/calendar/business-calendar';
import { addDays, formatLocalDate, zonedTimeToInstant, type LocalDate } from '../domain/time/zoned';

/**
 * A calendar day in the callback-hours zone: "today", "closed on", "due on" are
 * all read there (the center's day), never in a desktop's or the server's zone.
 */
export interface DaySpan {
  /** YYYY-MM-DD, the key the aggregates and charts share. */
  key: string;
  date: LocalDate;
  /** First instant of the day. */
  start: number;
  /** First instant of the next day (a day may be 23 or 25 hours long across DST). */
  end: number;
}

function midnight(date: LocalDate, policy: Policy): number {
  return zonedTimeToInstant({ ...date, hour: 0, minute: 0 }, policy.callbackHours.timeZone);
}

export function daySpan(date: LocalDate, policy: Policy): DaySpan {
  return {
    key: formatLocalDate(date),
    date,
    start: midnight(date, policy),
    end: midnight(addDays(date, 1), policy),
  };
}

/** The day `instant` falls on. */
export function dayOf(instant: number, policy: Policy): DaySpan {
  return daySpan(businessDateOf(instant, policy), policy);
}

export function dayKeyOf(instant: number, policy: Policy): string {
  return formatLocalDate(businessDateOf(instant, policy));
}

/** `count` consecutive days ending with the day of `now`, oldest first. */
export function daysEndingAt(now: number, count: number, policy: Policy): DaySpan[] {
  const today = businessDateOf(now, policy);
  const days: DaySpan[] = [];
  for (let i = count - 1; i >= 0; i--) days.push(daySpan(addDays(today, -i), policy));
  return days;
}

/** `count` consecutive days starting with the day of `now`. */
export function daysStartingAt(now: number, count: number, policy: Policy): DaySpan[] {
  const today = businessDateOf(now, policy);
  const days: DaySpan[] = [];
  for (let i = 0; i < count; i++) days.push(daySpan(addDays(today, i), policy));
  return days;
}
