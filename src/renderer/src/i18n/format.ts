import { zoneAbbreviation } from '../../../shared/domain/calendar/business-calendar';

/**
 * Instants as agents read them: "Mon, Nov 30, 9:05 AM EST" in the zone given (the
 * callback-hours zone unless it is the customer's own time). The numeric format is
 * the same in both screen languages so agents can read times to each other.
 */
export function formatInstant(instant: number, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(instant));
  return `${text} ${zoneAbbreviation(instant, timeZone)}`;
}

/** Wall-clock time only: "9:05 AM". */
export function formatClock(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(
    new Date(instant),
  );
}
