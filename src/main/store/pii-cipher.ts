import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
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

export function createPiiCipher(key: Buffer): Result<PiiCipher> {
  if (key.length !== KEY_BYTES) {
    return err('store.bad_key', `The cache key must be ${KEY_BYTES} bytes (got ${key.length}).`);
  }
  // A derived key, not the raw one: the same master key may serve other purposes later.
  const dataKey = createHmac('sha256', key).update('agent-desk cache data v1').digest();
  return ok({
    encrypt(plain, place) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
      cipher.setAAD(Buffer.from(place, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]);
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
