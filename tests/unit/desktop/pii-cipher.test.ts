import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIvPool, createPiiCipher, type PiiCipher } from '../../../src/desktop/store/pii-cipher';

const IV_BYTES = 12;

function cipherFor(key = randomBytes(32)): PiiCipher {
  const made = createPiiCipher(key);
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

const ivOf = (blob: Buffer) => blob.subarray(1, 1 + IV_BYTES).toString('hex');

describe('IV pool', () => {
  it('hands out 12-byte IVs that never repeat, across several refills', () => {
    // A tiny pool forces a refill every 4 IVs.
    const next = createIvPool(48);
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const iv = next();
      expect(iv.length).toBe(IV_BYTES);
      seen.add(iv.toString('hex'));
    }
    expect(seen.size).toBe(2_000);
  });

  it('never rewrites an IV it already handed out (a refill uses a new buffer)', () => {
    const next = createIvPool(24);
    const first = next();
    const copy = Buffer.from(first);
    for (let i = 0; i < 10; i++) next();
    expect(first.equals(copy)).toBe(true);
  });

  it('still works when asked for a pool smaller than one IV', () => {
    const next = createIvPool(1);
    expect(next().length).toBe(IV_BYTES);
    expect(next().equals(next())).toBe(false);
  });
});

describe('PII cipher', () => {
  it('round-trips any text at its place, with a fresh IV per value', () => {
    const cipher = cipherFor();
    const ivs = new Set<string>();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ minLength: 1 }), (plain, place) => {
        const blob = cipher.encrypt(plain, place);
        ivs.add(ivOf(blob));
        expect(cipher.decrypt(blob, place)).toBe(plain);
      }),
    );
    const again = cipher.encrypt('same text', 'row/customers/c-1');
    const twice = cipher.encrypt('same text', 'row/customers/c-1');
    expect(again.equals(twice)).toBe(false);
    expect(ivOf(again)).not.toBe(ivOf(twice));
    expect(ivs.has(ivOf(again))).toBe(false);
  });

  it('gives every one of many values its own IV (more than one pool of them)', () => {
    const cipher = cipherFor();
    const ivs = new Set<string>();
    const count = 12_000; // > 64 KiB / 12 bytes: crosses at least two refills
    for (let i = 0; i < count; i++) ivs.add(ivOf(cipher.encrypt(`v${i}`, `row/t/${i}`)));
    expect(ivs.size).toBe(count);
  });

  it('refuses a blob moved to another place, tampered with, or sealed with another key', () => {
    const cipher = cipherFor();
    const blob = cipher.encrypt('María García', 'row/customers/c-1');
    expect(() => cipher.decrypt(blob, 'row/customers/c-2')).toThrow();
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => cipher.decrypt(tampered, 'row/customers/c-1')).toThrow();
    expect(() => cipherFor().decrypt(blob, 'row/customers/c-1')).toThrow();
  });

  it('refuses a key of the wrong size with a reason', () => {
    const made = createPiiCipher(randomBytes(16));
    expect(made.ok).toBe(false);
    expect(!made.ok && made.error.code).toBe('store.bad_key');
  });
});
