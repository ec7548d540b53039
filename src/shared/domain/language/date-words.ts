import { zonedParts, type LocalDate } from '../time/zoned';
import { LOCALES, type Language } from './language';

/**
 * Dates and days said in words, the way an agent reads them to a caller or to
 * themselves: "Monday, November 2, 2026", "lunes, 2 de noviembre de 2026", "today",
 * "mañana", "Friday". Intl supplies every word, so no month or weekday name is
 * written in a catalog.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
const relative = new Map<Language, Intl.RelativeTimeFormat>();

function format(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let formatter = formats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[language], options);
    formats.set(key, formatter);
  }
  return formatter;
}

function utcNoon(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day, 12);
}

/** "Monday, November 2, 2026" / "lunes, 2 de noviembre de 2026". */
export function dateInWords(date: LocalDate, language: Language): string {
  return format(language, { dateStyle: 'full', timeZone: 'UTC' }).format(utcNoon(date));
}

/** Calendar days from `now`'s date to `instant`'s date in `timeZone` (0 = same day, 1 = the next). */
export function calendarDaysBetween(now: number, instant: number, timeZone: string): number {
  const a = zonedParts(now, timeZone);
  const b = zonedParts(instant, timeZone);
  return Math.round((utcNoon(b) - utcNoon(a)) / 86_400_000);
}

/** How far ahead a day reads as a weekday name ("Friday") rather than a date. */
const WEEKDAY_RANGE_DAYS = 6;

/**
 * The day of `instant` relative to `now`, in `timeZone`: "today", "tomorrow",
 * "yesterday" (hoy, mañana, ayer), a weekday name within the coming week, else a
 * short date ("Mon, Dec 14" / "lun, 14 de dic").
 */
export function dayInWords(instant: number, now: number, timeZone: string, language: Language): string {
  const days = calendarDaysBetween(now, instant, timeZone);
  if (days >= -1 && days <= 1) {
    let words = relative.get(language);
    if (!words) {
      words = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' });
      relative.set(language, words);
    }
    return words.format(days, 'day');
  }
  if (days > 1 && days <= WEEKDAY_RANGE_DAYS) {
    return format(language, { weekday: 'long', timeZone }).format(instant);
  }
  return format(language, { weekday: 'short', month: 'short', day: 'numeric', timeZone }).format(instant);
}
