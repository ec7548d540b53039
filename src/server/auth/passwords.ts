import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N=2^14, r=8 (16 MiB, ~50 ms) — the classic interactive-login setting; stored per hash so it can be raised. */
const PARAMS = { N: 2 ** 14, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash` (base64url): self-describing so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/**
 * Stored as the password hash of accounts that sign in only through single sign-on:
 * never a valid scrypt hash, so no password signs them in.
 */
export const NO_PASSWORD_HASH = 'sso-only';

/**
 * True when `password` is the one `stored` was made from. A stored value that is no
 * hash (an SSO-only account) is still answered after a full verification against the
 * dummy hash, so a password tried on such an account costs what a wrong one costs
 * and its timing does not say which accounts sign in only through the provider.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    await scryptMatches(password, (await DUMMY_HASH_PROMISE).split('$'));
    return false;
  }
  return scryptMatches(password, parts);
}

async function scryptMatches(password: string, parts: string[]): Promise<boolean> {
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  try {
    const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    });
    return key.length === expected.length && timingSafeEqual(key, expected);
  } catch {
    return false;
  }
}

/** A hash of nothing, verified against for unknown user names so timing does not reveal which names exist. */
export const DUMMY_HASH_PROMISE: Promise<string> = hashPassword('not-a-real-password');
