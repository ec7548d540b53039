/**
 * What time it is where the customer is, and whether the policy lets us call
 * them now (PRODUCT.md rule 3: no calls before 08:00 or after 21:00 customer-local,
 * and warn). A zone the customer stated wins over the one guessed from the area code.
 */
import type { Policy } from '../policy';
import type { DomainError } from '../result';
import { minutesOfDay } from '../time/clock-time';
import type { ZonedParts } from '../time/zoned';
import { addDays, instantAtMinutes, isKnownTimeZone, zonedParts } from '../time/zoned';
import { zoneForAreaCode } from './area-code-zones';
import { zoneName } from '../language/zone-name';
import { areaCodeOf } from './phone-number';

export interface CustomerZone {
  timeZone: string;
  source: 'stated' | 'area-code';
  /** The area code spans zones and this is only the majority one ("likely"). */
  approximate: boolean;
}

export interface CustomerLocalTime extends CustomerZone {
  local: ZonedParts;
}

/** A phone as far as time is concerned: its E.164 number and, if stated, its zone. */
export interface PhoneWithZone {
  /** +1 E.164. */
  e164: string;
  /** IANA zone the customer stated; wins over the area code. */
  timeZone?: string;
}

export interface CallingHoursCheck {
  allowed: boolean;
  /** Present when the call is not allowed, or allowed without knowing the local time. */
  warning?: DomainError;
  /** Undefined when neither a stated zone nor the area code gives one. */
  local?: CustomerLocalTime;
}

/** Kept here too: phone code and its callers know it by this module. */
export { isKnownTimeZone };

/**
 * The zone to use for a number: the stated one when it is a real zone, else the
 * area code's. An unknown stated zone is ignored rather than trusted (the sync edge
 * validates stored zones; this keeps a bad value from silently meaning UTC).
 */
export function customerZone(e164: string, statedTimeZone?: string): CustomerZone | undefined {
  if (statedTimeZone && isKnownTimeZone(statedTimeZone)) {
    return { timeZone: statedTimeZone, source: 'stated', approximate: false };
  }
  const byAreaCode = zoneForAreaCode(areaCodeOf(e164));
  if (!byAreaCode) return undefined;
  return { timeZone: byAreaCode.timeZone, source: 'area-code', approximate: byAreaCode.approximate };
}

/**
 * The customer's wall clock at `now`; undefined when their zone is unknown.
 * A zone stated for this very number (phone.timeZone, e.g. an attorney's office)
 * is more specific than the customer's stated zone, which beats the area code.
 */
export function customerLocalTime(
  phone: string | PhoneWithZone,
  now: number,
  statedTimeZone?: string,
): CustomerLocalTime | undefined {
  const e164 = typeof phone === 'string' ? phone : phone.e164;
  const perNumber = typeof phone === 'string' ? undefined : phone.timeZone;
  const stated = perNumber && isKnownTimeZone(perNumber) ? perNumber : statedTimeZone;
  const zone = customerZone(e164, stated);
  if (!zone) return undefined;
  return { ...zone, local: zonedParts(now, zone.timeZone) };
}

/** Whether customer-local calling hours (policy.customerLocalHours) allow a call now. */
export function callingHoursCheck(phone: PhoneWithZone, now: number, policy: Policy): CallingHoursCheck {
  const local = customerLocalTime(phone, now);
  if (!local) {
    return {
      allowed: true,
      warning: {
        code: 'phone.local_time_unknown',
        message:
          `The customer's local time is unknown (area code ${areaCodeOf(phone.e164)} has no time zone); ` +
          `make sure it is between ${policy.customerLocalHours.start} and ${policy.customerLocalHours.end} where they are.`,
      },
    };
  }
  const { start, end } = policy.customerLocalHours;
  const minute = local.local.hour * 60 + local.local.minute;
  const where = describeZone(local, phone.e164, now);
  if (minute < minutesOfDay(start)) {
    return {
      allowed: false,
      local,
      warning: {
        code: 'phone.too_early_for_customer',
        message: `It is ${likely(local)}${clock(local.local)} where the customer is (${where}); calls there start at ${start}.`,
      },
    };
  }
  if (minute >= minutesOfDay(end)) {
    return {
      allowed: false,
      local,
      warning: {
        code: 'phone.too_late_for_customer',
        message: `It is ${likely(local)}${clock(local.local)} where the customer is (${where}); calls there end at ${end}.`,
      },
    };
  }
  return { allowed: true, local };
}

/**
 * The first instant at or after `now` when customer-local calling hours are open
 * in `timeZone` (now itself when they already are).
 */
export function nextLocalOpening(
  timeZone: string,
  now: number,
  window: { start: string; end: string },
): number {
  const today = zonedParts(now, timeZone);
  const minute = today.hour * 60 + today.minute;
  const startMinute = minutesOfDay(window.start);
  if (minute >= startMinute && minute < minutesOfDay(window.end)) return now;
  const date = minute < startMinute ? today : addDays(today, 1);
  return instantAtMinutes(date, startMinute, timeZone);
}

function clock(local: ZonedParts): string {
  return `${local.hour}:${String(local.minute).padStart(2, '0')}`;
}

function likely(local: CustomerLocalTime): string {
  return local.approximate ? 'likely ' : '';
}

/** The zone as people say it (Eastern Time, never its IANA id): these sentences are English. */
function describeZone(local: CustomerLocalTime, e164: string, now: number): string {
  const name = zoneName(local.timeZone, 'en', now);
  return local.source === 'area-code' && local.approximate
    ? `${name}, guessed from area code ${areaCodeOf(e164)}`
    : name;
}
