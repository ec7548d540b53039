import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aNumberSchema, parseANumber } from '../../../../src/shared/domain/identifiers';

function normalized(input: string): string {
  const result = parseANumber(input);
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.error.message}`);
  return result.value.normalized;
}

describe('parseANumber: accepted formats', () => {
  it.each([
    ['A012345678', 'A012345678'],
    ['A12345678', 'A012345678'],
    ['a12345678', 'A012345678'],
    ['A-012-345-678', 'A012345678'],
    ['A 012 345 678', 'A012345678'],
    ['  a-12-345-678 ', 'A012345678'],
    ['A1234567', 'A001234567'],
    ['A123456789', 'A123456789'],
  ])('accepts %j as %s', (input, expected) => {
    expect(normalized(input)).toBe(expected);
  });

  it('returns the 9 digits alone too', () => {
    expect(parseANumber('A1234567')).toEqual({
      ok: true,
      value: { normalized: 'A001234567', digits: '001234567' },
    });
  });
});

describe('parseANumber: errors', () => {
  it.each([
    ['', 'a_number.empty', 'enter an A-number: the letter A and 7 to 9 digits, e.g. A012345678'],
    [
      'A#12345678',
      'a_number.invalid_character',
      'A-number contains "#"; use only the letter A, digits, hyphens and spaces, e.g. A-012-345-678',
    ],
    [
      '012345678',
      'a_number.missing_prefix',
      'A-number must start with the letter A, e.g. A012345678; if it is an A-number, add the A: A012345678',
    ],
    ['B012345678', 'a_number.missing_prefix', 'A-number must start with the letter A, e.g. A012345678'],
    ['A0123X5678', 'a_number.not_digits', 'after the A, an A-number has only digits, but character 6 is "X"'],
    ['AA12345678', 'a_number.not_digits', 'after the A, an A-number has only digits, but character 2 is "A"'],
    ['A123456', 'a_number.too_few_digits', 'A-number has 6 digits, expected 7 to 9'],
    ['A', 'a_number.too_few_digits', 'A-number has 0 digits, expected 7 to 9'],
    ['A1234567890', 'a_number.too_many_digits', 'A-number has 10 digits, expected 7 to 9'],
    [
      'A-000-000-000',
      'a_number.all_zeros',
      'A-number cannot be all zeros; check the number on the notice or card',
    ],
  ])('rejects %j with %s', (input, code, message) => {
    expect(parseANumber(input)).toMatchObject({ ok: false, error: { code, message } });
  });

  it('does not throw for a non-string at run time', () => {
    expect(parseANumber(undefined as unknown as string)).toMatchObject({
      ok: false,
      error: { code: 'a_number.not_text' },
    });
  });
});

describe('aNumberSchema', () => {
  it('outputs the normalized value and carries the parse message', () => {
    expect(aNumberSchema.parse('a-12-345-678')).toBe('A012345678');
    expect(aNumberSchema.safeParse('A123').error?.issues[0]?.message).toBe(
      'A-number has 3 digits, expected 7 to 9',
    );
  });
});

describe('A-number properties', () => {
  const digits = fc
    .integer({ min: 7, max: 9 })
    .chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }))
    .map((d) => d.join(''))
    .filter((d) => /[1-9]/.test(d));
  const formatted = digits.chain((d) =>
    fc
      .tuple(
        fc.constantFrom('A', 'a'),
        fc.array(fc.constantFrom('', '', '-', ' '), { minLength: d.length, maxLength: d.length }),
      )
      .map(([a, seps]) => a + [...d].map((ch, i) => (seps[i] ?? '') + ch).join('')),
  );

  it('normalizes to A + 9 digits, keeping the number', () => {
    fc.assert(
      fc.property(formatted, (input) => {
        const n = normalized(input);
        expect(n).toMatch(/^A\d{9}$/);
        expect(Number(n.slice(1))).toBe(Number(input.replace(/\D/g, '')));
      }),
    );
  });

  it('normalization is idempotent', () => {
    fc.assert(
      fc.property(formatted, (input) => {
        const once = normalized(input);
        expect(normalized(once)).toBe(once);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (input) => {
        const result = parseANumber(input);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});
