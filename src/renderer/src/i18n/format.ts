import { zoneAbbreviation } from '../../../shared/domain/calendar/business-calendar';
import { LOCALES, type Language } from '../../../shared/domain/language/language';
import { zoneName } from '../../../shared/domain/language/zone-name';
import { useUiStore } from '../state/ui-store';

const INSTANT: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};
const CLOCK: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/**
 * One formatter per (shape, zone, language): building an Intl.DateTimeFormat costs far
 * more than using one, and a scrolling worklist formats hundreds of times a second.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(shape: 'instant' | 'clock', timeZone: string, language: Language): Intl.DateTimeFormat {
  const key = `${shape} ${timeZone} ${language}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[language], {
      timeZone,
      ...(shape === 'instant' ? INSTANT : CLOCK),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The agent's screen language, the default of every formatter here: they are called
 * while rendering, and every screen re-renders when the language changes (useT).
 */
function screenLanguage(): Language {
  return useUiStore.getState().language;
}

/**
 * Instants as agents read them, in the screen language: "Mon, Nov 30, 9:05 AM EST",
 * "lun, 30 nov, 9:05 a. m. EST" — in the zone given (the callback-hours zone unless it
 * is the customer's own time). The zone's abbreviation is the same in both languages
 * (EST, AST), so agents can read times to each other.
 */
export function formatInstant(instant: number, timeZone: string, language = screenLanguage()): string {
  return `${formatterFor('instant', timeZone, language).format(new Date(instant))} ${zoneAbbreviation(instant, timeZone)}`;
}

/** Wall-clock time only: "9:05 AM", "9:05 a. m.". */
export function formatClock(instant: number, timeZone: string, language = screenLanguage()): string {
  return formatterFor('clock', timeZone, language).format(new Date(instant));
}

/** A zone as people say it, in the screen language: "Eastern Time", "hora del Este" — never an IANA id. */
export function formatZone(timeZone: string, at: number, language = screenLanguage()): string {
  return zoneName(timeZone, language, at);
}

const DATE: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
};
const dateFormatters = new Map<Language, Intl.DateTimeFormat>();

/**
 * A calendar date (YYYY-MM-DD, no time or zone: a target date) as agents read dates
 * everywhere else, in the screen language: "Thu, Dec 3, 2026", "jue, 3 dic 2026".
 * Anything that is not such a date is shown as it is.
 */
export function formatDate(date: string, language = screenLanguage()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  let formatter = dateFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[language], DATE);
    dateFormatters.set(language, formatter);
  }
  return formatter.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}
