/**
 * Which of a customer's numbers to dial now, and why (PRODUCT.md rule 5). Every
 * number is listed — the ones we should not call now too, with the warning and the
 * time they open — so the agent sees the whole picture, not just a pick.
 */
import type { Policy } from '../policy';
import type { DomainError } from '../result';
import { minutesOfDay } from '../time/clock-time';
import { describeInstant } from '../time/zoned';
import type { CustomerLocalTime } from './customer-time';
import { callingHoursCheck, nextLocalOpening } from './customer-time';
import { formatUsPhone, parseUsPhone } from './phone-number';

export const PHONE_LABELS = ['mobile', 'home', 'work', 'attorney', 'other'] as const;
export type PhoneLabel = (typeof PHONE_LABELS)[number];

/**
 * Tie-break between equally good numbers: a mobile most likely reaches the customer
 * in person. A product convention for ordering, not a contact-center policy number.
 */
export const LABEL_PREFERENCE: readonly PhoneLabel[] = PHONE_LABELS;

export interface BestTimeWindow {
  /** "HH:MM" in the customer's local time. */
  start: string;
  end: string;
}

export interface CustomerPhone {
  id: string;
  label: PhoneLabel;
  /** +1 E.164, e.g. "+12025550143". */
  number: string;
  /** Digits dialed after the call connects. */
  extension?: string;
  bestTime?: BestTimeWindow;
  /** IANA zone stated for this number; beats the customer's stated zone and the area code. */
  timeZone?: string;
}

/** Best first: the order in which ranked numbers are listed. */
export const SUGGESTION_STATUSES = [
  'best-time',
  'in-hours',
  'in-hours-outside-best-time',
  'local-time-unknown',
  'outside-hours',
  'invalid-number',
] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export interface RankedPhone {
  phone: CustomerPhone;
  status: SuggestionStatus;
  /** May be dialed now. Never true outside customer-local calling hours. */
  callable: boolean;
  /** One sentence for the agent. */
  reason: string;
  local?: CustomerLocalTime;
  warning?: DomainError;
  /** When not callable because of the hour: the next instant this number may be called. */
  callableFrom?: number;
}

export interface NumberSuggestion {
  /** The number to dial now; undefined when none may be called now. */
  suggested?: RankedPhone;
  ranked: RankedPhone[];
  /** When nothing is callable now: the first instant any number becomes callable. */
  nextCallableAt?: number;
  reason: string;
}

/** Ranks the customer's numbers for a call at `now` under customer-local calling hours. */
export function suggestNumber(
  phones: readonly CustomerPhone[],
  statedTimeZone: string | undefined,
  now: number,
  policy: Policy,
): NumberSuggestion {
  const ranked = phones
    .map((phone, index) => ({ entry: assess(phone, statedTimeZone, now, policy), index }))
    .sort((a, b) => compare(a.entry, b.entry) || a.index - b.index)
    .map(({ entry }) => entry);

  const suggested = ranked.find((r) => r.callable);
  if (suggested) {
    return { suggested, ranked, reason: `Call ${describePhone(suggested.phone)}: ${suggested.reason}` };
  }
  if (ranked.length === 0) return { ranked, reason: 'The customer has no phone numbers on file.' };

  const earliest = ranked
    .filter((r): r is RankedPhone & { callableFrom: number; local: CustomerLocalTime } =>
      Boolean(r.callableFrom !== undefined && r.local),
    )
    .sort((a, b) => a.callableFrom - b.callableFrom)[0];
  if (!earliest) return { ranked, reason: 'None of the customer’s numbers can be dialed.' };
  return {
    ranked,
    nextCallableAt: earliest.callableFrom,
    reason:
      `No number can be called now; the earliest is ${describePhone(earliest.phone)} at ` +
      `${describeInstant(earliest.callableFrom, earliest.local.timeZone)} (${earliest.local.timeZone}).`,
  };
}

function assess(
  phone: CustomerPhone,
  statedTimeZone: string | undefined,
  now: number,
  policy: Policy,
): RankedPhone {
  const parsed = parseUsPhone(phone.number);
  if (!parsed.ok) {
    return {
      phone,
      status: 'invalid-number',
      callable: false,
      reason: `This number cannot be dialed: ${parsed.error.message}.`,
      warning: parsed.error,
    };
  }
  const check = callingHoursCheck(
    { e164: parsed.value.e164, timeZone: phone.timeZone ?? statedTimeZone },
    now,
    policy,
  );
  const local = check.local;
  if (!local) {
    return {
      phone,
      status: 'local-time-unknown',
      callable: true,
      reason: check.warning?.message ?? 'The customer’s local time is unknown.',
      ...(check.warning ? { warning: check.warning } : {}),
    };
  }
  const it = `it is ${local.approximate ? 'likely ' : ''}${clock(local)} in ${local.timeZone}`;
  if (!check.allowed) {
    const callableFrom = nextLocalOpening(local.timeZone, now, policy.customerLocalHours);
    return {
      phone,
      status: 'outside-hours',
      callable: false,
      reason: `${check.warning?.message ?? 'Outside calling hours.'} Callable from ${describeInstant(callableFrom, local.timeZone)}.`,
      local,
      callableFrom,
      ...(check.warning ? { warning: check.warning } : {}),
    };
  }
  const best = phone.bestTime;
  if (!best) {
    return { phone, status: 'in-hours', callable: true, reason: `Inside calling hours (${it}).`, local };
  }
  const window = `${best.start}–${best.end}`;
  if (inWindow(local, best)) {
    return {
      phone,
      status: 'best-time',
      callable: true,
      reason: `Inside the customer's best time ${window} (${it}).`,
      local,
    };
  }
  return {
    phone,
    status: 'in-hours-outside-best-time',
    callable: true,
    reason: `Inside calling hours (${it}) but outside the customer's best time ${window}.`,
    local,
  };
}

/** Better first: by status, then (outside hours) by who opens first, then by label. */
function compare(a: RankedPhone, b: RankedPhone): number {
  return (
    SUGGESTION_STATUSES.indexOf(a.status) - SUGGESTION_STATUSES.indexOf(b.status) ||
    (a.callableFrom ?? 0) - (b.callableFrom ?? 0) ||
    LABEL_PREFERENCE.indexOf(a.phone.label) - LABEL_PREFERENCE.indexOf(b.phone.label)
  );
}

function inWindow(local: CustomerLocalTime, window: BestTimeWindow): boolean {
  const minute = local.local.hour * 60 + local.local.minute;
  return minute >= minutesOfDay(window.start) && minute < minutesOfDay(window.end);
}

function clock(local: CustomerLocalTime): string {
  return `${local.local.hour}:${String(local.local.minute).padStart(2, '0')}`;
}

function describePhone(phone: CustomerPhone): string {
  return `${phone.label} ${formatUsPhone(phone.number, phone.extension)}`;
}
