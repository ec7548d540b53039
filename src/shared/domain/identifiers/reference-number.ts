import { err, ok, type Result } from '../result';

/**
 * Reference numbers (issue 14): what the agent reads back to the caller for every
 * recorded inquiry, service request, expedite request, appointment request and
 * callback, and what the caller quotes when they call again.
 *
 * Shape: kind letter + desk code (4) + sequence (4) + check character, in Crockford's
 * base-32 alphabet (no I, L, O or U: nothing that reads as 1, 0 or another letter),
 * written `Q-7KD4-0M2P-X` and stored without dashes (`Q7KD40M2PX`).
 * - Unique across the deployment even when created offline: the server hands each
 *   desktop installation a desk code once (sign-in), and the desktop counts its own
 *   sequence; the server refuses a reference outside the pushing desktop's desk code
 *   or one already used. Records the server makes itself use server desk codes.
 * - The check character is Luhn mod N (N = 32) over the other nine characters: it
 *   catches every single misheard or mistyped character and every swap of two
 *   neighbours but one pair of values (0 ↔ Z, the algorithm's known blind spot).
 */
export const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = REFERENCE_ALPHABET.length;

export const REFERENCE_KINDS = {
  inquiry: 'Q',
  'service-request': 'S',
  expedite: 'E',
  appointment: 'A',
  callback: 'C',
} as const;
export type ReferenceKind = keyof typeof REFERENCE_KINDS;

/** Desk codes and sequences are 4 characters: 32⁴ = 1,048,576 of each. */
export const REFERENCE_FIELD_MAX = BASE ** 4;
const LENGTH = 10;
const EXAMPLE = 'Q-7KD4-0M2P-X';

export interface ReferenceParts {
  kind: ReferenceKind;
  desk: number;
  seq: number;
}

export interface ReferenceNumber extends ReferenceParts {
  /** `Q7KD40M2PX`: the stored, searchable form. */
  readonly canonical: string;
  /** `Q-7KD4-0M2P-X`: the form on screens and in read-back. */
  readonly display: string;
}

function encodeField(value: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < 4; i++) {
    out = (REFERENCE_ALPHABET[rest % BASE] as string) + out;
    rest = Math.floor(rest / BASE);
  }
  return out;
}

function decodeField(text: string): number {
  let value = 0;
  for (const char of text) value = value * BASE + REFERENCE_ALPHABET.indexOf(char);
  return value;
}

/** Luhn mod N: sum of the digits (base N) of alternately doubled values, from the right. */
function luhnSum(text: string, doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = text.length - 1; i >= 0; i--) {
    let addend = REFERENCE_ALPHABET.indexOf(text[i] as string) * (double ? 2 : 1);
    addend = Math.floor(addend / BASE) + (addend % BASE);
    sum += addend;
    double = !double;
  }
  return sum;
}

export function referenceCheckCharacter(payload: string): string {
  return REFERENCE_ALPHABET[(BASE - (luhnSum(payload, true) % BASE)) % BASE] as string;
}

function displayOf(canonical: string): string {
  return `${canonical.slice(0, 1)}-${canonical.slice(1, 5)}-${canonical.slice(5, 9)}-${canonical.slice(9)}`;
}

export function formatReference(parts: ReferenceParts): ReferenceNumber {
  for (const field of ['desk', 'seq'] as const) {
    const value = parts[field];
    if (!Number.isInteger(value) || value < 0 || value >= REFERENCE_FIELD_MAX) {
      throw new RangeError(`reference ${field} ${value} is outside 0…${REFERENCE_FIELD_MAX - 1}`);
    }
  }
  const payload = REFERENCE_KINDS[parts.kind] + encodeField(parts.desk) + encodeField(parts.seq);
  const canonical = payload + referenceCheckCharacter(payload);
  return { ...parts, canonical, display: displayOf(canonical) };
}

const KIND_BY_LETTER: ReadonlyMap<string, ReferenceKind> = new Map(
  Object.entries(REFERENCE_KINDS).map(([kind, letter]) => [letter, kind as ReferenceKind]),
);

/**
 * Reads a reference as an agent types or hears it: any case, dashes or spaces, and
 * Crockford's look-alikes (O → 0, I and L → 1). A wrong check character means a
 * character was misheard or mistyped.
 */
export function parseReference(input: string): Result<ReferenceNumber> {
  const compact = input
    .replace(/[\s-]+/g, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact === '') return err('reference.empty', `enter a reference number, e.g. ${EXAMPLE}`);
  const bad = [...compact].find((c) => !REFERENCE_ALPHABET.includes(c));
  if (bad !== undefined) {
    return err(
      'reference.invalid_character',
      `a reference number has no "${bad}"; it uses digits and letters except I, L, O and U, e.g. ${EXAMPLE}`,
      { char: bad },
    );
  }
  if (compact.length !== LENGTH) {
    return err(
      'reference.wrong_length',
      `a reference number has ${LENGTH} characters (${EXAMPLE}); this one has ${compact.length}`,
      { length: compact.length },
    );
  }
  const kind = KIND_BY_LETTER.get(compact[0] as string);
  if (!kind) {
    return err(
      'reference.unknown_kind',
      `a reference number starts with Q, S, E, A or C, not ${compact[0]}`,
      { char: compact[0] as string },
    );
  }
  if (luhnSum(compact, false) % BASE !== 0) {
    return err(
      'reference.check_failed',
      'this reference number does not check out: a character was probably misheard or mistyped; read it back again',
    );
  }
  return ok({
    kind,
    desk: decodeField(compact.slice(1, 5)),
    seq: decodeField(compact.slice(5, 9)),
    canonical: compact,
    display: displayOf(compact),
  });
}

/** The characters of a reference in read-back order, for a screen to spell (NATO words, digit names). */
export function referenceCharacters(reference: ReferenceNumber): string[] {
  return [...reference.canonical];
}

/** A stored reference as agents read it (`Q-7KD4-0M2P-X`); null when there is none yet. */
export function displayReference(reference: string | undefined): string | null {
  if (!reference) return null;
  const parsed = parseReference(reference);
  return parsed.ok ? parsed.value.display : reference;
}
