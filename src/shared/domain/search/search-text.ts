import { parseANumber } from '../identifiers/a-number';
import { parseReceiptNumber } from '../identifiers/receipt-number';
import { parseReference } from '../identifiers/reference-number';
import { parseUsPhone } from '../phones/phone-number';

/**
 * How the customer search reads what an agent types into its one box (issue 14):
 * a name in any case and with or without accents ("garcia" finds "García"), or an
 * identifier written any way the identifier rules accept — a receipt number
 * (`eac-22-123-45678`), an A-number (`A-012-345-678`, or its digits alone), a phone
 * number (`(202) 555-0143`), a reference number (`q-7kd4-0m2p-x`).
 *
 * Records are indexed by the same keys, so "any format" means: both sides are
 * reduced to the identifier's normalized form by the identifier's own parser.
 */

/** Lower case, accents removed: "García Núñez" → "garcia nunez". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** The words of a name, folded: "María-José O'Brien" → maria, jose, o, brien. */
export function nameWords(name: string): string[] {
  return foldText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

export const SEARCH_KEY_KINDS = ['a-number', 'receipt', 'phone', 'reference'] as const;
export type SearchKeyKind = (typeof SEARCH_KEY_KINDS)[number];

/** One identifier in its normalized form, as the index stores it: `receipt:EAC2212345678`. */
export function searchKey(kind: SearchKeyKind, normalized: string): string {
  return `${kind}:${normalized}`;
}

export interface SearchQuery {
  /** Identifiers the text is, in normalized form (usually none or one). */
  keys: string[];
  /** Name words that must each begin a word of the customer's name. */
  words: string[];
}

const DIGITS_ONLY = /^[\d\s().+-]+$/;

/**
 * Everything the text could be. A text can be an identifier and a name at once
 * (a ten-letter surname may pass a reference number's check), so both are
 * searched and the answers joined.
 */
export function readSearchText(text: string): SearchQuery {
  const trimmed = text.trim();
  if (trimmed === '') return { keys: [], words: [] };
  const keys = new Set<string>();
  const reference = parseReference(trimmed);
  if (reference.ok) keys.add(searchKey('reference', reference.value.canonical));
  const receipt = parseReceiptNumber(trimmed);
  if (receipt.ok) keys.add(searchKey('receipt', receipt.value.normalized));
  const digits = trimmed.replace(/\D/g, '');
  // The A-number's digits alone are what an agent often reads off a card.
  const aNumber = parseANumber(DIGITS_ONLY.test(trimmed) ? `A${digits}` : trimmed);
  if (aNumber.ok) keys.add(searchKey('a-number', aNumber.value.normalized));
  if (digits.length >= 10) {
    const phone = parseUsPhone(trimmed);
    if (phone.ok) keys.add(searchKey('phone', phone.value.e164));
  }
  const words = /\p{L}/u.test(trimmed) ? nameWords(trimmed) : [];
  return { keys: [...keys], words };
}
