import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from 'node:crypto';
import { err, ok, type Result } from '../../shared/domain/result';

/**
 * Encryption at rest for the cache (customer data is PII): AES-256-GCM, a fresh
 * 96-bit IV per value, and the value's place (`row/customers/c-1`) as associated
 * data so a blob cannot be moved to another row unnoticed.
 * Blob layout: [format 1][12-byte IV][16-byte tag][ciphertext].
 */
export interface PiiCipher {
  encrypt(plain: string, place: string): Buffer;
  /** Throws when the blob was tampered with or encrypted with another key. */
  decrypt(blob: Buffer, place: string): string;
}

const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;
/** One randomFillSync per this many bytes of IVs (~5,400 values) instead of one per value. */
const IV_POOL_BYTES = 64 * 1024;

/**
 * Hands out fresh random IVs from a pool filled by one CSPRNG call: the same
 * randomness as randomBytes(12) per value, without a syscall-sized cost each.
 * Every slice is handed out once (never reused); an empty pool is refilled
 * with new random bytes, in a new buffer, so earlier slices stay untouched.
 */
export function createIvPool(poolBytes = IV_POOL_BYTES): () => Buffer {
  let pool = Buffer.alloc(0);
  let next = 0;
  return () => {
    if (next + IV_BYTES > pool.length) {
      pool = randomFillSync(Buffer.allocUnsafe(Math.max(poolBytes, IV_BYTES)));
      next = 0;
    }
    const iv = pool.subarray(next, next + IV_BYTES);
    next += IV_BYTES;
    return iv;
  };
}

export function createPiiCipher(key: Buffer): Result<PiiCipher> {
  if (key.length !== KEY_BYTES) {
    return err('store.bad_key', `The cache key must be ${KEY_BYTES} bytes (got ${key.length}).`);
  }
  // A derived key, not the raw one: the same master key may serve other purposes later.
  const dataKey = createHmac('sha256', key).update('agent-desk cache data v1').digest();
  const nextIv = createIvPool();
  return ok({
    encrypt(plain, place) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
      cipher.setAAD(Buffer.from(place, 'utf8'));
      const body = cipher.update(plain, 'utf8');
      const rest = cipher.final(); // empty for GCM, kept for correctness
      // One allocation for the blob (this runs for every row of a first sync).
      const blob = Buffer.allocUnsafe(1 + IV_BYTES + TAG_BYTES + body.length + rest.length);
      blob[0] = FORMAT;
      iv.copy(blob, 1);
      cipher.getAuthTag().copy(blob, 1 + IV_BYTES);
      body.copy(blob, 1 + IV_BYTES + TAG_BYTES);
      rest.copy(blob, 1 + IV_BYTES + TAG_BYTES + body.length);
      return blob;
    },
    decrypt(blob, place) {
      if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== FORMAT) {
        throw new Error(`unreadable encrypted value at ${place}`);
      }
      const iv = blob.subarray(1, 1 + IV_BYTES);
      const tag = blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', dataKey, iv);
      decipher.setAAD(Buffer.from(place, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
  });
}
