import { describe, expect, it } from 'vitest';
import { plural, pluralCategory } from '../../../../src/shared/domain/language';

describe('plural', () => {
  const attempts = { one: '# attempt', other: '# attempts' };
  const intentos = { one: '# intento', other: '# intentos' };
  it("picks the language's form and writes the number its way", () => {
    expect(plural('en', 1, attempts)).toBe('1 attempt');
    expect(plural('en', 0, attempts)).toBe('0 attempts');
    expect(plural('en', 2, attempts)).toBe('2 attempts');
    expect(plural('en', 1234, attempts)).toBe('1,234 attempts');
    expect(plural('es', 1, intentos)).toBe('1 intento');
    expect(plural('es', 0, intentos)).toBe('0 intentos');
  });

  it('falls back to other for a category the forms do not list', () => {
    expect(pluralCategory('es', 1_000_000)).toBe('many');
    expect(plural('es', 1_000_000, intentos)).toBe('1,000,000 intentos');
  });
});
