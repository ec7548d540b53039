import { META_KEYS, type MetaStore } from '../store/meta';
import type { PiiCipher } from '../store/pii-cipher';

/**
 * The idle-lock verifier lives in the cache encrypted with the cache key, like
 * the session: a plain scrypt hash on disk could be attacked offline.
 */
const PLACE = 'meta/unlock_verifier';
const LEGACY_PREFIX = 'scrypt$';

export function saveUnlockVerifier(meta: MetaStore, cipher: PiiCipher, verifier: string): void {
  meta.set(META_KEYS.unlockVerifier, cipher.encrypt(verifier, PLACE).toString('base64'));
}

/** The verifier, or undefined when there is none or it cannot be decrypted (then unlocking fails). */
export function loadUnlockVerifier(meta: MetaStore, cipher: PiiCipher): string | undefined {
  const raw = meta.get(META_KEYS.unlockVerifier);
  if (raw === undefined || raw.startsWith(LEGACY_PREFIX)) return undefined;
  try {
    return cipher.decrypt(Buffer.from(raw, 'base64'), PLACE);
  } catch {
    return undefined;
  }
}

/** Caches written before the verifier was encrypted: encrypt it in place, so it never stays plain. */
export function upgradeUnlockVerifier(meta: MetaStore, cipher: PiiCipher): void {
  const raw = meta.get(META_KEYS.unlockVerifier);
  if (raw?.startsWith(LEGACY_PREFIX)) saveUnlockVerifier(meta, cipher, raw);
}
