import { parseANumber } from './identifiers/a-number';

/**
 * What a worklist search looks for, whatever way the agent typed it. A phone number
 * matches however it is punctuated ("7875550112", "(787) 555-0112", "+1 787-555-0112"
 * and "555-0112" for its end), an A-number however it is spaced or padded
 * ("A12345678", "a-012-345-678"), a receipt number with or without hyphens, a name
 * without its accents. Every word must be found (in any order) in the callback's
 * search text, which `searchText` builds the same way.
 */

/** Lower case, accents removed, so "García" matches "garcia". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Fewer digits than this are not taken as a phone number (a house number, a year). */
const MIN_PHONE_DIGITS = 7;
const PHONE_PUNCTUATION = /[\s().+-]/g;

/** A phone's searchable digits: the national number without +1. */
export function phoneDigits(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/** The words of a search query, each to be found in a callback's search text. */
export function searchWords(query: string): string[] {
  const trimmed = query.trim();
  if (trimmed === '') return [];
  const phoneLike = trimmed.replace(PHONE_PUNCTUATION, '');
  if (/^\d+$/.test(phoneLike) && phoneLike.length >= MIN_PHONE_DIGITS) return [phoneDigits(phoneLike)];
  if (/^a[\s\d-]+$/i.test(trimmed)) {
    const aNumber = parseANumber(trimmed);
    if (aNumber.ok) return [aNumber.value.normalized.toLowerCase()];
  }
  return foldText(trimmed)
    .split(/\s+/)
    .map((w) => (/^[a-z]{3}[\d-]+$/.test(w) ? w.replace(/-/g, '') : w))
    .flatMap((w) => w.split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w.length > 0);
}

/** What a callback can be found by: name, receipt number, A-number and phones, space separated. */
export function searchText(fields: {
  name?: string | null;
  receiptNumber?: string | null;
  aNumber?: string | null;
  phones?: readonly { e164: string }[];
}): string {
  const parts = [
    fields.name ? foldText(fields.name) : '',
    fields.receiptNumber?.toLowerCase() ?? '',
    fields.aNumber?.toLowerCase() ?? '',
    ...(fields.phones ?? []).map((p) => phoneDigits(p.e164)),
  ];
  return ` ${parts.join(' ')} `;
}
