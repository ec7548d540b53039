import { z } from 'zod';
import { err, ok } from '../result';
import type { Result } from '../result';
import { RECEIPT_OFFICES, receiptOfficeFor } from './receipt-offices';
import type { ReceiptDirectorate } from './receipt-offices';

/**
 * A USCIS receipt number: 3 letters (office prefix) + 10 digits — 2-digit fiscal
 * year, 3-digit workday, 5-digit sequence — e.g. EAC2212345678.
 *
 * Accepted input: any case, with hyphens and/or spaces anywhere (agents copy it from
 * notices as `EAC-22-123-45678`, `eac 22 123 45678`, …). Nothing else is accepted.
 *
 * Workday: we reject only 000. The field is nominally the computer workday of the
 * fiscal year (001–366), but real receipt numbers carry larger values (the 9xx series
 * USCIS uses when a day's 5-digit sequence is not enough), and turning away a real
 * customer's receipt number is worse than accepting an odd one. 000 is never issued.
 */
export interface ReceiptNumber {
  /** 13 characters, upper case, no separators: `EAC2212345678`. */
  readonly normalized: string;
  readonly prefix: string;
  readonly fiscalYear: number;
  readonly workday: number;
  readonly sequence: number;
  /** Display name of the receipting office, e.g. "Vermont Service Center". */
  readonly office: string;
  readonly directorate: ReceiptDirectorate;
}

const PREFIX_LETTERS = 3;
const DIGITS = 10;
const LENGTH = PREFIX_LETTERS + DIGITS;
const EXAMPLE = 'EAC2212345678';

export function parseReceiptNumber(input: string): Result<ReceiptNumber> {
  if (typeof input !== 'string') {
    return err('receipt.not_text', `receipt number must be text, e.g. ${EXAMPLE}`);
  }
  const trimmed = input.trim();
  if (trimmed === '') {
    return err('receipt.empty', `enter a receipt number: 3 letters and 10 digits, e.g. ${EXAMPLE}`);
  }
  const bad = /[^A-Za-z0-9\s-]/.exec(trimmed);
  if (bad) {
    return err(
      'receipt.invalid_character',
      `receipt number contains "${bad[0]}"; use only letters, digits, hyphens and spaces, e.g. EAC-22-123-45678`,
      { char: bad[0] },
    );
  }
  const compact = trimmed.replace(/[\s-]+/g, '').toUpperCase();

  const letters = (/^[A-Z]*/.exec(compact) ?? [''])[0].length;
  if (letters < PREFIX_LETTERS) {
    return err(
      'receipt.prefix_not_letters',
      `receipt number must start with 3 letters (the office prefix, e.g. EAC); "${compact.slice(0, PREFIX_LETTERS)}" is not 3 letters`,
      { prefix: compact.slice(0, PREFIX_LETTERS) },
    );
  }
  if (letters > PREFIX_LETTERS) {
    return err(
      'receipt.prefix_too_long',
      `receipt number must start with exactly 3 letters, but "${compact.slice(0, letters)}" has ${letters}`,
      { prefix: compact.slice(0, letters), letters },
    );
  }
  const strayLetter = /[A-Z]/.exec(compact.slice(PREFIX_LETTERS));
  if (strayLetter) {
    return err(
      'receipt.letter_in_digits',
      `after the 3-letter prefix a receipt number has only digits, but character ${strayLetter.index + PREFIX_LETTERS + 1} is "${strayLetter[0]}"`,
      { position: strayLetter.index + PREFIX_LETTERS + 1, char: strayLetter[0] },
    );
  }
  if (compact.length !== LENGTH) {
    return err(
      'receipt.wrong_length',
      `receipt number has ${compact.length} characters, expected ${LENGTH} (3 letters + 10 digits)`,
      { length: compact.length, expected: LENGTH },
    );
  }

  const prefix = compact.slice(0, PREFIX_LETTERS);
  const office = receiptOfficeFor(prefix);
  if (!office) {
    return err(
      'receipt.unknown_prefix',
      `unknown receipt prefix ${prefix}; known prefixes are ${RECEIPT_OFFICES.map((o) => o.prefix).join(', ')}`,
      { prefix, known: RECEIPT_OFFICES.map((o) => o.prefix).join(', ') },
    );
  }

  const workdayDigits = compact.slice(5, 8);
  const workday = Number(workdayDigits);
  if (workday === 0) {
    return err(
      'receipt.invalid_workday',
      `workday ${workdayDigits} is not a valid workday (digits 6–8 of a receipt number start at 001)`,
      { workday: workdayDigits },
    );
  }

  return ok({
    normalized: compact,
    prefix,
    fiscalYear: Number(compact.slice(3, 5)),
    workday,
    sequence: Number(compact.slice(8)),
    office: office.office,
    directorate: office.directorate,
  });
}

/** For display and read-back: `EAC-22-123-45678`. */
export function formatReceiptNumber(receipt: ReceiptNumber): string {
  const n = receipt.normalized;
  return `${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5, 8)}-${n.slice(8)}`;
}

/** At an edge (IPC, sync): accepts any accepted formatting, outputs the normalized form. */
export const receiptNumberSchema = z.string().transform((value, ctx) => {
  const parsed = parseReceiptNumber(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error.message, input: value });
    return z.NEVER;
  }
  return parsed.value.normalized;
});
