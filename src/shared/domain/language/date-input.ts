import { err, ok, type Result } from '../result';
import { addDays, formatLocalDate, sameDate, type LocalDate } from '../time/zoned';
import { LOCALES, type Language } from './language';

/**
 * Dates as people type them. An agent on an English screen types 11/02/2026 for
 * November 2; on a Spanish screen 02/11/2026. Both also accept the ISO form
 * (2026-11-02) and the month written out in the screen's language ("Nov 2, 2026",
 * "2 de noviembre de 2026"). Years need four digits: "26" could be 1926 for a birth
 * date and 2026 for an appointment, and a wrong guess is worse than a question.
 */
export type DateOrder = 'month-day-year' | 'day-month-year';

export const DATE_ORDER: Readonly<Record<Language, DateOrder>> = {
  en: 'month-day-year',
  es: 'day-month-year',
};

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d+)$/;

export function parseDateInput(text: string, language: Language): Result<LocalDate> {
  const trimmed = text.trim();
  if (trimmed === '') return err('date.empty', 'Enter a date.');
  const iso = ISO.exec(trimmed);
  if (iso) return checkedDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), trimmed, language);
  const numeric = NUMERIC.exec(trimmed);
  if (numeric) {
    const [first, second, year] = [numeric[1], numeric[2], numeric[3]].map(Number) as [
      number,
      number,
      number,
    ];
    if ((numeric[3] ?? '').length !== 4) return twoDigitYear(trimmed, language);
    return DATE_ORDER[language] === 'month-day-year'
      ? checkedDate(year, first, second, trimmed, language)
      : checkedDate(year, second, first, trimmed, language);
  }
  const worded = parseWorded(trimmed, language);
  if (worded) {
    if (worded.yearText.length !== 4) return twoDigitYear(trimmed, language);
    return checkedDate(worded.year, worded.month, worded.day, trimmed, language);
  }
  return err(
    'date.format',
    `"${trimmed}" is not a date; enter it as ${datePattern(language)}, e.g. ${example(language)}.`,
    {
      text: trimmed,
      order: DATE_ORDER[language],
    },
  );
}

/** How a date is typed on this screen, as shown in hints: MM/DD/YYYY or DD/MM/YYYY. */
export function datePattern(language: Language): string {
  return DATE_ORDER[language] === 'month-day-year' ? 'MM/DD/YYYY' : 'DD/MM/YYYY';
}

/** A date in the form this screen types it (to prefill an input): 11/02/2026 or 02/11/2026. */
export function formatDateInput(date: LocalDate, language: Language): string {
  const mm = String(date.month).padStart(2, '0');
  const dd = String(date.day).padStart(2, '0');
  return DATE_ORDER[language] === 'month-day-year' ? `${mm}/${dd}/${date.year}` : `${dd}/${mm}/${date.year}`;
}

function example(language: Language): string {
  return formatDateInput({ year: 2026, month: 11, day: 2 }, language);
}

function twoDigitYear(text: string, language: Language) {
  return err('date.year_digits', `"${text}": write the year with four digits, e.g. ${example(language)}.`, {
    text,
    order: DATE_ORDER[language],
  });
}

function checkedDate(
  year: number,
  month: number,
  day: number,
  text: string,
  language: Language,
): Result<LocalDate> {
  if (month < 1 || month > 12) {
    return err(
      'date.no_such_month',
      `"${text}" has no month ${month}; enter the date as ${datePattern(language)}.`,
      { text, month, order: DATE_ORDER[language] },
    );
  }
  const date = { year, month, day };
  if (day < 1 || !sameDate(addDays(date, 0), date)) {
    return err(
      'date.no_such_day',
      `${formatLocalDate({ year, month, day: 1 }).slice(0, 7)} has no day ${day}.`,
      {
        text,
        year,
        month,
        day,
      },
    );
  }
  return ok(date);
}

/* ---------- month names ---------- */

/** Lower case, accents and trailing dots removed: "Sept." → "sept", "Diciembre" → "diciembre". */
function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\.$/, '');
}

const monthNames = new Map<Language, Map<string, number>>();
const weekdayNames = new Map<Language, Set<string>>();

/** Weekday names (long and short): "Monday, November 2, 2026" reads back without them. */
function weekdaysOf(language: Language): Set<string> {
  let names = weekdayNames.get(language);
  if (!names) {
    names = new Set();
    for (const style of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(LOCALES[language], { weekday: style, timeZone: 'UTC' });
      // 2001-01-07 was a Sunday: seven days from it name every weekday.
      for (let day = 7; day < 14; day++) names.add(foldWord(format.format(Date.UTC(2001, 0, day, 12))));
    }
    weekdayNames.set(language, names);
  }
  return names;
}

/** Month names the language's Intl writes (long and short), plus "sep" for "sept" and the like. */
function monthsOf(language: Language): Map<string, number> {
  let names = monthNames.get(language);
  if (!names) {
    names = new Map();
    for (const style of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(LOCALES[language], { month: style, timeZone: 'UTC' });
      for (let month = 1; month <= 12; month++) {
        const name = foldWord(format.format(Date.UTC(2001, month - 1, 15)));
        names.set(name, month);
        names.set(name.slice(0, 3), month);
      }
    }
    monthNames.set(language, names);
  }
  return names;
}

/** "Nov 2, 2026", "November 2 2026", "2 Nov 2026", "2 de noviembre de 2026", with or without the weekday. */
function parseWorded(
  text: string,
  language: Language,
): { year: number; month: number; day: number; yearText: string } | undefined {
  const weekdays = weekdaysOf(language);
  const words = text
    .split(/[\s,]+/)
    .map(foldWord)
    .filter((w) => w !== '' && w !== 'de' && w !== 'del' && !weekdays.has(w));
  if (words.length !== 3) return undefined;
  const months = monthsOf(language);
  const [a, b, c] = words as [string, string, string];
  const digits = /^\d+$/;
  if (months.has(a) && digits.test(b) && digits.test(c)) {
    return { month: months.get(a) as number, day: Number(b), year: Number(c), yearText: c };
  }
  if (digits.test(a) && months.has(b) && digits.test(c)) {
    return { day: Number(a), month: months.get(b) as number, year: Number(c), yearText: c };
  }
  return undefined;
}
