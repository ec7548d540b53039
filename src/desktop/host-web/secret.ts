import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret per launch: 256 bits, URL-safe (it travels in the URL fragment). */
export function makeLaunchSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison (hashing first makes the lengths equal and hides the length). */
export function secretsMatch(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}
