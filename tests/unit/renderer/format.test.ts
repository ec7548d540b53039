import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneAbbreviation } from '../../../src/shared/domain/calendar/business-calendar';
import { formatClock, formatInstant, formatZone } from '../../../src/renderer/src/i18n/format';

const ZONES = ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Pacific/Honolulu', 'UTC'];

describe('formatInstant / formatClock (cached formatters)', () => {
  it('reads like "Mon, Nov 30, 9:05 AM EST"', () => {
    expect(formatInstant(Date.UTC(2026, 10, 30, 14, 5), 'America/New_York')).toBe('Mon, Nov 30, 9:05 AM EST');
    expect(formatClock(Date.UTC(2026, 6, 1, 14, 5), 'America/New_York')).toBe('10:05 AM');
  });

  it('writes the screen language when given: Spanish day and month names, a. m./p. m.', () => {
    expect(formatInstant(Date.UTC(2026, 10, 30, 14, 5), 'America/New_York', 'es')).toBe(
      'lun, 30 de nov, 9:05 a.m. EST',
    );
    expect(formatClock(Date.UTC(2026, 6, 1, 20, 5), 'America/Puerto_Rico', 'es')).toBe('4:05 p.m.');
    expect(formatZone('America/Puerto_Rico', Date.UTC(2026, 6, 1))).toBe('Atlantic Standard Time');
  });

  it('writes what a freshly built formatter writes, across zones and DST, calls interleaved (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...ZONES),
        (instant, timeZone) => {
          const date = new Date(instant);
          const full = new Intl.DateTimeFormat('en-US', {
            timeZone,
            weekday: 'short',
            month: 'short',
            day: 'numeric',
            hour: 'numeric',
            minute: '2-digit',
          }).format(date);
          const clock = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' });
          expect(formatClock(instant, timeZone)).toBe(clock.format(date));
          expect(formatInstant(instant, timeZone)).toBe(`${full} ${zoneAbbreviation(instant, timeZone)}`);
        },
      ),
      { numRuns: 200 },
    );
  });
});
