import type * as NodeCrypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Counts the scrypt derivations and the salts they use: the behaviour behind equal cost
// (one full derivation per check), never the time itself.
const derivations = vi.hoisted(() => [] as string[]);
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof NodeCrypto>();
  const scrypt = (...args: Parameters<typeof real.scrypt>) => {
    derivations.push(Buffer.from(args[1] as Buffer).toString('base64url'));
    return (real.scrypt as (...a: unknown[]) => void)(...args);
  };
  return { ...real, scrypt, default: { ...real, scrypt } };
});

const { DUMMY_HASH_PROMISE, NO_PASSWORD_HASH, hashPassword, verifyPassword } =
  await import('../../../src/server/auth/passwords');

const saltOf = (hash: string) => hash.split('$')[4];

describe('a password tried on an SSO-only account', () => {
  afterEach(() => {
    derivations.length = 0;
  });

  it('is refused after one full derivation against the dummy hash, as a wrong password is', async () => {
    const dummy = await DUMMY_HASH_PROMISE;
    const real = await hashPassword('the-right-password');
    derivations.length = 0;

    expect(await verifyPassword('a-guess', real)).toBe(false);
    expect(derivations).toEqual([saltOf(real)]);
    derivations.length = 0;

    expect(await verifyPassword('a-guess', NO_PASSWORD_HASH)).toBe(false);
    expect(derivations).toEqual([saltOf(dummy)]);
  });

  it('is refused even when it is the stored marker itself or the dummy’s password', async () => {
    expect(await verifyPassword(NO_PASSWORD_HASH, NO_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword('not-a-real-password', NO_PASSWORD_HASH)).toBe(false);
    expect(derivations).toHaveLength(2);
  });
});
