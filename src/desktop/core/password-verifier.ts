import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Unlocking after the idle lock must work offline, so sign-in keeps a scrypt
 * verifier of the password (never the password) in the encrypted cache.
 */
const N = 16384;
const KEY_LENGTH = 32;

export function makeVerifier(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEY_LENGTH, { N });
  return `scrypt$${N}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function checkVerifier(password: string, verifier: string): boolean {
  const [kind, n, salt, hash] = verifier.split('$');
  if (kind !== 'scrypt' || !n || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
