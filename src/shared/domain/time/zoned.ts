/**
 * Wall-clock arithmetic in an IANA time zone with nothing but Intl, so shared code
 * stays dependency-free. Instants are epoch milliseconds (UTC); a LocalDateTime is
 * what a clock on the wall in that zone shows.
 */

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
}

export interface ZonedParts extends LocalDateTime {
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const knownZones = new Map<string, boolean>();

/**
 * Whether Intl knows an IANA zone name. Cached: building a formatter costs ~20 µs and
 * row schemas ask this for every customer and phone on every pull.
 */
export function isKnownTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 10_000) knownZones.set(zone, known);
  }
  return known;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Offsets change only at transitions, and every transition of the zones we use
 * falls on a quarter hour of UTC, so the offset is cached per zone and 15-minute
 * bucket. Intl's formatToParts costs ~20 µs; worklists and forecasts evaluate the
 * calendar for every callback, so this cache is what makes them cheap.
 */
const OFFSET_BUCKET_MS = 15 * 60_000;
const MAX_CACHED_OFFSETS = 100_000;
const offsetCache = new Map<string, Map<number, number>>();

function offsetFromIntl(instant: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    (p.hour ?? 0) % 24,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return asUtc - instant;
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (New York in winter: −5 h). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const bucket = Math.floor(instant / OFFSET_BUCKET_MS);
  let zoneCache = offsetCache.get(timeZone);
  if (!zoneCache) {
    zoneCache = new Map();
    offsetCache.set(timeZone, zoneCache);
  }
  let offset = zoneCache.get(bucket);
  if (offset === undefined) {
    offset = offsetFromIntl(bucket * OFFSET_BUCKET_MS, timeZone);
    if (zoneCache.size >= MAX_CACHED_OFFSETS) zoneCache.clear();
    zoneCache.set(bucket, offset);
  }
  return offset;
}

/** What a wall clock in `timeZone` shows at `instant`. */
export function zonedParts(instant: number, timeZone: string): ZonedParts {
  const local = new Date(instant + zoneOffsetMs(instant, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

/**
 * The instant at which a wall clock in `timeZone` shows `local`.
 * A time skipped by a spring-forward gap resolves to the same clock time after the
 * gap (02:30 → 03:30); a time repeated by fall-back resolves to the earlier one.
 */
export function zonedTimeToInstant(local: LocalDateTime, timeZone: string): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const firstOffset = zoneOffsetMs(asUtc, timeZone);
  const firstGuess = asUtc - firstOffset;
  const secondOffset = zoneOffsetMs(firstGuess, timeZone);
  if (secondOffset === firstOffset) return firstGuess;
  const secondGuess = asUtc - secondOffset;
  if (zoneOffsetMs(secondGuess, timeZone) === secondOffset) return secondGuess;
  // Neither offset maps back: the local time falls in a gap. Take the later reading.
  return Math.max(firstGuess, secondGuess);
}

/** 0 = Sunday … 6 = Saturday for a calendar date. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** The calendar date `days` after `date` (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function sameDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Orders two dates: negative if a is earlier. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** ISO form YYYY-MM-DD, used as a key and in messages. */
export function formatLocalDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Parses YYYY-MM-DD strictly (the date must exist); undefined when it does not. */
export function parseLocalDate(text: string): LocalDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = addDays(date, 0);
  return sameDate(check, date) ? date : undefined;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday] ?? '?';
}

/** "Tue 2026-12-01 07:00" in the zone, for reasons shown to agents and in tests. */
export function describeInstant(instant: number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const hh = String(p.hour).padStart(2, '0');
  const mm = String(p.minute).padStart(2, '0');
  return `${weekdayName(p.weekday).slice(0, 3)} ${formatLocalDate(p)} ${hh}:${mm}`;
}

/** The instant of `minutes` after midnight (wall clock) on `date` in `timeZone`. */
export function instantAtMinutes(date: LocalDate, minutes: number, timeZone: string): number {
  return zonedTimeToInstant(
    {
      year: date.year,
      month: date.month,
      day: date.day,
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
    },
    timeZone,
  );
}
