import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dateInWords,
  datePattern,
  formatDateInput,
  parseDateInput,
} from '../../../../src/shared/domain/language';
import type { Language } from '../../../../src/shared/domain/language';
import { addDays } from '../../../../src/shared/domain/time/zoned';

const NOV_2 = { year: 2026, month: 11, day: 2 };

describe('parseDateInput', () => {
  it("reads an English screen's month/day/year (11/02/2026 is November 2)", () => {
    expect(parseDateInput('11/02/2026', 'en')).toEqual({ ok: true, value: NOV_2 });
    expect(parseDateInput('11/2/2026', 'en')).toEqual({ ok: true, value: NOV_2 });
    expect(parseDateInput(' 11-02-2026 ', 'en')).toEqual({ ok: true, value: NOV_2 });
  });

  it("reads a Spanish screen's day/month/year (02/11/2026 is November 2)", () => {
    expect(parseDateInput('02/11/2026', 'es')).toEqual({ ok: true, value: NOV_2 });
    expect(parseDateInput('2.11.2026', 'es')).toEqual({ ok: true, value: NOV_2 });
  });

  it('accepts ISO on either screen', () => {
    for (const language of ['en', 'es'] as const) {
      expect(parseDateInput('2026-11-02', language)).toEqual({ ok: true, value: NOV_2 });
    }
  });

  it("accepts the month written out in the screen's language", () => {
    expect(parseDateInput('Nov 2, 2026', 'en')).toEqual({ ok: true, value: NOV_2 });
    expect(parseDateInput('November 2 2026', 'en')).toEqual({ ok: true, value: NOV_2 });
    expect(parseDateInput('2 November 2026', 'en')).toEqual({ ok: true, value: NOV_2 });
    expect(parseDateInput('2 de noviembre de 2026', 'es')).toEqual({ ok: true, value: NOV_2 });
    expect(parseDateInput('2 Nov. 2026', 'es')).toEqual({ ok: true, value: NOV_2 });
    expect(parseDateInput('15 de septiembre de 2026', 'es')).toEqual({
      ok: true,
      value: { year: 2026, month: 9, day: 15 },
    });
  });

  it('refuses days that do not exist, naming the problem', () => {
    const feb30 = parseDateInput('02/30/2026', 'en');
    expect(feb30).toMatchObject({ ok: false, error: { code: 'date.no_such_day' } });
    expect(parseDateInput('2/29/2028', 'en').ok).toBe(true);
    const month13 = parseDateInput('13/11/2026', 'en');
    expect(month13).toMatchObject({
      ok: false,
      error: { code: 'date.no_such_month', params: { month: 13 } },
    });
    expect(parseDateInput('13/11/2026', 'es').ok).toBe(true);
  });

  it('asks for a four-digit year rather than guess the century', () => {
    expect(parseDateInput('11/02/26', 'en')).toMatchObject({
      ok: false,
      error: { code: 'date.year_digits' },
    });
    expect(parseDateInput('2 nov 26', 'es')).toMatchObject({
      ok: false,
      error: { code: 'date.year_digits' },
    });
  });

  it('says how to type a date when the text is not one', () => {
    const bad = parseDateInput('next tuesday', 'en');
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'date.format', params: { order: 'month-day-year' } },
    });
    if (!bad.ok) expect(bad.error.message).toContain('MM/DD/YYYY');
    expect(parseDateInput('', 'es')).toMatchObject({ ok: false, error: { code: 'date.empty' } });
    expect(datePattern('es')).toBe('DD/MM/YYYY');
  });

  it('reads back what formatDateInput writes, in both languages (property)', () => {
    const day = fc.integer({ min: 0, max: 60_000 }).map((n) => addDays({ year: 1900, month: 1, day: 1 }, n));
    fc.assert(
      fc.property(day, fc.constantFrom<Language>('en', 'es'), (date, language) => {
        expect(parseDateInput(formatDateInput(date, language), language)).toEqual({ ok: true, value: date });
        expect(parseDateInput(dateInWords(date, language), language)).toEqual({ ok: true, value: date });
      }),
    );
  });
});

describe('dateInWords', () => {
  it('says the date the way it is read aloud', () => {
    expect(dateInWords(NOV_2, 'en')).toBe('Monday, November 2, 2026');
    expect(dateInWords(NOV_2, 'es')).toBe('lunes, 2 de noviembre de 2026');
  });
});
