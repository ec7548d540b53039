import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, dayInWords, zoneName } from '../../../../src/shared/domain/language';
import { ny } from '../helpers';

const NY = 'America/New_York';

describe('dayInWords', () => {
  const friday = ny('2026-12-04 06:33');
  it('says today, tomorrow and yesterday in the language', () => {
    expect(dayInWords(ny('2026-12-04 18:30'), friday, NY, 'en')).toBe('today');
    expect(dayInWords(ny('2026-12-04 18:30'), friday, NY, 'es')).toBe('hoy');
    expect(dayInWords(ny('2026-12-05 09:00'), friday, NY, 'en')).toBe('tomorrow');
    expect(dayInWords(ny('2026-12-05 09:00'), friday, NY, 'es')).toBe('mañana');
    expect(dayInWords(ny('2026-12-03 09:00'), friday, NY, 'es')).toBe('ayer');
  });

  it('names the weekday within the coming week, else a short date', () => {
    expect(dayInWords(ny('2026-12-07 07:00'), friday, NY, 'en')).toBe('Monday');
    expect(dayInWords(ny('2026-12-07 07:00'), friday, NY, 'es')).toBe('lunes');
    expect(dayInWords(ny('2026-12-14 07:00'), friday, NY, 'en')).toBe('Mon, Dec 14');
  });

  it('counts calendar days in the zone, not 24-hour spans', () => {
    // 23:30 to 00:30 the next night is one day apart, though only an hour passes.
    expect(calendarDaysBetween(ny('2026-12-04 23:30'), ny('2026-12-05 00:30'), NY)).toBe(1);
    // Across the spring-forward night (a 23-hour day).
    expect(calendarDaysBetween(ny('2026-03-07 12:00'), ny('2026-03-09 12:00'), NY)).toBe(2);
  });
});

describe('zoneName', () => {
  const winter = ny('2026-01-15 12:00');
  it('names zones the way people say them, in the language', () => {
    expect(zoneName('America/Puerto_Rico', 'en', winter)).toBe('Atlantic Standard Time');
    expect(zoneName('America/Puerto_Rico', 'es', winter)).toBe('hora estándar del Atlántico');
    expect(zoneName('America/Chicago', 'en', winter)).toBe('Central Time');
    expect(zoneName('America/Chicago', 'es', winter)).toBe('hora central');
  });

  it('falls back to the zone id for a zone Intl does not know', () => {
    expect(zoneName('Mars/Olympus', 'en', winter)).toBe('Mars/Olympus');
  });
});
