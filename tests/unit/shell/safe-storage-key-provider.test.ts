import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  safeStorageKeyProvider,
  type SafeStoragePort,
} from '../../../src/main/electron/safe-storage-key-provider';
import { writeFileAtomic } from '../../../src/main/electron/write-file-atomic';

/** Stands in for the OS store: "seals" by prefixing and reversing, so a foreign blob fails to open. */
function fakeSafeStorage(overrides: Partial<SafeStoragePort> & { backend?: string } = {}) {
  const calls: string[] = [];
  const port: SafeStoragePort = {
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (plain) => {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from('SEALED:'), Buffer.from(plain).reverse()]);
    },
    decryptStringAsync: async (sealed) => {
      calls.push('decrypt');
      if (!sealed.subarray(0, 7).equals(Buffer.from('SEALED:')))
        throw new Error('Error while decrypting the ciphertext');
      return { shouldReEncrypt: false, result: Buffer.from(sealed.subarray(7)).reverse().toString() };
    },
    getSelectedStorageBackend: () => overrides.backend ?? 'gnome_libsecret',
    ...overrides,
  };
  return { port, calls };
}

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agent-desk-key-'));
  file = join(dir, 'cache', 'cache-key.sealed');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('safeStorageKeyProvider (async safeStorage)', () => {
  it('creates a 32-byte key once, sealed in a private file, and opens it again', async () => {
    const { port, calls } = fakeSafeStorage();
    const first = await safeStorageKeyProvider(port, file, 'win32').loadKey();
    expect(first).toHaveLength(32);
    expect(readFileSync(file).subarray(0, 7).toString()).toBe('SEALED:');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await safeStorageKeyProvider(port, file, 'win32').loadKey();
    expect(again.equals(first)).toBe(true);
    expect(calls).toEqual(['encrypt', 'decrypt']);
    expect(readdirSync(join(dir, 'cache'))).toEqual(['cache-key.sealed']);
  });

  it('refuses Linux’s basic_text store (a key built into Chromium is no protection)', async () => {
    const { port, calls } = fakeSafeStorage({ backend: 'basic_text' });
    await expect(safeStorageKeyProvider(port, file, 'linux').loadKey()).rejects.toThrow(
      /no keyring.*password-store/,
    );
    expect(calls).toEqual([]);
    // Only Linux has that store: elsewhere the backend is not consulted.
    await expect(safeStorageKeyProvider(port, file, 'darwin').loadKey()).resolves.toHaveLength(32);
  });

  it('refuses to work without OS protection', async () => {
    const { port } = fakeSafeStorage({ isAsyncEncryptionAvailable: async () => false });
    await expect(safeStorageKeyProvider(port, file, 'darwin').loadKey()).rejects.toThrow(/login keychain/);
  });

  it('a key that cannot be opened: the cause and the recovery steps, naming the folder', async () => {
    const { port } = fakeSafeStorage();
    writeFileAtomic(file, Buffer.from('sealed by another account'));
    const error = await safeStorageKeyProvider(port, file, 'win32')
      .loadKey()
      .then(
        () => null,
        (e: Error) => e,
      );
    expect(error?.message).toContain('cannot be opened (Error while decrypting the ciphertext)');
    expect(error?.message).toContain(`rename the folder ${join(dir, 'cache')}`);
    expect(error?.message).toContain('downloads your work from the server');
    // Nothing was overwritten: the old key may still come back with the old password.
    expect(readFileSync(file).toString()).toBe('sealed by another account');
  });

  it('re-seals the key when the OS asks (its own key rotated)', async () => {
    const { port } = fakeSafeStorage();
    const key = await safeStorageKeyProvider(port, file, 'darwin').loadKey();
    const rotated = fakeSafeStorage({
      decryptStringAsync: async (sealed) => ({
        shouldReEncrypt: true,
        result: Buffer.from(sealed.subarray(7)).reverse().toString(),
      }),
      encryptStringAsync: async (plain) =>
        Buffer.concat([Buffer.from('SEALED:'), Buffer.from(plain).reverse(), Buffer.from(' ')]),
    });
    const before = readFileSync(file);
    expect((await safeStorageKeyProvider(rotated.port, file, 'darwin').loadKey()).equals(key)).toBe(true);
    expect(readFileSync(file).equals(before)).toBe(false);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temporary file behind', () => {
    const target = join(dir, 'a', 'file.bin');
    writeFileAtomic(target, 'old');
    writeFileAtomic(target, Buffer.from('new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'a'))).toEqual(['file.bin']);
  });

  it('a failed write leaves the previous content', () => {
    const target = join(dir, 'file.bin');
    writeFileAtomic(target, 'kept');
    // The target's "folder" is a file: the temporary file cannot be created.
    expect(() => writeFileAtomic(join(target, 'x'), 'lost')).toThrow();
    expect(readFileSync(target, 'utf8')).toBe('kept');
  });
});
