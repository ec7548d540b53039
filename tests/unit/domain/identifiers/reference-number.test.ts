import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatReference,
  parseReference,
  REFERENCE_ALPHABET,
  REFERENCE_FIELD_MAX,
  REFERENCE_KINDS,
  type ReferenceKind,
} from '../../../../src/shared/domain/identifiers/reference-number';
import { referenceReadBack } from '../../../../src/shared/domain/identifiers/reference-read-back';

const kinds = Object.keys(REFERENCE_KINDS) as ReferenceKind[];
const parts = fc.record({
  kind: fc.constantFrom(...kinds),
  desk: fc.integer({ min: 0, max: REFERENCE_FIELD_MAX - 1 }),
  seq: fc.integer({ min: 0, max: REFERENCE_FIELD_MAX - 1 }),
});

describe('reference numbers', () => {
  it('look like Q-7KD4-0M2P-X and use no I, L, O or U', () => {
    const ref = formatReference({ kind: 'inquiry', desk: 7 * 32 ** 3 + 19 * 32 ** 2 + 13 * 32 + 4, seq: 5 });
    expect(ref.display).toMatch(/^Q-7KD4-0005-[0-9A-Z]$/);
    expect(ref.canonical).toBe(ref.display.replace(/-/g, ''));
    expect(REFERENCE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('read back what was written, in any case and spacing (property)', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const ref = formatReference(p);
        expect(parseReference(ref.display)).toMatchObject({ ok: true, value: p });
        expect(parseReference(` ${ref.canonical.toLowerCase().replace(/(.{3})/g, '$1 ')}`)).toMatchObject({
          ok: true,
          value: { canonical: ref.canonical },
        });
      }),
    );
  });

  it('are unique: different kind, desk or sequence never give the same reference (property)', () => {
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        fc.pre(a.kind !== b.kind || a.desk !== b.desk || a.seq !== b.seq);
        expect(formatReference(a).canonical).not.toBe(formatReference(b).canonical);
      }),
    );
  });

  it('catch every single misheard character (property)', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 31 }), (p, at, shift) => {
        const canonical = formatReference(p).canonical;
        const wrong = REFERENCE_ALPHABET[(REFERENCE_ALPHABET.indexOf(canonical[at] as string) + shift) % 32];
        const typo = canonical.slice(0, at) + wrong + canonical.slice(at + 1);
        expect(parseReference(typo).ok).toBe(false);
      }),
    );
  });

  it('catch swapped neighbours except Luhn mod N’s one blind pair (0 ↔ Z)', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 1, max: 8 }), (p, at) => {
        const canonical = formatReference(p).canonical;
        const [a, b] = [canonical[at] as string, canonical[at + 1] as string];
        fc.pre(a !== b && !(new Set([a, b]).has('0') && new Set([a, b]).has('Z')));
        const swapped = canonical.slice(0, at) + b + a + canonical.slice(at + 2);
        expect(parseReference(swapped).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('accept the look-alikes O, I and L as 0, 1 and 1', () => {
    const ref = formatReference({ kind: 'callback', desk: 1, seq: 0 });
    const spoken = ref.canonical.replace(/0/g, 'O').replace(/1/g, 'l');
    expect(parseReference(spoken)).toMatchObject({ ok: true, value: { canonical: ref.canonical } });
  });

  it('refuse bad input with a reason', () => {
    expect(parseReference('')).toMatchObject({ ok: false, error: { code: 'reference.empty' } });
    expect(parseReference('Q-7KD4-0M2P-X!')).toMatchObject({
      ok: false,
      error: { code: 'reference.invalid_character' },
    });
    expect(parseReference('Q-7KD4-0M2P')).toMatchObject({
      ok: false,
      error: { code: 'reference.wrong_length' },
    });
    expect(parseReference('B-7KD4-0M2P-X')).toMatchObject({
      ok: false,
      error: { code: 'reference.unknown_kind' },
    });
    expect(() => formatReference({ kind: 'inquiry', desk: REFERENCE_FIELD_MAX, seq: 0 })).toThrow(RangeError);
  });
});

describe('reference read-back', () => {
  it('reads the number and spells it in the caller’s language', () => {
    const ref = formatReference({ kind: 'service-request', desk: 1, seq: 2 });
    const en = referenceReadBack(ref, 'en');
    expect(en.sentence).toBe(`The reference number of your service request is ${ref.display}.`);
    expect(en.spelled.startsWith('S as in Sierra, 0, 0, 0, 1, 0, 0, 0, 2, ')).toBe(true);
    const es = referenceReadBack(ref, 'es');
    expect(es.sentence).toBe(`El número de referencia de su solicitud de servicio es ${ref.display}.`);
    expect(es.spelled.startsWith('S de Sierra, 0')).toBe(true);
  });
});
