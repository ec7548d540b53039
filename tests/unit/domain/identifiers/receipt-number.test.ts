import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RECEIPT_OFFICES,
  formatReceiptNumber,
  parseReceiptNumber,
  receiptNumberSchema,
} from '../../../../src/shared/domain/identifiers';

function parsed(input: string) {
  const result = parseReceiptNumber(input);
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.error.message}`);
  return result.value;
}

function failure(input: string) {
  const result = parseReceiptNumber(input);
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  return result.error;
}

describe('parseReceiptNumber: accepted formats', () => {
  it('splits a compact receipt number into its parts', () => {
    expect(parsed('EAC2212345678')).toEqual({
      normalized: 'EAC2212345678',
      prefix: 'EAC',
      fiscalYear: 22,
      workday: 123,
      sequence: 45678,
      office: 'Vermont Service Center',
      directorate: 'service-center-operations',
    });
  });

  it.each([
    'EAC-22-123-45678',
    'eac2212345678',
    'eac-22-123-45678',
    'EAC 22 123 45678',
    '  EAC2212345678  ',
    'EAC - 22 - 123 - 45678',
    'E-A-C-2212345678',
    'EAC22\t12345678',
  ])('accepts %j', (input) => {
    expect(parsed(input).normalized).toBe('EAC2212345678');
  });

  it('keeps leading zeros in the parts', () => {
    expect(parsed('LIN0500100007')).toMatchObject({ fiscalYear: 5, workday: 1, sequence: 7 });
  });

  it('accepts workdays above 366 (real receipt numbers use them) and rejects only 000', () => {
    expect(parsed('EAC2190012345').workday).toBe(900);
    expect(parsed('EAC2199912345').workday).toBe(999);
  });

  it.each([
    ['EAC', 'Vermont Service Center', 'service-center-operations'],
    ['VSC', 'Vermont Service Center', 'service-center-operations'],
    ['WAC', 'California Service Center', 'service-center-operations'],
    ['CSC', 'California Service Center', 'service-center-operations'],
    ['LIN', 'Nebraska Service Center', 'service-center-operations'],
    ['NSC', 'Nebraska Service Center', 'service-center-operations'],
    ['SRC', 'Texas Service Center', 'service-center-operations'],
    ['TSC', 'Texas Service Center', 'service-center-operations'],
    ['YSC', 'Potomac Service Center', 'service-center-operations'],
    ['MSC', 'National Benefits Center', 'field-operations'],
    ['NBC', 'National Benefits Center', 'field-operations'],
    ['IOE', 'Online filing (USCIS ELIS)', 'needs-agent-choice'],
  ])('maps prefix %s to %s (%s)', (prefix, office, directorate) => {
    expect(parsed(`${prefix}0912345678`)).toMatchObject({ prefix, office, directorate });
  });

  it('knows exactly the prefixes of PRODUCT.md', () => {
    expect(RECEIPT_OFFICES.map((o) => o.prefix).sort()).toEqual(
      ['CSC', 'EAC', 'IOE', 'LIN', 'MSC', 'NBC', 'NSC', 'SRC', 'TSC', 'VSC', 'WAC', 'YSC'].sort(),
    );
  });
});

describe('parseReceiptNumber: errors', () => {
  it.each([
    ['', 'receipt.empty', 'enter a receipt number: 3 letters and 10 digits, e.g. EAC2212345678'],
    ['   ', 'receipt.empty', 'enter a receipt number: 3 letters and 10 digits, e.g. EAC2212345678'],
    [
      'EAC/22/123/45678',
      'receipt.invalid_character',
      'receipt number contains "/"; use only letters, digits, hyphens and spaces, e.g. EAC-22-123-45678',
    ],
    [
      '2212345678',
      'receipt.prefix_not_letters',
      'receipt number must start with 3 letters (the office prefix, e.g. EAC); "221" is not 3 letters',
    ],
    [
      'EA22123456789',
      'receipt.prefix_not_letters',
      'receipt number must start with 3 letters (the office prefix, e.g. EAC); "EA2" is not 3 letters',
    ],
    [
      'EACX221234567',
      'receipt.prefix_too_long',
      'receipt number must start with exactly 3 letters, but "EACX" has 4',
    ],
    [
      'EAC22123O5678',
      'receipt.letter_in_digits',
      'after the 3-letter prefix a receipt number has only digits, but character 9 is "O"',
    ],
    [
      'EAC221234567',
      'receipt.wrong_length',
      'receipt number has 12 characters, expected 13 (3 letters + 10 digits)',
    ],
    [
      'EAC-22-123-456789',
      'receipt.wrong_length',
      'receipt number has 14 characters, expected 13 (3 letters + 10 digits)',
    ],
    [
      'XYZ2212345678',
      'receipt.unknown_prefix',
      'unknown receipt prefix XYZ; known prefixes are EAC, VSC, WAC, CSC, LIN, NSC, SRC, TSC, YSC, MSC, NBC, IOE',
    ],
    [
      'EAC2200012345',
      'receipt.invalid_workday',
      'workday 000 is not a valid workday (digits 6–8 of a receipt number start at 001)',
    ],
  ])('rejects %j with %s', (input, code, message) => {
    expect(failure(input)).toMatchObject({ code, message });
  });

  it('does not throw for a non-string at run time', () => {
    expect(parseReceiptNumber(42 as unknown as string)).toEqual({
      ok: false,
      error: { code: 'receipt.not_text', message: 'receipt number must be text, e.g. EAC2212345678' },
    });
  });
});

describe('formatReceiptNumber', () => {
  it('formats for display with hyphens between the parts', () => {
    expect(formatReceiptNumber(parsed('eac2212345678'))).toBe('EAC-22-123-45678');
    expect(formatReceiptNumber(parsed('IOE0900100001'))).toBe('IOE-09-001-00001');
  });
});

describe('receiptNumberSchema', () => {
  it('outputs the normalized value', () => {
    expect(receiptNumberSchema.parse('wac-21-900-12345')).toBe('WAC2190012345');
  });

  it('carries the parse message when it rejects', () => {
    const result = receiptNumberSchema.safeParse('XYZ2212345678');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^unknown receipt prefix XYZ/);
  });
});

describe('receipt number properties', () => {
  const prefix = fc.constantFrom(...RECEIPT_OFFICES.map((o) => o.prefix));
  const digits = fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 })
    .map((d) => d.join(''))
    .filter((d) => d.slice(2, 5) !== '000');
  const separator = fc.constantFrom('', '', '-', ' ', ' - ', '  ', '\t');

  /** The 13 characters, each followed by a random separator, in random case. */
  const formatted = (compact: string) =>
    fc
      .tuple(
        fc.array(separator, { minLength: 13, maxLength: 13 }),
        fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }),
        separator,
      )
      .map(
        ([seps, lower, lead]) =>
          lead + [...compact].map((ch, i) => (lower[i] ? ch.toLowerCase() : ch) + (seps[i] ?? '')).join(''),
      );

  it('any known prefix + 10 digits in any accepted formatting normalizes to the same value', () => {
    fc.assert(
      fc.property(
        fc.tuple(prefix, digits).chain(([p, d]) => fc.tuple(fc.constant(p + d), formatted(p + d))),
        ([compact, input]) => {
          expect(parsed(input).normalized).toBe(compact);
        },
      ),
    );
  });

  it('format(parse(x)) parses to the same normalized value', () => {
    fc.assert(
      fc.property(
        fc.tuple(prefix, digits).chain(([p, d]) => formatted(p + d)),
        (input) => {
          const first = parsed(input);
          expect(parsed(formatReceiptNumber(first))).toEqual(first);
        },
      ),
    );
  });

  it('never throws and never accepts something that is not 3 letters + 10 digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (input) => {
        const result = parseReceiptNumber(input);
        if (result.ok) expect(result.value.normalized).toMatch(/^[A-Z]{3}\d{10}$/);
        else expect(result.error.message.length).toBeGreaterThan(0);
      }),
    );
  });
});
