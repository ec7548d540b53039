import { MINUTE_MS, type Policy } from '../policy';
import { minutesOfDay } from '../time/clock-time';
import {
  addDays,
  describeInstant,
  formatLocalDate,
  instantAtMinutes,
  weekdayName,
  weekdayOf,
  zonedParts,
  type LocalDate,
} from '../time/zoned';
import { observedHolidayOn } from './federal-holidays';

/**
 * Callback hours (PRODUCT.md rule 3): when the center may call, in the policy's
 * zone (America/New_York by default), on the policy's weekdays, not on observed
 * federal holidays. Every function takes the policy; none reads the clock.
 */

export type ClosedReasonCode = 'weekend' | 'holiday' | 'before-hours' | 'after-hours';

export interface ClosedReason {
  code: ClosedReasonCode;
  /** A sentence for the agent, e.g. "Thu 2026-11-26 is a federal holiday (Thanksgiving Day)". */
  message: string;
}

export interface TimeWindow {
  earliest: number;
  latest: number;
}

export interface WindowAdjustment {
  code: 'moved' | 'shortened';
  reason: ClosedReason;
  message: string;
}

/** Longest run of closed days we search across (weekends + holiday clusters are far shorter). */
const MAX_CLOSED_DAYS = 31;

function hours(policy: Policy) {
  const { timeZone, daily } = policy.callbackHours;
  return { timeZone, daily };
}

interface DayInfo {
  closedCode: 'weekend' | 'holiday' | undefined;
  opening: number;
  closing: number;
}

/**
 * Per policy and calendar day: whether it is a business day and when hours open
 * and close. Every rule asks this for every callback, and the answer never changes
 * for a given policy object, so it is computed once.
 */
const dayCache = new WeakMap<Policy, Map<number, DayInfo>>();
const MAX_CACHED_DAYS = 20_000;

function dayInfo(date: LocalDate, policy: Policy): DayInfo {
  let days = dayCache.get(policy);
  if (!days) {
    days = new Map();
    dayCache.set(policy, days);
  }
  const key = date.year * 10_000 + date.month * 100 + date.day;
  let info = days.get(key);
  if (!info) {
    const { timeZone, daily } = policy.callbackHours;
    const start = minutesOfDay(daily.start);
    const end = minutesOfDay(daily.end);
    const at = (minutes: number) => instantAtMinutes(date, minutes, timeZone);
    let closedCode: DayInfo['closedCode'];
    if (!policy.callbackHours.weekdays.includes(weekdayOf(date))) closedCode = 'weekend';
    else if (policy.callbackHours.observeFederalHolidays && observedHolidayOn(date)) closedCode = 'holiday';
    info = { closedCode, opening: at(start), closing: at(end) };
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(key, info);
  }
  return info;
}

const abbreviationFormatters = new Map<string, Intl.DateTimeFormat>();

/** Short zone name at an instant ("EST"/"EDT"), so messages are right across DST. */
export function zoneAbbreviation(instant: number, timeZone: string): string {
  let formatter = abbreviationFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    abbreviationFormatters.set(timeZone, formatter);
  }
  const part = formatter.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

function closedDayCode(date: LocalDate, policy: Policy): 'weekend' | 'holiday' | undefined {
  return dayInfo(date, policy).closedCode;
}

/** Why `date` is not a business day, or undefined when it is one. */
export function closedDayReason(date: LocalDate, policy: Policy): ClosedReason | undefined {
  const code = closedDayCode(date, policy);
  if (!code) return undefined;
  const label = `${weekdayName(weekdayOf(date)).slice(0, 3)} ${formatLocalDate(date)}`;
  if (code === 'weekend') return { code, message: `${label} is outside the callback days` };
  return { code, message: `${label} is a federal holiday (${observedHolidayOn(date)?.name ?? 'holiday'})` };
}

export function isBusinessDay(date: LocalDate, policy: Policy): boolean {
  return closedDayCode(date, policy) === undefined;
}

/** The instant callback hours open on `date` (which need not be a business day). */
export function openingOn(date: LocalDate, policy: Policy): number {
  return dayInfo(date, policy).opening;
}

/** The instant callback hours close on `date`. */
export function closingOn(date: LocalDate, policy: Policy): number {
  return dayInfo(date, policy).closing;
}

/** The policy-zone calendar date of an instant. */
export function businessDateOf(instant: number, policy: Policy): LocalDate {
  const { year, month, day } = zonedParts(instant, policy.callbackHours.timeZone);
  return { year, month, day };
}

/** Why callbacks cannot be made at `instant`, or undefined when they can. */
export function closedReasonAt(instant: number, policy: Policy): ClosedReason | undefined {
  const date = businessDateOf(instant, policy);
  const day = closedDayReason(date, policy);
  if (day) return day;
  const { timeZone, daily } = hours(policy);
  const zone = zoneAbbreviation(instant, timeZone);
  const at = describeInstant(instant, timeZone).slice(-5);
  const span = `${daily.start}–${daily.end} ${zone}`;
  if (instant < openingOn(date, policy)) {
    return { code: 'before-hours', message: `${at} ${zone} is before callback hours (${span})` };
  }
  if (instant >= closingOn(date, policy)) {
    return { code: 'after-hours', message: `${at} ${zone} is after callback hours (${span})` };
  }
  return undefined;
}

export function isOpen(instant: number, policy: Policy): boolean {
  const day = dayInfo(businessDateOf(instant, policy), policy);
  return day.closedCode === undefined && instant >= day.opening && instant < day.closing;
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: LocalDate, policy: Policy): LocalDate {
  for (let i = 1; i <= MAX_CLOSED_DAYS; i++) {
    const candidate = addDays(date, i);
    if (isBusinessDay(candidate, policy)) return candidate;
  }
  throw new Error('policy has no business day within a month; callbackHours.weekdays is misconfigured');
}

/** `count` business days after (positive) or before (negative) `date`. */
export function shiftBusinessDays(date: LocalDate, count: number, policy: Policy): LocalDate {
  let current = date;
  const step = count < 0 ? -1 : 1;
  for (let moved = 0; moved < Math.abs(count);) {
    current = addDays(current, step);
    if (isBusinessDay(current, policy)) moved++;
  }
  return current;
}

/** `instant` itself when callback hours are open then, otherwise the next opening. */
export function nextOpening(instant: number, policy: Policy): number {
  const date = businessDateOf(instant, policy);
  if (isBusinessDay(date, policy)) {
    if (instant < openingOn(date, policy)) return openingOn(date, policy);
    if (instant < closingOn(date, policy)) return instant;
  }
  return openingOn(nextBusinessDay(date, policy), policy);
}

/**
 * Fits a window into callback hours, moving only forward so nothing happens
 * earlier than a rule allows: a window that starts while closed moves to the next
 * opening (keeping its length, cut at that day's close); one that runs past the
 * close is shortened. The adjustment carries the reason to show the agent.
 */
export function fitWindow(
  window: TimeWindow,
  policy: Policy,
): { window: TimeWindow; adjustment?: WindowAdjustment } {
  const { timeZone } = hours(policy);
  const closed = isOpen(window.earliest, policy) ? undefined : closedReasonAt(window.earliest, policy);
  if (closed) {
    const earliest = nextOpening(window.earliest, policy);
    const close = closingOn(businessDateOf(earliest, policy), policy);
    const latest = Math.min(earliest + (window.latest - window.earliest), close);
    const to = describeInstant(latest, timeZone).slice(-5);
    return {
      window: { earliest, latest },
      adjustment: {
        code: 'moved',
        reason: closed,
        message: `${closed.message}; moved to ${describeInstant(earliest, timeZone)}–${to} ${zoneAbbreviation(earliest, timeZone)}`,
      },
    };
  }
  const close = closingOn(businessDateOf(window.earliest, policy), policy);
  if (window.latest > close) {
    const reason = closedReasonAt(window.latest, policy) ?? {
      code: 'after-hours' as const,
      message: `callback hours end at ${policy.callbackHours.daily.end}`,
    };
    return {
      window: { earliest: window.earliest, latest: close },
      adjustment: {
        code: 'shortened',
        reason,
        message: `Callback hours end at ${policy.callbackHours.daily.end} ${zoneAbbreviation(close, timeZone)}; the window now ends then`,
      },
    };
  }
  return { window };
}

/** Minutes of callback hours between two instants: the working time an SLA really has. */
export function openMinutesBetween(from: number, to: number, policy: Policy): number {
  if (to <= from) return 0;
  let total = 0;
  let date = businessDateOf(from, policy);
  const last = businessDateOf(to, policy);
  for (let guard = 0; guard < 10_000; guard++) {
    if (isBusinessDay(date, policy)) {
      const start = Math.max(from, openingOn(date, policy));
      const end = Math.min(to, closingOn(date, policy));
      if (end > start) total += end - start;
    }
    if (date.year === last.year && date.month === last.month && date.day === last.day) break;
    date = addDays(date, 1);
  }
  return Math.floor(total / MINUTE_MS);
}
