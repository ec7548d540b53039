import { z } from 'zod';

/** A wall-clock time of day, "HH:MM" 24-hour, as written in policy files. */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day as HH:MM (24-hour), e.g. 07:00');

/** Minutes after midnight for an "HH:MM" string already validated by clockTimeSchema. */
export function minutesOfDay(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
