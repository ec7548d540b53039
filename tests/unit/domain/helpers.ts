import { zonedTimeToInstant } from '../../../src/shared/domain/time/zoned';

/** Instant of a New York wall-clock time, written as "2026-11-30 07:00". */
export function ny(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`bad test time ${text}`);
  const [, year, month, day, hour, minute] = m.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return zonedTimeToInstant({ year, month, day, hour, minute }, 'America/New_York');
}

export const MIN = 60_000;
