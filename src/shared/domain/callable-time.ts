import { businessDateOf, closingOn, isBusinessDay, openingOn } from './calendar/business-calendar';
import type { Policy } from './policy';
import { minutesOfDay } from './time/clock-time';
import { addDays, instantAtMinutes, zonedParts, zonedTimeToInstant, type LocalDate } from './time/zoned';

/**
 * Callable time (PRODUCT.md rule 3): the instants when the center may call a given
 * customer — callback hours (policy zone, business days, not on observed holidays)
 * intersected with the customer's own local hours (policy.customerLocalHours) in at
 * least one of the customer's zones. With no known zone only callback hours count.
 *
 * The SLA state (sla.ts) measures what is left of this, not of wall-clock time: a
 * callback due Monday 06:33 has, on Friday morning, only Friday's hours left.
 */
export interface Interval {
  start: number;
  end: number;
}

/** Guard against a policy with no business day at all (the schema allows odd weekday lists). */
const MAX_DAYS_SCANNED = 400;

/** One zone key per distinct set of customer zones (sorted, deduplicated). */
export function zonesKey(zones: readonly string[]): string {
  return [...new Set(zones)].sort().join(',');
}

/** A business day's callable intervals and the first instant of that day (policy zone). */
interface CallableDay {
  dayStart: number;
  intervals: readonly Interval[];
}

/** Per policy object, per zone set, per day ordinal: the answer never changes, so it is cached. */
const dayCache = new WeakMap<Policy, Map<string, Map<number, CallableDay>>>();
const MAX_CACHED_DAYS = 20_000;

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a calendar date: a cheap, exact cache key (no strings, no Date per look-up). */
const ordinalOf = (date: LocalDate): number => Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
function dateOf(ordinal: number): LocalDate {
  const d = new Date(ordinal * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function dayOf(ordinal: number, zones: readonly string[], key: string, policy: Policy): CallableDay {
  let byZones = dayCache.get(policy);
  if (!byZones) {
    byZones = new Map();
    dayCache.set(policy, byZones);
  }
  let days = byZones.get(key);
  if (!days) {
    days = new Map();
    byZones.set(key, days);
  }
  let day = days.get(ordinal);
  if (!day) {
    const date = dateOf(ordinal);
    day = {
      dayStart: zonedTimeToInstant({ ...date, hour: 0, minute: 0 }, policy.callbackHours.timeZone),
      intervals: computeDay(date, zones, policy),
    };
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(ordinal, day);
  }
  return day;
}

/** The callable intervals of one business day (empty on a closed day), sorted and disjoint. */
export function callableOnDay(
  date: LocalDate,
  zones: readonly string[],
  policy: Policy,
): readonly Interval[] {
  return dayOf(ordinalOf(date), zones, zonesKey(zones), policy).intervals;
}

function computeDay(date: LocalDate, zones: readonly string[], policy: Policy): readonly Interval[] {
  if (!isBusinessDay(date, policy)) return [];
  const hours = { start: openingOn(date, policy), end: closingOn(date, policy) };
  const distinct = [...new Set(zones)];
  if (distinct.length === 0) return [hours];
  const pieces: Interval[] = [];
  for (const zone of distinct) {
    for (const local of localWindowsAround(hours, zone, policy)) {
      const start = Math.max(local.start, hours.start);
      const end = Math.min(local.end, hours.end);
      if (end > start) pieces.push({ start, end });
    }
  }
  return mergeIntervals(pieces);
}

/** The customer-local hours in `zone` on every local date that touches `span`. */
function localWindowsAround(span: Interval, zone: string, policy: Policy): Interval[] {
  const startMinute = minutesOfDay(policy.customerLocalHours.start);
  const endMinute = minutesOfDay(policy.customerLocalHours.end);
  const at = (date: LocalDate, minutes: number) => instantAtMinutes(date, minutes, zone);
  const first = zonedParts(span.start, zone);
  const windows: Interval[] = [];
  // A business day spans at most two local dates anywhere on Earth; look one either side.
  for (let offset = -1; offset <= 1; offset++) {
    const date = addDays(first, offset);
    windows.push({ start: at(date, startMinute), end: at(date, endMinute) });
  }
  return windows;
}

export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else merged.push({ ...next });
  }
  return merged;
}

/** A callable interval with the first instant of its day (policy zone): "due today" starts there. */
export interface CallableWindow extends Interval {
  dayStart: number;
}

/**
 * The callable intervals before `until`, latest first (the last one's end clipped to
 * `until`), walking back day by day — at most `maxDays` calendar days.
 */
export function* callableBackward(
  until: number,
  zones: readonly string[],
  policy: Policy,
  maxDays = MAX_DAYS_SCANNED,
): Generator<CallableWindow> {
  const key = zonesKey(zones);
  let ordinal = ordinalOf(businessDateOf(until, policy));
  for (let day = 0; day < maxDays; day++, ordinal--) {
    const { dayStart, intervals } = dayOf(ordinal, zones, key, policy);
    for (let i = intervals.length - 1; i >= 0; i--) {
      const interval = intervals[i] as Interval;
      const end = Math.min(interval.end, until);
      if (end > interval.start) yield { start: interval.start, end, dayStart };
    }
  }
}

/**
 * The callable intervals from `from` onward, extended on demand; answers "how much
 * callable time is left before t", "which window is the last before t" and "do n
 * attempts fit" with binary searches, so ranking 50,000 callbacks costs one
 * timeline per distinct zone set, not one calendar walk per callback.
 */
export class CallableTimeline {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** prefix[i] = callable ms in intervals 0..i-1. */
  private readonly prefix: number[] = [0];
  private nextOrdinal: number;
  private readonly key: string;
  private horizon: number;
  private scannedDays = 0;

  constructor(
    readonly from: number,
    private readonly zones: readonly string[],
    private readonly policy: Policy,
  ) {
    this.nextOrdinal = ordinalOf(businessDateOf(from, policy));
    this.key = zonesKey(zones);
    this.horizon = from;
  }

  /** Makes sure every interval starting before `t` is known. */
  private extendTo(t: number): void {
    while (this.horizon < t && this.scannedDays < MAX_DAYS_SCANNED + 31) {
      for (const interval of dayOf(this.nextOrdinal, this.zones, this.key, this.policy).intervals) {
        const start = Math.max(interval.start, this.from);
        if (interval.end <= start) continue;
        this.starts.push(start);
        this.ends.push(interval.end);
        this.prefix.push((this.prefix[this.prefix.length - 1] ?? 0) + interval.end - start);
      }
      this.nextOrdinal += 1;
      this.scannedDays += 1;
      this.horizon = dayOf(this.nextOrdinal, this.zones, this.key, this.policy).dayStart;
    }
  }

  /** Index of the first interval whose end is after `t` (the one containing t, or the next). */
  private indexAfter(t: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ends[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Callable milliseconds between the timeline's start and `t`. */
  callableMsUntil(t: number): number {
    if (t <= this.from) return 0;
    this.extendTo(t);
    const i = this.indexAfter(t);
    const before = this.prefix[i] as number;
    const start = this.starts[i];
    return start !== undefined && start < t ? before + (t - start) : before;
  }

  /** The last callable interval (clipped) before `t`, or undefined when none is left. */
  lastBefore(t: number): Interval | undefined {
    if (t <= this.from) return undefined;
    this.extendTo(t);
    const i = this.indexAfter(t);
    const start = this.starts[i];
    if (start !== undefined && start < t) return { start, end: t };
    const j = i - 1;
    return j >= 0 ? { start: this.starts[j] as number, end: this.ends[j] as number } : undefined;
  }
}
