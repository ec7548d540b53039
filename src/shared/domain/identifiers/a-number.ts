import { z } from 'zod';
import { err, ok } from '../result';
import type { Result } from '../result';

/**
 * An A-number (alien registration number): `A` + 7–9 digits, normalized to `A` + 9
 * digits with zero padding (`A12345678` → `A012345678`). Input may be lower case and
 * carry hyphens or spaces (`a-012-345-678`, `A 12345678`).
 */
export interface ANumber {
  /** `A` + 9 digits: `A012345678`. */
  readonly normalized: string;
  /** The 9 digits alone: `012345678`. */
  readonly digits: string;
}

const MIN_DIGITS = 7;
const MAX_DIGITS = 9;
const EXAMPLE = 'A012345678';

export function parseANumber(input: string): Result<ANumber> {
  if (typeof input !== 'string') {
    return err('a_number.not_text', `A-number must be text, e.g. ${EXAMPLE}`);
  }
  const trimmed = input.trim();
  if (trimmed === '') {
    return err('a_number.empty', `enter an A-number: the letter A and 7 to 9 digits, e.g. ${EXAMPLE}`);
  }
  const bad = /[^A-Za-z0-9\s-]/.exec(trimmed);
  if (bad) {
    return err(
      'a_number.invalid_character',
      `A-number contains "${bad[0]}"; use only the letter A, digits, hyphens and spaces, e.g. A-012-345-678`,
      { char: bad[0] },
    );
  }
  const compact = trimmed.replace(/[\s-]+/g, '').toUpperCase();
  if (!compact.startsWith('A')) {
    const hint = /^\d+$/.test(compact) ? `; if it is an A-number, add the A: A${compact}` : '';
    return err(
      'a_number.missing_prefix',
      `A-number must start with the letter A, e.g. ${EXAMPLE}${hint}`,
      hint ? { suggestion: `A${compact}` } : undefined,
    );
  }
  const digits = compact.slice(1);
  const stray = /\D/.exec(digits);
  if (stray) {
    return err(
      'a_number.not_digits',
      `after the A, an A-number has only digits, but character ${stray.index + 2} is "${stray[0]}"`,
      { position: stray.index + 2, char: stray[0] },
    );
  }
  if (digits.length < MIN_DIGITS) {
    return err(
      'a_number.too_few_digits',
      `A-number has ${digits.length} digits, expected ${MIN_DIGITS} to ${MAX_DIGITS}`,
      { digits: digits.length, min: MIN_DIGITS, max: MAX_DIGITS },
    );
  }
  if (digits.length > MAX_DIGITS) {
    return err(
      'a_number.too_many_digits',
      `A-number has ${digits.length} digits, expected ${MIN_DIGITS} to ${MAX_DIGITS}`,
      { digits: digits.length, min: MIN_DIGITS, max: MAX_DIGITS },
    );
  }
  if (/^0+$/.test(digits)) {
    return err('a_number.all_zeros', 'A-number cannot be all zeros; check the number on the notice or card');
  }
  const padded = digits.padStart(MAX_DIGITS, '0');
  return ok({ normalized: `A${padded}`, digits: padded });
}

/** At an edge (IPC, sync): accepts any accepted formatting, outputs the normalized form. */
export const aNumberSchema = z.string().transform((value, ctx) => {
  const parsed = parseANumber(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error.message, input: value });
    return z.NEVER;
  }
  return parsed.value.normalized;
});
