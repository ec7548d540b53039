import { zoneAbbreviation } from '../../../shared/domain/calendar/business-calendar';

const INSTANT: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};
const CLOCK: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/**
 * One formatter per (shape, zone): building an Intl.DateTimeFormat costs far more than
 * using one, and a scrolling worklist formats hundreds of times a second.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(shape: 'instant' | 'clock', timeZone: string): Intl.DateTimeFormat {
  const key = `${shape} ${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, ...(shape === 'instant' ? INSTANT : CLOCK) });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Instants as agents read them: "Mon, Nov 30, 9:05 AM EST" in the zone given (the
 * callback-hours zone unless it is the customer's own time). The numeric format is
 * the same in both screen languages so agents can read times to each other.
 */
export function formatInstant(instant: number, timeZone: string): string {
  return `${formatterFor('instant', timeZone).format(new Date(instant))} ${zoneAbbreviation(instant, timeZone)}`;
}

/** Wall-clock time only: "9:05 AM". */
export function formatClock(instant: number, timeZone: string): string {
  return formatterFor('clock', timeZone).format(new Date(instant));
}
